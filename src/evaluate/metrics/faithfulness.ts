import { GENERAL_ASPECT } from '../../domain/aspects.js';
import type { EmbeddedChunk } from '../../domain/chunk.js';
import { aspectCarried } from '../../domain/discovered-aspect.js';
import type { EvalClaim } from '../system-output.js';
import { rougeTokens } from './rouge.js';

/**
 * Does the cited evidence support the claim? The seam the verifier's claim support (issue 4,
 * src/summarize/claim-support.ts) plugs into; evaluation only needs the yes/no.
 */
export type ClaimSupportFn = (claim: EvalClaim, citedChunks: readonly EmbeddedChunk[]) => boolean;

const STOPWORDS = new Set(
  'the a an and or but of to in on at for with is are was were be been it this that these those i you he she we they my your our their its as by from not no so very too just have has had do does did will would can could'.split(
    ' ',
  ),
);

const contentWords = (text: string) =>
  new Set(rougeTokens(text, { stem: true, tokenizer: 'unicode' }).filter((t) => t.length > 2 && !STOPWORDS.has(t)));

/**
 * Default support test, deliberately simple and non-LLM: the claim cites at least one chunk, a pro/con's cited
 * chunks mostly share its polarity, and the claim is about what they say — its aspect is tagged on a cited
 * chunk (aspect claims), or it shares a content word with one (free text).
 */
export const defaultClaimSupport: ClaimSupportFn = (claim, cited) => {
  if (cited.length === 0) return false;
  if (claim.polarity !== 'neutral') {
    const agreeing = cited.filter((chunk) => chunk.polarity === claim.polarity).length;
    if (agreeing * 2 < cited.length) return false;
  }
  if (claim.aspect !== null && claim.aspect !== GENERAL_ASPECT) {
    return cited.some((chunk) => aspectCarried(chunk, claim.aspect!));
  }
  if (claim.aspect === GENERAL_ASPECT) return true;
  const words = contentWords(claim.text);
  if (words.size === 0) return true;
  return cited.some((chunk) => [...contentWords(chunk.text)].some((word) => words.has(word)));
};

/**
 * Share of claims supported by their cited sources; null when the output makes no claim (nothing to judge).
 * Citations that do not resolve to a chunk count as unsupported.
 */
export function faithfulness(
  claims: readonly EvalClaim[],
  chunksById: ReadonlyMap<string, EmbeddedChunk>,
  support: ClaimSupportFn = defaultClaimSupport,
): number | null {
  if (claims.length === 0) return null;
  const supported = claims.filter((claim) => {
    if (claim.citations.some((id) => !chunksById.has(id))) return false;
    return support(
      claim,
      claim.citations.map((id) => chunksById.get(id)!),
    );
  }).length;
  return supported / claims.length;
}
