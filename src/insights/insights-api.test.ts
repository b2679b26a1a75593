import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../index/embedder.js';
import { indexReviews } from '../index/index-stage.js';
import { lexiconSentiment } from '../index/sentiment.js';
import { ingest } from '../ingest/ingest.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { generateEmergingSample, type PlantedEmergingIssue } from '../sample/index.js';
import { buildServer } from '../serve/server.js';
import { createApiKey } from '../store/api-keys.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { digestCsv, digestMarkdown, sparkline } from './digest.js';
import { emergingIssues, scopeInsights } from './insight-service.js';

let workspace: Awaited<ReturnType<typeof tempStore>>;
let events: PlantedEmergingIssue[];
let category: string;

beforeAll(async () => {
  workspace = await tempStore();
  const sample = generateEmergingSample({ products: 12, seed: 5, weeks: 16, productEventShare: 0, categoryEvents: 1 });
  events = sample.events;
  category = events[0]!.category;
  const records = [...sample.reviews()].map((item) => item.record as unknown as Record<string, unknown>);
  await ingest(workspace.store.db, openFileSource(writeTempFile(workspace.dir, 'r.jsonl', toJsonl(records))), {
    runId: 'r',
    defaultLanguage: 'en',
  });
  await indexReviews(workspace.store.db, { embedder: new HashedNgramEmbedder(), sentiment: lexiconSentiment });
});
afterAll(async () => workspace?.cleanup());

describe('insights', () => {
  it('computes aspect analytics for a category with counts, shares, ratings, quotes and weekly trends', async () => {
    const insight = await scopeInsights(workspace.store.db, { kind: 'category', category });
    expect(insight.reviews).toBeGreaterThan(100);
    const flawed = insight.aspects.find((a) => a.aspect === events[0]!.aspect)!;
    expect(flawed.negative).toBeGreaterThan(10);
    expect(flawed.quotes.negative.length).toBeGreaterThan(0);
    expect(flawed.trend.length).toBeGreaterThan(10);
    for (const aspect of insight.aspects) {
      expect(aspect.positive + aspect.negative + aspect.neutral).toBeGreaterThanOrEqual(10);
      expect(aspect.share_of_reviews).toBeGreaterThan(0);
      expect(aspect.share_of_reviews).toBeLessThanOrEqual(1);
    }
  });

  it('finds the planted category-wide flaw as an emerging issue', async () => {
    const issues = await emergingIssues(workspace.store.db, category);
    const hit = issues.find((i) => i.scope === `category:${category}` && i.aspect === events[0]!.aspect);
    expect(hit).toBeDefined();
    expect(Date.parse(hit!.first_seen) - Date.parse(events[0]!.onset_week)).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('renders the weekly digest as Markdown and CSV', async () => {
    const analytics = await scopeInsights(workspace.store.db, { kind: 'category', category });
    const emerging = await emergingIssues(workspace.store.db, category);
    const digest = { category, since: '2026-05-01', reviews: analytics.reviews, aspects: analytics.aspects, emerging };
    const md = digestMarkdown(digest);
    expect(md).toContain(`# Review insights: ${category}`);
    expect(md).toContain('| aspect |');
    expect(md).toContain('## Emerging issues');
    const rows = parse(digestCsv(digest), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(analytics.aspects.length);
    expect(rows.some((row) => row.emerging_since !== '')).toBe(true);
    expect(sparkline([0, 1, 2, 4])).toBe('▁▃▅█');
  });

  it('serves insights and search behind an admin key', async () => {
    const app = buildServer(workspace.store.db);
    try {
      const anonymous = await app.inject({ method: 'GET', url: `/v1/insights/categories/${category}` });
      expect(anonymous.statusCode).toBe(401);
      const { key } = await createApiKey(workspace.store.db, 'analyst', ['admin']);
      const headers = { authorization: `Bearer ${key}` };
      const insight = await app.inject({ method: 'GET', url: `/v1/insights/categories/${category}`, headers });
      expect(insight.statusCode).toBe(200);
      expect(insight.json().aspects.length).toBeGreaterThan(0);
      const emerging = await app.inject({ method: 'GET', url: `/v1/insights/emerging?category=${category}`, headers });
      expect(emerging.json().issues.length).toBeGreaterThan(0);
      const search = await app.inject({ method: 'GET', url: '/v1/search?q=battery&limit=3', headers });
      expect(search.statusCode).toBe(200);
      expect(search.json().results.length).toBeGreaterThan(0);
      expect((await app.inject({ method: 'GET', url: '/v1/search?q=', headers })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
