/**
 * Language identification restricted to the shop's SUPPORTED_LANGUAGES. Sentence-length texts: a function-word
 * vote, else eld (Efficient Language Detector). Short texts (below {@link SECOND_OPINION_LETTERS} letters): eld's
 * evidence, fastText lid.176's log-probability (fasttext-opinion.ts) and a dictionary-word share
 * (word-lexicon.ts) are summed, and the result is reliable only when eld and fastText pick the same language —
 * otherwise ingest uses the shop/product locale.
 *
 * DB choice: 'eld/medium'. Measured on the Lingua dev sets restricted to our 7 languages (eval guards): sentences
 * 99.9 % for small/medium/large alike, word pairs 93.4 % medium vs 94.4 % large, single words 75.9 % vs 79.9 %.
 * 'large' costs ~215 MB more RSS (484 vs 269 MB in a bare process), which breaks the ingest budget of < 500 MB
 * peak RSS for 1M reviews. With the short-text fusion medium reaches 95 % on word pairs, every language ≥ 0.90
 * (numbers, weights and what was tried: docs/ingest.md).
 *
 * eld itself is not called: eld-scorer.ts computes eld medium's scores for our 7 languages exactly, from a compact
 * table read out of eld's data (eld's own detect() and its 60-language object graph cost ~2.3 s of CPU per 100k
 * reviews in the prepare worker plus GC marking on every forced full GC; see docs/ingest.md).
 */
import { type Language, SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { eldScores, loadEldScorer } from './eld-scorer.js';
import { fastTextProbabilities, loadFastText } from './fasttext-opinion.js';
import { functionWordLanguage } from './function-words.js';
import { lexiconShares } from './word-lexicon.js';

export interface LanguageDetection {
  language: Language;
  /**
   * 0..1 confidence in `language`: eld's relative score margin of `language` over the best other supported
   * language, saturating at a margin of 0.3 and damped for texts under 30 letters. 0 when `language` is a
   * fallback the detector did not choose (or was not run: < 15 letters with a fallback), or a fused choice eld
   * itself ranked below another language.
   */
  confidence: number;
  /**
   * False for very short texts (< 15 letters), a small score margin, or (below 40 letters) eld and fastText
   * disagreeing; then `fallback` is returned if given.
   */
  reliable: boolean;
}

export interface DetectLanguageOptions {
  /** Shop/product locale, returned when the detection is not reliable. */
  fallback?: Language;
  /**
   * The shop's configured languages (default: all SUPPORTED_LANGUAGES). Detection chooses only among these: a
   * German shop's "Super Qualität" is not Dutch or English, whatever a detector over all languages thinks.
   */
  languages?: readonly Language[];
}

/**
 * Builds eld's compact table (else built on first use) and loads the second opinion (fastText lid.176).
 * Idempotent. Until fastText is loaded, short texts are judged by eld alone; ingest awaits this before its first
 * record.
 */
export function initLanguageId(): Promise<void> {
  loadEldScorer();
  return loadFastText();
}

/** Below this many letters fastText is asked too: its score is fused with eld's and the two must agree. */
export const SECOND_OPINION_LETTERS = 40;

/**
 * Weight of ln(fastText probability) against eld's evidence in the fused score of a short text. Chosen by 2-fold
 * cross-validation on the Lingua word-pair dev set (halves by line parity): each half's best weight (1.5 and 5
 * in units of eld's raw n-gram score, whose scale eld divides by 25) sits on a flat plateau; 3 is inside both
 * plateaus. See docs/ingest.md for the numbers.
 */
const FASTTEXT_WEIGHT = 3 / 25;
/** A language fastText gives ~0 is penalised by ln(1e-4), not vetoed: fastText alone is wrong on 15 % of pairs. */
const FASTTEXT_FLOOR = 1e-4;

/**
 * Weight of the share of a short text's words that are dictionary stems of a language (word-lexicon.ts), in
 * the same units. Same 2-fold protocol (fastText weight fixed): both halves pick 1 of {0, 0.5, 1, 1.5, 2}.
 */
const LEXICON_WEIGHT = 1;

/**
 * eld scores are s = r / (r + 25) of its mean n-gram score r; s / (1 − s) = r / 25 is linear in the evidence,
 * which is what a log-linear fusion with fastText's log-probability needs.
 */
function fusedScores(eld: Float64Array, fastText: Float64Array, lexicon: Float64Array): Float64Array {
  const fused = new Float64Array(eld.length);
  for (let i = 0; i < eld.length; i++) {
    const s = eld[i]!;
    fused[i] = s / (1 - s) + FASTTEXT_WEIGHT * Math.log(fastText[i]! + FASTTEXT_FLOOR) + LEXICON_WEIGHT * lexicon[i]!;
  }
  return fused;
}

/** Scores of languages the shop does not sell in become `fill` (in place). */
function restrictTo(values: Float64Array, allowed: readonly boolean[] | undefined, fill: number): Float64Array {
  if (allowed) for (let i = 0; i < values.length; i++) if (!allowed[i]) values[i] = fill;
  return values;
}

const masks = new WeakMap<readonly Language[], readonly boolean[] | undefined>();

/**
 * Per SUPPORTED_LANGUAGES index: is it one of `languages`? undefined = all are. Memoised per array: ingest
 * passes the same configured array for every review.
 */
function allowedMask(languages: readonly Language[] | undefined): readonly boolean[] | undefined {
  if (!languages) return undefined;
  if (!masks.has(languages)) {
    const mask = SUPPORTED_LANGUAGES.map((language) => languages.includes(language));
    masks.set(languages, mask.every(Boolean) ? undefined : mask);
  }
  return masks.get(languages);
}

/** Index of the largest positive value, −1 when none is positive. */
function argmaxPositive(values: Float64Array): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0 && (best < 0 || values[i]! > values[best]!)) best = i;
  return best;
}

