import type { Kysely } from 'kysely';
import type { AlertsTable, Database } from '../store/schema.js';
import type { AlertNotice, AlertSink } from './alert-sinks.js';

type Db = Kysely<Database>;

/** A condition a monitoring job found true in this run. */
export interface AlertCondition {
  readonly key: string;
  readonly severity: 'warning' | 'critical';
  readonly summary: string;
  readonly detail: Record<string, unknown>;
}

export interface ReconcileResult {
  readonly fired: string[];
  readonly stillFiring: string[];
  readonly resolved: string[];
  readonly deliveryErrors: string[];
}

const noticeOf = (row: Omit<AlertsTable, 'id'>, at: string): AlertNotice => ({
  key: row.alert_key,
  source: row.source,
  severity: row.severity as AlertNotice['severity'],
  state: row.state,
  summary: row.summary,
  detail: JSON.parse(row.detail),
  at,
});

/**
 * Makes the stored alerts of one source match what its latest run found: new conditions fire (and notify),
 * conditions that were already firing are deduplicated (occurrences +1, no notification), and firing alerts
 * of this source whose condition is gone resolve (and notify). The job that raises an alert is the only one
 * that can resolve it, so a quality run never resolves a drift alert.
 */
export async function reconcileAlerts(
  db: Db,
  source: string,
  conditions: readonly AlertCondition[],
  sinks: readonly AlertSink[],
  now = new Date(),
): Promise<ReconcileResult> {
  const at = now.toISOString();
  const open = await db
    .selectFrom('alerts')
    .selectAll()
    .where('source', '=', source)
    .where('state', '=', 'firing')
    .execute();
  const openByKey = new Map(open.map((row) => [row.alert_key, row]));
  const notices: AlertNotice[] = [];
  const result: ReconcileResult = { fired: [], stillFiring: [], resolved: [], deliveryErrors: [] };
  for (const condition of conditions) {
    const existing = openByKey.get(condition.key);
    const detail = JSON.stringify(condition.detail);
    if (existing) {
      await db
        .updateTable('alerts')
        .set({ occurrences: existing.occurrences + 1, last_seen_at: at, detail, summary: condition.summary })
        .where('id', '=', existing.id)
        .execute();
      result.stillFiring.push(condition.key);
      continue;
    }
    const row = {
      alert_key: condition.key,
      source,
      severity: condition.severity,
      state: 'firing' as const,
      summary: condition.summary,
      detail,
      occurrences: 1,
      fired_at: at,
      last_seen_at: at,
      resolved_at: null,
    };
    await db.insertInto('alerts').values(row).execute();
    notices.push(noticeOf(row, at));
    result.fired.push(condition.key);
  }
  const current = new Set(conditions.map((c) => c.key));
  for (const row of open) {
    if (current.has(row.alert_key)) continue;
    await db.updateTable('alerts').set({ state: 'resolved', resolved_at: at }).where('id', '=', row.id).execute();
    notices.push(noticeOf({ ...row, state: 'resolved' }, at));
    result.resolved.push(row.alert_key);
  }
  // Delivery failures are reported, not thrown: the alert is stored either way and shows in `reviewlens alerts`.
  for (const notice of notices) {
    for (const sink of sinks) {
      try {
        await sink.send(notice);
      } catch (error) {
        result.deliveryErrors.push(`${sink.name}: ${(error as Error).message}`);
      }
    }
  }
  return result;
}

export interface AlertView {
  readonly id: number;
  readonly key: string;
  readonly source: string;
  readonly severity: string;
  readonly state: string;
  readonly summary: string;
  readonly occurrences: number;
  readonly firedAt: string;
  readonly resolvedAt: string | null;
  readonly detail: Record<string, unknown>;
}

export async function listAlerts(db: Db, options: { state?: 'firing' | 'resolved'; limit?: number } = {}) {
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100);
  if (options.state) query = query.where('state', '=', options.state);
  const rows = await query.execute();
  return rows.map(
    (row): AlertView => ({
      id: row.id,
      key: row.alert_key,
      source: row.source,
      severity: row.severity,
      state: row.state,
      summary: row.summary,
      occurrences: row.occurrences,
      firedAt: row.fired_at,
      resolvedAt: row.resolved_at,
      detail: JSON.parse(row.detail),
    }),
  );
}

/**
 * A firing critical alert pauses publishing when REVIEWLENS_PAUSE_ON_CRITICAL=1: the orchestrated summarize
 * step checks this before it runs, so a model leaking PII stops reaching shoppers until someone looks.
 */
export async function publishingPaused(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.REVIEWLENS_PAUSE_ON_CRITICAL !== '1') return null;
  const critical = await db
    .selectFrom('alerts')
    .select('alert_key')
    .where('state', '=', 'firing')
    .where('severity', '=', 'critical')
    .executeTakeFirst();
  return critical?.alert_key ?? null;
}

export async function recordMonitorResult(db: Db, runId: string, kind: string, result: object): Promise<void> {
  await db
    .insertInto('monitor_results')
    .values({ run_id: runId, kind, result: JSON.stringify(result), created_at: new Date().toISOString() })
    .execute();
}
