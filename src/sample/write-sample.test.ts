import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from './csv.js';
import { generateSample } from './generate.js';
import { truthPathFor, writeSample } from './write-sample.js';

const dir = mkdtempSync(join(tmpdir(), 'reviewlens-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTIONS = { products: 30, seed: 5 } as const;
const expected = [...generateSample(OPTIONS)];

describe('writeSample', () => {
  it('derives the truth path from the output path', () => {
    expect(truthPathFor('data/sample/reviews.jsonl')).toBe('data/sample/reviews.truth.jsonl');
    expect(truthPathFor('/tmp/x.csv')).toBe('/tmp/x.truth.jsonl');
    expect(truthPathFor('out')).toBe('out.truth.jsonl');
  });

  it('streams JSONL records and the truth side file, and returns counts', async () => {
    const out = join(dir, 'nested', 'reviews.jsonl');
    const result = await writeSample({ ...OPTIONS, out });
    expect(result.format).toBe('jsonl');
    expect(result.reviews).toBe(expected.length);
    expect(result.products).toBe(30);
    expect(Object.values(result.languages).reduce((a, b) => a + b, 0)).toBe(expected.length);
    const records = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const truths = readFileSync(result.truthOut, 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records).toEqual(expected.map((item) => item.record));
    expect(truths).toEqual(expected.map((item) => item.truth));
    expect(result.duplicates).toBe(expected.filter((item) => item.truth.duplicate_of).length);
    expect(result.pii).toBe(expected.filter((item) => item.truth.pii.length > 0).length);
  });

  it('writes RFC 4180 CSV that round-trips through csv-parse', async () => {
    const out = join(dir, 'reviews.csv');
    const result = await writeSample({ ...OPTIONS, out });
    expect(result.format).toBe('csv');
    const raw = readFileSync(out, 'utf8');
    expect(raw.startsWith(`"${CSV_COLUMNS.join('","')}"\r\n`)).toBe(true);
    const rows = parse(raw, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(rows).toHaveLength(expected.length);
    expect(expected.some((item) => item.record.review_text.includes('\n'))).toBe(true);
    rows.forEach((row, i) => {
      const record = expected[i]!.record as unknown as Record<string, unknown>;
      for (const column of CSV_COLUMNS) {
        const value = record[column];
        expect(row[column], `${i}/${column}`).toBe(value === undefined ? '' : String(value));
      }
    });
    expect(readFileSync(result.truthOut, 'utf8').trimEnd().split('\n')).toHaveLength(expected.length);
  });

  it('honours an explicit format over the extension', async () => {
    const out = join(dir, 'reviews.txt');
    const result = await writeSample({ ...OPTIONS, products: 2, out, format: 'csv' });
    expect(result.format).toBe('csv');
    expect(readFileSync(out, 'utf8').startsWith('"review_id"')).toBe(true);
  });
});
