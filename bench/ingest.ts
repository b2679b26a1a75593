/**
 * Ingest benchmark: writes N generated reviews (default 100k) as JSONL, then streams them through ingest()
 * into a fresh SQLite store with snapshots on, and prints reviews/s, peak RSS and the counts as one JSON line.
 *
 *   npm run bench:ingest                 # 100k
 *   npm run bench:ingest -- --reviews 1000000 --dir /tmp/rl-bench
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../src/ingest/ingest.js';
import { jsonlSource } from '../src/ingest/sources/jsonl-source.js';
import { writeSample } from '../src/sample/write-sample.js';
import { startRun } from '../src/store/runs.js';
import { openSqliteStore } from '../src/store/store.js';

/**
 * CPU seconds per thread of this process (Linux /proc; empty elsewhere). On a shared machine wall time mostly
 * measures the other load; the busiest thread bounds the throughput the pipeline can reach on idle cores.
 */
function threadCpuSeconds(): Map<string, { name: string; cpu_seconds: number }> {
  const tick = 100; // USER_HZ
  const threads = new Map<string, { name: string; cpu_seconds: number }>();
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
      threads.set(tid, { name, cpu_seconds: (Number(fields[11]) + Number(fields[12])) / tick });
    }
  } catch {}
  return threads;
}

/**
 * Samples the threads while ingest runs: the prepare workers exit before the end, and only a sample taken
 * while they lived attributes their CPU (the process total cannot tell them from exited V8 helper threads).
 */
function sampleThreads(): { stop(): { thread: string; cpu_seconds: number }[] } {
  const seen = new Map<string, { name: string; cpu_seconds: number }>();
  const sample = () => {
    for (const [tid, thread] of threadCpuSeconds()) seen.set(tid, thread);
  };
  sample();
  // CPU spent before ingest started (loading modules, generating the input) is not counted.
  const before = new Map([...seen].map(([tid, thread]) => [tid, thread.cpu_seconds]));
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      const live = threadCpuSeconds();
      sample();
      return [...seen]
        .map(([tid, thread]) => ({
          thread:
            tid === String(process.pid)
              ? 'main'
              : !live.has(tid) && !before.has(tid)
                ? 'prepare worker (exited)'
                : thread.name,
          cpu_seconds: thread.cpu_seconds - (before.get(tid) ?? 0),
        }))
        .sort((a, b) => b.cpu_seconds - a.cpu_seconds);
    },
  };
}

const { values } = parseArgs({
  options: {
    reviews: { type: 'string', default: '100000' },
    dir: { type: 'string', default: join(process.cwd(), '.bench') },
    seed: { type: 'string', default: '7' },
    // Prepare worker threads (0 = all in the main thread); each holds its own language models.
    workers: { type: 'string', default: '1' },
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
const sampler = sampleThreads();
const counts = await ingest(store.db, jsonlSource(input), {
  runId,
  defaultLanguage: 'en',
  snapshotsDir: join(dir, 'snapshots'),
  prepareWorkers: Number(values.workers),
});
const seconds = (performance.now() - started) / 1000;
// The machine is shared: CPU seconds of this process show the cost independent of other load.
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const threads = sampler.stop();
// Threads that ran and exited between two samples: their CPU is the remainder.
const sampled = threads.reduce((sum, t) => sum + t.cpu_seconds, 0);
if (cpuSeconds - sampled >= 0.5) threads.push({ thread: 'unsampled', cpu_seconds: cpuSeconds - sampled });
threads.sort((a, b) => b.cpu_seconds - a.cpu_seconds);
const busiest = threads[0]?.cpu_seconds ?? cpuSeconds;
await store.close();
process.stdout.write(
  `${JSON.stringify({
    reviews: counts.reviews_read,
    prepare_workers: Number(values.workers),
    seconds: Math.round(seconds * 100) / 100,
    reviews_per_second: Math.round(counts.reviews_read / seconds),
    cpu_seconds: Math.round(cpuSeconds * 100) / 100,
    reviews_per_cpu_second: Math.round(counts.reviews_read / cpuSeconds),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    threads: threads
      .filter((t) => t.cpu_seconds >= 0.5)
      .map((t) => ({ ...t, cpu_seconds: Math.round(t.cpu_seconds * 100) / 100 })),
    // Upper bound on 2 idle cores: neither the busiest thread nor the total CPU may exceed the wall time.
    bound_reviews_per_second_2_cores: Math.round(counts.reviews_read / Math.max(busiest, cpuSeconds / 2)),
    counts,
  })}\n`,
);
