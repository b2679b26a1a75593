import type { Kysely } from 'kysely';
import { type Experiment, runningExperiment } from '../store/experiments.js';
import type { Database } from '../store/schema.js';

/**
 * The running experiment, re-read from the store at most every `ttlMs`: the hot path must not query the store
 * per request, and a started or stopped experiment takes effect within the TTL on every process.
 */
export class ExperimentCache {
  private value: Experiment | undefined;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<Experiment | undefined> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 5_000,
  ) {}

  current(): Experiment | undefined | Promise<Experiment | undefined> {
    if (Date.now() - this.loadedAt < this.ttlMs) return this.value;
    return this.refresh();
  }

  refresh(): Promise<Experiment | undefined> {
    this.pending ??= runningExperiment(this.db)
      .then((experiment) => {
        this.value = experiment;
        this.loadedAt = Date.now();
        return experiment;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }
}
