import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSupportedLanguage, type Language } from '../domain/languages.js';
import { detectLanguage, initLanguageId } from './language-id.js';

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

// Hand-written two-word review fragments (not from any evaluation set).
const SHORT_PAIRS: [Language, string][] = [
  ['es', 'envío rápido'],
  ['es', 'buena calidad'],
  ['es', 'precio justo'],
  ['es', 'tela suave'],
  ['es', 'sonido potente'],
  ['es', 'talla pequeña'],
  ['es', 'llegó roto'],
  ['es', 'colores vivos'],
  ['nl', 'snelle levering'],
  ['nl', 'prima kwaliteit'],
  ['nl', 'mooie kleur'],
  ['nl', 'stevige verpakking'],
  ['nl', 'zeer tevreden'],
  ['nl', 'slechte batterij'],
  ['nl', 'kapot aangekomen'],
  ['nl', 'duidelijke handleiding'],
];

describe('detectLanguage with the fastText second opinion loaded', () => {
  beforeAll(async () => {
    await initLanguageId();
  });

  it('fuses both detectors on short texts where eld alone picks the wrong language', () => {
    // eld medium alone: "tela suave" → en, "emballage abîmé" → es.
    expect(detectLanguage('tela suave').language).toBe('es');
    expect(detectLanguage('emballage abîmé').language).toBe('fr');
  });

  it('gets hand-written short Spanish and Dutch review fragments right', () => {
    const wrong = SHORT_PAIRS.filter(([language, text]) => detectLanguage(text).language !== language);
    expect(wrong.length, JSON.stringify(wrong)).toBeLessThanOrEqual(1);
  });

  it('trusts a short text only when both detectors agree', () => {
    // eld says en, fastText es: the fused guess is es, but it is not reliable, so the shop locale wins.
    expect(detectLanguage('tela suave')).toMatchObject({ language: 'es', reliable: false, confidence: 0 });
    expect(detectLanguage('tela suave', { fallback: 'fr' })).toEqual({
      language: 'fr',
      confidence: 0,
      reliable: false,
    });
    // Both say nl.
    const agreed = detectLanguage('geweldige koptelefoon', { fallback: 'de' });
    expect(agreed).toMatchObject({ language: 'nl', reliable: true });
    expect(agreed.confidence).toBeGreaterThan(0.3);
  });

  it('leaves sentence-length texts to eld and the function-word vote', () => {
    for (const [language, text] of SENTENCES) expect(detectLanguage(text)).toMatchObject({ language, reliable: true });
  });
});

describe("detectLanguage restricted to the shop's configured languages", () => {
  beforeAll(async () => {
    await initLanguageId();
  });

  it('chooses only among the configured languages, for long and short texts', () => {
    const dutch = 'Het product werkt goed en de levering was snel, ik ben er erg tevreden mee.';
    expect(detectLanguage(dutch).language).toBe('nl');
    const inGermanShop = detectLanguage(dutch, { languages: ['de', 'en'] });
    expect(['de', 'en']).toContain(inGermanShop.language);
    expect(detectLanguage('goed product', { languages: ['de', 'fr'] }).language).not.toBe('nl');
  });

  it('never answers outside the configured set (property)', () => {
    const subset = fc.subarray<Language>(['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'], { minLength: 1 });
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), subset, fc.boolean(), (text, languages, withFallback) => {
        const fallback = withFallback ? languages[0] : undefined;
        expect(languages).toContain(detectLanguage(text, { languages, fallback }).language);
      }),
      { numRuns: 300 },
    );
  });
});
