import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname, extname } from 'node:path';
import { csvHeader, csvRow } from './csv.js';
import { generateSample } from './generate.js';
import type { SampleOptions } from './types.js';

/**
 * Streams a generated sample to disk: records to `out` (JSONL or CSV), truth to `<out without extension>.truth.jsonl`.
 * Writes are batched and respect backpressure, so memory stays flat however many reviews are written.
 */
export interface WriteSampleOptions extends SampleOptions {
  out: string;
  /** Defaults to csv for a .csv path, jsonl otherwise. */
  format?: 'jsonl' | 'csv';
}

export interface WriteSampleResult {
  out: string;
  truthOut: string;
  format: 'jsonl' | 'csv';
  reviews: number;
  products: number;
  /** Reviews per real language of the text (truth.language). */
  languages: Record<string, number>;
  polarizedProducts: number;
  pii: number;
  profanity: number;
  duplicates: number;
  html: number;
}

export function truthPathFor(out: string): string {
  const extension = extname(out);
  return `${extension ? out.slice(0, -extension.length) : out}.truth.jsonl`;
}

/** Flush in ~64 KiB batches: one write per line would make a million-review run syscall-bound. */
const BATCH_CHARS = 64 * 1024;

class BatchedWriter {
  private buffer = '';

  constructor(private readonly stream: WriteStream) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function openStream(path: string): WriteStream {
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { encoding: 'utf8' });
}

export async function writeSample(options: WriteSampleOptions): Promise<WriteSampleResult> {
  const format = options.format ?? (options.out.toLowerCase().endsWith('.csv') ? 'csv' : 'jsonl');
  const truthOut = truthPathFor(options.out);
  if (truthOut === options.out) throw new Error(`output path ${options.out} would collide with its truth file`);
  const streams = [openStream(options.out), openStream(truthOut)];
  const failed = new Promise<never>((_, reject) => {
    for (const stream of streams) stream.once('error', reject);
  });
  const records = new BatchedWriter(streams[0] as WriteStream);
  const truths = new BatchedWriter(streams[1] as WriteStream);
  const result: WriteSampleResult = {
    out: options.out,
    truthOut,
    format,
    reviews: 0,
    products: 0,
    languages: {},
    polarizedProducts: 0,
    pii: 0,
    profanity: 0,
    duplicates: 0,
    html: 0,
  };
  const polarized = new Set<string>();
  const work = (async () => {
    if (format === 'csv') await records.write(csvHeader());
    let lastProduct = '';
    for (const { record, truth } of generateSample(options)) {
      await records.write(format === 'csv' ? csvRow(record) : `${JSON.stringify(record)}\n`);
      await truths.write(`${JSON.stringify(truth)}\n`);
      result.reviews++;
      if (record.product_id !== lastProduct) {
        result.products++;
        lastProduct = record.product_id;
      }
      if (truth.polarized_flaw) polarized.add(truth.product_id);
      result.languages[truth.language] = (result.languages[truth.language] ?? 0) + 1;
      if (truth.pii.length > 0) result.pii++;
      if (truth.profanity.length > 0) result.profanity++;
      if (truth.duplicate_of) result.duplicates++;
      if (truth.has_html) result.html++;
    }
    await records.close();
    await truths.close();
  })();
  try {
    await Promise.race([work, failed]);
  } catch (error) {
    for (const stream of streams) stream.destroy();
    throw error;
  }
  result.polarizedProducts = polarized.size;
  return result;
}
