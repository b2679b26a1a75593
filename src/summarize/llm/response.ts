import { z } from 'zod';
import { CHUNK_ID_PATTERN } from '../../domain/chunk.js';

/** The wire contract of an answer (docs/llm-contract.md). */
export const LlmClaimSchema = z.object({
  text: z.string().min(1).max(400),
  aspect: z.string().min(1).max(40),
  citations: z.array(z.string().regex(CHUNK_ID_PATTERN)).min(1).max(5),
});
export const LlmAnswerSchema = z.object({
  overview: z.string().min(1).max(800),
  pros: z.array(LlmClaimSchema).max(6),
  cons: z.array(LlmClaimSchema).max(6),
});
export type LlmAnswer = z.infer<typeof LlmAnswerSchema>;

const claimJsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'aspect', 'citations'],
  properties: {
    text: { type: 'string' },
    aspect: { type: 'string' },
    citations: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' }, minItems: 1 },
  },
} as const;

/** For `response_format: {type: 'json_schema'}` (vLLM guided decoding, OpenAI structured outputs). */
export const LLM_ANSWER_JSON_SCHEMA = {
  name: 'review_summary',
  strict: true,
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['overview', 'pros', 'cons'],
    properties: {
      overview: { type: 'string' },
      pros: { type: 'array', items: claimJsonSchema },
      cons: { type: 'array', items: claimJsonSchema },
    },
  },
} as const;

export type ParseResult = { ok: true; answer: LlmAnswer } | { ok: false; problems: string[] };

/**
 * Parses a model's message content. Tolerates a Markdown code fence around the JSON (JSON mode without a
 * schema often adds one); everything else must match the contract exactly.
 */
export function parseLlmAnswer(content: string | null | undefined): ParseResult {
  if (!content || content.trim() === '') return { ok: false, problems: ['empty_answer'] };
  const unfenced = content
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let json: unknown;
  try {
    json = JSON.parse(unfenced);
  } catch (error) {
    return { ok: false, problems: [`invalid_json: ${(error as Error).message.slice(0, 120)}`] };
  }
  const parsed = LlmAnswerSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 8).map((i) => `schema: ${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  }
  return { ok: true, answer: parsed.data };
}
