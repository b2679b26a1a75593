import type { Command } from 'commander';
import { type ExperimentReport, experimentReport } from '../../experiment/report.js';
import { createExperiment, listExperiments, stopExperiment } from '../../store/experiments.js';
import { commandConfig as config, printJson, withStore } from '../context.js';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

/** A human-readable table on a terminal; JSON (`--json`, or when piped) for scripts. */
function formatReport(report: ExperimentReport): string {
  const e = report.experiment;
  const lines = [`experiment ${e.name} (${e.status}): champion ${e.champion} vs challenger ${e.challenger}`];
  for (const m of report.metrics) {
    const arm = (a: typeof m.champion) =>
      `${pct(a.rate)} (${a.successes}/${a.trials}, 95% CI ${pct(a.interval.low)}–${pct(a.interval.high)})`;
    lines.push(
      '',
      `${m.metric}`,
      `  champion    ${arm(m.champion)}`,
      `  challenger  ${arm(m.challenger)}`,
      `  lift        ${(m.test.difference * 100).toFixed(2)} points (95% CI ${(m.test.differenceInterval.low * 100).toFixed(2)} to ${(m.test.differenceInterval.high * 100).toFixed(2)}), relative ${m.test.relativeLift === null ? 'n/a' : pct(m.test.relativeLift)}`,
      `  z-test      z = ${m.test.z.toFixed(3)}, p = ${m.test.pValue.toFixed(4)}${m.test.pValue < 0.05 ? ' (significant at 5%)' : ''}`,
      ...m.warnings.map((w) => `  warning     ${w}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function registerExperimentCommands(program: Command): void {
  const experiment = program.command('experiment').description('A/B tests of summary model versions');

  experiment
    .command('create <name>')
    .description('start an experiment: subjects are split between two model versions by a stable hash')
    .requiredOption('--champion <version>', 'model version most subjects see')
    .requiredOption('--challenger <version>', 'model version under test')
    .option('--share <x>', 'share of subjects on the challenger (0–1)', '0.5')
    .action(async (name: string, opts: { champion: string; challenger: string; share: string }, command: Command) => {
      const row = await withStore(config(command), (store) =>
        createExperiment(store.db, {
          name,
          champion: opts.champion,
          challenger: opts.challenger,
          challengerShare: Number(opts.share),
        }),
      );
      printJson(row);
    });

  experiment
    .command('stop <name>')
    .description('stop an experiment (everyone sees the newest summary again)')
    .action(async (name: string, _opts: unknown, command: Command) => {
      printJson({ stopped: await withStore(config(command), (store) => stopExperiment(store.db, name)) });
    });

  experiment
    .command('list')
    .description('list experiments')
    .action(async (_opts: unknown, command: Command) => {
      for (const row of await withStore(config(command), (store) => listExperiments(store.db))) printJson(row);
    });

  experiment
    .command('report <name>')
    .description('per-variant helpful rate, conversion and return rate: lift, two-proportion z-test, 95% CIs')
    .option('--json', 'print JSON even on a terminal')
    .action(async (name: string, opts: { json?: boolean }, command: Command) => {
      const report = await withStore(config(command), (store) => experimentReport(store.db, name));
      if (opts.json || !process.stdout.isTTY) printJson(report);
      else process.stdout.write(formatReport(report));
    });
}
