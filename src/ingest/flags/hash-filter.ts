/**
 * A scalable Bloom filter over strings (Almeida et al. 2007): "definitely absent" or "maybe present". The
 * duplicate detector asks it before looking a text or user hash up in the store: almost every hash of a large
 * ingest is new, and each indexed point lookup that finds nothing cost more than the rest of the review's
 * duplicate check (docs/ingest.md). A "maybe" always falls through to the store, so a false positive costs
 * one lookup and never a wrong verdict.
 *
 * Layers double in capacity as keys arrive (the number of stored hashes is not known up front); each has
 * {@link BITS_PER_KEY} bits per key and {@link PROBES} probes, ~0.8 % false positives per layer.
 */
const BITS_PER_KEY = 10;
const PROBES = 7;
const FIRST_CAPACITY = 1 << 14;

interface Layer {
  readonly words: Uint32Array;
  /** Bit count − 1 (a power of two). */
  readonly mask: number;
  readonly capacity: number;
  count: number;
}

function layer(capacity: number): Layer {
  let bits = 32;
  while (bits < capacity * BITS_PER_KEY) bits *= 2;
  return { words: new Uint32Array(bits / 32), mask: bits - 1, capacity, count: 0 };
}

/** Two independent 32-bit FNV-1a hashes of the UTF-16 code units; the probes are h1 + i·h2 (Kirsch–Mitzenmacher). */
function hashPair(key: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  // An odd step visits distinct bits of a power-of-two table.
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

function has(l: Layer, h1: number, h2: number): boolean {
  for (let i = 0; i < PROBES; i++) {
    const bit = (h1 + Math.imul(i, h2)) & l.mask;
    if ((l.words[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}

function set(l: Layer, h1: number, h2: number): void {
  for (let i = 0; i < PROBES; i++) {
    const bit = (h1 + Math.imul(i, h2)) & l.mask;
    l.words[bit >>> 5]! |= 1 << (bit & 31);
  }
}

export class HashFilter {
  private readonly layers: Layer[] = [layer(FIRST_CAPACITY)];

  add(key: string): void {
    const [h1, h2] = hashPair(key);
    if (this.layers.some((l) => has(l, h1, h2))) return;
    let last = this.layers[this.layers.length - 1]!;
    if (last.count >= last.capacity) {
      last = layer(last.capacity * 2);
      this.layers.push(last);
    }
    set(last, h1, h2);
    last.count++;
  }

  mightContain(key: string): boolean {
    const [h1, h2] = hashPair(key);
    return this.layers.some((l) => has(l, h1, h2));
  }
}
