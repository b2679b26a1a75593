import { createHash } from 'node:crypto';
import type { EmbeddedChunk } from '../../domain/chunk.js';
import type { Claim } from '../../domain/summary.js';
import { tallyAspects } from '../builtin-summarizer.js';
import type { Summarizer, SummarizerInput, SummaryDraft, TokenUsage } from '../summarizer.js';
import { type LlmCallRecord, LlmClient, type LlmClientOptions, LlmError } from './client.js';
import { buildMessages, type ChatMessage, loadPromptTemplate, type PromptTemplate, repairMessages } from './prompt.js';
import { type LlmAnswer, parseLlmAnswer } from './response.js';

export interface LlmSummarizerOptions extends LlmClientOptions {
  readonly promptVersion?: string;
  /** Every call, for usage accounting (the stage writes them to llm_calls). */
  readonly onCall?: (productId: string, purpose: 'draft' | 'repair', call: LlmCallRecord) => void;
}

interface Conversation {
  readonly messages: ChatMessage[];
  readonly answer: string;
  readonly model: string;
}

/** The model version of an LLM setup: model, adapter map and prompt version all change what is produced. */
export function llmModelVersion(model: string, promptVersion: string, adapters?: Readonly<Record<string, string>>) {
  const entries = Object.entries(adapters ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const routing = entries.length
    ? `+adapters-${createHash('sha1').update(JSON.stringify(entries)).digest('hex').slice(0, 8)}`
    : '';
  return `llm:${model}${routing}+${promptVersion}`;
}

/**
 * Mentions are counted like the built-in summarizer does (distinct reviews over every chunk of the product
 * with that aspect and polarity); an aspect outside the taxonomy counts the distinct cited reviews.
 */
function withMentions(
  claims: LlmAnswer['pros'],
  polarity: 'positive' | 'negative',
  allChunks: readonly EmbeddedChunk[],
  tallies: ReturnType<typeof tallyAspects>,
): Claim[] {
  const reviewOf = new Map(allChunks.map((chunk) => [chunk.chunkId, chunk.reviewId]));
  return claims.map((claim) => {
    const aspect = claim.aspect.trim().toLowerCase();
    const cited = new Set(claim.citations.map((id) => reviewOf.get(id)).filter((r) => r !== undefined)).size;
    const tallied = tallies.get(aspect)?.[polarity].size ?? 0;
    return { text: claim.text.trim(), aspect, mentions: Math.max(cited, tallied), citations: [...claim.citations] };
  });
}

const addUsage = (a: TokenUsage, call: LlmCallRecord): TokenUsage => ({
  promptTokens: a.promptTokens + call.promptTokens,
  completionTokens: a.completionTokens + call.completionTokens,
  calls: a.calls + 1,
});

/**
 * Summarizer over an OpenAI-compatible endpoint: one call per product in the normal case; an answer that is
 * not valid JSON of the contract gets one repair turn that says what was wrong. Verification of the content
 * (support, citations, polarity, …) is the stage's job, which may ask `repair` once more if no repair was used.
 */
export function llmSummarizer(
  options: LlmSummarizerOptions,
  client = new LlmClient(options),
): Summarizer & {
  client: LlmClient;
} {
  const template: PromptTemplate = loadPromptTemplate(options.promptVersion);
  const modelVersion = llmModelVersion(options.model, template.version, options.adapters);

  async function ask(
    input: SummarizerInput,
    messages: ChatMessage[],
    purpose: 'draft' | 'repair',
    model: string,
    usage: TokenUsage,
  ): Promise<{ answer: string; usage: TokenUsage }> {
    try {
      const { content, call } = await client.complete(messages, model);
      options.onCall?.(input.product.productId, purpose, call);
      return { answer: content, usage: addUsage(usage, call) };
    } catch (error) {
      if (error instanceof LlmError && error.call) options.onCall?.(input.product.productId, purpose, error.call);
      // The usage so far travels with the error, so a failed product still accounts for its tokens.
      throw Object.assign(error as Error, {
        usage: error instanceof LlmError && error.call ? addUsage(usage, error.call) : usage,
      });
    }
  }

  function toDraft(
    input: SummarizerInput,
    answer: LlmAnswer,
    conversation: Conversation,
    usage: TokenUsage,
    repaired: boolean,
  ): SummaryDraft {
    const tallies = tallyAspects(input.allChunks);
    const pros = withMentions(answer.pros, 'positive', input.allChunks, tallies);
    const cons = withMentions(answer.cons, 'negative', input.allChunks, tallies);
    return {
      overview: answer.overview.trim(),
      overview_citations: [...new Set([...pros, ...cons].map((claim) => claim.citations[0]!))],
      pros,
      cons,
      meta: {
        producedBy: llmModelVersion(conversation.model, template.version),
        promptVersion: template.version,
        usage,
        repaired,
        conversation,
      },
    };
  }

  /** Parses an answer; if it breaks the contract and no repair was used yet, asks once to fix it. */
  async function settle(
    input: SummarizerInput,
    conversation: Conversation,
    usage: TokenUsage,
    repaired: boolean,
  ): Promise<SummaryDraft> {
    const parsed = parseLlmAnswer(conversation.answer);
    if (parsed.ok) return toDraft(input, parsed.answer, conversation, usage, repaired);
    if (repaired) {
      throw Object.assign(
        new LlmError('RL_ERR_LLM_INVALID_ANSWER', `answer breaks the contract: ${parsed.problems.join('; ')}`),
        { usage },
      );
    }
    const messages = repairMessages(conversation.messages, conversation.answer, parsed.problems);
    const next = await ask(input, messages, 'repair', conversation.model, usage);
    return settle(input, { messages, answer: next.answer, model: conversation.model }, next.usage, true);
  }

  return {
    modelVersion,
    draftKind: 'free-text',
    client,
    async summarize(input) {
      const model = client.modelFor(input.product.category);
      const messages = buildMessages(
        template,
        input.product,
        input.context.map((c) => c.chunk),
      );
      const first = await ask(input, messages, 'draft', model, { promptTokens: 0, completionTokens: 0, calls: 0 });
      return settle(input, { messages, answer: first.answer, model }, first.usage, false);
    },
    async repair(input, draft, problems) {
      const conversation = draft.meta?.conversation as Conversation | undefined;
      if (!conversation || draft.meta?.repaired) throw new Error('draft cannot be repaired again');
      const messages = repairMessages(conversation.messages, conversation.answer, problems);
      const usage = draft.meta?.usage ?? { promptTokens: 0, completionTokens: 0, calls: 0 };
      const next = await ask(input, messages, 'repair', conversation.model, usage);
      return settle(input, { messages, answer: next.answer, model: conversation.model }, next.usage, true);
    },
  };
}
