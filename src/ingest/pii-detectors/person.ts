/**
 * Person names. Two signals, no NLP pass over every review (that would cost ~2 ms per review):
 *  1. a contact/name cue — "my name is", "ask for", "the seller", "Mr.", "Frau", "monsieur", "pan", … —
 *     followed by 1–4 name-shaped words;
 *  2. a run of 1–4 capitalised words (or initials) containing a known first or last name, from compromise's
 *     name lexicon (~4,000 names), when the run is more than a sentence-initial single word.
 * Brands, places and organisations are not PII here and are not in the name lexicon.
 */
import type { Language } from '../../domain/languages.js';
import type { PiiContext, PiiDetector, PiiSpan } from '../pii.js';
import { isAnyName, nameKey, nameKind } from './name-gazetteer.js';

/** A gazetteer name, or a word with a surname ending ("Yermakov", "Kowalska"). */
function isKnownName(word: string, language?: Language): boolean {
  return nameKind(word, language) !== null || hasSurnameEnding(nameKey(word));
}

/** Capitalised words that are never names even when the lexicon says so (sentence starters, product words). */
const NOT_NAMES = new Set(
  "i i'm i’m the a an my this that it he she we they you his her our your their hello hi dear thanks bot user mobile desk fax phone email e-mail website address name date personal info apple amazon google sony samsung philips bosch ikea mr mrs ms miss dr prof sir saint st san santa sainte herr frau monsieur madame señor señora signor signora pan pani".split(
    ' ',
  ),
);
const STREET_WORDS = new Set(['street', 'road', 'avenue', 'lane', 'drive', 'boulevard', 'square', 'park']);
/**
 * Words that make a capitalised run an organisation, a title or a place rather than a person ("Russell
 * Investments", "Davis Orchestra", "Cautionary Tales"): the run is cut there.
 */
const NOT_PERSON_WORDS = new Set(
  'inc ltd llc plc gmbh ag kg sa sas sarl spa srl bv nv co corp corporation company group holding holdings orchestra band investments insurance bank software technologies technology systems solutions services consulting partners associates university college school hospital hotel restaurant cafe street road avenue lane drive boulevard square park tales edition series records studios'.split(
    ' ',
  ),
);

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’-]+|\\p{Lu}\\.?";
const NAME_RUN = new RegExp(`(?:${NAME_WORD})(?:[ \\t]+(?:${NAME_WORD})){0,3}`, 'gu');

/** Words after which a name follows. Case-insensitive; names after them may even be lower-case. */
const STRONG_CUES =
  /(?:\bmy name is|\bname is|\bname[:?]|\b(?:my|his|her|their) name(?= [A-Z])|'s name(?= [A-Z])|\bnamed|\bcalls? me|\bich heiße|\bmein name ist|\bje m'appelle|\bmon nom est|\bme llamo|\bmi chiamo|\bmijn naam is|\bnazywam się|\bmam na imię)\s+/gi; // no `u`: with `iu`, \b and case folding are ~10× slower in V8
