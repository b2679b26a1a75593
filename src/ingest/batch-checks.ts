import type { Kysely } from 'kysely';
import type { Review } from '../domain/review.js';
import type { Database } from '../store/schema.js';
import {
  BatchExpectations,
  BatchExpectationsError,
  describeFailures,
  type ExpectationOptions,
  type ExpectationSuiteResult,
} from './expectations/batch-expectations.js';
import { quarantineRun } from './expectations/quarantine.js';
import type { ReviewBombingOptions } from './flags/review-bombing.js';
import { flagReviewBombing } from './flags/review-bombing-pass.js';

export interface BatchCheckOptions extends ReviewBombingOptions {
  readonly expectations?: ExpectationOptions;
}

export interface BatchCheckOutcome {
  readonly expectations: ExpectationSuiteResult;
  /** Flags added after the batch was written (review_bombing), by reason. */
  readonly flagsAdded: Record<string, number>;
  /** Reviews that had no flag before and are now kept out of summaries. */
  readonly newlyExcluded: number;
  /** Reviews of a failed batch kept out of index and summaries (0 when the batch passed). */
  readonly quarantined: number;
}

/**
 * The checks that need the whole batch, run once the per-review preparation and the writes are done:
 * batch expectations (observed while streaming) and review bombing (per product, against the store).
 * A failed, enforced batch is quarantined instead of bombing-checked, and `assertPassed` then stops the run.
 */
export class BatchChecks {
  private readonly expectations: BatchExpectations;
  private readonly changedProducts = new Set<string>();
  private readonly startedAt = new Date().toISOString();
  private outcome: BatchCheckOutcome | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly runId: string,
    private readonly options: BatchCheckOptions = {},
  ) {
    this.expectations = new BatchExpectations(options.expectations);
  }

  observeRecord(fields: Record<string, unknown>): void {
    this.expectations.observeRecord(fields);
  }

  afterWrite(accepted: readonly Review[], changedProductIds: readonly string[]): void {
    this.expectations.observeAccepted(accepted);
    for (const productId of changedProductIds) this.changedProducts.add(productId);
  }

  async finish(counts: {
    reviews_read: number;
    reviews_rejected: number;
    rejects_by_reason: Record<string, number>;
  }): Promise<BatchCheckOutcome> {
    const expectations = this.expectations.evaluate(counts);
    if (!expectations.success && expectations.enforced) {
      const quarantined = await quarantineRun(this.db, this.runId, this.startedAt, describeFailures(expectations));
      this.outcome = { expectations, flagsAdded: {}, newlyExcluded: 0, quarantined };
      return this.outcome;
    }
    const bombing = await flagReviewBombing(this.db, this.changedProducts, this.runId, this.options);
    this.outcome = {
      expectations,
      flagsAdded: bombing.flagged > 0 ? { review_bombing: bombing.flagged } : {},
      newlyExcluded: bombing.newlyExcluded,
      quarantined: 0,
    };
    return this.outcome;
  }

  /** Throws when the batch failed enforced expectations; call after the outcome is recorded. */
  assertPassed(): void {
    const outcome = this.outcome;
    if (outcome && !outcome.expectations.success && outcome.expectations.enforced) {
      throw new BatchExpectationsError(outcome.expectations, outcome.quarantined);
    }
  }
}
