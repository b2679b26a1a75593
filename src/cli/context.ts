import type { Command } from 'commander';
import { type Config, loadConfig } from '../config.js';
import { sharedCacheFromEnv } from '../pipeline/shared-cache.js';
import { openStore, type Store } from '../store/store.js';

/** The global flags every command accepts (declared on the root program). */
export interface GlobalFlags {
  db?: string;
}

/** Resolves the shared configuration from global flags, the command's own flags and the environment. */
export function commandConfig(
  command: Command,
  extra: { minReviews?: string; port?: string; host?: string } = {},
): Config {
  const flags = command.optsWithGlobals<GlobalFlags>();
  return loadConfig({ db: flags.db, ...extra });
}

export async function withStore<T>(config: Config, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** Results go to stdout as one JSON line each; diagnostics go to stderr. */
export const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

/**
 * Runs a batch body with the shared-cache publisher when REDIS_URL is set (scale-out): API processes drop a
 * product's cached summary as soon as its new one is committed. Without Redis there is nothing to tell.
 */
export async function withPublisher<T>(
  body: (onPublished?: (productId: string) => Promise<void>) => Promise<T>,
): Promise<T> {
  const shared = sharedCacheFromEnv();
  try {
    return await body(shared ? (productId) => shared.invalidate([productId]) : undefined);
  } finally {
    await shared?.close();
  }
}
