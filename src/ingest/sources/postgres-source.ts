import pg from 'pg';
import Cursor from 'pg-cursor';
import type { ReviewSource, SourceItem } from './source-item.js';
import { truncateRaw } from './source-item.js';

export interface PostgresSourceOptions {
  /** Connection string of the source database (never logged: it may carry a password). */
  readonly url: string;
  /** `table` or `schema.table`. */
  readonly table: string;
  /** Rows with `timestampColumn` ≥ since … */
  readonly since: Date;
  /** … and < until: consecutive daily windows neither overlap nor leave gaps. */
  readonly until: Date;
  /** The source's creation-time column (default `created_at`; the mapped column when created_at is mapped). */
  readonly timestampColumn?: string;
  /** Rows fetched per cursor read (default 1000): memory is bounded by this, not by the table. */
  readonly fetchRows?: number;
}

export class SourceError extends Error {
  readonly code = 'RL_ERR_SOURCE';
}

const DATE_OID = 1082;

/**
 * Rows of a source table with their creation time in a window, like a daily job, streamed with a
 * server-side cursor. Timestamps arrive as ISO 8601 strings; `date` columns stay calendar dates
 * (pg would turn them into local-midnight Dates), 64-bit integers and numerics stay strings.
 */
export function postgresSource(options: PostgresSourceOptions): ReviewSource {
  if (Number.isNaN(options.since.getTime()) || Number.isNaN(options.until.getTime())) {
    throw new SourceError('the PostgreSQL source needs a valid --since and --until (ISO 8601)');
  }
  if (options.since >= options.until) {
    throw new SourceError(
      `empty window: --since ${options.since.toISOString()} is not before --until ${options.until.toISOString()}`,
    );
  }
  return {
    name: `postgres:${options.table}[${options.since.toISOString()},${options.until.toISOString()})`,
    items: () => readWindow(options),
  };
}

function quotedTable(table: string): string {
  const parts = table.split('.');
  if (parts.length > 2 || parts.some((part) => part === '')) {
    throw new SourceError(`"${table}" is not a table name (use table or schema.table)`);
  }
  return parts.map((part) => pg.escapeIdentifier(part)).join('.');
}

async function* readWindow(options: PostgresSourceOptions): AsyncGenerator<SourceItem> {
  const column = pg.escapeIdentifier(options.timestampColumn ?? 'created_at');
  const query = `select * from ${quotedTable(options.table)} where ${column} >= $1 and ${column} < $2 order by ${column}`;
  const client = new pg.Client({
    connectionString: options.url,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID
          ? (value: string) => value
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection while idle between reads must surface as a failed read, not an uncaught event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new SourceError(`cannot connect to the source database: ${(error as Error).message}`);
  }
  try {
    // One snapshot of the table for the whole read: rows committed meanwhile belong to the next run.
    await client.query('begin transaction isolation level repeatable read read only');
    const cursor = client.query(new Cursor(query, [options.since.toISOString(), options.until.toISOString()]));
    let position = 0;
    for (;;) {
      let rows: Record<string, unknown>[];
      try {
        rows = await cursor.read(options.fetchRows ?? 1000);
      } catch (error) {
        throw new SourceError(`reading ${options.table} failed after ${position} rows: ${(error as Error).message}`);
      }
      if (rows.length === 0) break;
      for (const row of rows) {
        position += 1;
        const fields = toFields(row);
        yield { kind: 'record', position, raw: truncateRaw(JSON.stringify(fields)), fields };
      }
    }
    await cursor.close();
    await client.query('commit');
  } finally {
    await client.end().catch(() => {});
  }
}

function toFields(row: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    // SQL NULL means "absent", like a missing key in JSONL.
    if (value === null || value === undefined) continue;
    fields[name] = value instanceof Date ? value.toISOString() : value;
  }
  return fields;
}
