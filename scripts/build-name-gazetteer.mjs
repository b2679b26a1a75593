#!/usr/bin/env node
/**
 * Regenerates data/pii/{first-names,last-names}.txt and data/pii/name-stopwords-<lang>.txt.
 *
 * Names: the Latin-script first and last names of every @faker-js/faker locale (devDependency, pinned), one per
 * line, lower-cased, sorted. Stopwords: names that are also ordinary lower-case words of a shop language
 * according to its Hunspell dictionary (dictionary-<lang> read by nspell, devDependencies; inflected forms count) — "ben" (it), "will" (en), "mark" —
 * so that a capitalised common word at a sentence start is not taken for a person (English: only words that
 * compromise's lexicon of frequent words also has as a non-name). Names that compromise knows as a place,
 * nationality, month or day ("German", "June", "Milan") are stopwords in every language. Only the intersection with
 * the name lists is written, never a dictionary itself.
 *
 * Run: node scripts/build-name-gazetteer.mjs   (the output is committed; runtime needs neither package)
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allLocales } from '@faker-js/faker';
import nlp from 'compromise';
import nspell from 'nspell';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'pii');
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}\p{M}'’-]*$/u;
const LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl'];

function values(entry) {
  if (!entry) return [];
  const list = Array.isArray(entry) ? entry : Object.values(entry).flat();
  return list.map((item) => (typeof item === 'string' ? item : item?.value)).filter((v) => typeof v === 'string');
}

function collect(field, locales = Object.values(allLocales)) {
  const names = new Set();
  for (const locale of locales) {
    for (const raw of values(locale.person?.[field])) {
      // "Van der Berg", "Mary-Jane": every part is a name word of its own.
      for (const part of raw.normalize('NFC').split(/[\s]+/)) {
        if (part.length >= 2 && LATIN_NAME.test(part)) names.add(part.toLowerCase());
      }
    }
  }
  return names;
}

const first = collect('first_name');
const last = collect('last_name');
/** German capitalises nouns: there a capitalised dictionary word is a name only if it is a German first name. */
const germanFirst = collect('first_name', [allLocales.de, allLocales.de_AT, allLocales.de_CH]);
// compromise's English name lexicon joins the lists (so the stoplists below cover it too).
for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag];
  if (word.includes(' ')) continue;
  if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) first.add(word);
  if (tags.includes('LastName')) last.add(word);
}
writeFileSync(join(out, 'first-names.txt'), `${[...first].sort().join('\n')}\n`);
writeFileSync(join(out, 'last-names.txt'), `${[...last].sort().join('\n')}\n`);

const COMMON_EN = new Set();
/** Everyday English verbs/nouns that compromise lists only as a first name. */
const EVERYDAY_EN = new Set(
  'mark grant rose bob pat sue rob jack ray frank guy art dawn hope faith joy may june april summer chase miles drew wade gene pearl ruby amber crystal grace sky rocky sandy penny buck cliff dale glen lane hunter major king carol'.split(
    ' ',
  ),
);
/** Names that are places, nationalities, months or days in compromise ("German", "June", "Paris", "Milan"). */
const NOT_PERSON = new Set();
const NOT_PERSON_TAGS = /^(?:Place|Country|City|Region|Demonym|Month|WeekDay|Holiday|Organization|Company|Date)$/;
for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag];
  if (!tags.some((t) => /Name$|^Person$/.test(t))) COMMON_EN.add(word);
  if (tags.some((t) => NOT_PERSON_TAGS.test(t)) && !word.includes(' ')) NOT_PERSON.add(word);
}

const names = [...new Set([...first, ...last])];
const SLOW_AFFIXES = new Set(['it', 'pl']);
for (const lang of LANGUAGES) {
  const { default: dictionary } = await import(`dictionary-${lang}`);
  // nspell expands affixes (inflected forms); its Italian and Polish affix tables take hours to load, so for
  // those the dictionary stems alone are used.
  const spell = SLOW_AFFIXES.has(lang) ? { correct: () => false } : nspell(dictionary);
  const stems = new Set(
    new TextDecoder()
      .decode(dictionary.dic)
      .split('\n')
      .map((line) => line.split('/')[0].trim().normalize('NFC')),
  );
  let stop = names.filter((name) => {
    // A lower-case word of the language, inflected forms included ("belle", "malen").
    if (stems.has(name) || spell.correct(name)) return true;
    // German capitalises nouns ("Waage", "Kannen", "Bart"): a capitalised word is a stopword unless it is a
    // German first name ("Peter", "Anna" are in the dictionary too).
    const capitalised = name.charAt(0).toUpperCase() + name.slice(1);
    return lang === 'de' && !germanFirst.has(name) && (stems.has(capitalised) || spell.correct(capitalised));
  });
  // English Hunspell accepts rare lower-case senses ("john", "brad"); keep only words compromise knows as a
  // frequent non-name word ("will", "mark", "bill").
  if (lang === 'en') stop = stop.filter((name) => COMMON_EN.has(name) || EVERYDAY_EN.has(name));
  stop = [...new Set([...stop, ...names.filter((name) => NOT_PERSON.has(name))])].sort();
  writeFileSync(join(out, `name-stopwords-${lang}.txt`), `${stop.join('\n')}\n`);
  console.log(lang, stop.length, 'stopwords');
}
console.log('first names', first.size, 'last names', last.size);
