import { describe, expect, it } from 'vitest';
import { compareReports } from './compare.js';
import { bootstrapCi95 } from './metrics/bootstrap.js';
import type { EvalReport } from './report.js';

const report = (values: number[], ids = values.map((_, i) => `e${i}`)) =>
  ({
    model: 'm',
    dataset: 'd',
    entities: values.map((v, i) => ({ entity_id: ids[i], rouge1: v, faithfulness: null })),
  }) as unknown as EvalReport;

describe('compareReports', () => {
  it('pairs by entity_id and reports the mean paired difference with a bootstrap interval', () => {
    // B − A per entity: +2, +2, +4 → mean 2.667; relative to mean(A) = 20: 0.133.
    const c = compareReports(report([20, 10, 30]), report([22, 12, 34]));
    expect(c.paired_entities).toBe(3);
    expect(c.differences.rouge1!.mean_diff).toBeCloseTo(2.667, 3);
    expect(c.differences.rouge1!.relative).toBeCloseTo(0.133, 3);
    expect(c.differences.rouge1!.ci95[0]).toBeGreaterThanOrEqual(2);
    expect(c.differences.faithfulness).toBeUndefined();
  });
  it('refuses reports with no common entity', () => {
    expect(() => compareReports(report([1], ['a']), report([1], ['b']))).toThrow(/share no entity_id/);
  });
  it('bootstrap is seeded and brackets the mean', () => {
    expect(bootstrapCi95([1, 2, 3, 4])).toEqual(bootstrapCi95([1, 2, 3, 4]));
    const [lo, hi] = bootstrapCi95([1, 2, 3, 4])!;
    expect(lo).toBeLessThan(2.5);
    expect(hi).toBeGreaterThan(2.5);
    expect(bootstrapCi95([])).toBeNull();
  });
});
