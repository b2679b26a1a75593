import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EvalReport } from '../evaluate/report.js';
import type { Database, ModelVersionsTable } from '../store/schema.js';
import { DEFAULT_GATE, type GateDecision, type GatePolicy, promotionGate } from './gate.js';
import {
  BUILTIN_DEFAULT_VERSION,
  builtinDefault,
  type ModelVersion,
  PROVIDERS,
  type Provider,
  RegistryError,
  STAGES,
  type Stage,
} from './model-version.js';

type Db = Kysely<Database>;

function fromRow(row: ModelVersionsTable, reportIds: string[]): ModelVersion {
  return {
    version: row.version,
    provider: row.provider as Provider,
    modelId: row.model_id,
    adapter: row.adapter,
    promptTemplateVersion: row.prompt_template_version,
    retrieval: { id: row.retrieval_id, params: JSON.parse(row.retrieval_params) },
    inferenceParams: JSON.parse(row.inference_params),
    dataSnapshotIds: JSON.parse(row.data_snapshot_ids),
    evalReportIds: reportIds,
    stage: row.stage as Stage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Writes one audit event (model_events); also used for events around the registry, e.g. retrain triggers. */
export async function audit(
  db: Db,
  event: {
    version: string;
    action: string;
    from?: Stage | null;
    to?: Stage | null;
    forced?: boolean;
    reason?: string | null;
    detail?: object;
  },
) {
  await db
    .insertInto('model_events')
    .values({
      version: event.version,
      action: event.action,
      from_stage: event.from ?? null,
      to_stage: event.to ?? null,
      forced: event.forced ? 1 : 0,
      reason: event.reason ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      created_at: new Date().toISOString(),
    })
    .execute();
}

/** A fresh machine keeps working: the built-in default is registered as production the first time it is needed. */
export async function ensureDefaultVersion(db: Db): Promise<void> {
  const any = await db.selectFrom('model_versions').select('version').limit(1).executeTakeFirst();
  if (any) return;
  await insertVersion(db, builtinDefault(new Date().toISOString()));
  await audit(db, {
    version: BUILTIN_DEFAULT_VERSION,
    action: 'register',
    to: 'production',
    reason: 'default on first use',
  });
}

async function insertVersion(db: Db, v: ModelVersion) {
  await db
    .insertInto('model_versions')
    .values({
      version: v.version,
      provider: v.provider,
      model_id: v.modelId,
      adapter: v.adapter,
      prompt_template_version: v.promptTemplateVersion,
      retrieval_id: v.retrieval.id,
      retrieval_params: JSON.stringify(v.retrieval.params),
      inference_params: JSON.stringify(v.inferenceParams),
      data_snapshot_ids: JSON.stringify(v.dataSnapshotIds),
      stage: v.stage,
      created_at: v.createdAt,
      updated_at: v.updatedAt,
    })
    .execute();
}

export type NewModelVersion = Omit<ModelVersion, 'stage' | 'createdAt' | 'updatedAt' | 'evalReportIds'>;

/** Registers a new version as a candidate. */
export async function registerVersion(db: Db, spec: NewModelVersion): Promise<ModelVersion> {
  await ensureDefaultVersion(db);
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(spec.version)) {
    throw new RegistryError(`version name "${spec.version}" must be 1–100 of [A-Za-z0-9._-]`, 'RL_ERR_MODEL_INVALID');
  }
  if (!(PROVIDERS as readonly string[]).includes(spec.provider)) {
    throw new RegistryError(`provider must be one of ${PROVIDERS.join(', ')}`, 'RL_ERR_MODEL_INVALID');
  }
  const exists = await db
    .selectFrom('model_versions')
    .select('version')
    .where('version', '=', spec.version)
    .executeTakeFirst();
  if (exists) throw new RegistryError(`model version ${spec.version} already exists`, 'RL_ERR_MODEL_EXISTS');
  const now = new Date().toISOString();
  const version: ModelVersion = { ...spec, stage: 'candidate', evalReportIds: [], createdAt: now, updatedAt: now };
  await insertVersion(db, version);
  await audit(db, { version: spec.version, action: 'register', to: 'candidate', detail: spec });
  return version;
}

export async function getModelVersion(db: Db, version: string): Promise<ModelVersion> {
  await ensureDefaultVersion(db);
  const row = await db.selectFrom('model_versions').selectAll().where('version', '=', version).executeTakeFirst();
  if (!row) throw new RegistryError(`unknown model version ${version}`, 'RL_ERR_MODEL_UNKNOWN');
  const reports = await db
    .selectFrom('model_eval_reports')
    .select('report_id')
    .where('version', '=', version)
    .orderBy('id')
    .execute();
  return fromRow(
    row,
    reports.map((r) => r.report_id),
  );
}

export async function listVersions(db: Db): Promise<ModelVersion[]> {
  await ensureDefaultVersion(db);
  const rows = await db
    .selectFrom('model_versions')
    .select('version')
    .orderBy('created_at')
    .orderBy('version')
    .execute();
  return Promise.all(rows.map((row) => getModelVersion(db, row.version)));
}

/** The version the batch job runs. */
export async function productionVersion(db: Db): Promise<ModelVersion> {
  await ensureDefaultVersion(db);
  const row = await db
    .selectFrom('model_versions')
    .select('version')
    .where('stage', '=', 'production')
    .executeTakeFirst();
  if (!row) throw new RegistryError('no model version is in production', 'RL_ERR_MODEL_STAGE');
  return getModelVersion(db, row.version);
}

/** The staging version, if any: it may run in shadow. */
export async function stagingVersion(db: Db): Promise<ModelVersion | undefined> {
  await ensureDefaultVersion(db);
  const row = await db
    .selectFrom('model_versions')
    .select('version')
    .where('stage', '=', 'staging')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return row ? getModelVersion(db, row.version) : undefined;
}

export async function attachReport(db: Db, version: string, report: EvalReport): Promise<string> {
  await getModelVersion(db, version);
  const reportId = `${version}:${report.dataset}:${randomUUID().slice(0, 8)}`;
  await db
    .insertInto('model_eval_reports')
    .values({
      report_id: reportId,
      version,
      dataset: report.dataset,
      report: JSON.stringify(report),
      created_at: new Date().toISOString(),
    })
    .execute();
  await audit(db, {
    version,
    action: 'attach_report',
    detail: { report_id: reportId, dataset: report.dataset, aggregate: report.aggregate },
  });
  return reportId;
}

async function latestReport(db: Db, version: string, dataset?: string): Promise<EvalReport | undefined> {
  let query = db
    .selectFrom('model_eval_reports')
    .select('report')
    .where('version', '=', version)
    .orderBy('id', 'desc')
    .limit(1);
  if (dataset) query = query.where('dataset', '=', dataset);
  const row = await query.executeTakeFirst();
  return row ? (JSON.parse(row.report) as EvalReport) : undefined;
}

async function setStage(db: Db, version: string, stage: Stage) {
  await db
    .updateTable('model_versions')
    .set({ stage, updated_at: new Date().toISOString() })
    .where('version', '=', version)
    .execute();
}

export interface PromoteOptions {
  readonly force?: boolean;
  readonly reason?: string;
  readonly policy?: GatePolicy;
}

export interface PromoteResult {
  readonly version: string;
  readonly from: Stage;
  readonly to: Stage;
  readonly forced: boolean;
  readonly gate: Omit<GateDecision, 'comparison'> | null;
  readonly previous_production: string | null;
}

/**
 * Moves a version to a stage. Production only through the gate — the candidate's latest report against
 * production's latest report on the same dataset — or with `force` and a recorded reason. The production
 * version it replaces is archived. Every call is an audit event, refusals included.
 */
export async function promoteVersion(
  db: Db,
  version: string,
  to: Stage,
  options: PromoteOptions = {},
): Promise<PromoteResult> {
  if (!(STAGES as readonly string[]).includes(to))
    throw new RegistryError(`stage must be one of ${STAGES.join(', ')}`, 'RL_ERR_MODEL_STAGE');
  const current = await getModelVersion(db, version);
  if (current.stage === to) throw new RegistryError(`${version} is already ${to}`, 'RL_ERR_MODEL_STAGE');
  if (options.force && !options.reason?.trim()) {
    throw new RegistryError('--force needs --reason: a forced promotion must say why', 'RL_ERR_PROMOTION_GATE');
  }
  let gate: Omit<GateDecision, 'comparison'> | null = null;
  let previous: string | null = null;
  if (to === 'production') {
    const production = await productionVersion(db);
    previous = production.version;
    const candidateReport = await latestReport(db, version);
    const productionReport = candidateReport
      ? await latestReport(db, production.version, candidateReport.dataset)
      : undefined;
    let decision: Omit<GateDecision, 'comparison'>;
    if (!candidateReport || !productionReport) {
      decision = {
        passed: false,
        reasons: [
          `no evaluation reports of ${version} and ${production.version} on the same dataset (run: reviewlens eval summaries --model …)`,
        ],
      };
    } else {
      const { passed, reasons, comparison } = promotionGate(
        productionReport,
        candidateReport,
        options.policy ?? DEFAULT_GATE,
      );
      decision = { passed, reasons };
      void comparison;
    }
    gate = decision;
    if (!decision.passed && !options.force) {
      await audit(db, { version, action: 'promotion_refused', from: current.stage, to, detail: decision });
      throw new RegistryError(
        `promotion of ${version} to production refused by the gate: ${decision.reasons.join('; ')}`,
        'RL_ERR_PROMOTION_GATE',
      );
    }
    await db.transaction().execute(async (trx) => {
      await setStage(trx, production.version, 'archived');
      await audit(trx, {
        version: production.version,
        action: 'demote',
        from: 'production',
        to: 'archived',
        reason: `replaced by ${version}`,
      });
      await setStage(trx, version, 'production');
      await audit(trx, {
        version,
        action: 'promote',
        from: current.stage,
        to,
        forced: !decision.passed,
        reason: options.reason ?? null,
        detail: { gate: decision, previous_production: production.version },
      });
    });
  } else {
    if (current.stage === 'production') {
      throw new RegistryError(
        `${version} is in production: promote another version or roll back instead`,
        'RL_ERR_MODEL_STAGE',
      );
    }
    await setStage(db, version, to);
    await audit(db, { version, action: 'promote', from: current.stage, to, reason: options.reason ?? null });
  }
  return {
    version,
    from: current.stage,
    to,
    forced: gate !== null && !gate.passed,
    gate,
    previous_production: previous,
  };
}

/**
 * Restores the version that was in production before the current one (the most recent one demoted from
 * production); the current one is archived.
 */
export async function rollback(db: Db, reason: string | null = null): Promise<{ from: string; to: string }> {
  const current = await productionVersion(db);
  const demoted = await db
    .selectFrom('model_events')
    .select('version')
    .where('action', '=', 'demote')
    .where('from_stage', '=', 'production')
    .where('version', '!=', current.version)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!demoted) throw new RegistryError('no previous production version to roll back to', 'RL_ERR_NO_ROLLBACK_TARGET');
  await db.transaction().execute(async (trx) => {
    await setStage(trx, current.version, 'archived');
    await audit(trx, {
      version: current.version,
      action: 'rollback_demote',
      from: 'production',
      to: 'archived',
      reason,
    });
    await setStage(trx, demoted.version, 'production');
    await audit(trx, {
      version: demoted.version,
      action: 'rollback',
      to: 'production',
      reason,
      detail: { replaced: current.version },
    });
  });
  return { from: current.version, to: demoted.version };
}

export async function versionEvents(db: Db, version?: string) {
  let query = db.selectFrom('model_events').selectAll().orderBy('id');
  if (version) query = query.where('version', '=', version);
  return (await query.execute()).map((row) => ({ ...row, forced: row.forced === 1, detail: JSON.parse(row.detail) }));
}

export { latestReport };
