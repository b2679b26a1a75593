/**
 * PII guard evaluation on Presidio-style records `{full_text, spans[{entity_type, entity_value, start_position,
 * end_position}]}`. A gold span counts as recalled when none of its letters or digits survive redaction
 * (whitespace/punctuation between redacted pieces is not PII). Entity types that are not PII here (places,
 * organisations, titles, dates, …) are the negatives that count for the false-positive rate.
 */
import type { Language } from '../../domain/languages.js';
import { redactPii } from '../pii.js';

export interface PiiEvalRecord {
  full_text: string;
  spans: { entity_type: string; entity_value?: string; start_position: number; end_position: number }[];
  /** Our own EU cases may carry a language; Presidio's are English. */
  language?: Language;
}

/** Presidio types we redact. Other types are negatives (must survive): GPE, ORGANIZATION, DATE_TIME, TITLE, … */
export const PII_ENTITY_TYPES = new Set([
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'IBAN_CODE',
  'IP_ADDRESS',
  'PERSON',
  'STREET_ADDRESS',
  'US_SSN',
  'US_DRIVER_LICENSE',
  'ZIP_CODE',
]);

export interface PiiEvalResult {
  recall: Record<string, number>;
  support: Record<string, number>;
  /**
   * Share of letters/digits OUTSIDE every gold PII span that were redacted (0 = nothing but PII touched).
   * Non-PII entities (places, organisations, dates, product facts) are part of this denominator.
   */
  false_positive_rate: number;
  /** Share of non-PII gold entities (GPE, ORGANIZATION, DATE_TIME, …) that lost any letter or digit. */
  non_pii_entity_damage_rate: number;
  records: number;
}

const isContent = (c: string) => /[\p{L}\p{N}]/u.test(c);

export function evaluatePii(records: readonly PiiEvalRecord[]): PiiEvalResult {
  const hit: Record<string, number> = {};
  const support: Record<string, number> = {};
  let outsideChars = 0;
  let outsideRedacted = 0;
  let nonPii = 0;
  let nonPiiDamaged = 0;
  for (const record of records) {
    const text = record.full_text;
    const { found } = redactPii(text, record.language ? { language: record.language } : {});
    const redacted = new Uint8Array(text.length);
    for (const span of found) redacted.fill(1, span.start, span.end);
    const gold = new Uint8Array(text.length);
    for (const span of record.spans) {
      const covered = (from: number, to: number) => {
        for (let i = from; i < to; i++) if (isContent(text[i]!) && !redacted[i]) return false;
        return true;
      };
      if (PII_ENTITY_TYPES.has(span.entity_type)) {
        support[span.entity_type] = (support[span.entity_type] ?? 0) + 1;
        if (covered(span.start_position, span.end_position)) hit[span.entity_type] = (hit[span.entity_type] ?? 0) + 1;
        gold.fill(1, span.start_position, span.end_position);
      } else {
        nonPii++;
        let damaged = false;
        for (let i = span.start_position; i < span.end_position && !damaged; i++) damaged = redacted[i] === 1;
        if (damaged) nonPiiDamaged++;
      }
    }
    for (let i = 0; i < text.length; i++) {
      if (gold[i] || !isContent(text[i]!)) continue;
      outsideChars++;
      if (redacted[i]) outsideRedacted++;
    }
  }
  const recall: Record<string, number> = {};
  for (const type of Object.keys(support).sort()) recall[type] = round((hit[type] ?? 0) / support[type]!);
  return {
    recall,
    support,
    false_positive_rate: round(outsideChars === 0 ? 0 : outsideRedacted / outsideChars),
    non_pii_entity_damage_rate: round(nonPii === 0 ? 0 : nonPiiDamaged / nonPii),
    records: records.length,
  };
}

export const round = (value: number) => Math.round(value * 10_000) / 10_000;
