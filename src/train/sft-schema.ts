import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LlmAnswerSchema } from '../summarize/llm/response.js';

/** The documented SFT dataset contract (docs/monitoring.md, "Fine-tuning"). Bump the version on any change. */
export const SFT_SCHEMA_VERSION = 'reviewlens-sft-v1';

const MessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) });

/** One line of train.jsonl: chat format, exactly system + user (the production prompt) + assistant (reference). */
export const SftExampleSchema = z
  .object({
    messages: z.tuple([
      MessageSchema.extend({ role: z.literal('system') }),
      MessageSchema.extend({ role: z.literal('user') }),
      MessageSchema.extend({ role: z.literal('assistant') }),
    ]),
    metadata: z.object({
      product_id: z.string().min(1),
      category: z.string().nullable(),
      /** `new`: curated for this category since the cut-off; `replay`: older data against forgetting. */
      split: z.enum(['new', 'replay']),
      curated_at: z.string(),
    }),
  })
  .superRefine((example, ctx) => {
    // The assistant turn must be a valid answer of the wire contract, citing only snippets in the prompt.
    let answer: unknown;
    try {
      answer = JSON.parse(example.messages[2].content);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'assistant content is not JSON' });
      return;
    }
    const parsed = LlmAnswerSchema.safeParse(answer);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `assistant content is not an LLM answer: ${parsed.error.message}` });
      return;
    }
    const prompt = example.messages[1].content;
    for (const claim of [...parsed.data.pros, ...parsed.data.cons])
      for (const id of claim.citations)
        if (!prompt.includes(`[${id}]`))
          ctx.addIssue({ code: 'custom', message: `citation ${id} is not in the prompt` });
  });
export type SftExample = z.infer<typeof SftExampleSchema>;

export const SftManifestSchema = z.object({
  schema: z.literal(SFT_SCHEMA_VERSION),
  category: z.string(),
  created_at: z.string(),
  prompt_version: z.string(),
  retrieval: z.object({ id: z.string(), params: z.record(z.string(), z.unknown()) }),
  production_version: z.string(),
  files: z.object({ train: z.literal('train.jsonl') }),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  counts: z.object({ new: z.number().int(), replay: z.number().int(), skipped: z.number().int() }),
  replay_ratio: z.number(),
  since: z.string().nullable(),
  skipped: z.array(z.object({ product_id: z.string(), reason: z.string() })),
});
export type SftManifest = z.infer<typeof SftManifestSchema>;

export class SftValidationError extends Error {
  readonly code = 'RL_ERR_SFT_INVALID';
}

/** Validates an exported directory against the schema: manifest, every line, counts. */
export function validateSftDataset(dir: string): { manifest: SftManifest; examples: number } {
  const manifest = SftManifestSchema.safeParse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  if (!manifest.success) throw new SftValidationError(`manifest.json: ${manifest.error.message}`);
  const lines = readFileSync(join(dir, 'train.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  lines.forEach((line, i) => {
    const example = SftExampleSchema.safeParse(JSON.parse(line));
    if (!example.success) throw new SftValidationError(`train.jsonl line ${i + 1}: ${example.error.message}`);
  });
  const expected = manifest.data.counts.new + manifest.data.counts.replay;
  if (lines.length !== expected)
    throw new SftValidationError(`train.jsonl has ${lines.length} examples, manifest says ${expected}`);
  return { manifest: manifest.data, examples: lines.length };
}
