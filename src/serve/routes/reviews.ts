import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Language } from '../../domain/languages.js';
import { MAX_JSON_NESTING, nestsDeeperThan } from '../../ingest/json-shape.js';
import type { ReviewSource, SourceItem } from '../../ingest/sources/source-item.js';
import { truncateRaw } from '../../ingest/sources/source-item.js';
import { withRun } from '../../store/runs.js';
import type { Database } from '../../store/schema.js';
import { requireScope } from '../auth.js';

export const MAX_REVIEWS_PER_REQUEST = 5000;

/** A request body as a ReviewSource, so HTTP ingest runs the very same contract, cleaning and upsert as files. */
export function memorySource(name: string, records: readonly unknown[]): ReviewSource {
  return {
    name,
    async *items(): AsyncIterable<SourceItem> {
      for (const [index, record] of records.entries()) {
        const position = index + 1;
        if (nestsDeeperThan(record, MAX_JSON_NESTING)) {
          // JSON.stringify would overflow the stack on it; keep no raw copy of what cannot be a review.
          yield {
            kind: 'reject',
            position,
            raw: '[not kept: nested too deep]',
            rejection: {
              reason: 'malformed_record',
              detail: `the record nests deeper than ${MAX_JSON_NESTING} levels`,
            },
          };
          continue;
        }
        const raw = truncateRaw(JSON.stringify(record) ?? 'undefined');
        if (record === null || typeof record !== 'object' || Array.isArray(record)) {
          yield {
            kind: 'reject',
            position,
            raw,
            rejection: { reason: 'malformed_record', detail: 'a review must be a JSON object' },
          };
        } else {
          yield { kind: 'record', position, raw, fields: record as Record<string, unknown> };
        }
      }
    },
  };
}

const IngestResponse = z.object({
  run_id: z.string(),
  reviews_read: z.number(),
  reviews_accepted: z.number(),
  reviews_rejected: z.number(),
  reviews_inserted: z.number(),
  reviews_updated: z.number(),
  reviews_unchanged: z.number(),
  products_changed: z.number(),
  rejects_by_reason: z.record(z.string(), z.number()),
  rejects: z.array(z.object({ position: z.number(), reason: z.string(), detail: z.string() })),
});

export function registerReviewRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; defaultLanguage: Language },
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/v1/reviews',
    {
      bodyLimit: 10 * 1024 * 1024,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      preHandler: requireScope(deps.db, 'ingest'),
      schema: {
        tags: ['ingest'],
        summary: 'Batch ingest (API key with scope "ingest"); same contract and counts as file ingest',
        security: [{ apiKey: [] }],
        body: z.object({ reviews: z.array(z.unknown()).min(1).max(MAX_REVIEWS_PER_REQUEST) }),
        response: { 200: IngestResponse },
      },
    },
    async (request) => {
      // Loaded on first use: the ingest guards carry language models (~200 MB) that an API process serving
      // only summaries should not pay for at start-up.
      const { ingest } = await import('../../ingest/ingest.js');
      const result = await withRun(deps.db, 'ingest', (runId) =>
        ingest(deps.db, memorySource(`http:${runId}`, request.body.reviews), {
          runId,
          defaultLanguage: deps.defaultLanguage,
        }),
      );
      const rejects = await deps.db
        .selectFrom('rejects')
        .select(['position', 'reason', 'detail'])
        .where('run_id', '=', result.run_id)
        .orderBy('position')
        .execute();
      return { ...result, rejects };
    },
  );
}
