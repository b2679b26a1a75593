import { type Kysely, sql } from 'kysely';
import { type ExperimentReport, experimentReport } from '../experiment/report.js';
import { listExperiments } from '../store/experiments.js';
import { activePolarityModelInfo } from '../store/polarity-models.js';
import type { Database } from '../store/schema.js';

export interface Alert {
  readonly severity: 'warning' | 'critical';
  readonly code: string;
  readonly message: string;
}

export interface DashboardData {
  readonly generated_at: string;
  readonly runs: {
    run_id: string;
    kind: string;
    status: string;
    started_at: string;
    seconds: number | null;
    counts: Record<string, unknown>;
    error: string | null;
  }[];
  readonly rejects_by_reason: { reason: string; count: number }[];
  readonly daily: { day: string; summaries: number; feedback: number; helpful: number; impressions: number }[];
  readonly model_versions: { model_version: string; products: number; latest: string; stage: string }[];
  readonly experiments: ExperimentReport[];
  readonly alerts: Alert[];
  /** Recent quality and drift runs (src/monitor), oldest first, for the charts. */
  readonly monitoring: { kind: string; at: string; value: number | null }[];
  /** The trained sentence-polarity model chunks are scored with (null: the lexicon), and its training report. */
  readonly polarity_model: { model_id: string; created_at: string; report: Record<string, unknown> } | null;
}

const DAY = 86_400_000;

function byDay<T extends { day: string | null }>(
  rows: readonly T[],
  pick: (row: T) => number,
  into: Map<string, Record<string, number>>,
  field: string,
) {
  for (const row of rows) {
    if (!row.day) continue;
    const entry = into.get(row.day) ?? {};
    entry[field] = pick(row);
    into.set(row.day, entry);
  }
}

