import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface StoredPolarityModel {
  readonly modelId: string;
  readonly format: string;
  readonly artifact: string;
  readonly report: Record<string, unknown>;
  readonly createdAt: string;
}

/** Stores an artifact and makes it the one the index stage uses (the previous one stays, inactive). */
export async function activatePolarityModel(
  db: Kysely<Database>,
  model: Omit<StoredPolarityModel, 'createdAt'>,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('polarity_models').set({ active: 0 }).where('active', '=', 1).execute();
    const row = {
      format: model.format,
      artifact: model.artifact,
      report: JSON.stringify(model.report),
      active: 1,
      created_at: now.toISOString(),
    };
    await trx
      .insertInto('polarity_models')
      .values({ model_id: model.modelId, ...row })
      .onConflict((oc) => oc.column('model_id').doUpdateSet(row))
      .execute();
  });
}

/** Merges fields into a stored model's report (e.g. a retrain attempt that did not replace it). */
export async function amendPolarityReport(
  db: Kysely<Database>,
  modelId: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('polarity_models')
      .select('report')
      .where('model_id', '=', modelId)
      .executeTakeFirst();
    if (!row) return;
    const report = { ...(JSON.parse(row.report) as Record<string, unknown>), ...fields };
    await trx
      .updateTable('polarity_models')
      .set({ report: JSON.stringify(report) })
      .where('model_id', '=', modelId)
      .execute();
  });
}

/** Back to the lexicon: no model is active. */
export async function deactivatePolarityModels(db: Kysely<Database>): Promise<void> {
  await db.updateTable('polarity_models').set({ active: 0 }).where('active', '=', 1).execute();
}

export async function activePolarityModel(db: Kysely<Database>): Promise<StoredPolarityModel | undefined> {
  const row = await db.selectFrom('polarity_models').selectAll().where('active', '=', 1).executeTakeFirst();
  if (!row) return undefined;
  return {
    modelId: row.model_id,
    format: row.format,
    artifact: row.artifact,
    report: JSON.parse(row.report) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

/** What the dashboard shows about the active model, without the (large) artifact. */
export async function activePolarityModelInfo(
  db: Kysely<Database>,
): Promise<{ model_id: string; created_at: string; report: Record<string, unknown> } | null> {
  const row = await db
    .selectFrom('polarity_models')
    .select(['model_id', 'created_at', 'report'])
    .where('active', '=', 1)
    .executeTakeFirst();
  return row ? { model_id: row.model_id, created_at: row.created_at, report: JSON.parse(row.report) } : null;
}
