import type { EmbeddedChunk } from '../domain/chunk.js';
import { aspectCarried } from '../domain/discovered-aspect.js';
import type { Language } from '../domain/languages.js';
import type { Claim, Summary } from '../domain/summary.js';
import type { Embedder } from '../index/embedder.js';
import { lexiconSentiment } from '../index/sentiment.js';
import { redactPii } from '../ingest/pii.js';
import { SUPPORT_THRESHOLD, supportScore } from './claim-support.js';
import { looksLikeInstruction } from './injection.js';
import { findProfanity } from './profanity.js';
import type { ProductFacts } from './summarizer.js';
import { verifySummary } from './verify.js';

/**
 * Full verification of a draft, LLM or built-in: the structural checks of verifySummary (schema, citations in
 * context and of this product, polarity of cited snippets, balance) plus, per claim, support by its cited
 * snippets, numbers that occur in them, no citation of planted instructions, no PII and no profanity.
 *
 * `free-text` drafts (an LLM wrote the words) get every check. `templated` drafts (the built-in summarizer:
 * aspect names + fixed phrases + computed counts) are grounded by construction; for them the claim's aspect
 * must be carried by a cited snippet instead of word overlap, and computed counts are not "numbers in sources".
 */
export type DraftKind = 'free-text' | 'templated';

export interface DraftVerification {
  readonly ok: boolean;
  /** Every problem code (`kind:where[:detail]`). */
  readonly problems: readonly string[];
  /** Claim key (`pros.0`, `cons.1`) → its problems; claims listed here can be dropped. */
  readonly claimProblems: ReadonlyMap<string, readonly string[]>;
  /** Problems that dropping claims cannot fix (schema, overview, balance). */
  readonly draftProblems: readonly string[];
}

export interface VerifyDraftOptions {
  readonly embedder: Embedder;
  readonly kind: DraftKind;
  readonly supportThreshold?: number;
}

const NUMBER_RE = /\d+(?:[.,]\d+)?/g;
const numbersIn = (text: string) => (text.match(NUMBER_RE) ?? []).map((n) => n.replace(',', '.'));

/** Claim-text sentiment must not clearly contradict its list (a "pro" that reads as a complaint). */
const CLAIM_POLARITY_LIMIT = 0.3;

async function claimProblems(
  claim: Claim,
  where: string,
  expected: 'positive' | 'negative',
  byId: ReadonlyMap<string, EmbeddedChunk>,
  language: Language,
  options: VerifyDraftOptions,
): Promise<string[]> {
  const problems: string[] = [];
  const cited = claim.citations.map((id) => byId.get(id)).filter((c): c is EmbeddedChunk => c !== undefined);
  for (const chunk of cited) {
    if (looksLikeInstruction(chunk.text)) problems.push(`cites_instruction:${where}:${chunk.chunkId}`);
  }
  if (redactPii(claim.text, { language }).found.length > 0) problems.push(`pii:${where}`);
  const profane = findProfanity(claim.text, language);
  if (profane) problems.push(`profanity:${where}`);
  if (cited.length === 0) return problems;
  if (options.kind === 'templated') {
    const carried = claim.aspect === 'general' || cited.some((chunk) => aspectCarried(chunk, claim.aspect));
    if (!carried) problems.push(`aspect_unsupported:${where}:${claim.aspect}`);
    return problems;
  }
  const sourceNumbers = new Set(cited.flatMap((chunk) => numbersIn(chunk.text)));
  for (const number of numbersIn(claim.text)) {
    if (!sourceNumbers.has(number)) problems.push(`number_not_in_sources:${where}:${number}`);
  }
  if (cited.every((chunk) => chunk.language !== language)) {
    // Cross-lingual: the claim is written in the summary language, its sources in another, so word overlap
    // and the hashed n-gram similarity cannot measure support. Fall back to the structural test: a cited
    // snippet must carry the claim's aspect (polarity is checked for every claim above).
    const carried = cited.some((chunk) => aspectCarried(chunk, claim.aspect));
    if (!carried) problems.push(`unsupported_cross_lingual:${where}:${claim.aspect}`);
    return problems;
  }
  const support = await supportScore(
    claim.text,
    cited.map((chunk) => ({ text: chunk.text, embedding: chunk.embedding })),
    options.embedder,
    options.supportThreshold ?? SUPPORT_THRESHOLD,
  );
  if (!support.supported) problems.push(`unsupported:${where}:${support.score.toFixed(2)}`);
  const sentiment = lexiconSentiment.score(claim.text, language);
  if (expected === 'positive' ? sentiment <= -CLAIM_POLARITY_LIMIT : sentiment >= CLAIM_POLARITY_LIMIT) {
    problems.push(`claim_polarity:${where}`);
  }
  return problems;
}

