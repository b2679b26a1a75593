/**
 * IBANs (ibantools: country format + mod-97 checksum) and payment card numbers (Luhn), both with the
 * usual grouping by spaces or dashes. Checksums keep product facts (EANs, model numbers) out.
 */
import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { PiiDetector, PiiSpan } from '../pii.js';

/** Country code, 2 check digits, then 11–30 alphanumerics optionally grouped by single spaces. */
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![\p{L}\p{N}])/gu;

function findIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  IBAN_CANDIDATE.lastIndex = 0;
  for (let m = IBAN_CANDIDATE.exec(text); m !== null; m = IBAN_CANDIDATE.exec(text)) {
    let candidate = m[0];
    // A greedy match may swallow the next word ("DE89 3704 0044 0532 0130 00 bitte"): trim words from the right.
    for (;;) {
      const electronic = electronicFormatIBAN(candidate.toUpperCase()) ?? '';
      if (isValidIBAN(electronic)) {
        spans.push({ type: 'IBAN', start: m.index, end: m.index + candidate.length });
        break;
      }
      const cut = candidate.lastIndexOf(' ');
      if (cut < 15) break;
      candidate = candidate.slice(0, cut);
    }
  }
  return spans;
}

export const ibanDetector: PiiDetector = {
  type: 'IBAN',
  mayMatch: (text) => /\d\d/.test(text),
  detect: findIbans,
};

/** 12–19 digits, optionally grouped by single spaces or dashes. */
const CARD_CANDIDATE = /(?<![\p{L}\p{N}.,/-])\d(?:[ -]?\d){11,18}(?![\p{L}\p{N}]|[.,]\d)/gu;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** GTIN check digit (EAN-8/12/13/14): weights 3,1 from the right, excluding the check digit. */
export function gtinValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 2, w = 3; i >= 0; i--, w = 4 - w) sum += (digits.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}

function findCards(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  CARD_CANDIDATE.lastIndex = 0;
  for (let m = CARD_CANDIDATE.exec(text); m !== null; m = CARD_CANDIDATE.exec(text)) {
    const digits = m[0].replace(/[ -]/g, '');
    if (!luhnValid(digits)) continue;
    // A bare 12/13-digit run with a valid GTIN check digit is a UPC/EAN on the box, not a card.
    if ((digits.length === 12 || digits.length === 13) && m[0] === digits && gtinValid(digits)) continue;
    if (/^(\d)\1+$/.test(digits)) continue;
    spans.push({ type: 'CARD', start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export const cardDetector: PiiDetector = {
  type: 'CARD',
  mayMatch: (text) => /\d{4}/.test(text),
  detect: findCards,
};
