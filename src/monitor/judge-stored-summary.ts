import type { Kysely } from 'kysely';
import { SummarySchema } from '../domain/summary.js';
import type { Judge } from '../evaluate/judge/judge.js';
import { type JudgeScores, judgeSummary } from '../evaluate/judge/judge-metrics.js';
import { summaryProse } from '../evaluate/system-output.js';
import { loadChunksById } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import type { SummaryContext } from '../store/summaries.js';
import type { StoredSummaryRow } from './score-summary.js';

/**
 * Judges a stored summary against the context it was generated from (in retrieval order). Coherence and
 * context precision read the whole prose; faithfulness verifies the statements of the pros and cons only:
 * the overview states review counts and the average rating, which the verifier already checks as numbers and
 * which no review snippet contains (the same reason score-summary.ts skips it).
 */
export async function judgeStoredSummary(
  db: Kysely<Database>,
  row: StoredSummaryRow,
  judge: Judge,
): Promise<JudgeScores> {
  const summary = SummarySchema.parse(JSON.parse(row.summary));
  const context = JSON.parse(row.context) as SummaryContext;
  const byId = new Map((await loadChunksById(db, context.contextChunkIds)).map((c) => [c.chunkId, c.text]));
  const contextTexts = context.contextChunkIds.map((id) => byId.get(id)).filter((t): t is string => t !== undefined);
  const claims = [...summary.pros, ...summary.cons].map((claim) => claim.text).join('\n');
  return judgeSummary(judge, summaryProse(summary), contextTexts, { statementsFrom: claims });
}
