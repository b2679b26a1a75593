/**
 * Exponential backoff with full jitter, honouring the server's `retry-after-ms` / `Retry-After` (seconds or an
 * HTTP date) when it asks for longer. Capped, so a misbehaving header cannot stall the batch.
 */
export interface BackoffOptions {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export function retryAfterMs(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Delay before retry number `attempt` (1 = first retry). */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  serverAsked: number | undefined,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = random() * ceiling;
  return Math.min(options.maxDelayMs, Math.max(jittered, serverAsked ?? 0));
}

/** HTTP statuses worth retrying: overload, rate limit, server faults. */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}
