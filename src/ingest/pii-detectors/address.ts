/**
 * Street addresses: street + house number in the forms used in de/at/ch, fr, es, it, nl, pl, uk (and the
 * Nordic/US forms that appear in synthetic test data), unit lines ("Apt. 4", "Suite 501", "P.O. Box 12"),
 * postcodes with a place name (next to a street), and addresses introduced by an address cue
 * ("address:", "Adresse:", "lives on …").
 *
 * Anchored on street words, so product facts ("120 x 45 x 30 mm", "iPhone 15", "5000 mAh") never match.
 * A match is extended over the following address lines (unit, postcode + place, country) when they are short.
 */
import type { PiiDetector, PiiSpan } from '../pii.js';

// A redaction placeholder counts as a word glued to a number ("4[ADDRESS]"): it stands for the text that was
// there, which kept the number from matching before, so a second pass must not match it either (idempotence).
const W = "\\p{Lu}[\\p{L}'’.-]*"; // a capitalised word
const w = "[\\p{L}][\\p{L}'’.-]*"; // any word
// A name word that does not end a sentence: "5 weeks. Way too noisy" is not "5 Weeks Way".
const wInside = "[\\p{L}](?:[\\p{L}'’.-]*[\\p{L}'’-])?";
const NUM = '\\d{1,5}(?:\\s?[a-zA-Z](?![\\p{L}]))?(?:[-/]\\d{1,4})?';

/** Street-type words that FOLLOW the name (en/fr-style "14 Crown Street", "Crown St"). */
const SUFFIX_WORDS =
  'street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|ln\\.?|drive|dr\\.?|boulevard|blvd\\.?|court|ct\\.?|way|close|crescent|terrace|place|square|squares|gardens|grove|parks?|hill|row|mews|walk|parade|highway|hwy|union|fort|plaza|straße|strasse|str\\.|u\\.|utca|út|terrasse|' +
  // US/UK street types that are not everyday words in product reviews ("Green", "View", "Port", "Light" are left
  // out: "3 Pack Green", "4 Port Hub").
  'creek|isle|islands?|cliffs?|dale|forges?|turnpike|hills|heights|ridge|trail|loop|circle|bypass|canyon|causeway|' +
  'cove|crossing|estates|expressway|ferry|freeway|glen|harbou?r|haven|hollow|junction|knolls?|landing|manor|' +
  'meadows?|mills|orchard|parkway|pike|plains|prairie|ranch|rapids|shoals?|shores?|skyway|stravenue|summit|' +
  'throughway|trafficway|valley|viaduct|village|vista';
/** Street-type words that PRECEDE the name ("rue de la Paix 5", "Via Roma 12", "ul. Miła 53"). */
const PREFIX_WORDS =
  'rue|rua|rúa|travessa|avinguda|avenue|av\\.|boulevard|bd\\.?|place|chemin|allée|impasse|quai|cours|route|via|viale|piazza|piazzale|corso|largo|vicolo|strada|calle|c/|avenida|avda\\.?|plaza|paseo|camino|carrer|ronda|travesía|ul\\.|ulica|al\\.|aleja|os\\.|osiedle|pl\\.|plac|straat|laan';
/** Street words glued to the name ("Hauptstraße 5", "Kerkstraat 12", "Søndergade 52", "Kiannonkatu 98"). */
const GLUED =
  '(?:straße|strasse|str\\.|gasse|weg|allee|platz|ring|damm|ufer|chaussee|straat|laan|gracht|kade|plein|singel|dijk|gade|gata|gatan|vej|veien|vegen|katu|tie|stræti|gata|steig|pfad|markt|stieg)';

/** "street|road" → "Street|Road" (alternation of lower-case words to title case). */
function titleCase(alternation: string): string {
  return alternation
    .split('|')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('|');
}

