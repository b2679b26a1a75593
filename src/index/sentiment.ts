import type { Polarity } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import { canonicalize, isWordCode, StemTrie } from './lexical.js';
import { type LanguageLexicon, LEXICONS } from './sentiment-lexicon.js';

/**
 * Sentence-level sentiment. `SentimentModel` is the seam: the cold-start lexicon model below is one
 * implementation; a trained linear model (issue: learned sentiment) implements the same interface and is
 * swapped in by id, so stored chunk sentiment records which model produced it.
 */
export interface SentimentModel {
  /** Stable id, stored with the index so a model change triggers re-scoring. */
  readonly id: string;
  /** Sentiment of one sentence/chunk in [-1, 1]; 0 means "no evidence". */
  score(text: string, language: Language): number;
}

type Entry =
  | { readonly kind: 'sentiment'; readonly weight: number; readonly negatable: boolean }
  | { readonly kind: 'negator'; readonly post: boolean; readonly pre: boolean }
  | { readonly kind: 'intensifier' }
  | { readonly kind: 'contrast' };

/** A negator flips a sentiment word up to this many tokens after it (same clause). */
const NEGATION_WINDOW = 3;
/** Post-negators ("funktioniert nicht") flip a sentiment word up to this many tokens before them. */
const POST_NEGATION_WINDOW = 3;
const INTENSIFIER_WINDOW = 2;
const INTENSIFIER_FACTOR = 1.5;
/** Negation flips and dampens: "not great" is less negative than "terrible" is. */
const NEGATION_FACTOR = -0.75;
const BEFORE_CONTRAST_FACTOR = 0.5;
const AFTER_CONTRAST_FACTOR = 1.5;
/** Squashing constant: score = raw / sqrt(raw² + ALPHA); one plain hit scores ≈ ±0.58. */
const ALPHA = 2;

/** Characters that end a clause: negation and intensifiers do not reach across them. */
function isClauseBreak(code: number): boolean {
  return (
    code === 44 || // ,
    code === 59 || // ;
    code === 58 || // :
    code === 46 || // .
    code === 33 || // !
    code === 63 || // ?
    code === 40 || // (
    code === 41 || // )
    code === 0x2013 || // –
    code === 0x2014 || // —
    code === 0xa1 || // ¡
    code === 0xbf // ¿
  );
}

function parseEntry(raw: string): { key: string; exact: boolean; weight: number; negatable: boolean } {
  const negatable = !raw.startsWith('!');
  let key = negatable ? raw : raw.slice(1);
  let weight = 1;
  const at = key.lastIndexOf('@');
  if (at > 0) {
    weight = Number(key.slice(at + 1));
    key = key.slice(0, at);
  }
  const exact = key.endsWith('$');
  if (exact) key = key.slice(0, -1);
  return { key, exact, weight, negatable };
}

/** First entry for a key wins, so sentiment beats the other roles ("super" is positive, not an intensifier). */
const keepFirst = <V>(existing: V): V => existing;

export function compileLexicon(lexicon: LanguageLexicon): StemTrie<Entry> {
  const trie = new StemTrie<Entry>();
  const add = (list: readonly string[], make: (weight: number, negatable: boolean) => Entry): void => {
    for (const raw of list) {
      const { key, exact, weight, negatable } = parseEntry(raw);
      trie.add(key, make(weight, negatable), exact, keepFirst);
    }
  };
  add(lexicon.positive, (weight, negatable) => ({ kind: 'sentiment', weight, negatable }));
  add(lexicon.negative, (weight, negatable) => ({ kind: 'sentiment', weight: -weight, negatable }));
  // A word that is a sentiment entry keeps that role only ("super" is positive, not an intensifier).
  const sentimentKeys = new Set([...lexicon.positive, ...lexicon.negative].map((raw) => parseEntry(raw).key));
  const addRole = (list: readonly string[], make: () => Entry): void => {
    for (const raw of list) {
      const { key, exact } = parseEntry(raw);
      if (!sentimentKeys.has(key)) trie.add(key, make(), exact, keepFirst);
    }
  };
  const post = new Set(lexicon.postNegators);
  const negators = [...new Set([...lexicon.negators, ...lexicon.postNegators])];
  for (const raw of negators) {
    addRole([raw], () => ({ kind: 'negator', pre: lexicon.negators.includes(raw), post: post.has(raw) }));
  }
  addRole(lexicon.intensifiers, () => ({ kind: 'intensifier' }));
  addRole(lexicon.contrast, () => ({ kind: 'contrast' }));
  return trie;
}

const TRIES = new Map<Language, StemTrie<Entry>>();

function trieFor(language: Language): StemTrie<Entry> {
  let trie = TRIES.get(language);
  if (!trie) {
    trie = compileLexicon(LEXICONS[language]);
    TRIES.set(language, trie);
  }
  return trie;
}

interface Hit {
  readonly entry: Entry;
  /** Token index of the first token of the match. */
  readonly token: number;
  readonly clause: number;
}

