import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type ApiScope, verifyApiKey } from '../store/api-keys.js';
import type { Database } from '../store/schema.js';

/** The presented key: `Authorization: Bearer <key>` or `x-api-key: <key>`. */
export function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key : undefined;
}

/** A preHandler that answers 401 unless the request carries a valid key with the scope. */
export function requireScope(db: Kysely<Database>, scope: ApiScope) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const key = await verifyApiKey(db, presentedKey(request), scope);
    if (!key) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: `a valid API key with scope "${scope}" is required` });
    }
  };
}
