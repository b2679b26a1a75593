/**
 * Toxicity/profanity score from multilingual word lists (LDNOOBW via naughty-words) with whole-word matching
 * on the dedup key (case/accents folded), per-language lists (the French "bitte" is not the German "bitte") and
 * per-language allow-lists for words that are ordinary in product reviews ("screw", "balls").
 * Whole-word matching avoids the Scunthorpe problem: "Scunthorpe", "classic", "analysis" never match.
 */
import { createRequire } from 'node:module';
import type { Language } from '../domain/languages.js';
import { dedupKey } from './clean-text.js';

const require = createRequire(import.meta.url);

/** Words that are normal in product reviews of this language although the lists contain them. */
export const TOXICITY_ALLOW_LIST: Readonly<Record<Language, readonly string[]>> = {
  en: ['screw', 'screwing', 'screws', 'balls', 'ball', 'bang', 'knob', 'nipple', 'nipples', 'rubber', 'pussy cat'],
  de: ['bumsen'],
  fr: [],
  es: ['asesinato', 'caca'],
  it: [],
  nl: ['aardappels afgieten'],
  pl: [],
};

/** One phrase per entry as dedup-key token sequences, grouped by first token. */
type Lexicon = Map<string, string[][]>;
const lexicons = new Map<Language, Lexicon>();

function lexiconFor(language: Language): Lexicon {
  let lexicon = lexicons.get(language);
  if (lexicon) return lexicon;
  lexicon = new Map();
  const allow = new Set(TOXICITY_ALLOW_LIST[language].map(dedupKey));
  const words: string[] = require(`naughty-words/${language}.json`);
  for (const entry of words) {
    const key = dedupKey(entry);
    if (key === '' || allow.has(key)) continue;
    const tokens = key.split(' ');
    const list = lexicon.get(tokens[0]!) ?? [];
    list.push(tokens);
    lexicon.set(tokens[0]!, list);
  }
  lexicons.set(language, lexicon);
  return lexicon;
}

export interface ToxicityResult {
  /** 0..1: 1 − e^(−hits·4/words^0.5), so one slur in a short text scores high, in a long one lower. */
  score: number;
  hits: number;
}

/** `key`: the text's dedupKey when the caller already has it (it is the costliest step). */
export function toxicityScore(text: string, language: Language, key = dedupKey(text)): ToxicityResult {
  const tokens = key.split(' ');
  const lexicon = lexiconFor(language);
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    const candidates = lexicon.get(tokens[i]!);
    if (!candidates) continue;
    for (const phrase of candidates) {
      let ok = true;
      for (let j = 1; j < phrase.length && ok; j++) ok = tokens[i + j] === phrase[j];
      if (ok) {
        hits++;
        i += phrase.length - 1;
        break;
      }
    }
  }
  if (hits === 0) return { score: 0, hits };
  const words = Math.max(1, tokens.length);
  return { score: 1 - Math.exp((-hits * 4) / Math.sqrt(words)), hits };
}

/** Default threshold: one listed word in a review of up to ~60 words. */
export const DEFAULT_TOXICITY_THRESHOLD = 0.4;
