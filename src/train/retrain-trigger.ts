import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { ConfigError } from '../config.js';
import type { Language } from '../domain/languages.js';
import { audit } from '../registry/registry.js';
import type { Database } from '../store/schema.js';
import { readReferences } from './sft-export.js';
import { candidateVersionName, runTraining } from './trainer-run.js';

type Db = Kysely<Database>;

/**
 * Automatic retraining (issue 9): a schedule or a firing quality alert runs `train run` for a category. Off
 * unless a trainer command is configured: launching GPU jobs must be an explicit decision.
 */
export interface RetrainConfig {
  /** Shell command under the trainer contract (docs/monitoring.md). */
  readonly trainer: string;
  /** Curated reference summaries (JSONL of `train export`). */
  readonly references: string;
  readonly baseModel: string;
  /** Each run works in `<workDir>/<candidate version>`. */
  readonly workDir: string;
  /** Evaluation set for the gate; without it the candidate is registered but not evaluated or promoted. */
  readonly evalDataset?: string;
  readonly evalLimit?: number;
  /** Categories automation may retrain (all when absent). */
  readonly categories?: readonly string[];
  /** Alert keys that trigger retraining of the categories they name. */
  readonly alertKeys: readonly string[];
}

export const DEFAULT_RETRAIN_ALERTS = ['quality.faithfulness', 'quality.judge_faithfulness'] as const;

/** From REVIEWLENS_RETRAIN_* variables; undefined (retraining off) without REVIEWLENS_RETRAIN_TRAINER. */
export function loadRetrainConfig(env: NodeJS.ProcessEnv = process.env): RetrainConfig | undefined {
  const trainer = env.REVIEWLENS_RETRAIN_TRAINER;
  if (!trainer) return undefined;
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new ConfigError(`${name} is required when REVIEWLENS_RETRAIN_TRAINER is set`);
    return value;
  };
  const list = (value: string | undefined) =>
    value
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const limit = env.REVIEWLENS_RETRAIN_EVAL_LIMIT ? Number(env.REVIEWLENS_RETRAIN_EVAL_LIMIT) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new ConfigError('REVIEWLENS_RETRAIN_EVAL_LIMIT must be an integer ≥ 1');
  return {
    trainer,
    references: required('REVIEWLENS_RETRAIN_REFERENCES'),
    baseModel: required('REVIEWLENS_RETRAIN_BASE_MODEL'),
    workDir: required('REVIEWLENS_RETRAIN_WORK_DIR'),
    evalDataset: env.REVIEWLENS_RETRAIN_EVAL_DATASET || undefined,
    evalLimit: limit,
    categories: list(env.REVIEWLENS_RETRAIN_CATEGORIES),
    alertKeys: list(env.REVIEWLENS_RETRAIN_ALERTS) ?? DEFAULT_RETRAIN_ALERTS,
  };
}

