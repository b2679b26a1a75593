import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AggregatedMetric, EvalReport } from '../../evaluate/report.js';
import { DEFAULT_GATE } from '../../registry/gate.js';
import { renderModelCard } from '../../registry/model-card.js';
import { PROVIDERS, type Provider, type Stage } from '../../registry/model-version.js';
import {
  getModelVersion,
  latestReport,
  listVersions,
  promoteVersion,
  registerVersion,
  rollback,
  versionEvents,
} from '../../registry/registry.js';
import { commandConfig, printJson, withStore } from '../context.js';

const json = (value: string | undefined, what: string): Record<string, unknown> => {
  if (!value) return {};
  try {
    const parsed = JSON.parse(value) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {}
  throw Object.assign(new Error(`${what} must be a JSON object`), { code: 'RL_ERR_MODEL_INVALID' });
};

/** model register | list | show | promote | rollback | card: the model registry. */
export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('model registry: versions, stages, gated promotion, audit');

  model
    .command('register')
    .description('register a model version as a candidate')
    .argument('<version>', 'name, e.g. builtin-v2')
    .option('--provider <p>', PROVIDERS.join(' | '), 'builtin')
    .option('--model-id <id>', 'model behind the provider', 'builtin')
    .option('--adapter <id>', 'fine-tuning adapter id')
    .option('--prompt-template <version>', 'prompt template version')
    .option('--retrieval <id>', 'retrieval strategy id', 'balanced-v1')
    .option('--retrieval-params <json>', 'retrieval parameters (JSON object)')
    .option('--params <json>', 'inference parameters (JSON object)')
    .option('--data-snapshot <id...>', 'training / evaluation data snapshot ids')
    .action(async (version: string, opts: Record<string, string | string[] | undefined>, command: Command) => {
      const registered = await withStore(commandConfig(command), ({ db }) =>
        registerVersion(db, {
          version,
          provider: opts.provider as Provider,
          modelId: opts.modelId as string,
          adapter: (opts.adapter as string | undefined) ?? null,
          promptTemplateVersion: (opts.promptTemplate as string | undefined) ?? null,
          retrieval: {
            id: opts.retrieval as string,
            params: json(opts.retrievalParams as string, '--retrieval-params'),
          },
          inferenceParams: json(opts.params as string, '--params'),
          dataSnapshotIds: (opts.dataSnapshot as string[] | undefined) ?? [],
        }),
      );
      printJson(registered);
    });

  model
    .command('list')
    .description('all versions with their stage')
    .action(async (_opts: unknown, command: Command) => {
      const versions = await withStore(commandConfig(command), ({ db }) => listVersions(db));
      for (const v of versions)
        printJson({
          version: v.version,
          stage: v.stage,
          provider: v.provider,
          model_id: v.modelId,
          reports: v.evalReportIds.length,
        });
    });

  model
    .command('show')
    .description('one version with its audit events')
    .argument('<version>')
    .action(async (version: string, _opts: unknown, command: Command) => {
      await withStore(commandConfig(command), async ({ db }) => {
        printJson({ ...(await getModelVersion(db, version)), events: await versionEvents(db, version) });
      });
    });

  model
    .command('promote')
    .description('move a version to a stage; production only through the gate (or --force with --reason)')
    .argument('<version>')
    .option('--to <stage>', 'staging | production | archived', 'production')
    .option('--metric <name>', 'primary metric of the gate', DEFAULT_GATE.primaryMetric)
    .option('--margin <share>', 'required relative improvement', String(DEFAULT_GATE.margin))
    .option('--force', 'promote even if the gate refuses (needs --reason)')
    .option('--reason <text>', 'why (recorded in the audit trail)')
    .action(
      async (
        version: string,
        opts: { to: Stage; metric: string; margin: string; force?: boolean; reason?: string },
        command: Command,
      ) => {
        const result = await withStore(commandConfig(command), ({ db }) =>
          promoteVersion(db, version, opts.to, {
            force: opts.force,
            reason: opts.reason,
            policy: { ...DEFAULT_GATE, primaryMetric: opts.metric as AggregatedMetric, margin: Number(opts.margin) },
          }),
        );
        printJson(result);
      },
    );

  model
    .command('rollback')
    .description('restore the previous production version')
    .option('--reason <text>', 'why (recorded in the audit trail)')
    .action(async (opts: { reason?: string }, command: Command) => {
      printJson(await withStore(commandConfig(command), ({ db }) => rollback(db, opts.reason ?? null)));
    });

  model
    .command('card')
    .description('write a Markdown model card (intended use, data, metrics by slice, limitations)')
    .argument('<version>')
    .option('--out <file>', 'Markdown file (default: stdout)')
    .action(async (version: string, opts: { out?: string }, command: Command) => {
      const markdown = await withStore(commandConfig(command), async ({ db }) => {
        const v = await getModelVersion(db, version);
        const datasets = await db
          .selectFrom('model_eval_reports')
          .select('dataset')
          .distinct()
          .where('version', '=', version)
          .execute();
        const reports: EvalReport[] = [];
        for (const { dataset } of datasets) {
          const report = await latestReport(db, version, dataset);
          if (report) reports.push(report);
        }
        return renderModelCard(v, reports);
      });
      if (opts.out) writeFileSync(opts.out, markdown);
      else process.stdout.write(markdown);
    });
}
