import type { Dashboard, ThresholdsMode } from '@grafana/schema';

/**
 * The Grafana dashboard and Prometheus alert rules, written as data so a test can check that every query
 * names a metric the API really exposes; `npm run deploy:monitoring` writes them to deploy/.
 */

// Grafana's import placeholder for the data source the user picks (a literal `${…}`, not a JS template).
const DS = { type: 'prometheus', uid: ['$', '{DS_PROMETHEUS}'].join('') } as const;

interface PanelSpec {
  readonly title: string;
  readonly type: 'timeseries' | 'stat';
  readonly exprs: readonly { expr: string; legend?: string }[];
  readonly unit?: string;
  readonly thresholds?: readonly { value: number; color: string }[];
}

const PANELS: readonly PanelSpec[] = [
  {
    title: 'API p99 latency by route',
    type: 'timeseries',
    unit: 's',
    exprs: [
      {
        expr: 'histogram_quantile(0.99, sum by (le, route) (rate(reviewlens_http_request_duration_seconds_bucket[5m])))',
        legend: '{{route}}',
      },
    ],
  },
  {
    title: 'API requests by status',
    type: 'timeseries',
    unit: 'reqps',
    exprs: [{ expr: 'sum by (status) (rate(reviewlens_http_requests_total[5m]))', legend: '{{status}}' }],
  },
  {
    title: 'Stage runs (24 h)',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_stage_runs', legend: '{{kind}} {{status}}' }],
  },
  {
    title: 'Latest stage duration',
    type: 'timeseries',
    unit: 's',
    exprs: [{ expr: 'reviewlens_stage_last_duration_seconds', legend: '{{kind}}' }],
  },
  {
    title: 'Rejects by reason (24 h)',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_rejects', legend: '{{reason}}' }],
  },
  {
    title: 'LLM calls by outcome (24 h)',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_llm_calls', legend: '{{outcome}}' }],
  },
  {
    title: 'LLM latency and tokens',
    type: 'timeseries',
    exprs: [
      { expr: 'reviewlens_llm_latency_seconds_avg', legend: 'mean latency (s)' },
      { expr: 'reviewlens_llm_tokens', legend: '{{kind}} tokens' },
    ],
  },
  {
    title: 'Verification failures by reason (24 h)',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_verification_failures', legend: '{{reason}}' }],
  },
  {
    title: 'Fallback ratio',
    type: 'stat',
    unit: 'percentunit',
    exprs: [{ expr: 'reviewlens_fallback_ratio' }],
    thresholds: [
      { value: 0, color: 'green' },
      { value: 0.2, color: 'red' },
    ],
  },
  {
    title: 'Summary cache hit ratio',
    type: 'stat',
    unit: 'percentunit',
    exprs: [{ expr: 'avg(reviewlens_summary_cache_hit_ratio)' }],
  },
  {
    title: 'Quality (latest sampled run)',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_quality', legend: '{{metric}}' }],
  },
  {
    title: 'Drift: max embedding PSI and volume ratio',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_drift', legend: '{{measure}}' }],
    thresholds: [
      { value: 0, color: 'green' },
      { value: 0.25, color: 'red' },
    ],
  },
  {
    title: 'Firing alerts',
    type: 'stat',
    exprs: [{ expr: 'sum by (severity) (reviewlens_alerts_firing)', legend: '{{severity}}' }],
  },
  {
    title: 'Queue depth',
    type: 'timeseries',
    exprs: [{ expr: 'reviewlens_queue_depth', legend: '{{queue}}' }],
  },
];

/**
 * Grafana's own dashboard model (@grafana/schema, generated from Grafana's CUE schema; a type-only dev
 * dependency), so `npm run typecheck` rejects a dashboard Grafana's import would not understand. `__inputs` and
 * `__requires` are the export/import envelope Grafana adds around the model.
 */
export type GrafanaDashboardImport = Dashboard & {
  readonly __inputs: readonly Record<string, string>[];
  readonly __requires: readonly Record<string, string>[];
};

export function grafanaDashboard(): GrafanaDashboardImport {
  return {
    __inputs: [
      {
        name: 'DS_PROMETHEUS',
        label: 'Prometheus',
        type: 'datasource',
        pluginId: 'prometheus',
        pluginName: 'Prometheus',
      },
    ],
    __requires: [
      { type: 'grafana', id: 'grafana', name: 'Grafana', version: '10.0.0' },
      { type: 'datasource', id: 'prometheus', name: 'Prometheus', version: '1.0.0' },
      { type: 'panel', id: 'timeseries', name: 'Time series', version: '' },
      { type: 'panel', id: 'stat', name: 'Stat', version: '' },
    ],
    uid: 'reviewlens-overview',
    title: 'reviewlens — pipeline, LLM, quality and drift',
    tags: ['reviewlens'],
    timezone: 'utc',
    schemaVersion: 39,
    version: 1,
    editable: true,
    refresh: '1m',
    time: { from: 'now-7d', to: 'now' },
    annotations: { list: [] },
    templating: { list: [] },
    panels: PANELS.map((panel, i) => ({
      id: i + 1,
      type: panel.type,
      title: panel.title,
      datasource: DS,
      gridPos: { h: 8, w: 12, x: (i % 2) * 12, y: Math.floor(i / 2) * 8 },
      fieldConfig: {
        defaults: {
          unit: panel.unit ?? 'short',
          thresholds: {
            mode: 'absolute' as ThresholdsMode, // the enum's value; a type-only import keeps @grafana/schema out of the runtime
            steps: (panel.thresholds ?? [{ value: 0, color: 'green' }]).map((t, j) => ({
              color: t.color,
              value: j === 0 ? null : t.value,
            })),
          },
        },
        overrides: [],
      },
      options: {},
      targets: panel.exprs.map((e, j) => ({
        refId: String.fromCharCode(65 + j),
        datasource: DS,
        expr: e.expr,
        legendFormat: e.legend ?? '__auto',
      })),
    })),
  };
}

