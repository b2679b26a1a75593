import { MAX_CHUNK_CHARS } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import { isWordCode } from './lexical.js';

/**
 * Sentence splitting and sentence-aligned chunking.
 *
 * `Intl.Segmenter` (ICU sentence rules) splits after every "word." followed by a capital letter or digit,
 * so it breaks "Dr. Smith", "z. B. Das", "am 3. März". We re-join those splits with a per-language
 * abbreviation guard. Abbreviations come in two classes:
 * - `always`: never end a sentence in practice ("Dr.", "z. B.", "e.g.") — the split is always undone;
 * - `lower`: may well end a sentence ("etc.", "usw.", "zł.", Polish "ok.") — the split is undone only when
 *   the next sentence starts with a lower-case letter or a digit.
 * In German, a split after a 1–2 digit number ("am 3. März", "zum 2. Mal") is undone too (ordinal dot);
 * the price is that a German sentence ending in a bare small number ("Note: 2. Sonst …") stays joined.
 */

interface AbbreviationSet {
  readonly always: readonly string[];
  readonly lower: readonly string[];
}

/** Common to every language (reviews mix English in). */
const SHARED: AbbreviationSet = {
  always: ['e.g.', 'e. g.', 'i.e.', 'i. e.', 'approx.', 'vs.', 'ca.', 'dr.', 'mr.', 'mrs.', 'ms.'],
  // "No." is also a whole English sentence, so only "No. 5" style continuations are re-joined.
  lower: ['etc.', 'no.', 'nr.'],
};

const ABBREVIATIONS: Readonly<Record<Language, AbbreviationSet>> = {
  en: {
    always: ['prof.', 'st.', 'jr.', 'sr.', 'incl.', 'min.', 'max.', 'fig.'],
    lower: ['ft.', 'lbs.', 'oz.', 'in.', 'hrs.', 'mins.'],
  },
  de: {
    always: [
      'z. b.',
      'z.b.',
      'bzw.',
      'u. a.',
      'u.a.',
      'd. h.',
      'd.h.',
      'evtl.',
      'ggf.',
      'inkl.',
      'vgl.',
      'sog.',
      'bspw.',
      'prof.',
      'hr.',
      'fr.',
      'str.',
      'max.',
      'min.',
      'mind.',
      'zzgl.',
      'u. u.',
      'u.u.',
      'o. ä.',
      'o.ä.',
    ],
    lower: ['usw.', 'etc.', 'std.', 'tlw.'],
  },
  fr: {
    always: ['m.', 'mme.', 'mlle.', 'p. ex.', 'p.ex.', 'cf.', 'env.', 'av.', 'bd.', 'réf.'],
    lower: ['etc.', 'min.', 'max.'],
  },
  es: {
    always: ['sr.', 'sra.', 'srta.', 'pág.', 'p. ej.', 'p.ej.', 'aprox.', 'ej.', 'núm.', 'ud.', 'uds.', 'dña.'],
    lower: ['etc.', 'máx.', 'mín.'],
  },
  it: {
    always: ['dott.', 'sig.', 'sig.ra', 'sigg.', 'prof.', 'pag.', 'ad es.', 'es.', 'n.'],
    lower: ['ecc.', 'etc.', 'max.', 'min.'],
  },
  nl: {
    always: ['bijv.', 'o.a.', 'o. a.', 'd.w.z.', 'm.a.w.', 'bv.', 'ong.', 'ca.', 'dhr.', 'mevr.', 'mr.', 'nl.', 'evt.'],
    lower: ['enz.', 'etc.', 'max.', 'min.'],
  },
  pl: {
    always: [
      'm.in.',
      'np.',
      'tzw.',
      'tj.',
      'ul.',
      'godz.',
      'tel.',
      'wg.',
      'nr.',
      'prof.',
      'dr.',
      'mgr.',
      'inż.',
      'tys.',
      'mln.',
    ],
    lower: ['r.', 'ok.', 'zł.', 'itd.', 'itp.', 'etc.', 'gr.', 'cm.', 'kg.'],
  },
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Builds `(?<![\p{L}\p{N}])(?:(always...)|(lower...))` with flexible whitespace after internal dots. */
function compileAbbreviations(language: Language): RegExp {
  const set = ABBREVIATIONS[language];
  const toSource = (list: readonly string[]): string =>
    [...new Set(list)]
      .sort((a, b) => b.length - a.length)
      .map((a) =>
        escapeRegex(a)
          .replace(/\\\.\s*(?=\S)/g, '\\.\\s*')
          .replace(/ /g, '\\s+'),
      )
      .join('|');
  const always = toSource([...SHARED.always, ...set.always]);
  const lower = toSource([...SHARED.lower, ...set.lower].filter((a) => !set.always.includes(a)));
  return new RegExp(`(?<![\\p{L}\\p{N}.])(?:(${always})|(${lower}))`, 'giu');
}

const ABBREVIATION_RE = new Map<Language, RegExp>();
const SEGMENTERS = new Map<Language, Intl.Segmenter>();
/** German ordinal/date dot: a 1–2 digit number directly before the boundary. */
const ORDINAL_TAIL_RE = /(?<![\p{L}\p{N}.,])\d{1,2}\.\s*$/u;
const ORDINAL_LANGUAGES: ReadonlySet<Language> = new Set(['de']);
const WHITESPACE_RUN_RE = /\s+/g;

function segmenterFor(language: Language): Intl.Segmenter {
  let segmenter = SEGMENTERS.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    SEGMENTERS.set(language, segmenter);
  }
  return segmenter;
}

