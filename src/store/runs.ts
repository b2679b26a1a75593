import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type RunKind = 'ingest' | 'index' | 'summarize' | 'pipeline' | 'quality' | 'drift' | 'train';

/** A run id sorts by time (ISO prefix) and is unique (random suffix). */
export function newRunId(kind: RunKind, now = new Date()): string {
  return `${kind}-${now.toISOString().replace(/[-:.]/g, '')}-${randomUUID().slice(0, 8)}`;
}

export async function startRun(db: Kysely<Database>, kind: RunKind): Promise<string> {
  const runId = newRunId(kind);
  await db
    .insertInto('runs')
    .values({ run_id: runId, kind, status: 'running', started_at: new Date().toISOString(), counts: '{}', error: null })
    .execute();
  return runId;
}

export async function finishRun(
  db: Kysely<Database>,
  runId: string,
  outcome: { status: 'succeeded' | 'failed'; counts: object; error?: string },
): Promise<void> {
  await db
    .updateTable('runs')
    .set({
      status: outcome.status,
      finished_at: new Date().toISOString(),
      counts: JSON.stringify(outcome.counts),
      error: outcome.error ?? null,
    })
    .where('run_id', '=', runId)
    .execute();
}

/** Runs a stage body inside a run record: succeeded with its counts, or failed with the error message. */
export async function withRun<T extends object>(
  db: Kysely<Database>,
  kind: RunKind,
  body: (runId: string) => Promise<T>,
): Promise<T & { run_id: string }> {
  const runId = await startRun(db, kind);
  try {
    const counts = await body(runId);
    await finishRun(db, runId, { status: 'succeeded', counts });
    return { ...counts, run_id: runId };
  } catch (error) {
    // On a full or read-only store recording the failure fails too: the original error is the one to report.
    await finishRun(db, runId, { status: 'failed', counts: {}, error: (error as Error).message }).catch(() => {});
    throw error;
  }
}

/**
 * Cancels a running run: its remaining work (queued product batches) is skipped by the workers, and the run is
 * recorded as cancelled. Safe at any time — what was committed stays; re-running the pipeline resumes the rest.
 */
export async function cancelRun(db: Kysely<Database>, runId: string): Promise<boolean> {
  const result = await db
    .updateTable('runs')
    .set({ status: 'cancelled', finished_at: new Date().toISOString() })
    .where('run_id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function isCancelled(db: Kysely<Database>, runId: string): Promise<boolean> {
  const row = await db.selectFrom('runs').select('status').where('run_id', '=', runId).executeTakeFirst();
  return row?.status === 'cancelled';
}
