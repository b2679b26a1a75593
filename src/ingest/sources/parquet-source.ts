import { basename } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import {
  type AsyncBuffer,
  asyncBufferFromFile,
  type Compressors,
  parquetMetadataAsync,
  parquetReadObjects,
} from 'hyparquet';
import type { ReviewSource, SourceItem } from './source-item.js';
import { truncateRaw } from './source-item.js';

/**
 * Codecs beyond hyparquet's built-in Snappy. ZSTD (our own snapshots, DuckDB and Spark defaults) is decoded
 * in pure JS (fzstd) because Node 20's zlib has no zstd; gzip and brotli come from zlib.
 */
const COMPRESSORS: Compressors = {
  ZSTD: (input) => zstdDecompress(input),
  GZIP: (input) => new Uint8Array(gunzipSync(input)),
  BROTLI: (input) => new Uint8Array(brotliDecompressSync(input)),
};

/**
 * A Parquet file, read one row group at a time: the footer first, then only the column chunks of the
 * current row group are fetched from disk and decoded, so memory follows the row-group size, not the file.
 * The reader is pure JS (hyparquet), so a damaged file is an exception we can report — parquet-wasm (used to
 * write snapshots) aborts the process on some corrupt inputs. Columns are matched by name to the input
 * contract (`withColumnMapping` renames others). A file that is not Parquet, is truncated or cannot be decoded
 * becomes one `malformed_record` reject that says why (rows already delivered stay delivered), never a crash.
 */
export function parquetSource(path: string): ReviewSource {
  return {
    name: `file:${basename(path)}`,
    items: () => readParquet(() => asyncBufferFromFile(path)),
  };
}

export async function* readParquet(open: () => Promise<AsyncBuffer>): AsyncGenerator<SourceItem> {
  let position = 0;
  let rowGroup = -1;
  const fail = (error: unknown): SourceItem => ({
    kind: 'reject',
    position: position + 1,
    raw: '',
    rejection: {
      reason: 'malformed_record',
      detail:
        rowGroup < 0
          ? `not a readable Parquet file: ${describe(error)}`
          : `Parquet row group ${rowGroup} could not be read (after row ${position}): ${describe(error)}`,
    },
  });

  // A missing or unreadable file is the caller's error, like for JSONL and CSV, not a malformed record.
  const file = await open();
  let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    yield fail(error);
    return;
  }
  let rowStart = 0;
  for (rowGroup = 0; rowGroup < metadata.row_groups.length; rowGroup++) {
    const rowEnd = rowStart + Number(metadata.row_groups[rowGroup]!.num_rows);
    let rows: Record<string, unknown>[];
    try {
      if (!Number.isSafeInteger(rowEnd) || rowEnd < rowStart) throw new Error('invalid row count in the footer');
      rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors: COMPRESSORS });
    } catch (error) {
      yield fail(error);
      return;
    }
    for (const row of rows) {
      position += 1;
      const fields = toFields(row);
      yield { kind: 'record', position, raw: truncateRaw(safeJson(fields)), fields };
    }
    rowStart = rowEnd;
  }
}

function toFields(row: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    const converted = toContractValue(value);
    // A null cell means "absent", like a missing key in JSONL or an empty CSV cell.
    if (converted !== null && converted !== undefined) fields[name] = converted;
  }
  return fields;
}

/**
 * Parquet values as the contract reads them: timestamps and dates become ISO 8601 strings, 64-bit integers
 * numbers (or strings beyond 2^53, so an id is never rounded), undecoded byte arrays UTF-8 text.
 */
function toContractValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (value instanceof Uint8Array) return new TextDecoder('utf-8').decode(value);
  return value;
}

/** Nested values may still hold bigints, which JSON.stringify refuses. */
function safeJson(fields: Record<string, unknown>): string {
  return JSON.stringify(fields, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 300) || 'unknown error';
}
