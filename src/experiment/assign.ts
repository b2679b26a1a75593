import { createHash } from 'node:crypto';

export type Variant = 'champion' | 'challenger';

/**
 * Stable assignment: the same (subject, experiment) always gets the same variant, on every process and after
 * restarts, with no assignment table. Hashing the experiment name in decorrelates experiments from each other.
 */
export function assignVariant(experiment: string, subjectId: string, challengerShare: number): Variant {
  const digest = createHash('sha256').update(experiment).update('\u0000').update(subjectId).digest();
  const unit = digest.readUInt32BE(0) / 0x1_0000_0000;
  return unit < challengerShare ? 'challenger' : 'champion';
}
