import { afterEach, beforeEach } from 'vitest';
import type { Store } from '../store/store.js';
import { tempStore } from './temp-store.js';

/**
 * A fresh SQLite store for every test of the calling file (created before each test, closed and removed after).
 * Read `.store` inside a test: `const temp = useTempStore(); … temp.store.db`.
 */
export function useTempStore(): { readonly store: Store } {
  let current: Awaited<ReturnType<typeof tempStore>> | undefined;
  beforeEach(async () => {
    current = await tempStore();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return {
    get store(): Store {
      if (!current) throw new Error('useTempStore(): the store exists only while a test runs');
      return current.store;
    },
  };
}
