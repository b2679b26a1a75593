import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { eld } from 'eld/medium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { eldScores, storedNgramScores } from './eld-scorer.js';

// The reference: eld itself, configured as language-id.ts used it before eld-scorer.ts.
const reference = eld.newInstance();
reference.setLanguageSubset([...SUPPORTED_LANGUAGES]);

function eldReference(text: string): number[] {
  const scores = reference.detect(text).getScores();
  return SUPPORTED_LANGUAGES.map((language) => scores[language] ?? 0);
}

function expectSameScores(text: string): void {
  const ours = [...eldScores(text)];
  const theirs = eldReference(text);
  for (let i = 0; i < ours.length; i++) {
    if (Math.abs(ours[i]! - theirs[i]!) > 1e-12) {
      expect({ text, ours }).toEqual({ text, ours: theirs });
    }
  }
}

const PHRASES = [
  'This blender is great, I use it every day and it never lets me down.',
  "Don't buy it: the lid broke after two weeks and support won`t answer.",
  'Das Gerät ist leise, schnell und die Verarbeitung ist hochwertig. Größe passt, Qualität top!',
  'Straße, Fußgänger, GROẞ, Maß und Übermaß',
  "C'est un produit génial, je l’adore ; l'emballage était abîmé mais ça va.",
  'Très déçu, la qualité n’est pas au rendez-vous, à éviter.',
  'Muy buen producto, llegó rápido y funciona perfectamente. ¡Lo recomiendo! ¿Qué más?',
  'Ottimo prodotto, consegna velocissima, perché non l’ho comprato prima?',
  'Heel goed product, snelle levering en het werkt prima. Één ster minder vanwege de prijs.',
  'Świetny produkt, polecam każdemu! Źle zapakowane, ale działa. Żółć, gęślą jaźń.',
  'Отличный товар, всем рекомендую',
  'Πολύ καλό προϊόν ΟΔΟΣ ΣΊΣΥΦΟΣ',
  '非常好的产品，推荐购买',
  'منتج رائع جدا',
  'İstanbul’da ISPARTA ılık',
  'Güzel ürün, teşekkürler',
  'Bardzo dobry 👍👍 super 😀 emoji 🇩🇪 flags 👨‍👩‍👧',
  'WH-1000XM4 5G 220V 3.5mm USB-C 2x 100% 1/2 #1 @home user@example.com https://example.com/x?y=1',
  '[EMAIL] [PHONE] [URL] ... --- *** !!! ??? ,,, ;;; ()',
  'naïve façade coöperate résumé jalapeño',
  'Supercalifragilisticexpialidociousantidisestablishmentarianismpneumonoultramicroscopicsilicovolcanoconiosis',
  'a b c d e f g h i j k l m n o p q r s t u v w x y z',
  'über schön grün Löwe Ärger Öl',
  "'''  ```  ’’’ l'a d`b e’c x'",
  'e\u0301 combining acute, n\u0303 tilde, A\u030a ring',
  'ﬁne ﬂour ﬀ ligatures and ＦＵＬＬＷＩＤＴＨ ｔｅｘｔ',
  'tab\tseparated\nnew line\r\nwindows\u00a0nbsp\u2003em\u200bzero-width\ufeffbom',
];

