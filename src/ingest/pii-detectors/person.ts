/**
 * Person names. Two signals, no NLP pass over every review (that would cost ~2 ms per review):
 *  1. a contact/name cue — "my name is", "ask for", "the seller", "Mr.", "Frau", "monsieur", "pan", … —
 *     followed by 1–4 name-shaped words;
 *  2. a run of 1–4 capitalised words (or initials) containing a known first or last name, from compromise's
 *     name lexicon (~4,000 names), when the run is more than a sentence-initial single word.
 * Brands, places and organisations are not PII here and are not in the name lexicon.
 */
import nlp from 'compromise';
import type { PiiDetector, PiiSpan } from '../pii.js';

let names: ReadonlySet<string> | undefined;
let lastNames: ReadonlySet<string> | undefined;

function loadNames(): void {
  const first = new Set<string>();
  const last = new Set<string>();
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) first.add(word);
    if (tags.includes('LastName')) last.add(word);
  }
  names = first;
  lastNames = last;
}

function isKnownName(word: string): 'first' | 'last' | null {
  if (!names) loadNames();
  const key = word.toLowerCase().replace(/['’]s$/, '');
  if (names!.has(key)) return 'first';
  if (lastNames!.has(key)) return 'last';
  return null;
}

/** Capitalised words that are never names even when the lexicon says so (sentence starters, product words). */
const NOT_NAMES = new Set(
  'i the a an my this that it he she we they you his her our your their hello hi dear thanks bot user mobile desk fax phone email e-mail website address name date personal info apple amazon google sony samsung philips bosch ikea'.split(
    ' ',
  ),
);

const NAME_WORD = "\\p{Lu}[\\p{Ll}\\p{M}'’-]+|\\p{Lu}\\.?";
const NAME_RUN = new RegExp(`(?:${NAME_WORD})(?:[ \\t]+(?:${NAME_WORD})){0,3}`, 'gu');

/** Words after which a name follows. Case-insensitive; names after them may even be lower-case. */
const STRONG_CUES =
  /(?:\bmy name is|\bname is|\bname:|\bnamed|\bcalls? me|\bich heiße|\bmein name ist|\bje m'appelle|\bmon nom est|\bme llamo|\bmi chiamo|\bmijn naam is|\bnazywam się|\bmam na imię)\s+/gi; // no `u`: with `iu`, \b and case folding are ~10× slower in V8
const CUES =
  /(?:\bmr\.?|\bmrs\.?|\bms\.?|\bmiss|\bdr\.?|\bprof\.?|\bsir|\bherr|\bfrau|\bmonsieur|\bmadame|\bmme\.?|\bm\.|\bseñor|\bseñora|\bsr\.?|\bsra\.?|\bsignor|\bsignora|\bsig\.?(?:ra)?|\bmeneer|\bmevrouw|\bdhr\.?|\bmevr\.?|\bpan|\bpani|\bthe seller|\bseller|\bverkäufer(?:in)?|\bvendeur|\bvendeuse|\bvendedor(?:a)?|\bvenditore|\bverkoper|\bsprzedawca|\bsprzedawczyni|\bcontact|\bkontakt|\bask for|\bfragen sie nach|\bdemandez|\bpregunta por|\bchiedete di|\bvraag naar|\bfollow up with|\bspeak to|\bi'm|\bi am|\bthis is|\bunder|\bchange it to|\bcorrect it to|\bwith|\bsaid|\bby|\bto|\badd|\bfounders:|\bheard|\bdirected by|\bstarring|\bcommenter|\bassistant to)\s+/gi;

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

function cueSpans(text: string): PiiSpan[] {
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
      /^(?:with|by|to|under|said|add|heard|i'm|i am|this is|founders:|speak to|commenter|directed by|starring|assistant to|contact|kontakt)$/.test(
        cue,
      );
    const run = text.slice(start, end);
    if (weak && !run.split(/[ \t]+/).some((word) => isKnownName(word))) continue;
    spans.push({ type: 'PERSON', start, end: end });
  }
  return spans;
}

/** Capitalised runs containing a known name. */
function lexiconSpans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(text); m !== null; m = NAME_RUN.exec(text)) {
    const words = m[0].split(/[ \t]+/);
    let first = -1;
    let last = -1;
    let known = false;
    let pos = m.index;
    for (const word of words) {
      const at = text.indexOf(word, pos);
      pos = at + word.length;
      const bare = word.replace(/['’]s$/, '');
      if (NOT_NAMES.has(bare.toLowerCase())) {
        if (first !== -1) break;
        continue;
      }
      if (isKnownName(bare)) known = true;
      if (first === -1) first = at;
      last = at + bare.length;
    }
    if (!known || first === -1) continue;
    spans.push({ type: 'PERSON', start: first, end: last });
  }
  return spans;
}

export const personDetector: PiiDetector = {
  type: 'PERSON',
  mayMatch: () => true,
  detect: (text) => [...cueSpans(text), ...lexiconSpans(text)],
};
