/**
 * Batch expectations, in the spirit of Great Expectations: declarative checks over a whole ingest batch
 * (one input file, one database window), each with an observed unexpected count and a tolerance. Single bad
 * records are dead-lettered by the contract anyway; these checks catch a batch that is broken as a whole
 * (an export with the wrong column, a mis-encoded file, a language the shop does not serve), which must stop
 * before it reaches the index and the summaries. They are computed while streaming: O(1) memory per record.
 */
import { type Language, SUPPORTED_LANGUAGES } from '../../domain/languages.js';
import type { Review } from '../../domain/review.js';

export interface ExpectationOptions {
  /** Languages the stored reviews must be in (default: every shop language). */
  readonly languages?: readonly Language[];
  /** Each column expectation must hold for at least this share of the batch's records (default 0.95). */
  readonly mostly?: number;
  /** Share of rejected records above which the batch fails (default 0.1). */
  readonly maxRejectShare?: number;
  /** Stop the batch when an expectation fails (default false: evaluate and record only). */
  readonly enforce?: boolean;
}

export const DEFAULT_MOSTLY = 0.95;
export const DEFAULT_MAX_REJECT_SHARE = 0.1;

export interface ExpectationResult {
  readonly expectation_type: string;
  readonly kwargs: Record<string, unknown>;
  readonly success: boolean;
  readonly result: {
    readonly element_count: number;
    readonly unexpected_count: number;
    readonly unexpected_percent: number;
  };
}

export interface ExpectationSuiteResult {
  readonly success: boolean;
  readonly enforced: boolean;
  readonly statistics: { evaluated: number; successful: number; unsuccessful: number };
  readonly results: readonly ExpectationResult[];
}

export class BatchExpectationsError extends Error {
  readonly code = 'RL_ERR_EXPECTATIONS_FAILED';
  constructor(
    readonly suite: ExpectationSuiteResult,
    readonly quarantined: number,
  ) {
    super(
      `batch expectations failed: ${describeFailures(suite)}. Index and summarize did not run; the ${quarantined} ` +
        'reviews this batch wrote are flagged batch_failed until a corrected batch is ingested',
    );
  }
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function ratingInRange(value: unknown): boolean {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= 5;
}

/** Observes the batch as it streams by, then evaluates the suite. */
export class BatchExpectations {
  private nullIds = 0;
  private ratings = 0;
  private ratingsOutOfRange = 0;
  private blankTexts = 0;
  private accepted = 0;
  private languageOutOfSet = 0;
  private readonly languages: ReadonlySet<string>;

  constructor(private readonly options: ExpectationOptions = {}) {
    this.languages = new Set(options.languages ?? SUPPORTED_LANGUAGES);
  }

  /** Every record the source parsed (before the contract), rejected or not. */
  observeRecord(fields: Record<string, unknown>): void {
    if (isBlank(fields.review_id)) this.nullIds += 1;
    if (!isBlank(fields.star_rating)) {
      // Like Great Expectations, a range check ignores nulls: a missing rating is the contract's business.
      this.ratings += 1;
      if (!ratingInRange(fields.star_rating)) this.ratingsOutOfRange += 1;
    }
    if (isBlank(fields.review_text) || typeof fields.review_text !== 'string') this.blankTexts += 1;
  }

  /** Reviews accepted into the store (after cleaning and language id). */
  observeAccepted(reviews: readonly Review[]): void {
    this.accepted += reviews.length;
    for (const review of reviews) if (!this.languages.has(review.language)) this.languageOutOfSet += 1;
  }

  evaluate(counts: {
    reviews_read: number;
    reviews_rejected: number;
    rejects_by_reason: Record<string, number>;
  }): ExpectationSuiteResult {
    const mostly = this.options.mostly ?? DEFAULT_MOSTLY;
    const maxRejectShare = this.options.maxRejectShare ?? DEFAULT_MAX_REJECT_SHARE;
    // Records that could not even be parsed count as elements: a file that is mostly garbage fails here too.
    const elements = counts.reviews_read;
    const column = (type: string, kwargs: Record<string, unknown>, unexpected: number, of = elements) =>
      result(type, { ...kwargs, mostly }, of, unexpected, (share) => share <= 1 - mostly + 1e-12);
    const results = [
      column('expect_column_values_to_not_be_null', { column: 'review_id' }, this.nullIds),
      column('expect_column_values_to_be_unique', { column: 'review_id' }, counts.rejects_by_reason.duplicate_id ?? 0),
      column(
        'expect_column_values_to_be_between',
        { column: 'star_rating', min_value: 1, max_value: 5 },
        this.ratingsOutOfRange,
        this.ratings,
      ),
      column(
        'expect_column_values_to_be_in_set',
        { column: 'language', value_set: [...this.languages] },
        this.languageOutOfSet,
        this.accepted,
      ),
      // Blank in the input, or nothing left once the markup is removed.
      column(
        'expect_column_values_to_not_be_empty',
        { column: 'review_text' },
        this.blankTexts + (counts.rejects_by_reason.empty_text ?? 0),
      ),
      result(
        'expect_table_reject_share_to_be_below',
        { max_value: maxRejectShare },
        elements,
        counts.reviews_rejected,
        (share) => share <= maxRejectShare,
      ),
    ];
    const unsuccessful = results.filter((r) => !r.success).length;
    return {
      success: unsuccessful === 0,
      enforced: this.options.enforce ?? false,
      statistics: { evaluated: results.length, successful: results.length - unsuccessful, unsuccessful },
      results,
    };
  }
}

function result(
  type: string,
  kwargs: Record<string, unknown>,
  elements: number,
  unexpected: number,
  passes: (share: number) => boolean,
): ExpectationResult {
  const share = elements === 0 ? 0 : unexpected / elements;
  return {
    expectation_type: type,
    kwargs,
    success: passes(share),
    result: {
      element_count: elements,
      unexpected_count: unexpected,
      unexpected_percent: Math.round(share * 10_000) / 100,
    },
  };
}

export function describeFailures(suite: ExpectationSuiteResult): string {
  return suite.results
    .filter((r) => !r.success)
    .map((r) => {
      const column = typeof r.kwargs.column === 'string' ? `(${r.kwargs.column})` : '';
      const allowed =
        r.expectation_type === 'expect_table_reject_share_to_be_below'
          ? `${(Number(r.kwargs.max_value) * 100).toFixed(1)}%`
          : `${((1 - Number(r.kwargs.mostly)) * 100).toFixed(1)}%`;
      return `${r.expectation_type}${column}: ${r.result.unexpected_count} of ${r.result.element_count} (${r.result.unexpected_percent}%) > ${allowed} allowed`;
    })
    .join('; ');
}
