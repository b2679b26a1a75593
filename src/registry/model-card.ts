import type { EntityResult, EvalReport } from '../evaluate/report.js';
import type { ModelVersion } from './model-version.js';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(2));
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Products whose reviewers disagree: at least 30% negative and 30% positive (≥ 4 stars can't be read here, so ≥ 30% negative and ≤ 70%). */
const polarized = (e: EntityResult) => e.reviews_negative_share >= 0.3 && e.reviews_negative_share <= 0.7;

function sliceRows(report: EvalReport): string[] {
  const slices = new Map<string, EntityResult[]>();
  const add = (name: string, e: EntityResult) => slices.set(name, [...(slices.get(name) ?? []), e]);
  for (const e of report.entities) {
    add('all', e);
    add(`category=${e.category ?? 'none'}`, e);
    add(polarized(e) ? 'polarized' : 'not polarized', e);
  }
  return [...slices.entries()].map(([name, es]) => {
    const m = (key: 'rouge1' | 'rouge2' | 'rougeL' | 'faithfulness' | 'balance_gap') =>
      fmt(mean(es.map((e) => e[key]).filter((v): v is number => v !== null)));
    return `| ${report.dataset} | ${name} | ${es.length} | ${m('rouge1')} | ${m('rouge2')} | ${m('rougeL')} | ${m('faithfulness')} | ${m('balance_gap')} |`;
  });
}

/** A Markdown model card: what the version is, what it was evaluated on, its metrics by slice, its limits. */
export function renderModelCard(version: ModelVersion, reports: readonly EvalReport[]): string {
  const language = reports.length === 0 ? [] : [...new Set(reports.map((r) => (r.rouge.stem ? 'en' : 'non-en')))];
  return `# Model card: ${version.version}

| | |
|---|---|
| stage | ${version.stage} |
| provider / model | ${version.provider} / ${version.modelId} |
| adapter | ${version.adapter ?? '–'} |
| prompt template | ${version.promptTemplateVersion ?? '–'} |
| retrieval | ${version.retrieval.id} ${JSON.stringify(version.retrieval.params)} |
| inference params | ${JSON.stringify(version.inferenceParams)} |
| data snapshots | ${version.dataSnapshotIds.join(', ') || '–'} |
| evaluation reports | ${version.evalReportIds.join(', ') || '–'} |

## Intended use
Short, balanced, grounded summaries of product reviews for a marketplace product page (en, de, fr, es, it, nl,
pl), labelled as AI-generated. Every pro and con cites the review snippets it rests on. Not for decisions about
individual reviewers, and not a substitute for reading the reviews on safety-relevant products.

## Data
Evaluated on opinion-summarization development sets (one entity per line, human reference summaries):
${reports.map((r) => `- \`${r.dataset}\`: ${r.n_entities} entities, ${r.n_failed} without a summary (${r.created_at})`).join('\n') || `- none yet: run \`reviewlens eval summaries --model ${version.version}\``}

## Metrics by slice
ROUGE F1 × 100 (mean over references, then entities); faithfulness = share of claims supported by their
cited sources; balance gap = |negative share of claims − share of 1–2★ reviews|. Language slice: ${language.join(', ') || '–'}.
Polarized = 30–70% of reviews rated 1–2★.

| dataset | slice | n | ROUGE-1 | ROUGE-2 | ROUGE-L | faithfulness | balance gap |
|---|---|---|---|---|---|---|---|
${reports.flatMap(sliceRows).join('\n')}

## Limitations
- ROUGE measures word overlap with human references; templated or extractive output can be faithful and still
  score low, and fluent output can score well while inventing facts — read it together with faithfulness.
- Datasets without star ratings get a synthetic rating from the sentiment lexicon, so balance numbers there are
  approximate.
- The reference sets are English except OpiSums-PT (Portuguese, not a shop language); de, fr, es, it, nl and pl
  quality is not measured by ROUGE here.
- LLM-judged metrics (Ragas faithfulness, coherence) are only present when a judge endpoint was configured.
`;
}
