import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildServer } from '../serve/server.js';
import type { Store } from '../store/store.js';
import { tempStore } from '../test-support/temp-store.js';
import {
  ALERT_RULES,
  DASHBOARD_PATH,
  dashboardJson,
  grafanaDashboard,
  prometheusRulesYaml,
  RULES_PATH,
} from './deploy-files.js';

let store: Store;
let cleanup: () => Promise<void>;
let exposed: Set<string>;
beforeAll(async () => {
  ({ store, cleanup } = await tempStore());
  const app = buildServer(store.db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  await app.close();
  exposed = new Set([...text.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
});
afterAll(async () => cleanup());

/** The subset of Grafana's dashboard JSON model an import checks: ids, layout, datasource-bound queries. */
const DashboardSchema = z.object({
  uid: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/),
  title: z.string().min(1),
  schemaVersion: z.number().int().min(36),
  time: z.object({ from: z.string(), to: z.string() }),
  templating: z.object({ list: z.array(z.unknown()) }),
  panels: z.array(
    z.object({
      id: z.number().int().positive(),
      type: z.enum(['timeseries', 'stat']),
      title: z.string().min(1),
      gridPos: z.object({
        h: z.number().int().positive(),
        w: z.number().int().min(1).max(24),
        x: z.number().int().min(0).max(23),
        y: z.number().int().min(0),
      }),
      datasource: z.object({ type: z.literal('prometheus'), uid: z.string() }),
      targets: z.array(z.object({ refId: z.string().regex(/^[A-Z]$/), expr: z.string().min(1) })).min(1),
    }),
  ),
});

const metricNames = (expr: string) =>
  [...expr.replace(/\{[^}]*\}/g, '').matchAll(/\breviewlens_[a-z_]+/g)].map((m) =>
    m[0].replace(/_(bucket|sum|count)$/, ''),
  );

describe('deploy files', () => {
  it('the committed dashboard and rules are the generated ones (npm run deploy:monitoring)', () => {
    expect(readFileSync(DASHBOARD_PATH, 'utf8')).toBe(dashboardJson());
    expect(readFileSync(RULES_PATH, 'utf8')).toBe(prometheusRulesYaml());
  });

  it('the dashboard matches the dashboard model: unique ids, panels within the 24-column grid', () => {
    const dashboard = DashboardSchema.parse(grafanaDashboard());
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
  });

  it('every dashboard query and alert rule names a metric /metrics exposes', () => {
    const exprs = [
      ...DashboardSchema.parse(grafanaDashboard()).panels.flatMap((p) => p.targets.map((t) => t.expr)),
      ...ALERT_RULES.map((r) => r.expr),
    ];
    const missing = exprs.flatMap(metricNames).filter((name) => !exposed.has(name));
    expect(missing).toEqual([]);
    expect(exposed.has('reviewlens_quality')).toBe(true);
  });

  it('alert rules have unique names and valid durations', () => {
    expect(new Set(ALERT_RULES.map((r) => r.alert)).size).toBe(ALERT_RULES.length);
    for (const rule of ALERT_RULES) expect(rule.for).toMatch(/^\d+[smh]$/);
  });
});
