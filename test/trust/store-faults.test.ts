import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../src/sample/index.js';
import { buildServer } from '../../src/serve/server.js';
import { createApiKey } from '../../src/store/api-keys.js';
import { openSqliteStore } from '../../src/store/store.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';

// Disk-full and read-only stores during ingest and summarize, through the real CLI: one clear line on stderr
// with the store error code, a distinct exit code, an intact store with nothing half-written, and a re-run
// (with space / permissions back) that converges to the result of an undisturbed run.
const CLI = join(import.meta.dirname, '../../bin/reviewlens.js');
const MIN_REVIEWS = '5';
// Root ignores file permissions: the read-only cases then run the CLI as "nobody".
const RUN_AS = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

let dir: string;
let input: string;
let reference: string;
/** Ingested and indexed, not summarized: the starting point of the summarize faults (copied per test). */
let indexed: string;

interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(
  args: readonly string[],
  options: { env?: Record<string, string>; asOtherUser?: boolean } = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    ...(options.asOtherUser ? RUN_AS : {}),
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function query<T>(db: string, statement: string): T[] {
  const sqlite = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return sqlite.prepare(statement).all() as T[];
  } finally {
    sqlite.close();
  }
}
const count = (db: string, table: string) => query<{ n: number }>(db, `select count(*) as n from ${table}`)[0]!.n;
const pageCount = (db: string) => query<{ page_count: number }>(db, 'pragma page_count')[0]!.page_count;
const pageSize = (db: string) => query<{ page_size: number }>(db, 'pragma page_size')[0]!.page_size;
const integrity = (db: string) => query<{ integrity_check: string }>(db, 'pragma integrity_check')[0]!.integrity_check;
/** What a finished pipeline must agree on: every review's content, and which products have a summary. */
const reviewState = (db: string) =>
  query<{ review_id: string; content_hash: string }>(
    db,
    'select review_id, content_hash from reviews order by review_id',
  );
const summarizedProducts = (db: string) =>
  query<{ product_id: string; n: number }>(
    db,
    'select product_id, count(*) as n from summaries group by product_id order by product_id',
  );

/** A store file with the schema and nothing else. */
async function emptyStore(name: string): Promise<string> {
  const path = join(dir, name, 'store.sqlite');
  mkdirSync(join(dir, name), { recursive: true });
  const store = await openSqliteStore(path);
  await store.close();
  return path;
}

/** A megabyte cap that leaves room for `fraction` of the growth from `fromPages` to `toPages`. */
function capMb(db: string, fromPages: number, toPages: number, fraction: number): string {
  const pages = fromPages + Math.floor((toPages - fromPages) * fraction);
  return String((pages * pageSize(db)) / (1024 * 1024));
}

