/**
 * The per-review, CPU-heavy part of ingest as one pure function over a batch of parsed records: contract
 * check, cleaning, language id, PII redaction, content flags and the duplicate signature.
 * It depends on nothing but the record and the options, so it runs unchanged in the main thread or in a
 * prepare worker (prepare-worker.ts); ingest.ts keeps everything that depends on order or the store.
 */
import type { Rejection, Review } from '../domain/review.js';
import { validateRecord } from './contract.js';
import { type TextSignature, textSignature } from './flags/text-signature.js';
import { type PrepareOptions, prepareReview } from './prepare-review.js';

/** Plain data (structured-clone safe): crosses the worker boundary as is. */
export type PreparedRecord =
  | {
      readonly ok: true;
      /**
       * With its content flags; `contentHash` is still empty: the ingest main thread hashes it once the batch's
       * duplicate flags are known (the hash covers them).
       */
      readonly review: Review;
      /** The duplicate signature of the stored text, from the dedup key the content flags already needed. */
      readonly signature: TextSignature;
    }
  | { readonly ok: false; readonly rejection: Rejection };

export interface PrepareBatchContext {
  readonly options: PrepareOptions;
  /** The run's clock for the "not in the future" date check (one value for the whole run). */
  readonly now: number;
}

export function prepareBatch(
  records: readonly Record<string, unknown>[],
  context: PrepareBatchContext,
): PreparedRecord[] {
  const results: PreparedRecord[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const checked = validateRecord(records[i]!, context.now);
    const prepared = checked.ok ? prepareReview(checked.record, context.options) : checked;
    if (!prepared.ok) {
      results[i] = { ok: false, rejection: prepared.rejection };
      continue;
    }
    results[i] = {
      ok: true,
      review: prepared.review,
      signature: textSignature(prepared.dedupKey, prepared.review.userId),
    };
  }
  return results;
}
