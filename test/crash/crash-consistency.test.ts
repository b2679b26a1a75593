import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../src/sample/index.js';
import { openSqliteStore } from '../../src/store/store.js';
import { allLatestSummaries } from '../../src/store/summaries.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';

// SIGKILL the embedded pipeline at several points; after restart the store is intact and a re-run converges
// to exactly the state of an uninterrupted run. Uses the built CLI (npm install builds it).
const CLI = join(import.meta.dirname, '../../bin/reviewlens.js');
let workspace: Awaited<ReturnType<typeof tempStore>>;
let input: string;

beforeAll(async () => {
  if (!existsSync(join(import.meta.dirname, '../../dist/cli/main.js'))) throw new Error('run `npm run build` first');
  workspace = await tempStore();
  const records = [...generateSample({ products: 120, seed: 4 })].map((i) => i.record);
  input = writeTempFile(workspace.dir, 'reviews.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
});
afterAll(async () => workspace?.cleanup());

function runToEnd(db: string) {
  const result = spawnSync(process.execPath, [CLI, 'run', '--input', input, '--db', db], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`run failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

async function killAfter(db: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, [CLI, 'run', '--input', input, '--db', db], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, ms));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function endState(db: string) {
  const store = await openSqliteStore(db);
  try {
    const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
    const count = async (table: 'reviews' | 'chunks') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const perProduct = await store.db
      .selectFrom('summaries')
      .select(['product_id', ({ fn }) => fn.countAll<number>().as('n')])
      .groupBy('product_id')
      .execute();
    const summaries: unknown[] = [];
    for await (const { generated_at: _g, expires_at: _e, ...rest } of allLatestSummaries(store.db))
      summaries.push(rest);
    return {
      integrity: integrity.rows[0]?.integrity_check,
      reviews: await count('reviews'),
      chunks: await count('chunks'),
      maxSummariesPerProduct: Math.max(...perProduct.map((row) => Number(row.n))),
      summaries,
    };
  } finally {
    await store.close();
  }
}

describe('crash consistency (embedded mode)', () => {
  it('converges to the uninterrupted result after SIGKILL during ingest, index and summarize', async () => {
    const reference = join(workspace.dir, 'reference.sqlite');
    const first = runToEnd(reference);
    expect(first.reviews_read).toBe(first.reviews_accepted! + first.reviews_rejected!);
    const expected = await endState(reference);

    const crashed = join(workspace.dir, 'crashed.sqlite');
    // Kill points spread over the run (start-up, ingest, index, summarize on this machine's timings).
    for (const ms of [350, 700, 1100, 1500, 1900]) {
      await killAfter(crashed, ms);
      expect((await endState(crashed)).integrity).toBe('ok');
    }
    const last = runToEnd(crashed);
    expect(last.reviews_read).toBe(last.reviews_accepted! + last.reviews_rejected!);
    const actual = await endState(crashed);
    expect(actual.integrity).toBe('ok');
    expect(actual.reviews).toBe(expected.reviews);
    expect(actual.chunks).toBe(expected.chunks);
    expect(actual.maxSummariesPerProduct).toBe(1);
    expect(actual.summaries).toEqual(expected.summaries);
  }, 240_000); // five killed runs plus a reference run: minutes on a loaded 2-core machine
});
