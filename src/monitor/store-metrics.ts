import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database>;

/** Re-read the store at most this often: Prometheus scrapes every 15–60 s, and several replicas may scrape. */
const SNAPSHOT_TTL_MS = 10_000;
/** Counts cover this window, so a scrape never scans all history. */
const WINDOW_MS = 24 * 3600 * 1000;

export interface CacheStats {
  readonly hits: number;
  readonly misses: number;
}

interface Snapshot {
  stageRuns: { kind: string; status: string; n: number }[];
  stageDuration: { kind: string; seconds: number }[];
  rejects: { reason: string; n: number }[];
  llmCalls: { outcome: string; n: number; latencyMs: number; promptTokens: number; completionTokens: number }[];
  outcomes: { outcome: string; n: number }[];
  verificationFailures: Map<string, number>;
  alerts: { severity: string; key: string }[];
  quality: Record<string, unknown> | null;
  drift: Record<string, unknown> | null;
  queue: { refreshRequests: number; runningRuns: number };
}

/** Problem codes look like `unsupported:pros.0:0.21`; the part before the first colon is the reason. */
const reasonOf = (code: string) => code.replace(/^fallback:/, '').split(':')[0] ?? code;

async function readSnapshot(db: Db): Promise<Snapshot> {
  const since = new Date(Date.now() - WINDOW_MS).toISOString();
  const runs = await db
    .selectFrom('runs')
    .select(['kind', 'status', 'started_at', 'finished_at'])
    .where('started_at', '>=', since)
    .orderBy('started_at')
    .execute();
  const stageRuns = new Map<string, number>();
  const lastDuration = new Map<string, number>();
  for (const run of runs) {
    const key = `${run.kind}\u0000${run.status}`;
    stageRuns.set(key, (stageRuns.get(key) ?? 0) + 1);
    if (run.finished_at) lastDuration.set(run.kind, (Date.parse(run.finished_at) - Date.parse(run.started_at)) / 1000);
  }
  const rejects = await db
    .selectFrom('rejects')
    .select(({ fn }) => ['reason', fn.countAll<number>().as('n')])
    .where('created_at', '>=', since)
    .groupBy('reason')
    .execute();
  const llmCalls = await db
    .selectFrom('llm_calls')
    .select(({ fn }) => [
      'outcome',
      fn.countAll<number>().as('n'),
      fn.sum<number>('latency_ms').as('latency'),
      fn.sum<number>('prompt_tokens').as('prompt'),
      fn.sum<number>('completion_tokens').as('completion'),
    ])
    .where('created_at', '>=', since)
    .groupBy('outcome')
    .execute();
  const outcomes = await db
    .selectFrom('summary_outcomes')
    .select(({ fn }) => ['outcome', fn.countAll<number>().as('n')])
    .where('created_at', '>=', since)
    .groupBy('outcome')
    .execute();
  const reasonRows = await db
    .selectFrom('summary_outcomes')
    .select('reasons')
    .where('created_at', '>=', since)
    .where('reasons', '!=', '[]')
    .execute();
  const verificationFailures = new Map<string, number>();
  for (const row of reasonRows)
    for (const code of JSON.parse(row.reasons) as string[])
      verificationFailures.set(reasonOf(code), (verificationFailures.get(reasonOf(code)) ?? 0) + 1);
  const alerts = await db
    .selectFrom('alerts')
    .select(['severity', 'alert_key'])
    .where('state', '=', 'firing')
    .execute();
  const latest = async (kind: string) => {
    const row = await db
      .selectFrom('monitor_results')
      .select('result')
      .where('kind', '=', kind)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row ? (JSON.parse(row.result) as Record<string, unknown>) : null;
  };
  const refresh = await db
    .selectFrom('summary_refresh_requests')
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return {
    stageRuns: [...stageRuns.entries()].map(([key, n]) => {
      const [kind, status] = key.split('\u0000') as [string, string];
      return { kind, status, n };
    }),
    stageDuration: [...lastDuration.entries()].map(([kind, seconds]) => ({ kind, seconds })),
    rejects: rejects.map((r) => ({ reason: r.reason, n: Number(r.n) })),
    llmCalls: llmCalls.map((r) => ({
      outcome: r.outcome,
      n: Number(r.n),
      latencyMs: Number(r.latency ?? 0),
      promptTokens: Number(r.prompt ?? 0),
      completionTokens: Number(r.completion ?? 0),
    })),
    outcomes: outcomes.map((r) => ({ outcome: r.outcome, n: Number(r.n) })),
    verificationFailures,
    alerts: alerts.map((a) => ({ severity: a.severity, key: a.alert_key })),
    quality: await latest('quality'),
    drift: await latest('drift'),
    queue: { refreshRequests: Number(refresh?.n ?? 0), runningRuns: runs.filter((r) => r.status === 'running').length },
  };
}

/**
 * Pipeline, LLM, verification, quality and drift metrics for `/metrics`. The batch stages run in other
 * processes (CLI, BullMQ workers) and already write what they did to the store (runs, rejects, llm_calls,
 * summary_outcomes, monitor_results), so the API exposes those tables as gauges over the last 24 hours
 * instead of every worker running its own metrics endpoint. Read at scrape time, cached for 10 s.
 */
