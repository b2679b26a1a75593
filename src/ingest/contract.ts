import type { Rejection } from '../domain/review.js';
import { MAX_JSON_NESTING, nestsDeeperThan } from './json-shape.js';

/** The input contract's fields. Anything else in a record is kept as metadata. */
export const CONTRACT_FIELDS = [
  'review_id',
  'product_id',
  'star_rating',
  'review_text',
  'created_at',
  'title',
  'user_id',
  'helpful_votes',
  'verified_purchase',
  'language',
  'category',
  'product_name',
] as const;

const CONTRACT_FIELD_SET: ReadonlySet<string> = new Set(CONTRACT_FIELDS);
/** Optional fields that hold text: a number is taken as its digits, an object or array is a contract error. */
const OPTIONAL_TEXT_FIELDS = ['title', 'user_id', 'language', 'category', 'product_name'] as const;
/** Unknown fields are stored as metadata; cap them so one record cannot carry megabytes into every table row. */
export const MAX_METADATA_CHARS = 16_384;

/** A record that satisfies the contract, before cleaning. */
export interface ContractRecord {
  readonly reviewId: string;
  readonly productId: string;
  readonly starRating: 1 | 2 | 3 | 4 | 5;
  readonly reviewText: string;
  /** Normalised to ISO 8601 UTC with milliseconds. */
  readonly createdAt: string;
  readonly title: string | null;
  readonly userId: string | null;
  readonly helpfulVotes: number;
  readonly verifiedPurchase: boolean;
  /** As given (lower-cased); checked against the shop's languages later. */
  readonly language: string | null;
  readonly category: string | null;
  readonly productName: string | null;
  readonly metadata: Record<string, unknown>;
}

export type ContractResult = { ok: true; record: ContractRecord } | { ok: false; rejection: Rejection };

// ISO 8601 calendar date, optionally with time and zone. Other shapes ("03/12/2025") are ambiguous across
// European locales, so they are rejected rather than guessed.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_ID_LENGTH = 200;
/** A review dated more than a day in the future is a data error, not a clock skew. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

const fail = (reason: Rejection['reason'], detail: string): ContractResult => ({
  ok: false,
  rejection: { reason, detail },
});

function identifier(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > MAX_ID_LENGTH ? null : trimmed;
}

function optionalText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = String(value).trim();
  return text === '' ? null : text;
}

/** `String()` of an object can throw (`{"toString": 1}`) or recurse without bound (nested arrays). */
const isScalar = (value: unknown) =>
  value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value);

function parseRating(value: unknown): ContractRecord['starRating'] | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 5) return null;
  return number as ContractRecord['starRating'];
}

/** The UTC form most sources send (and toISOString writes); parsed without Date.parse on the ingest hot path. */
const CANONICAL_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?Z$/;

/** `parseIsoDate` for CANONICAL_UTC text; undefined when the general path must decide (odd years, 24:00, …). */
function parseCanonicalUtc(text: string, now: number): string | null | undefined {
  const m = CANONICAL_UTC.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as number[];
  // Date.UTC maps years 0–99 to 1900–1999, and Date.parse rolls 24:00 over to the next day: leave those to it.
  if (year! < 1000 || hour! > 23 || minute! > 59 || second! > 59) return undefined;
  const millis = m[7] ? Number(m[7].slice(1)) : 0;
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!, millis);
  const date = new Date(time);
  if (date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day!) return null;
  if (time > now + FUTURE_TOLERANCE_MS) return null;
  return m[7] ? text : `${text.slice(0, 19)}.000Z`;
}

export function parseIsoDate(value: unknown, now = Date.now()): string | null {
  if (typeof value !== 'string') return null;
  const canonical = parseCanonicalUtc(value, now);
  if (canonical !== undefined) return canonical;
  if (!ISO_8601.test(value.trim())) return null;
  const text = value.trim();
  // Date.parse rolls 2025-02-30 over to March 2nd; a calendar date that does not exist is a data error.
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time) || time > now + FUTURE_TOLERANCE_MS) return null;
  return new Date(time).toISOString();
}

function parseCount(value: unknown): number | null {
  if (value === undefined || value === null || value === '') return 0;
  const number = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 ? number : null;
}

function parseFlag(value: unknown): boolean | null {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const normalised = value.trim().toLowerCase();
    if (['true', '1', 'yes', 'y'].includes(normalised)) return true;
    if (['false', '0', 'no', 'n'].includes(normalised)) return false;
  }
  return null;
}

/** Checks one record against the input contract. Never throws; every failure carries a reason code. */
export function validateRecord(fields: Record<string, unknown>, now = Date.now()): ContractResult {
  if (nestsDeeperThan(fields, MAX_JSON_NESTING)) {
    return fail('malformed_record', `the record nests deeper than ${MAX_JSON_NESTING} levels`);
  }
  for (const name of ['review_id', 'product_id', 'star_rating', 'review_text', 'created_at'] as const) {
    const value = fields[name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      return fail('missing_field', `required field "${name}" is missing or empty`);
    }
  }
  const reviewId = identifier(fields.review_id);
  if (!reviewId) return fail('invalid_field', `"review_id" must be a string or number of 1–${MAX_ID_LENGTH} chars`);
  const productId = identifier(fields.product_id);
  if (!productId) return fail('invalid_field', `"product_id" must be a string or number of 1–${MAX_ID_LENGTH} chars`);
  const starRating = parseRating(fields.star_rating);
  if (starRating === null) return fail('bad_rating', `"star_rating" must be an integer from 1 to 5`);
  if (typeof fields.review_text !== 'string') return fail('invalid_field', `"review_text" must be a string`);
  const createdAt = parseIsoDate(fields.created_at, now);
  if (createdAt === null) return fail('bad_date', `"created_at" must be an ISO 8601 date, not in the future`);
  const helpfulVotes = parseCount(fields.helpful_votes);
  if (helpfulVotes === null) return fail('invalid_field', `"helpful_votes" must be a non-negative integer`);
  const verifiedPurchase = parseFlag(fields.verified_purchase);
  if (verifiedPurchase === null) return fail('invalid_field', `"verified_purchase" must be a boolean`);

  for (const name of OPTIONAL_TEXT_FIELDS) {
    if (!isScalar(fields[name])) return fail('invalid_field', `"${name}" must be text`);
  }

  // fromEntries defines own properties: a "__proto__" field stays data instead of replacing the prototype.
  const metadata: Record<string, unknown> = Object.fromEntries(
    Object.entries(fields).filter(([key]) => !CONTRACT_FIELD_SET.has(key)),
  );
  if ((JSON.stringify(metadata) ?? '').length > MAX_METADATA_CHARS) {
    return fail('invalid_field', `unknown fields (kept as metadata) exceed ${MAX_METADATA_CHARS} characters`);
  }
  return {
    ok: true,
    record: {
      reviewId,
      productId,
      starRating,
      reviewText: fields.review_text,
      createdAt,
      title: optionalText(fields.title),
      userId: optionalText(fields.user_id),
      helpfulVotes,
      verifiedPurchase,
      language: optionalText(fields.language)?.toLowerCase() ?? null,
      category: optionalText(fields.category),
      productName: optionalText(fields.product_name),
      metadata,
    },
  };
}
