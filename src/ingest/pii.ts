/**
 * PII redaction for review text: e-mails, phones, IBANs, payment cards, IPs, personal URLs, street addresses
 * and person names (detectors in ./pii-detectors/).
 *
 * Design: a list of {@link PiiDetector}s, each with a cheap `mayMatch` pre-check and a `detect` that returns
 * spans. Spans from all detectors are merged (overlaps → one span) and replaced right-to-left with
 * `[TYPE]` placeholders. New detectors (IBAN, cards, addresses, names) plug in by extending {@link PiiType}
 * and the detector list. Redaction is applied to a fixpoint (bounded), so `redactPii` is idempotent even when
 * replacing one span changes the context another detector sees.
 *
 * Product facts (model numbers, EANs, sizes, capacities, prices, dates, years) must survive; see the tests.
 */
import { type CountryCode, findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Language } from '../domain/languages.js';
import { addressDetector } from './pii-detectors/address.js';
import { cardDetector, ibanDetector } from './pii-detectors/financial.js';
import { ipDetector, personalUrlDetector } from './pii-detectors/network.js';
import { personDetector } from './pii-detectors/person.js';

/** Kinds of PII we redact. Extend this union (and add a detector) for new kinds. */
export type PiiType = 'EMAIL' | 'PHONE' | 'IBAN' | 'CARD' | 'IP' | 'URL' | 'ADDRESS' | 'PERSON';

/** Half-open UTF-16 span `[start, end)` in the text given to the detector / to `redactPii`. */
export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
}

export interface PiiContext {
  /** Review language, used to choose the default country for national phone formats. */
  language?: Language;
}

export interface PiiDetector {
  readonly type: PiiType;
  /** Cheap test; `detect` is only called when this returns true. */
  mayMatch(text: string): boolean;
  detect(text: string, context: PiiContext): PiiSpan[];
}

export interface RedactOptions {
  language?: Language;
  /** Override the detector list (defaults to {@link DEFAULT_PII_DETECTORS}). */
  detectors?: readonly PiiDetector[];
}

export interface RedactResult {
  text: string;
  /** Redacted spans in the coordinates of the INPUT text, sorted, non-overlapping. */
  found: PiiSpan[];
}

export function placeholderFor(type: PiiType): string {
  return `[${type}]`;
}

// ---------------------------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------------------------

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
/** ASCII characters allowed in an (unquoted) local part besides letters/digits. */
const LOCAL_ASCII_SPECIALS = new Set("!#$%&'*+/=?^_`{|}~.-");
const NON_ASCII_WORD = /^[\p{L}\p{N}\p{M}]$/u;
const DOMAIN_LABEL = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]{0,61}[\p{L}\p{N}\p{M}])?)$/u;
const TLD = /^(?:\p{L}[\p{L}\p{M}]{1,62}|xn--[a-z0-9-]{1,59})$/iu;

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Code point ending at index `i` (exclusive), scanning backwards; returns [codePoint, length]. */
function codePointBefore(text: string, i: number): [number, number] {
  const lo = text.charCodeAt(i - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && i >= 2) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return [((hi - 0xd800) << 10) + (lo - 0xdc00) + 0x10000, 2];
  }
  return [lo, 1];
}

function isLocalChar(cp: number): boolean {
  if (cp < 128) return isAsciiAlnum(cp) || LOCAL_ASCII_SPECIALS.has(String.fromCharCode(cp));
  return NON_ASCII_WORD.test(String.fromCodePoint(cp));
}

function isDomainChar(cp: number): boolean {
  if (cp < 128) return isAsciiAlnum(cp) || cp === 45 /* - */ || cp === 46 /* . */;
  return NON_ASCII_WORD.test(String.fromCodePoint(cp));
}

/** Linear-time e-mail finder: expand around each '@' with bounded scans, then validate the pieces. */
function findEmails(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let at = text.indexOf('@');
  while (at !== -1) {
    // Local part: scan left.
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL) {
      const [cp, len] = codePointBefore(text, start);
      if (!isLocalChar(cp)) break;
      start -= len;
    }
    while (start < at && text.charCodeAt(start) === 46) start++; // no leading dots
    // Domain: scan right.
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN) {
      const cp = text.codePointAt(end)!;
      if (!isDomainChar(cp)) break;
      end += cp > 0xffff ? 2 : 1;
    }
    // Trailing sentence punctuation ("write to a@b.de.") is not part of the address.
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    if (local.length > 0 && !local.endsWith('.') && !local.includes('..') && isValidDomain(domain)) {
      spans.push({ type: 'EMAIL', start, end });
    }
    at = text.indexOf('@', at + 1);
  }
  return spans;
}

