import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse';
import { MAX_LINE_BYTES } from './jsonl-source.js';
import type { ReviewSource, SourceItem } from './source-item.js';
import { truncateRaw } from './source-item.js';

/** U+FFFD only appears when the bytes were not valid UTF-8 (the decoder replaced them). */
const REPLACEMENT_CHAR = '\uFFFD';

/**
 * RFC 4180 CSV with a header row; quoted fields may contain commas, quotes and newlines.
 * A row with the wrong number of columns is rejected alone; a structural error that makes the rest of the
 * file unreadable (an unclosed quote) is rejected with the position where it happened, and the read stops.
 */
export function csvSource(path: string): ReviewSource {
  return {
    name: `file:${basename(path)}`,
    items: () => parseCsv(createReadStream(path, { highWaterMark: 1 << 20 })),
  };
}

interface CsvRow {
  record: string[];
  raw: string;
}

/**
 * Yields parsed rows, then the parser's error if it failed. Rows parsed before a fatal error are delivered
 * first (async-iterating the stream directly would drop them when the stream is destroyed by the error).
 * The input is paused while the queue is full, so memory stays bounded.
 */
async function* rowsThenError(
  input: NodeJS.ReadableStream,
  parser: ReturnType<typeof parse>,
): AsyncGenerator<CsvRow | { error: Error }> {
  const queue: CsvRow[] = [];
  let failure: Error | null = null;
  let finished = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    wake?.();
    wake = null;
  };
  parser.on('data', (row: CsvRow) => {
    queue.push(row);
    if (queue.length >= 1000) input.pause();
    signal();
  });
  parser.on('error', (error) => {
    failure = error;
    finished = true;
    signal();
  });
  parser.on('end', () => {
    finished = true;
    signal();
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for (;;) {
    if (queue.length > 0) {
      yield queue.shift()!;
      if (queue.length < 100) input.resume();
      continue;
    }
    if (finished) break;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
  if (failure) yield { error: failure };
}

export async function* parseCsv(stream: NodeJS.ReadableStream | AsyncIterable<Buffer>): AsyncGenerator<SourceItem> {
  const parser = parse({
    bom: true,
    columns: false,
    relax_column_count: true,
    skip_empty_lines: true,
    raw: true,
    // An unclosed quote would otherwise buffer the rest of the file as one field: memory stays bounded.
    max_record_size: MAX_LINE_BYTES,
  });
  let header: string[] | null = null;
  let position = 0;
  for await (const row of rowsThenError(stream as NodeJS.ReadableStream, parser)) {
    if ('error' in row) {
      position += 1;
      yield {
        kind: 'reject',
        position,
        raw: '',
        rejection: {
          reason: 'malformed_record',
          detail: `CSV could not be parsed past record ${position - 1}: ${row.error.message}`,
        },
      };
      return;
    }
    if (header === null) {
      header = row.record.map((name) => name.trim());
      continue;
    }
    position += 1;
    const raw = truncateRaw(row.raw);
    if (row.record.some((value) => value.includes(REPLACEMENT_CHAR))) {
      yield {
        kind: 'reject',
        position,
        raw,
        rejection: { reason: 'invalid_utf8', detail: `record ${position} is not valid UTF-8` },
      };
      continue;
    }
    if (row.record.length !== header.length) {
      yield {
        kind: 'reject',
        position,
        raw,
        rejection: {
          reason: 'malformed_record',
          detail: `record ${position} has ${row.record.length} columns, the header has ${header.length}`,
        },
      };
      continue;
    }
    // An empty CSV cell means "absent", like a missing key in JSONL. fromEntries defines own properties, so a
    // "__proto__" column stays a column instead of replacing the record's prototype.
    const fields: Record<string, unknown> = Object.fromEntries(
      header.flatMap((name, index) => {
        const value = row.record[index];
        return value !== undefined && value !== '' ? [[name, value]] : [];
      }),
    );
    yield { kind: 'record', position, raw, fields };
  }
}
