import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Database } from '../../store/schema.js';

/** Liveness (`/healthz`: the process and store answer), readiness (`/readyz`: there is something to serve), metrics. */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; registry: Registry }) {
  const { db } = deps;
  app.get('/healthz', { schema: { tags: ['ops'] } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', message: (error as Error).message });
    }
  });

  app.get('/readyz', { schema: { tags: ['ops'] } }, async (_request, reply) => {
    try {
      const row = await db.selectFrom('summaries').select('id').limit(1).executeTakeFirst();
      if (!row) return reply.code(503).send({ status: 'not_ready', message: 'no summaries in the store yet' });
      return { status: 'ready' };
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', message: (error as Error).message });
    }
  });

  app.get('/metrics', { schema: { tags: ['ops'] } }, async (_request, reply) =>
    reply.type(deps.registry.contentType).send(await deps.registry.metrics()),
  );
}
