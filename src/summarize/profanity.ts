import naughtyWords from 'naughty-words';
import type { Language } from '../domain/languages.js';
import { canonicalize } from '../index/lexical.js';

/**
 * Minimal output profanity check over the naughty-words lists (the summary's language plus English, which
 * reviews in every language borrow from). Deliberately one small module: a full toxicity scorer can replace it.
 */
const lists: Record<string, string[]> = naughtyWords;
const cache = new Map<Language, { words: Set<string>; phrases: string[] }>();

function vocabulary(language: Language) {
  let entry = cache.get(language);
  if (!entry) {
    const all = [...(lists[language] ?? []), ...(language === 'en' ? [] : (lists.en ?? []))].map(canonicalize);
    entry = { words: new Set(all.filter((w) => !w.includes(' '))), phrases: all.filter((w) => w.includes(' ')) };
    cache.set(language, entry);
  }
  return entry;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** The first profane word or phrase in the text, or undefined. Whole words only ("Scunthorpe" is fine). */
export function findProfanity(text: string, language: Language): string | undefined {
  const { words, phrases } = vocabulary(language);
  const canonical = canonicalize(text);
  for (const word of canonical.match(WORD_RE) ?? []) if (words.has(word)) return word;
  const padded = ` ${(canonical.match(WORD_RE) ?? []).join(' ')} `;
  return phrases.find((phrase) => padded.includes(` ${phrase} `));
}
