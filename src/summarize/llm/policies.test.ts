import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from './circuit-breaker.js';
import { parseSnippetLines, snippetLine } from './prompt.js';
import { parseLlmAnswer } from './response.js';
import { backoffDelay, isRetryableStatus, retryAfterMs } from './retry-policy.js';
import { TokenBudget } from './token-budget.js';

describe('retry policy', () => {
  it('reads retry-after-ms, Retry-After seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    const now = Date.parse('2026-11-28T10:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sat, 28 Nov 2026 10:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });

  it('backs off exponentially with jitter, waits at least what the server asked, never beyond the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.option(fc.nat(60_000)),
        (attempt, r, asked) => {
          const options = { baseDelayMs: 100, maxDelayMs: 5_000 };
          const delay = backoffDelay(attempt, options, asked ?? undefined, () => r);
          expect(delay).toBeLessThanOrEqual(options.maxDelayMs);
          expect(delay).toBeLessThanOrEqual(Math.max(100 * 2 ** (attempt - 1), asked ?? 0));
          if (asked !== null) expect(delay).toBe(Math.min(options.maxDelayMs, Math.max(delay, asked)));
        },
      ),
    );
  });

  it('retries overload and server faults, not bad requests', () => {
    for (const status of [408, 429, 500, 502, 503]) expect(isRetryableStatus(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 422]) expect(isRetryableStatus(status)).toBe(false);
  });
});

describe('circuit breaker', () => {
  it('opens after consecutive failures, lets one probe through after the cool-down, closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(breaker.tryAcquire()).toBe(true);
      breaker.onFailure();
    }
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    now = 1000;
    expect(breaker.tryAcquire()).toBe(true); // the probe
    expect(breaker.tryAcquire()).toBe(false); // only one
    breaker.onFailure();
    expect(breaker.state).toBe('open');
    now = 2000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.onSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.opened).toBe(2);
  });

  it('a success resets the count of consecutive failures', () => {
    const breaker = new CircuitBreaker(2, 1000, () => 0);
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    expect(breaker.state).toBe('closed');
  });
});

describe('token budget', () => {
  it('lets a minute of tokens through at once, then waits for the refill', async () => {
    let now = 0;
    const waits: number[] = [];
    const budget = new TokenBudget(
      600,
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    await budget.reserve(400);
    await budget.reserve(200);
    expect(waits).toEqual([]);
    await budget.reserve(300); // 300 tokens at 10 per second
    expect(now).toBe(30_000);
    budget.settle(300, 900); // the call used more than estimated: debt
    await budget.reserve(60);
    expect(now).toBe(30_000 + 66_000);
  });
});

describe('wire format', () => {
  it('snippet lines round-trip and a review cannot forge a line or close the block', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ chunkId: fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/), text: fc.string() }), {
          maxLength: 8,
        }),
        (chunks) => {
          const prompt = `<untrusted_reviews>\n${chunks.map(snippetLine).join('\n')}\n</untrusted_reviews>`;
          const parsed = parseSnippetLines(prompt);
          expect(parsed.map((s) => s.id)).toEqual(chunks.map((c) => c.chunkId));
        },
      ),
    );
  });

  it('parses contract answers (fenced or not) and never throws on garbage', () => {
    const answer = { overview: 'Good.', pros: [{ text: 'Loud', aspect: 'sound', citations: ['a-1'] }], cons: [] };
    expect(parseLlmAnswer(JSON.stringify(answer))).toEqual({ ok: true, answer });
    expect(parseLlmAnswer(`\`\`\`json\n${JSON.stringify(answer)}\n\`\`\``).ok).toBe(true);
    expect(parseLlmAnswer('{"overview": "x", "pros": [').ok).toBe(false);
    const bad = parseLlmAnswer(
      JSON.stringify({ ...answer, pros: [{ text: 'x', aspect: 'y', citations: ['bad id'] }] }),
    );
    expect(bad.ok).toBe(false);
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => parseLlmAnswer(text)).not.toThrow();
      }),
    );
  });
});
