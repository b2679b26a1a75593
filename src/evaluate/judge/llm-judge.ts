import { z } from 'zod';
import { type JsonSchemaFormat, LlmClient, type LlmClientOptions, LlmError } from '../../summarize/llm/client.js';
import { type Judge, JudgeError } from './judge.js';
import { type JudgeTask, judgeMessages } from './judge-prompts.js';

/** Answer contracts of the judge (zod for validation, JSON schema for endpoints with structured outputs). */
const StatementsAnswer = z.object({ statements: z.array(z.string()) });
const VerifyAnswer = z.object({
  verdicts: z.array(z.object({ statement: z.number().int(), reason: z.string().optional(), supported: z.boolean() })),
});
const RelevanceAnswer = z.object({ verdicts: z.array(z.object({ item: z.number().int(), relevant: z.boolean() })) });
const CoherenceAnswer = z.object({ reason: z.string().optional(), score: z.number().int().min(1).max(5) });

const objectSchema = (name: string, properties: Record<string, object>): JsonSchemaFormat => ({
  name,
  strict: true,
  schema: { type: 'object', additionalProperties: false, required: Object.keys(properties), properties },
});
const verdictList = (index: string, flag: string) => ({
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: [index, ...(flag === 'supported' ? ['reason'] : []), flag],
    properties: {
      [index]: { type: 'integer' },
      ...(flag === 'supported' ? { reason: { type: 'string' } } : {}),
      [flag]: { type: 'boolean' },
    },
  },
});
const SCHEMAS: Record<JudgeTask, JsonSchemaFormat> = {
  extract_statements: objectSchema('judge_statements', { statements: { type: 'array', items: { type: 'string' } } }),
  verify_statements: objectSchema('judge_verify', { verdicts: verdictList('statement', 'supported') }),
  context_relevance: objectSchema('judge_relevance', { verdicts: verdictList('item', 'relevant') }),
  coherence: objectSchema('judge_coherence', { reason: { type: 'string' }, score: { type: 'integer' } }),
};

function parseJson(content: string): unknown {
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    return JSON.parse(unfenced);
  } catch (error) {
    throw new JudgeError('invalid_json', `judge answer is not JSON: ${(error as Error).message.slice(0, 120)}`);
  }
}

function validate<T>(schema: z.ZodType<T>, json: unknown): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new JudgeError('schema', `judge answer does not match the contract: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Verdicts keyed by 1-based index → booleans in input order; a missing or extra verdict is a failure. */
function inOrder(verdicts: readonly { index: number; value: boolean }[], count: number): boolean[] {
  const byIndex = new Map(verdicts.map((v) => [v.index, v.value]));
  if (byIndex.size !== count || verdicts.length !== count || [...byIndex.keys()].some((k) => k < 1 || k > count))
    throw new JudgeError('count_mismatch', `judge gave ${verdicts.length} verdicts for ${count} items`);
  return Array.from({ length: count }, (_, i) => byIndex.get(i + 1)!);
}

const LLM_FAILURES = {
  RL_ERR_LLM_CIRCUIT_OPEN: 'circuit_open',
  RL_ERR_LLM_UNAVAILABLE: 'unavailable',
  RL_ERR_LLM_REJECTED: 'rejected',
  RL_ERR_LLM_INVALID_ANSWER: 'invalid_json',
} as const;

/**
 * The judge over the project's OpenAI-compatible client (retries, timeouts, breaker, JSON schema → JSON mode
 * fallback). Temperature 0: the same summary gets the same verdicts from a deterministic endpoint.
 */
export class LlmJudge implements Judge {
  readonly id: string;

  constructor(
    private readonly client: LlmClient,
    private readonly model: string = client.options.model,
  ) {
    this.id = `llm:${model}`;
  }

  private async ask<T>(task: JudgeTask, schema: z.ZodType<T>, input: Parameters<typeof judgeMessages>[1]): Promise<T> {
    let content: string;
    try {
      content = (await this.client.complete(judgeMessages(task, input), this.model, SCHEMAS[task])).content;
    } catch (error) {
      if (error instanceof LlmError) throw new JudgeError(LLM_FAILURES[error.code], error.message);
      throw error;
    }
    return validate(schema, parseJson(content));
  }

  async extractStatements(summary: string): Promise<string[]> {
    const answer = await this.ask('extract_statements', StatementsAnswer, { summary });
    return answer.statements.map((s) => s.trim()).filter((s) => s !== '');
  }

  async verifyStatements(statements: readonly string[], context: readonly string[]): Promise<boolean[]> {
    if (statements.length === 0) return [];
    const answer = await this.ask('verify_statements', VerifyAnswer, { context, statements });
    return inOrder(
      answer.verdicts.map((v) => ({ index: v.statement, value: v.supported })),
      statements.length,
    );
  }

  async judgeRelevance(summary: string, context: readonly string[]): Promise<boolean[]> {
    if (context.length === 0) return [];
    const answer = await this.ask('context_relevance', RelevanceAnswer, { summary, context });
    return inOrder(
      answer.verdicts.map((v) => ({ index: v.item, value: v.relevant })),
      context.length,
    );
  }

  async rateCoherence(summary: string): Promise<number> {
    return (await this.ask('coherence', CoherenceAnswer, { summary })).score;
  }
}

/** A judge with its own client (own endpoint, model and limits); `close` releases the sockets. */
export function createLlmJudge(options: LlmClientOptions): { judge: LlmJudge; close: () => void } {
  const client = new LlmClient(options);
  return { judge: new LlmJudge(client), close: () => client.close() };
}
