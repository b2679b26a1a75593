import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { fastTextProbabilities, loadFastText } from './fasttext-opinion.js';

const best = (probabilities: Float64Array): string =>
  SUPPORTED_LANGUAGES[probabilities.indexOf(Math.max(...probabilities))]!;

describe('fastTextProbabilities', () => {
  it('is undefined until the model is loaded', () => {
    expect(fastTextProbabilities('schnelle Lieferung')).toBeUndefined();
  });

  it('returns one probability per shop language', async () => {
    await loadFastText();
    const p = fastTextProbabilities('Die Lieferung war schnell und das Gerät funktioniert einwandfrei.')!;
    expect(p).toHaveLength(SUPPORTED_LANGUAGES.length);
    expect(best(p)).toBe('de');
    for (const value of p) expect(value).toBeGreaterThanOrEqual(0);
    expect(p.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.000001);
  });

  it('credits close relatives to the nearest shop language', async () => {
    await loadFastText();
    // Portuguese → es, Afrikaans → nl: without folding neither text has a shop language near the top.
    const pt = fastTextProbabilities('Produto muito bom, chegou rápido e funciona perfeitamente, recomendo.')!;
    expect(best(pt)).toBe('es');
    expect(pt[SUPPORTED_LANGUAGES.indexOf('es')]).toBeGreaterThan(0.5);
    const af = fastTextProbabilities('Die produk is baie goed en die aflewering was vinnig, ek is tevrede.')!;
    expect(best(af)).toBe('nl');
    expect(af[SUPPORTED_LANGUAGES.indexOf('nl')]).toBeGreaterThan(0.3);
  });
});
