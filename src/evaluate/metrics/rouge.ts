import { stemmer } from 'stemmer';

/**
 * ROUGE as Google's `rouge_score` computes it (the package the opinion-summarization literature — FewSum,
 * Copycat — scores with): F1 of clipped n-gram overlap (ROUGE-1/2), of the sentence-level LCS (ROUGE-L) and of
 * the summary-level union LCS over newline-separated sentences (ROUGE-Lsum). Values are in [0, 1]; reports
 * multiply by 100.
 */
export interface RougeScores {
  readonly rouge1: number;
  readonly rouge2: number;
  readonly rougeL: number;
  readonly rougeLsum: number;
}

export interface RougeOptions {
  /**
   * Porter stemming of tokens longer than 3 characters (rouge_score's `use_stemmer=True`). English only: the
   * Porter rules mangle other languages.
   */
  readonly stem: boolean;
  /**
   * `ascii` is rouge_score's tokenizer (anything outside [a-z0-9] separates tokens). `unicode` keeps letters
   * and digits of every script, for non-English sets where the ASCII rule would cut "ótimo" into "timo".
   */
  readonly tokenizer: 'ascii' | 'unicode';
}

export const ENGLISH_ROUGE: RougeOptions = { stem: true, tokenizer: 'ascii' };
export const NON_ENGLISH_ROUGE: RougeOptions = { stem: false, tokenizer: 'unicode' };

const NON_ASCII_ALNUM = /[^a-z0-9]+/g;
const NON_UNICODE_ALNUM = /[^\p{L}\p{N}]+/gu;

export function rougeTokens(text: string, options: RougeOptions = ENGLISH_ROUGE): string[] {
  const lowered = text.toLowerCase();
  const separated =
    options.tokenizer === 'ascii'
      ? lowered.replace(NON_ASCII_ALNUM, ' ')
      : lowered.normalize('NFC').replace(NON_UNICODE_ALNUM, ' ');
  const tokens = separated.split(/\s+/).filter((token) => token.length > 0);
  return options.stem ? tokens.map((token) => (token.length > 3 ? stemmer(token) : token)) : tokens;
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N F1 with clipped counts: an n-gram matches at most as often as it occurs in the reference. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  const candTotal = Math.max(candidate.length - n + 1, 0);
  const refTotal = Math.max(reference.length - n + 1, 0);
  return fmeasure(overlap / Math.max(candTotal, 1), overlap / Math.max(refTotal, 1));
}

function lcsTable(ref: readonly string[], cand: readonly string[]): number[][] {
  const table = Array.from({ length: ref.length + 1 }, () => new Array<number>(cand.length + 1).fill(0));
  for (let i = 1; i <= ref.length; i++) {
    for (let j = 1; j <= cand.length; j++) {
      table[i]![j] =
        ref[i - 1] === cand[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table;
}

/** ROUGE-L F1 over one token sequence each (newlines are ignored, as in rouge_score's `rougeL`). */
export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  if (candidate.length === 0 || reference.length === 0) return 0;
  const lcs = lcsTable(reference, candidate)[reference.length]![candidate.length]!;
  return fmeasure(lcs / candidate.length, lcs / reference.length);
}

/** Indices into `ref` of one LCS with `cand`, backtracked the way rouge_score's `_backtrack_norec` does. */
function lcsIndices(ref: readonly string[], cand: readonly string[]): number[] {
  const table = lcsTable(ref, cand);
  const indices: number[] = [];
  let i = ref.length;
  let j = cand.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === cand[j - 1]) {
      indices.unshift(i - 1);
      i -= 1;
      j -= 1;
    } else if (table[i]![j - 1]! > table[i - 1]![j]!) j -= 1;
    else i -= 1;
  }
  return indices;
}

/**
 * ROUGE-Lsum: for every reference sentence, the union of its LCS with each candidate sentence; a token hit
 * counts only while both sides still have unused occurrences of it (rouge_score's `_summary_level_lcs`).
 */
export function rougeLsum(candidateSentences: readonly string[][], referenceSentences: readonly string[][]): number {
  const m = referenceSentences.reduce((sum, s) => sum + s.length, 0);
  const n = candidateSentences.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return 0;
  const remainingRef = new Map<string, number>();
  const remainingCand = new Map<string, number>();
  for (const sentence of referenceSentences)
    for (const t of sentence) remainingRef.set(t, (remainingRef.get(t) ?? 0) + 1);
  for (const sentence of candidateSentences)
    for (const t of sentence) remainingCand.set(t, (remainingCand.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of referenceSentences) {
    const union = new Set<number>();
    for (const cand of candidateSentences) for (const index of lcsIndices(ref, cand)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = ref[index]!;
      if ((remainingCand.get(token) ?? 0) > 0 && (remainingRef.get(token) ?? 0) > 0) {
        hits += 1;
        remainingCand.set(token, remainingCand.get(token)! - 1);
        remainingRef.set(token, remainingRef.get(token)! - 1);
      }
    }
  }
  return fmeasure(hits / n, hits / m);
}

const sentencesOf = (text: string) => text.split('\n').filter((line) => line.length > 0);

/** All four scores of one candidate against one reference. */
export function rouge(candidate: string, reference: string, options: RougeOptions = ENGLISH_ROUGE): RougeScores {
  const cand = rougeTokens(candidate, options);
  const ref = rougeTokens(reference, options);
  return {
    rouge1: rougeN(cand, ref, 1),
    rouge2: rougeN(cand, ref, 2),
    rougeL: rougeL(cand, ref),
    rougeLsum: rougeLsum(
      sentencesOf(candidate).map((s) => rougeTokens(s, options)),
      sentencesOf(reference).map((s) => rougeTokens(s, options)),
    ),
  };
}

/**
 * Several references: score against each separately and take the mean (not the max) — the FewSum/Copycat
 * protocol (`fewsum/eval/metrics/google_rouge.py`). No references scores 0.
 */
export function rougeMultiReference(
  candidate: string,
  references: readonly string[],
  options: RougeOptions = ENGLISH_ROUGE,
): RougeScores {
  if (references.length === 0) return { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 };
  const all = references.map((reference) => rouge(candidate, reference, options));
  const mean = (key: keyof RougeScores) => all.reduce((sum, s) => sum + s[key], 0) / all.length;
  return { rouge1: mean('rouge1'), rouge2: mean('rouge2'), rougeL: mean('rougeL'), rougeLsum: mean('rougeLsum') };
}
