import type { Polarity } from '../domain/chunk.js';
import type { Summary } from '../domain/summary.js';

/** One statement of a system's output, with the chunks it cites (extractive baselines cite themselves). */
export interface EvalClaim {
  readonly text: string;
  readonly polarity: Polarity;
  /** Aspect id for the built-in's pros/cons; null for the overview and extracted sentences. */
  readonly aspect: string | null;
  readonly citations: readonly string[];
}

/** What every system under evaluation produces for one entity, whatever it is. */
export interface SystemOutput {
  /** Exactly the text that is scored: the prose a shopper reads, one sentence per line. */
  readonly summaryText: string;
  readonly claims: readonly EvalClaim[];
  /** The retrieved context in rank order (for context precision). */
  readonly contextChunkIds: readonly string[];
  /** Why there is no summary (e.g. verification failed); the entity is then scored with an empty text. */
  readonly failure: string | null;
}

/** The built-in summary as a shopper reads it: overview, then pros, then cons, one per line. */
export function summaryProse(summary: Summary): string {
  return [summary.overview, ...summary.pros.map((c) => c.text), ...summary.cons.map((c) => c.text)].join('\n');
}

export function outputFromSummary(summary: Summary, contextChunkIds: readonly string[]): SystemOutput {
  return {
    summaryText: summaryProse(summary),
    claims: [
      { text: summary.overview, polarity: 'neutral', aspect: null, citations: summary.overview_citations },
      ...summary.pros.map((c) => ({
        text: c.text,
        polarity: 'positive' as const,
        aspect: c.aspect,
        citations: c.citations,
      })),
      ...summary.cons.map((c) => ({
        text: c.text,
        polarity: 'negative' as const,
        aspect: c.aspect,
        citations: c.citations,
      })),
    ],
    contextChunkIds,
    failure: null,
  };
}

export const failedOutput = (failure: string): SystemOutput => ({
  summaryText: '',
  claims: [],
  contextChunkIds: [],
  failure,
});
