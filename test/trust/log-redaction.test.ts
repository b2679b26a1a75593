import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactLogLine, redactSecrets } from '../../src/privacy/log-redactor.js';
import { RedactingStream } from '../../src/privacy/redacting-stream.js';
import { buildServer } from '../../src/serve/server.js';
import { createApiKey } from '../../src/store/api-keys.js';
import type { Store } from '../../src/store/store.js';
import { inputRecord, tempStore } from '../../src/test-support/temp-store.js';

// The log redactor: planted secrets and PII in requests, headers and errors never reach captured log output.
const PLANTED_PII = [
  'marta.kowalska@example.com',
  '+49 30 1234567',
  'DE89370400440532013000',
  '4111 1111 1111 1111',
  '203.0.113.77',
] as const;
const DB_PASSWORD = 'S3cr3t-Pa55word';
const DB_URL = `postgres://reviewlens:${DB_PASSWORD}@db.internal:5432/reviews`;
const VENDOR_KEY = 'sk-live-abcdefghijklmnopqrstuvwx';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyXzEyMyJ9.c2lnbmF0dXJlLXBhcnQ';

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9@.]/g, '');
function leaks(output: string, planted: readonly string[]): string[] {
  const flat = squash(output);
  return planted.filter((value) => output.includes(value) || flat.includes(squash(value)));
}

describe('redactSecrets / redactLogLine', () => {
  it('removes every kind of credential and keeps the surrounding text', () => {
    const key = 'rl_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const text = `auth failed for ${key} via Authorization: Bearer ${key}; db ${DB_URL}; vendor ${VENDOR_KEY}; jwt ${JWT}; password=hunter2&token=abc123`;
    const out = redactSecrets(text);
    expect(leaks(out, [key, DB_PASSWORD, VENDOR_KEY, JWT, 'hunter2', 'abc123'])).toEqual([]);
    expect(out).toContain('auth failed for [SECRET]');
    expect(out).toContain('postgres://reviewlens:[SECRET]@db.internal:5432/reviews');
    expect(redactSecrets('Basic model works well')).toBe('Basic model works well');
  });

  it('redacts JSON log lines value by value and keeps them valid JSON', () => {
    const line = `${JSON.stringify({
      level: 50,
      msg: `could not ingest review by ${PLANTED_PII[0]}`,
      req: { headers: { authorization: 'Bearer whatever', 'x-api-key': 'anything-at-all' }, url: '/v1/search?q=x' },
      err: { message: `connect ${DB_URL} failed`, stack: `Error: call ${PLANTED_PII[1]}\n    at x` },
    })}\n`;
    const out = redactLogLine(line);
    expect(out.endsWith('\n')).toBe(true);
    const parsed = JSON.parse(out) as { req: { headers: Record<string, string> }; msg: string };
    expect(parsed.req.headers.authorization).toBe('[SECRET]');
    expect(parsed.req.headers['x-api-key']).toBe('[SECRET]');
    expect(parsed.msg).toContain('[EMAIL]');
    expect(leaks(out, [...PLANTED_PII.slice(0, 2), DB_PASSWORD, 'anything-at-all'])).toEqual([]);
  });

  it('never lets a planted secret or PII value through, wherever it sits in a line (property)', () => {
    const planted = fc.constantFrom(...PLANTED_PII, VENDOR_KEY, JWT, `Bearer rl_0123456789abcdef_${'b'.repeat(43)}`);
    const filler = fc.string({ maxLength: 30 }).map((s) => s.replace(/[0-9@+]/g, ' '));
    fc.assert(
      fc.property(filler, planted, filler, fc.boolean(), fc.boolean(), (before, value, after, asJson, asUrl) => {
        const plain = `${before} ${value} ${after}`;
        // As request logs carry it: inside a percent-encoded URL.
        const text = asUrl ? `/v1/search?q=${encodeURIComponent(plain.replace(/[\uD800-\uDFFF]/g, ''))}` : plain;
        const line = asJson ? `${JSON.stringify({ level: 30, msg: text, nested: [{ detail: text }] })}\n` : text;
        const secret = value.startsWith('Bearer ') ? value.slice(7) : value;
        expect(leaks(redactLogLine(line), [secret])).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a line written before the redactor has loaded waits for it instead of going out in the clear', async () => {
    const written: string[] = [];
    const stream = new RedactingStream({ write: (line) => written.push(line) });
    stream.write(`${JSON.stringify({ msg: `mail ${PLANTED_PII[0]}` })}\n`);
    await stream.ready();
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('[EMAIL]');
  });
});

describe('server logs under planted PII and secrets', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  const captured: string[] = [];
  let adminKey: string;
  let ingestKey: string;

  beforeAll(async () => {
    ({ store, cleanup } = await tempStore());
    adminKey = (await createApiKey(store.db, 'log-admin', ['admin'])).key;
    ingestKey = (await createApiKey(store.db, 'log-ingest', ['ingest'])).key;
  });
  afterAll(async () => cleanup());

  it('captured log output (every level) holds none of them', async () => {
    const app = buildServer(store.db, {
      logger: { level: 'trace', destination: { write: (line) => captured.push(line) } },
    });
    try {
      const email = encodeURIComponent(PLANTED_PII[0]);
      await app.inject({ url: `/v1/search?q=${email}`, headers: { authorization: `Bearer ${adminKey}` } });
      await app.inject({ url: `/v1/products/${email}/summary?subject=${email}` });
      await app.inject({
        url: `/v1/admin/dashboard`,
        headers: { authorization: `Bearer ${adminKey}x`, 'x-api-key': ingestKey },
      });
      await app.inject({
        method: 'POST',
        url: '/v1/reviews',
        headers: { authorization: `Bearer ${ingestKey}`, 'content-type': 'application/json' },
        payload: { reviews: [inputRecord({ review_text: `Call ${PLANTED_PII[1]} or pay to ${PLANTED_PII[2]}.` })] },
      });
      // An internal error whose message quotes personal data and a connection string, as driver errors can.
      app.log.error(
        { err: new Error(`insert failed for ${PLANTED_PII[3]} from ${PLANTED_PII[4]} on ${DB_URL}`), token: JWT },
        `request by ${PLANTED_PII[0]} with key ${adminKey} failed`,
      );
    } finally {
      await app.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    const output = captured.join('');
    // The scan read real log lines: requests were logged, and redaction left its placeholders.
    expect(captured.length).toBeGreaterThan(8);
    expect(output).toContain('incoming request');
    expect(output).toContain('[EMAIL]');
    expect(output).toContain('[SECRET]');
    expect(leaks(output, [...PLANTED_PII, adminKey, ingestKey, DB_PASSWORD, JWT])).toEqual([]);
  });
});
