/**
 * The CORS policy of the API, in one place: `@fastify/cors` applies it to every route and answers preflights;
 * the hot summary route applies it itself from precomputed strings, because the plugin's per-request option
 * merging cost a measurable share of that route's budget (docs/serve.md, "Hot path").
 */
export const CORS_METHODS = ['GET', 'POST'];
export const CORS_ALLOWED_HEADERS = ['content-type', 'idempotency-key', 'x-reviewlens-subject'];
export const CORS_EXPOSED_HEADERS = [
  'etag',
  'x-reviewlens-experiment',
  'x-reviewlens-variant',
  'x-reviewlens-model-version',
  'x-reviewlens-stale',
];
export const CORS_MAX_AGE_SECONDS = 86_400;

/**
 * The CORS headers for a request's Origin. Without an allow-list any origin may read (the read API is public);
 * with one, a listed origin is reflected, others get no allow-origin header (the browser blocks the response, as
 * with the plugin), and `varyOrigin` says a shared cache must key on Origin.
 */
export interface CorsPolicy {
  readonly varyOrigin: boolean;
  allowOrigin(origin: string | undefined): string | undefined;
  readonly exposeHeaders: string;
}

export function corsPolicy(origins: readonly string[] | undefined): CorsPolicy {
  const exposeHeaders = CORS_EXPOSED_HEADERS.join(', ');
  if (!origins) return { varyOrigin: false, allowOrigin: () => '*', exposeHeaders };
  const allowed = new Set(origins);
  return {
    varyOrigin: true,
    allowOrigin: (origin) => (origin !== undefined && allowed.has(origin) ? origin : undefined),
    exposeHeaders,
  };
}
