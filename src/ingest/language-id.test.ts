import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSupportedLanguage, type Language } from '../domain/languages.js';
import { detectLanguage } from './language-id.js';

// Handwritten review sentences (8+ words), two per supported language.
const SENTENCES: [Language, string][] = [
  ['en', 'The battery lasts much longer than I expected and the sound is great.'],
  ['en', 'Delivery was fast, but the charging cable stopped working after two weeks.'],
  ['de', 'Der Akku hält viel länger als erwartet und der Klang ist wirklich gut.'],
  ['de', 'Die Lieferung kam schnell, aber das Ladekabel war nach zwei Wochen kaputt.'],
  ['fr', 'La batterie tient beaucoup plus longtemps que prévu et le son est excellent.'],
  ['fr', 'Livraison rapide, mais le câble de charge ne fonctionnait plus après deux semaines.'],
  ['es', 'La batería dura mucho más de lo que esperaba y el sonido es excelente.'],
  ['es', 'El envío fue rápido, pero el cable de carga dejó de funcionar a las dos semanas.'],
  ['it', 'La batteria dura molto più del previsto e il suono è davvero ottimo.'],
  ['it', 'La consegna è stata veloce, ma il cavo di ricarica si è rotto dopo due settimane.'],
  ['nl', 'De batterij gaat veel langer mee dan verwacht en het geluid is echt goed.'],
  ['nl', 'De levering was snel, maar de oplaadkabel werkte na twee weken niet meer.'],
  ['pl', 'Bateria trzyma znacznie dłużej, niż się spodziewałem, a dźwięk jest świetny.'],
  ['pl', 'Dostawa była szybka, ale kabel do ładowania przestał działać po dwóch tygodniach.'],
];

describe('detectLanguage', () => {
  it.each(SENTENCES)('[%s] %s', (language, text) => {
    const r = detectLanguage(text);
    expect(r.language).toBe(language);
    expect(r.reliable).toBe(true);
    expect(r.confidence).toBeGreaterThan(0.3);
    expect(r.confidence).toBeLessThanOrEqual(1);
  });

  it('is not confused by redaction placeholders, model numbers and prices', () => {
    const r = detectLanguage(
      '[EMAIL] [PHONE] [PHONE] WH-1000XM4 129,99 € Sehr gutes Produkt, ich bin mit dem Kauf absolut zufrieden.',
    );
    expect(r).toMatchObject({ language: 'de', reliable: true });
    expect(detectLanguage('[PHONE] [EMAIL] Très bon produit, je le recommande à tout le monde.').language).toBe('fr');
  });

  it('marks very short texts unreliable and returns the fallback', () => {
    expect(detectLanguage('Super!', { fallback: 'de' })).toEqual({ language: 'de', confidence: 0, reliable: false });
    expect(detectLanguage('ok 👍', { fallback: 'pl' })).toMatchObject({ language: 'pl', reliable: false });
    expect(detectLanguage('Top', { fallback: 'it' }).language).toBe('it');
  });

  it('without a fallback still returns a supported best guess for short/empty texts', () => {
    for (const text of ['', '   ', '12345', '👍👍', 'Super', '[EMAIL]']) {
      const r = detectLanguage(text);
      expect(isSupportedLanguage(r.language)).toBe(true);
      expect(r.reliable).toBe(false);
    }
  });

  it('a reliable detection overrides the fallback', () => {
    const r = detectLanguage('Das Produkt ist wirklich gut verarbeitet und funktioniert einwandfrei.', {
      fallback: 'en',
    });
    expect(r).toMatchObject({ language: 'de', reliable: true });
  });

  it('only ever returns supported languages, even for other languages', () => {
    for (const text of [
      'Produkt je velmi dobrý a rychle doručený, doporučuji všem.', // cs
      'Этот товар очень хороший, рекомендую всем покупателям.', // ru
      'Produto muito bom, chegou rápido e funciona perfeitamente.', // pt
      'この商品はとても良いです',
    ]) {
      expect(isSupportedLanguage(detectLanguage(text).language)).toBe(true);
    }
  });

  it('never throws and stays in range on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const r = detectLanguage(text, { fallback: 'en' });
        expect(isSupportedLanguage(r.language)).toBe(true);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});
