import { mkdirSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../../src/index/embedder.js';
import { indexReviews } from '../../src/index/index-stage.js';
import { lexiconSentiment } from '../../src/index/sentiment.js';
import { ingest } from '../../src/ingest/ingest.js';
import { openFileSource } from '../../src/ingest/sources/open-source.js';
import { generateEmergingSample } from '../../src/sample/index.js';
import { buildServer } from '../../src/serve/server.js';
import { createApiKey } from '../../src/store/api-keys.js';
import { tempStore, toJsonl, writeTempFile } from '../../src/test-support/temp-store.js';
import { ARTIFACTS, launchChromium } from './chromium.js';

// A product analyst in real Chromium: the insights page shows a category's aspects with counts, weekly trends
// and quotes, the planted emerging issue, and search results.
let workspace: Awaited<ReturnType<typeof tempStore>>;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let category: string;
let flawAspect: string;

beforeAll(async () => {
  workspace = await tempStore();
  const sample = generateEmergingSample({ products: 10, seed: 5, weeks: 16, productEventShare: 0, categoryEvents: 1 });
  category = sample.events[0]!.category;
  flawAspect = sample.events[0]!.aspect;
  const records = [...sample.reviews()].map((item) => item.record as unknown as Record<string, unknown>);
  await ingest(workspace.store.db, openFileSource(writeTempFile(workspace.dir, 'r.jsonl', toJsonl(records))), {
    runId: 'r',
    defaultLanguage: 'en',
  });
  await indexReviews(workspace.store.db, { embedder: new HashedNgramEmbedder(), sentiment: lexiconSentiment });
  app = buildServer(workspace.store.db);
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
  await workspace?.cleanup();
});

describe('insights page in Chromium', () => {
  it('shows a category’s aspects with counts, trends and quotes, its emerging issues, and search results', async () => {
    const { key } = await createApiKey(workspace.store.db, 'analyst', ['admin']);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/insights`);
    await page.locator('#key').fill(key);
    await page.locator('button[type="submit"]').click();
    await page.locator('#category').fill(category);
    await page.locator('#pick button').click();
    await page.locator('#aspects').waitFor();

    const rows = page.locator('#aspects tr');
    expect(await rows.count()).toBeGreaterThan(2);
    const flawRow = page.locator('#aspects tr', { hasText: flawAspect }).first();
    const cells = await flawRow.locator('td').allTextContents();
    expect(Number(cells[2])).toBeGreaterThan(10); // 👎 reviews
    expect(await flawRow.locator('svg path').count()).toBe(1); // weekly trend
    expect(await flawRow.locator('q').count()).toBeGreaterThan(0); // quotes
    expect(await page.locator('#emerging li', { hasText: flawAspect }).count()).toBeGreaterThan(0);

    await page.locator('#q').fill(flawAspect === 'battery' ? 'battery' : 'broke');
    await page.locator('#search button').click();
    await page.locator('#results .result').first().waitFor();
    expect(await page.locator('#results .result').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${ARTIFACTS}/insights.png`, fullPage: true });
    await page.close();
  });
});
