import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ReviewSource, SourceItem } from './source-item.js';
import { truncateRaw } from './source-item.js';

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines without decoding it first, so each line can be decoded strictly:
 * a line with invalid UTF-8 is rejected on its own instead of being silently "repaired" with U+FFFD.
 */
export async function* byteLines(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of stream) {
    let buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    let newline = buffer.indexOf(NEWLINE, start);
    while (newline !== -1) {
      yield buffer.subarray(start, newline);
      start = newline + 1;
      newline = buffer.indexOf(NEWLINE, start);
    }
    buffer = buffer.subarray(start);
    carry = buffer.length > 0 ? Buffer.from(buffer) : null;
  }
  if (carry && carry.length > 0) yield carry;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function jsonlSource(path: string): ReviewSource {
  return {
    name: `file:${basename(path)}`,
    items: () => parseJsonl(createReadStream(path, { highWaterMark: 1 << 20 })),
  };
}

export async function* parseJsonl(stream: AsyncIterable<Buffer>): AsyncGenerator<SourceItem> {
  let position = 0;
  for await (const bytes of byteLines(stream)) {
    position += 1;
    let line: string;
    try {
      line = strictUtf8.decode(bytes);
    } catch {
      yield {
        kind: 'reject',
        position,
        raw: truncateRaw(bytes.toString('latin1')),
        rejection: { reason: 'invalid_utf8', detail: `line ${position} is not valid UTF-8` },
      };
      continue;
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue; // blank lines are layout, not records
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      yield {
        kind: 'reject',
        position,
        raw: truncateRaw(line),
        rejection: { reason: 'malformed_record', detail: `line ${position} is not JSON: ${(error as Error).message}` },
      };
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      yield {
        kind: 'reject',
        position,
        raw: truncateRaw(line),
        rejection: { reason: 'malformed_record', detail: `line ${position} is not a JSON object` },
      };
      continue;
    }
    yield { kind: 'record', position, raw: line, fields: parsed as Record<string, unknown> };
  }
}
