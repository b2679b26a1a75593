/**
 * The evaluation judge seam: an LLM (or anything else) that answers the four questions the judge-based
 * metrics ask. Metrics (judge-metrics.ts) only see this interface, so a fake, a local model or a hosted API can
 * stand behind it. Every method answers for the whole batch in one call or throws a `JudgeError`.
 */
export interface Judge {
  /** Names the judge in reports, e.g. `llm:qwen2.5-7b-instruct`. */
  readonly id: string;
  /** Ragas faithfulness, step 1: the summary as short standalone factual statements. */
  extractStatements(summary: string): Promise<string[]>;
  /** Ragas faithfulness, step 2: per statement (same order), can it be inferred from the context alone? */
  verifyStatements(statements: readonly string[], context: readonly string[]): Promise<boolean[]>;
  /** Per context item (same order): was it useful for writing this summary? (context precision relevance) */
  judgeRelevance(summary: string, context: readonly string[]): Promise<boolean[]>;
  /** Coherence 1–5 by the written rubric (docs/evaluation.md). */
  rateCoherence(summary: string): Promise<number>;
}

/** Why a judge answer could not be used; counted per metric in reports instead of failing the run. */
export type JudgeFailureReason =
  | 'invalid_json'
  | 'schema'
  | 'count_mismatch'
  | 'unavailable'
  | 'rejected'
  | 'circuit_open'
  | 'error';

export class JudgeError extends Error {
  constructor(
    readonly reason: JudgeFailureReason,
    message: string,
  ) {
    super(message);
  }
}
