import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { readDataset } from '../evaluate/datasets.js';
import { evaluateDataset } from '../evaluate/run-eval.js';
import { RegistryError } from '../registry/model-version.js';
import {
  attachReport,
  getModelVersion,
  latestReport,
  type PromoteResult,
  productionVersion,
  promoteVersion,
  registerVersion,
} from '../registry/registry.js';
import type { Database } from '../store/schema.js';
import { exportSftDataset, type SftExportOptions } from './sft-export.js';

type Db = Kysely<Database>;

export class TrainerError extends Error {
  constructor(
    message: string,
    readonly code: 'RL_ERR_TRAINER_FAILED' | 'RL_ERR_TRAINER_OUTPUT',
  ) {
    super(message);
  }
}

/**
 * The trainer contract (docs/monitoring.md): reviewlens runs the command through the shell with these
 * variables; exit code 0 means an adapter was written to the output directory as `adapter_config.json`
 * (PEFT layout) and, optionally, `reviewlens-adapter.json` `{"adapter_name": "…"}` — the model name the
 * inference endpoint serves it under (vLLM `--lora-modules name=path`). Any other exit code is a failure.
 */
export const TRAINER_ENV = {
  dataDir: 'REVIEWLENS_TRAIN_DATA_DIR',
  baseModel: 'REVIEWLENS_TRAIN_BASE_MODEL',
  outputDir: 'REVIEWLENS_TRAIN_OUTPUT_DIR',
  category: 'REVIEWLENS_TRAIN_CATEGORY',
} as const;

export function runTrainerCommand(
  command: string,
  env: Record<string, string>,
  options: { timeoutMs?: number; log?: (chunk: string) => void } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, {
      shell: true,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? 24 * 3600 * 1000,
    });
    const log = options.log ?? ((chunk: string) => process.stderr.write(chunk));
    child.stdout.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.on('error', (error) =>
      reject(new TrainerError(`trainer did not start: ${error.message}`, 'RL_ERR_TRAINER_FAILED')),
    );
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new TrainerError(
            `trainer exited with ${code === null ? `signal ${signal}` : `code ${code}`}`,
            'RL_ERR_TRAINER_FAILED',
          ),
        );
    });
  });
}

function adapterName(outputDir: string, fallback: string): string {
  if (!existsSync(join(outputDir, 'adapter_config.json')))
    throw new TrainerError(
      `trainer exited 0 but wrote no ${join(outputDir, 'adapter_config.json')}`,
      'RL_ERR_TRAINER_OUTPUT',
    );
  const named = join(outputDir, 'reviewlens-adapter.json');
  if (!existsSync(named)) return fallback;
  const name = (JSON.parse(readFileSync(named, 'utf8')) as { adapter_name?: unknown }).adapter_name;
  if (typeof name !== 'string' || !/^[A-Za-z0-9._/-]{1,200}$/.test(name))
    throw new TrainerError('reviewlens-adapter.json: adapter_name must be a model name', 'RL_ERR_TRAINER_OUTPUT');
  return name;
}

/** The registry name of the adapter a training run for `category` started at `now` registers. */
export function candidateVersionName(category: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  return `ft-${category.replace(/[^A-Za-z0-9._-]/g, '-')}-${stamp}`.slice(0, 100);
}

export interface TrainRunOptions extends Omit<SftExportOptions, 'outDir'> {
  readonly trainer: string;
  readonly baseModel: string;
  readonly workDir: string;
  /** Evaluation set (JSONL of the harness) the candidate and production are compared on; no gate without it. */
  readonly evalDataset?: string;
  readonly evalLimit?: number;
  readonly timeoutMs?: number;
  readonly log?: (chunk: string) => void;
  readonly now?: Date;
  /** Registry name of the candidate (default: candidateVersionName). */
  readonly version?: string;
}

export interface TrainRunResult {
  readonly version: string;
  readonly adapter: string;
  readonly dataset: { dir: string; new: number; replay: number; sha256: string };
  readonly reportId: string | null;
  readonly gate: { passed: boolean; reasons: readonly string[]; promoted: boolean } | null;
}

/**
 * Export → external trainer → register the adapter as a candidate of this category → evaluate it (and
 * production, if production has no report on the set) → promotion through the gate. The gate's decision is
 * an audit event either way (`promote` or `promotion_refused`).
 */
export async function runTraining(db: Db, options: TrainRunOptions): Promise<TrainRunResult> {
  const dataDir = join(options.workDir, 'data');
  const outputDir = join(options.workDir, 'adapter');
  const manifest = await exportSftDataset(db, { ...options, outDir: dataDir });
  await runTrainerCommand(
    options.trainer,
    {
      [TRAINER_ENV.dataDir]: dataDir,
      [TRAINER_ENV.baseModel]: options.baseModel,
      [TRAINER_ENV.outputDir]: outputDir,
      [TRAINER_ENV.category]: options.category,
    },
    { timeoutMs: options.timeoutMs, log: options.log },
  );
  const version = options.version ?? candidateVersionName(options.category, options.now ?? new Date());
  const adapter = adapterName(outputDir, version);
  await registerVersion(db, {
    version,
    provider: 'openai-compatible',
    modelId: options.baseModel,
    adapter,
    promptTemplateVersion: manifest.prompt_version,
    retrieval: manifest.retrieval,
    inferenceParams: { category: options.category },
    dataSnapshotIds: [`sft:${manifest.sha256.slice(0, 16)}`],
  });
  const dataset = { dir: dataDir, new: manifest.counts.new, replay: manifest.counts.replay, sha256: manifest.sha256 };
  if (!options.evalDataset) return { version, adapter, dataset, reportId: null, gate: null };

  const evalSet = readDataset(options.evalDataset, options.evalLimit);
  const evaluate = async (name: string) =>
    attachReport(
      db,
      name,
      await evaluateDataset(
        evalSet,
        { kind: 'model', version: await getModelVersion(db, name) },
        {
          datasetPath: options.evalDataset,
        },
      ),
    );
  const reportId = await evaluate(version);
  const production = await productionVersion(db);
  const candidateReport = await latestReport(db, version);
  if (!(await latestReport(db, production.version, candidateReport?.dataset))) await evaluate(production.version);
  let promotion: PromoteResult | null = null;
  let reasons: readonly string[] = [];
  try {
    promotion = await promoteVersion(db, version, 'production', { reason: `train run ${options.category}` });
    reasons = promotion.gate?.reasons ?? [];
  } catch (error) {
    if (!(error instanceof RegistryError) || error.code !== 'RL_ERR_PROMOTION_GATE') throw error;
    reasons = [error.message];
  }
  return {
    version,
    adapter,
    dataset,
    reportId,
    gate: { passed: promotion !== null, reasons, promoted: promotion !== null },
  };
}
