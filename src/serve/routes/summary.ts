import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from '../../domain/languages.js';
import { SummarySchema } from '../../domain/summary.js';
import { assignVariant, type Variant } from '../../experiment/assign.js';
import { requestRefresh } from '../../store/events.js';
import type { Database } from '../../store/schema.js';
import type { CorsPolicy } from '../cors.js';
import type { ExperimentCache, ProductionVersionCache } from '../experiment-cache.js';
import { claimSources } from '../sources.js';
import type { CachedSummary, SummaryCache } from '../summary-cache.js';

export const ProductParams = z.object({ id: z.string().min(1).max(200) });
export const SubjectId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/)
  .describe('pseudonymous user or session id; decides the A/B variant');

const SummaryQuery = z.object({
  lang: z.enum(SUPPORTED_LANGUAGES).optional().describe('preferred summary language, when several exist'),
  subject: SubjectId.optional(),
});

export const NotFound = z.object({
  error: z.string(),
  reason: z.enum(['unknown_product', 'too_few_reviews', 'not_generated_yet']).optional(),
  message: z.string(),
});

const SourcesResponse = z.object({
  product_id: z.string(),
  model_version: z.string(),
  claims: z.array(
    z.object({
      claim: z.string(),
      text: z.string(),
      aspect: z.string().nullable(),
      sources: z.array(
        z.object({
          chunk_id: z.string(),
          review_id: z.string(),
          text: z.string(),
          star_rating: z.number(),
          created_at: z.string(),
          verified_purchase: z.boolean(),
          helpful_votes: z.number(),
          language: z.string(),
        }),
      ),
    }),
  ),
});

/** How long shared caches (CDN) may keep a summary, and serve it stale while they revalidate. */
const FRESH_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600';
const STALE_CACHE_CONTROL = 'public, max-age=0, stale-while-revalidate=600';

export interface SourcesRouteDeps {
  readonly db: Kysely<Database>;
  readonly cache: SummaryCache;
  readonly experiments: ExperimentCache;
  readonly production: ProductionVersionCache;
}

export interface SummaryRouteDeps extends SourcesRouteDeps {
  readonly log: (message: string, error: unknown) => void;
  readonly cors: CorsPolicy;
}

export interface ServedVariant {
  readonly experiment: string;
  readonly variant: Variant;
  readonly modelVersion: string;
}

/** Which arm a subject sees; without a subject id everyone sees the champion (never an unmeasured challenger). */
export async function servedVariant(
  experiments: ExperimentCache,
  subject: string | undefined,
): Promise<ServedVariant | undefined> {
  const experiment = await experiments.current();
  if (!experiment) return undefined;
  const variant = subject ? assignVariant(experiment.name, subject, experiment.challenger_share) : 'champion';
  return {
    experiment: experiment.name,
    variant,
    modelVersion: variant === 'champion' ? experiment.champion : experiment.challenger,
  };
}

function subjectOf(request: FastifyRequest, fromQuery: string | undefined): string | undefined {
  const header = request.headers['x-reviewlens-subject'];
  return fromQuery ?? (typeof header === 'string' && SubjectId.safeParse(header).success ? header : undefined);
}

/**
 * The summary for a request: the arm's model version and the wanted language when such a summary exists, else
 * the product's newest summary (a challenger without a summary for this product falls back to what exists).
 */
async function summaryFor(
  cache: SummaryCache,
  productId: string,
  modelVersion: string | undefined,
  language: string | undefined,
): Promise<CachedSummary> {
  if (modelVersion && language) {
    const exact = await cache.get(productId, { modelVersion, language });
    if (exact.kind === 'found') return exact;
  }
  if (modelVersion || language) {
    const narrowed = await cache.get(productId, modelVersion ? { modelVersion } : { language });
    if (narrowed.kind === 'found') return narrowed;
  }
  return cache.get(productId);
}

function notFound(reply: FastifyReply, entry: Extract<CachedSummary, { kind: 'missing' }>) {
  return reply.code(404).send({ error: 'summary_not_found', reason: entry.reason, message: entry.detail });
}

