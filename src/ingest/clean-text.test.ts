import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanReviewText, dedupKey, htmlToText, keyWordCount, normalizeText } from './clean-text.js';

describe('htmlToText', () => {
  it.each([
    ['plain text is returned unchanged', 'Great product, 5 stars', 'Great product, 5 stars'],
    ['block elements separate words', '<p>Great</p><p>Bad</p>', 'Great Bad'],
    ['br separates words', 'Line<br>break<br/>again', 'Line break again'],
    ['lists', '<ul><li>one</li><li>two</li></ul>', 'one two'],
    ['table cells', '<table><tr><td>a</td><td>b</td></tr></table>', 'a b'],
    ['headings', '<h2>Title</h2>Body', 'Title Body'],
    ['inline elements do not split words', 'super<b>cali</b>fragilistic', 'supercalifragilistic'],
    ['links keep their text', 'see <a href="https://x.example">here</a>.', 'see here.'],
    ['script content dropped', '<script>alert("x")</script>Nice', 'Nice'],
    ['style content dropped', '<style>p { color: red }</style><p>Nice</p>', 'Nice'],
    ['comments dropped', 'a<!-- hidden -->b', 'ab'],
    ['named entities', 'Tom &amp; Jerry &eacute;t&eacute; &lt;3', 'Tom & Jerry été <3'],
    ['numeric entities', '&#72;&#x49; &#x1F600;', 'HI 😀'],
    ['nbsp entity becomes a space', '5000&nbsp;mAh', '5000 mAh'],
    ['upper-case tags', '<P>Upper</P><DIV>case</DIV>', 'Upper case'],
    ['"size < 42" survives', 'size < 42 fits', 'size < 42 fits'],
    ['"<3" survives', 'I love it 3 <3', 'I love it 3 <3'],
    ['unknown "tags" in prose survive', 'x<y and y>z', 'x<y and y>z'],
    ['unterminated tag-like text at the end survives', 'works if a<b then', 'works if a<b then'],
    ['ampersand without entity survives', 'R&D, fish & chips', 'R&D, fish & chips'],
    ['unknown element with attributes kept as text', '<foo bar="1">x</foo>', '<foo bar="1">x</foo>'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(htmlToText(input))).toBe(expected);
  });

  it('does not glue block texts (raw output has a separator)', () => {
    expect(htmlToText('<p>Great</p><p>Bad</p>')).toMatch(/Great\s+Bad/);
  });
});

describe('normalizeText', () => {
  it.each([
    ['trims and collapses spaces', '  a   b  ', 'a b'],
    ['newlines and tabs become spaces', 'a\n\nb\tc\r\nd', 'a b c d'],
    ['nbsp and narrow nbsp', 'a\u00A0b\u202Fc\u3000d', 'a b c d'],
    ['zero-width and BOM removed', '\uFEFFGr\u200Beat\u2060!', 'Great!'],
    ['soft hyphen removed', 'Kopf\u00ADhörer', 'Kopfhörer'],
    ['control chars become spaces', 'a\u0000b\u0007c\u0085d', 'a b c d'],
    ['bidi controls removed', '\u202Eabc\u202C', 'abc'],
    ['NFC composes accents', 'e\u0301te\u0301', 'été'],
    ['keeps case, accents, digits, punctuation', 'Größe 42, ÉTÉ! 129,99 €', 'Größe 42, ÉTÉ! 129,99 €'],
    ['keeps emoji incl. ZWJ sequences', 'Top 👨‍👩‍👧 👍🏽', 'Top 👨‍👩‍👧 👍🏽'],
    ['lone surrogates become U+FFFD', 'a\uD800b', 'a\uFFFDb'],
    ['empty', '', ''],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('cleanReviewText', () => {
  it.each([
    [
      'html review',
      '<div><p>Sehr&nbsp;gut!</p>\n<p>Würde ich wieder kaufen.</p></div>',
      'Sehr gut! Würde ich wieder kaufen.',
    ],
    ['double-escaped markup is unwrapped', '&lt;p&gt;Bien&lt;/p&gt;&lt;p&gt;Top&lt;/p&gt;', 'Bien Top'],
    ['plain', '  Great\tvalue  ', 'Great value'],
  ])('%s', (_name, input, expected) => {
    expect(cleanReviewText(input)).toBe(expected);
  });

  it('is idempotent on tricky markup', () => {
    for (const raw of [
      '&amp;lt;b&amp;gt;x',
      'a &lt;b&gt; c',
      '<\u200Bp>x',
      '&amp;amp;amp;amp;lt;p&amp;amp;amp;amp;gt;x',
      'if a<b then',
    ]) {
      const once = cleanReviewText(raw);
      expect(cleanReviewText(once)).toBe(once);
    }
  });
});

describe('dedupKey', () => {
  it.each([
    ['Tolles Gerät!!', 'tolles gerat'],
    ['  TOLLES   gerat ', 'tolles gerat'],
    ['Très bon produit, je recommande.', 'tres bon produit je recommande'],
    ['Świetny produkt — polecam!', 'swietny produkt polecam'],
    ['ﬁne ＡＢＣ', 'fine abc'],
    ['Размер 42 👍', 'размер 42'],
    ['!!!', ''],
  ])('%s → %s', (input, expected) => {
    expect(dedupKey(input)).toBe(expected);
  });

  it('maps near-duplicates to the same key', () => {
    expect(dedupKey('<Great> product!!')).toBe(dedupKey('great PRODUCT'));
  });
});

// Strings mixing HTML-ish fragments, entities and arbitrary unicode.
const htmlish = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      fc.constantFrom(
        '<p>',
        '</p>',
        '<br>',
        '<b>',
        '</b>',
        '<script>',
        '</script>',
        '<style>',
        '<',
        '>',
        '&',
        '&amp;',
        '&lt;',
        '&gt;',
        '&nbsp;',
        '&#x1F600;',
        '&#0;',
        '&amp;lt;',
        '<!--',
        '-->',
        ' ',
        '\u200B',
        '\u00A0',
        'e\u0301',
        '\n',
      ),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('cleanReviewText properties', () => {
  it('never throws on arbitrary strings, is idempotent, and does not grow', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), htmlish), (raw) => {
        const once = cleanReviewText(raw);
        expect(cleanReviewText(once)).toBe(once);
        // NFC itself can expand a few rare code points; apart from that the output never grows.
        expect(once.length).toBeLessThanOrEqual(raw.normalize('NFC').length + 2);
      }),
      { numRuns: 2000 },
    );
  });

  it('normalizeText is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const once = normalizeText(raw);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('dedupKey never throws and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const key = dedupKey(raw);
        expect(dedupKey(key)).toBe(key);
      }),
      { numRuns: 1000 },
    );
  });

  it('keyWordCount of a dedup key equals its number of space-separated words', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const key = dedupKey(raw);
        expect(keyWordCount(key)).toBe(key === '' ? 0 : key.split(' ').length);
      }),
      { numRuns: 1000 },
    );
    expect(keyWordCount('one two three')).toBe(3);
    expect(keyWordCount('')).toBe(0);
  });
});