// One leading \b for all alternatives: V8 then rejects most positions before trying any (~2.5× faster than a
// \b per alternative).
const CUES =
  /\b(?:mr\.?|mrs\.?|ms\.?|miss|dr\.?|prof\.?|sir|herr|frau|monsieur|madame|mme\.?|m\.|señor|señora|sr\.?|sra\.?|signor|signora|sig\.?(?:ra)?|meneer|mevrouw|dhr\.?|mevr\.?|pan|pani|the seller|seller|verkäufer(?:in)?|vendeur|vendeuse|vendedor(?:a)?|venditore|verkoper|sprzedawca|sprzedawczyni|contact|kontakt|ask for|fragen sie nach|demandez|pregunta por|chiedete di|vraag naar|follow up with|speak to|i'm|i am|this is|under|change it to|correct it to|with|said|by|to|add|founders:|heard|directed by|starring|commenter|assistant to)\s+/gi;

function extendRun(text: string, start: number): number {
  NAME_RUN.lastIndex = start;
  const m = NAME_RUN.exec(text);
  if (!m || m.index !== start) return start;
  let run = m[0];
  // Do not run into a following sentence ("… Mary. When …" is handled since "When" is checked below).
  const words = run.split(/[ \t]+/);
  while (words.length > 1 && NOT_NAMES.has(words[words.length - 1]!.toLowerCase())) words.pop();
  run = words.join(' ');
  return start + run.length;
}

function cueSpans(text: string, language?: Language): PiiSpan[] {
  const spans: PiiSpan[] = [];
  STRONG_CUES.lastIndex = 0;
  for (let m = STRONG_CUES.exec(text); m !== null; m = STRONG_CUES.exec(text)) {
    const start = m.index + m[0].length;
    // After "my name is" even lower-case words are a name: take up to 3 letter-only words.
    const rest =
      /^[\p{L}\p{M}'’.-]+(?:[ \t]+(?!(?:and|but|und|et|y|e|en|i|or|from|aus)\b)[\p{L}\p{M}'’.-]+){0,2}/u.exec(
        text.slice(start, start + 60),
      );
    if (!rest) continue;
    const words = rest[0].split(/[ \t]+/);
    // "call me when you're here": after "call me" only a capitalised word or a known name is a name.
    if (/calls? me/i.test(m[0]) && !/^\p{Lu}/u.test(words[0]!) && !isAnyName(words[0]!)) continue;
    let taken = 1;
    while (taken < words.length && /^\p{Lu}/u.test(words[taken]!)) taken++;
    const span = words.slice(0, taken).join(' ').replace(/[.]$/, '');
    spans.push({ type: 'PERSON', start, end: start + span.length });
  }
  CUES.lastIndex = 0;
  for (let m = CUES.exec(text); m !== null; m = CUES.exec(text)) {
    const start = m.index + m[0].length;
    const first = /^\p{Lu}[\p{Ll}\p{M}'’-]+/u.exec(text.slice(start, start + 40));
    if (!first || NOT_NAMES.has(first[0].toLowerCase())) continue;
    const end = extendRun(text, start);
    const cue = m[0].trim().toLowerCase();
    // Weak cues ("with", "by", "to", "under", …) need a known name in the run; titles and contact cues do not.
    const weak =
      /^(?:with|by|to|under|add|heard|i'm|i am|this is|founders:|speak to|commenter|directed by|starring|assistant to|contact|kontakt)$/.test(
        cue,
      );
    const run = text.slice(start, end);
    if (weak && !run.split(/[ \t]+/).some((word) => isKnownName(word, language))) continue;
    spans.push({ type: 'PERSON', start, end: end });
  }
  return spans;
}

type TokenClass = 'first' | 'last' | 'initial' | 'other';

interface Token {
  start: number;
  end: number;
  cls: TokenClass;
  possessive: boolean;
}

/** Name particles that may sit between capitalised name words ("Maika van de Noort", "Luis de la Cruz"). */
const PARTICLE_GAP =
  /^[ \t]+(?:(?:van|von|de|der|den|da|di|del|della|du|des|la|le|ter|ten|zu|af|dos|das|y|bin|ibn|al|el)[ \t]+){0,2}$/;
/** Capitalised words and initials only: lower-case words (most of a review) are skipped by the regex itself. */
const CAP_TOKEN = /(?<![\p{L}\p{M}'’])\p{Lu}[\p{L}\p{M}'’.-]*/gu;
/** French/Italian elision ("J'adore", "L'histoire"): the word is not a name. */
const ELIDED = /^\p{L}['’]\p{Ll}/u;
const INITIAL = /^\p{Lu}\.?$/u;
/** Name-shaped: capitalised, lower-case rest; "McDowell", "MacLeod", "O'Brien", "Jean-Simon" allowed. */
const CAPITALISED = /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}'’]*(?:-\p{Lu}[\p{Ll}\p{M}'’]*)?$/u;
/**
 * Surname morphology of European (and neighbouring) languages: patronymic and family-name endings that common
 * words rarely have — Slavic -ov/-ova/-ski/-ová/-ić, Nordic -sson/-sen/-dóttir, Greek -poulos, Romanian -escu,
 * Ukrainian -enko/-chuk, Georgian -dze/-shvili. Such a word counts as a last name.
 */
const SURNAME_ENDING =
  /(?:ov|ova|ev|eva|iev|yev|yeva|ski|ska|sky|skiy|cki|cka|dzki|dze|shvili|vić|vič|ić|sson|dóttir|dottir|poulos|escu|enko|chuk|czyk|ová)$/;

/** Lower-cased word of ≥ 5 letters with a surname ending (checked on the last 7 characters only: cheap). */
function hasSurnameEnding(key: string): boolean {
  return key.length >= 5 && SURNAME_ENDING.test(key.length > 7 ? key.slice(-7) : key);
}