function isValidDomain(domain: string): boolean {
  if (domain.length < 4) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) if (!DOMAIN_LABEL.test(label)) return false;
  return TLD.test(labels[labels.length - 1]!);
}

export const emailDetector: PiiDetector = {
  type: 'EMAIL',
  mayMatch: (text) => text.includes('@'),
  detect: (text) => findEmails(text),
};

// ---------------------------------------------------------------------------------------------------------------
// Phone
// ---------------------------------------------------------------------------------------------------------------

/** Default country for national number formats, by review language. */
export const PHONE_COUNTRY_FOR_LANGUAGE: Readonly<Record<Language, CountryCode>> = {
  en: 'GB',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
  it: 'IT',
  nl: 'NL',
  pl: 'PL',
};
/** English reviews also come from North America: their 10-digit national format is tried after GB. */
const ALL_COUNTRIES: readonly CountryCode[] = [...Object.values(PHONE_COUNTRY_FOR_LANGUAGE), 'US'];
const EXTRA_COUNTRIES: Partial<Record<Language, readonly CountryCode[]>> = { en: ['GB', 'US'] };

const MIN_PHONE_DIGITS = 7;
/**
 * Phone-shaped runs: optional '+' / '(', then ≥ 7 digits separated by at most 3 of [space - . / ( )].
 * Separators and digits are disjoint, so matching is linear per start position. Not started inside a word,
 * number or right after a placeholder (`]`), and not glued to a following letter/digit.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}\]_+@])(?:\+|\(\+?)?\d(?:[ \u00A0\u202F\t\-./()]{1,3}\d|\d){6,24}(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\p{L}\p{N}_@])/giu;
/** Extension suffix ("x4587", " ext. 12"): not part of what libphonenumber sees, but redacted with the number. */
const EXTENSION = /[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6}$/i;
/** "+41 (0)96 …": the optional trunk '0' in brackets after a country code is blanked (same length) for parsing. */
const BRACKETED_TRUNK = /(?<=^(?:\+|00)\d{1,3}[ \u00A0]?)\(0\)/;
/**
 * North American 3-3-4 shape with one repeated separator ("345-899-3560", "259.735.7502", "(898) 666-3621"):
 * unmistakably a phone number even in unassigned ranges; tried only when US numbers are (en or no language).
 */
const NANP_SHAPE = /^(?:\+?1[ .-]?)?(?:\(\d{3}\)[ ]?|\d{3}([-.]))\d{3}(?:\1|-)\d{4}$/;
/**
 * Words after which a bare digit run is a phone number even in a short national format that no default country
 * explains ("Phone: 467 3395", "Fax: 78 651 450", "mobile: 99 577450"). Must end right before the number (only
 * ':', spaces or one line break between).
 */
const PHONE_CUE =
  /(?:\b(?:phone|tel|telephone|mobile|mob|cell|cellphone|fax|desk|whatsapp|sms|hotline|call(?: me)?(?: at| on)?|reach (?:me|us) (?:at|on)|answering at|ring (?:me )?on|telefon|handy|mobil|rufnummer|téléphone|portable|numéro|teléfono|móvil|número|telefono|cellulare|numero|telefoon|mobiel|nummer|telefonu|komórka|komórki|numer)\.?|\bt[ée]l\.)[ \t]*:?[ \t]*(?:\n[ \t]*)?$/i;
/** Phone-shaped run for the cue path: 2–6-digit groups with one kind of separator, or 7–12 bare digits. */
const CUED_PHONE_SHAPE = /^(?:\+|00)?\d{2,5}(?:([ \-./])\d{2,6})(?:\1\d{2,4}){0,4}$|^\d{7,12}$/;
const DATE_LIKE = /(?<!\d[./-]?)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})(?![./-]?\d)/;
/** A candidate that is just a date ("12.03.2025", "2025-03-12") is skipped before calling libphonenumber. */
const WHOLE_DATE = /^(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
/** Separators allowed in the "possible but not valid" fallback (fictional/reserved numbers). */
const FALLBACK_SHAPE = /^(?:\+|00|\(\+?|0)[\d \u00A0\u202F\-()]+$/;

function countDigitsAtLeast(text: string, min: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 && ++n >= min) return true;
  }
  return false;
}

