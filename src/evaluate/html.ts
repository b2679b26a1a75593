import { escapeHtml } from '../serve/html.js';
import { JUDGE_METRICS } from './judge/judge-metrics.js';
import { AGGREGATED_METRICS, type EvalReport } from './report.js';

const fmt = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '–' : v.toFixed(digits));

/** A self-contained HTML page: aggregate table with intervals, a bar chart of ROUGE, per-entity table. */
export function renderReportHtml(report: EvalReport): string {
  const rows = [...AGGREGATED_METRICS, ...(report.judge ? JUDGE_METRICS : [])]
    .map((m) => {
      const ci = report.ci95[m];
      return `<tr><td>${m}</td><td>${fmt(report.aggregate[m], 3)}</td><td>${ci ? `${fmt(ci[0], 3)} – ${fmt(ci[1], 3)}` : '–'}</td></tr>`;
    })
    .join('');
  const bars = (['rouge1', 'rouge2', 'rougeL', 'rougeLsum'] as const)
    .map((m, i) => {
      const value = report.aggregate[m] ?? 0;
      return `<g transform="translate(0,${i * 28})"><text x="0" y="16">${m}</text><rect x="90" y="2" height="18" width="${(value * 4).toFixed(1)}" fill="#3b6ea5"/><text x="${(95 + value * 4).toFixed(1)}" y="16">${fmt(value)}</text></g>`;
    })
    .join('');
  const entities = report.entities
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.entity_id)}</td><td>${fmt(e.rouge1)}</td><td>${fmt(e.rouge2)}</td><td>${fmt(e.rougeL)}</td><td>${fmt(e.faithfulness)}</td><td>${fmt(e.balance_gap)}</td><td class="t">${escapeHtml(e.summary_text).replace(/\n/g, '<br>')}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.model)} on ${escapeHtml(report.dataset)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}.t{max-width:40rem;font-size:12px}</style></head>
<body><h1>${escapeHtml(report.model)} on ${escapeHtml(report.dataset)}</h1>
<p>${report.n_entities} entities, ${report.n_failed} without a summary. ROUGE F1 × 100 (tokenizer ${report.rouge.tokenizer}, stemming ${report.rouge.stem ? 'on' : 'off'}, mean over references).</p>
<svg width="520" height="115" role="img" aria-label="ROUGE scores">${bars}</svg>
<h2>Aggregate (95% bootstrap CI)</h2><table><tr><th>metric</th><th>mean</th><th>95% CI</th></tr>${rows}</table>
<h2>Entities</h2><table><tr><th>entity</th><th>R1</th><th>R2</th><th>RL</th><th>faithfulness</th><th>balance gap</th><th>summary_text</th></tr>${entities}</table>
</body></html>
`;
}