export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly severity: 'warning' | 'critical';
  readonly summary: string;
}

/** Prometheus mirrors of the stored alerts plus system alerts only metrics can see. */
export const ALERT_RULES: readonly AlertRule[] = [
  {
    alert: 'ReviewlensFaithfulnessLow',
    expr: 'reviewlens_quality{metric="faithfulness"} < 0.95',
    for: '0m',
    severity: 'warning',
    summary: 'Sampled summary faithfulness below 0.95',
  },
  {
    alert: 'ReviewlensToxicOutputs',
    expr: 'reviewlens_quality{metric="toxic_share"} > 0.001',
    for: '0m',
    severity: 'warning',
    summary: 'More than 0.1% of sampled summaries contain toxic terms',
  },
  {
    alert: 'ReviewlensFormatFailures',
    expr: 'reviewlens_quality{metric="format_failure_share"} > 0.01',
    for: '0m',
    severity: 'warning',
    summary: 'More than 1% of sampled summaries fail the format checks',
  },
  {
    alert: 'ReviewlensPiiInSummaries',
    expr: 'reviewlens_quality{metric="pii_outputs"} > 0',
    for: '0m',
    severity: 'critical',
    summary: 'Sampled summaries contain PII',
  },
  {
    alert: 'ReviewlensEmbeddingDrift',
    expr: 'reviewlens_drift{measure="max_embedding_psi"} > 0.25',
    for: '0m',
    severity: 'warning',
    summary: 'Embedding PSI against the baseline above 0.25',
  },
  {
    alert: 'ReviewlensStoredAlertFiring',
    expr: 'reviewlens_alerts_firing == 1',
    for: '0m',
    severity: 'warning',
    summary: 'A reviewlens monitoring alert is firing ({{ $labels.key }}, {{ $labels.severity }})',
  },
  {
    alert: 'ReviewlensFallbackRateHigh',
    expr: 'reviewlens_fallback_ratio > 0.2',
    for: '30m',
    severity: 'warning',
    summary: 'More than 20% of summaries fell back to the built-in summarizer',
  },
  {
    alert: 'ReviewlensLlmErrorRateHigh',
    expr: 'sum(reviewlens_llm_calls{outcome!="ok"}) / clamp_min(sum(reviewlens_llm_calls), 1) > 0.1',
    for: '30m',
    severity: 'warning',
    summary: 'More than 10% of LLM calls failed in the last 24 h',
  },
  {
    alert: 'ReviewlensStageFailed',
    expr: 'reviewlens_stage_runs{status="failed"} > 0',
    for: '0m',
    severity: 'warning',
    summary: 'A {{ $labels.kind }} run failed in the last 24 h',
  },
  {
    alert: 'ReviewlensSummaryLatencyHigh',
    expr: 'histogram_quantile(0.99, sum by (le) (rate(reviewlens_http_request_duration_seconds_bucket{route="/v1/products/:id/summary"}[5m]))) > 0.05',
    for: '10m',
    severity: 'warning',
    summary: 'Summary API p99 latency above 50 ms',
  },
];

/** YAML by hand (JSON strings are valid YAML scalars): no YAML library is a dependency. */
export function prometheusRulesYaml(): string {
  const lines = [
    '# Generated by `npm run deploy:monitoring` from src/monitor/deploy-files.ts — edit there.',
    'groups:',
  ];
  lines.push('  - name: reviewlens', '    rules:');
  for (const rule of ALERT_RULES) {
    lines.push(
      `      - alert: ${rule.alert}`,
      `        expr: ${JSON.stringify(rule.expr)}`,
      `        for: ${rule.for}`,
      '        labels:',
      `          severity: ${rule.severity}`,
      '        annotations:',
      `          summary: ${JSON.stringify(rule.summary)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

export const DASHBOARD_PATH = 'deploy/grafana/reviewlens-dashboard.json';
export const RULES_PATH = 'deploy/prometheus/reviewlens-alerts.yml';

export const dashboardJson = () => `${JSON.stringify(grafanaDashboard(), null, 2)}\n`;
