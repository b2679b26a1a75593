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
 * The CORS headers for a request's Origin. Only requests that carry an Origin (every cross-origin browser request
 * does) get them: on the hottest route the expose list alone was ~10% of the response head, and same-origin,
 * server-side and CDN-origin fetches never need it. Responses therefore always say `Vary: Origin`, so a shared
 * cache never hands a header-less copy to a browser on a shop origin. Without an allow-list any origin may read
 * (the read API is public); with one, a listed origin is reflected and others get no allow-origin header (the
 * browser blocks the response, as with the plugin).
 */
export interface CorsPolicy {
  allowOrigin(origin: string): string | undefined;
  readonly exposeHeaders: string;
}

export function corsPolicy(origins: readonly string[] | undefined): CorsPolicy {
  const exposeHeaders = CORS_EXPOSED_HEADERS.join(', ');
  if (!origins) return { allowOrigin: () => '*', exposeHeaders };
  const allowed = new Set(origins);
  return { allowOrigin: (origin) => (allowed.has(origin) ? origin : undefined), exposeHeaders };
}
