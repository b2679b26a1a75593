import type { Language } from './languages.js';

/**
 * Aspects discovered in a product's own reviews (issue 6): a noun the reviewers use, e.g. "food" on a
 * restaurant, where the cold-start taxonomy only knows product aspects. Their id is `term:<noun>` (the noun as
 * reviewers write it: German nouns keep their capital), so they can never collide with a taxonomy id, and a
 * claim about one is carried by a cited chunk that uses the noun.
 */
export const TERM_PREFIX = 'term:';

export const isTermAspect = (aspect: string) => aspect.startsWith(TERM_PREFIX);
export const termAspect = (noun: string) => `${TERM_PREFIX}${noun}`;
export const termOf = (aspect: string) => aspect.slice(TERM_PREFIX.length);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Are two lower-case words the same noun up to a plural or case ending? The shorter is a prefix of the longer
 * with at most 3 letters left ("preis"/"preisen", "lieferung"/"lieferungen", "envío"/"envíos"), or a final
 * vowel is swapped ("prezzo"/"prezzi", "cena"/"ceny"). Needs 4 letters, 5 for the vowel swap, so short words
 * do not absorb others.
 */
export function sameNoun(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short === long) return true;
  if (short.length >= 4 && long.startsWith(short) && long.length - short.length <= 3) return true;
  return (
    short.length >= 5 &&
    /[aeiouy]$/u.test(short) &&
    long.length - short.length <= 1 &&
    long.startsWith(short.slice(0, -1)) &&
    /^[aeiouy]/u.test(long.slice(short.length - 1))
  );
}

/**
 * Does the text use the noun (whole word, any case)? English: singular or plural ("price", "prices", not
 * "priceless"); other languages: any form `sameNoun` accepts.
 */
export function mentionsTerm(text: string, noun: string, language: Language = 'en'): boolean {
  if (language === 'en') {
    const stem = noun.endsWith('s') ? noun.slice(0, -1) : noun;
    return new RegExp(`(^|[^\\p{L}])${escapeRegExp(stem)}(s|es)?($|[^\\p{L}])`, 'iu').test(text);
  }
  const lower = noun.toLocaleLowerCase(language);
  for (const word of text.toLocaleLowerCase(language).match(/\p{L}+/gu) ?? []) {
    if (sameNoun(word, lower)) return true;
  }
  return false;
}

/** Is the claim's aspect carried by this chunk: a taxonomy tag on it, or a discovered noun in its text? */
export function aspectCarried(
  chunk: { readonly aspects: readonly string[]; readonly text: string; readonly language?: Language },
  aspect: string,
) {
  return (
    chunk.aspects.includes(aspect) || (isTermAspect(aspect) && mentionsTerm(chunk.text, termOf(aspect), chunk.language))
  );
}
