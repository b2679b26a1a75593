import type { Kysely } from 'kysely';
import type { Summary } from '../domain/summary.js';
import type { Database } from './schema.js';

export interface StoredSummary {
  readonly summary: Summary;
  readonly etag: string;
  /** Claim key (`overview`, `pros.0`, `cons.1`) → cited chunk ids. */
  readonly context: SummaryContext;
}

export interface SummaryContext {
  readonly contextChunkIds: readonly string[];
  readonly strategy: string;
  /** Prompt template version, for LLM-produced summaries. */
  readonly promptVersion?: string;
}

export async function insertSummary(
  db: Kysely<Database>,
  row: {
    summary: Summary;
    productRevision: number;
    context: SummaryContext;
    etag: string;
    runId: string;
    /**
     * The model version the summary is stored under for change detection, when it differs from the one that
     * produced it (a built-in fallback stored for an LLM model version); the served JSON keeps the producer.
     */
    modelVersion?: string;
  },
): Promise<void> {
  await db
    .insertInto('summaries')
    .values({
      product_id: row.summary.product_id,
      model_version: row.modelVersion ?? row.summary.model_version,
      language: row.summary.language,
      product_revision: row.productRevision,
      summary: JSON.stringify(row.summary),
      context: JSON.stringify(row.context),
      etag: row.etag,
      generated_at: row.summary.generated_at,
      expires_at: row.summary.expires_at,
      run_id: row.runId,
    })
    .execute();
}

/** The newest summary of a product for a model version and language (any when not given). */
export async function latestSummary(
  db: Kysely<Database>,
  productId: string,
  modelVersion?: string,
  language?: string,
): Promise<StoredSummary | undefined> {
  let query = db
    .selectFrom('summaries')
    .select(['summary', 'etag', 'context'])
    .where('product_id', '=', productId)
    .orderBy('id', 'desc')
    .limit(1);
  if (modelVersion) query = query.where('model_version', '=', modelVersion);
  if (language) query = query.where('language', '=', language);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    summary: JSON.parse(row.summary) as Summary,
    etag: row.etag,
    context: JSON.parse(row.context) as SummaryContext,
  };
}

/** Latest summary per product for a model version, ordered by product id: for export. */
export async function* allLatestSummaries(db: Kysely<Database>, modelVersion?: string): AsyncGenerator<Summary> {
  let query = db
    .selectFrom('summaries')
    .select(({ fn }) => ['product_id', fn.max('id').as('id')])
    .groupBy('product_id')
    .orderBy('product_id');
  if (modelVersion) query = query.where('model_version', '=', modelVersion);
  const latest = await query.execute();
  for (let i = 0; i < latest.length; i += 500) {
    const ids = latest.slice(i, i + 500).map((row) => Number(row.id));
    const rows = await db
      .selectFrom('summaries')
      .select(['summary'])
      .where('id', 'in', ids)
      .orderBy('product_id')
      .execute();
    for (const row of rows) yield JSON.parse(row.summary) as Summary;
  }
}
