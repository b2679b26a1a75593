import type { Kysely } from 'kysely';
import { type Experiment, runningExperiment } from '../store/experiments.js';
import type { Database } from '../store/schema.js';

/**
 * A value re-read from the store at most every `ttlMs`: the hot path must not query the store per request,
 * and a change (an experiment started, a version promoted or rolled back) takes effect within the TTL on every
 * process. Concurrent misses share one load.
 */
export class RefreshingValue<T> {
  private value: T | undefined;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<T> | null = null;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs = 5_000,
  ) {}

  current(): T | Promise<T> {
    if (Date.now() - this.loadedAt < this.ttlMs) return this.value as T;
    return this.refresh();
  }

  refresh(): Promise<T> {
    this.pending ??= this.load()
      .then((value) => {
        this.value = value;
        this.loadedAt = Date.now();
        return value;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}

/** The running experiment. */
export class ExperimentCache extends RefreshingValue<Experiment | undefined> {
  constructor(db: Kysely<Database>, ttlMs = 5_000) {
    super(() => runningExperiment(db), ttlMs);
  }
}

/** The registry's production model version: what shoppers see when no experiment assigns them an arm. */
export class ProductionVersionCache extends RefreshingValue<string | undefined> {
  constructor(db: Kysely<Database>, ttlMs = 5_000) {
    super(
      async () =>
        (await db.selectFrom('model_versions').select('version').where('stage', '=', 'production').executeTakeFirst())
          ?.version,
      ttlMs,
    );
  }
}
