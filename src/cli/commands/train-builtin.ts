import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { isSupportedLanguage, type Language } from '../../domain/languages.js';
import { readDataset } from '../../evaluate/datasets.js';
import { evaluateDataset } from '../../evaluate/run-eval.js';
import { evaluatePolarityHalves } from '../../index/evaluate-polarity.js';
import { FULL_GRID, QUICK_GRID } from '../../index/polarity-tuning.js';
import { trainAndActivatePolarity } from '../../index/train-polarity.js';
import { builtinDefault } from '../../registry/model-version.js';
import { attachReport, registerVersion } from '../../registry/registry.js';
import { fitSalienceWeights, salienceExamples } from '../../summarize/train/salience-trainer.js';
import { commandConfig, printJson, withStore } from '../context.js';
import { evalCommandGroup } from './eval.js';
import { trainCommandGroup } from './train-group.js';

/** The artifact `train builtin` writes: what was fitted, on what, so a version can be traced and rebuilt. */
export const BUILTIN_ARTIFACT_FORMAT = 'reviewlens-builtin-salience/1';

/** `reviewlens train builtin`: fits the built-in summarizer's salience ranker and registers a candidate. */
export function registerBuiltinTrainCommands(program: Command): void {
  registerPolarityEvalCommand(program);
  const group = trainCommandGroup(program);
  group
    .command('polarity')
    .description(
      'train the linear sentence-polarity model on this store (star ratings as weak labels) and make it the one ' +
        'the index stage uses; languages below the threshold keep the lexicon',
    )
    .option('--out <file>', 'also write the artifact JSON to this file')
    .option('--full-grid', 'tune on the larger hyperparameter grid (slower; for big stores)')
    .action(async (opts: { out?: string; fullGrid?: boolean }, command: Command) => {
      const grid = opts.fullGrid ? FULL_GRID : QUICK_GRID;
      const result = await withStore(commandConfig(command), ({ db }) => trainAndActivatePolarity(db, grid));
      if (opts.out) writeFileSync(opts.out, result.serialized);
      printJson({
        model_id: result.modelId,
        activated: result.activated,
        artifact: opts.out ?? null,
        train_reviews: result.trainReviews,
        languages: result.languages,
      });
    });
  group
    .command('builtin')
    .description('fit the built-in summarizer sentence-salience ranker on reference summaries; registers a candidate')
    .requiredOption('--dataset <file...>', 'JSONL opinion-summarization sets with references (training data)')
    .requiredOption('--version <name>', 'model version to register, e.g. builtin-v2')
    .option('--eval <file...>', 'held-out JSONL sets to evaluate the candidate on (reports are attached)')
    .option('--out <file>', 'artifact JSON', 'builtin-salience.json')
    .option('--ridge <x>', 'L2 penalty of the ridge regression', '1')
    .action(
      async (
        opts: { dataset: string[]; version: string; eval?: string[]; out: string; ridge: string },
        command: Command,
      ) => {
        const examples = [];
        for (const file of opts.dataset) examples.push(...(await salienceExamples(readDataset(file))));
        const weights = fitSalienceWeights(examples, Number(opts.ridge));
        const artifact = {
          format: BUILTIN_ARTIFACT_FORMAT,
          version: opts.version,
          trainedOn: opts.dataset,
          examples: examples.length,
          ridge: Number(opts.ridge),
          weights,
        };
        writeFileSync(opts.out, `${JSON.stringify(artifact, null, 2)}\n`);
        const spec = {
          ...builtinDefault(new Date().toISOString()),
          version: opts.version,
          inferenceParams: { salience: weights },
        };
        const config = commandConfig(command);
        const version = await withStore(config, async ({ db }) => {
          const { stage: _stage, createdAt: _c, updatedAt: _u, evalReportIds: _e, ...newVersion } = spec;
          return registerVersion(db, newVersion);
        });
        const reports = [];
        for (const file of opts.eval ?? []) {
          const report = await evaluateDataset(readDataset(file), { kind: 'model', version }, { datasetPath: file });
          const reportId = await withStore(config, ({ db }) => attachReport(db, version.version, report));
          reports.push({
            dataset: report.dataset,
            report_id: reportId,
            aggregate: report.aggregate,
            ci95: report.ci95,
          });
        }
        printJson({ version: version.version, stage: version.stage, artifact: opts.out, weights, reports });
      },
    );
}

/** `reviewlens eval polarity`: the trained linear polarity model vs the lexicon on star-labelled CSVs. */
export function registerPolarityEvalCommand(program: Command): void {
  evalCommandGroup(program)
    .command('polarity')
    .description('train the linear polarity model on half of each <lang> CSV and measure it on the other half')
    .requiredOption('--dir <folder>', 'folder of MARC-style CSVs named *_<lang>.*.csv (row_index,review_body,stars)')
    .action((opts: { dir: string }) => {
      const files = readdirSync(opts.dir)
        .map((name) => ({ name, language: /_([a-z]{2})\.[^/]*csv$/.exec(name)?.[1] }))
        .filter((f): f is { name: string; language: Language } => isSupportedLanguage(f.language))
        .map((f) => ({ path: join(opts.dir, f.name), language: f.language }));
      printJson(evaluatePolarityHalves(files));
    });
}
