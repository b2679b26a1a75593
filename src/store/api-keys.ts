import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export const API_SCOPES = ['admin', 'ingest'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export class ApiKeyError extends Error {
  readonly code = 'RL_ERR_API_KEY';
}

const KEY_PATTERN = /^rl_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Creates a key and returns it once; only its SHA-256 is stored (a leaked store does not leak usable keys). */
export async function createApiKey(
  db: Kysely<Database>,
  name: string,
  scopes: readonly ApiScope[],
): Promise<{ keyId: string; key: string }> {
  if (scopes.length === 0 || scopes.some((s) => !API_SCOPES.includes(s))) {
    throw new ApiKeyError(`scopes must be some of ${API_SCOPES.join(', ')}`);
  }
  const keyId = randomBytes(8).toString('hex');
  const key = `rl_${keyId}_${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('api_keys')
    .values({
      key_id: keyId,
      name,
      key_hash: sha256(key),
      scopes: scopes.join(','),
      created_at: new Date().toISOString(),
      revoked_at: null,
    })
    .execute();
  return { keyId, key };
}

/**
 * The key's id and name when it is valid, not revoked and has the scope; otherwise null. The row is found by
 * the public key id and the hashes are compared in constant time, so response time does not leak the secret.
 */
export async function verifyApiKey(
  db: Kysely<Database>,
  presented: string | undefined,
  scope: ApiScope,
): Promise<{ keyId: string; name: string } | null> {
  const match = presented ? KEY_PATTERN.exec(presented) : null;
  if (!match) return null;
  const row = await db
    .selectFrom('api_keys')
    .select(['key_id', 'name', 'key_hash', 'scopes', 'revoked_at'])
    .where('key_id', '=', match[1]!)
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const equal = timingSafeEqual(Buffer.from(sha256(presented!), 'hex'), Buffer.from(row.key_hash, 'hex'));
  if (!equal || !row.scopes.split(',').includes(scope)) return null;
  return { keyId: row.key_id, name: row.name };
}

export async function revokeApiKey(db: Kysely<Database>, keyId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: new Date().toISOString() })
    .where('key_id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