export function registerStoreMetrics(registry: Registry, db: Db, cacheStats?: () => CacheStats): void {
  let cached: { at: number; snapshot: Promise<Snapshot> } | undefined;
  const snapshot = () => {
    if (!cached || Date.now() - cached.at > SNAPSHOT_TTL_MS) cached = { at: Date.now(), snapshot: readSnapshot(db) };
    return cached.snapshot;
  };
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    fill: (g: Gauge<L>, s: Snapshot) => void,
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const s = await snapshot();
        this.reset();
        fill(this, s);
      },
    });

  gauge(
    'reviewlens_stage_runs',
    'Stage runs started in the last 24 h by kind and status',
    ['kind', 'status'],
    (g, s) => {
      for (const r of s.stageRuns) g.set({ kind: r.kind, status: r.status }, r.n);
    },
  );
  gauge('reviewlens_stage_last_duration_seconds', 'Duration of the latest finished run per stage', ['kind'], (g, s) => {
    for (const r of s.stageDuration) g.set({ kind: r.kind }, r.seconds);
  });
  gauge('reviewlens_rejects', 'Rejected input records in the last 24 h by reason', ['reason'], (g, s) => {
    for (const r of s.rejects) g.set({ reason: r.reason }, r.n);
  });
  gauge('reviewlens_llm_calls', 'LLM calls in the last 24 h by outcome', ['outcome'], (g, s) => {
    for (const r of s.llmCalls) g.set({ outcome: r.outcome }, r.n);
  });
  gauge('reviewlens_llm_latency_seconds_avg', 'Mean LLM call latency in the last 24 h', [], (g, s) => {
    const n = s.llmCalls.reduce((a, r) => a + r.n, 0);
    g.set(n === 0 ? 0 : s.llmCalls.reduce((a, r) => a + r.latencyMs, 0) / n / 1000);
  });
  gauge('reviewlens_llm_tokens', 'LLM tokens in the last 24 h by kind', ['kind'], (g, s) => {
    g.set(
      { kind: 'prompt' },
      s.llmCalls.reduce((a, r) => a + r.promptTokens, 0),
    );
    g.set(
      { kind: 'completion' },
      s.llmCalls.reduce((a, r) => a + r.completionTokens, 0),
    );
  });
  gauge('reviewlens_summary_outcomes', 'Summaries produced in the last 24 h by outcome', ['outcome'], (g, s) => {
    for (const r of s.outcomes) g.set({ outcome: r.outcome }, r.n);
  });
  gauge(
    'reviewlens_fallback_ratio',
    'Share of summaries in the last 24 h published by the built-in fallback',
    [],
    (g, s) => {
      const n = s.outcomes.reduce((a, r) => a + r.n, 0);
      g.set(n === 0 ? 0 : (s.outcomes.find((r) => r.outcome === 'fallback_builtin')?.n ?? 0) / n);
    },
  );
  gauge('reviewlens_verification_failures', 'Verification problems in the last 24 h by reason', ['reason'], (g, s) => {
    for (const [reason, n] of s.verificationFailures) g.set({ reason }, n);
  });
  gauge('reviewlens_alerts_firing', 'Firing alerts (1 per alert)', ['key', 'severity'], (g, s) => {
    for (const a of s.alerts) g.set({ key: a.key, severity: a.severity }, 1);
  });
  gauge('reviewlens_quality', 'Latest quality monitor result by metric', ['metric'], (g, s) => {
    for (const metric of ['faithfulness', 'toxic_share', 'format_failure_share', 'pii_outputs', 'fallback_share']) {
      const value = s.quality?.[metric];
      if (typeof value === 'number') g.set({ metric }, value);
    }
    // Present only when the quality job ran with the LLM judge.
    const judge = s.quality?.judge as Record<string, unknown> | null | undefined;
    for (const metric of ['faithfulness', 'context_precision', 'coherence']) {
      const value = judge?.[metric];
      if (typeof value === 'number') g.set({ metric: `judge_${metric}` }, value);
    }
  });
  gauge('reviewlens_drift', 'Latest drift job result by measure', ['measure'], (g, s) => {
    const psi = s.drift?.maxEmbeddingPsi;
    if (typeof psi === 'number') g.set({ measure: 'max_embedding_psi' }, psi);
    const volume = s.drift?.volumeRatio;
    if (typeof volume === 'number') g.set({ measure: 'volume_ratio' }, volume);
  });
  gauge(
    'reviewlens_queue_depth',
    'Pending work: stale-summary refresh requests and running stage runs',
    ['queue'],
    (g, s) => {
      g.set({ queue: 'refresh_requests' }, s.queue.refreshRequests);
      g.set({ queue: 'running_runs' }, s.queue.runningRuns);
    },
  );
  if (cacheStats) {
    gauge('reviewlens_summary_cache_hit_ratio', 'Summary LRU hits / lookups in this process', [], (g) => {
      const { hits, misses } = cacheStats();
      g.set(hits + misses === 0 ? 0 : hits / (hits + misses));
    });
  }
}
