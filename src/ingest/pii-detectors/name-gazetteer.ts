/**
 * First- and last-name gazetteer for the person detector: the Latin-script names of all @faker-js/faker locales
 * and compromise's English name lexicon (generated into data/pii/ by scripts/build-name-gazetteer.mjs, ~15k
 * first and ~14k last names), with per-language stoplists of names that are also ordinary words
 * ("ben" in Italian, "will"/"mark" in English) — those never make a person on their own.
 *
 * Loaded lazily and once per process (~30k strings, a few MB); lookups are O(1) on the lower-cased word.
 */
import { readFileSync } from 'node:fs';
import { type Language, SUPPORTED_LANGUAGES } from '../../domain/languages.js';
import { packagePath } from '../../package-root.js';

export type NameKind = 'first' | 'last';

interface Gazetteer {
  first: ReadonlySet<string>;
  last: ReadonlySet<string>;
  stop: ReadonlyMap<Language | 'any', ReadonlySet<string>>;
}

let gazetteer: Gazetteer | undefined;

function readList(name: string): string[] {
  return readFileSync(packagePath('data', 'pii', name), 'utf8')
    .split('\n')
    .filter((line) => line !== '');
}

/** Stoplist used when the review language is unknown: English plus words common in ≥ 3 shop languages. */
function anyLanguageStoplist(perLanguage: Map<Language | 'any', Set<string>>): Set<string> {
  const counts = new Map<string, number>();
  for (const language of SUPPORTED_LANGUAGES) {
    for (const word of perLanguage.get(language)!) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const any = new Set(perLanguage.get('en'));
  for (const [word, n] of counts) if (n >= 3) any.add(word);
  return any;
}

function load(): Gazetteer {
  const first = new Set(readList('first-names.txt'));
  const last = new Set(readList('last-names.txt'));
  const stop = new Map<Language | 'any', Set<string>>();
  for (const language of SUPPORTED_LANGUAGES) stop.set(language, new Set(readList(`name-stopwords-${language}.txt`)));
  stop.set('any', anyLanguageStoplist(stop));
  return { first, last, stop };
}

function get(): Gazetteer {
  gazetteer ??= load();
  return gazetteer;
}

/** Lower-cased lookup key: possessive "’s" dropped. */
export function nameKey(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '');
}

/** 'first'/'last' for a gazetteer name, null for anything else (including names that are common words). */
export function nameKind(word: string, language?: Language): NameKind | null {
  const g = get();
  const key = nameKey(word);
  if (g.stop.get(language ?? 'any')!.has(key)) return null;
  if (g.first.has(key)) return 'first';
  if (g.last.has(key)) return 'last';
  return null;
}

/** True for a gazetteer name even if it is also a common word (for use inside a run that is already a name). */
export function isAnyName(word: string): boolean {
  const g = get();
  const key = nameKey(word);
  return g.first.has(key) || g.last.has(key);
}
