import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { HashedNgramEmbedder } from '../../index/embedder.js';
import { emergingIssues, scopeInsights } from '../../insights/insight-service.js';
import { searchSnippets } from '../../insights/search.js';
import type { Database } from '../../store/schema.js';
import type { StoreDialect } from '../../store/store.js';
import { requireScope } from '../auth.js';

const Id = z.string().min(1).max(200);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

/**
 * Insights for product, marketing and support teams (behind an admin key: they aggregate the whole catalogue):
 * aspect analytics per product and category, emerging issues, and hybrid snippet search.
 */
export function registerInsightRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; dialect: StoreDialect }) {
  const { db, dialect } = deps;
  const embedder = new HashedNgramEmbedder();
  app.register(async (scope) => {
    scope.addHook('preHandler', requireScope(db, 'admin'));
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    const common = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };
    const tags = ['insights'];
    const security = [{ apiKey: [] }];

    typed.get(
      '/v1/insights/products/:id',
      {
        ...common,
        schema: { tags, security, params: z.object({ id: Id }), querystring: z.object({ since: IsoDate.optional() }) },
      },
      async (request) => scopeInsights(db, { kind: 'product', productId: request.params.id }, request.query.since),
    );
    typed.get(
      '/v1/insights/categories/:category',
      {
        ...common,
        schema: {
          tags,
          security,
          params: z.object({ category: Id }),
          querystring: z.object({ since: IsoDate.optional() }),
        },
      },
      async (request) =>
        scopeInsights(db, { kind: 'category', category: request.params.category }, request.query.since),
    );
    typed.get(
      '/v1/insights/emerging',
      { ...common, schema: { tags, security, querystring: z.object({ category: Id.optional() }) } },
      async (request) => ({ issues: await emergingIssues(db, request.query.category) }),
    );
    typed.get(
      '/v1/search',
      {
        ...common,
        schema: {
          tags,
          security,
          querystring: z.object({
            q: z.string().min(1).max(200),
            category: Id.optional(),
            min_rating: z.coerce.number().int().min(1).max(5).optional(),
            max_rating: z.coerce.number().int().min(1).max(5).optional(),
            language: z
              .string()
              .regex(/^[a-z]{2}$/)
              .optional(),
            from: IsoDate.optional(),
            to: IsoDate.optional(),
            verified: z.enum(['true', 'false']).optional(),
            limit: z.coerce.number().int().min(1).max(50).optional(),
          }),
        },
      },
      async (request) => {
        const q = request.query;
        const results = await searchSnippets(
          db,
          dialect,
          embedder,
          q.q,
          {
            category: q.category,
            minRating: q.min_rating,
            maxRating: q.max_rating,
            language: q.language,
            from: q.from,
            to: q.to,
            verifiedOnly: q.verified === 'true',
          },
          { limitProducts: q.limit ?? 10 },
        );
        return { query: q.q, results };
      },
    );
  });
}
