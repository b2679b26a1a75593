/**
 * Worker-thread entry for prepare-pool.ts: loads the language models once, then answers each batch of
 * records with prepareBatch() — the same function the in-thread path runs, so results are identical.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HeapCap } from './heap-cap.js';
import { initLanguageId } from './language-id.js';
import { type PrepareBatchContext, prepareBatch } from './prepare-batch.js';
import type { WorkerReply, WorkerRequest } from './prepare-pool.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.js runs as a worker thread (see prepare-pool.ts)');
const context = workerData as PrepareBatchContext;
// Messages posted meanwhile wait in the port's queue until the listener below starts it.
await initLanguageId();
// Same headroom as the main thread's (ingest.ts): the worker's live heap is ~8 MB now, its collections are cheap.
const heap = new HeapCap(64 * 1024 * 1024);

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, results: prepareBatch(request.records, context) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
  heap.check();
});
