import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store.js';
import { seedIndexedStore } from '../test-support/llm-fixture.js';
import { tempStore } from '../test-support/temp-store.js';
import { listAlerts } from './alerts.js';
import { runDrift, saveDriftBaseline, shareMoves } from './drift.js';

let store: Store;
let cleanup: () => Promise<void>;
const WEEK_ENDS = ['2026-10-08', '2026-10-15', '2026-10-22', '2026-10-29'].map((d) => new Date(`${d}T00:00:00Z`));
const dayBefore = (end: Date, i: number) => new Date(end.getTime() - (1 + (i % 6)) * 24 * 3600 * 1000).toISOString();

/**
 * Re-dates the generated reviews into four weeks: weeks 1, 2 and 4 get the same stratified mix (every
 * language × rating group split evenly), week 3 (same volume) is up to 80% one language — the shifted language mix.
 */
async function dateIntoWeeks(): Promise<string> {
  const reviews = await store.db
    .selectFrom('reviews')
    .select(['review_id', 'language', 'star_rating'])
    .where('flags', '=', '')
    .orderBy('review_id')
    .execute();
  const counts = new Map<string, number>();
  for (const r of reviews) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  const dominant = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  const groups = new Map<string, typeof reviews>();
  for (const r of reviews) {
    const key = `${r.language}/${r.star_rating}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const weekOf = new Map<string, number>();
  // A sixth of every group goes to each of weeks 1, 2 and 4; leftovers, mostly the dominant language, fill week 3.
  for (const members of groups.values()) {
    const share = Math.floor(members.length / 6);
    members.forEach((r, i) => {
      if (i < 3 * share) weekOf.set(r.review_id, [0, 1, 3][Math.floor(i / share)]!);
    });
  }
  const weekSize = [...weekOf.values()].filter((w) => w === 0).length;
  const left = reviews.filter((r) => !weekOf.has(r.review_id));
  const ofDominant = left.filter((r) => r.language === dominant).slice(0, Math.round(weekSize * 0.8));
  const shifted = [
    ...ofDominant,
    ...left.filter((r) => r.language !== dominant).slice(0, weekSize - ofDominant.length),
  ];
  for (const r of shifted) weekOf.set(r.review_id, 2);
  let i = 0;
  for (const r of reviews) {
    const week = weekOf.get(r.review_id);
    const createdAt = week === undefined ? '2026-01-01T00:00:00.000Z' : dayBefore(WEEK_ENDS[week]!, i++);
    await store.db.updateTable('reviews').set({ created_at: createdAt }).where('review_id', '=', r.review_id).execute();
  }
  return dominant;
}

beforeAll(async () => {
  const temp = await tempStore();
  ({ store, cleanup } = temp);
  await seedIndexedStore(store, temp.dir, { products: 80, seed: 21 });
});
afterAll(async () => cleanup());

describe('drift job', () => {
  it('a week with a shifted language mix raises the drift alert; a normal week resolves it', async () => {
    const dominant = await dateIntoWeeks();
    await saveDriftBaseline(store.db, { asOf: WEEK_ENDS[0] });
    const normal = await runDrift(store.db, { runId: 'd1', sinks: [], asOf: WEEK_ENDS[1] });
    expect(normal.reviews).toBeGreaterThanOrEqual(30);
    expect(normal.baseline.stored).toBe(true);
    expect(normal.alerts.fired).toEqual([]);

    const shifted = await runDrift(store.db, { runId: 'd2', sinks: [], asOf: WEEK_ENDS[2] });
    expect(shifted.alerts.fired).toContain('drift.language');
    expect(shifted.languageMoves.map((m) => m.key)).toContain(dominant);
    expect(shifted.maxEmbeddingPsi!).toBeGreaterThan(normal.maxEmbeddingPsi!);

    const recovered = await runDrift(store.db, { runId: 'd3', sinks: [], asOf: WEEK_ENDS[3] });
    expect(recovered.alerts.resolved).toContain('drift.language');
    expect((await listAlerts(store.db, { state: 'firing' })).filter((a) => a.source === 'drift')).toEqual([]);
    const stored = await store.db.selectFrom('monitor_results').select('kind').where('kind', '=', 'drift').execute();
    expect(stored).toHaveLength(3);
  });

  it('a week with half the volume is a volume anomaly', async () => {
    const result = await runDrift(store.db, { runId: 'd4', sinks: [], asOf: new Date('2026-11-05T00:00:00Z') });
    expect(result.reviews).toBe(0);
    expect(result.alerts.fired).toEqual(['drift.volume']);
    await runDrift(store.db, { runId: 'd5', sinks: [], asOf: WEEK_ENDS[3] });
  });

  it('share moves are relative to max(baseline share, 5%)', () => {
    expect(shareMoves({ de: 0.5, en: 0.5 }, { de: 0.55, en: 0.45 })).toEqual([]);
    expect(shareMoves({ de: 0.5, en: 0.5 }, { de: 0.8, en: 0.2 }).map((m) => m.key)).toEqual(['de', 'en']);
    expect(shareMoves({ pl: 0.01 }, { pl: 0.015 })).toEqual([]);
  });
});
