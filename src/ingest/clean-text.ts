/**
 * Review text cleaning: HTML → text, Unicode/whitespace normalisation, and a key for duplicate detection.
 *
 * All functions are pure and synchronous. Cost is dominated by fast paths: plain text without `<`/`&`
 * never touches the HTML parser, and the normaliser is a handful of linear regex passes.
 */
import { Parser } from 'htmlparser2';

/** Elements that separate words/blocks: their open and close tags become a line break. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Elements whose text content is never review text. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object']);

/** Inline elements: dropped silently (no word boundary), content kept. */
const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'body',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'html',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'mark',
  'meta',
  'link',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'svg',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/**
 * Does the text plausibly contain markup or character references? Tag-like `<x`, `</`, `<!` or `<?`,
 * or an entity-like `&name` / `&#…`. "size < 42", "3 <3", "Tom & Jerry" do not match.
 */
const HTML_LIKE = /<[a-zA-Z/!?]|&(?:[a-zA-Z][a-zA-Z0-9]{0,31}|#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8});?/;

// One reusable parser (the handler writes into module state; parsing is synchronous, so this is safe).
let out = '';
let dropDepth = 0;
let source = '';
/** Index just past the last input consumed by a parser event (to recover text the tokenizer drops at EOF). */
let consumed = 0;
const parser = new Parser(
  {
    onopentag(name) {
      consumed = parser.endIndex + 1;
      if (DROPPED_ELEMENTS.has(name)) {
        dropDepth++;
      } else if (BLOCK_ELEMENTS.has(name)) {
        out += '\n';
      } else if (!INLINE_ELEMENTS.has(name) && dropDepth === 0) {
        // Not a real HTML element ("a<b and c>d", "<3"-like text): keep the raw source as text.
        out += source.slice(parser.startIndex, parser.endIndex + 1);
      }
    },
    onclosetag(name, isImplied) {
      if (!isImplied) consumed = parser.endIndex + 1;
      if (DROPPED_ELEMENTS.has(name)) {
        if (dropDepth > 0) dropDepth--;
      } else if (BLOCK_ELEMENTS.has(name)) {
        out += '\n';
      } else if (!isImplied && !INLINE_ELEMENTS.has(name) && dropDepth === 0) {
        out += source.slice(parser.startIndex, parser.endIndex + 1);
      }
    },
    ontext(text) {
      consumed = parser.endIndex + 1;
      if (dropDepth === 0) out += text;
    },
    oncomment() {
      consumed = parser.endIndex + 1;
    },
    onprocessinginstruction() {
      consumed = parser.endIndex + 1;
    },
  },
  { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
);

/**
 * Convert (possibly) HTML review text to plain text. Plain text without markup is returned unchanged.
 * Block elements become line breaks (so `<p>Great</p><p>Bad</p>` → "Great\nBad"), script/style/etc.
 * content is dropped, entities are decoded, and unknown "tags" in non-HTML text are kept verbatim.
 * Whitespace is not normalised here; see {@link normalizeText}.
 */
export function htmlToText(input: string): string {
  if (!HTML_LIKE.test(input)) return input;
  out = '';
  dropDepth = 0;
  source = input;
  try {
    parser.reset();
    consumed = 0;
    parser.end(input);
    // An unterminated "tag" at the end ("if a<b then") is swallowed by the tokenizer: keep it as text.
    if (consumed < input.length && dropDepth === 0) out += input.slice(consumed);
    return out;
  } finally {
    out = '';
    source = '';
  }
}

/** Invisible format characters that are removed outright (they mostly sit inside words). */
// ZWSP, word joiner, BOM, soft hyphen, LRM/RLM/ALM, bidi embeddings/overrides/isolates, invisible operators,
// Mongolian vowel separator. ZWJ/ZWNJ (U+200C/D) are kept: they are part of emoji sequences.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
/**
 * C0/C1 controls (incl. tab/newline/CR) and line/paragraph separators become spaces; lone surrogates become
 * U+FFFD. With the `u` flag, `[\uD800-\uDFFF]` only matches *unpaired* surrogates (pairs are one code point).
 */
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\u2028\u2029]|[\uD800-\uDFFF]/gu;
const NEEDS_CHAR_FIX =
  /[\p{Cc}\u00AD\u061C\u180E\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uD800-\uDFFF]/u;
const WHITESPACE_RUN = /\s+/g; // \s covers NBSP, narrow NBSP, U+2000–U+200A, U+3000, U+205F, …
const NEEDS_WS_FIX = /\s\s|[^\S ]|^\s|\s$/;

/**
 * Unicode NFC, controls → space, invisible format characters removed, all whitespace (incl. NBSP and
 * other Unicode spaces) collapsed to single ASCII spaces, trimmed. Case, accents, digits, punctuation
 * and emoji are kept. Idempotent. Lone UTF-16 surrogates are replaced by U+FFFD.
 */
export function normalizeText(input: string): string {
  let s = input;
  if (NEEDS_CHAR_FIX.test(s)) {
    s = s.replace(INVISIBLE, '').replace(CONTROL_OR_LONE_SURROGATE, (c) => (c >= '\uD800' ? '\uFFFD' : ' '));
  }
  s = s.normalize('NFC');
  if (NEEDS_WS_FIX.test(s)) s = s.replace(WHITESPACE_RUN, ' ').trim();
  return s;
}

/** Replace markup-significant characters with look-alikes so a text can never be re-interpreted as HTML. */
function defuseMarkup(s: string): string {
  return s.replace(/</g, '\uFF1C').replace(/&/g, '\uFF06');
}

const MAX_DECODE_ROUNDS = 3;

/**
 * `normalizeText(htmlToText(raw))`, iterated to a fixpoint so the result is idempotent: double-escaped input
 * (`&amp;lt;b&amp;gt;`) is unwrapped up to {@link MAX_DECODE_ROUNDS} times; if it still is not stable
 * (pathological nesting), `<` and `&` are replaced by full-width look-alikes.
 */
export function cleanReviewText(raw: string): string {
  let s = normalizeText(htmlToText(raw));
  for (let round = 0; round < MAX_DECODE_ROUNDS && HTML_LIKE.test(s); round++) {
    const next = normalizeText(htmlToText(s));
    if (next === s) return s;
    s = next;
  }
  if (HTML_LIKE.test(s) && normalizeText(htmlToText(s)) !== s) s = normalizeText(defuseMarkup(s));
  return s;
}

const NON_ASCII = /\P{ASCII}/u;
const LATIN_COMBINING = /[\u0300-\u036F]+/g;
const ANY_COMBINING = /\p{M}/u;
const COMBINING_MARKS = /\p{M}+/gu;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Memo for non-ASCII code points (a `\p{…}` regex per run is ~10× slower than this loop). Bounded. */
const alnumCache = new Map<number, boolean>();

function isLetterOrDigit(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
  let known = alnumCache.get(cp);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCodePoint(cp));
    if (alnumCache.size < 20_000) alnumCache.set(cp, known);
  }
  return known;
}

