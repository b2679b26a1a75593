import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { experimentReport } from '../../experiment/report.js';
import { createExperiment, ExperimentError, listExperiments, stopExperiment } from '../../store/experiments.js';
import type { Database } from '../../store/schema.js';
import { requireScope } from '../auth.js';
import { dashboardData } from '../dashboard-data.js';
import type { ExperimentCache } from '../experiment-cache.js';

const ExperimentName = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/);

/** Admin API behind keys with scope "admin": experiments and the dashboard's data. */
export function registerAdminRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; experiments: ExperimentCache },
) {
  const { db } = deps;
  app.register(async (admin) => {
    admin.addHook('preHandler', requireScope(db, 'admin'));
    const typed = admin.withTypeProvider<ZodTypeProvider>();
    const common = { config: { rateLimit: { max: 120, timeWindow: '1 minute' } } };
    const tags = ['admin'];
    const security = [{ apiKey: [] }];

    typed.get(
      '/v1/admin/dashboard',
      { ...common, schema: { tags, security, summary: 'Everything the ops dashboard shows' } },
      async () => dashboardData(db),
    );
    typed.get('/v1/admin/experiments', { ...common, schema: { tags, security } }, async () => ({
      experiments: await listExperiments(db),
    }));
    typed.post(
      '/v1/admin/experiments',
      {
        ...common,
        schema: {
          tags,
          security,
          body: z.object({
            name: ExperimentName,
            champion: z.string().min(1).max(100),
            challenger: z.string().min(1).max(100),
            challenger_share: z.number().gt(0).lt(1).optional(),
          }),
        },
      },
      async (request, reply) => {
        try {
          const experiment = await createExperiment(db, {
            ...request.body,
            challengerShare: request.body.challenger_share,
          });
          await deps.experiments.refresh();
          return reply.code(201).send(experiment);
        } catch (error) {
          if (error instanceof ExperimentError)
            return reply.code(409).send({ error: error.code, message: error.message });
          throw error;
        }
      },
    );
    typed.post(
      '/v1/admin/experiments/:name/stop',
      { ...common, schema: { tags, security, params: z.object({ name: ExperimentName }) } },
      async (request, reply) => {
        const stopped = await stopExperiment(db, request.params.name);
        await deps.experiments.refresh();
        return stopped
          ? { stopped: true }
          : reply.code(404).send({ error: 'not_running', message: 'no such running experiment' });
      },
    );
    typed.get(
      '/v1/admin/experiments/:name/report',
      { ...common, schema: { tags, security, params: z.object({ name: ExperimentName }) } },
      async (request, reply) => {
        try {
          return await experimentReport(db, request.params.name);
        } catch (error) {
          if (error instanceof ExperimentError)
            return reply.code(404).send({ error: error.code, message: error.message });
          throw error;
        }
      },
    );
  });
}
