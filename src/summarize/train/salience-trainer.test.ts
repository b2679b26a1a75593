import { describe, expect, it } from 'vitest';
import type { EvalDataset } from '../../evaluate/datasets.js';
import { SALIENCE_FEATURES } from '../salience.js';
import { fitSalienceWeights, salienceExamples, TrainingError } from './salience-trainer.js';

describe('salience ranker fitting', () => {
  it('recovers the feature that drives the target and the sign of a penalty', () => {
    let seed = 3;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const examples = Array.from({ length: 400 }, () => {
      const features = SALIENCE_FEATURES.map((name) => (name === 'bias' ? 1 : random()));
      const get = (name: string) => features[SALIENCE_FEATURES.indexOf(name as never)]!;
      return { features, target: 0.3 * get('centrality') - 0.2 * get('firstPerson') + 0.05 };
    });
    const weights = fitSalienceWeights(examples, 0.01);
    expect(weights.centrality).toBeCloseTo(0.3, 2);
    expect(weights.firstPerson).toBeCloseTo(-0.2, 2);
    expect(Math.abs(weights.helpful)).toBeLessThan(0.01);
  });

  it('refuses to fit on too few sentences', () => {
    expect(() => fitSalienceWeights([{ features: SALIENCE_FEATURES.map(() => 1), target: 1 }])).toThrow(TrainingError);
  });
});

describe('salience examples from a dataset', () => {
  it('ingests and indexes the entities and scores each quotable context sentence against the references', async () => {
    const reviews = [
      'The kettle boils water very fast. The handle stays cool.',
      'It boils fast and looks nice. My neighbour Bob has the same one.',
      'Water boils quickly. The lid broke after a month.',
      'The kettle is quiet and boils fast. Great value.',
    ];
    const dataset: EvalDataset = {
      name: 'synthetic',
      entities: [0, 1].map((i) => ({
        entityId: `k${i}`,
        category: 'kitchen',
        language: null,
        reviews: reviews.map((text, j) => ({ text, rating: j === 2 ? 2 : 5 })),
        references: ['This kettle boils water fast and the handle stays cool, but the lid may break.'],
      })),
    };
    const examples = await salienceExamples(dataset);
    expect(examples.length).toBeGreaterThan(8);
    for (const example of examples) {
      expect(example.features).toHaveLength(SALIENCE_FEATURES.length);
      expect(example.target).toBeGreaterThanOrEqual(0);
      expect(example.target).toBeLessThanOrEqual(1);
    }
    // The sentence sharing most words with the reference scores higher than the anecdote.
    expect(Math.max(...examples.map((e) => e.target))).toBeGreaterThan(Math.min(...examples.map((e) => e.target)));
  });
});
