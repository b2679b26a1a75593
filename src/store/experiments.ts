import type { Kysely, Selectable } from 'kysely';
import type { Database, ExperimentsTable } from './schema.js';

export type Experiment = Selectable<ExperimentsTable>;

export class ExperimentError extends Error {
  readonly code = 'RL_ERR_EXPERIMENT';
}

export async function createExperiment(
  db: Kysely<Database>,
  input: { name: string; champion: string; challenger: string; challengerShare?: number },
): Promise<Experiment> {
  const share = input.challengerShare ?? 0.5;
  if (!(share > 0 && share < 1)) throw new ExperimentError('challenger share must be between 0 and 1 (exclusive)');
  if (input.champion === input.challenger) throw new ExperimentError('champion and challenger must differ');
  const row: Experiment = {
    name: input.name,
    champion: input.champion,
    challenger: input.challenger,
    challenger_share: share,
    status: 'running',
    created_at: new Date().toISOString(),
    stopped_at: null,
  };
  const existing = await findExperiment(db, input.name);
  if (existing) throw new ExperimentError(`experiment "${input.name}" already exists`);
  await db.insertInto('experiments').values(row).execute();
  return row;
}

export async function stopExperiment(db: Kysely<Database>, name: string): Promise<boolean> {
  const result = await db
    .updateTable('experiments')
    .set({ status: 'stopped', stopped_at: new Date().toISOString() })
    .where('name', '=', name)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export function findExperiment(db: Kysely<Database>, name: string): Promise<Experiment | undefined> {
  return db.selectFrom('experiments').selectAll().where('name', '=', name).executeTakeFirst();
}

export function listExperiments(db: Kysely<Database>): Promise<Experiment[]> {
  return db.selectFrom('experiments').selectAll().orderBy('created_at', 'desc').execute();
}

/** The experiment the summary route applies: the newest running one (one at a time keeps attribution simple). */
export function runningExperiment(db: Kysely<Database>): Promise<Experiment | undefined> {
  return db
    .selectFrom('experiments')
    .selectAll()
    .where('status', '=', 'running')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
