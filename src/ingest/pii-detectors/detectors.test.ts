import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactPii } from '../pii.js';
import { gtinValid, luhnValid } from './financial.js';

describe('EU PII detectors', () => {
  it.each([
    ['IBAN: DE89 3704 0044 0532 0130 00 bitte', 'IBAN: [IBAN] bitte'],
    ['rekening NL91ABNA0417164300.', 'rekening [IBAN].'],
    ['carte 4111 1111 1111 1111 refusée', 'carte [CARD] refusée'],
    ['IP 192.168.10.20 blockiert', 'IP [IP] blockiert'],
    ['mein Profil https://www.facebook.com/max.muster', 'mein Profil [URL]'],
    ['Lieferung an Hauptstraße 5, 10115 Berlin bitte', 'Lieferung an [ADDRESS] bitte'],
    ['envoyé au 12 rue de la Paix, 75002 Paris', 'envoyé au [ADDRESS]'],
    ['spedito in Via Roma 12', 'spedito in [ADDRESS]'],
    ['wysłane na ul. Miła 53, 00-950 Warszawa', 'wysłane na [ADDRESS]'],
    ['bezorgd op Kerkstraat 12a', 'bezorgd op [ADDRESS]'],
    ['sent to 14 Crown Street, London SW1A 1AA', 'sent to [ADDRESS]'],
    ['the seller John Doe never answered', 'the seller [PERSON] never answered'],
    ['Mein Name ist Anna Schmidt.', 'Mein Name ist [PERSON].'],
  ])('%s', (input, expected) => {
    expect(redactPii(input).text).toBe(expected);
  });

  it.each([
    'Maße 120 x 45 x 30 mm, Akku 5000 mAh',
    'EAN 4006381333931',
    'Firmware v1.2.3.4 fixed it',
    'Supports 5G and 1080p, 2 way speaker',
    'Bought on 12.03.2025 for 129,99 €',
    'Modell WH-1000XM4 von Sony',
    'https://www.example.com/product/123 is the shop page',
  ])('keeps product facts: %s', (input) => {
    expect(redactPii(input).text).toBe(input);
  });

  it('validates checksums', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(gtinValid('4006381333931')).toBe(true);
  });

  it('redaction never throws and is idempotent on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (text) => {
        const once = redactPii(text).text;
        expect(redactPii(once).text).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe('address detector across sentences', () => {
  it('does not read "5 weeks. Way too noisy" as a house number and street', () => {
    const text = 'Poor build: the lid cracked within 5 weeks. Way too noisy for a small apartment.';
    expect(redactPii(text, { language: 'en' }).text).toBe(text);
    expect(redactPii('Send it to 14 Crown Street, please.', { language: 'en' }).text).toContain('[ADDRESS]');
  });
});
