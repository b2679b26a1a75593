#!/usr/bin/env node
// Benchmark of the LLM batch against the fake endpoint (run in its own process, as a real server would be):
// wall time for N products at latency L and concurrency C, and its ratio to the ideal N·L/C.
//
//   npm run bench:summarize -- [WORK_DIR] [--products 2000] [--latency-ms 200] [--concurrency 32]
//
// WORK_DIR keeps the seeded, indexed store between runs (seeding 2,000 products takes a minute); each run
// clears the benchmark model's summaries first, so every run summarizes all N products. Needs `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const dist = new URL('../dist/', import.meta.url);
const bin = new URL('../bin/reviewlens.js', import.meta.url).pathname;
if (!existsSync(new URL('cli/main.js', dist))) {
  console.error('bench:summarize needs the compiled code: run `npm run build` first');
  process.exit(1);
}
const { openSqliteStore } = await import(new URL('store/store.js', dist));
const { generateSample } = await import(new URL('sample/index.js', dist));
const { ingest } = await import(new URL('ingest/ingest.js', dist));
const { indexReviews } = await import(new URL('index/index-stage.js', dist));
const { defaultComponents } = await import(new URL('pipeline/components.js', dist));
const { summarizeProducts, llmStageConcurrency } = await import(new URL('summarize/summarize-stage.js', dist));
const { llmSummarizer } = await import(new URL('summarize/llm/llm-summarizer.js', dist));
const { CallLog } = await import(new URL('summarize/llm/call-log.js', dist));
const { builtinSummarizer } = await import(new URL('summarize/builtin-summarizer.js', dist));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    products: { type: 'string', default: '2000' },
    'latency-ms': { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '32' },
    'reviews-per-product': { type: 'string', default: '8-12' },
  },
});
const N = Number(values.products);
const L = Number(values['latency-ms']);
const C = Number(values.concurrency);
const [minReviews, maxReviews] = values['reviews-per-product'].split('-').map(Number);
const workDir = positionals[0] ?? mkdtempSync(join(tmpdir(), 'reviewlens-bench-'));
mkdirSync(workDir, { recursive: true });
const dbPath = join(workDir, `bench-${N}-${minReviews}-${maxReviews}.sqlite`);

async function* records() {
  let position = 0;
  for (const item of generateSample({ products: N, seed: 42, reviewsPerProduct: [minReviews, maxReviews] })) {
    position += 1;
    yield { kind: 'record', position, raw: JSON.stringify(item.record), fields: item.record };
  }
}

const store = await openSqliteStore(dbPath);
const components = defaultComponents();
const seeded = await store.db
  .selectFrom('products')
  .select(({ fn }) => fn.countAll().as('n'))
  .executeTakeFirst();
if (Number(seeded?.n ?? 0) < N) {
  const t = performance.now();
  process.stderr.write(`seeding ${N} products into ${dbPath} …\n`);
  await ingest(store.db, { name: 'bench-sample', items: records }, { runId: 'bench-seed', defaultLanguage: 'en' });
  await indexReviews(store.db, { embedder: components.embedder, sentiment: components.sentiment });
  process.stderr.write(`seeded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

// The fake endpoint in its own process, so its work does not share our event loop.
const fake = spawn(process.execPath, [bin, 'fake-llm', '--port', '0', '--latency-ms', String(L)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  fake.stdout.on('data', (part) => {
    out += part;
    const line = out.split('\n').find((l) => l.startsWith('{'));
    if (line) resolve(JSON.parse(line).fake_llm);
  });
  fake.on('exit', (code) => reject(new Error(`fake-llm exited with ${code}`)));
});

const callLog = new CallLog();
const summarizer = llmSummarizer({ baseUrl: url, model: 'bench-model', concurrency: C, onCall: callLog.record });
await store.db.deleteFrom('summaries').where('model_version', '=', summarizer.modelVersion).execute();
await store.db.deleteFrom('summary_outcomes').where('model_version', '=', summarizer.modelVersion).execute();

const cpuStart = process.cpuUsage();
const started = performance.now();
const counts = await summarizeProducts(store.db, {
  runId: `bench-${Date.now()}`,
  summarizer,
  fallback: builtinSummarizer(),
  callLog,
  concurrency: llmStageConcurrency(C),
  embedder: components.embedder,
  retrieval: components.retrieval,
  minReviews: 5,
  ttlSeconds: 3600,
  defaultLanguage: 'en',
});
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
summarizer.client.close();
fake.kill('SIGTERM');
await store.close();
const ideal = (counts.products_considered * L) / C / 1000;
console.log(
  JSON.stringify({
    products: counts.products_considered,
    latency_ms: L,
    concurrency: C,
    wall_s: +wall.toFixed(2),
    ideal_s: +ideal.toFixed(2),
    ratio: +(wall / ideal).toFixed(3),
    // CPU of this process (the batch; the fake endpoint runs in its own): on a shared machine the wall time
    // also pays for other processes, this number does not.
    batch_cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
    batch_cpu_ms_per_product: +((cpu.user + cpu.system) / 1e3 / counts.products_considered).toFixed(2),
    load_average_1m: +(await import('node:os')).loadavg()[0].toFixed(2),
    outcomes: counts.outcomes,
    tokens: counts.tokens,
    store: dbPath,
  }),
);