/** A few hundred varied strings: the phrases, transformed, combined and cut at awkward lengths. */
function variedStrings(): string[] {
  const texts = [
    '',
    ' ',
    '   ',
    '\t\n',
    '\u00a0',
    'a',
    'I',
    'é',
    'ß',
    "'",
    '’',
    '😀',
    '\ud83d',
    '\ude00',
    'a\ud83d',
    '\ude00a',
  ];
  for (const phrase of PHRASES) {
    texts.push(phrase, phrase.toUpperCase(), phrase.toLowerCase(), phrase.normalize('NFD'), ` ${phrase} `);
    texts.push(phrase.replace(/ /g, ''), phrase.replace(/ /g, '  '), phrase.replace(/[aeiou]/g, '1'));
    for (const cut of [3, 7, 15, 40, 120]) texts.push(phrase.slice(0, cut));
    texts.push(phrase.split('').reverse().join(''));
  }
  for (let i = 0; i < PHRASES.length; i++) texts.push(`${PHRASES[i]} ${PHRASES[(i + 5) % PHRASES.length]}`);
  // Long inputs: eld reads 1000 UTF-16 units (possibly splitting a surrogate pair), then cuts at 350/380 bytes.
  const all = PHRASES.join(' ');
  texts.push(all, all.repeat(3), 'x'.repeat(1500), 'ab '.repeat(500), 'żółw '.repeat(300), '😀'.repeat(600));
  texts.push(`${'a'.repeat(999)}😀`, `${'a '.repeat(499)}a😀b`, `${'ab '.repeat(116)}abc dé`, 'ę'.repeat(200));
  // A space at every byte offset around the 350-byte cut; multi-byte characters straddling the 380-byte cut.
  // (Separator runs collapse to one space, so the padding word is never empty.)
  for (let n = 340; n <= 390; n++) {
    const words = Math.floor(n / 5) - 1;
    texts.push(`${'word '.repeat(words)}${'y'.repeat(n - 5 * words)} tail end`);
  }
  // Every alignment of a 65-byte word against the cuts: some run from before 350 bytes past 380.
  const longWords = 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz Datenschutzgrundverordnung ';
  for (let k = 1; k <= longWords.length; k++) texts.push(`${'a'.repeat(k)} ${longWords.repeat(8)}`);
  // Words over 71 bytes end in an n-gram eld does not store but counts, once per distinct word end.
  const compound = 'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzdatenschutz';
  texts.push(`${compound} ${compound}`, `${compound} und ${compound}s ${compound}`);
  for (let k = 1; k < 14; k++) {
    texts.push(`${'.'.repeat(985 + k)} wonderful day`);
    texts.push(
      `${'a'.repeat(k)} ${'żółć gęślą jaźń źdźbło '.repeat(20)}`,
      `${'a'.repeat(k)} ${'非常好的产品推荐购买 '.repeat(20)}`,
    );
  }
  // Words around eld's 70-byte limit (the last n-gram runs to the word's real end).
  for (const n of [3, 4, 5, 6, 7, 8, 66, 67, 68, 69, 70, 71, 72, 73, 80, 140, 400]) {
    texts.push('q'.repeat(n), `the ${'abc'.repeat(Math.ceil(n / 3)).slice(0, n)} end`, 'é'.repeat(Math.ceil(n / 2)));
    texts.push(`${'x'.repeat(n)} ${'x'.repeat(n)}`, `${'k'.repeat(66)}${'é'.repeat(n % 5)}tail`);
  }
  return texts;
}

describe('eldScores', () => {
  it('equals eld medium getScores() on a few hundred varied strings', () => {
    const texts = variedStrings();
    expect(texts.length).toBeGreaterThan(400);
    for (const text of texts) expectSameScores(text);
    // The strings are not all trivial: most phrases get scores.
    expect(texts.filter((text) => eldScores(text).some((score) => score > 0)).length).toBeGreaterThan(250);
  });

  it('equals eld medium getScores() on random strings', () => {
    const words = PHRASES.join(' ').split(/\s+/);
    const unit = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzäöüßéèàçñąęłśźżABCÉŁ  '’`.,!-1".split('')),
      },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) },
      { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)) },
      { weight: 1, arbitrary: fc.constantFrom(...words).map((word) => ` ${word}`) },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit, maxLength: 80 }),
          fc.string({ unit, maxLength: 1200 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.array(fc.constantFrom(...words), { maxLength: 120 }).map((list) => list.join(' ')),
        ),
        (text) => expectSameScores(text),
      ),
      { numRuns: 3000 },
    );
  });

  it('holds every n-gram of eld medium that scores one of our languages, with its scores', () => {
    // The data object, as eld's entry module loads it (the package's exports do not expose the file).
    const source = readFileSync(new URL('../ngrams/medium.js', import.meta.resolve('eld/medium')), 'utf8');
    const data = vm.runInNewContext(source.replace('export const ngramsData =', '(').replace(/;\s*$/, ')')) as {
      languages: Record<string, string>;
      ngrams: Record<string, Record<string, number>>;
    };
    const columns = SUPPORTED_LANGUAGES.map((language) =>
      Object.keys(data.languages).find((index) => data.languages[index] === language),
    );
    let ours = 0;
    for (const [key, row] of Object.entries(data.ngrams)) {
      const expected = columns.map((index) => (index !== undefined && index in row ? row[index]! + 53 : 0));
      if (expected.every((score) => score === 0)) {
        expect(storedNgramScores(key)).toBeUndefined();
      } else {
        ours++;
        expect(storedNgramScores(key), key).toEqual(expected);
      }
    }
    expect(ours).toBeGreaterThan(20_000);
  });
});
