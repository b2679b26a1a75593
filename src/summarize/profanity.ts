import naughtyWords from 'naughty-words';
import type { Language } from '../domain/languages.js';
import { canonicalize } from '../index/lexical.js';

/**
 * Minimal output profanity check over the naughty-words lists (the summary's language plus English, which
 * reviews in every language borrow from). Deliberately one small module: a full toxicity scorer can replace it.
 */
const lists: Record<string, string[]> = naughtyWords;
/** Single words in a set; phrases indexed by their first word, so a text only pays for phrases it could hold. */
const cache = new Map<Language, { words: Set<string>; phrases: Map<string, string[]> }>();

function vocabulary(language: Language) {
  let entry = cache.get(language);
  if (!entry) {
    const all = [...(lists[language] ?? []), ...(language === 'en' ? [] : (lists.en ?? []))].map(canonicalize);
    const phrases = new Map<string, string[]>();
    for (const phrase of all.filter((w) => w.includes(' '))) {
      const first = phrase.split(' ')[0]!;
      phrases.set(first, [...(phrases.get(first) ?? []), phrase]);
    }
    entry = { words: new Set(all.filter((w) => !w.includes(' '))), phrases };
    cache.set(language, entry);
  }
  return entry;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The first profane word or phrase in the text, or undefined. Whole words only ("Scunthorpe" is fine). */
export function findProfanity(text: string, language: Language): string | undefined {
  const { words, phrases } = vocabulary(language);
  const tokens = canonicalize(text).match(WORD_RE) ?? [];
  for (const word of tokens) if (words.has(word)) return word;
  const padded = ` ${tokens.join(' ')} `;
  for (const word of new Set(tokens)) {
    const found = phrases.get(word)?.find((phrase) => padded.includes(` ${phrase} `));
    if (found) return found;
  }
  return undefined;
}
