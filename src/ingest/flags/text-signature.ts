/**
 * The per-text part of a review's duplicate signature (duplicates.ts): pure and free of store imports, so the
 * ingest prepare worker computes it next to the dedup key it already has, off the main thread (which does the
 * store work and is the busier thread since the language detector got cheap; docs/ingest.md, throughput).
 */
import { hash } from 'node:crypto';
import { keyWordCount } from '../clean-text.js';
import { simhash, toHex } from './simhash.js';

export interface TextSignature {
  readonly text_hash: string;
  readonly user_hash: string | null;
  /** SimHash as 16 hex digits. */
  readonly simhash: string;
  readonly words: number;
}

// One-shot hash(): no Hash object per call (two hashes per review on the ingest hot path).
const sha1 = (text: string) => hash('sha1', text, 'base64url');

/** `key` is the text's dedupKey. */
export function textSignature(key: string, userId: string | null): TextSignature {
  return {
    text_hash: sha1(key),
    user_hash: userId === null ? null : sha1(`${userId}\n${key}`),
    simhash: toHex(simhash(key)),
    words: keyWordCount(key),
  };
}
