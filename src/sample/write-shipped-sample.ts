import { packagePath } from '../package-root.js';
import type { SampleOptions } from './types.js';
import { type WriteSampleResult, writeSample } from './write-sample.js';

/**
 * The small sample committed under data/sample/ (used by `npm start` and the demo). Regenerate it with
 *   REGENERATE_SAMPLE=1 npx vitest run src/sample
 * and commit both files; shipped-sample.test.ts fails when they drift from what the generator produces.
 */
export const SHIPPED_SAMPLE_OPTIONS: Required<SampleOptions> = { products: 40, seed: 42, reviewsPerProduct: [25, 45] };

export const SHIPPED_SAMPLE_PATH = packagePath('data', 'sample', 'reviews.jsonl');

export function writeShippedSample(out: string = SHIPPED_SAMPLE_PATH): Promise<WriteSampleResult> {
  return writeSample({ ...SHIPPED_SAMPLE_OPTIONS, out, format: 'jsonl' });
}
