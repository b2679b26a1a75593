import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HashedNgramEmbedder } from '../index/embedder.js';
import { indexReviews } from '../index/index-stage.js';
import { lexiconSentiment } from '../index/sentiment.js';
import { ingest } from '../ingest/ingest.js';
import { openFileSource } from '../ingest/sources/open-source.js';
import { generateEmergingSample, type PlantedEmergingIssue } from '../sample/index.js';
import { tempStore, toJsonl, writeTempFile } from '../test-support/temp-store.js';
import { detectEmergingIssues, poissonUpperTail } from './emerging.js';
import { evaluateEmergingDetection } from './evaluate-emerging.js';
import type { OpinionChunk } from './load.js';

describe('poissonUpperTail', () => {
  it('matches hand-computed values', () => {
    // P(X >= 3 | λ = 0.5) = 1 - e^-0.5 (1 + 0.5 + 0.125) = 0.014388
    expect(poissonUpperTail(3, 0.5)).toBeCloseTo(0.014388, 5);
    expect(poissonUpperTail(0, 2)).toBe(1);
    expect(poissonUpperTail(1, 0)).toBe(0);
  });
});

describe('detectEmergingIssues', () => {
  const chunk = (week: number, i: number, negative: boolean): OpinionChunk => ({
    chunkId: `c${week}-${i}`,
    reviewId: `r${week}-${i}`,
    productId: 'p',
    text: negative ? 'The battery swelled.' : 'Fine.',
    polarity: negative ? 'negative' : 'positive',
    aspects: negative ? ['battery'] : ['design'],
    starRating: negative ? 1 : 5,
    createdAt: new Date(Date.UTC(2026, 0, 5) + week * 7 * 86_400_000 + 3600_000).toISOString(),
    helpfulVotes: 0,
    verifiedPurchase: true,
  });

  it('flags a rise against the aspect’s own baseline, from the week it starts, and nothing before', () => {
    const chunks: OpinionChunk[] = [];
    for (let week = 0; week < 12; week++) {
      for (let i = 0; i < 10; i++) chunks.push(chunk(week, i, week >= 8 ? i < 7 : week % 4 === 0 && i === 0));
    }
    const issues = detectEmergingIssues('p', chunks);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ aspect: 'battery', first_seen: '2026-03-02', last_seen: '2026-03-23' });
    expect(issues[0]!.quotes[0]).toBe('The battery swelled.');
  });

  it('stays quiet on a steady complaint rate', () => {
    const chunks: OpinionChunk[] = [];
    for (let week = 0; week < 20; week++) for (let i = 0; i < 10; i++) chunks.push(chunk(week, i, i < 2));
    expect(detectEmergingIssues('p', chunks)).toEqual([]);
  });
});

describe('emerging-issue detection on planted flaws', () => {
  let workspace: Awaited<ReturnType<typeof tempStore>>;
  let events: PlantedEmergingIssue[];
  beforeAll(async () => {
    workspace = await tempStore();
    const sample = generateEmergingSample({ products: 40, seed: 17, weeks: 20 });
    events = sample.events;
    const records = [...sample.reviews()].map((item) => item.record as unknown as Record<string, unknown>);
    const path = writeTempFile(workspace.dir, 'emerging.jsonl', toJsonl(records));
    await ingest(workspace.store.db, openFileSource(path), { runId: 'r1', defaultLanguage: 'en' });
    await indexReviews(workspace.store.db, { embedder: new HashedNgramEmbedder(), sentiment: lexiconSentiment });
  });
  afterAll(async () => workspace?.cleanup());

  it('finds the planted flaws within a week of onset with few false alarms', async () => {
    const result = await evaluateEmergingDetection(workspace.store.db, events);
    expect(result.planted).toBeGreaterThanOrEqual(4);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.precision).toBeGreaterThanOrEqual(0.8);
  });
});
