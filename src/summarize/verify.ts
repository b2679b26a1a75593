import type { EmbeddedChunk } from '../domain/chunk.js';
import { type Summary, SummarySchema } from '../domain/summary.js';
import { BALANCE_NEGATIVE_SHARE, negativeReviewShare, type ProductFacts } from './summarizer.js';

export interface Verification {
  readonly ok: boolean;
  /** Machine-readable problem codes with context, e.g. `citation_not_in_context:pros.1:abc-0`. */
  readonly problems: readonly string[];
}

/**
 * Checks a summary before it is published: schema, every citation resolves to a context chunk of this
 * product, pros cite mostly positive and cons mostly negative chunks, and the balance rule.
 * (Claim–source support, numbers, PII and toxicity checks extend this for LLM output.)
 */
export function verifySummary(
  summary: Summary,
  product: ProductFacts,
  contextChunks: readonly EmbeddedChunk[],
): Verification {
  const problems: string[] = [];
  const parsed = SummarySchema.safeParse(summary);
  if (!parsed.success) {
    problems.push(`schema:${parsed.error.issues.map((issue) => issue.path.join('.')).join(',')}`);
    return { ok: false, problems };
  }
  const byId = new Map(contextChunks.map((chunk) => [chunk.chunkId, chunk]));
  const checkCitation = (where: string, id: string) => {
    const chunk = byId.get(id);
    if (!chunk) problems.push(`citation_not_in_context:${where}:${id}`);
    else if (chunk.productId !== product.productId) problems.push(`citation_other_product:${where}:${id}`);
    return chunk;
  };
  for (const id of summary.overview_citations) checkCitation('overview', id);
  for (const [list, expected] of [
    ['pros', 'positive'],
    ['cons', 'negative'],
  ] as const) {
    summary[list].forEach((claim, index) => {
      const where = `${list}.${index}`;
      const cited = claim.citations.map((id) => checkCitation(where, id)).filter((c) => c !== undefined);
      const agreeing = cited.filter((chunk) => chunk.polarity === expected).length;
      if (cited.length > 0 && agreeing * 2 < cited.length) problems.push(`polarity_disagrees:${where}`);
    });
  }
  if (negativeReviewShare(product) >= BALANCE_NEGATIVE_SHARE && summary.cons.length === 0) {
    problems.push('unbalanced:no_cons');
  }
  return { ok: problems.length === 0, problems };
}
