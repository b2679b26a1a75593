import type { EmbeddedChunk } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';

/**
 * Per-product aspect discovery: the nouns reviewers make statements about. A noun is found in the frame
 * "the/their/our … X is/was/are/were …" ("the food was cold", "their prices are fair"), which needs no tagger
 * and rarely fires on anything but a noun phrase head. English only for now: the other languages' claim
 * templates would need gender and case of an unknown noun.
 */
const FRAMES: Partial<Record<Language, RegExp>> = {
  en: /(?:\b(?:the|their|our|my|its|his|her|your)\s+(?:[a-z]+\s+)?|(?:^|[.!?]\s+))([a-z]{3,})\s+(?:is|was|are|were|has been|have been)\b/giu,
};

// Heads that say nothing about the product: generic nouns and words the frame catches in passing.
const NOT_ASPECTS = new Set(
  `thing things way time times one ones lot bit day days rest only other others same first last whole reason fact
  part kind sort end point problem issue issues thing result results idea side top bottom next most best worst
  main only owner experience`.split(/\s+/),
);
// Function words the sentence-start frame catches ("They are great", "There was a wait", "Everything was good").
const FUNCTION_WORDS = new Set(
  `i you he she it we they me him her us them this that these those there here what which who whom whose where
  when why how everything something nothing anything everyone someone anyone nobody everybody all both each
  either neither none some any many much more most few several other another such own same and but yet also
  still then now today tonight yesterday tomorrow again once twice ever never always often sometimes usually
  just only even very really quite too so well not`.split(/\s+/),
);

const singular = (noun: string) => (noun.endsWith('s') && !noun.endsWith('ss') ? noun.slice(0, -1) : noun);

/**
 * Nouns used in the frame by at least `minReviews` distinct reviews, most used first; singular and plural
 * forms are one noun (reported in the form used most).
 */
export function discoverAspectNouns(
  chunks: readonly EmbeddedChunk[],
  language: Language,
  minReviews: number,
): string[] {
  const frame = FRAMES[language];
  if (!frame) return [];
  const reviews = new Map<string, Set<string>>();
  const forms = new Map<string, Map<string, number>>();
  for (const chunk of chunks) {
    if (chunk.language !== language) continue;
    for (const match of chunk.text.toLowerCase().matchAll(frame)) {
      const noun = match[1]!;
      const key = singular(noun);
      if (NOT_ASPECTS.has(key) || NOT_ASPECTS.has(noun) || FUNCTION_WORDS.has(noun)) continue;
      const set = reviews.get(key) ?? new Set<string>();
      set.add(chunk.reviewId);
      reviews.set(key, set);
      const counts = forms.get(key) ?? new Map<string, number>();
      counts.set(noun, (counts.get(noun) ?? 0) + 1);
      forms.set(key, counts);
    }
  }
  return [...reviews.entries()]
    .filter(([, set]) => set.size >= minReviews)
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .map(([key]) => [...forms.get(key)!.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
}