function abbreviationsFor(language: Language): RegExp {
  let re = ABBREVIATION_RE.get(language);
  if (!re) {
    re = compileAbbreviations(language);
    ABBREVIATION_RE.set(language, re);
  }
  return re;
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 10 || code === 13 || code === 9 || code === 0xa0 || /\s/.test(String.fromCharCode(code))
  );
}

/** First non-whitespace char at or after `i` is a lower-case letter or a digit. */
function continuesLowerOrDigit(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  if (j >= text.length) return false;
  const ch = text[j]!;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return true;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function normaliseSentence(raw: string): string {
  return raw.replace(WHITESPACE_RUN_RE, ' ').trim();
}

/**
 * Splits a review into sentences with `Intl.Segmenter` plus the abbreviation/ordinal guard.
 * Sentences are trimmed, internal whitespace runs collapse to one space, empty sentences are dropped.
 */
export function splitSentences(text: string, language: Language): string[] {
  if (text.length === 0) return [];
  const boundaries: number[] = [];
  for (const { index } of segmenterFor(language).segment(text)) {
    if (index > 0) boundaries.push(index);
  }
  if (boundaries.length === 0) {
    const only = normaliseSentence(text);
    return only ? [only] : [];
  }

  // Spans of abbreviations: [start, end, class]. A boundary inside a span, or separated from a span's end
  // only by whitespace, is suppressed (for the `lower` class: only before a lower-case word or a digit).
  const spans: Array<[number, number, boolean]> = [];
  const re = abbreviationsFor(language);
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    spans.push([m.index, m.index + m[0].length, m[1] !== undefined]);
  }

  const kept: number[] = [];
  let spanIdx = 0;
  for (const b of boundaries) {
    let suppress = false;
    while (spanIdx < spans.length && spans[spanIdx]![1] < b && !onlySpaceBetween(text, spans[spanIdx]![1], b)) {
      spanIdx++;
    }
    for (let k = spanIdx; k < spans.length; k++) {
      const [start, end, always] = spans[k]!;
      if (start >= b) break;
      const inside = b < end;
      const directlyAfter = !inside && onlySpaceBetween(text, end, b);
      if (inside || (directlyAfter && (always || continuesLowerOrDigit(text, b)))) {
        suppress = true;
        break;
      }
    }
    if (!suppress && ORDINAL_LANGUAGES.has(language)) {
      suppress = ORDINAL_TAIL_RE.test(text.slice(Math.max(0, b - 12), b)) && isWordCode(nextNonSpace(text, b));
    }
    if (!suppress) kept.push(b);
  }

  const out: string[] = [];
  let start = 0;
  for (const b of [...kept, text.length]) {
    const sentence = normaliseSentence(text.slice(start, b));
    if (sentence) out.push(sentence);
    start = b;
  }
  return out;
}

