import type { Embedder } from '../index/embedder.js';
import { canonicalize } from '../index/lexical.js';

/**
 * How well a claim is supported by the snippets it cites: content-word overlap (share of the claim's content
 * words found in the snippets, prefix-matched so inflections count) and embedding similarity (best cosine of
 * the claim with a cited snippet or with all of them together). Exported for the evaluation harness, which
 * uses the same function as its faithfulness test.
 */
export interface SupportScore {
  /** Share of the claim's content words that occur in the cited snippets, 0–1. */
  readonly overlap: number;
  /** Best cosine similarity of the claim with the cited snippets, 0–1. */
  readonly similarity: number;
  /** Weighted combination of the two, 0–1. */
  readonly score: number;
  readonly supported: boolean;
  /** Content words of the claim not found in any cited snippet (for repair prompts and diagnostics). */
  readonly missing: readonly string[];
}

/**
 * Calibrated on src/summarize/claim-support.test.ts's labelled cases (faithful paraphrases vs hallucinations,
 * en/de/fr/es): see docs/llm-contract.md. Overlap carries most of the signal; similarity rescues paraphrases
 * that share stems but not whole words.
 */
export const SUPPORT_WEIGHTS = { overlap: 0.7, similarity: 0.3 } as const;
// Hand-labelled set: unsupported claims score ≤ 0.18, faithful paraphrases ≥ 0.44; the threshold sits in the gap.
export const SUPPORT_THRESHOLD = 0.35;

// Words that say who holds an opinion or how many do, in the shop's languages: a claim adds them to any
// snippet ("most reviewers praise …"), so they are not content that needs support.
const META_WORDS = new Set(
  `the and for with this that are was were has have had not but its it's very really also too than then from
  into about they their them many most some several few all customers customer reviewers reviewer users user
  buyers buyer people praise praised praises like liked likes love loved mention mentions mentioned say says
  said report reports reported find finds found complain complains complained note noted product item
  der die das und mit für ist sind war waren hat haben nicht aber sehr auch von den dem des ein eine einen
  viele meisten einige kunden rezensenten nutzer käufer loben gelobt bemängeln kritisieren kritisiert produkt
  les des une est sont pas mais très aussi pour avec dans sur plusieurs beaucoup clients utilisateurs acheteurs
  produit apprécient louent critiquent signalent
  los las una son pero muy también para con por del muchos algunos clientes usuarios compradores producto
  destacan critican elogian
  gli della sono ma molto anche per con dei molti alcuni clienti utenti prodotto apprezzano lodano criticano
  het een zijn maar zeer ook voor met van veel sommige klanten gebruikers kopers product prijzen
  jest są ale bardzo także dla się nie wielu niektórzy klienci użytkownicy produkt chwalą`.split(/\s+/),
);

const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Content words of a text: canonical lower case, ≥ 3 characters (or digits), meta words removed. */
export function contentWords(text: string): string[] {
  const words = canonicalize(text).match(WORD_RE) ?? [];
  return words.filter((word) => (word.length >= 3 || /^\d+$/.test(word)) && !META_WORDS.has(word));
}

/** Same word up to inflection: exact, or a shared prefix of ≥ 4 characters that leaves ≤ 2 unmatched. */
function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common += 1;
  return common >= 4 && common >= shorter - 2;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

export interface CitedSnippet {
  readonly text: string;
  /** The stored embedding of the snippet, when it was made by the same embedder; embedded otherwise. */
  readonly embedding?: Float32Array;
}

export async function supportScore(
  claimText: string,
  cited: readonly CitedSnippet[],
  embedder: Embedder,
  threshold: number = SUPPORT_THRESHOLD,
): Promise<SupportScore> {
  if (cited.length === 0) return { overlap: 0, similarity: 0, score: 0, supported: false, missing: [] };
  const claimWords = [...new Set(contentWords(claimText))];
  const sourceWords = new Set(cited.flatMap((snippet) => contentWords(snippet.text)));
  const missing: string[] = [];
  let found = 0;
  for (const word of claimWords) {
    let hit = sourceWords.has(word);
    if (!hit) for (const source of sourceWords) if (sameStem(word, source)) hit = true;
    if (hit) found += 1;
    else missing.push(word);
  }
  // A claim with no content words of its own ("Most reviewers like it") says nothing checkable: unsupported.
  const overlap = claimWords.length === 0 ? 0 : found / claimWords.length;
  const needed = cited.filter((snippet) => !snippet.embedding).map((snippet) => snippet.text);
  const [claimVector, joinedVector, ...fresh] = await embedder.embed([
    claimText,
    cited.map((snippet) => snippet.text).join(' '),
    ...needed,
  ]);
  let similarity = Math.max(0, dot(claimVector!, joinedVector!));
  let next = 0;
  for (const snippet of cited) {
    const vector = snippet.embedding ?? fresh[next++]!;
    similarity = Math.max(similarity, dot(claimVector!, vector));
  }
  const score = SUPPORT_WEIGHTS.overlap * overlap + SUPPORT_WEIGHTS.similarity * similarity;
  return { overlap, similarity, score, supported: score >= threshold, missing };
}
