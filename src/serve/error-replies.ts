import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { explainStoreError, StoreError } from '../store/store-errors.js';

/**
 * One error shape for every API answer that is not a success: `{ error: <snake_case code>, message }`.
 * Clients branch on `error`; `message` is for people. A 5xx never carries the internal error's text (it may
 * hold SQL, paths or review text); the log gets the details instead.
 */
export interface ErrorReply {
  readonly error: string;
  readonly message: string;
}

/** Fastify's own error codes, named for clients. */
const FRAMEWORK_CODES: Readonly<Record<string, string>> = {
  FST_ERR_VALIDATION: 'invalid_request',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_content_length',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_json_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_ASYNC_CONSTRAINT: 'invalid_request',
};

/** By status when the error has no code of its own (a JSON SyntaxError, a plugin's plain Error). */
const STATUS_CODES: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

export function errorCodeFor(error: Pick<FastifyError, 'code' | 'statusCode'>, status: number): string {
  if (error.code && FRAMEWORK_CODES[error.code]) return FRAMEWORK_CODES[error.code]!;
  return STATUS_CODES[status] ?? 'client_error';
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (an undecodable URL such as `%FF`, a path
 * parameter over the length limit) bypass the error handler, so they get the same shape here.
 */
export function frameworkErrorReply(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  reply.code(status).send({ error: errorCodeFor(error, status), message: error.message });
}

/** Installs the error and not-found handlers on the root instance (they apply to every route and plugin). */
export function registerErrorReplies(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const explained = explainStoreError(error, 'request');
    if (explained instanceof StoreError) {
      // Disk full, read-only, busy, …: the operator's code, and the client may retry later.
      request.log.error({ err: error }, explained.message);
      return reply.code(503).send({ error: 'store_unavailable', message: `${explained.message} [${explained.code}]` });
    }
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(status).send({ error: 'internal_error', message: 'the request could not be completed' });
    }
    return reply.code(status).send({ error: errorCodeFor(error, status), message: error.message });
  });
}
