import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Counter } from 'prom-client';
import { z } from 'zod';
import { type EventType, recordEvent } from '../../store/events.js';
import type { Database } from '../../store/schema.js';
import type { ExperimentCache } from '../experiment-cache.js';
import { ProductParams, SubjectId, servedVariant } from './summary.js';

const IdempotencyKey = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/)
  .describe('client-chosen, reused on retry: a retried request is acknowledged but stored once');

/** Fixed reasons rather than free text: nothing a shopper types (names, e-mails) ends up in the store. */
export const FEEDBACK_REASONS = [
  'inaccurate',
  'not_relevant',
  'missing_info',
  'too_long',
  'offensive',
  'other',
] as const;

const FeedbackBody = z.object({
  helpful: z.boolean(),
  reason: z.enum(FEEDBACK_REASONS).optional(),
  subject: SubjectId.optional(),
  model_version: z.string().max(100).optional().describe('the x-reviewlens-model-version the client was served'),
  idempotency_key: IdempotencyKey.optional().describe('alternative to the Idempotency-Key header (for sendBeacon)'),
});

const EventBody = z.object({
  type: z.enum(['impression', 'expand', 'purchase', 'return']),
  product_id: z.string().min(1).max(200),
  subject: SubjectId.optional(),
  model_version: z.string().max(100).optional(),
  idempotency_key: IdempotencyKey,
});

const EventsBody = z.object({ events: z.array(EventBody).min(1).max(100) });

const Ack = z.object({ stored: z.number().int(), duplicates: z.number().int() });
const BadRequest = z.object({ error: z.string(), message: z.string() });

export interface EventRouteDeps {
  readonly db: Kysely<Database>;
  readonly experiments: ExperimentCache;
  readonly counter: Counter<'type' | 'outcome'>;
}

const WRITE_LIMIT = { max: 600, timeWindow: '1 minute' };

export function registerEventRoutes(app: FastifyInstance, deps: EventRouteDeps): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  /** Attributes the event to the running experiment's arm of the subject, then stores it once. */
  const store = async (
    type: EventType,
    productId: string,
    body: { subject?: string | undefined; model_version?: string | undefined },
    key: string,
    extra: { helpful?: number; reason?: string | null } = {},
  ) => {
    const arm = body.subject ? await servedVariant(deps.experiments, body.subject) : undefined;
    const stored = await recordEvent(deps.db, {
      idempotency_key: key,
      type,
      product_id: productId,
      subject_id: body.subject ?? null,
      experiment: arm?.experiment ?? null,
      variant: arm?.variant ?? null,
      model_version: body.model_version ?? arm?.modelVersion ?? null,
      helpful: extra.helpful ?? null,
      reason: extra.reason ?? null,
      created_at: new Date().toISOString(),
    });
    deps.counter.inc({ type, outcome: stored ? 'stored' : 'duplicate' });
    return stored;
  };

  typed.post(
    '/v1/products/:id/summary/feedback',
    {
      bodyLimit: 4096,
      config: { rateLimit: WRITE_LIMIT },
      schema: {
        tags: ['feedback'],
        summary: 'Was this summary helpful? (idempotent: Idempotency-Key header or idempotency_key)',
        params: ProductParams,
        body: FeedbackBody,
        response: { 200: Ack, 400: BadRequest },
      },
    },
    async (request, reply) => {
      const header = request.headers['idempotency-key'];
      const key = request.body.idempotency_key ?? (typeof header === 'string' ? header : undefined);
      if (!key || !IdempotencyKey.safeParse(key).success) {
        return reply.code(400).send({ error: 'idempotency_key_required', message: 'send an Idempotency-Key' });
      }
      const stored = await store('feedback', request.params.id, request.body, key, {
        helpful: request.body.helpful ? 1 : 0,
        reason: request.body.reason ?? null,
      });
      return { stored: stored ? 1 : 0, duplicates: stored ? 0 : 1 };
    },
  );

  typed.post(
    '/v1/events',
    {
      bodyLimit: 65_536,
      config: { rateLimit: WRITE_LIMIT },
      schema: {
        tags: ['feedback'],
        summary: 'Impression, expand, purchase and return events (batch of ≤ 100, idempotent per event)',
        body: EventsBody,
        response: { 200: Ack },
      },
    },
    async (request) => {
      let stored = 0;
      for (const event of request.body.events) {
        if (await store(event.type, event.product_id, event, event.idempotency_key)) stored += 1;
      }
      return { stored, duplicates: request.body.events.length - stored };
    },
  );
}