/** Finds lexicon hits at word starts; tokens inside a multi-word match are counted but not matched. */
function scan(text: string, trie: StemTrie<Entry>, hits: Hit[]): void {
  let token = -1;
  let clause = 0;
  let resumeAt = 0;
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const word = isWordCode(code);
    if (!word) {
      if (isClauseBreak(code)) clause++;
      prevWord = false;
      continue;
    }
    if (prevWord) continue;
    prevWord = true;
    token++;
    if (i < resumeAt) continue;
    const entry = trie.longestAt(text, i);
    if (entry !== undefined) {
      hits.push({ entry, token, clause });
      resumeAt = trie.matchEnd;
    }
  }
}

/** The lexicon's evidence in a text: hits by sign after negation/intensifiers/contrast, and their sum. */
export interface LexiconEvidence {
  /** Sentiment hits whose final weight is positive / negative. */
  readonly positive: number;
  readonly negative: number;
  /** Sentiment hits flipped by a negator. */
  readonly negated: number;
  /** Summed weights (unsquashed). */
  readonly raw: number;
}

const NO_EVIDENCE: LexiconEvidence = { positive: 0, negative: 0, negated: 0, raw: 0 };

/** Per-hit weighting of the lexicon model; exported for diagnostics and the polarity research scripts. */
export function lexiconEvidence(text: string, language: Language): LexiconEvidence {
  const hits: Hit[] = [];
  scan(canonicalize(text), trieFor(language), hits);
  if (hits.length === 0) return NO_EVIDENCE;

  let lastContrast = -1;
  for (const hit of hits) if (hit.entry.kind === 'contrast') lastContrast = hit.token;

  let positive = 0;
  let negative = 0;
  let negatedHits = 0;
  let raw = 0;
  for (const hit of hits) {
    if (hit.entry.kind !== 'sentiment') continue;
    let value = hit.entry.weight;
    let negated = false;
    let intensified = false;
    for (const other of hits) {
      if (other.clause !== hit.clause) continue;
      const distance = hit.token - other.token;
      if (other.entry.kind === 'negator') {
        if (other.entry.pre && distance >= 1 && distance <= NEGATION_WINDOW) negated = true;
        if (other.entry.post && distance <= -1 && distance >= -POST_NEGATION_WINDOW) negated = true;
      } else if (other.entry.kind === 'intensifier' && distance >= 1 && distance <= INTENSIFIER_WINDOW) {
        intensified = true;
      }
    }
    if (intensified) value *= INTENSIFIER_FACTOR;
    if (negated && hit.entry.negatable) {
      value *= NEGATION_FACTOR;
      negatedHits++;
    }
    if (lastContrast >= 0) value *= hit.token < lastContrast ? BEFORE_CONTRAST_FACTOR : AFTER_CONTRAST_FACTOR;
    if (value > 0) positive++;
    else if (value < 0) negative++;
    raw += value;
  }
  return { positive, negative, negated: negatedHits, raw };
}

/** Raw (unsquashed) lexicon evidence; exported for tests and diagnostics. */
export function rawLexiconScore(text: string, language: Language): number {
  return lexiconEvidence(text, language).raw;
}

/**
 * Cold-start lexicon model: per-language positive/negative stems (word-start, case-insensitive), negation
 * (pre-negators within 3 tokens; post-negators for German/Dutch/French "… nicht/niet/pas"), intensifiers
 * (×1.5) and "but"-clauses (before ×0.5, after ×1.5). The summed evidence is squashed into [-1, 1].
 */
export const lexiconSentiment: SentimentModel = {
  id: 'lexicon-v1',
  score(text: string, language: Language): number {
    const raw = rawLexiconScore(text, language);
    if (raw === 0) return 0;
    const score = raw / Math.sqrt(raw * raw + ALPHA);
    return Math.max(-1, Math.min(1, score));
  },
};

/** |score| at or above this is polar; below it (but non-zero) is neutral. */
export const POLARITY_THRESHOLD = 0.15;

/**
 * Maps a sentiment score to a polarity label.
 *
 * Star-rating fallback (weak-label prior): when the model found no evidence at all (score exactly 0) and
 * the review's star rating is known, the sentence inherits the review's polarity (1–2 → negative,
 * 4–5 → positive, 3 → neutral). Sentences without sentiment words in a 1-star review ("The battery lasted
 * two days.") are far more often complaints than neutral statements, so the star rating is a better prior
 * than "neutral". It is weak on purpose: any lexical evidence, even slight, overrides it, and the stored
 * score stays 0, so consumers can tell inherited polarity from measured sentiment.
 */
export function classifyPolarity(score: number, starRating?: number): Polarity {
  if (Number.isFinite(score) && score !== 0) {
    if (score >= POLARITY_THRESHOLD) return 'positive';
    if (score <= -POLARITY_THRESHOLD) return 'negative';
    return 'neutral';
  }
  if (starRating === undefined || !Number.isFinite(starRating)) return 'neutral';
  if (starRating <= 2) return 'negative';
  if (starRating >= 4) return 'positive';
  return 'neutral';
}
