/**
 * Arrow columns built straight from JS values for the snapshot writer. `vectorFromArray` goes through
 * apache-arrow's generic Builder (per value: type dispatch, a growing buffer, a TextEncoder call) and was the
 * largest cost of writing a snapshot part; here a part's strings are encoded with one native call per column.
 * The vectors are the same Arrow data (offsets, values, validity), so the Parquet bytes do not change.
 */
import { Int32, makeData, makeVector, Utf8, type Vector } from 'apache-arrow';

/** Validity bitmap (LSB first, 1 = valid) or undefined when nothing is null, as Arrow's builders leave it. */
function validity(values: readonly (string | null)[]): { bitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  for (const value of values) if (value === null) nullCount++;
  if (nullCount === 0) return { bitmap: undefined, nullCount };
  const bitmap = new Uint8Array(((values.length + 63) >> 6) << 3);
  for (let i = 0; i < values.length; i++) if (values[i] !== null) bitmap[i >> 3]! |= 1 << (i & 7);
  return { bitmap, nullCount };
}

export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const { bitmap, nullCount } = validity(values);
  const valueOffsets = new Int32Array(values.length + 1);
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) bytes += Buffer.byteLength(value, 'utf8');
    valueOffsets[i + 1] = bytes;
  }
  // One encode of the whole column; nulls contribute no bytes.
  const data = Buffer.from(values.filter((value) => value !== null).join(''), 'utf8');
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap: bitmap, valueOffsets, data }),
  );
}

/** nullCount 0 (not "unknown") keeps the field nullable, as the builders' columns were. */
export function int32Vector(values: readonly number[]): Vector<Int32> {
  const data = Int32Array.from(values);
  return makeVector(makeData({ type: new Int32(), length: values.length, nullCount: 0, data }));
}
