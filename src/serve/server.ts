import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Language } from '../domain/languages.js';
import { registerStoreMetrics } from '../monitor/store-metrics.js';
import { type LineSink, RedactingStream } from '../privacy/redacting-stream.js';
import type { Database } from '../store/schema.js';
import type { StoreDialect } from '../store/store.js';
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS, CORS_MAX_AGE_SECONDS, CORS_METHODS, corsPolicy } from './cors.js';
import { frameworkErrorReply, registerErrorReplies } from './error-replies.js';
import { ExperimentCache, ProductionVersionCache } from './experiment-cache.js';
import { eventCounter, registerMetrics } from './metrics.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerEventRoutes } from './routes/events.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerInsightRoutes } from './routes/insights.js';
import { registerPageRoutes } from './routes/pages.js';
import { registerReviewRoutes } from './routes/reviews.js';
import { registerSourcesRoute, registerSummaryRoute } from './routes/summary.js';
import { SummaryCache, type SummaryCacheOptions } from './summary-cache.js';

/** Server logging: every line goes through the log redactor (secrets and PII) before `destination`. */
export interface LogSettings {
  /** pino level; default info. */
  readonly level?: string;
  /** Where redacted lines go; default stdout. */
  readonly destination?: LineSink;
}

export interface ServerOptions {
  /** Off by default; `true` logs at info to stdout. Never unredacted. */
  readonly logger?: boolean | LogSettings;
  readonly cache?: SummaryCacheOptions;
  /** Shop origins allowed to call the API from the widget (CORS); default any origin (the read API is public). */
  readonly corsOrigins?: readonly string[];
  /** Language of ingested reviews too short to identify (HTTP ingest). */
  readonly defaultLanguage?: Language;
  /** How often the running experiment is re-read from the store. */
  readonly experimentTtlMs?: number;
  /** Per-IP request budget of the write and admin routes per minute; the read routes are not limited here. */
  readonly rateLimitMax?: number;
  /** The store's SQL dialect (full-text search differs); default SQLite. */
  readonly dialect?: StoreDialect;
}

function loggerOptions(settings: boolean | LogSettings | undefined) {
  if (!settings) return false;
  const { level = 'info', destination = process.stdout } = settings === true ? {} : settings;
  return { level, stream: new RedactingStream(destination) };
}

/**
 * The HTTP side: public read API (summary, sources) for the widget, feedback and events, HTTP ingest and admin
 * behind API keys, ops endpoints, the widget script, demo pages and the ops dashboard. OpenAPI at /docs.
 */
export function buildServer(db: Kysely<Database>, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: loggerOptions(options.logger),
    bodyLimit: 65_536,
    frameworkErrors: frameworkErrorReply,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorReplies(app);
  const cache = new SummaryCache(db, options.cache);
  let unsubscribe: (() => Promise<void>) | undefined;
  app.addHook('onReady', async () => {
    unsubscribe = await cache.subscribeToInvalidations();
  });
  app.addHook('onClose', async () => {
    await unsubscribe?.();
  });
  const experiments = new ExperimentCache(db, options.experimentTtlMs);
  const production = new ProductionVersionCache(db, options.experimentTtlMs);
  const registry = registerMetrics(app);
  registerStoreMetrics(registry, db, () => cache.stats);

  app.register(swagger, {
    openapi: {
      info: {
        title: 'reviewlens API',
        version: '1.0.0',
        description: 'Grounded review summaries, feedback and A/B tests.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  app.register(swaggerUi, { routePrefix: '/docs' });
  app.register(cors, {
    origin: options.corsOrigins ? [...options.corsOrigins] : '*',
    methods: CORS_METHODS,
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    maxAge: CORS_MAX_AGE_SECONDS,
  });
  app.register(rateLimit, { global: false, max: options.rateLimitMax ?? 600, timeWindow: '1 minute' });

  const log = (message: string, error: unknown) => app.log.error({ err: error }, message);
  // The hot read route lives outside helmet's scope: its per-request hooks (even when skipped per route) cost a
  // measurable share of the route's budget; it sets its own nosniff header. Everything else gets helmet.
  app.register(async (hot) => {
    registerSummaryRoute(hot, { db, cache, experiments, production, log, cors: corsPolicy(options.corsOrigins) });
  });
  app.register(async (scope) => {
    await scope.register(helmet, {
      // The widget script and the API are loaded from shop pages on other origins.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
        },
      },
    });
    registerSourcesRoute(scope, { db, cache, experiments, production });
    registerEventRoutes(scope, { db, experiments, counter: eventCounter(registry) });
    registerReviewRoutes(scope, { db, defaultLanguage: options.defaultLanguage ?? 'en' });
    registerAdminRoutes(scope, { db, experiments });
    registerHealthRoutes(scope, { db, registry });
    registerPageRoutes(scope, { db, cache });
    registerInsightRoutes(scope, { db, dialect: options.dialect ?? 'sqlite' });
  });
  return app;
}
