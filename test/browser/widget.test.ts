import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openFileSource } from '../../src/ingest/sources/open-source.js';
import { defaultComponents } from '../../src/pipeline/components.js';
import { runPipeline } from '../../src/pipeline/run-pipeline.js';
import { generateSample } from '../../src/sample/index.js';
import { buildServer } from '../../src/serve/server.js';
import type { Store } from '../../src/store/store.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';
import { ARTIFACTS, launchChromium } from './chromium.js';

// A shopper in real headless Chromium: the demo shop page loads the widget, a claim opens its sources, feedback is
// sent and stored once. Screenshots go to artifacts/ for CI.

let store: Store;
let cleanup: () => Promise<void>;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let productId: string;

beforeAll(async () => {
  let dir: string;
  ({ store, dir, cleanup } = await tempStore());
  const records = [...generateSample({ products: 4, seed: 21 })].map((item) => item.record);
  const path = writeTempFile(dir, 'in.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
  await runPipeline(store, openFileSource(path), loadConfig({ minReviews: '5' }, {}), defaultComponents());
  productId = records[0]!.product_id;
  app = buildServer(store.db);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await cleanup?.();
});

describe('product-page widget in Chromium', () => {
  it('shows the AI label and chips with counts, opens a claim’s sources, and sends feedback once', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(() => {
      (window as unknown as { cls: number }).cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) (window as unknown as { cls: number }).cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${base}/demo/${productId}`);

    const label = page.locator('reviewlens-summary #ai-label');
    await expect.poll(() => label.textContent()).toMatch(/AI|KI|IA|AI-|przez AI/);
    const chip = page.locator('reviewlens-summary .chip.pro').first();
    await chip.waitFor();
    expect(Number(await chip.locator('.count').textContent())).toBeGreaterThan(0);
    expect(await page.locator('reviewlens-summary a.how').getAttribute('href')).toContain('/how-it-works');

    // Keyboard: focus the chip and press Enter.
    await chip.focus();
    await page.keyboard.press('Enter');
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    const snippet = page.locator('reviewlens-summary #rl-sources blockquote mark').first();
    await snippet.waitFor();
    expect((await snippet.textContent())!.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/widget-sources.png`, fullPage: true });

    await page.locator('reviewlens-summary button[data-helpful="true"]').click();
    await page.locator('reviewlens-summary [role="status"]').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/widget-feedback.png`, fullPage: true });

    const cls = await page.evaluate(() => (window as unknown as { cls: number }).cls);
    expect(cls).toBeLessThan(0.1);
    expect(errors).toEqual([]);

    await expect
      .poll(async () =>
        (await store.db.selectFrom('events').select('type').where('product_id', '=', productId).execute())
          .map((e) => e.type)
          .sort(),
      )
      .toEqual(['expand', 'feedback', 'impression']);
    const feedback = await store.db.selectFrom('events').selectAll().where('type', '=', 'feedback').execute();
    expect(feedback).toHaveLength(1);
    expect(feedback[0]).toMatchObject({ helpful: 1 });
    expect(feedback[0]!.subject_id).toMatch(/^s-/);
    await page.close();
  });

  it('renders the ops dashboard after an admin key is entered', async () => {
    const { createApiKey } = await import('../../src/store/api-keys.js');
    const { key } = await createApiKey(store.db, 'browser', ['admin']);
    const page = await browser.newPage();
    await page.goto(`${base}/dashboard`);
    await page.locator('#key').fill(key);
    await page.locator('button[type="submit"]').click();
    await page.locator('#alerts').waitFor();
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Alerts', 'Quality over time', 'Model versions', 'Rejects by reason', 'Pipeline runs']),
    );
    await page.screenshot({ path: `${ARTIFACTS}/dashboard.png`, fullPage: true });
    await page.close();
  });
});