function classifyUncached(word: string, language?: Language): Token['cls'] | 'break' {
  if (INITIAL.test(word)) return 'initial';
  const bare = word.endsWith('s') ? word.replace(/['’]s$/, '') : word;
  if (!CAPITALISED.test(bare) || ELIDED.test(bare)) return 'break';
  const key = nameKey(bare);
  if (NOT_NAMES.has(key) || NOT_PERSON_WORDS.has(key)) return 'break';
  return nameKind(bare, language) ?? (hasSurnameEnding(key) ? 'last' : 'other');
}

/**
 * Memo of word classes: capitalised words repeat a lot (every German noun, sentence starters), and the class
 * depends only on (language, word). Bounded: cleared when full, so memory stays flat on any input.
 */
const classCaches = new Map<Language | undefined, Map<string, Token['cls'] | 'break'>>();
const CLASS_CACHE_LIMIT = 50_000;

function classify(word: string, language?: Language): Token['cls'] | 'break' {
  let cache = classCaches.get(language);
  if (!cache) {
    cache = new Map();
    classCaches.set(language, cache);
  }
  let cls = cache.get(word);
  if (cls === undefined) {
    cls = classifyUncached(word, language);
    if (cache.size >= CLASS_CACHE_LIMIT) cache.clear();
    cache.set(word, cls);
  }
  return cls;
}

/**
 * Decide whether a run of capitalised tokens is a person:
 *  - "First Initial Last" shape ("Szabina J Gelencsér", "Faina D. Yefremova") even with unknown names;
 *  - from the first gazetteer first name or initial on, if the rest holds a gazetteer name ("Die Bartseife
 *    Bart Spencer" → "Bart Spencer"); or "Unknown Lastname" at the end of a run;
 *  - a single gazetteer first name (not a common word of the review language). Last names alone need a cue.
 */
function personInRun(run: Token[], text: string): Token[] | null {
  if (run.length === 3 && run[1]!.cls === 'initial' && run[0]!.cls !== 'initial' && run[2]!.cls !== 'initial') {
    return run;
  }
  // Leading capitalised non-names are sentence words or product words ("Die Bartseife Bart Spencer"): a name
  // starts at its first name or initial — or is "Unknown Lastname" at the end of the run.
  let lead = run.findIndex((t) => t.cls === 'first' || t.cls === 'initial');
  // A name that is also a common word just before ("Bart Spencer" in German) still belongs to the name.
  while (lead > 0 && isAnyName(text.slice(run[lead - 1]!.start, run[lead - 1]!.end))) lead--;
  if (lead !== -1) {
    const rest = run.slice(lead);
    if (!rest.some((t) => t.cls === 'first' || t.cls === 'last')) return null;
    return rest.length > 1 || rest[0]!.cls === 'first' ? rest : null;
  }
  const tail = run[run.length - 1]!;
  return run.length >= 2 && tail.cls === 'last' ? run.slice(-2) : null;
}

/** Single short words ("Ca", "Bo") are abbreviations far more often than names. */
const MIN_SINGLE_NAME = 3;

/** Between two name words: a single space (the common case, checked without allocating) or particles. */
function isNameGap(text: string, from: number, to: number): boolean {
  if (to - from === 1) return text.charCodeAt(from) === 32 || text.charCodeAt(from) === 9;
  return to - from < 16 && PARTICLE_GAP.test(text.slice(from, to));
}

/** Capitalised runs (with initials and particles) that the gazetteer says are a person. */
function lexiconSpans(text: string, language?: Language): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let run: Token[] = [];
  const flush = () => {
    // An initial at the end is usually a sentence word ("… to Jones, I …"), not part of the name.
    while (run.length > 0 && run[run.length - 1]!.cls === 'initial') run.pop();
    const person = run.length > 0 ? personInRun(run, text) : null;
    if (person && (person.length > 1 || person[0]!.end - person[0]!.start >= MIN_SINGLE_NAME)) {
      spans.push({ type: 'PERSON', start: person[0]!.start, end: person[person.length - 1]!.end });
    }
    run = [];
  };
  CAP_TOKEN.lastIndex = 0;
  let prevEnd = 0;
  for (let m = CAP_TOKEN.exec(text); m !== null; m = CAP_TOKEN.exec(text)) {
    let word = m[0];
    // A trailing dot ends the sentence unless the word is an initial ("J.").
    if (word.length > 2 && word.endsWith('.')) word = word.slice(0, -1);
    // Names are separated by spaces (and particles) only; anything else ends the run.
    if (run.length > 0 && !isNameGap(text, prevEnd, m.index)) flush();
    prevEnd = m.index + word.length;
    const cls = classify(word, language);
    if (cls === 'break') {
      // "Russell Investments", "Davis Orchestra": a name directly followed by an organisation word is the
      // organisation's name, not a person.
      const last = run[run.length - 1];
      // (Street words do not cancel: "Isaac Lodge Street" holds a name and is part of an address anyway.)
      const key = nameKey(word);
      if (last && NOT_PERSON_WORDS.has(key) && !STREET_WORDS.has(key) && isNameGap(text, last.end, m.index)) run = [];
      flush();
      continue;
    }
    const possessive = /['’]s$/.test(word);
    run.push({ start: m.index, end: m.index + (possessive ? word.length - 2 : word.length), cls, possessive });
    if (possessive || run.length === 4 || prevEnd < m.index + m[0].length) flush();
  }
  flush();
  return spans;
}

/** Lower-cased "first last" pairs ("follow up with patricia desrosiers"): both gazetteer names, no common word. */
const LOWER_PAIR = /(?<![\p{L}\p{M}])(\p{Ll}[\p{Ll}\p{M}'’-]{2,})[ \t]+(\p{Ll}[\p{Ll}\p{M}'’-]{2,})(?![\p{L}\p{M}])/gu;

function lowerCaseSpans(text: string, language?: Language): PiiSpan[] {
  const spans: PiiSpan[] = [];
  // Only for writers who do not capitalise at all: otherwise capitalisation is the better signal.
  if (/\p{Lu}/u.test(text)) return spans;
  LOWER_PAIR.lastIndex = 0;
  for (let m = LOWER_PAIR.exec(text); m !== null; m = LOWER_PAIR.exec(text)) {
    if (
      nameKind(m[1]!, language) === 'first' &&
      (nameKind(m[2]!, language) !== null || hasSurnameEnding(nameKey(m[2]!)))
    ) {
      const possessive = /['’]s$/.test(m[2]!) ? 2 : 0;
      spans.push({ type: 'PERSON', start: m.index, end: m.index + m[0].length - possessive });
    } else {
      // Overlapping pairs: retry from the second word.
      LOWER_PAIR.lastIndex = m.index + m[1]!.length;
    }
  }
  return spans;
}

/**
 * Contact cards and signatures: a first line of 2–4 name-shaped words (initials and particles allowed, no
 * sentence punctuation) above lines that hold contact data (≥ 5 digits or an '@' within the next 300
 * characters) is the card holder's name, even when the gazetteer does not know it ("Duqyaha Karataev\n…").
 */
const CARD_FIRST_LINE =
  /^[ \t?]*((?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.?)(?:[ \t]+(?:(?:van|von|de|der|den|da|di|del|du|la|le|ter|ten)[ \t]+){0,2}(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.?)){1,3})[ \t]*\n/u;
const CARD_FIRST_LINE_LOWER =
  /^[ \t?]*(\p{Ll}[\p{Ll}\p{M}'’-]+(?:[ \t]+(?:\p{Ll}\.?[ \t]+)?\p{Ll}[\p{Ll}\p{M}'’-]+){1,2})[ \t]*\n/u;

function contactCardSpans(text: string): PiiSpan[] {
  const m = (/\p{Lu}/u.test(text) ? CARD_FIRST_LINE : CARD_FIRST_LINE_LOWER).exec(text);
  if (!m) return [];
  const below = text.slice(m[0].length, m[0].length + 300);
  let digits = 0;
  for (let i = 0; i < below.length && digits < 5; i++)
    if (below.charCodeAt(i) >= 48 && below.charCodeAt(i) <= 57) digits++;
  if (digits < 5 && !below.includes('@')) return [];
  const start = m[0].indexOf(m[1]!);
  return [{ type: 'PERSON', start, end: start + m[1]!.length }];
}

export const personDetector: PiiDetector = {
  type: 'PERSON',
  mayMatch: () => true,
  detect: (text: string, context: PiiContext) => [
    ...cueSpans(text, context.language),
    ...lexiconSpans(text, context.language),
    ...lowerCaseSpans(text, context.language),
    ...(text.includes('\n') ? contactCardSpans(text) : []),
  ],
};
