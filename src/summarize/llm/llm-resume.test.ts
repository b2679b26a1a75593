import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/store.js';
import { seedIndexedStore } from '../../test-support/llm-fixture.js';
import { type FakeLlmServer, startFakeLlm } from './fake/fake-llm-server.js';

// A run of the built CLI killed with SIGKILL halfway resumes to the same end state as an uninterrupted run.
const BIN = new URL('../../../bin/reviewlens.js', import.meta.url).pathname;
const DIST = new URL('../../../dist/cli/main.js', import.meta.url).pathname;
const MODEL_VERSION = 'llm:fake-model+summarize-v1';
let dir: string;
let server: FakeLlmServer;

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('this test runs the built CLI: run `npm run build` first');
  dir = mkdtempSync(join(tmpdir(), 'reviewlens-resume-'));
  const store = await openSqliteStore(join(dir, 'killed.sqlite'));
  await seedIndexedStore(store, dir, { products: 40, seed: 9 });
  await store.close();
  copyFileSync(join(dir, 'killed.sqlite'), join(dir, 'reference.sqlite'));
  server = await startFakeLlm({ latencyMs: 120, errorRate: 0.3, retryAfterMs: 50, hangMs: 5_000, seed: 4 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function summarize(db: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      BIN,
      'summarize',
      '--db',
      db,
      '--llm-base-url',
      server.url,
      '--llm-model',
      'fake-model',
      '--concurrency',
      '4',
      '--llm-timeout-ms',
      '400',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

const finished = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>((resolve) => {
    let stdout = '';
    child.stdout?.on('data', (part: Buffer) => {
      stdout += part.toString();
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout }));
  });

function committed(db: string): number {
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (conn.prepare('select count(*) as n from summary_outcomes').get() as { n: number }).n;
  } catch {
    return 0; // not migrated yet
  } finally {
    conn.close();
  }
}

function endState(db: string) {
  const conn = new Database(db, { readonly: true });
  try {
    const rows = conn
      .prepare(
        'select product_id, product_revision, summary from summaries where model_version = ? order by product_id',
      )
      .all(MODEL_VERSION) as { product_id: string; product_revision: number; summary: string }[];
    const outcomes = conn
      .prepare('select product_id, produced_by from summary_outcomes where model_version = ?')
      .all(MODEL_VERSION) as { product_id: string; produced_by: string }[];
    return { rows, outcomes };
  } finally {
    conn.close();
  }
}

describe('SIGKILL halfway through an LLM batch', () => {
  it('resumes to the same end state, with no product summarized twice', async () => {
    const killedDb = join(dir, 'killed.sqlite');
    const child = summarize(killedDb);
    const exit = finished(child);
    const deadline = Date.now() + 90_000;
    while (committed(killedDb) < 10 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGKILL');
    const killed = await exit;
    expect(killed.signal).toBe('SIGKILL');
    const atKill = committed(killedDb);
    expect(atKill).toBeGreaterThanOrEqual(10);

    const resumed = await finished(summarize(killedDb));
    expect(resumed.code).toBe(0);
    const resumedCounts = JSON.parse(resumed.stdout.trim().split('\n').pop()!);
    const reference = await finished(summarize(join(dir, 'reference.sqlite')));
    expect(reference.code).toBe(0);
    const referenceCounts = JSON.parse(reference.stdout.trim().split('\n').pop()!);
    // The resumed run only did what the killed one had not committed.
    expect(resumedCounts.products_considered + atKill).toBe(referenceCounts.products_considered);

    const a = endState(killedDb);
    const b = endState(join(dir, 'reference.sqlite'));
    expect(a.rows.map((r) => r.product_id)).toEqual(b.rows.map((r) => r.product_id));
    expect(new Set(a.rows.map((r) => r.product_id)).size).toBe(a.rows.length);
    expect(a.outcomes.length).toBe(b.outcomes.length);
    // Same producer ⇒ same content (the fake model and the built-in summarizer are deterministic).
    const producedBy = (state: typeof a) => new Map(state.outcomes.map((o) => [o.product_id, o.produced_by]));
    const [pa, pb] = [producedBy(a), producedBy(b)];
    const content = (summary: string) => {
      const { overview, pros, cons } = JSON.parse(summary);
      return { overview, pros, cons };
    };
    let compared = 0;
    a.rows.forEach((row, i) => {
      if (pa.get(row.product_id) !== pb.get(row.product_id)) return;
      compared += 1;
      expect(content(row.summary)).toEqual(content(b.rows[i]!.summary));
    });
    expect(compared).toBeGreaterThan(a.rows.length * 0.8);
  }, 180_000);
});