/** Everything the ops dashboard shows, computed from the store on request (the dashboard is not a hot path). */
export async function dashboardData(db: Kysely<Database>, now = new Date()): Promise<DashboardData> {
  const since = new Date(now.getTime() - 30 * DAY).toISOString();
  const runs = await db.selectFrom('runs').selectAll().orderBy('started_at', 'desc').limit(50).execute();
  const rejects = await db
    .selectFrom('rejects')
    .select('reason')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .groupBy('reason')
    .orderBy('n', 'desc')
    .execute();

  const day = (column: string) => `substr(${column}, 1, 10)`;
  const summaries = await db
    .selectFrom('summaries')
    .select(sql<string>`${sql.raw(day('generated_at'))}`.as('day'))
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('generated_at', '>=', since)
    .groupBy(sql.raw(day('generated_at')))
    .execute();
  const events = await db
    .selectFrom('events')
    .select(sql<string>`${sql.raw(day('created_at'))}`.as('day'))
    .select('type')
    .select(({ fn }) => [fn.countAll<number>().as('n'), fn.sum<number>('helpful').as('yes')])
    .where('created_at', '>=', since)
    .where('type', 'in', ['feedback', 'impression'])
    .groupBy([sql.raw(day('created_at')), 'type'])
    .execute();
  const daily = new Map<string, Record<string, number>>();
  byDay(summaries, (r) => Number(r.n), daily, 'summaries');
  byDay(
    events.filter((e) => e.type === 'feedback'),
    (r) => Number(r.n),
    daily,
    'feedback',
  );
  byDay(
    events.filter((e) => e.type === 'feedback'),
    (r) => Number(r.yes ?? 0),
    daily,
    'helpful',
  );
  byDay(
    events.filter((e) => e.type === 'impression'),
    (r) => Number(r.n),
    daily,
    'impressions',
  );

  const experiments = await listExperiments(db);
  const running = experiments.find((e) => e.status === 'running');
  const versions = await db
    .selectFrom('summaries')
    .select('model_version')
    .select(({ fn }) => [fn.count<number>('product_id').distinct().as('products'), fn.max('generated_at').as('latest')])
    .groupBy('model_version')
    .execute();
  const stageOf = (version: string) =>
    running?.champion === version ? 'champion' : running?.challenger === version ? 'challenger' : 'stored';

  const reports = await Promise.all(experiments.slice(0, 5).map((e) => experimentReport(db, e.name)));

  const alerts: Alert[] = [];
  const recentFailures = runs.filter(
    (r) => r.status === 'failed' && r.started_at >= new Date(now.getTime() - DAY).toISOString(),
  );
  if (recentFailures.length > 0) {
    alerts.push({
      severity: 'critical',
      code: 'run_failed',
      message: `${recentFailures.length} failed run(s) in the last 24 h`,
    });
  }
  const lastIngest = runs.find((r) => (r.kind === 'ingest' || r.kind === 'pipeline') && r.status === 'succeeded');
  const ingestCounts = lastIngest ? (JSON.parse(lastIngest.counts) as Record<string, number>) : {};
  if (ingestCounts.reviews_read && (ingestCounts.reviews_rejected ?? 0) / ingestCounts.reviews_read > 0.05) {
    alerts.push({
      severity: 'warning',
      code: 'reject_rate',
      message: `last ingest rejected ${ingestCounts.reviews_rejected} of ${ingestCounts.reviews_read} records (> 5%)`,
    });
  }
  const stale = await db
    .selectFrom('summary_refresh_requests')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where('requested_at', '>=', new Date(now.getTime() - DAY).toISOString())
    .executeTakeFirst();
  if (Number(stale?.n ?? 0) > 0) {
    alerts.push({
      severity: 'warning',
      code: 'stale_summaries',
      message: `${stale?.n} stale summaries served in the last 24 h and queued for refresh`,
    });
  }
  const week = [...daily.entries()].filter(([d]) => d >= new Date(now.getTime() - 7 * DAY).toISOString().slice(0, 10));
  const feedback = week.reduce((s, [, v]) => s + (v.feedback ?? 0), 0);
  const helpful = week.reduce((s, [, v]) => s + (v.helpful ?? 0), 0);
  if (feedback >= 30 && helpful / feedback < 0.5) {
    alerts.push({
      severity: 'warning',
      code: 'helpful_rate',
      message: `helpful rate ${((helpful / feedback) * 100).toFixed(1)}% over the last 7 days (< 50%)`,
    });
  }

  // Stored monitoring alerts (src/monitor) that are firing right now.
  const firing = await db
    .selectFrom('alerts')
    .select(['severity', 'alert_key', 'summary'])
    .where('state', '=', 'firing')
    .orderBy('id', 'desc')
    .execute();
  for (const a of firing)
    alerts.push({
      severity: a.severity === 'critical' ? 'critical' : 'warning',
      code: a.alert_key,
      message: a.summary,
    });
  const results = await db
    .selectFrom('monitor_results')
    .select(['kind', 'result', 'created_at'])
    .where('kind', 'in', ['quality', 'drift'])
    .orderBy('id', 'desc')
    .limit(60)
    .execute();
  const monitoring = results.reverse().map((r) => {
    const result = JSON.parse(r.result) as { faithfulness?: number | null; maxEmbeddingPsi?: number | null };
    const value = r.kind === 'quality' ? result.faithfulness : result.maxEmbeddingPsi;
    return { kind: r.kind, at: r.created_at, value: typeof value === 'number' ? value : null };
  });

  return {
    generated_at: now.toISOString(),
    monitoring,
    runs: runs.map((r) => ({
      run_id: r.run_id,
      kind: r.kind,
      status: r.status,
      started_at: r.started_at,
      seconds: r.finished_at ? (Date.parse(r.finished_at) - Date.parse(r.started_at)) / 1000 : null,
      counts: JSON.parse(r.counts) as Record<string, unknown>,
      error: r.error,
    })),
    rejects_by_reason: rejects.map((r) => ({ reason: r.reason, count: Number(r.n) })),
    daily: [...daily.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([d, v]) => ({
        day: d,
        summaries: v.summaries ?? 0,
        feedback: v.feedback ?? 0,
        helpful: v.helpful ?? 0,
        impressions: v.impressions ?? 0,
      })),
    model_versions: versions.map((v) => ({
      model_version: v.model_version,
      products: Number(v.products),
      latest: String(v.latest),
      stage: stageOf(v.model_version),
    })),
    experiments: reports,
    alerts,
    polarity_model: await activePolarityModelInfo(db),
  };
}
