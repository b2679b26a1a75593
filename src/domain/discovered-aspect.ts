/**
 * Aspects discovered in a product's own reviews (issue 6): a noun the reviewers use, e.g. "food" on a
 * restaurant, where the cold-start taxonomy only knows product aspects. Their id is `term:<noun>`, so they can
 * never collide with a taxonomy id, and a claim about one is carried by a cited chunk that uses the noun.
 */
export const TERM_PREFIX = 'term:';

export const isTermAspect = (aspect: string) => aspect.startsWith(TERM_PREFIX);
export const termAspect = (noun: string) => `${TERM_PREFIX}${noun}`;
export const termOf = (aspect: string) => aspect.slice(TERM_PREFIX.length);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the text use the noun (whole word, singular or plural, any case)? */
export function mentionsTerm(text: string, noun: string): boolean {
  const stem = noun.endsWith('s') ? noun.slice(0, -1) : noun;
  return new RegExp(`(^|[^\\p{L}])${escapeRegExp(stem)}(s|es)?($|[^\\p{L}])`, 'iu').test(text);
}

/** Is the claim's aspect carried by this chunk: a taxonomy tag on it, or a discovered noun in its text? */
export function aspectCarried(chunk: { readonly aspects: readonly string[]; readonly text: string }, aspect: string) {
  return chunk.aspects.includes(aspect) || (isTermAspect(aspect) && mentionsTerm(chunk.text, termOf(aspect)));
}
