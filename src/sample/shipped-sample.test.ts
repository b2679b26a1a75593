import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSample } from './generate.js';
import { truthPathFor } from './write-sample.js';
import { SHIPPED_SAMPLE_OPTIONS, SHIPPED_SAMPLE_PATH, writeShippedSample } from './write-shipped-sample.js';

// Regenerate the committed sample with: REGENERATE_SAMPLE=1 npx vitest run src/sample
const regenerate = process.env.REGENERATE_SAMPLE === '1';

describe('shipped sample (data/sample)', () => {
  it.runIf(regenerate)('regenerates data/sample/reviews.jsonl and its truth file', async () => {
    const result = await writeShippedSample();
    console.log(JSON.stringify(result, null, 2));
    expect(result.reviews).toBeGreaterThan(0);
  });

  it('is present, small, and exactly what the generator produces', () => {
    expect(existsSync(SHIPPED_SAMPLE_PATH)).toBe(true);
    const truthPath = truthPathFor(SHIPPED_SAMPLE_PATH);
    expect(statSync(SHIPPED_SAMPLE_PATH).size).toBeLessThan(1.5 * 1024 * 1024);
    expect(statSync(truthPath).size).toBeLessThan(1.5 * 1024 * 1024);
    const records = readFileSync(SHIPPED_SAMPLE_PATH, 'utf8').trimEnd().split('\n');
    const truths = readFileSync(truthPath, 'utf8').trimEnd().split('\n');
    expect(records.length).toBeGreaterThanOrEqual(1200);
    expect(records.length).toBeLessThanOrEqual(1600);
    const items = [...generateSample(SHIPPED_SAMPLE_OPTIONS)];
    expect(records).toEqual(items.map((item) => JSON.stringify(item.record)));
    expect(truths).toEqual(items.map((item) => JSON.stringify(item.truth)));
  });
});
