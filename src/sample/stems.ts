import type { AspectDefinition } from '../domain/aspects.js';
import type { Language } from '../domain/languages.js';

/**
 * The stem rule from src/domain/aspects.ts: a stem matches at the start of a word, case-insensitively
 * ("akku" matches "Akkulaufzeit"). The generator's tests use this to prove every aspect sentence is findable.
 */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function containsStem(text: string, stem: string): boolean {
  const haystack = text.toLowerCase();
  const needle = stem.toLowerCase();
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    if (at === 0 || !LETTER_OR_DIGIT.test(haystack[at - 1] as string)) return true;
    from = at + 1;
  }
}

export function mentionsAspect(text: string, aspect: AspectDefinition, language: Language): boolean {
  return aspect.stems[language].some((stem) => containsStem(text, stem));
}
