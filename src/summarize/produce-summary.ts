import { AI_LABEL } from '../domain/languages.js';
import type { Summary } from '../domain/summary.js';
import type { Embedder } from '../index/embedder.js';
import type { Summarizer, SummarizerInput, SummaryDraft, TokenUsage } from './summarizer.js';
import { type DraftVerification, dropFailedClaims, verifyDraft } from './verify-draft.js';

/**
 * Turns one product's input into a publishable, verified summary — or a recorded failure. The policy:
 * 1. draft with the primary summarizer; verify it;
 * 2. if only individual claims fail and what remains still passes (balance included), drop them: accepted;
 * 3. otherwise ask the summarizer to repair once (if it can and has not yet), verify, drop failing claims;
 * 4. if that still fails, or the primary could not answer at all, the fallback (built-in) summary is
 *    published instead, verified like any other; the reasons are kept;
 * 5. if even that fails, the product fails (dead letter).
 */
export type Outcome = 'llm_accepted' | 'llm_repaired' | 'builtin_accepted' | 'fallback_builtin' | 'failed';

export interface Produced {
  readonly outcome: Outcome;
  readonly summary?: Summary;
  /** The model version that produced the published summary. */
  readonly producedBy?: string;
  readonly promptVersion?: string;
  readonly reasons: readonly string[];
  readonly droppedClaims: number;
  readonly usage: TokenUsage;
}

export interface ProduceOptions {
  readonly primary: Summarizer;
  /** Used when the primary fails; absent when the primary is the built-in summarizer itself. */
  readonly fallback?: Summarizer;
  readonly embedder: Embedder;
  readonly ttlSeconds: number;
  readonly now?: () => Date;
}

const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, calls: 0 };

function toSummary(input: SummarizerInput, draft: SummaryDraft, modelVersion: string, now: Date, ttl: number): Summary {
  const { product } = input;
  return {
    product_id: product.productId,
    language: product.language,
    overview: draft.overview,
    overview_citations: [...draft.overview_citations],
    pros: [...draft.pros],
    cons: [...draft.cons],
    review_count: product.reviewCount,
    rating_avg: product.ratingAvg,
    model_version: modelVersion,
    generated_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ttl * 1000).toISOString(),
    label: AI_LABEL[product.language],
  };
}

interface Checked {
  readonly summary: Summary;
  readonly verification: DraftVerification;
  readonly dropped: number;
}

/** Verifies, and if only claims fail, tries the draft without them. */
async function check(summary: Summary, input: SummarizerInput, summarizer: Summarizer, embedder: Embedder) {
  const context = input.context.map((c) => c.chunk);
  const options = { embedder, kind: summarizer.draftKind ?? 'templated' } as const;
  const verification = await verifyDraft(summary, input.product, context, options);
  if (verification.ok || verification.claimProblems.size === 0) return { summary, verification, dropped: 0 };
  const { summary: trimmed, dropped } = dropFailedClaims(summary, verification);
  if (trimmed.pros.length + trimmed.cons.length === 0) return { summary, verification, dropped: 0 };
  const again = await verifyDraft(trimmed, input.product, context, options);
  return again.ok ? { summary: trimmed, verification: again, dropped } : { summary, verification, dropped: 0 };
}

const errorReason = (error: unknown) => {
  const e = error as Error & { code?: string };
  return `${e.code ?? 'error'}: ${e.message}`.slice(0, 300);
};

export async function produceSummary(input: SummarizerInput, options: ProduceOptions): Promise<Produced> {
  const now = options.now ?? (() => new Date());
  const { primary, fallback, embedder } = options;
  const isLlm = primary.draftKind === 'free-text';
  const reasons: string[] = [];
  let usage = NO_USAGE;
  let promptVersion: string | undefined;

  const attempt = async (summarizer: Summarizer, draft: SummaryDraft): Promise<Checked> => {
    const producedBy = draft.meta?.producedBy ?? summarizer.modelVersion;
    return check(toSummary(input, draft, producedBy, now(), options.ttlSeconds), input, summarizer, embedder);
  };

  try {
    let draft = await primary.summarize(input);
    usage = draft.meta?.usage ?? usage;
    promptVersion = draft.meta?.promptVersion;
    let checked = await attempt(primary, draft);
    let repaired = draft.meta?.repaired === true;
    if (!checked.verification.ok && primary.repair && !repaired) {
      reasons.push(...checked.verification.problems.slice(0, 10));
      draft = await primary.repair(input, draft, checked.verification.problems);
      usage = draft.meta?.usage ?? usage;
      checked = await attempt(primary, draft);
      repaired = true;
    }
    if (checked.verification.ok) {
      const outcome: Outcome = !isLlm ? 'builtin_accepted' : repaired ? 'llm_repaired' : 'llm_accepted';
      if (checked.dropped > 0) reasons.push(...[...checked.verification.problems]);
      return {
        outcome,
        summary: checked.summary,
        producedBy: checked.summary.model_version,
        promptVersion,
        reasons,
        droppedClaims: checked.dropped,
        usage,
      };
    }
    reasons.push(...checked.verification.problems.slice(0, 10));
  } catch (error) {
    reasons.push(errorReason(error));
    usage = (error as { usage?: TokenUsage }).usage ?? usage;
  }

  if (fallback) {
    try {
      const checked = await attempt(fallback, await fallback.summarize(input));
      if (checked.verification.ok) {
        return {
          outcome: 'fallback_builtin',
          summary: checked.summary,
          producedBy: checked.summary.model_version,
          promptVersion,
          reasons,
          droppedClaims: checked.dropped,
          usage,
        };
      }
      reasons.push(...checked.verification.problems.slice(0, 10).map((p) => `fallback:${p}`));
    } catch (error) {
      reasons.push(`fallback:${errorReason(error)}`);
    }
  }
  return { outcome: 'failed', reasons, droppedClaims: 0, usage, promptVersion };
}
