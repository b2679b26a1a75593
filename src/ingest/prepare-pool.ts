/**
 * Where prepareBatch() runs: in the calling thread, or in worker threads so the main thread is free for
 * reading, ordered store writes and the snapshot. Both return results per batch in the order given; the
 * caller keeps several batches in flight (bounded) and consumes them in submission order.
 *
 * One worker holds its own language models (~35 MB RSS for eld's compact table + fastText + lexicons, measured
 * in a bare process; ~205 MB while eld's own 60-language DB was loaded), so the worker count is a memory
 * decision as much as a CPU one.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PrepareBatchContext, PreparedRecord } from './prepare-batch.js';

export interface Preparer {
  prepare(records: readonly Record<string, unknown>[]): Promise<PreparedRecord[]>;
  close(): Promise<void>;
}

/** Same work, same thread: for small inputs (HTTP batches) and where no compiled worker exists (tests on src). */
export class InThreadPreparer implements Preparer {
  private loaded: Promise<typeof import('./prepare-batch.js')> | undefined;

  constructor(private readonly context: PrepareBatchContext) {}

  async prepare(records: readonly Record<string, unknown>[]): Promise<PreparedRecord[]> {
    // Imported lazily: with workers the main thread never loads the language models.
    this.loaded ??= (async () => {
      const { initLanguageId } = await import('./language-id.js');
      await initLanguageId();
      return import('./prepare-batch.js');
    })();
    const { prepareBatch } = await this.loaded;
    return prepareBatch(records, this.context);
  }

  async close(): Promise<void> {}
}

export interface WorkerRequest {
  readonly id: number;
  readonly records: readonly Record<string, unknown>[];
}

export type WorkerReply =
  | { readonly id: number; readonly results: PreparedRecord[] }
  | { readonly id: number; readonly error: string };

interface Pending {
  resolve(results: PreparedRecord[]): void;
  reject(error: Error): void;
}

/** The compiled worker next to this module; absent when running from TypeScript sources (vitest). */
export function defaultWorkerScript(): URL | undefined {
  const url = new URL('./prepare-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** Batches go round-robin to `size` workers; each worker answers in order, the caller awaits in order. */
export class WorkerPreparer implements Preparer {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(context: PrepareBatchContext, size: number, script: URL) {
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(script, { workerData: context });
      worker.on('message', (reply: WorkerReply) => this.settle(reply));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`prepare worker exited with code ${code}`));
      });
      return worker;
    });
  }

  prepare(records: readonly Record<string, unknown>[]): Promise<PreparedRecord[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: WorkerRequest = { id, records };
      this.workers[id % this.workers.length]!.postMessage(request);
    });
  }

  private settle(reply: WorkerReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.results);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    // Terminating is not a failure: pending requests (none after a normal run) are rejected with a clear cause.
    this.failure ??= new Error('prepare pool closed');
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

/** `workers` > 0 and a compiled worker script → worker threads; otherwise the calling thread. */
export function createPreparer(
  context: PrepareBatchContext,
  workers: number,
  script: URL | undefined = defaultWorkerScript(),
): Preparer {
  return workers > 0 && script ? new WorkerPreparer(context, workers, script) : new InThreadPreparer(context);
}
