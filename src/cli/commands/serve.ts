import type { Command } from 'commander';
import { type Config, loadConfig } from '../../config.js';
import { polarityForBatch } from '../../index/polarity-retrain.js';
import { openFileSource } from '../../ingest/sources/open-source.js';
import { productionComponents, shadowComponents } from '../../pipeline/components-for-version.js';
import { runPipeline } from '../../pipeline/run-pipeline.js';
import { sharedCacheFromEnv } from '../../pipeline/shared-cache.js';
import { SHIPPED_SAMPLE_PATH } from '../../sample/write-shipped-sample.js';
import { buildServer } from '../../serve/server.js';
import { openStore } from '../../store/store.js';
import { commandConfig as config, type GlobalFlags, printJson, withStore } from '../context.js';

async function serve(cfg: Config): Promise<void> {
  const store = await openStore(cfg);
  const shared = sharedCacheFromEnv();
  // Warnings and errors by default (per-request lines cost throughput); every line is redacted.
  const level = process.env.REVIEWLENS_LOG_LEVEL ?? 'warn';
  const app = buildServer(store.db, {
    logger: level === 'silent' ? false : { level, destination: process.stderr },
    dialect: store.dialect,
    cache: { shared: shared?.cache },
  });
  const address = await app.listen({ port: cfg.port, host: cfg.host });
  process.stderr.write(`reviewlens is serving on ${address}  (try ${address}/ )\n`);
  const stop = async () => {
    await app.close();
    await shared?.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('serve summaries over HTTP (API + product pages)')
    .option('--port <n>', 'port (env REVIEWLENS_PORT, default 3000)')
    .option('--host <host>', 'interface (env REVIEWLENS_HOST, default 127.0.0.1)')
    .action(async (opts: { port?: string; host?: string }, command: Command) => {
      await serve(config(command, opts));
    });

  program
    .command('demo')
    .description('what `npm start` runs: the shipped sample through the pipeline, then serve it on localhost')
    .option('--port <n>', 'port (default 3000)')
    .action(async (opts: { port?: string }, command: Command) => {
      const flags = command.optsWithGlobals<GlobalFlags>();
      const cfg = loadConfig({
        db: flags.db ?? process.env.REVIEWLENS_DB ?? '.reviewlens/demo.sqlite',
        port: opts.port,
      });
      // The same components as `reviewlens run`: the registry's production version (builtin-v1 on a fresh store).
      // After ingest, the sentence-polarity model is trained on the sample's own star ratings (once per store: a
      // restart finds the labelled reviews not grown) and scores the chunks: the summaries shown are the trained
      // built-in model's.
      const result = await withStore(cfg, async (store) =>
        runPipeline(store, openFileSource(SHIPPED_SAMPLE_PATH), cfg, await productionComponents(store.db), {
          shadow: await shadowComponents(store.db),
          afterIngest: () => polarityForBatch(store.db, cfg.polarityRetrainGrowth),
        }),
      );
      printJson(result);
      await serve(cfg);
    });
}
