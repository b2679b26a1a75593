import { type FlowJob, FlowProducer, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { ConfigError } from '../config.js';
import { EmptyInputError } from '../ingest/ingest.js';
import { UnsupportedSourceError } from '../ingest/sources/open-source.js';
import { finishRun, isCancelled } from '../store/runs.js';
import { type PipelineDefinition, pipelineByName } from './dag.js';
import { type MonitorStepData, monitorSteps, type StepContext, steps, sumCounts } from './steps.js';

export const QUEUE_NAME = 'reviewlens-pipeline';

export interface BullmqOptions {
  readonly redisUrl: string;
  /** Key prefix in Redis; tests use a unique one per run. */
  readonly prefix?: string;
}

/** BullMQ needs `maxRetriesPerRequest: null` on its blocking connections. */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

const RETRIES = { attempts: 4, backoff: { type: 'exponential', delay: 1000 } } as const;

/** The DAG as a BullMQ flow: children run before their parent, so the chain is built inside out. */
export function pipelineFlow(
  pipeline: PipelineDefinition,
  data: { input?: string; batchSize?: number } & MonitorStepData,
  prefix?: string,
): FlowJob {
  const job = (name: string, children?: FlowJob[]): FlowJob => ({
    name,
    queueName: QUEUE_NAME,
    data: { ...data, pipeline: pipeline.name },
    prefix,
    opts: { ...RETRIES, removeOnComplete: 1000, removeOnFail: 5000 },
    ...(children ? { children } : {}),
  });
  let flow: FlowJob | undefined;
  for (const step of pipeline.steps) {
    const name = step === 'summarize' ? 'summarize-plan' : step;
    flow = job(name, flow ? [flow] : undefined);
  }
  if (!flow) throw new ConfigError(`pipeline ${pipeline.name} has no steps`);
  return flow;
}

/** Enqueues one run of a pipeline (the scheduler's and the CLI's entry point). */
export async function enqueuePipeline(
  options: BullmqOptions,
  name: string,
  data: { input?: string; batchSize?: number } & MonitorStepData,
): Promise<string> {
  const pipeline = pipelineByName(name);
  if (pipeline.steps.includes('ingest') && !data.input) throw new ConfigError(`pipeline ${name} needs an input file`);
  const connection = redisConnection(options.redisUrl);
  const producer = new FlowProducer({ connection, prefix: options.prefix });
  try {
    const node = await producer.add(pipelineFlow(pipeline, data, options.prefix));
    return node.job.id ?? '';
  } finally {
    await producer.close();
    connection.disconnect();
  }
}

/** Registers a cron schedule that triggers a pipeline (BullMQ job scheduler, idempotent by id). */
export async function schedulePipeline(
  options: BullmqOptions,
  name: string,
  cron: string,
  data: { input?: string; batchSize?: number } & MonitorStepData,
): Promise<void> {
  pipelineByName(name);
  const connection = redisConnection(options.redisUrl);
  const queue = new Queue(QUEUE_NAME, { connection, prefix: options.prefix });
  try {
    await queue.upsertJobScheduler(
      // One schedule per pipeline, and per category for scheduled retraining.
      data.category ? `schedule:${name}:${data.category}` : `schedule:${name}`,
      { pattern: cron },
      { name: 'trigger', data: { ...data, pipeline: name } },
    );
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

function isUnrecoverable(error: unknown): boolean {
  return error instanceof EmptyInputError || error instanceof UnsupportedSourceError || error instanceof ConfigError;
}

export interface WorkerHandle {
  readonly worker: Worker;
  /** Graceful: stops taking jobs and waits for the ones in flight. */
  close(): Promise<void>;
}

/**
 * A worker process: takes pipeline jobs from Redis and runs the shared step functions. At-least-once
 * delivery (a killed worker's job is retried after its lock expires) is safe because every step is
 * idempotent and summaries are committed per product.
 */
export function startWorker(
  ctx: StepContext,
  options: BullmqOptions & { concurrency?: number; lockDurationMs?: number },
): WorkerHandle {
  const connection = redisConnection(options.redisUrl);
  const producerConnection = redisConnection(options.redisUrl);
  const producer = new FlowProducer({ connection: producerConnection, prefix: options.prefix });

  const process = async (job: Job): Promise<unknown> => {
    try {
      switch (job.name) {
        case 'trigger':
          return {
            enqueued: (await producer.add(pipelineFlow(pipelineByName(job.data.pipeline), job.data, options.prefix)))
              .job.id,
          };
        case 'ingest':
          return await steps.ingest(ctx, job.data);
        case 'index':
          return await steps.index(ctx);
        case 'summarize-plan': {
          const plan = await steps.planSummarize(ctx, job.data);
          // Fan out: one job per product batch; the finalize parent runs when all batches are done.
          await producer.add({
            name: 'summarize-finalize',
            queueName: QUEUE_NAME,
            prefix: options.prefix,
            data: { runId: plan.run_id, products: plan.products },
            opts: RETRIES,
            children: plan.batches.map((productIds, index) => ({
              name: 'summarize-batch',
              queueName: QUEUE_NAME,
              prefix: options.prefix,
              data: { runId: plan.run_id, productIds },
              opts: { ...RETRIES, jobId: `${plan.run_id}:batch:${index}` },
            })),
          });
          return { run_id: plan.run_id, products: plan.products, batches: plan.batches.length };
        }
        case 'summarize-batch':
          return await steps.summarizeBatch(ctx, job.data);
        case 'quality':
        case 'drift':
        case 'retrain':
          return await monitorSteps[job.name](ctx, job.data);
        case 'summarize-finalize': {
          const counts = sumCounts(Object.values(await job.getChildrenValues()) as object[]);
          // A cancelled run keeps its cancelled status; only a run still running is closed as succeeded.
          if (!(await isCancelled(ctx.store.db, job.data.runId))) {
            await finishRun(ctx.store.db, job.data.runId, { status: 'succeeded', counts });
          }
          return counts;
        }
        default:
          throw new UnrecoverableError(`unknown job "${job.name}"`);
      }
    } catch (error) {
      if (isUnrecoverable(error)) throw new UnrecoverableError((error as Error).message);
      throw error;
    }
  };

  const worker = new Worker(QUEUE_NAME, process, {
    connection,
    prefix: options.prefix,
    concurrency: options.concurrency ?? 4,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: Math.max(1000, Math.floor((options.lockDurationMs ?? 30_000) / 2)),
  });
  return {
    worker,
    async close() {
      await worker.close();
      await producer.close();
      connection.disconnect();
      producerConnection.disconnect();
    },
  };
}
