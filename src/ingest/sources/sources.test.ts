import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv-source.js';
import { byteLines, parseJsonl } from './jsonl-source.js';
import type { SourceItem } from './source-item.js';

async function collect(items: AsyncIterable<SourceItem>): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const chunked = (buffer: Buffer, size: number) => {
  const parts: Buffer[] = [];
  for (let i = 0; i < buffer.length; i += size) parts.push(buffer.subarray(i, i + size));
  return Readable.from(parts);
};

describe('JSONL source', () => {
  it('splits lines across arbitrary chunk boundaries, including inside multi-byte characters', async () => {
    const text = '{"a":"Größe ł é 👍"}\n{"a":"ß"}\n{"a":"end"}';
    for (const size of [1, 2, 3, 7, 1000]) {
      const items = await collect(parseJsonl(chunked(Buffer.from(text), size)));
      expect(items.map((i) => (i.kind === 'record' ? i.fields.a : i.kind))).toEqual(['Größe ł é 👍', 'ß', 'end']);
    }
  });

  it('rejects a line of invalid UTF-8 on its own and keeps going', async () => {
    const bad = Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n{"a":"ok"}\n')]);
    const items = await collect(parseJsonl(Readable.from([bad])));
    expect(items[0]).toMatchObject({ kind: 'reject', position: 1, rejection: { reason: 'invalid_utf8' } });
    expect(items[1]).toMatchObject({ kind: 'record', position: 2, fields: { a: 'ok' } });
  });

  it('rejects malformed JSON and non-objects, and skips blank lines without counting them as records', async () => {
    const items = await collect(parseJsonl(Readable.from([Buffer.from('{"a":1}\n\n{oops\n[1,2]\r\n"str"\n')])));
    expect(items.map((i) => (i.kind === 'reject' ? i.rejection.reason : 'record'))).toEqual([
      'record',
      'malformed_record',
      'malformed_record',
      'malformed_record',
    ]);
    expect(items.map((i) => i.position)).toEqual([1, 3, 4, 5]);
  });

  it('yields nothing for an empty stream', async () => {
    const lines: unknown[] = [];
    for await (const line of byteLines(Readable.from([]))) lines.push(line);
    expect(lines).toEqual([]);
  });
});

describe('CSV source', () => {
  it('reads RFC 4180 quoting: commas, doubled quotes and newlines inside fields', async () => {
    const csv = 'review_id,review_text,star_rating\nr1,"Great, really ""great""\nsecond line",5\nr2,plain,4\n';
    const items = await collect(parseCsv(Readable.from([Buffer.from(csv)])));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      kind: 'record',
      fields: { review_id: 'r1', review_text: 'Great, really "great"\nsecond line', star_rating: '5' },
    });
  });

  it('rejects rows with the wrong column count and invalid UTF-8, keeping the other rows', async () => {
    const csv = Buffer.concat([
      Buffer.from('review_id,review_text\nr1,ok\nr2,too,many\nr3,"bad '),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"\nr4,fine\n'),
    ]);
    const items = await collect(parseCsv(Readable.from([csv])));
    expect(items.map((i) => (i.kind === 'reject' ? i.rejection.reason : 'record'))).toEqual([
      'record',
      'malformed_record',
      'invalid_utf8',
      'record',
    ]);
  });

  it('reports an unclosed quote as one reject instead of failing the run', async () => {
    const items = await collect(
      parseCsv(Readable.from([Buffer.from('review_id,review_text\nr1,ok\nr2,"never closed\n')])),
    );
    expect(items[0]?.kind).toBe('record');
    expect(items[1]).toMatchObject({ kind: 'reject', rejection: { reason: 'malformed_record' } });
  });
});
