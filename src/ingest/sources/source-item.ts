import type { Rejection } from '../../domain/review.js';

/** One record read from a source: either parsed into fields, or rejected before it could be. */
export type SourceItem =
  | {
      readonly kind: 'record';
      readonly position: number;
      readonly raw: string;
      readonly fields: Record<string, unknown>;
    }
  | { readonly kind: 'reject'; readonly position: number; readonly raw: string; readonly rejection: Rejection };

export interface ReviewSource {
  /** Names the source in run records and the dead-letter table, e.g. `file:reviews.jsonl`. */
  readonly name: string;
  items(): AsyncIterable<SourceItem>;
}

/** The dead-letter table keeps the raw record; cap it so a single giant line cannot bloat the store. */
export const MAX_RAW_CHARS = 65_536;

export function truncateRaw(raw: string): string {
  return raw.length > MAX_RAW_CHARS ? `${raw.slice(0, MAX_RAW_CHARS)}…[truncated]` : raw;
}