/** Two triggers for one category within a second (alert, then schedule) must not collide on the name. */
async function unusedVersionName(db: Db, name: string): Promise<string> {
  // The audit log names every version ever triggered or registered (a failed run leaves no model_versions row).
  const taken = new Set(
    (await db.selectFrom('model_events').select('version').distinct().execute()).map((row) => row.version),
  );
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}-${i}`;
  return candidate;
}

/** Why a training run was started; stored as the `retrain_trigger` audit event's detail. */
export type RetrainTrigger =
  | { readonly kind: 'schedule'; readonly category: string }
  | {
      readonly kind: 'alert';
      readonly category: string;
      /** Every firing alert episode that named the category (one run answers them all). */
      readonly alerts: readonly { readonly id: number; readonly key: string; readonly firedAt: string }[];
    };

export interface RetrainOutcome {
  readonly trigger: RetrainTrigger;
  readonly version: string;
  readonly status: 'trained' | 'failed';
  readonly gate?: { passed: boolean; promoted: boolean } | null;
  readonly error?: string;
}

/**
 * One triggered training run. The trigger is audited under the candidate's version name *before* the trainer
 * starts, so a crashed or killed trainer still leaves a record of who started what; the outcome follows as
 * `register`/`promote`/`promotion_refused` (runTraining) or `retrain_failed`.
 */
export async function triggerRetrain(
  db: Db,
  config: RetrainConfig,
  trigger: RetrainTrigger,
  options: { defaultLanguage: Language; now?: Date; log?: (chunk: string) => void },
): Promise<RetrainOutcome> {
  const now = options.now ?? new Date();
  const version = await unusedVersionName(db, candidateVersionName(trigger.category, now));
  const reason = trigger.kind === 'schedule' ? 'schedule' : `alert ${trigger.alerts.map((a) => a.key).join(', ')}`;
  await audit(db, { version, action: 'retrain_trigger', reason, detail: trigger });
  try {
    const result = await runTraining(db, {
      category: trigger.category,
      trainer: config.trainer,
      references: readReferences(config.references),
      baseModel: config.baseModel,
      workDir: join(config.workDir, version),
      evalDataset: config.evalDataset,
      evalLimit: config.evalLimit,
      defaultLanguage: options.defaultLanguage,
      now,
      version,
      log: options.log,
    });
    return {
      trigger,
      version: result.version,
      status: 'trained',
      gate: result.gate && { passed: result.gate.passed, promoted: result.gate.promoted },
    };
  } catch (error) {
    const message = (error as Error).message;
    await audit(db, { version, action: 'retrain_failed', reason, detail: { ...trigger, error: message } });
    return { trigger, version, status: 'failed', error: message };
  }
}

/**
 * Categories named by firing alerts that ask for retraining (and allowed by the configuration), each with the
 * alert episodes that named it and have not started a run yet.
 */
async function alertTriggers(db: Db, config: RetrainConfig): Promise<RetrainTrigger[]> {
  if (config.alertKeys.length === 0) return [];
  const firing = await db
    .selectFrom('alerts')
    .select(['id', 'alert_key', 'detail', 'fired_at'])
    .where('state', '=', 'firing')
    .where('alert_key', 'in', [...config.alertKeys])
    .orderBy('id')
    .execute();
  const done = await alreadyTriggered(db);
  const allowed = config.categories ? new Set(config.categories) : null;
  const byCategory = new Map<string, { id: number; key: string; firedAt: string }[]>();
  for (const alert of firing) {
    const named = (JSON.parse(alert.detail) as { categories?: unknown }).categories;
    for (const category of Array.isArray(named) ? named : []) {
      if (typeof category !== 'string' || category === 'unknown' || (allowed && !allowed.has(category))) continue;
      if (done.has(`${alert.id}\u0000${category}`)) continue;
      byCategory.set(category, [
        ...(byCategory.get(category) ?? []),
        { id: alert.id, key: alert.alert_key, firedAt: alert.fired_at },
      ]);
    }
  }
  return [...byCategory]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, alerts]) => ({ kind: 'alert', category, alerts }));
}

/** Alert episodes (alert id × category) that already started a training run: one run per episode. */
async function alreadyTriggered(db: Db): Promise<Set<string>> {
  const events = await db.selectFrom('model_events').select('detail').where('action', '=', 'retrain_trigger').execute();
  const keys = new Set<string>();
  for (const event of events) {
    const detail = JSON.parse(event.detail) as Partial<Extract<RetrainTrigger, { kind: 'alert' }>>;
    if (detail.kind === 'alert')
      for (const alert of detail.alerts ?? []) keys.add(`${alert.id}\u0000${detail.category}`);
  }
  return keys;
}

/**
 * The retrain job: with a category, a scheduled run for it; without, one run per category named by a firing
 * quality alert that has not started one yet (a still-firing alert does not retrain again on every quality run;
 * a new episode after it resolved does). Runs are sequential: one trainer at a time.
 */
export async function runRetrainJob(
  db: Db,
  config: RetrainConfig | undefined,
  options: { category?: string; defaultLanguage: Language; log?: (chunk: string) => void },
): Promise<{ skipped?: string; runs: RetrainOutcome[] }> {
  if (!config) return { skipped: 'not_configured', runs: [] };
  let triggers: RetrainTrigger[];
  if (options.category) {
    if (config.categories && !config.categories.includes(options.category))
      return { skipped: `category ${options.category} is not in REVIEWLENS_RETRAIN_CATEGORIES`, runs: [] };
    triggers = [{ kind: 'schedule', category: options.category }];
  } else {
    triggers = await alertTriggers(db, config);
  }
  const runs: RetrainOutcome[] = [];
  for (const trigger of triggers) runs.push(await triggerRetrain(db, config, trigger, options));
  return { runs };
}