/** Index of the largest value (first on ties). */
function argmax(values: Float64Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** eld's relative margin (s_chosen − best other) / s_chosen; 0 when eld prefers another language. */
function eldMargin(eld: Float64Array, chosen: number): number {
  const own = eld[chosen]!;
  let other = 0;
  for (let i = 0; i < eld.length; i++) if (i !== chosen && eld[i]! > other) other = eld[i]!;
  return own > 0 ? Math.max(0, (own - other) / own) : 0;
}

/** Characters inspected: language is clear long before this; eld's cost grows with input length. */
const MAX_SCAN_CHARS = 240;
/** Text handed to eld after cleanup (cut at a word boundary). */
const MAX_DETECT_CHARS = 120;
export const MIN_RELIABLE_LETTERS = 15;
/** Relative margin (s1 − s2) / s1 below which the result is unreliable (calibrated on Lingua word pairs). */
const MIN_RELIABLE_MARGIN = 0.1;
const FULL_CONFIDENCE_MARGIN = 0.3;
const FULL_CONFIDENCE_LETTERS = 30;

/** Redaction placeholders ([EMAIL], [PHONE], …), URLs, e-mails and tokens containing digits (WH-1000XM4, 5G). */
const NOISE = /\[[A-Z_]{2,20}\]|(?:https?:\/\/|www\.)\S+|\S+@\S+|[^\s\d]*\d\S*/g;
const LETTER = /\p{L}/u;

function countLetters(text: string, stopAt: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && LETTER.test(text[i]!))) {
      if (++n >= stopAt) return n;
    }
  }
  return n;
}

function prepare(text: string): string {
  let s = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  s = s.replace(NOISE, ' ');
  if (s.length > MAX_DETECT_CHARS) {
    const cut = s.lastIndexOf(' ', MAX_DETECT_CHARS);
    s = s.slice(0, cut > MAX_DETECT_CHARS / 2 ? cut : MAX_DETECT_CHARS);
  }
  return s;
}

/**
 * Detect the language of a review among SUPPORTED_LANGUAGES. Pure apart from the lazily built eld table.
 * Without a fallback an unreliable result still returns the best guess ('en' with confidence 0 if nothing).
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): LanguageDetection {
  const fallback = options.fallback;
  const allowed = allowedMask(options.languages);
  const sample = prepare(text);
  const letters = countLetters(sample, SECOND_OPINION_LETTERS);

  // Too short to be reliable anyway: with a fallback, skip the detector entirely (saves ~10 µs).
  if (fallback && letters < MIN_RELIABLE_LETTERS) return { language: fallback, confidence: 0, reliable: false };

  // Sentence-length texts with a clear function-word majority skip the n-gram detector (~60 µs).
  if (letters >= SECOND_OPINION_LETTERS) {
    const clear = functionWordLanguage(sample);
    if (clear && (!allowed || allowed[SUPPORTED_LANGUAGES.indexOf(clear)])) {
      return { language: clear, confidence: 1, reliable: true };
    }
  }

  const eld = letters > 0 ? restrictTo(eldScores(sample), allowed, 0) : undefined;
  let chosen = eld ? argmaxPositive(eld) : -1;
  let detectorsAgree = true;
  // Short texts: fuse eld, fastText and the lexicons (eld alone errs on 6.5 % of word pairs, fastText alone on
  // 15 %, the fusion on 5 %), and trust the result only when both detectors pick the same language.
  if (eld && letters < SECOND_OPINION_LETTERS) {
    const fastTextAll = fastTextProbabilities(sample);
    if (fastTextAll) {
      const fastText = restrictTo(fastTextAll, allowed, 0);
      const fastTextBest = argmaxPositive(fastText);
      if (chosen >= 0 || fastTextBest >= 0) {
        chosen = argmax(restrictTo(fusedScores(eld, fastText, lexiconShares(sample)), allowed, -Infinity));
      }
      detectorsAgree = fastTextBest === argmaxPositive(eld);
    }
  }
  const guess = chosen >= 0 ? SUPPORTED_LANGUAGES[chosen] : undefined;
  const margin = eld && chosen >= 0 ? eldMargin(eld, chosen) : 0;

  const reliable =
    guess !== undefined && detectorsAgree && letters >= MIN_RELIABLE_LETTERS && margin >= MIN_RELIABLE_MARGIN;
  const confidence =
    guess === undefined
      ? 0
      : Math.min(1, margin / FULL_CONFIDENCE_MARGIN) * Math.min(1, letters / FULL_CONFIDENCE_LETTERS);

  if (reliable) return { language: guess!, confidence, reliable };
  if (fallback) return { language: fallback, confidence: fallback === guess ? confidence : 0, reliable: false };
  return { language: guess ?? options.languages?.[0] ?? 'en', confidence, reliable: false };
}
