import { extname } from 'node:path';
import { type ColumnMapping, parseColumnMapping, withColumnMapping } from './column-mapping.js';
import { csvSource } from './csv-source.js';
import { jsonlSource } from './jsonl-source.js';
import { parquetSource } from './parquet-source.js';
import { postgresSource, SourceError } from './postgres-source.js';
import type { ReviewSource } from './source-item.js';

export class UnsupportedSourceError extends Error {
  readonly code = 'RL_ERR_UNSUPPORTED_SOURCE';
}

/** Picks the reader from the file extension: .jsonl/.ndjson/.json lines, .csv or .parquet. */
export function openFileSource(path: string): ReviewSource {
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return jsonlSource(path);
  if (extension === '.csv') return csvSource(path);
  if (extension === '.parquet') return parquetSource(path);
  throw new UnsupportedSourceError(
    `unsupported input format "${extension || '(none)'}" for ${path}: use .jsonl, .csv or .parquet`,
  );
}

/** What `reviewlens ingest` was asked to read: a file, or a window of a source database table. */
export interface SourceSpec {
  readonly input?: string;
  /** PostgreSQL connection string of the source database. */
  readonly sourceUrl?: string;
  readonly sourceTable?: string;
  readonly since?: string;
  /** Default: now. */
  readonly until?: string;
  /** `field=column,…`: contract field ← source column. */
  readonly map?: string;
}

export function openSource(spec: SourceSpec, now = new Date()): ReviewSource {
  const mapping: ColumnMapping = parseColumnMapping(spec.map);
  if (spec.input !== undefined && spec.sourceUrl !== undefined) {
    throw new SourceError('give either --input FILE or --source-url, not both');
  }
  if (spec.input !== undefined) return withColumnMapping(openFileSource(spec.input), mapping);
  if (spec.sourceUrl === undefined) throw new SourceError('give --input FILE or --source-url URL --source-table T');
  if (!spec.sourceTable) throw new SourceError('--source-url needs --source-table');
  if (!spec.since) throw new SourceError('--source-url needs --since (start of the created_at window, ISO 8601)');
  const source = postgresSource({
    url: spec.sourceUrl,
    table: spec.sourceTable,
    since: new Date(spec.since),
    until: spec.until ? new Date(spec.until) : now,
    timestampColumn: mapping.created_at,
  });
  return withColumnMapping(source, mapping);
}
