import { describe, expect, it } from 'vitest';
import { SALIENCE_FEATURES } from '../salience.js';
import { fitSalienceWeights, TrainingError } from './salience-trainer.js';

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
