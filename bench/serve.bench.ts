import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { openFileSource } from '../src/ingest/sources/open-source.js';
import { defaultComponents } from '../src/pipeline/components.js';
import { runPipeline } from '../src/pipeline/run-pipeline.js';
import { generateSample } from '../src/sample/index.js';
import { tempStore, toJsonl, writeTempFile } from '../src/test-support/temp-store.js';

// `npm run bench:serve`: cached summary route vs a bare Fastify route returning the same body, each server in its
// own process, autocannon in this one, all on this machine. Prints one JSON line per run and a summary table.
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
// Rounds alternate the two servers so background load on a shared machine hits both alike; medians are reported.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function startTarget(mode: 'reviewlens' | 'bare', path: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['bench/serve-target.mjs', mode, path], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (data: Buffer) => resolve({ child, base: data.toString().trim() }));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

async function load(url: string, connections: number, duration: number) {
  const result = await autocannon({ url, connections, duration, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99 };
}

it('serve benchmark', async () => {
  const { store, dir, cleanup } = await tempStore();
  const records = [...generateSample({ products: 20, seed: 5 })].map((item) => item.record);
  const input = writeTempFile(dir, 'in.jsonl', toJsonl(records as unknown as Record<string, unknown>[]));
  await runPipeline(store, openFileSource(input), loadConfig({ minReviews: '5' }, {}), defaultComponents());
  const productId = records[0]!.product_id;
  await store.close();

  const reviewlens = await startTarget('reviewlens', join(dir, 'store.sqlite'));
  const summaryUrl = `${reviewlens.base}/v1/products/${productId}/summary`;
  const body = await (await fetch(summaryUrl)).text();
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, body);
  const bare = await startTarget('bare', bodyFile);
  const rows: Record<string, unknown>[] = [];
  try {
    const targets = [
      ['summary', summaryUrl],
      ['bare-fastify', `${bare.base}/bare`],
    ] as const;
    for (const [, url] of targets) await load(url, 10, 2); // warm-up: JIT, caches
    for (const connections of [10, 64]) {
      const runs = new Map<string, { rps: number; p50: number; p99: number }[]>();
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const [name, url] of targets) {
          const run = await load(url, connections, DURATION);
          runs.set(name, [...(runs.get(name) ?? []), run]);
          process.stdout.write(`${JSON.stringify({ round, route: name, connections, ...run })}\n`);
        }
      }
      for (const [name, list] of runs) {
        const row = {
          route: name,
          connections,
          rps: median(list.map((r) => r.rps)),
          p50: median(list.map((r) => r.p50)),
          p99: median(list.map((r) => r.p99)),
          bytes: body.length,
        };
        rows.push(row);
        process.stdout.write(`median ${JSON.stringify(row)}\n`);
      }
    }
  } finally {
    reviewlens.child.kill('SIGTERM');
    bare.child.kill('SIGTERM');
    await cleanup();
  }
  const at = (route: string, c: number) =>
    rows.find((r) => r.route === route && r.connections === c) as { rps: number; p99: number };
  const verdict = {
    'p99_ms@10': at('summary', 10).p99,
    'rps@10': at('summary', 10).rps,
    'target@10 (p99<5ms, >=5000 rps)': at('summary', 10).p99 < 5 && at('summary', 10).rps >= 5000,
    'ratio_to_bare@64': Number((at('summary', 64).rps / at('bare-fastify', 64).rps).toFixed(3)),
    'target@64 (>=0.70)': at('summary', 64).rps / at('bare-fastify', 64).rps >= 0.7,
  };
  process.stdout.write(`${JSON.stringify(verdict)}\n`);
}, 600_000);
