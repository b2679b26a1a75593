/**
 * Shared low-level text helpers for the index stage: a canonical form for lexical matching, a fast
 * Unicode-aware "word character" test, and a character trie that finds the longest stem starting at a
 * word start. Used by the sentiment lexicon and the aspect tagger.
 */

const WORD_CHAR_RE = /[\p{L}\p{N}\p{M}]/u;
/** 0 = not yet computed, 1 = word char, 2 = not a word char. Indexed by UTF-16 code unit. */
const WORD_TABLE = new Uint8Array(0x10000);

/**
 * True when the UTF-16 code unit is a letter, digit or combining mark. Surrogates (astral characters,
 * in reviews almost always emoji) count as non-word characters.
 */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  let cached = WORD_TABLE[code]!;
  if (cached === 0) {
    cached = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR_RE.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_TABLE[code] = cached;
  }
  return cached === 1;
}

/** True when position `i` of `text` starts a word (a word char not preceded by a word char). */
export function isWordStart(text: string, i: number): boolean {
  return isWordCode(text.charCodeAt(i)) && (i === 0 || !isWordCode(text.charCodeAt(i - 1)));
}

const APOSTROPHES_RE = /[\u2018\u2019\u02bc\u0060\u00b4]/g;
const WHITESPACE_RE = /\s+/g;

/**
 * Canonical form for lexical matching (stems and texts go through the same function): NFC, lower case,
 * typographic apostrophes folded to ', whitespace runs collapsed to one space.
 */
export function canonicalize(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(APOSTROPHES_RE, "'").replace(WHITESPACE_RE, ' ');
}

interface TrieNode<V> {
  children: Map<number, TrieNode<V>> | null;
  /** Value of a stem ending here (matches any word continuing after it). */
  prefix: V | undefined;
  /** Value of a whole-word entry ending here (matches only if the next char is not a word char). */
  exact: V | undefined;
}

function newNode<V>(): TrieNode<V> {
  return { children: null, prefix: undefined, exact: undefined };
}

const SPACE = 32;
const HYPHEN = 45;

/**
 * A character trie over canonical stems. `longestAt` walks the text from a position and returns the
 * longest entry that matches there; entries may contain spaces (multi-word stems), and a hyphen in the
 * text may stand for a space in the entry ("easy-to-use" matches "easy to use").
 */
export class StemTrie<V> {
  private readonly root: TrieNode<V> = newNode();
  /** End offset of the last successful `longestAt`. */
  matchEnd = 0;

  /**
   * Adds a canonicalised entry. `merge` combines values when the same entry is added twice
   * (default: the later value wins).
   */
  add(entry: string, value: V, exact = false, merge?: (existing: V, added: V) => V): void {
    const key = canonicalize(entry).trim();
    if (key.length === 0) return;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const code = key.charCodeAt(i);
      if (node.children === null) node.children = new Map();
      let next = node.children.get(code);
      if (next === undefined) {
        next = newNode();
        node.children.set(code, next);
      }
      node = next;
    }
    const existing = exact ? node.exact : node.prefix;
    const merged = existing !== undefined && merge ? merge(existing, value) : value;
    if (exact) node.exact = merged;
    else node.prefix = merged;
  }

  /** Longest entry matching at `start` (the caller ensures `start` is a word start), or undefined. */
  longestAt(text: string, start: number): V | undefined {
    let node: TrieNode<V> | undefined = this.root;
    let best: V | undefined;
    let bestEnd = start;
    const len = text.length;
    for (let i = start; i < len; i++) {
      const children: Map<number, TrieNode<V>> | null = node.children;
      if (children === null) break;
      const code = text.charCodeAt(i);
      node = children.get(code);
      if (node === undefined && code === HYPHEN) node = children.get(SPACE);
      if (node === undefined) break;
      if (node.prefix !== undefined) {
        best = node.prefix;
        bestEnd = i + 1;
      }
      if (node.exact !== undefined && (i + 1 >= len || !isWordCode(text.charCodeAt(i + 1)))) {
        best = node.exact;
        bestEnd = i + 1;
      }
    }
    this.matchEnd = bestEnd;
    return best;
  }
}
