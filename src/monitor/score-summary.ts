import type { Kysely } from 'kysely';
import type { EmbeddedChunk } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import { SummarySchema } from '../domain/summary.js';
import { balance } from '../evaluate/metrics/balance.js';
import { defaultClaimSupport } from '../evaluate/metrics/faithfulness.js';
import { outputChecks } from '../evaluate/metrics/output-checks.js';
import { type EvalClaim, outputFromSummary } from '../evaluate/system-output.js';
import type { Embedder } from '../index/embedder.js';
import { loadChunksById } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import type { SummaryContext } from '../store/summaries.js';
import { supportScore } from '../summarize/claim-support.js';

type Db = Kysely<Database>;

/** A stored summary row as the monitors read it (summaries joined with summary_outcomes). */
export interface StoredSummaryRow {
  readonly product_id: string;
  readonly model_version: string;
  readonly summary: string;
  readonly context: string;
  readonly language: string;
  readonly outcome: string | null;
  readonly dropped_claims: number | null;
}

/** Per-summary scores with the evaluation metrics; shared by the quality monitor and the shadow report. */
export interface SummaryScores {
  readonly producedBy: string;
  /** Checkable claims: pros and cons, plus the claims verification dropped before publishing. */
  readonly claims: number;
  readonly supported: number;
  /** supported / claims; null with no checkable claim. */
  readonly faithfulness: number | null;
  readonly toxic: boolean;
  readonly formatOk: boolean;
  readonly pii: boolean;
  readonly fallback: boolean;
  readonly balanceGap: number | null;
  readonly words: number;
}

/**
 * A claim counts as supported when the evaluation's structural test (polarity + aspect of the cited chunks) or
 * the verifier's lexical/embedding support accepts it: the first handles aspect claims across languages, the
 * second free-text LLM claims. Citations that resolve to no chunk are unsupported.
 */
async function claimSupported(
  claim: EvalClaim,
  chunks: ReadonlyMap<string, EmbeddedChunk>,
  embedder: Embedder,
): Promise<boolean> {
  if (claim.citations.some((id) => !chunks.has(id))) return false;
  const cited = claim.citations.map((id) => chunks.get(id)!);
  if (defaultClaimSupport(claim, cited)) return true;
  const snippets = cited.map((chunk) => ({ text: chunk.text, embedding: chunk.embedding }));
  return (await supportScore(claim.text, snippets, embedder)).supported;
}

/**
 * Scores one stored summary. Dropped claims count as unsupported: the published text is verified, so a
 * hallucinating model shows up as claims verification removed, not as unfaithful published summaries.
 * The overview states counts and ratings (verified as numbers), so only pros and cons are checked.
 */
export async function scoreStoredSummary(db: Db, row: StoredSummaryRow, embedder: Embedder): Promise<SummaryScores> {
  const summary = SummarySchema.parse(JSON.parse(row.summary));
  const context = JSON.parse(row.context) as SummaryContext;
  const output = outputFromSummary(summary, context.contextChunkIds);
  const cited = [...new Set(output.claims.flatMap((c) => c.citations))];
  const chunks = new Map((await loadChunksById(db, cited)).map((chunk) => [chunk.chunkId, chunk]));
  const polar = output.claims.filter((claim) => claim.polarity !== 'neutral');
  let supported = 0;
  for (const claim of polar) if (await claimSupported(claim, chunks, embedder)) supported++;
  const claims = polar.length + (row.dropped_claims ?? 0);
  const checks = outputChecks(output, row.language as Language);
  const ratings = await db
    .selectFrom('reviews')
    .select('star_rating')
    .where('product_id', '=', row.product_id)
    .where('flags', '=', '')
    .execute();
  return {
    producedBy: summary.model_version,
    claims,
    supported,
    faithfulness: claims === 0 ? null : supported / claims,
    toxic: checks.toxic_terms > 0,
    formatOk: checks.format_ok === 1,
    pii: checks.pii_spans > 0,
    fallback: row.outcome === 'fallback_builtin',
    balanceGap: balance(
      output.claims,
      ratings.map((r) => r.star_rating),
    ).balance_gap,
    words: checks.words,
  };
}

/** Summaries joined with how they were produced (dropped claims, fallback). */
export function storedSummaries(db: Db) {
  return db
    .selectFrom('summaries as s')
    .leftJoin('summary_outcomes as o', (join) =>
      join
        .onRef('o.product_id', '=', 's.product_id')
        .onRef('o.model_version', '=', 's.model_version')
        .onRef('o.product_revision', '=', 's.product_revision'),
    )
    .select([
      's.id',
      's.product_id',
      's.model_version',
      's.summary',
      's.context',
      's.language',
      'o.outcome',
      'o.dropped_claims',
    ]);
}
