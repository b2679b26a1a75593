import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { chunkText, splitSentences } from './segment.js';

const noSpace = (s: string): string => s.replace(/\s/g, '');

describe('splitSentences', () => {
  it('splits English and keeps abbreviations together', () => {
    expect(
      splitSentences('Dr. Smith recommended it, e.g. for travel. Mr. Brown agreed! It costs approx. 50 dollars.', 'en'),
    ).toEqual(['Dr. Smith recommended it, e.g. for travel.', 'Mr. Brown agreed!', 'It costs approx. 50 dollars.']);
    expect(splitSentences('Great sound, i.e. Crisp highs. Battery is weak.', 'en')).toEqual([
      'Great sound, i.e. Crisp highs.',
      'Battery is weak.',
    ]);
  });

  it('does not glue a real sentence end after "No." or "etc."', () => {
    expect(splitSentences('Did it work? No. It broke after a week.', 'en')).toEqual([
      'Did it work?',
      'No.',
      'It broke after a week.',
    ]);
    expect(splitSentences('Cables, case, adapter etc. All included.', 'en')).toEqual([
      'Cables, case, adapter etc.',
      'All included.',
    ]);
  });

  it('handles German abbreviations and date ordinals', () => {
    expect(
      splitSentences(
        'Geliefert am 3. März, also pünktlich. Der Akku hält z. B. zwei Tage. Das ist z.B. gut bzw. Okay.',
        'de',
      ),
    ).toEqual([
      'Geliefert am 3. März, also pünktlich.',
      'Der Akku hält z. B. zwei Tage.',
      'Das ist z.B. gut bzw. Okay.',
    ]);
    expect(
      splitSentences('Zum 2. Mal bestellt. Ca. 5 Stunden Laufzeit usw. und so fort. Nr. 5 ist toll.', 'de'),
    ).toEqual(['Zum 2. Mal bestellt.', 'Ca. 5 Stunden Laufzeit usw. und so fort.', 'Nr. 5 ist toll.']);
    expect(splitSentences('Kabel, Hülle usw. Alles dabei. Super!', 'de')).toEqual([
      'Kabel, Hülle usw.',
      'Alles dabei.',
      'Super!',
    ]);
  });

  it('handles French', () => {
    expect(splitSentences('M. Dupont a raison. Il y a p. ex. Des défauts. Top ! Vraiment ?', 'fr')).toEqual([
      'M. Dupont a raison.',
      'Il y a p. ex. Des défauts.',
      'Top !',
      'Vraiment ?',
    ]);
  });

  it('handles Spanish', () => {
    expect(
      splitSentences('La Sra. García lo compró. Ver pág. 5 del manual. ¡Genial! ¿Lo recomiendo? Sí.', 'es'),
    ).toEqual(['La Sra. García lo compró.', 'Ver pág. 5 del manual.', '¡Genial!', '¿Lo recomiendo?', 'Sí.']);
    expect(splitSentences('El Sr. Pérez está contento. Funciona bien.', 'es')).toEqual([
      'El Sr. Pérez está contento.',
      'Funciona bien.',
    ]);
  });

  it('handles Italian', () => {
    expect(
      splitSentences('Il dott. Rossi lo consiglia. Cuffie, cavo ecc. sono inclusi. Il sig. Bianchi no. Ottimo!', 'it'),
    ).toEqual(['Il dott. Rossi lo consiglia.', 'Cuffie, cavo ecc. sono inclusi.', 'Il sig. Bianchi no.', 'Ottimo!']);
  });

  it('handles Dutch', () => {
    expect(splitSentences('Bijv. De batterij is top. Het werkt o.a. Met Spotify. Aanrader!', 'nl')).toEqual([
      'Bijv. De batterij is top.',
      'Het werkt o.a. Met Spotify.',
      'Aanrader!',
    ]);
  });

  it('handles Polish', () => {
    expect(
      splitSentences('Kupiłem m.in. Słuchawki. Kosztowały ok. 200 zł. Polecam! Np. Bateria trzyma tzw. Długo.', 'pl'),
    ).toEqual(['Kupiłem m.in. Słuchawki.', 'Kosztowały ok. 200 zł.', 'Polecam!', 'Np. Bateria trzyma tzw. Długo.']);
    expect(splitSentences('Jest ok. Polecam.', 'pl')).toEqual(['Jest ok.', 'Polecam.']);
  });

  it('trims, collapses whitespace and drops empties', () => {
    expect(splitSentences('  Hello   world.\n\n  Second\tline.  ', 'en')).toEqual(['Hello world.', 'Second line.']);
    expect(splitSentences('', 'en')).toEqual([]);
    expect(splitSentences('   \n ', 'de')).toEqual([]);
  });
});

describe('chunkText', () => {
  it('is one sentence per chunk normally', () => {
    expect(chunkText('Great sound. Battery is weak! Would buy again?', 'en')).toEqual([
      'Great sound.',
      'Battery is weak!',
      'Would buy again?',
    ]);
  });

  it('merges very short fragments into the previous chunk', () => {
    const chunks = chunkText('Love it. ! Really.', 'en');
    expect(chunks.every((c) => c.length >= 3)).toBe(true);
    expect(noSpace(chunks.join(''))).toBe(noSpace('Love it. ! Really.'));
  });

  it('splits long sentences at clause punctuation, then at word boundaries', () => {
    const clause = 'the battery lasts for about two full days of heavy use';
    const sentence = `${Array.from({ length: 8 }, () => clause).join(', ')}.`;
    const chunks = chunkText(sentence, 'en', 120);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(120);
      expect(chunk.startsWith('the battery')).toBe(true);
    }
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const wordChunks = chunkText(words, 'en', 50);
    for (const chunk of wordChunks) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      for (const w of chunk.split(' ')) expect(w).toMatch(/^word\d+$/);
    }
  });

  it('hard-splits a single over-long word without cutting surrogate pairs', () => {
    const long = `${'x'.repeat(9)}😀${'y'.repeat(20)}`;
    const chunks = chunkText(long, 'en', 10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(10);
    expect(chunks.join('')).toBe(long);
    expect(chunks.some((c) => c.includes('😀'))).toBe(true);
  });

  it('never exceeds 256 chars by default', () => {
    const text = `${'Sehr gut, '.repeat(80)}Ende. ${'a'.repeat(600)}`;
    for (const chunk of chunkText(text, 'de')) expect(chunk.length).toBeLessThanOrEqual(256);
  });

  it('property: chunks are non-empty, ≤ maxChars, and lose nothing but whitespace', () => {
    const language = fc.constantFrom(...SUPPORTED_LANGUAGES);
    const pieces = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('. ', '! ', '? ', ', ', '; ', ' – ', 'z. B. ', 'e.g. ', '3. ', 'Dr. ', '\n', '😀', ' ', 'ß', 'É'),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    );
    const text = fc.oneof(
      fc.string({ maxLength: 600 }),
      fc.array(pieces, { maxLength: 60 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(text, language, fc.integer({ min: 8, max: 300 }), (input, lang, maxChars) => {
        const chunks = chunkText(input, lang, maxChars);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(maxChars);
        }
        expect(noSpace(chunks.join(''))).toBe(noSpace(input));
      }),
      { numRuns: 400 },
    );
  });

  it('property: default maxChars is 256', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (input) => {
        for (const chunk of chunkText(input, 'en')) expect(chunk.length).toBeLessThanOrEqual(256);
      }),
      { numRuns: 200 },
    );
  });
});
