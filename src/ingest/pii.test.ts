import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../domain/languages.js';
import { mergeSpans, type PiiDetector, redactPii } from './pii.js';

describe('redactPii: e-mail', () => {
  it.each([
    ['Schreib mir: max.mustermann@example.de', 'Schreib mir: [EMAIL]'],
    ['mail jürgen.müller@beispiel.de.', 'mail [EMAIL].'],
    ['<a.b+tag@sub.mail.example.co.uk>', '<[EMAIL]>'],
    ["(contact: o'brien@shop.ie)", '(contact: [EMAIL])'],
    ['mailto:info@händler.de bitte', 'mailto:[EMAIL] bitte'],
    ['x@y.pl, z@w.it', '[EMAIL], [EMAIL]'],
  ])('%s', (input, expected) => {
    expect(redactPii(input).text).toBe(expected);
  });

  it.each([
    'Preis @ 20 € ist fair',
    'follow @brand on insta',
    'email at example dot com',
    'a@b',
    'user@localhost',
    'x@y.c0m',
    'me@.de',
  ])('not an e-mail: %s', (input) => {
    expect(redactPii(input).text).toBe(input);
  });

  it('reports spans in input coordinates', () => {
    const text = 'Kontakt: a.b@c.de, danke';
    const { found } = redactPii(text);
    expect(found).toEqual([{ type: 'EMAIL', start: 9, end: 17 }]);
    expect(text.slice(9, 17)).toBe('a.b@c.de');
  });
});

describe('redactPii: phone', () => {
  const cases: [Language | undefined, string, string][] = [
    ['de', 'Ruf an: +49 30 1234567', 'Ruf an: [PHONE]'],
    ['de', 'Hotline 030 1234567 war nett', 'Hotline [PHONE] war nett'],
    ['de', 'Handy 0151 12345678', 'Handy [PHONE]'],
    ['de', 'Tel. (030) 123 45 67', 'Tel. [PHONE]'],
    ['de', 'aus dem Ausland 0049 30 1234567', 'aus dem Ausland [PHONE]'],
    ['fr', 'Appelez le +33 6 12 34 56 78', 'Appelez le [PHONE]'],
    ['fr', 'mon numéro 06 12 34 56 78', 'mon numéro [PHONE]'],
    ['fr', 'ou 06.12.34.56.78 merci', 'ou [PHONE] merci'],
    ['es', 'Llámame al 612 345 678', 'Llámame al [PHONE]'],
    ['es', 'o al +34 612 345 678', 'o al [PHONE]'],
    ['it', 'chiamami al 333 123 4567', 'chiamami al [PHONE]'],
    ['nl', 'bel 06-12345678 gerust', 'bel [PHONE] gerust'],
    ['pl', 'zadzwoń 512 345 678', 'zadzwoń [PHONE]'],
    ['en', 'call 07700 900123 anytime', 'call [PHONE] anytime'],
    ['en', 'or +44 7700 900123', 'or [PHONE]'],
    ['en', 'German line +49 30 1234567', 'German line [PHONE]'],
    [undefined, 'no language: 0151 12345678', 'no language: [PHONE]'],
    [undefined, 'no language: +33 6 12 34 56 78', 'no language: [PHONE]'],
  ];
  it.each(cases)('[%s] %s', (language, input, expected) => {
    expect(redactPii(input, { language }).text).toBe(expected);
  });

  it('redacts e-mail and phone together and lists both', () => {
    const r = redactPii('Mail a@b.de oder 0151 12345678.', { language: 'de' });
    expect(r.text).toBe('Mail [EMAIL] oder [PHONE].');
    expect(r.found.map((f) => f.type)).toEqual(['EMAIL', 'PHONE']);
  });
});

