import { describe, expect, it } from 'vitest';
import type { EvalDataset, EvalEntity } from './datasets.js';
import { rouge, rougeMultiReference } from './metrics/rouge.js';
import { BUILTIN_SYSTEM, evaluateDataset } from './run-eval.js';

const positive = [
  'The battery life is excellent and lasts all week.',
  'Great sound quality, very clear and rich.',
  'The battery is great and the sound is superb.',
  'Comfortable to wear for hours, I love them.',
  'Excellent sound and the battery lasts forever.',
];
const negative = [
  'The battery is terrible and died after two days.',
  'Awful battery, it drains in a few hours. Very disappointed.',
  'The battery stopped charging after a week, terrible.',
];

const entity = (id: string, texts: string[], rating?: number): EvalEntity => ({
  entityId: id,
  category: 'headphones',
  language: null,
  reviews: texts.map((text) => ({ text, rating: rating ?? null })),
  references: [
    'Great sound and a battery that lasts, comfortable to wear.',
    'Customers love the sound and battery life.',
  ],
});

const dataset: EvalDataset = {
  name: 'tiny.dev',
  entities: [entity('a', positive, 5), entity('b', [...positive, ...negative]), entity('c', positive.slice(0, 2))],
};

describe('evaluateDataset', () => {
  it('summarizes every entity with the built-in model and the numbers are reproducible from summary_text', async () => {
    const report = await evaluateDataset(dataset, BUILTIN_SYSTEM);
    expect(report).toMatchObject({ model: 'builtin-v1', dataset: 'tiny.dev', n_entities: 3, n_failed: 0 });
    for (const e of report.entities) {
      expect(e.summary_text.length).toBeGreaterThan(0);
      const again = rougeMultiReference(e.summary_text, e.references);
      expect(e.rouge1).toBeCloseTo(again.rouge1 * 100, 9);
      expect(e.rougeL).toBeCloseTo(again.rougeL * 100, 9);
    }
    const mean = report.entities.reduce((s, e) => s + e.rouge1, 0) / report.entities.length;
    expect(report.aggregate.rouge1).toBeCloseTo(mean, 9);
    expect(report.ci95.rouge1![0]).toBeLessThanOrEqual(report.aggregate.rouge1!);
    expect(report.ci95.rouge1![1]).toBeGreaterThanOrEqual(report.aggregate.rouge1!);
  });

  it('runs both baselines, which extract review sentences and are faithful by construction', async () => {
    for (const kind of ['lexrank', 'first-sentences'] as const) {
      const report = await evaluateDataset(dataset, { kind }, { maxWords: 20 });
      expect(report.model).toBe(kind);
      expect(report.n_failed).toBe(0);
      expect(report.aggregate.faithfulness).toBe(1);
      for (const e of report.entities) {
        const reviewText = dataset.entities.find((d) => d.entityId === e.entity_id)!.reviews.map((r) => r.text);
        for (const line of e.summary_text.split('\n')) expect(reviewText.some((t) => t.includes(line))).toBe(true);
      }
    }
  });

  it('first-sentences takes the opening sentence of each review in order', async () => {
    const report = await evaluateDataset({ name: 'x', entities: [entity('a', positive)] }, { kind: 'first-sentences' });
    expect(report.entities[0]!.summary_text.split('\n').slice(0, 2)).toEqual([positive[0], positive[1]]);
  });
});

describe('behaviour of the built-in model', () => {
  it('directionality: adding strong negative reviews about the battery produces a con about the battery', async () => {
    const before = await evaluateDataset({ name: 'x', entities: [entity('a', positive)] }, BUILTIN_SYSTEM);
    const after = await evaluateDataset(
      { name: 'x', entities: [entity('a', [...positive, ...negative, ...negative.map((t) => `${t} Really.`)])] },
      BUILTIN_SYSTEM,
    );
    const cons = (text: string) => text.split('\n').filter((line) => /criticis|criticiz|complain/i.test(line));
    expect(cons(before.entities[0]!.summary_text).join(' ')).not.toMatch(/battery/i);
    expect(cons(after.entities[0]!.summary_text).join(' ')).toMatch(/battery/i);
    expect(after.entities[0]!.cons_when_needed).toBe(1);
  });

  it('invariance: typos in the reviews barely move the summary', async () => {
    const typo = (t: string) => t.replace('excellent', 'excelent').replace('Great', 'Grreat').replace('very', 'vrey');
    const a = await evaluateDataset({ name: 'x', entities: [entity('a', [...positive, ...negative])] }, BUILTIN_SYSTEM);
    const b = await evaluateDataset(
      { name: 'x', entities: [entity('a', [...positive, ...negative].map(typo))] },
      BUILTIN_SYSTEM,
    );
    expect(rouge(a.entities[0]!.summary_text, b.entities[0]!.summary_text).rougeL).toBeGreaterThan(0.8);
  });
});
