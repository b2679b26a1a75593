import type { SampleRecord } from './types.js';

/**
 * RFC 4180 CSV for sample records: a header row, every field quoted, quotes doubled, CRLF line ends. Newlines
 * inside review text stay inside the quotes, which is exactly what a CSV ingester has to handle.
 */
export const CSV_COLUMNS = [
  'review_id',
  'product_id',
  'product_name',
  'category',
  'star_rating',
  'title',
  'review_text',
  'language',
  'created_at',
  'user_id',
  'helpful_votes',
  'verified_purchase',
] as const satisfies readonly (keyof SampleRecord)[];

function quote(value: unknown): string {
  // Absent optional fields become empty fields; everything else is written as text.
  const text = value === undefined || value === null ? '' : String(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(quote).join(',')}\r\n`;
}

export function csvRow(record: SampleRecord): string {
  return `${CSV_COLUMNS.map((column) => quote(record[column])).join(',')}\r\n`;
}
