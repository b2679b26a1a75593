import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hashedFeatures,
  linearSentiment,
  SentimentTrainingError,
  serializeLinearSentiment,
  trainLinearSentiment,
} from './linear-sentiment.js';
import { polarityTokens } from './polarity-features.js';
import { trainTunedLinearSentiment } from './polarity-tuning.js';

// Synthetic weak-labelled reviews: the model must learn words the lexicon does not know ("zorp" = bad).
const positive = ['works like a charm, blorf quality', 'blorf! arrived fast', 'really blorf, my kids love it'];
const negative = ['total zorp, broke in a day', 'zorp zorp, returned it', 'the strap is zorp and cheap'];
const data = Array.from({ length: 20 }, (_, i) => [
  { text: positive[i % 3]!, language: 'en' as const, stars: 5 },
  { text: negative[i % 3]!, language: 'en' as const, stars: 1 },
  { text: 'it is a product', language: 'en' as const, stars: 3 },
]).flat();

describe('linear hashed n-gram polarity model', () => {
  it('learns polarity from star ratings, including words the lexicon does not know', () => {
    const model = linearSentiment(trainLinearSentiment(data, { bits: 14, seed: 7 }));
    expect(model.score('so blorf', 'en')).toBeGreaterThan(0);
    expect(model.score('so zorp', 'en')).toBeLessThan(0);
  });

  it('falls back to the lexicon for a language it was not trained on', () => {
    const model = linearSentiment(trainLinearSentiment(data, { bits: 14 }));
    expect(model.score('Absolut schrecklich, kaputt.', 'de')).toBeLessThan(0);
    expect(model.score('Ausgezeichnet, super Qualität!', 'de')).toBeGreaterThan(0);
  });

  it('refuses to train without weak labels', () => {
    expect(() => trainLinearSentiment([{ text: 'meh', language: 'en', stars: 3 }])).toThrow(SentimentTrainingError);
  });

  it('scores any text within [-1, 1] and hashes into range', () => {
    const model = linearSentiment(trainLinearSentiment(data, { bits: 12 }));
    fc.assert(
      fc.property(fc.string(), (text) => {
        const s = model.score(text, 'en');
        expect(s).toBeGreaterThanOrEqual(-1);
        expect(s).toBeLessThanOrEqual(1);
        for (const f of hashedFeatures(text, 12)) expect(f).toBeLessThan(1 << 12);
      }),
    );
  });
});

describe('polarity features', () => {
  it('keeps English contractions whole, so "n\'t" negates', () => {
    expect(polarityTokens('It didn’t work, sadly!')).toEqual(['it', "didn't", 'work', ',', 'sadly', '!']);
  });

  it('carries a negation to the end of its clause, not just to the next word', () => {
    // "not at all blorf": a next-word scope would leave "blorf" un-negated and learn it as positive evidence.
    const subjects = ['lamp', 'kettle', 'tent', 'mouse', 'pan', 'jacket'];
    const training = subjects.flatMap((s) => [
      { text: `the ${s} is blorf`, language: 'en' as const, stars: 5 },
      { text: `the ${s} is not at all blorf`, language: 'en' as const, stars: 1 },
    ]);
    const model = linearSentiment(trainLinearSentiment(training, { bits: 14 }));
    expect(model.score('the charger is not really blorf', 'en')).toBeLessThan(0);
    expect(model.score('the charger is blorf', 'en')).toBeGreaterThan(0);
    // The clause ends at the comma: the second clause is not negated.
    expect(model.score('the charger is not at all blorf', 'en')).toBeLessThan(
      model.score('the charger is not new, blorf', 'en'),
    );
  });
});

describe('hyperparameters by inner validation', () => {
  it('picks a grid setting per language from folds of the training data, deterministically', () => {
    const grid = { learningRates: [1, 4], epochs: [2, 6], folds: 3 };
    const first = trainTunedLinearSentiment(data, grid, { bits: 12 });
    const second = trainTunedLinearSentiment(data, grid, { bits: 12 });
    const chosen = first.chosen.en!;
    expect(grid.epochs).toContain(chosen.epochs);
    expect(grid.learningRates).toContain(chosen.learningRate);
    expect(chosen.trainN).toBe(40);
    expect(chosen.innerAccuracy).toBeGreaterThan(0.9);
    expect(second.chosen).toEqual(first.chosen);
    expect(serializeLinearSentiment(second.model)).toBe(serializeLinearSentiment(first.model));
  });
});
