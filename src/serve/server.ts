import Fastify, { type FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { renderProductIndex, renderProductPage } from './product-page.js';
import { claimSources } from './sources.js';
import { SummaryCache, type SummaryCacheOptions } from './summary-cache.js';

export interface ServerOptions {
  readonly logger?: boolean;
  readonly cache?: SummaryCacheOptions;
}

const PRODUCT_ID = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** The read side: summaries from the cache with ETags, the sources of each claim, and the demo pages. */
export function buildServer(db: Kysely<Database>, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false });
  const cache = new SummaryCache(db, options.cache);

  app.get<{ Params: { id: string } }>(
    '/v1/products/:id/summary',
    { schema: { params: { type: 'object', properties: { id: PRODUCT_ID }, required: ['id'] } } },
    async (request, reply) => {
      const entry = await cache.get(request.params.id);
      if (entry.kind === 'missing') {
        return reply.code(404).send({ error: 'summary_not_found', reason: entry.reason, message: entry.detail });
      }
      reply.header('etag', entry.etag).header('cache-control', 'public, max-age=60');
      if (request.headers['if-none-match'] === entry.etag) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(entry.body);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { claim?: string } }>(
    '/v1/products/:id/summary/sources',
    {
      schema: {
        params: { type: 'object', properties: { id: PRODUCT_ID }, required: ['id'] },
        querystring: {
          type: 'object',
          properties: { claim: { type: 'string', pattern: '^(overview|pros\\.\\d+|cons\\.\\d+)$' } },
        },
      },
    },
    async (request, reply) => {
      const entry = await cache.get(request.params.id);
      if (entry.kind === 'missing') {
        return reply.code(404).send({ error: 'summary_not_found', reason: entry.reason, message: entry.detail });
      }
      const claims = await claimSources(db, entry.summary, request.query.claim);
      if (!claims) {
        return reply
          .code(404)
          .send({ error: 'claim_not_found', message: `the summary has no claim "${request.query.claim}"` });
      }
      return { product_id: entry.summary.product_id, model_version: entry.summary.model_version, claims };
    },
  );

  app.get('/healthz', async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', message: (error as Error).message });
    }
  });

  app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
    const entry = await cache.get(request.params.id);
    if (entry.kind === 'missing') {
      return reply.code(404).type('text/plain; charset=utf-8').send(`No summary: ${entry.detail}.`);
    }
    const product = await db
      .selectFrom('products')
      .select('product_name')
      .where('product_id', '=', request.params.id)
      .executeTakeFirst();
    return reply.type('text/html; charset=utf-8').send(renderProductPage(entry.summary, product?.product_name ?? null));
  });

  app.get('/', async (_request, reply) => {
    const rows = await db
      .selectFrom('products as p')
      .innerJoin('summaries as s', 's.product_id', 'p.product_id')
      .select(['p.product_id', 'p.product_name'])
      .select(({ fn }) => fn.max('s.id').as('latest'))
      .groupBy(['p.product_id', 'p.product_name'])
      .orderBy('p.product_id')
      .limit(1000)
      .execute();
    const counts = await db
      .selectFrom('reviews')
      .select(['product_id'])
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .groupBy('product_id')
      .execute();
    const countBy = new Map(counts.map((row) => [row.product_id, Number(row.n)]));
    const products = rows.map((row) => ({
      productId: row.product_id,
      name: row.product_name,
      reviewCount: countBy.get(row.product_id) ?? 0,
    }));
    return reply.type('text/html; charset=utf-8').send(renderProductIndex(products));
  });

  return app;
}
