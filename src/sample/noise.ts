import type { Language } from '../domain/languages.js';
import { PACKS } from './lang/index.js';
import type { Rng } from './prng.js';
import type { TruthPii, TruthSentence } from './types.js';

/**
 * Planted noise: synthetic PII, profanity and light HTML. Everything planted here is recorded in the truth so the
 * ingest redactor, profanity filter and HTML cleaner can be measured. PII is fictional by construction: e-mail
 * addresses only use the reserved example.com/.org/.net domains, phone numbers are runs of consecutive digits
 * (or the UK drama range 07700 900xxx) in each country's usual national and international formats.
 */

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

/** n consecutive digits, ascending or descending, e.g. "1234567" or "8765432". */
function digitRun(rng: Rng, length: number): string {
  const ascending = rng.chance(0.75);
  let digit = ascending ? rng.int(1, 3) : rng.int(7, 9);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += String(digit);
    digit = ascending ? (digit + 1) % 10 : (digit + 9) % 10;
  }
  return out;
}

function groups(digits: string, sizes: readonly number[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** National form first, international second; both are what people actually type into reviews. */
const PHONE_FORMATS: Readonly<Record<Language, (rng: Rng, international: boolean) => string>> = {
  en: (rng, intl) => {
    const tail = String(rng.int(100, 999));
    return intl ? `+44 7700 900${tail}` : `07700 900${tail}`;
  },
  de: (rng, intl) => (intl ? `+49 30 ${digitRun(rng, 7)}` : `030 ${digitRun(rng, 7)}`),
  fr: (rng, intl) => {
    const rest = groups(digitRun(rng, 8), [2, 2, 2, 2]);
    return intl ? `+33 6 ${rest}` : `06 ${rest}`;
  },
  es: (rng, intl) => {
    const number = groups(`6${digitRun(rng, 8)}`, [3, 3, 3]);
    return intl ? `+34 ${number}` : number;
  },
  it: (rng, intl) => {
    const number = groups(`3${digitRun(rng, 9)}`, [3, 3, 4]);
    return intl ? `+39 ${number}` : number;
  },
  nl: (rng, intl) => {
    const rest = digitRun(rng, 8);
    return intl ? `+31 6 ${rest}` : `06 ${rest}`;
  },
  pl: (rng, intl) => {
    const number = groups(`5${digitRun(rng, 8)}`, [3, 3, 3]);
    return intl ? `+48 ${number}` : number;
  },
};

export function fakeEmail(rng: Rng, language: Language): string {
  const pack = PACKS[language];
  const suffix = rng.chance(0.5) ? String(rng.int(70, 99)) : '';
  const separator = rng.pick(['.', '_', '']);
  return `${rng.pick(pack.firstNames)}${separator}${rng.pick(pack.lastNames)}${suffix}@${rng.pick(EMAIL_DOMAINS)}`;
}

export function fakePhone(rng: Rng, language: Language): string {
  return PHONE_FORMATS[language](rng, rng.chance(0.5));
}

/** A neutral sentence carrying one e-mail address or phone number. */
export function piiSentence(rng: Rng, language: Language): { sentence: TruthSentence; pii: TruthPii } {
  const pack = PACKS[language];
  if (rng.chance(0.5)) {
    const value = fakeEmail(rng, language);
    const text = rng.pick(pack.emailTemplates).replace('{email}', value);
    return { sentence: { text, polarity: 'neutral', aspect: null }, pii: { type: 'EMAIL', value } };
  }
  const value = fakePhone(rng, language);
  const text = rng.pick(pack.phoneTemplates).replace('{phone}', value);
  return { sentence: { text, polarity: 'neutral', aspect: null }, pii: { type: 'PHONE', value } };
}

/** A short exclamation with a mild swear word, matching the review's tone. */
export function profanitySentence(
  rng: Rng,
  language: Language,
  positive: boolean,
): { sentence: TruthSentence; word: string } {
  const [word, text] = rng.pick(PACKS[language].profanity[positive ? 'pos' : 'neg']);
  return { sentence: { text, polarity: positive ? 'positive' : 'negative', aspect: null }, word };
}

/** Joins sentences the way people type: spaces, and now and then a line break. */
export function joinPlain(rng: Rng, texts: readonly string[]): string {
  let out = texts[0] ?? '';
  for (let i = 1; i < texts.length; i++) out += (rng.chance(0.08) ? '\n' : ' ') + texts[i];
  return out;
}

/**
 * Light HTML as it arrives from shop front-ends: <br> line breaks, <p> paragraphs, <b> emphasis and an escaped
 * ampersand. Sentences are rewritten in place when "and" becomes "&" so truth text equals the decoded review text.
 */
export function joinHtml(rng: Rng, language: Language, sentences: TruthSentence[]): string {
  const and = PACKS[language].and;
  const withAnd = sentences.findIndex((sentence) => sentence.text.includes(and));
  const escapeAnd = withAnd >= 0 && rng.chance(0.5);
  const parts = sentences.map((sentence, i) => {
    if (escapeAnd && i === withAnd) {
      sentence.text = sentence.text.replace(and, ' & ');
      return sentence.text.replace(' & ', ' &amp; ');
    }
    return sentence.text;
  });
  // Always at least one tag, so every review flagged has_html really contains markup.
  if (parts.length < 2) return `<p>${parts[0] ?? ''}</p>`;
  if (rng.chance(0.3)) parts[0] = `<b>${parts[0]}</b>`;
  const style = rng.int(0, 2);
  if (style === 0) return parts.join(rng.pick(['<br>', '<br/>', '<br />', ' <br> ']));
  if (style === 1) {
    const split = Math.max(1, Math.floor(parts.length / 2));
    return `<p>${parts.slice(0, split).join(' ')}</p><p>${parts.slice(split).join(' ')}</p>`;
  }
  return `<p>${parts.join(' ')}</p>`;
}
