import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { tempStore } from '../test-support/temp-store.js';
import { type AlertNotice, logSink, webhookSink } from './alert-sinks.js';
import { type AlertCondition, listAlerts, publishingPaused, reconcileAlerts } from './alerts.js';

let store: Store;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
});
afterAll(async () => cleanup());

const condition = (key: string, severity: 'warning' | 'critical' = 'warning'): AlertCondition => ({
  key,
  severity,
  summary: `${key} crossed its threshold`,
  detail: { value: 1 },
});

/** A receiver that fails the first `failures` requests with 503, then accepts. */
async function receiver(failures: number) {
  const bodies: Record<string, unknown>[] = [];
  let seen = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen++;
      if (seen <= failures) {
        res.writeHead(503).end();
        return;
      }
      bodies.push(JSON.parse(body));
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, bodies, attempts: () => seen, close: () => new Promise((r) => server.close(r)) };
}

describe('alerts', () => {
  it('fires once, deduplicates while firing, resolves when the condition is gone, and notifies twice', async () => {
    const lines: string[] = [];
    const sinks = [logSink((line) => lines.push(line))];
    const first = await reconcileAlerts(store.db, 'test', [condition('a')], sinks);
    const second = await reconcileAlerts(store.db, 'test', [condition('a')], sinks);
    expect(first.fired).toEqual(['a']);
    expect(second.stillFiring).toEqual(['a']);
    const firing = await listAlerts(store.db, { state: 'firing' });
    expect(firing.filter((a) => a.key === 'a')).toHaveLength(1);
    expect(firing.find((a) => a.key === 'a')!.occurrences).toBe(2);
    const third = await reconcileAlerts(store.db, 'test', [], sinks);
    expect(third.resolved).toEqual(['a']);
    expect(lines.map((l) => (JSON.parse(l).alert as AlertNotice).state)).toEqual(['firing', 'resolved']);
    expect(await listAlerts(store.db, { state: 'firing' })).toHaveLength(0);
  });

  it('a source only resolves its own alerts', async () => {
    await reconcileAlerts(store.db, 'drift', [condition('d')], []);
    await reconcileAlerts(store.db, 'quality', [], []);
    expect((await listAlerts(store.db, { state: 'firing' })).map((a) => a.key)).toEqual(['d']);
    await reconcileAlerts(store.db, 'drift', [], []);
  });

  it('the webhook sink retries 5xx and delivers Slack-compatible JSON', async () => {
    const hook = await receiver(2);
    try {
      const result = await reconcileAlerts(
        store.db,
        'hook',
        [condition('w', 'critical')],
        [webhookSink({ url: hook.url, baseDelayMs: 5 })],
      );
      expect(result.deliveryErrors).toEqual([]);
      expect(hook.attempts()).toBe(3);
      expect(hook.bodies[0]!.text).toMatch(/CRITICAL.*\(w\)/);
      expect(hook.bodies[0]!.state).toBe('firing');
    } finally {
      await hook.close();
    }
  });

  it('a webhook that keeps failing is reported, and the alert is still stored', async () => {
    const hook = await receiver(100);
    try {
      const result = await reconcileAlerts(
        store.db,
        'down',
        [condition('x')],
        [webhookSink({ url: hook.url, attempts: 3, baseDelayMs: 1 })],
      );
      expect(result.deliveryErrors[0]).toMatch(/HTTP 503/);
      expect(hook.attempts()).toBe(3);
      expect((await listAlerts(store.db, { state: 'firing' })).some((a) => a.key === 'x')).toBe(true);
    } finally {
      await hook.close();
    }
  });

  it('a firing critical alert pauses publishing only when enabled', async () => {
    expect(await publishingPaused(store.db, {})).toBeNull();
    expect(await publishingPaused(store.db, { REVIEWLENS_PAUSE_ON_CRITICAL: '1' })).toBe('w');
  });
});