const PATTERNS: RegExp[] = [
  // 14 Crown Street / 1668 Glyn St / 2202 Rissik St / 3911 fourth avenue. At least one name word, and a
  // capitalised street word unless it is unambiguous ("2 way speaker", "3 place settings" stay).
  new RegExp(
    `(?<![\\p{L}\\p{N}\\]])${NUM},?\\s+(?:${wInside}\\s+){1,3}(?:${titleCase(SUFFIX_WORDS)}|street|road|avenue|lane|boulevard|straße|strasse)(?![\\p{L}])`,
    'gu',
  ),
  // 12 rue de la Paix / 5 bis, avenue Foch / 10 Via Roma
  new RegExp(`(?<![\\p{L}\\p{N}\\]])\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:${PREFIX_WORDS})\\s+(?:${w}\\s?){1,5}`, 'giu'),
  // Via Roma 12 / Calle Mayor, 5 / ul. Miła 53 / Avenue Teboulbi 137
  new RegExp(
    `(?<![\\p{L}])(?:${PREFIX_WORDS}|${titleCase(PREFIX_WORDS)})\\s+(?:(?:de|del|de la|des|du|della|delle|dello|degli|di|dei|do|dos|da|das|van|der|la|le|los|las|y)\\s+)?(?:${W}\\s+){0,3}${W},?\\s+(?:n[º°o.]\\s*)?${NUM}(?![\\p{L}\\p{N}\\[])`,
    'gu',
  ),
  // Hauptstraße 5 / Kerkstraat 12a / Søndergade 52 / Brucker Bundesstrasse 31
  // (case-sensitive: the optional word before must really be capitalised, "an Hauptstraße 5" keeps "an")
  new RegExp(`(?<![\\p{L}])(?:${W}[ \\t]+)?\\p{L}+${GLUED}\\s+${NUM}(?![\\p{L}\\p{N}\\[])`, 'gu'),
  // Crown St (no number) after a number is covered above; "Glyn St." without a number is too vague.
  // Unit and box lines
  /(?<![\p{L}])(?:suite|apt\.?|apartment|unit|flat|p\.?\s?o\.?\s?box|postbox|postfach|boîte postale|bp|psc)\s+\d{1,6}(?:,?\s+box\s+\d{1,6})?(?![\p{N}])/giu,
  // UK postcode: "SW1A 1AA", "M1 1AE"
  /(?<![\p{L}\p{N}\]])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![\p{L}\p{N}[])/gu,
  // PL postcode + place: "00-950 Warszawa"
  /(?<![\p{L}\p{N}-])\d{2}-\d{3}\s+\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)?/gu,
  // US military addresses: "APO AA 42323", optionally after a ship/unit line ("USNS Bergman\nFPO AE 12382").
  /(?<![\p{L}])(?:(?:USNS|USNV|USS|USCGC)\s+\p{Lu}[\p{L}\p{M}'’-]*\s*\n\s*)?(?:APO|FPO|DPO)\s+[A-Z]{2}\s+\d{5}(?![\p{N}])/giu,
];

/** Cues that introduce an address; the rest of the clause (≤ 8 words, must hold a digit or capital) is taken. */
/** Cues that are unambiguous about an address follow: a capitalised clause is enough. */
const STRONG_CUE = /address|adres|anschrift|dirección|indirizzo|lives|wohnt|habite|vive|abita|woont|mieszka/i;
const CUES =
  /(?:\baddress(?:es)?\b|\bAdresse\b|\bAnschrift\b|\bdirección\b|\bindirizzo\b|\badres\b|\badresem?\b|\blives (?:on|at)\b|\bwohnt (?:in der|in|an der|am)\b|\bhabite (?:au|à|rue)\b|\bvive en\b|\babita in\b|\bwoont (?:aan|op)\b|\bmieszka (?:na|przy)\b|\bmeet (?:me|you) at\b|\bdrops you off at\b|\bsend (?:it|a new one|them)? ?to\b|\breturn to\b|\btaxi to\b|\bit'?s in\b|\boffice is at\b|\bit is\b(?= \d)|\bit is\b(?= the corner of)|(?:^|(?<=\n)|\band\b)(?=\s*the corner of )|\brestaurant is at\b|\bUser:)(?:[:\s]+|(?=the corner of))/gi;
const CROSSING = /^[Tt]he corner of (?:(?:ul|rue|via)\.?\s)?[\p{Lu}\d][^\n,;]* and [\p{Lu}\d]/u;
const CLAUSE_END = /[\n;!?]|\.(?:\s|$)(?!\d)|,\s(?=\p{Ll})/u;

function cueSpans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CUES.lastIndex = 0;
  for (let m = CUES.exec(text); m !== null; m = CUES.exec(text)) {
    // A cue at a line start is zero-width ("\nthe corner of …"): step past it or exec() finds it forever.
    if (m[0].length === 0) CUES.lastIndex++;
    const start = m.index + m[0].length;
    const rest = text.slice(start, start + 120);
    const endMatch = CLAUSE_END.exec(rest);
    let clause = endMatch ? rest.slice(0, endMatch.index) : rest;
    const words = clause.split(/\s+/);
    // "the corner of 25 Dili Gianni Street and King Forges" names two streets.
    const maxWords = /\bthe corner of\b/i.test(clause) ? 12 : 8;
    if (words.length > maxWords) clause = words.slice(0, maxWords).join(' ');
    clause = clause.replace(/[\s,:]+$/, '');
    // "the north side of X": drop the leading lower-case filler words; "the corner of X and Y" names a place
    // and stays whole.
    const lead =
      /^(?:(?!the corner of)(?:is|the|a|an|north|south|east|west|side|of|der|die|das|la|le|el|il|de)\s+)+/i.exec(
        clause,
      );
    const offset = lead ? lead[0].length : 0;
    const core = clause.slice(offset);
    // Placeholders of an earlier pass ("address: [ADDRESS]") are not an address: redaction is idempotent.
    const content = core.replace(/\[[A-Z_]{2,20}\]/g, '');
    if (content.trim().length < 3 || !/[\p{Lu}\d]/u.test(content)) continue;
    // A crossing names two places that start with a capital or digit. Case matters, and CUES is case-insensitive:
    // "the corner of the 2 boxes … and Amazon" is no crossing.
    if (/^the corner of/i.test(core) && !CROSSING.test(core)) continue;
    if (!/\d/.test(content) && !STRONG_CUE.test(m[0])) continue;
    spans.push({ type: 'ADDRESS', start: start + offset, end: start + offset + core.length });
  }
  return spans;
}

/** A following address line: postcode/place/country/unit, short, starts with a capital or digit. */
const NEXT_LINE =
  /^[\s,]*(?:\n[\s?•·*]*)?(?:(?:suite|apt\.?|unit|flat)\s+\d+|(?:\p{L}{2,3}|\d{2})\s+\d{4,5}(?![\p{L}\p{N}[])|(?:\d{4,5}|\d{2}-\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})?\s*(?:\p{Lu}[\p{L}'’.-]*|\d{4,5})(?:[ -](?:(?:de|del|do|da|di|nad|pod|an|am|la|le|sur|sul|upon|on)[ ](?=\p{Lu}))?(?:\p{Lu}[\p{L}'’.-]*|\(\p{Lu}[\p{L}'’.-]*\)|\d{4,5}|[A-Z]{2})){0,3})/u;

/** A unit line ends the span: what follows on the same line is the place ("Apt. 892 GUÉRET LI"). */
const ENDS_WITH_UNIT = /(?:suite|apt\.?|apartment|unit|flat)\s+\d{1,6}$/i;

function extend(text: string, span: PiiSpan): PiiSpan {
  let end = span.end;
  for (let lines = 0; lines < 4; lines++) {
    const rest = text.slice(end, end + 80);
    // Only across a comma or line break ("Hauptstraße 5, 10115 Berlin" / "…\nSuite 3\nLONDON"), or a space
    // after a unit line.
    if (!/^\s*(?:,|\n)/.test(rest) && !(/^ \p{Lu}/u.test(rest) && ENDS_WITH_UNIT.test(text.slice(span.start, end))))
      break;
    const m = NEXT_LINE.exec(rest);
    if (!m || m[0].trim().replace(/^,/, '').trim() === '') break;
    end += m[0].length;
  }
  // A postcode written before the street ("20789 Allika 46", "10115 Berlin, …").
  let start = span.start;
  const before = /(?<![\p{L}\p{N}.,])(?:\d{3,5}|\d{2}-\d{3})\s+$/u.exec(text.slice(Math.max(0, start - 12), start));
  if (before) start -= before[0].length;
  return { type: 'ADDRESS', start, end };
}

/**
 * Address blocks (signatures, shipping labels): a line "[postcode] Street name 12" directly followed by another
 * address line (unit, postcode + place, place, country). The following line is what makes it an address, so
 * street names without a street word ("Allika 46", "Nybyvägen 65") are found without matching "iPhone 15".
 */
const STREET_LINE =
  /(?<=^|\n)[ \t?•·*]*((?:\d{3,5}[ \t]+)?\p{L}[\p{L}\p{M}'’.-]*(?:[ \t]+[\p{L}\p{M}'’.-]+){0,3}[ \t]+\d{1,5}[a-zA-Z]?\.?)[ \t]*(?=\n)/gu;

const BLOCK_EVIDENCE = /\n[ \t?•·*]*(?:(?:suite|apt\.?|apartment|unit|flat)\s+\d|\d{4,5}[ \t]+\p{Lu})/iu;

function blockSpans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  STREET_LINE.lastIndex = 0;
  for (let m = STREET_LINE.exec(text); m !== null; m = STREET_LINE.exec(text)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const line: PiiSpan = { type: 'ADDRESS', start, end: start + m[1]!.length };
    const extended = extend(text, line);
    // "Size 10\nColor Blue" is a list, not an address: the block needs a postcode before the street, or a unit
    // line / a "postcode Place" line below it.
    const below = text.slice(line.end, extended.end);
    if (extended.end > line.end && (/^\d{3,5}\s/.test(m[1]!) || BLOCK_EVIDENCE.test(below))) spans.push(extended);
  }
  return spans;
}

/**
 * Hungarian order, name first: "Rákóczi út 13." / "Victor Hugo u. 49.". Anchored on the street word and read
 * backwards over ≤ 3 words: a pattern that starts at any word would cost every review a scan.
 */
const HU_STREET = /(?<![\p{L}])(?:út|útja|utca|u\.|tér)\s+\d{1,4}\.?(?![\p{N}])/gu;
const WORDS_BEFORE = /(?:\p{L}[\p{L}'’.-]*\s+){1,3}$/u;

function nameFirstSpans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  HU_STREET.lastIndex = 0;
  for (let m = HU_STREET.exec(text); m !== null; m = HU_STREET.exec(text)) {
    const before = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index));
    if (before)
      spans.push(extend(text, { type: 'ADDRESS', start: m.index - before[0].length, end: m.index + m[0].length }));
  }
  return spans;
}

function findAddresses(text: string): PiiSpan[] {
  const spans: PiiSpan[] = text.includes('\n') ? blockSpans(text) : [];
  for (const pattern of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const matched = m[0].replace(/\s+$/, '');
      spans.push(extend(text, { type: 'ADDRESS', start: m.index, end: m.index + matched.length }));
    }
  }
  for (const span of cueSpans(text)) spans.push(extend(text, span));
  spans.push(...nameFirstSpans(text));
  return spans;
}

const MAY_MATCH = /\d/;

export const addressDetector: PiiDetector = {
  type: 'ADDRESS',
  mayMatch: (text) => MAY_MATCH.test(text) || /address|adres|lives|wohnt|User:|meet/i.test(text),
  detect: findAddresses,
};
