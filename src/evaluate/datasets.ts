import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';

/**
 * One entity of an opinion-summarization set (FewSum, Copycat, MeanSum, OpoSum, Opinosis, OpiSums-PT all share
 * this JSONL shape): its input reviews and the human reference summaries. Extra fields are ignored.
 */
export interface EvalEntity {
  readonly entityId: string;
  readonly category: string | null;
  /** As given by the set (e.g. `pt-BR`); null for the English sets, which do not say. */
  readonly language: string | null;
  readonly reviews: readonly { readonly text: string; readonly rating: number | null }[];
  readonly references: readonly string[];
}

export interface EvalDataset {
  /** File name without `.jsonl`, e.g. `amazon_copycat_fewsum.dev`. */
  readonly name: string;
  readonly entities: readonly EvalEntity[];
}

export class DatasetError extends Error {
  readonly code = 'RL_ERR_DATASET';
}

const EntityLine = z.object({
  entity_id: z.union([z.string().min(1), z.number()]),
  category: z.string().nullish(),
  language: z.string().nullish(),
  reviews: z.array(z.object({ text: z.string(), rating: z.number().min(0).max(5).nullish() })).min(1),
  references: z.array(z.string()).min(1),
});

export function parseDatasetLine(line: string, lineNumber: number): EvalEntity {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new DatasetError(`line ${lineNumber}: not valid JSON`);
  }
  const parsed = EntityLine.safeParse(json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
    throw new DatasetError(
      `line ${lineNumber}: does not match {entity_id, reviews[{text, rating?}], references[]}: ${where}`,
    );
  }
  const value = parsed.data;
  return {
    entityId: String(value.entity_id),
    category: value.category ?? null,
    language: value.language ?? null,
    reviews: value.reviews.map((review) => ({ text: review.text, rating: review.rating ?? null })),
    references: value.references,
  };
}

/** Reads a whole set (they are small: ≤ a few MB); blank lines are skipped. */
export function readDataset(path: string, limit = Number.POSITIVE_INFINITY): EvalDataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DatasetError(`cannot read dataset ${path}: ${(error as Error).message}`);
  }
  const entities: EvalEntity[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && entities.length < limit; i++) {
    const line = lines[i]!.trim();
    if (line !== '') entities.push(parseDatasetLine(line, i + 1));
  }
  if (entities.length === 0) throw new DatasetError(`dataset ${path} holds no entities`);
  return { name: basename(path).replace(/\.jsonl$/i, ''), entities };
}

/** English sets are scored the rouge_score way (stemming on); anything else with stemming off. */
export function isEnglishDataset(dataset: EvalDataset): boolean {
  return dataset.entities.every((entity) => entity.language === null || entity.language.toLowerCase().startsWith('en'));
}