function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

function nextNonSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length && isSpace(text.charCodeAt(j))) j++;
  return j < text.length ? text.charCodeAt(j) : -1;
}

const CLAUSE_SPLIT_RE = /(?<=[,;:–—])\s/u;
const MIN_FRAGMENT_CHARS = 3;

/** Hard split of an over-long "word", never cutting a surrogate pair (unless maxChars is 1). */
function hardSplit(word: string, maxChars: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (word.length - i > maxChars) {
    let cut = i + maxChars;
    const code = word.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff && cut - 1 > i) cut--;
    out.push(word.slice(i, cut));
    i = cut;
  }
  out.push(word.slice(i));
  return out;
}

/** Greedily packs space-separated units into pieces of at most maxChars. */
function pack(units: readonly string[], maxChars: number, out: string[]): void {
  let current = '';
  for (const unit of units) {
    if (unit.length === 0) continue;
    if (unit.length > maxChars) {
      // Clause too long: pack its words; a word too long: hard split.
      if (current) out.push(current);
      current = '';
      const words = unit.split(' ');
      if (words.length > 1) {
        const sub: string[] = [];
        pack(words, maxChars, sub);
        current = sub.pop() ?? '';
        out.push(...sub);
      } else {
        const parts = hardSplit(unit, maxChars);
        current = parts.pop() ?? '';
        out.push(...parts);
      }
      continue;
    }
    const candidate = current ? `${current} ${unit}` : unit;
    if (candidate.length <= maxChars) {
      current = candidate;
    } else {
      out.push(current);
      current = unit;
    }
  }
  if (current) out.push(current);
}

function startsWithWordChar(s: string): boolean {
  return isWordCode(s.charCodeAt(0));
}

/**
 * Sentence-aligned chunks of at most `maxChars` UTF-16 code units: one sentence per chunk; a longer
 * sentence is split at clause punctuation (, ; : – —, packing clauses greedily) and then at word
 * boundaries; only a single "word" longer than maxChars is hard-split. Fragments shorter than 3 chars
 * ("!", ":)") merge into the previous chunk if it fits (into the next one if they come first).
 * Non-whitespace content is never lost or reordered.
 */
export function chunkText(text: string, language: Language, maxChars: number = MAX_CHUNK_CHARS): string[] {
  if (!Number.isInteger(maxChars) || maxChars < 1)
    throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  const pieces: string[] = [];
  for (const sentence of splitSentences(text, language)) {
    if (sentence.length <= maxChars) pieces.push(sentence);
    else pack(sentence.split(CLAUSE_SPLIT_RE), maxChars, pieces);
  }

  const chunks: string[] = [];
  for (const piece of pieces) {
    const prev = chunks[chunks.length - 1];
    if (piece.length < MIN_FRAGMENT_CHARS && prev !== undefined) {
      const sep = startsWithWordChar(piece) ? ' ' : '';
      if (prev.length + sep.length + piece.length <= maxChars) {
        chunks[chunks.length - 1] = prev + sep + piece;
        continue;
      }
    }
    chunks.push(piece);
  }
  if (chunks.length > 1 && chunks[0]!.length < MIN_FRAGMENT_CHARS) {
    const merged = `${chunks[0]} ${chunks[1]}`;
    if (merged.length <= maxChars) chunks.splice(0, 2, merged);
  }
  return chunks;
}
