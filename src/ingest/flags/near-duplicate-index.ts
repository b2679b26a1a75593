/**
 * A bounded in-memory index of the most recent `capacity` SimHash signatures, for near-duplicate lookup
 * without a database round trip per batch. Memory is fixed at construction: two Uint32Array for the hashes,
 * one chain Int32Array per band (4 × capacity) and 4 × 65,536 chain heads, plus one id reference per slot
 * (~16 MB of typed arrays + the ids for 500k). Older signatures fall out of the ring (first in, first out):
 * near-duplicates are found within the window; exact duplicates are looked up in the store without a bound.
 *
 * Each band value keeps a singly linked chain newest → oldest through global sequence numbers; a chain walk
 * stops at the first sequence number that has left the window, so eviction needs no unlinking.
 */
import { bands, hamming, NEAR_DUPLICATE_DISTANCE, type SimHash } from './simhash.js';

const BAND_COUNT = 4;
const BAND_VALUES = 65_536;

export const DEFAULT_NEAR_DUPLICATE_WINDOW = 500_000;

export class NearDuplicateIndex {
  private readonly hi: Uint32Array;
  private readonly lo: Uint32Array;
  private readonly ids: (string | undefined)[];
  /** next[band][slot] = sequence number of the previous signature with the same band value, or -1. */
  private readonly next: Int32Array[];
  /** head[band][value] = newest sequence number with that band value, or -1. */
  private readonly head: Int32Array[];
  private sequence = 0;

  constructor(readonly capacity: number = DEFAULT_NEAR_DUPLICATE_WINDOW) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 2 ** 30) {
      throw new RangeError(`near-duplicate window must be an integer in 1..2^30, got ${capacity}`);
    }
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.ids = new Array(capacity);
    this.next = Array.from({ length: BAND_COUNT }, () => new Int32Array(capacity));
    this.head = Array.from({ length: BAND_COUNT }, () => new Int32Array(BAND_VALUES).fill(-1));
  }

  get size(): number {
    return Math.min(this.sequence, this.capacity);
  }

  /** The id of a signature within Hamming distance 3 (the most recent one), if any, excluding `selfId`. */
  find(hash: SimHash, selfId?: string): string | undefined {
    for (const id of this.matches(hash, selfId)) return id;
    return undefined;
  }

  /**
   * Every id within Hamming distance 3, excluding `selfId`, newest first within each band (an id matching in
   * several bands is yielded once). Lazy: a caller that must check each candidate (store-near-duplicates.ts)
   * stops at the first one that holds.
   */
  *matches(hash: SimHash, selfId?: string): Generator<string> {
    const oldest = this.sequence - this.capacity;
    const keys = bands(hash);
    let seen: Set<number> | undefined; // allocated at the first match: most lookups find none
    for (let band = 0; band < BAND_COUNT; band++) {
      const chain = this.next[band]!;
      let seq = this.head[band]![keys[band]! & 0xffff]!;
      while (seq >= 0 && seq >= oldest) {
        const slot = seq % this.capacity;
        const id = this.ids[slot];
        if (
          id !== undefined &&
          id !== selfId &&
          !seen?.has(seq) &&
          hamming(hash, { hi: this.hi[slot]!, lo: this.lo[slot]! }) <= NEAR_DUPLICATE_DISTANCE
        ) {
          seen ??= new Set();
          seen.add(seq);
          yield id;
        }
        seq = chain[slot]!;
      }
    }
  }

  /** Forgets every signature (the arrays are reused: a per-batch index is cleared, not reallocated). */
  clear(): void {
    for (const head of this.head) head.fill(-1);
    this.ids.fill(undefined);
    this.sequence = 0;
  }

  add(hash: SimHash, id: string): void {
    const seq = this.sequence;
    // Sequence numbers live in Int32Array chains: wrap long before 2^31 by rebasing is not needed for
    // realistic runs (2 billion signatures); fail loudly instead of corrupting chains.
    if (seq >= 2 ** 31 - 1) throw new RangeError('near-duplicate index sequence exhausted');
    const slot = seq % this.capacity;
    this.hi[slot] = hash.hi;
    this.lo[slot] = hash.lo;
    this.ids[slot] = id;
    const keys = bands(hash);
    for (let band = 0; band < BAND_COUNT; band++) {
      const value = keys[band]! & 0xffff;
      this.next[band]![slot] = this.head[band]![value]!;
      this.head[band]![value] = seq;
    }
    this.sequence = seq + 1;
  }
}
