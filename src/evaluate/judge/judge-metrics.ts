import { contextPrecision } from '../metrics/context-precision.js';
import { type Judge, JudgeError } from './judge.js';

/** The judge-based metrics of one summary; a metric whose judge call failed is null and its reason listed. */
export interface JudgeScores {
  /** Ragas faithfulness: supported statements / extracted statements. */
  readonly faithfulness_llm: number | null;
  /** Ragas context precision over the ranked context with the judge's relevance verdicts. */
  readonly context_precision_llm: number | null;
  /** 1–5 by the coherence rubric. */
  readonly coherence: number | null;
  /** `metric:reason` for every metric the judge failed on (e.g. `coherence:invalid_json`). */
  readonly judge_failures: readonly string[];
}

export const JUDGE_METRICS = ['faithfulness_llm', 'context_precision_llm', 'coherence'] as const;
export type JudgeMetric = (typeof JUDGE_METRICS)[number];

/** Runs one metric; a judge failure (or any error in the call) becomes null plus a counted reason. */
async function attempt<T>(metric: JudgeMetric, failures: string[], run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (error) {
    failures.push(`${metric}:${error instanceof JudgeError ? error.reason : 'error'}`);
    return null;
  }
}

/**
 * Scores a summary against its retrieved context (in rank order) with the judge. The three metrics are
 * independent calls, so a malformed coherence answer does not cost the faithfulness score. An empty summary or
 * context leaves the affected metrics null without a failure (there is nothing to judge, as in Ragas).
 */
export async function judgeSummary(
  judge: Judge,
  summary: string,
  context: readonly string[],
  options: {
    /** The part of the summary whose statements are verified (default: all of it); see the quality monitor. */
    readonly statementsFrom?: string;
  } = {},
): Promise<JudgeScores> {
  const failures: string[] = [];
  if (summary.trim() === '')
    return { faithfulness_llm: null, context_precision_llm: null, coherence: null, judge_failures: [] };
  const checked = options.statementsFrom ?? summary;
  const [faithfulness, precision, coherence] = await Promise.all([
    attempt('faithfulness_llm', failures, async () => {
      if (checked.trim() === '') return null;
      const statements = await judge.extractStatements(checked);
      if (statements.length === 0) return null;
      const verdicts = await judge.verifyStatements(statements, context);
      return verdicts.filter(Boolean).length / statements.length;
    }),
    attempt('context_precision_llm', failures, async () =>
      context.length === 0 ? null : contextPrecision(await judge.judgeRelevance(summary, context)),
    ),
    attempt('coherence', failures, () => judge.rateCoherence(summary)),
  ]);
  return {
    faithfulness_llm: faithfulness,
    context_precision_llm: precision,
    coherence,
    judge_failures: failures.sort(),
  };
}

/** How often each `metric:reason` failure occurred over a run (for the report's `judge.failures`). */
export function countFailures(perSummary: readonly (readonly string[])[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const failures of perSummary) for (const f of failures) counts[f] = (counts[f] ?? 0) + 1;
  return counts;
}