/** Countries whose national format starts with the trunk prefix '0'. */
const TRUNK_ZERO_COUNTRIES: ReadonlySet<CountryCode> = new Set<CountryCode>(['DE', 'FR', 'NL', 'GB']);
const INTERNATIONAL_PREFIX = /^(?:\+|00|\(\+|\(00)/;
/** 1–2 digit lead + 3-digit groups with one repeated separator: "3 000 000", "10.000.000" — quantities. */
const THOUSANDS = /^\d{1,2}([ .,\u00A0\u202F])\d{3}(?:\1\d{3})*$/;
/** Starts with a year followed by a separator: "2019 20 000", "2025 1234567". */
const YEAR_LEAD = /^(?:19|20)\d\d[^\d]/;
const BARE_LONG_DIGITS = /^\d{12,}$/;
const MIN_NATIONAL_DIGITS = 8;

/**
 * Product-fact guard applied to every number libphonenumber accepts: dates, EAN/GTIN-like bare digit runs,
 * thousands-grouped quantities, year-led runs, too-short nationals and (for trunk-'0' countries) national
 * numbers without the leading '0' are not phone numbers in review text.
 */
function looksLikePhone(match: string, country: CountryCode): boolean {
  if (INTERNATIONAL_PREFIX.test(match)) return !DATE_LIKE.test(match);
  if (DATE_LIKE.test(match) || BARE_LONG_DIGITS.test(match) || THOUSANDS.test(match) || YEAR_LEAD.test(match)) {
    return false;
  }
  const firstDigit = match.charCodeAt(match.search(/\d/));
  if (TRUNK_ZERO_COUNTRIES.has(country) && firstDigit !== 48) return false;
  return countDigitsAtLeast(match, MIN_NATIONAL_DIGITS);
}

function phonesInCandidate(candidate: string, countries: readonly CountryCode[]): [number, number][] {
  for (const country of countries) {
    const spans: [number, number][] = [];
    for (const f of findPhoneNumbersInText(candidate, { defaultCountry: country })) {
      if (looksLikePhone(candidate.slice(f.startsAt, f.endsAt), country)) spans.push([f.startsAt, f.endsAt]);
    }
    if (spans.length > 0) return spans;
  }
  // Fallback for numbers that have a valid length/prefix but are not in an assigned range (e.g. Ofcom's
  // drama numbers 07700 900xxx): accept only unmistakably phone-shaped runs — international prefix or national
  // trunk '0', only phone separators, not date-like — that libphonenumber considers *possible*.
  if (FALLBACK_SHAPE.test(candidate) && !DATE_LIKE.test(candidate)) {
    for (const country of countries) {
      const parsed = parsePhoneNumberFromString(candidate, country);
      if (parsed?.isPossible() && looksLikePhone(candidate, country)) return [[0, candidate.length]];
    }
  }
  return [];
}

/**
 * Numbers libphonenumber does not place (no country code, foreign national format, unassigned range): accepted
 * only by shape — NANP 3-3-4 where US numbers are expected, or any phone-shaped run right after a phone cue.
 */
function shapedPhone(
  text: string,
  at: number,
  candidate: string,
  countries: readonly CountryCode[],
): [number, number][] {
  if (countries.includes('US') && NANP_SHAPE.test(candidate)) return [[0, candidate.length]];
  // After a cue, "72 128 827" is a number to call, not a quantity: thousands-like grouping is allowed here.
  if (DATE_LIKE.test(candidate) || YEAR_LEAD.test(candidate)) return [];
  const shape = candidate.replace(/^\(?\+?(\d+)\)\s?/, '$1 ');
  if (!CUED_PHONE_SHAPE.test(shape) && !FALLBACK_SHAPE.test(candidate)) return [];
  return PHONE_CUE.test(text.slice(Math.max(0, at - 32), at)) ? [[0, candidate.length]] : [];
}

function findPhones(text: string, context: PiiContext): PiiSpan[] {
  const countries = context.language
    ? (EXTRA_COUNTRIES[context.language] ?? [PHONE_COUNTRY_FOR_LANGUAGE[context.language]])
    : ALL_COUNTRIES;
  const spans: PiiSpan[] = [];
  PHONE_CANDIDATE.lastIndex = 0;
  for (let m = PHONE_CANDIDATE.exec(text); m !== null; m = PHONE_CANDIDATE.exec(text)) {
    const full = m[0];
    const extension = EXTENSION.exec(full);
    // Keep offsets: blank "(0)" instead of removing it.
    const candidate = (extension ? full.slice(0, extension.index) : full).replace(BRACKETED_TRUNK, '   ');
    if (!countDigitsAtLeast(candidate, MIN_PHONE_DIGITS) || WHOLE_DATE.test(candidate)) continue;
    let found = phonesInCandidate(candidate, countries);
    if (found.length === 0) found = shapedPhone(text, m.index, candidate, countries);
    for (const [s, e] of found) {
      // A number that runs up to the extension takes the extension with it.
      const end = extension && e === candidate.length ? full.length : e;
      spans.push({ type: 'PHONE', start: m.index + s, end: m.index + end });
    }
  }
  return spans;
}

export const phoneDetector: PiiDetector = {
  type: 'PHONE',
  mayMatch: (text) => countDigitsAtLeast(text, MIN_PHONE_DIGITS),
  detect: findPhones,
};

/** Order matters only for ties: overlapping spans merge and keep the type of the longest. */
export const DEFAULT_PII_DETECTORS: readonly PiiDetector[] = [
  emailDetector,
  ibanDetector,
  cardDetector,
  ipDetector,
  personalUrlDetector,
  phoneDetector,
  addressDetector,
  personDetector,
];

// ---------------------------------------------------------------------------------------------------------------
// Merge + replace
// ---------------------------------------------------------------------------------------------------------------

/** Sort and merge overlapping spans; the merged span keeps the type of its longest member. */
export function mergeSpans(spans: readonly PiiSpan[]): PiiSpan[] {
  if (spans.length <= 1) return spans.map((s) => ({ ...s }));
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiSpan[] = [];
  let longest = 0;
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      if (span.end - span.start > longest) {
        longest = span.end - span.start;
        last.type = span.type;
      }
      if (span.end > last.end) last.end = span.end;
    } else {
      merged.push({ ...span });
      longest = span.end - span.start;
    }
  }
  return merged;
}

