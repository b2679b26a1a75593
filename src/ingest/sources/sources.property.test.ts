import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REJECT_REASONS } from '../../domain/review.js';
import { parseLlmAnswer } from '../../summarize/llm/response.js';
import { parseCsv } from './csv-source.js';
import { parseJsonl } from './jsonl-source.js';
import type { SourceItem } from './source-item.js';

// Property tests of the file readers (and the LLM answer parser): any bytes, split into any chunks, give the
// same items; nothing throws; every rejection carries a known reason code; memory stays bounded on a file
// without line breaks.

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The same bytes, cut into chunks at the given points. */
function chunked(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    if (point > start) chunks.push(bytes.subarray(start, point));
    start = Math.max(start, point);
  }
  return chunks;
}

const lineParts = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.constantFrom('{"review_id":"r1","product_id":"p1"}', '{', '"x"', '[]', 'null', '{"__proto__":{"a":1}}', '\r', ''),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const jsonlBytes = fc.oneof(
  fc.array(lineParts, { maxLength: 8 }).map((lines) => Buffer.from(lines.join('\n'))),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

const csvCell = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('"', '""', '"a,b"', '"unclosed', 'a"b', '\r\n', '\n', ',', '\uFEFF', 'é', '__proto__'),
);
const csvBytes = fc.oneof(
  fc
    .array(fc.array(csvCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
    .map((rows) => Buffer.from(rows.map((row) => row.join(',')).join('\n'))),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
);

function checkItems(items: readonly SourceItem[]): void {
  let last = 0;
  for (const item of items) {
    expect(item.position).toBeGreaterThan(last);
    last = item.position;
    if (item.kind === 'reject') expect(REJECT_REASONS).toContain(item.rejection.reason);
    else expect(Object.getPrototypeOf(item.fields)).toBe(Object.prototype);
  }
}

describe('JSONL reader (property)', () => {
  it('never throws, positions increase, reasons are known, and chunking does not change the items', async () => {
    await fc.assert(
      fc.asyncProperty(jsonlBytes, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
        const whole = await collect(parseJsonl(Readable.from([bytes])));
        checkItems(whole);
        const pieces = await collect(parseJsonl(Readable.from(chunked(bytes, cuts))));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a line over the length limit without buffering it, and reads on', async () => {
    const limit = 1024;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: limit + 1, max: 20 * limit }),
        fc.integer({ min: 1, max: 4096 }),
        async (length, chunk) => {
          const good = '{"review_id":"r2"}';
          const bytes = Buffer.from(`${'x'.repeat(length)}\n${good}\n${'y'.repeat(length)}`);
          const items = await collect(parseJsonl(Readable.from(chunked(bytes, [chunk, chunk * 2, chunk * 3])), limit));
          expect(items.map((item) => item.kind)).toEqual(['reject', 'record', 'reject']);
          expect(items[0]!.kind === 'reject' && items[0]!.rejection.detail).toContain(`${length} bytes`);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('CSV reader (property)', () => {
  it('never throws, positions increase, reasons are known, and chunking does not change the items', async () => {
    await fc.assert(
      fc.asyncProperty(csvBytes, fc.array(fc.nat(), { maxLength: 6 }), async (bytes, cuts) => {
        const whole = await collect(parseCsv(Readable.from([bytes])));
        checkItems(whole);
        const pieces = await collect(parseCsv(Readable.from(chunked(bytes, cuts))));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a "__proto__" column as data', async () => {
    const items = await collect(parseCsv(Readable.from([Buffer.from('review_id,__proto__\nr1,x\n')])));
    expect(items[0]).toMatchObject({ kind: 'record' });
    expect(items[0]!.kind === 'record' && Object.entries(items[0]!.fields)).toEqual([
      ['review_id', 'r1'],
      ['__proto__', 'x'],
    ]);
  });
});

describe('LLM answer parser (property)', () => {
  it('never throws and either parses or lists problems, on any text or JSON', () => {
    const content = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((value) => `\`\`\`json\n${JSON.stringify({ overview: value, pros: [value], cons: value })}\n\`\`\``),
      fc.integer({ min: 1_000, max: 100_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
      fc.constantFrom(
        '{"__proto__":{"polluted":true},"overview":"x","pros":[],"cons":[]}',
        'null',
        '',
        '```',
        '{"overview":',
      ),
    );
    fc.assert(
      fc.property(fc.oneof(content, fc.constantFrom(null, undefined)), (text) => {
        const result = parseLlmAnswer(text);
        if (result.ok) expect(result.answer).toBeTypeOf('object');
        else expect(result.problems.length).toBeGreaterThan(0);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
