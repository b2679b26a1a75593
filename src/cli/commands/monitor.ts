import type { Command } from 'commander';
import type { JudgeFlags } from '../../evaluate/judge/judge-config.js';
import { sinksFromEnv } from '../../monitor/alert-sinks.js';
import { listAlerts } from '../../monitor/alerts.js';
import { runDrift, saveDriftBaseline } from '../../monitor/drift.js';
import { runQualityMonitor } from '../../monitor/quality-monitor.js';
import { shadowReport } from '../../monitor/shadow-report.js';
import { defaultComponents } from '../../pipeline/components.js';
import { withRun } from '../../store/runs.js';
import { commandConfig, printJson, withStore } from '../context.js';
import { addJudgeOptions, withJudge } from './judge-options.js';

const positiveInt = (value: string, what: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw Object.assign(new Error(`${what} must be a positive integer`), { code: 'RL_ERR_USAGE' });
  return n;
};

const instant = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw Object.assign(new Error(`"${value}" is not an ISO 8601 instant`), { code: 'RL_ERR_USAGE' });
  return date;
};

/** alerts | monitor quality | monitor drift | monitor drift-baseline | shadow report. */
export function registerMonitorCommands(program: Command): void {
  program
    .command('alerts')
    .description('list alerts (newest first): firing and resolved, deduplicated by key')
    .option('--state <state>', 'firing | resolved')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (opts: { state?: string; limit: string }, command: Command) => {
      if (opts.state && opts.state !== 'firing' && opts.state !== 'resolved')
        throw Object.assign(new Error('--state must be firing or resolved'), { code: 'RL_ERR_USAGE' });
      await withStore(commandConfig(command), async (store) => {
        for (const alert of await listAlerts(store.db, {
          state: opts.state as 'firing' | 'resolved' | undefined,
          limit: positiveInt(opts.limit, '--limit'),
        }))
          printJson(alert);
      });
    });

  const monitor = program.command('monitor').description('quality and drift jobs (schedule them daily/weekly)');
  addJudgeOptions(monitor.command('quality'))
    .description(
      'score a sample of recent summaries (and with the LLM judge when configured); fire/resolve quality alerts',
    )
    .option('--since <iso>', 'summaries generated from this instant (default: since the previous quality run)')
    .option('--sample <n>', 'sample size', '200')
    .action(async (opts: { since?: string; sample: string } & JudgeFlags, command: Command) => {
      await withStore(commandConfig(command), async (store) => {
        const since = instant(opts.since)?.toISOString();
        const result = await withJudge(opts, (judge) =>
          withRun(store.db, 'quality', (runId) =>
            runQualityMonitor(store.db, {
              runId,
              since,
              sampleSize: positiveInt(opts.sample, '--sample'),
              embedder: defaultComponents().embedder,
              sinks: sinksFromEnv(),
              judge,
            }),
          ),
        );
        printJson(result);
      });
    });

  monitor
    .command('drift')
    .description('compare the latest window of reviews with the drift baseline; fire/resolve drift alerts')
    .option('--as-of <iso>', 'end of the window (default: now)')
    .option('--window-days <n>', 'window length in days', '7')
    .option('--baseline <name>', 'baseline snapshot name', 'default')
    .action(async (opts: { asOf?: string; windowDays: string; baseline: string }, command: Command) => {
      await withStore(commandConfig(command), async (store) => {
        const result = await withRun(store.db, 'drift', (runId) =>
          runDrift(store.db, {
            runId,
            sinks: sinksFromEnv(),
            asOf: instant(opts.asOf),
            windowDays: positiveInt(opts.windowDays, '--window-days'),
            baselineName: opts.baseline,
          }),
        );
        printJson({ ...result, embeddingPsi: result.embeddingPsi.map((v) => Number(v.toFixed(4))) });
      });
    });

  monitor
    .command('drift-baseline')
    .description('snapshot a known-good window as the drift baseline')
    .option('--as-of <iso>', 'end of the window (default: now)')
    .option('--window-days <n>', 'window length in days', '7')
    .option('--name <name>', 'baseline name', 'default')
    .action(async (opts: { asOf?: string; windowDays: string; name: string }, command: Command) => {
      await withStore(commandConfig(command), async (store) => {
        const baseline = await saveDriftBaseline(store.db, {
          name: opts.name,
          asOf: instant(opts.asOf),
          windowDays: positiveInt(opts.windowDays, '--window-days'),
        });
        printJson({ name: opts.name, from: baseline.from, to: baseline.to, reviews: baseline.reviews });
      });
    });

  program
    .command('shadow')
    .description('shadow comparison of the staging version with production')
    .command('report')
    .description("compare staging's shadow summaries with production's on the same products")
    .option('--staging <version>', 'model version (default: the staging version)')
    .option('--production <version>', 'model version (default: the production version)')
    .action(async (opts: { staging?: string; production?: string }, command: Command) => {
      await withStore(commandConfig(command), async (store) => {
        printJson(
          await shadowReport(store.db, {
            embedder: defaultComponents().embedder,
            runId: `shadow-${new Date().toISOString()}`,
            staging: opts.staging,
            production: opts.production,
          }),
        );
      });
    });
}
