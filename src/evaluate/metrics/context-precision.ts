/**
 * Ragas context precision over a ranked context: mean of precision@k at the ranks k that hold a relevant item,
 * i.e. Σ_k (precision@k · v_k) / (number of relevant items). 1 when every relevant item is ranked before every
 * irrelevant one; null when nothing is relevant (undefined in Ragas too).
 */
export function contextPrecision(relevance: readonly boolean[]): number | null {
  let relevantSoFar = 0;
  let sum = 0;
  relevance.forEach((relevant, index) => {
    if (!relevant) return;
    relevantSoFar += 1;
    sum += relevantSoFar / (index + 1);
  });
  return relevantSoFar === 0 ? null : sum / relevantSoFar;
}

/** Non-LLM relevance: a context item is relevant when some claim of the output cites it. */
export function citedRelevance(contextIds: readonly string[], citedIds: Iterable<string>): boolean[] {
  const cited = new Set(citedIds);
  return contextIds.map((id) => cited.has(id));
}
