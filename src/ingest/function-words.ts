import type { Language } from '../domain/languages.js';

/**
 * A cheap first opinion on language: frequent function words that belong to ONE of the shop's languages only
 * (words shared by two of them — "la", "de", "en", "is", "il", "no", "que", "con", "una", "to" — are left out).
 * A sentence-length review usually holds several; when one language clearly wins, the n-gram detector (eld,
 * ~60 µs per review) is not needed. Word pairs and single words never reach the threshold and go to eld.
 */
const WORDS: Record<Language, readonly string[]> = {
  en: [
    'the',
    'and',
    'this',
    'that',
    'with',
    'very',
    'have',
    'you',
    'they',
    'are',
    'but',
    'of',
    'for',
    'not',
    'would',
    'after',
    'it',
    'just',
    'really',
  ],
  de: [
    'und',
    'der',
    'das',
    'ist',
    'nicht',
    'sehr',
    'ein',
    'eine',
    'mit',
    'ich',
    'auch',
    'für',
    'auf',
    'sich',
    'noch',
    'aber',
    'dem',
    'den',
    'nach',
  ],
  fr: [
    'les',
    'et',
    'est',
    'une',
    'pas',
    'très',
    'pour',
    'avec',
    'qui',
    'sur',
    'mais',
    'des',
    'ce',
    'ne',
    'au',
    'cette',
    'elle',
    'sont',
  ],
  es: [
    'el',
    'los',
    'las',
    'y',
    'muy',
    'pero',
    'por',
    'para',
    'está',
    'producto',
    'también',
    'como',
    'fue',
    'tiene',
    'más',
    'hay',
    'sin',
    'yo',
    'esta',
  ],
  it: [
    'di',
    'che',
    'è',
    'non',
    'molto',
    'sono',
    'della',
    'ho',
    'gli',
    'questo',
    'anche',
    'alla',
    'nel',
    'dei',
    'delle',
    'più',
    'prodotto',
    'ottimo',
  ],
  nl: [
    'het',
    'een',
    'niet',
    'zeer',
    'van',
    'dat',
    'ik',
    'met',
    'voor',
    'maar',
    'ook',
    'zijn',
    'wel',
    'erg',
    'op',
    'heb',
    'naar',
    'bij',
    'dit',
    'goed',
  ],
  pl: [
    'nie',
    'się',
    'jest',
    'na',
    'bardzo',
    'że',
    'jak',
    'ale',
    'tak',
    'w',
    'z',
    'po',
    'już',
    'jestem',
    'tylko',
    'czy',
    'dla',
    'został',
    'który',
    'mnie',
  ],
};

const LANGUAGE_OF = new Map<string, number>();
const LANGUAGES = Object.keys(WORDS) as Language[];
LANGUAGES.forEach((language, index) => {
  for (const word of WORDS[language]) {
    if (LANGUAGE_OF.has(word)) throw new Error(`function word "${word}" listed for two languages`);
    LANGUAGE_OF.set(word, index);
  }
});

/** Minimum hits of the winner, and how many times the runner-up's hits it must have. */
const MIN_HITS = 3;
const MIN_RATIO = 3;
const WORD = /[\p{L}]+/gu;

/** The language whose function words clearly dominate `text`, or undefined (then ask the n-gram detector). */
export function functionWordLanguage(text: string): Language | undefined {
  const hits = [0, 0, 0, 0, 0, 0, 0];
  const lower = text.toLowerCase();
  for (const match of lower.matchAll(WORD)) {
    const index = LANGUAGE_OF.get(match[0]);
    if (index !== undefined) hits[index]! += 1;
  }
  let best = -1;
  let bestHits = 0;
  let second = 0;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    if (h > bestHits) {
      second = bestHits;
      bestHits = h;
      best = i;
    } else if (h > second) {
      second = h;
    }
  }
  if (best < 0 || bestHits < MIN_HITS || bestHits < MIN_RATIO * second) return undefined;
  return LANGUAGES[best];
}
