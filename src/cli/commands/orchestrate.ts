import type { Command } from 'commander';
import { loadJudgeConfig } from '../../evaluate/judge/judge-config.js';
import { createLlmJudge } from '../../evaluate/judge/llm-judge.js';
import { enqueuePipeline, schedulePipeline, startWorker } from '../../orchestrate/bullmq-executor.js';
import { PIPELINES } from '../../orchestrate/dag.js';
import { runPipelineInProcess } from '../../orchestrate/in-process-executor.js';
import { productionComponents } from '../../pipeline/components-for-version.js';
import { sharedCacheFromEnv } from '../../pipeline/shared-cache.js';
import { redactedStderr } from '../../privacy/redacting-stream.js';
import { cancelRun } from '../../store/runs.js';
import { openStore } from '../../store/store.js';
import { loadRetrainConfig } from '../../train/retrain-trigger.js';
import { commandConfig as config, printJson, withStore } from '../context.js';

interface QueueFlags {
  redisUrl?: string;
  prefix?: string;
}

function queueOptions(flags: QueueFlags) {
  return {
    redisUrl: flags.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: flags.prefix ?? process.env.REVIEWLENS_QUEUE_PREFIX ?? 'reviewlens',
  };
}

const pipelineNames = Object.keys(PIPELINES).join(', ');

/**
 * What the monitoring steps need from the environment: the judge (REVIEWLENS_JUDGE_*) and the retrain
 * configuration (REVIEWLENS_RETRAIN_*); both absent unless configured.
 */
function monitoringFromEnv() {
  const judgeConfig = loadJudgeConfig({});
  const judge = judgeConfig ? createLlmJudge(judgeConfig) : undefined;
  return { judge: judge?.judge, retrain: loadRetrainConfig(), close: () => judge?.close() };
}

/** Step data from the shared flags (monitoring steps ignore what they do not use). */
const stepData = (opts: { input?: string; batchSize: string; category?: string; sample?: string }) => ({
  input: opts.input,
  batchSize: Number(opts.batchSize),
  ...(opts.category ? { category: opts.category } : {}),
  ...(opts.sample ? { sampleSize: Number(opts.sample) } : {}),
});