function detectAll(text: string, detectors: readonly PiiDetector[], context: PiiContext): PiiSpan[] {
  let spans: PiiSpan[] = [];
  for (const detector of detectors) {
    if (detector.mayMatch(text)) {
      const found = detector.detect(text, context);
      if (found.length > 0) spans = spans.length === 0 ? found : spans.concat(found);
    }
  }
  return mergeSpans(spans);
}

/** Replace sorted, non-overlapping spans (right-to-left, so earlier offsets stay valid). */
function replaceSpans(text: string, spans: readonly PiiSpan[]): string {
  let result = text;
  for (let i = spans.length - 1; i >= 0; i--) {
    const span = spans[i]!;
    result = result.slice(0, span.start) + placeholderFor(span.type) + result.slice(span.end);
  }
  return result;
}

/** Map an offset in the redacted text back to the text before redaction. */
function mapBack(pos: number, spans: readonly PiiSpan[], isEnd: boolean): number {
  let shift = 0;
  for (const span of spans) {
    const newStart = span.start + shift;
    const newEnd = newStart + placeholderFor(span.type).length;
    if (pos < newEnd && (isEnd ? pos > newStart : pos >= newStart)) return isEnd ? span.end : span.start;
    if (pos < newStart || (isEnd && pos === newStart)) break;
    shift += newEnd - newStart - (span.end - span.start);
  }
  return pos - shift;
}

const MAX_ROUNDS = 3;

/**
 * Redact e-mail addresses and phone numbers. `options.language` selects the default country for national
 * phone formats (en→GB, de→DE, fr→FR, es→ES, it→IT, nl→NL, pl→PL); without it every supported country is
 * tried. Returns the redacted text and the redacted spans in input coordinates.
 */
export function redactPii(text: string, options: RedactOptions = {}): RedactResult {
  const detectors = options.detectors ?? DEFAULT_PII_DETECTORS;
  const context: PiiContext = options.language ? { language: options.language } : {};
  let spans = detectAll(text, detectors, context);
  if (spans.length === 0) return { text, found: [] };

  let current = replaceSpans(text, spans);
  // Rare: a replacement changed what a detector sees. Re-run until stable; keep spans in input coordinates.
  const history: PiiSpan[][] = [spans];
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const more = detectAll(current, detectors, context);
    if (more.length === 0) break;
    current = replaceSpans(current, more);
    let mapped = more;
    for (let h = history.length - 1; h >= 0; h--) {
      const earlier = history[h]!;
      mapped = mapped.map((s) => ({
        type: s.type,
        start: mapBack(s.start, earlier, false),
        end: mapBack(s.end, earlier, true),
      }));
    }
    history.push(more);
    spans = mergeSpans([...spans, ...mapped]);
  }
  return { text: current, found: spans };
}
