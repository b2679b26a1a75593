import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DASHBOARD_PATH, dashboardJson, prometheusRulesYaml, RULES_PATH } from './deploy-files.js';

// `npm run deploy:monitoring`: regenerates the committed Grafana dashboard and Prometheus rules.
for (const [path, body] of [
  [DASHBOARD_PATH, dashboardJson()],
  [RULES_PATH, prometheusRulesYaml()],
] as const) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, body);
  process.stdout.write(`${path}\n`);
}