/** Pipelines as DAGs: run in process, enqueue for workers, schedule, work, and list runs. */
export function registerOrchestrateCommands(program: Command): void {
  program
    .command('pipeline')
    .description(`run a pipeline (${pipelineNames}) in this process, or enqueue it for workers with --queue`)
    .argument('<name>', `pipeline name: ${pipelineNames}`)
    .option('--input <file>', 'reviews file for pipelines that ingest')
    .option('--batch-size <n>', 'products per summarize job', '50')
    .option('--category <c>', 'retrain: the category to train (scheduled retraining)')
    .option('--sample <n>', 'quality: summaries to sample (default 200)')
    .option('--queue', 'enqueue to Redis (BullMQ) instead of running here')
    .option('--redis-url <url>', 'Redis (env REDIS_URL)')
    .option('--prefix <prefix>', 'queue key prefix (env REVIEWLENS_QUEUE_PREFIX)')
    .action(
      async (
        name: string,
        opts: QueueFlags & { input?: string; batchSize: string; queue?: boolean; category?: string; sample?: string },
        command: Command,
      ) => {
        const data = stepData(opts);
        if (opts.queue) {
          printJson({ enqueued: await enqueuePipeline(queueOptions(opts), name, data) });
          return;
        }
        const cfg = config(command);
        const monitoring = monitoringFromEnv();
        try {
          printJson(
            await withStore(cfg, async (store) =>
              runPipelineInProcess(
                {
                  store,
                  config: cfg,
                  components: await productionComponents(store.db),
                  judge: monitoring.judge,
                  retrain: monitoring.retrain,
                },
                name,
                data,
              ),
            ),
          );
        } finally {
          monitoring.close();
        }
      },
    );

  program
    .command('scheduler')
    .description('register a cron schedule that triggers a pipeline on the workers')
    .requiredOption('--pipeline <name>', `pipeline name: ${pipelineNames}`)
    .requiredOption('--cron <expression>', 'cron pattern, e.g. "0 * * * *" for hourly')
    .option('--input <file>', 'reviews file for pipelines that ingest')
    .option('--batch-size <n>', 'products per summarize job', '50')
    .option('--category <c>', 'retrain: the category to train on this schedule')
    .option('--sample <n>', 'quality: summaries to sample (default 200)')
    .option('--redis-url <url>', 'Redis (env REDIS_URL)')
    .option('--prefix <prefix>', 'queue key prefix (env REVIEWLENS_QUEUE_PREFIX)')
    .action(
      async (
        opts: QueueFlags & {
          pipeline: string;
          cron: string;
          input?: string;
          batchSize: string;
          category?: string;
          sample?: string;
        },
      ) => {
        await schedulePipeline(queueOptions(opts), opts.pipeline, opts.cron, stepData(opts));
        printJson({ scheduled: opts.pipeline, cron: opts.cron, ...(opts.category ? { category: opts.category } : {}) });
      },
    );

  program
    .command('worker')
    .description('process pipeline jobs from Redis until SIGINT/SIGTERM (drains in-flight jobs)')
    .option('--concurrency <n>', 'jobs in parallel in this process', '4')
    .option('--lock-ms <n>', 'job lock; a dead worker’s job is retried after this', '30000')
    .option('--redis-url <url>', 'Redis (env REDIS_URL)')
    .option('--prefix <prefix>', 'queue key prefix (env REVIEWLENS_QUEUE_PREFIX)')
    .action(async (opts: QueueFlags & { concurrency: string; lockMs: string }, command: Command) => {
      const cfg = config(command);
      const store = await openStore(cfg);
      const shared = sharedCacheFromEnv();
      const monitoring = monitoringFromEnv();
      const handle = startWorker(
        {
          store,
          config: cfg,
          components: await productionComponents(store.db),
          onPublished: shared ? (productId) => shared.invalidate([productId]) : undefined,
          judge: monitoring.judge,
          retrain: monitoring.retrain,
        },
        { ...queueOptions(opts), concurrency: Number(opts.concurrency), lockDurationMs: Number(opts.lockMs) },
      );
      handle.worker.on('completed', (job) =>
        process.stderr.write(`${JSON.stringify({ event: 'job_done', job: job.name, id: job.id })}\n`),
      );
      handle.worker.on('failed', (job, error) =>
        redactedStderr().write(
          `${JSON.stringify({ event: 'job_failed', job: job?.name, id: job?.id, error: error.message })}\n`,
        ),
      );
      process.stderr.write('reviewlens worker started\n');
      const stop = async () => {
        await handle.close();
        monitoring.close();
        await shared?.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });

  program
    .command('cancel')
    .description('cancel a running pipeline run: queued product batches are skipped, committed work stays')
    .argument('<run-id>', 'run id (see `reviewlens runs`)')
    .action(async (runId: string, _opts: unknown, command: Command) => {
      const cancelled = await withStore(config(command), ({ db }) => cancelRun(db, runId));
      if (!cancelled) throw new Error(`run ${runId} is not running (or does not exist)`);
      printJson({
        cancelled: runId,
        resume: 'run the pipeline again: it continues with the products not yet summarized',
      });
    });

  program
    .command('runs')
    .description('list recent pipeline runs with status and counts')
    .option('--limit <n>', 'at most this many', '20')
    .action(async (opts: { limit: string }, command: Command) => {
      const cfg = config(command);
      await withStore(cfg, async ({ db }) => {
        const rows = await db
          .selectFrom('runs')
          .selectAll()
          .orderBy('started_at', 'desc')
          .limit(Number(opts.limit))
          .execute();
        for (const row of rows) printJson({ ...row, counts: JSON.parse(row.counts) });
      });
    });
}