/** The single line the CLI prints for an explained store failure. */
function expectOneClearLine(result: CliResult, code: string, exitCode: number): void {
  const lines = result.stderr.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^reviewlens: store .*\\(${code}\\)$`));
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(result.status, result.stderr).toBe(exitCode);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reviewlens-faults-'));
  chmodSync(dir, 0o755);
  if (!existsSync(join(import.meta.dirname, '../../dist/cli/main.js'))) throw new Error('run `npm run build` first');
  const records = [...generateSample({ products: 10, seed: 21 })].map((item) => item.record);
  input = writeTempFile(dir, 'reviews.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
  chmodSync(input, 0o644);
  reference = await emptyStore('reference');
  const run = cli(['run', '--input', input, '--db', reference, '--min-reviews', MIN_REVIEWS]);
  expect(run.status, run.stderr).toBe(0);
  indexed = await emptyStore('indexed');
  expect(cli(['ingest', '--input', input, '--db', indexed]).status).toBe(0);
  expect(cli(['index', '--db', indexed]).status).toBe(0);
});

/** A copy of the indexed store in its own folder (so the folder's permissions can change). */
function indexedCopy(name: string): string {
  mkdirSync(join(dir, name));
  const path = join(dir, name, 'store.sqlite');
  copyFileSync(indexed, path);
  return path;
}
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('disk full (store size cap → SQLITE_FULL)', () => {
  it('during ingest: one clear line, exit 75, intact store, and a re-run converges', async () => {
    const db = await emptyStore('full-ingest');
    const probe = await emptyStore('probe-ingest');
    expect(cli(['ingest', '--input', input, '--db', probe]).status).toBe(0);
    const mb = capMb(db, pageCount(db), pageCount(probe), 0.5);

    const full = cli(['ingest', '--input', input, '--db', db], { env: { REVIEWLENS_DB_MAX_MB: mb } });
    expectOneClearLine(full, 'RL_ERR_DISK_FULL', 75);
    expect(integrity(db)).toBe('ok');
    const partial = count(db, 'reviews');
    expect(partial).toBeLessThan(count(reference, 'reviews'));
    expect(
      query<{ status: string }>(db, "select status from runs where kind = 'ingest'").map((r) => r.status),
    ).not.toContain('succeeded');

    const rerun = cli(['run', '--input', input, '--db', db, '--min-reviews', MIN_REVIEWS]);
    expect(rerun.status, rerun.stderr).toBe(0);
    const counts = JSON.parse(rerun.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    expect(counts.reviews_read).toBe(counts.reviews_accepted! + counts.reviews_rejected!);
    expect(reviewState(db)).toEqual(reviewState(reference));
    expect(count(db, 'chunks')).toBe(count(reference, 'chunks'));
    expect(summarizedProducts(db)).toEqual(summarizedProducts(reference));
    faults.diskFullIngest = { partialReviews: partial, capMb: Number(mb) };
  });

  it('during summarize: one clear line, exit 75, whole summaries only, and a re-run converges', async () => {
    const db = indexedCopy('full-summarize');
    const probe = reference;
    const mb = capMb(db, pageCount(db), pageCount(probe), 0.4);

    const full = cli(['summarize', '--db', db, '--min-reviews', MIN_REVIEWS], { env: { REVIEWLENS_DB_MAX_MB: mb } });
    expectOneClearLine(full, 'RL_ERR_DISK_FULL', 75);
    expect(integrity(db)).toBe('ok');
    // Nothing half-written: every stored summary is one of the reference's, whole (summaries commit per product).
    const stored = summarizedProducts(db);
    expect(stored.length).toBeLessThan(summarizedProducts(probe).length);
    for (const row of stored) expect(row.n).toBe(1);
    const json = (path: string) =>
      new Map(
        query<{ product_id: string; summary: string }>(path, 'select product_id, summary from summaries').map((r) => [
          r.product_id,
          r.summary,
        ]),
      );
    const complete = json(probe);
    for (const [productId, summary] of json(db))
      expect(JSON.parse(summary)).toMatchObject({ product_id: complete.has(productId) ? productId : 'missing' });

    const rerun = cli(['summarize', '--db', db, '--min-reviews', MIN_REVIEWS]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(summarizedProducts(db)).toEqual(summarizedProducts(probe));
    faults.diskFullSummarize = { partialSummaries: stored.length, capMb: Number(mb) };
  });
});

describe('read-only store (file and folder without write permission)', () => {
  const makeReadOnly = (db: string) => {
    chmodSync(db, 0o444);
    chmodSync(join(db, '..'), 0o555);
  };
  const makeWritable = (db: string) => {
    chmodSync(join(db, '..'), 0o755);
    chmodSync(db, 0o644);
  };

  it('during ingest: one clear line, exit 77, nothing written', async () => {
    const db = await emptyStore('readonly-ingest');
    makeReadOnly(db);
    const denied = cli(['ingest', '--input', input, '--db', db], { asOtherUser: true });
    makeWritable(db);
    expectOneClearLine(denied, 'RL_ERR_STORE_READONLY', 77);
    expect(integrity(db)).toBe('ok');
    expect([count(db, 'reviews'), count(db, 'rejects'), count(db, 'runs')]).toEqual([0, 0, 0]);
    faults.readOnlyIngest = denied.stderr.trim();
  });

  it('during summarize: one clear line, exit 77, no summary written, and it works once writable', async () => {
    const db = indexedCopy('readonly-summarize');
    const runsBefore = count(db, 'runs');
    makeReadOnly(db);
    const denied = cli(['summarize', '--db', db, '--min-reviews', MIN_REVIEWS], { asOtherUser: true });
    makeWritable(db);
    expectOneClearLine(denied, 'RL_ERR_STORE_READONLY', 77);
    expect(integrity(db)).toBe('ok');
    expect([count(db, 'summaries'), count(db, 'runs')]).toEqual([0, runsBefore]);
    expect(cli(['summarize', '--db', db, '--min-reviews', MIN_REVIEWS]).status).toBe(0);
    expect(summarizedProducts(db)).toEqual(summarizedProducts(reference));
    faults.readOnlySummarize = denied.stderr.trim();
  });
});

describe('the API on a full or read-only store', () => {
  it('answers 503 store_unavailable with the store code, and stores nothing', async () => {
    const { store, cleanup } = await tempStore();
    try {
      const key = (await createApiKey(store.db, 'faults', ['ingest'])).key;
      const app = buildServer(store.db);
      const records = [...generateSample({ products: 2, seed: 3 })].map((item) => item.record);
      const ingest = () =>
        app.inject({
          method: 'POST',
          url: '/v1/reviews',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          payload: { reviews: records },
        });
      const reviews = async () =>
        Number((await sql<{ n: number }>`select count(*) as n from reviews`.execute(store.db)).rows[0]!.n);
      const pages = Number(
        (await sql<{ page_count: number }>`pragma page_count`.execute(store.db)).rows[0]!.page_count,
      );
      await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(store.db);
      const full = await ingest();
      expect(full.statusCode).toBe(503);
      expect(full.json()).toMatchObject({ error: 'store_unavailable' });
      expect(full.json().message).toContain('RL_ERR_DISK_FULL');
      expect(await reviews()).toBe(0);

      await sql.raw('pragma max_page_count = 1073741823').execute(store.db);
      await sql.raw('pragma query_only = 1').execute(store.db);
      const readOnly = await ingest();
      expect(readOnly.statusCode).toBe(503);
      expect(readOnly.json().message).toContain('RL_ERR_STORE_READONLY');
      await sql.raw('pragma query_only = 0').execute(store.db);
      expect(await reviews()).toBe(0);
      expect((await ingest()).statusCode).toBe(200);
      expect(await reviews()).toBe(records.length);
      faults.api = { diskFull: full.json(), readOnly: readOnly.json() };
      await app.close();
    } finally {
      await cleanup();
    }
  });
});

const faults: Record<string, unknown> = {};
afterAll(() => process.stderr.write(`trust: store faults ${JSON.stringify(faults)}\n`));
