import { type AspectDefinition, aspectsForCategory, CATEGORIES } from '../domain/aspects.js';
import type { Language } from '../domain/languages.js';
import { canonicalize, isWordCode, StemTrie } from './lexical.js';

/**
 * Aspect tagging against the cold-start taxonomy (src/domain/aspects.ts).
 *
 * Matching rules:
 * - a stem matches at a word start only (the preceding char is not a letter/digit/mark), case-insensitively,
 *   so "akku" matches "Akkulaufzeit" and "bateri" matches "baterię", but "build" does not match "rebuild"
 *   and "akku" does not match "Kopfhörerakku" (compounds are only caught by their first element);
 * - multi-word stems ("easy to use", "noise cancel") match across single spaces or hyphens;
 * - longest match wins at each word start, and words inside a multi-word match are not matched again:
 *   "noise cancelling" is sound (not noise level), "carica" is battery (not Italian price stem "car"),
 *   "rapport qualité-prix" is price only;
 * - the review language's stems plus the English stems (reviews mix languages) — except English stems that
 *   are word starts of common words in the review language (German "fast" = almost, Italian/Spanish
 *   "fun…" in "funziona/funciona", Polish "wide…" in "wideo", see ENGLISH_FALLBACK_EXCLUDE).
 *
 * One trie per (language, category) is compiled lazily and cached.
 */

/** English stems not used as fallback in a language because they start common words there. */
export const ENGLISH_FALLBACK_EXCLUDE: Readonly<Record<Language, readonly string[]>> = {
  en: [],
  de: ['fast', 'lag', 'sole', 'fun', 'wide', 'hurt'],
  fr: ['fast', 'lag', 'sole', 'fun', 'fit'],
  es: ['fast', 'lag', 'sole', 'fun', 'play'],
  it: ['fast', 'lag', 'sole', 'fun', 'bass'],
  nl: ['lag'],
  pl: ['fun', 'wide', 'hurt'],
};

const ALL_CATEGORIES_KEY = '*';
const TRIES = new Map<string, { trie: StemTrie<readonly string[]>; order: readonly string[] }>();

function categoryKey(category: string | null): string {
  return category !== null && (CATEGORIES as readonly string[]).includes(category) ? category : ALL_CATEGORIES_KEY;
}

const mergeIds = (existing: readonly string[], added: readonly string[]): readonly string[] => [
  ...new Set([...existing, ...added]),
];

function compile(language: Language, aspects: readonly AspectDefinition[]): StemTrie<readonly string[]> {
  const trie = new StemTrie<readonly string[]>();
  const excluded = new Set(ENGLISH_FALLBACK_EXCLUDE[language]);
  for (const aspect of aspects) {
    for (const stem of aspect.stems[language]) trie.add(stem, [aspect.id], false, mergeIds);
    if (language !== 'en') {
      for (const stem of aspect.stems.en) if (!excluded.has(stem)) trie.add(stem, [aspect.id], false, mergeIds);
    }
  }
  return trie;
}

function compiledFor(language: Language, category: string | null) {
  const key = `${language}|${categoryKey(category)}`;
  let compiled = TRIES.get(key);
  if (!compiled) {
    const aspects = aspectsForCategory(category);
    compiled = { trie: compile(language, aspects), order: aspects.map((a) => a.id) };
    TRIES.set(key, compiled);
  }
  return compiled;
}

/**
 * Aspect ids (from `aspectsForCategory(category)`, in taxonomy order, without duplicates) whose stems occur
 * in the text. Empty when nothing matches; callers decide whether that means the general aspect.
 */
export function tagAspects(text: string, language: Language, category: string | null): string[] {
  const { trie, order } = compiledFor(language, category);
  const canonical = canonicalize(text);
  let found: Set<string> | null = null;
  let resumeAt = 0;
  for (let i = 0; i < canonical.length; i++) {
    if (i < resumeAt || !isWordCode(canonical.charCodeAt(i))) continue;
    if (i > 0 && isWordCode(canonical.charCodeAt(i - 1))) continue;
    const ids = trie.longestAt(canonical, i);
    if (ids !== undefined) {
      found ??= new Set();
      for (const id of ids) found.add(id);
      resumeAt = trie.matchEnd;
    }
  }
  if (found === null) return [];
  const ids = found;
  return order.filter((id) => ids.has(id));
}
