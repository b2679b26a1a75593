import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from './store.js';
import { explainStoreError, StoreError } from './store-errors.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('store errors', () => {
  it('explains disk-full and read-only errors with a code an operator can act on', () => {
    const full = explainStoreError(
      Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }),
      'x.sqlite',
    );
    expect(full).toBeInstanceOf(StoreError);
    expect(full).toMatchObject({ code: 'RL_ERR_DISK_FULL' });
    expect((full as Error).message).toMatch(/disk is full/);
    const other = new Error('boom');
    expect(explainStoreError(other, 'x')).toBe(other);
  });

  it('fails clearly when the file is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reviewlens-bad-'));
    dirs.push(dir);
    const path = join(dir, 'store.sqlite');
    writeFileSync(path, 'this is not a database, it is a text file '.repeat(200));
    await expect(openSqliteStore(path)).rejects.toMatchObject({ code: 'RL_ERR_STORE_CORRUPT' });
  });
});