/**
 * Key for duplicate detection, never for display: NFKD (also folds ligatures/full-width forms), combining marks
 * removed (é → e), lower-cased, every run of non-letters/non-digits (any script) → one space, trimmed.
 * "Tolles Gerät!!" and "tolles  GERAT" share a key.
 */
export function dedupKey(text: string): string {
  let s = text;
  if (NON_ASCII.test(s)) {
    s = s.normalize('NFKD').replace(LATIN_COMBINING, '');
    if (ANY_COMBINING.test(s)) s = s.replace(COMBINING_MARKS, '');
  }
  s = s.toLowerCase();
  let out = '';
  let runStart = -1;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isLetterOrDigit(cp)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      out += out.length > 0 ? ` ${s.slice(runStart, i)}` : s.slice(runStart, i);
      runStart = -1;
    }
    i += width;
  }
  if (runStart >= 0) out += out.length > 0 ? ` ${s.slice(runStart)}` : s.slice(runStart);
  return out;
}

/**
 * Words in a {@link dedupKey} (single spaces, trimmed), counted without splitting: on the ingest hot path the
 * array `split` allocates per review was most of the cost of the too-short flag.
 */
export function keyWordCount(key: string): number {
  if (key === '') return 0;
  let words = 1;
  for (let i = key.indexOf(' '); i >= 0; i = key.indexOf(' ', i + 1)) words++;
  return words;
}
