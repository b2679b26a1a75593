import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashedFeatures, linearSentiment, SentimentTrainingError, trainLinearSentiment } from './linear-sentiment.js';

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