/** The hot path: a product page's summary, from the in-process cache, with no plugin hooks but metrics. */
export function registerSummaryRoute(app: FastifyInstance, deps: SummaryRouteDeps): void {
  const { db, cache, experiments, production, cors } = deps;
  // Stale summaries already queued by this process: the refresh write happens once, not once per request.
  const refreshQueued = new Set<string>();
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/v1/products/:id/summary',
    {
      // CORS from precomputed strings (src/serve/cors.ts); preflights are still answered by @fastify/cors.
      config: { cors: false },
      schema: {
        tags: ['summaries'],
        summary: 'The cached summary of a product (ETag, stale-while-revalidate, A/B variant in headers)',
        params: ProductParams,
        querystring: SummaryQuery,
        response: { 200: SummarySchema, 304: z.null(), 404: NotFound },
      },
    },
    async (request, reply) => {
      const subject = subjectOf(request, request.query.subject);
      const arm = await servedVariant(experiments, subject);
      const entry = await summaryFor(
        cache,
        request.params.id,
        arm?.modelVersion ?? (await production.current()),
        request.query.lang,
      );
      reply.header('x-content-type-options', 'nosniff');
      const origin = request.headers.origin;
      const allowOrigin = origin === undefined ? undefined : cors.allowOrigin(origin);
      if (allowOrigin !== undefined) {
        reply
          .header('access-control-allow-origin', allowOrigin)
          .header('access-control-expose-headers', cors.exposeHeaders);
      }
      reply.header('vary', arm ? 'origin, x-reviewlens-subject' : 'origin');
      if (entry.kind === 'missing') return notFound(reply, entry);
      if (arm) reply.header('x-reviewlens-experiment', arm.experiment).header('x-reviewlens-variant', arm.variant);
      reply.header('x-reviewlens-model-version', entry.summary.model_version).header('etag', entry.etag);
      if (entry.expiresAtMs < Date.now()) {
        // Serve the stale summary now; the next summarize run regenerates it.
        reply.header('cache-control', STALE_CACHE_CONTROL).header('x-reviewlens-stale', 'true');
        const key = `${request.params.id}\u0000${entry.etag}`;
        if (!refreshQueued.has(key)) {
          refreshQueued.add(key);
          requestRefresh(db, request.params.id, entry.etag).catch((error) => {
            refreshQueued.delete(key);
            deps.log('could not queue a summary refresh', error);
          });
        }
      } else {
        reply.header('cache-control', FRESH_CACHE_CONTROL);
      }
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send(null);
      // Pre-serialised at cache fill: a string body skips the response serializer.
      return reply.type('application/json; charset=utf-8').send(entry.body as never);
    },
  );
}

/** The cited review snippets behind the claims of the served summary (the widget's "show sources"). */
export function registerSourcesRoute(app: FastifyInstance, deps: SourcesRouteDeps): void {
  const { db, cache, experiments, production } = deps;
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/v1/products/:id/summary/sources',
    {
      schema: {
        tags: ['summaries'],
        summary: 'The cited review snippets of one claim (or all claims) of the served summary',
        params: ProductParams,
        querystring: z.object({
          claim: z
            .string()
            .regex(/^(overview|pros\.\d+|cons\.\d+)$/)
            .optional(),
          lang: z.enum(SUPPORTED_LANGUAGES).optional(),
          subject: SubjectId.optional(),
        }),
        response: { 200: SourcesResponse, 404: NotFound },
      },
    },
    async (request, reply) => {
      const arm = await servedVariant(experiments, subjectOf(request, request.query.subject));
      const entry = await summaryFor(
        cache,
        request.params.id,
        arm?.modelVersion ?? (await production.current()),
        request.query.lang,
      );
      if (entry.kind === 'missing') return notFound(reply, entry);
      const claims = await claimSources(db, entry.summary, request.query.claim);
      if (!claims) {
        return reply
          .code(404)
          .send({ error: 'claim_not_found', message: `the summary has no claim "${request.query.claim}"` });
      }
      const body = { product_id: entry.summary.product_id, model_version: entry.summary.model_version, claims };
      return body as z.infer<typeof SourcesResponse>;
    },
  );
}
