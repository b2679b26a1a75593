import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { ReviewSource, SourceItem } from './source-item.js';
import { truncateRaw } from './source-item.js';

const NEWLINE = 0x0a;

/** No review record is anywhere near this long; a longer "line" (a file without newlines) is not buffered. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Stands for a line longer than the limit: its bytes were discarded as they streamed by. */
export interface OverlongLine {
  readonly overlongBytes: number;
}

/**
 * Splits a byte stream into lines without decoding it first, so each line can be decoded strictly:
 * a line with invalid UTF-8 is rejected on its own instead of being silently "repaired" with U+FFFD.
 * Memory stays bounded: a line past `maxLineBytes` is dropped and reported as an {@link OverlongLine}.
 */
export async function* byteLines(
  stream: AsyncIterable<Buffer>,
  maxLineBytes: number = MAX_LINE_BYTES,
): AsyncGenerator<Buffer | OverlongLine> {
  let carry: Buffer | null = null;
  /** Bytes of the current overlong line seen so far (0 when not inside one). */
  let skipping = 0;
  for await (const chunk of stream) {
    let buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    let newline = buffer.indexOf(NEWLINE, start);
    while (newline !== -1) {
      if (skipping > 0) {
        yield { overlongBytes: skipping + newline - start };
        skipping = 0;
      } else if (newline - start > maxLineBytes) {
        yield { overlongBytes: newline - start };
      } else {
        yield buffer.subarray(start, newline);
      }
      start = newline + 1;
      newline = buffer.indexOf(NEWLINE, start);
    }
    buffer = buffer.subarray(start);
    if (skipping > 0 || buffer.length > maxLineBytes) {
      skipping += buffer.length;
      carry = null;
    } else {
      carry = buffer.length > 0 ? Buffer.from(buffer) : null;
    }
  }
  if (skipping > 0) yield { overlongBytes: skipping };
  else if (carry && carry.length > 0) yield carry;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function jsonlSource(path: string): ReviewSource {
  return {
    name: `file:${basename(path)}`,
    items: () => parseJsonl(createReadStream(path, { highWaterMark: 1 << 20 })),
  };
}

export async function* parseJsonl(
  stream: AsyncIterable<Buffer>,
  maxLineBytes: number = MAX_LINE_BYTES,
): AsyncGenerator<SourceItem> {
  let position = 0;
  for await (const bytes of byteLines(stream, maxLineBytes)) {
    position += 1;
    if (!Buffer.isBuffer(bytes)) {
      yield {
        kind: 'reject',
        position,
        raw: '[not kept: line too long]',
        rejection: {
          reason: 'malformed_record',
          detail: `line ${position} is ${bytes.overlongBytes} bytes, over the limit of ${maxLineBytes}`,
        },
      };
      continue;
    }
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
