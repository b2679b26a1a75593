/**
 * Ingest benchmark: writes N generated reviews (default 100k) as JSONL, then streams them through ingest()
 * into a fresh SQLite store with snapshots on, and prints reviews/s, peak RSS and the counts as one JSON line.
 *
 *   npm run bench:ingest                 # 100k
 *   npm run bench:ingest -- --reviews 1000000 --dir /tmp/rl-bench
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest/ingest.js';
import { jsonlSource } from '../src/ingest/sources/jsonl-source.js';
import { writeSample } from '../src/sample/write-sample.js';
import { startRun } from '../src/store/runs.js';
import { openSqliteStore } from '../src/store/store.js';

const { values } = parseArgs({
  options: {
    reviews: { type: 'string', default: '100000' },
    dir: { type: 'string', default: join(process.cwd(), '.bench') },
    seed: { type: 'string', default: '7' },
  },
});
const target = Number(values.reviews);
const dir = values.dir!;
mkdirSync(dir, { recursive: true });
const input = join(dir, `reviews-${target}.jsonl`);

// ~40 reviews per product on average.
let exists = false;
try {
  exists = statSync(input).size > 0;
} catch {}
if (!exists) {
  const written = await writeSample({ products: Math.ceil(target / 40), seed: Number(values.seed), out: input });
  process.stderr.write(`generated ${written.reviews} reviews into ${input}\n`);
}

const dbPath = join(dir, 'bench.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
rmSync(join(dir, 'snapshots'), { recursive: true, force: true });
const store = await openSqliteStore(dbPath);
const runId = await startRun(store.db, 'ingest');
const started = performance.now();
const cpuBefore = process.cpuUsage();
const counts = await ingest(store.db, jsonlSource(input), {
  runId,
  defaultLanguage: 'en',
  snapshotsDir: join(dir, 'snapshots'),
});
const seconds = (performance.now() - started) / 1000;
// The machine is shared: CPU seconds of this process show the cost independent of other load.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await store.close();
process.stdout.write(
  `${JSON.stringify({
    reviews: counts.reviews_read,
    seconds: Math.round(seconds * 100) / 100,
    reviews_per_second: Math.round(counts.reviews_read / seconds),
    cpu_seconds: Math.round(cpuSeconds * 100) / 100,
    reviews_per_cpu_second: Math.round(counts.reviews_read / cpuSeconds),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    counts,
  })}\n`,
);
