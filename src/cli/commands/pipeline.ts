import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { type Command, Option } from 'commander';
import { isSupportedLanguage, type Language, SUPPORTED_LANGUAGES } from '../../domain/languages.js';
import { indexReviews } from '../../index/index-stage.js';
import { polarityForBatch } from '../../index/polarity-retrain.js';
import { ingest } from '../../ingest/ingest.js';
import { openFileSource, openSource, type SourceSpec } from '../../ingest/sources/open-source.js';
import { defaultComponents } from '../../pipeline/components.js';
import { productionComponents, shadowComponents } from '../../pipeline/components-for-version.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import { writeSample } from '../../sample/write-sample.js';
import { withRun } from '../../store/runs.js';
import { allLatestSummaries } from '../../store/summaries.js';
import type { LlmFlags } from '../../summarize/llm/llm-config.js';
import { summarizeProducts } from '../../summarize/summarize-stage.js';
import { commandConfig as config, printJson, withPublisher, withStore } from '../context.js';
import { createProgress } from '../progress.js';
import { addLlmOptions, summarizerFromFlags } from './llm.js';

/** sample, ingest, index, summarize, run, export, rejects: the batch side of the CLI. */
export function registerPipelineCommands(program: Command): void {
  program
    .command('sample')
    .description('write seeded, realistic multilingual sample reviews plus a ground-truth side file')
    .requiredOption('--out <file>', 'output file (.jsonl or .csv); truth goes to <file>.truth.jsonl')
    .option('--products <n>', 'number of products', '50')
    .option('--seed <n>', 'random seed', '1')
    .addOption(new Option('--format <format>', 'output format').choices(['jsonl', 'csv']))
    .action(async (opts: { out: string; products: string; seed: string; format?: 'jsonl' | 'csv' }) => {
      const format = opts.format ?? (opts.out.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
      const result = await writeSample({
        products: Number(opts.products),
        seed: Number(opts.seed),
        out: opts.out,
        format,
      });
      printJson(result);
    });

  program
    .command('ingest')
    .description('validate, clean, redact and store reviews from a file or a window of a PostgreSQL table')
    .option('--input <file>', 'reviews file (.jsonl, .csv or .parquet)')
    .option('--source-url <url>', 'PostgreSQL source database (or env REVIEWLENS_SOURCE_URL)')
    .option('--source-table <table>', 'source table (table or schema.table)')
    .option('--since <time>', 'source rows with created_at ≥ this (ISO 8601)')
    .option('--until <time>', 'source rows with created_at < this (ISO 8601; default now)')
    .option('--map <pairs>', 'contract field=source column, comma-separated (e.g. review_id=id,review_text=body)')
    .option('--snapshots <dir>', 'Parquet snapshot folder (default: snapshots/ next to the database)')
    .option('--no-snapshot', 'do not write a snapshot')
    .option('--toxicity <mode>', 'toxic reviews: flag (kept, out of summaries) or exclude (rejected)', 'flag')
    .option('--min-words <n>', 'reviews with fewer words are flagged too_short', '5')
    .option('--no-expectations', 'record the batch expectations but do not stop a batch that fails them')
    .option('--max-reject-share <x>', 'a batch with a larger share of rejected records fails', '0.1')
    .option('--mostly <x>', 'each column expectation must hold for this share of records', '0.95')
    .option(
      '--languages <codes>',
      "the shop's languages: detection chooses among them and stored reviews must be in them (default: all supported)",
    )
    .option('--bombing-window-hours <h>', 'review bombing: burst window', '24')
    .option('--bombing-min-low <n>', 'review bombing: at least this many ratings ≤ 2 in one window', '10')
    .option('--bombing-ratio <x>', "review bombing: at least this many times the product's usual rate", '5')
    .option(
      '--workers <n>',
      'prepare worker threads (0 = main thread; each loads its own language models, ~230 MB)',
      String(availableParallelism() > 1 ? 1 : 0),
    )
    .action(
      async (
        opts: {
          snapshots?: string;
          snapshot: boolean;
          toxicity: string;
          minWords: string;
          expectations: boolean;
          maxRejectShare: string;
          mostly: string;
          languages?: string;
          bombingWindowHours: string;
          bombingMinLow: string;
          bombingRatio: string;
          workers: string;
        } & SourceSpec,
        command: Command,
      ) => {
        const cfg = config(command);
        const progress = createProgress();
        const sourceUrl = opts.sourceUrl ?? (opts.input ? undefined : process.env.REVIEWLENS_SOURCE_URL);
        const source = openSource({ ...opts, sourceUrl });
        const minWords = Number(opts.minWords);
        const languages = opts.languages ? parseLanguages(opts.languages) : undefined;
        // Short reviews get the default language: outside the shop's set, every such review would fail the batch.
        if (languages && !languages.includes(cfg.defaultLanguage)) {
          throw new Error(
            `--languages: the default language "${cfg.defaultLanguage}" (REVIEWLENS_DEFAULT_LANGUAGE) must be one of them`,
          );
        }
        const counts = await withStore(cfg, ({ db }) =>
          withRun(db, 'ingest', (runId) =>
            ingest(db, source, {
              runId,
              defaultLanguage: cfg.defaultLanguage,
              snapshotsDir: opts.snapshot ? (opts.snapshots ?? join(dirname(cfg.dbPath), 'snapshots')) : undefined,
              toxicityMode: opts.toxicity === 'exclude' ? 'exclude' : 'flag',
              minWords: Object.fromEntries(SUPPORTED_LANGUAGES.map((language) => [language, minWords])),
              expectations: {
                enforce: opts.expectations,
                maxRejectShare: Number(opts.maxRejectShare),
                mostly: Number(opts.mostly),
                languages,
              },
              bombingWindowHours: Number(opts.bombingWindowHours),
              bombingMinLowRatings: Number(opts.bombingMinLow),
              bombingRatio: Number(opts.bombingRatio),
              prepareWorkers: Number(opts.workers),
              onProgress: (c) => progress.update('ingest', c),
            }),
          ),
        );
        progress.done('ingest', counts);
        printJson(counts);
      },
    );

  program
    .command('index')
    .description('chunk, score and embed every review that changed since it was last indexed')
    .option('--force', 're-index every review')
    .action(async (opts: { force?: boolean }, command: Command) => {
      const cfg = config(command);
      const progress = createProgress();
      const components = defaultComponents();
      const counts = await withStore(cfg, async ({ db }) => {
        // Like `run`: retrain polarity when due, then the store's trained model when one is active (else this
        // would re-score to the lexicon).
        const { sentiment } = await polarityForBatch(db, cfg.polarityRetrainGrowth, components.sentiment);
        return withRun(db, 'index', () =>
          indexReviews(db, {
            embedder: components.embedder,
            sentiment,
            force: opts.force,
            onProgress: (c) => progress.update('index', c),
          }),
        );
      });
      progress.done('index', counts);
      printJson(counts);
    });

  addLlmOptions(
    program
      .command('summarize')
      .description('summarize every product whose reviews changed since its last summary')
      .option('--min-reviews <n>', 'products with fewer reviews get no summary (env REVIEWLENS_MIN_REVIEWS)'),
  ).action(async (opts: { minReviews?: string } & LlmFlags, command: Command) => {
    const cfg = config(command, { minReviews: opts.minReviews });
    const progress = createProgress();
    const counts = await withStore(cfg, async ({ db }) => {
      // The batch runs the registry's production version, or the LLM endpoint given by flags/env.
      const components = await productionComponents(db);
      // Flags (or REVIEWLENS_LLM_* env) override the registry with an ad-hoc endpoint.
      const fromFlags = summarizerFromFlags(opts, components.summarizer);
      const setup =
        fromFlags.summarizer === components.summarizer ? { ...components, callLog: fromFlags.callLog } : fromFlags;
      const result = await withPublisher((onPublished) =>
        withRun(db, 'summarize', (runId) =>
          summarizeProducts(db, {
            onPublished,
            runId,
            summarizer: setup.summarizer,
            fallback: setup.fallback,
            callLog: setup.callLog,
            concurrency: setup.concurrency,
            embedder: components.embedder,
            retrieval: components.retrieval,
            minReviews: cfg.minReviews,
            ttlSeconds: cfg.ttlSeconds,
            defaultLanguage: cfg.defaultLanguage,
            onProgress: (c) => progress.update('summarize', c),
          }),
        ),
      );
      return { model_version: setup.summarizer.modelVersion, ...result };
    });
    progress.done('summarize', counts);
    printJson(counts);
  });

  program
    .command('run')
    .description('ingest + index + summarize once and print the run counts as one JSON line')
    .requiredOption('--input <file>', 'reviews file (.jsonl or .csv)')
    .option('--min-reviews <n>', 'products with fewer reviews get no summary')
    .action(async (opts: { input: string; minReviews?: string }, command: Command) => {
      const cfg = config(command, { minReviews: opts.minReviews });
      const progress = createProgress();
      const result = await withStore(cfg, async (store) =>
        withPublisher(async (onPublished) =>
          runPipeline(store, openFileSource(opts.input), cfg, await productionComponents(store.db), {
            onStage: (stage, counts) => progress.update(stage, counts),
            afterIngest: () => polarityForBatch(store.db, cfg.polarityRetrainGrowth),
            onPublished,
            shadow: await shadowComponents(store.db),
          }),
        ),
      );
      printJson(result);
    });

  program
    .command('export')
    .description('export data from the store')
    .command('summaries')
    .description('write the latest summary of every product, one JSON object per line')
    .requiredOption('--out <file>', 'output JSONL file')
    .action(async (opts: { out: string }, command: Command) => {
      const cfg = config(command);
      const out = createWriteStream(opts.out);
      let written = 0;
      await withStore(cfg, async ({ db }) => {
        for await (const summary of allLatestSummaries(db)) {
          if (!out.write(`${JSON.stringify(summary)}\n`)) await once(out, 'drain');
          written += 1;
        }
      });
      out.end();
      await once(out, 'finish');
      printJson({ summaries_written: written, out: opts.out });
    });

  program
    .command('rejects')
    .description('list rejected records (dead letter) and flagged reviews (kept out of summaries) with reason codes')
    .option('--reason <code>', 'only this reason code')
    .option('--run <id>', 'only this run')
    .option('--limit <n>', 'at most this many', '100')
    .action(async (opts: { reason?: string; run?: string; limit: string }, command: Command) => {
      const cfg = config(command);
      await withStore(cfg, async ({ db }) => {
        let query = db
          .selectFrom('rejects')
          .select(['run_id', 'source', 'position', 'reason', 'detail'])
          .orderBy('id')
          .limit(Number(opts.limit));
        if (opts.reason) query = query.where('reason', '=', opts.reason);
        if (opts.run) query = query.where('run_id', '=', opts.run);
        for (const row of await query.execute()) printJson({ kind: 'reject', ...row });
        // Flagged reviews are stored but kept out of summaries; they are listed here with their reason too.
        let flags = db
          .selectFrom('review_flags')
          .select(['run_id', 'review_id', 'product_id', 'reason', 'detail'])
          .orderBy('id')
          .limit(Number(opts.limit));
        if (opts.reason) flags = flags.where('reason', '=', opts.reason);
        if (opts.run) flags = flags.where('run_id', '=', opts.run);
        for (const row of await flags.execute()) printJson({ kind: 'flag', ...row });
      });
    });
}

/** `--languages de,fr`: only shop languages, so a typo cannot silently fail every batch. */
function parseLanguages(codes: string): Language[] {
  return codes.split(',').map((code) => {
    const language = code.trim().toLowerCase();
    if (!isSupportedLanguage(language)) {
      throw new Error(`--languages: "${code}" is not one of ${SUPPORTED_LANGUAGES.join(', ')}`);
    }
    return language;
  });
}