function overviewProblems(summary: Summary, product: ProductFacts, kind: DraftKind): string[] {
  const problems: string[] = [];
  const text = summary.overview;
  if (redactPii(text, { language: product.language }).found.length > 0) problems.push('pii:overview');
  if (findProfanity(text, product.language)) problems.push('profanity:overview');
  if (looksLikeInstruction(text)) problems.push('instruction_in_output:overview');
  if (kind === 'free-text') {
    // The overview may state the review count and the average rating (both formats) and "of 5 stars".
    const allowed = new Set([
      String(product.reviewCount),
      String(product.ratingAvg),
      product.ratingAvg.toFixed(1),
      '5',
    ]);
    for (const number of numbersIn(text)) {
      if (!allowed.has(number)) problems.push(`number_not_in_sources:overview:${number}`);
    }
  }
  return problems;
}

const claimKeyOf = (problem: string) => /^[a-z_]+:((?:pros|cons)\.\d+)/.exec(problem)?.[1];

export async function verifyDraft(
  summary: Summary,
  product: ProductFacts,
  context: readonly EmbeddedChunk[],
  options: VerifyDraftOptions,
): Promise<DraftVerification> {
  const structural = verifySummary(summary, product, context);
  if (structural.problems.some((p) => p.startsWith('schema:'))) {
    return { ok: false, problems: structural.problems, claimProblems: new Map(), draftProblems: structural.problems };
  }
  const problems = [...structural.problems];
  const byId = new Map(context.map((chunk) => [chunk.chunkId, chunk]));
  for (const [list, expected] of [
    ['pros', 'positive'],
    ['cons', 'negative'],
  ] as const) {
    for (const [index, claim] of summary[list].entries()) {
      problems.push(...(await claimProblems(claim, `${list}.${index}`, expected, byId, product.language, options)));
    }
  }
  problems.push(...overviewProblems(summary, product, options.kind));
  const byClaim = new Map<string, string[]>();
  const draftProblems: string[] = [];
  for (const problem of problems) {
    const key = claimKeyOf(problem);
    if (key) byClaim.set(key, [...(byClaim.get(key) ?? []), problem]);
    else draftProblems.push(problem);
  }
  return { ok: problems.length === 0, problems, claimProblems: byClaim, draftProblems };
}

/** The draft without the claims that failed verification; overview citations of dropped claims go too. */
export function dropFailedClaims(
  summary: Summary,
  verification: DraftVerification,
): { summary: Summary; dropped: number } {
  const keep = (list: 'pros' | 'cons') =>
    summary[list].filter((_, index) => !verification.claimProblems.has(`${list}.${index}`));
  const pros = keep('pros');
  const cons = keep('cons');
  const dropped = summary.pros.length + summary.cons.length - pros.length - cons.length;
  const stillCited = new Set([...pros, ...cons].flatMap((claim) => claim.citations));
  const badCitations = new Set(
    verification.draftProblems
      .filter((p) => p.startsWith('citation_'))
      .map((p) => p.split(':')[2])
      .filter((id): id is string => id !== undefined),
  );
  const overviewCitations = summary.overview_citations.filter((id) => !badCitations.has(id) || stillCited.has(id));
  return { summary: { ...summary, pros, cons, overview_citations: overviewCitations }, dropped };
}
