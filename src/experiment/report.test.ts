import { describe, expect, it } from 'vitest';
import { Rng } from '../sample/prng.js';
import { type NewEvent, recordEvent } from '../store/events.js';
import { createExperiment } from '../store/experiments.js';
import { useTempStore } from '../test-support/use-temp-store.js';
import { assignVariant } from './assign.js';
import { experimentReport } from './report.js';

const temp = useTempStore();

/**
 * Generated traffic with a planted effect: each subject sees one product, gives feedback with the arm's helpful
 * probability and buys with the arm's conversion probability. Some requests are retried (same key).
 */
async function simulate(
  name: string,
  subjects: number,
  rates: Record<'champion' | 'challenger', { helpful: number; buy: number }>,
  seed: number,
) {
  const rng = new Rng(seed);
  for (let i = 0; i < subjects; i += 1) {
    const subject = `sim-${seed}-${i}`;
    const variant = assignVariant(name, subject, 0.5);
    const base = {
      product_id: 'p-1',
      subject_id: subject,
      experiment: name,
      variant,
      model_version: variant,
      reason: null,
      created_at: new Date().toISOString(),
    };
    const events: NewEvent[] = [{ ...base, idempotency_key: `${subject}-imp`, type: 'impression', helpful: null }];
    events.push({
      ...base,
      idempotency_key: `${subject}-fb`,
      type: 'feedback' as const,
      helpful: rng.float() < rates[variant].helpful ? 1 : 0,
    } as never);
    if (rng.float() < rates[variant].buy)
      events.push({ ...base, idempotency_key: `${subject}-buy`, type: 'purchase', helpful: null });
    for (const event of events) {
      await recordEvent(temp.store.db, event);
      if (rng.float() < 0.2) await recordEvent(temp.store.db, event); // a client retry: must not count twice
    }
  }
}

describe('experiment report', () => {
  it('finds a planted lift with the right sign and a 95% CI that covers it', async () => {
    await createExperiment(temp.store.db, { name: 'planted', champion: 'champion', challenger: 'challenger' });
    await simulate(
      'planted',
      8000,
      { champion: { helpful: 0.55, buy: 0.1 }, challenger: { helpful: 0.65, buy: 0.13 } },
      42,
    );
    const report = await experimentReport(temp.store.db, 'planted');
    const helpful = report.metrics.find((m) => m.metric === 'helpful_rate')!;
    const conversion = report.metrics.find((m) => m.metric === 'conversion')!;
    expect(helpful.champion.trials + helpful.challenger.trials).toBe(8000);
    expect(conversion.champion.trials + conversion.challenger.trials).toBe(8000);
    for (const [metric, planted] of [
      [helpful, 0.1],
      [conversion, 0.03],
    ] as const) {
      expect(metric.test.difference).toBeGreaterThan(0);
      expect(metric.test.differenceInterval.low).toBeLessThanOrEqual(planted);
      expect(metric.test.differenceInterval.high).toBeGreaterThanOrEqual(planted);
      expect(metric.test.pValue).toBeLessThan(0.05);
      expect(metric.champion.interval.low).toBeLessThan(metric.champion.rate);
    }
    expect(helpful.test.relativeLift!).toBeGreaterThan(0.1);
  });

  it('does not claim an effect on an A/A test and warns about small samples', async () => {
    await createExperiment(temp.store.db, { name: 'aa', champion: 'a1', challenger: 'a2' });
    await simulate('aa', 40, { champion: { helpful: 0.5, buy: 0.1 }, challenger: { helpful: 0.5, buy: 0.1 } }, 7);
    const report = await experimentReport(temp.store.db, 'aa');
    const helpful = report.metrics.find((m) => m.metric === 'helpful_rate')!;
    expect(helpful.warnings.some((w) => w.includes('trials in the smaller arm'))).toBe(true);
  });

  it('assignment is stable and close to the configured share', () => {
    let challengers = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const variant = assignVariant('share', `u${i}`, 0.2);
      expect(assignVariant('share', `u${i}`, 0.2)).toBe(variant);
      if (variant === 'challenger') challengers += 1;
    }
    expect(challengers / 20_000).toBeGreaterThan(0.19);
    expect(challengers / 20_000).toBeLessThan(0.21);
  });
});