describe('redactPii: product facts must survive', () => {
  const facts = [
    'Modell WH-1000XM4 von Sony',
    'Samsung SM-G991B',
    'EAN 4006381333931',
    'EAN: 5901234123457 / UPC 012345678905',
    'Maße 120 x 45 x 30 mm',
    '120x45x30 mm',
    'Akku 5000 mAh, Powerbank 20 000 mAh',
    '129,99 €',
    '1.299,00 €',
    '$1,299.00',
    '1 299,00 zł',
    'gekauft am 12.03.2025',
    'delivered 2025-03-12',
    'le 12/03/2025',
    'seit 2019, Modell 2023',
    'since 2019 2020 2021',
    '5G and 1080p, 4K 60Hz',
    'size 42, Größe 42-44',
    'after 4 months',
    'nach 4 Monaten und 3 Wochen',
    '3 000 000 Pixel',
    '10.000.000 Downloads',
    '1.000.000 mAh lol',
    'Bestellnummer 302-1234567-1234567',
    'Seriennummer 1234567890123',
    'ISBN 978-3-16-148410-0',
    'Auflösung 3840 x 2160 Pixel',
    'RAM 16 GB, SSD 512 GB, 2 TB',
    '12.03.2025 - 14.03.2025',
  ];
  const languages: (Language | undefined)[] = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', undefined];
  for (const language of languages) {
    it.each(facts)(`[${language ?? 'none'}] %s`, (text) => {
      const r = redactPii(text, { language });
      expect(r.text).toBe(text);
      expect(r.found).toEqual([]);
    });
  }

  it('keeps facts next to a redacted phone', () => {
    const r = redactPii('WH-1000XM4 für 129,99 € am 12.03.2025, Hotline 030 1234567, 5000 mAh', { language: 'de' });
    expect(r.text).toBe('WH-1000XM4 für 129,99 € am 12.03.2025, Hotline [PHONE], 5000 mAh');
  });
});

describe('mergeSpans and pluggable detectors', () => {
  it('merges overlaps, keeps the longest type', () => {
    expect(
      mergeSpans([
        { type: 'PHONE', start: 5, end: 8 },
        { type: 'EMAIL', start: 0, end: 6 },
        { type: 'PHONE', start: 10, end: 12 },
      ]),
    ).toEqual([
      { type: 'EMAIL', start: 0, end: 8 },
      { type: 'PHONE', start: 10, end: 12 },
    ]);
  });

  it('accepts a custom detector list', () => {
    const secret: PiiDetector = {
      type: 'PHONE',
      mayMatch: (t) => t.includes('SECRET'),
      detect: (t) => [{ type: 'PHONE', start: t.indexOf('SECRET'), end: t.indexOf('SECRET') + 6 }],
    };
    expect(redactPii('my SECRET and a@b.de', { detectors: [secret] }).text).toBe('my [PHONE] and a@b.de');
  });

  it('re-runs detectors until stable and maps later spans back to input coordinates', () => {
    const secret: PiiDetector = {
      type: 'PHONE',
      mayMatch: (t) => t.includes('secret'),
      detect: (t) =>
        [...t.matchAll(/secret/g)].map((m) => ({ type: 'PHONE' as const, start: m.index, end: m.index + 6 })),
    };
    // Only matches text produced by the first round.
    const bang: PiiDetector = {
      type: 'EMAIL',
      mayMatch: (t) => t.includes('[PHONE]!'),
      detect: (t) =>
        [...t.matchAll(/\[PHONE\]!+/g)].map((m) => ({
          type: 'EMAIL' as const,
          start: m.index,
          end: m.index + m[0].length,
        })),
    };
    const text = 'a secret!! b secret c';
    const r = redactPii(text, { detectors: [secret, bang] });
    expect(r.text).toBe('a [EMAIL] b [PHONE] c');
    expect(r.found).toEqual([
      { type: 'EMAIL', start: 2, end: 10 },
      { type: 'PHONE', start: 13, end: 19 },
    ]);
  });
});

const emailArb = fc.emailAddress();
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc
    .array(
      fc.oneof(
        fc.string(),
        // Pieces of every detector family, so their cue and block rules meet hostile neighbours too (a zero-width
        // cue at a line start once looped forever).
        fc.constantFrom(' ', '@', '+49 ', '0151 ', '12345678', '.de', '-', '.', '[PHONE]', '\n', ', ', '• '),
        fc.constantFrom('the corner of ', ' and ', 'Apt. 4', 'Suite 12 ', 'address: ', '12 Crown Street', 'nan 12345'),
        fc.constantFrom('Via delle Coste 4', 'út 13.', 'Rua Nova 5', '10115 Berlin', 'Hauptstraße 5', 'User: '),
      ),
      { maxLength: 12 },
    )
    .map((p) => p.join('')),
);
const languageArb = fc.constantFrom<Language | undefined>('en', 'de', 'fr', 'es', 'it', 'nl', 'pl', undefined);

describe('redactPii properties', () => {
  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(anyText, languageArb, (text, language) => {
        const once = redactPii(text, { language });
        const twice = redactPii(once.text, { language });
        expect(twice.text).toBe(once.text);
        expect(twice.found).toEqual([]);
        for (const f of once.found) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeLessThan(f.end);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('never returns a planted e-mail', () => {
    fc.assert(
      fc.property(fc.string(), emailArb, fc.string(), languageArb, (before, email, after, language) => {
        const text = `${before} ${email} ${after}`;
        const r = redactPii(text, { language });
        expect(r.text).not.toContain(email);
        expect(r.found.some((f) => f.type === 'EMAIL')).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
