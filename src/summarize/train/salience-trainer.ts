import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmbeddedChunk } from '../../domain/chunk.js';
import type { Language } from '../../domain/languages.js';
import { datasetSource, productIdFor } from '../../evaluate/dataset-source.js';
import { type EvalDataset, isEnglishDataset } from '../../evaluate/datasets.js';
import { ENGLISH_ROUGE, NON_ENGLISH_ROUGE, rougeMultiReference } from '../../evaluate/metrics/rouge.js';
import { indexReviews } from '../../index/index-stage.js';
import { ingest } from '../../ingest/ingest.js';
import { defaultComponents } from '../../pipeline/components.js';
import { loadProductChunks } from '../../store/chunks.js';
import { startRun } from '../../store/runs.js';
import { openSqliteStore } from '../../store/store.js';
import { quotable } from '../builtin-summarizer.js';
import { balancedRetrieval } from '../retrieve.js';
import { SALIENCE_FEATURES, type SalienceWeights, salienceFeatures } from '../salience.js';

export class TrainingError extends Error {
  readonly code = 'RL_ERR_TRAINING';
}

/** One candidate sentence: its features and how much of the reference summaries it carries (ROUGE-1 F). */
export interface SalienceExample {
  readonly features: readonly number[];
  readonly target: number;
}

/**
 * Examples from one dataset, exactly as the summarizer sees the entities: ingested and indexed with the default
 * components into a throw-away store, candidates = the quotable sentences of the retrieved context.
 */
export async function salienceExamples(dataset: EvalDataset): Promise<SalienceExample[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reviewlens-train-'));
  const store = await openSqliteStore(join(dir, 'train.sqlite'));
  try {
    const components = defaultComponents();
    await ingest(store.db, datasetSource(dataset), {
      runId: await startRun(store.db, 'ingest'),
      defaultLanguage: 'en',
    });
    await indexReviews(store.db, { embedder: components.embedder, sentiment: components.sentiment });
    const rougeOptions = isEnglishDataset(dataset) ? ENGLISH_ROUGE : NON_ENGLISH_ROUGE;
    const retrieval = balancedRetrieval();
    const examples: SalienceExample[] = [];
    for (const [i, entity] of dataset.entities.entries()) {
      const chunks = await loadProductChunks(store.db, productIdFor(i));
      if (chunks.length === 0 || entity.references.length === 0) continue;
      const language = majorityLanguage(chunks);
      const candidates = retrieval
        .retrieve(chunks)
        .map((c) => c.chunk)
        .filter((chunk) => quotable(chunk, language));
      const features = salienceFeatures(candidates, chunks);
      candidates.forEach((chunk, j) => {
        examples.push({
          features: SALIENCE_FEATURES.map((name) => features[j]![name]),
          target: rougeMultiReference(chunk.text, entity.references, rougeOptions).rouge1,
        });
      });
    }
    return examples;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function majorityLanguage(chunks: readonly EmbeddedChunk[]): Language {
  const counts = new Map<Language, number>();
  for (const chunk of chunks) counts.set(chunk.language, (counts.get(chunk.language) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and, with the ridge, regular). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    const p = m[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new TrainingError('singular system: too few or constant training examples');
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r]![col]! / p;
      for (let c = col; c <= n; c++) m[r]![c]! -= f * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

/**
 * Ridge regression of the sentence's ROUGE-1 against the references on its features: the fitted weights rank
 * candidates by how much of a reference summary they are expected to carry. The bias is not penalised.
 */
export function fitSalienceWeights(examples: readonly SalienceExample[], ridge = 1): SalienceWeights {
  if (examples.length < SALIENCE_FEATURES.length * 2) {
    throw new TrainingError(
      `need at least ${SALIENCE_FEATURES.length * 2} candidate sentences, got ${examples.length}`,
    );
  }
  const d = SALIENCE_FEATURES.length;
  const xtx = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const xty = new Array<number>(d).fill(0);
  for (const { features, target } of examples) {
    for (let i = 0; i < d; i++) {
      xty[i]! += features[i]! * target;
      for (let j = 0; j < d; j++) xtx[i]![j]! += features[i]! * features[j]!;
    }
  }
  SALIENCE_FEATURES.forEach((name, i) => {
    if (name !== 'bias') xtx[i]![i]! += ridge;
  });
  const w = solve(xtx, xty);
  return Object.fromEntries(SALIENCE_FEATURES.map((name, i) => [name, Number(w[i]!.toFixed(4))])) as SalienceWeights;
}
