import { join } from 'node:path';
import type { Command } from 'commander';
import { withRun } from '../../store/runs.js';
import { exportSftDataset, readReferences } from '../../train/sft-export.js';
import { validateSftDataset } from '../../train/sft-schema.js';
import { runTraining } from '../../train/trainer-run.js';
import { commandConfig, printJson, withStore } from '../context.js';
import { trainCommandGroup } from './train-group.js';

const ratio = (value: string) => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw Object.assign(new Error('--replay-ratio must be a number ≥ 0'), { code: 'RL_ERR_USAGE' });
  return n;
};

/** train export | validate | run: fine-tuning data and the external trainer. */
export function registerTrainCommands(program: Command): void {
  const train = trainCommandGroup(program);
  train
    .command('export')
    .description('write an SFT dataset (chat JSONL + manifest) for one category from curated reference summaries')
    .requiredOption('--category <c>', 'product category')
    .requiredOption('--references <file>', 'JSONL: {"product_id", "reference": {overview, pros, cons}, "curated_at"}')
    .requiredOption('--out <dir>', 'output directory')
    .option('--since <iso>', 'references curated from this instant are new; older ones may be replayed')
    .option('--replay-ratio <r>', 'replay examples per new example', '0.25')
    .action(
      async (
        opts: { category: string; references: string; out: string; since?: string; replayRatio: string },
        command: Command,
      ) => {
        const config = commandConfig(command);
        await withStore(config, async (store) => {
          const manifest = await exportSftDataset(store.db, {
            category: opts.category,
            references: readReferences(opts.references),
            outDir: opts.out,
            since: opts.since,
            replayRatio: ratio(opts.replayRatio),
            defaultLanguage: config.defaultLanguage,
          });
          validateSftDataset(opts.out);
          printJson({ out: opts.out, ...manifest, skipped: manifest.skipped.length });
        });
      },
    );

  train
    .command('validate')
    .description('validate an exported SFT directory against the documented schema')
    .argument('<dir>', 'directory with manifest.json and train.jsonl')
    .action(async (dir: string) => {
      const { manifest, examples } = validateSftDataset(dir);
      printJson({ valid: true, examples, schema: manifest.schema, category: manifest.category });
    });

  train
    .command('run')
    .description('export, run an external trainer, register the adapter as a candidate, evaluate it, apply the gate')
    .requiredOption('--category <c>', 'product category')
    .requiredOption(
      '--trainer <command>',
      'shell command; gets REVIEWLENS_TRAIN_DATA_DIR/_BASE_MODEL/_OUTPUT_DIR/_CATEGORY',
    )
    .requiredOption('--references <file>', 'curated reference summaries (see train export)')
    .requiredOption('--base-model <name>', 'base model the adapter is trained on and served with')
    .requiredOption('--work-dir <dir>', 'directory for data/ and adapter/')
    .option('--eval-dataset <file>', 'evaluation set for the gate (JSONL of eval summaries)')
    .option('--eval-limit <n>', 'only the first N entities of the evaluation set')
    .option('--since <iso>', 'references curated from this instant are new')
    .option('--replay-ratio <r>', 'replay examples per new example', '0.25')
    .action(
      async (
        opts: {
          category: string;
          trainer: string;
          references: string;
          baseModel: string;
          workDir: string;
          evalDataset?: string;
          evalLimit?: string;
          since?: string;
          replayRatio: string;
        },
        command: Command,
      ) => {
        const config = commandConfig(command);
        await withStore(config, async (store) => {
          const result = await withRun(store.db, 'train', () =>
            runTraining(store.db, {
              category: opts.category,
              trainer: opts.trainer,
              references: readReferences(opts.references),
              baseModel: opts.baseModel,
              workDir: opts.workDir,
              evalDataset: opts.evalDataset,
              evalLimit: opts.evalLimit ? Number(opts.evalLimit) : undefined,
              since: opts.since,
              replayRatio: ratio(opts.replayRatio),
              defaultLanguage: config.defaultLanguage,
            }),
          );
          printJson({ ...result, data: join(opts.workDir, 'data') });
        });
      },
    );
}
