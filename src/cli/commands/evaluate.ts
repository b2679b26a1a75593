import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { compareReports } from '../../evaluate/compare.js';
import { readDataset } from '../../evaluate/datasets.js';
import { renderReportHtml } from '../../evaluate/html.js';
import type { JudgeFlags } from '../../evaluate/judge/judge-config.js';
import type { EvalReport } from '../../evaluate/report.js';
import { type EvalSystem, evaluateDataset } from '../../evaluate/run-eval.js';
import { BUILTIN_DEFAULT_VERSION } from '../../registry/model-version.js';
import { attachReport, getModelVersion } from '../../registry/registry.js';
import { commandConfig, printJson, withStore } from '../context.js';
import { evalCommandGroup } from './eval.js';
import { addJudgeOptions, withJudge } from './judge-options.js';

async function resolveSystem(name: string, command: Command): Promise<EvalSystem> {
  if (name === 'lexrank') return { kind: 'lexrank' };
  if (name === 'first-sentences') return { kind: 'first-sentences' };
  // `builtin` is the registered default; its reports are attached to it like any version's.
  const version = await withStore(commandConfig(command), ({ db }) =>
    getModelVersion(db, name === 'builtin' ? BUILTIN_DEFAULT_VERSION : name),
  );
  return { kind: 'model', version };
}

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as EvalReport;

/** `eval summaries` and `eval compare`: the summary-quality harness. */
export function registerEvaluateCommands(program: Command): void {
  const group = evalCommandGroup(program);
  const summaries = group.command('summaries');
  addJudgeOptions(summaries)
    .description(
      'summarize every entity of an opinion-summarization set and score it (ROUGE, faithfulness, balance, …)',
    )
    .requiredOption(
      '--dataset <file>',
      'JSONL, one entity per line: {entity_id, reviews[{text, rating?}], references[]}',
    )
    .option('--model <version>', 'a registered model version, builtin, lexrank or first-sentences', 'builtin')
    .option('--limit <n>', 'only the first N entities')
    .option('--max-words <n>', 'word budget of the extractive baselines', '60')
    .requiredOption('--out <file>', 'report JSON')
    .option('--html <file>', 'also write an HTML report')
    .action(
      async (
        opts: {
          dataset: string;
          model: string;
          limit?: string;
          maxWords: string;
          out: string;
          html?: string;
        } & JudgeFlags,
        command: Command,
      ) => {
        const dataset = readDataset(opts.dataset, opts.limit ? Number(opts.limit) : undefined);
        const system = await resolveSystem(opts.model, command);
        const report = await withJudge(opts, (judge) =>
          evaluateDataset(dataset, system, { datasetPath: opts.dataset, maxWords: Number(opts.maxWords), judge }),
        );
        writeFileSync(opts.out, `${JSON.stringify(report, null, 2)}\n`);
        // A model version's report is kept in the registry: the promotion gate compares stored reports.
        const reportId =
          system.kind === 'model'
            ? await withStore(commandConfig(command), ({ db }) => attachReport(db, system.version.version, report))
            : null;
        if (opts.html) writeFileSync(opts.html, renderReportHtml(report));
        printJson({
          model: report.model,
          dataset: report.dataset,
          n_entities: report.n_entities,
          n_failed: report.n_failed,
          aggregate: report.aggregate,
          ci95: report.ci95,
          judge: report.judge,
          out: opts.out,
          report_id: reportId,
        });
      },
    );

  group
    .command('compare')
    .description('paired differences B − A between two reports on the same dataset, with 95% bootstrap intervals')
    .argument('<a>', 'report JSON (baseline, e.g. production)')
    .argument('<b>', 'report JSON (candidate)')
    .action((a: string, b: string) => {
      printJson(compareReports(readReport(a), readReport(b)));
    });
}
