import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../store/store.js';

/** A real SQLite file in a fresh temp folder; `cleanup` closes it and removes the folder. */
export async function tempStore(): Promise<{ store: Store; dir: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'reviewlens-test-'));
  const store = await openSqliteStore(join(dir, 'store.sqlite'));
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function writeTempFile(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A contract-valid input record; override any field. */
export function inputRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    review_id: 'r1',
    product_id: 'p1',
    star_rating: 5,
    review_text: 'The battery life is excellent and the sound is great.',
    created_at: '2026-03-01T10:00:00Z',
    helpful_votes: 2,
    verified_purchase: true,
    language: 'en',
    category: 'headphones',
    product_name: 'Test Headphones',
    ...overrides,
  };
}

export const toJsonl = (records: readonly Record<string, unknown>[]) =>
  `${records.map((record) => JSON.stringify(record)).join('\n')}\n`;
