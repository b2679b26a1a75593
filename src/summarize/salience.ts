import type { EmbeddedChunk } from '../domain/chunk.js';
import { cosine } from '../index/embedder.js';
import { contentWords } from './claim-support.js';

/**
 * Sentence salience for the built-in summarizer's overview: how well a review sentence stands for what the
 * product's reviewers say. A linear model over a few cheap features; the default weights were fitted on
 * reference summaries (`reviewlens train builtin`) and a trained artifact can replace them.
 */
export const SALIENCE_FEATURES = [
  'bias',
  /** Cosine to the centroid of all the product's sentences: the most "typical" sentences. */
  'centrality',
  /** Share of the product's reviews that mention the sentence's most discussed aspect. */
  'aspectFrequency',
  /** The sentence's polarity agrees with the product's overall star mix. */
  'polarityAgreement',
  /** log(1 + helpful votes). */
  'helpful',
  /** 1 for a 6–30-word sentence, lower for fragments and rambling. */
  'lengthFit',
  /** 1 / (1 + position in the review): openers tend to state the verdict. */
  'position',
  /** Share of first-person words: anecdotes ("my husband…") read badly in a summary. */
  'firstPerson',
  /** Strength of the sentence's sentiment, |score|. */
  'opinionStrength',
  /**
   * Word consensus (SumBasic): mean share of the product's reviews that use each of the sentence's content
   * words. Recomputed during selection with words already in the summary discounted, so it also counts
   * against repeating a point.
   */
  'consensus',
] as const;
export type SalienceFeature = (typeof SALIENCE_FEATURES)[number];
export type SalienceWeights = Readonly<Record<SalienceFeature, number>>;

/** Hand-set prior, replaced by fitted weights (see docs/builtin.md for how they were measured). */
export const DEFAULT_SALIENCE_WEIGHTS: SalienceWeights = {
  bias: 0,
  centrality: 1,
  aspectFrequency: 0.3,
  polarityAgreement: 0.15,
  helpful: 0.05,
  lengthFit: 0.2,
  position: 0.1,
  firstPerson: -0.6,
  opinionStrength: 0.15,
  consensus: 1.5,
};

const FIRST_PERSON = new Set(
  'i me my mine myself we us our ich mich mir mein meine meinen meinem wir uns unser je me moi mon ma mes nous yo mi mis me nosotros io mio mia miei noi ik mij mijn wij ons ja mnie mój moja my nas'.split(
    ' ',
  ),
);

const wordsOf = (text: string) => text.toLowerCase().match(/\p{L}+/gu) ?? [];

export function centroidOf(chunks: readonly EmbeddedChunk[]): Float32Array {
  const dimension = chunks[0]?.embedding.length ?? 0;
  const centroid = new Float32Array(dimension);
  for (const chunk of chunks) {
    const e = chunk.embedding;
    let norm = 0;
    for (let i = 0; i < dimension; i++) norm += e[i]! * e[i]!;
    const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
    for (let i = 0; i < dimension; i++) centroid[i]! += e[i]! * scale;
  }
  return centroid;
}

export type FeatureVector = Readonly<Record<SalienceFeature, number>>;

// Crude multilingual stemming: words agreeing on their first five letters count as one ("comfortable",
// "comfort"). Enough for counting which points many reviewers make.
const stemKeys = (text: string) => [...new Set(contentWords(text).map((word) => word.slice(0, 5)))];

/** Share of the product's reviews that use each stemmed content word. */
function reviewShareOfWords(allChunks: readonly EmbeddedChunk[]): Map<string, number> {
  const reviewsPerWord = new Map<string, Set<string>>();
  for (const chunk of allChunks) {
    for (const key of stemKeys(chunk.text)) {
      let set = reviewsPerWord.get(key);
      if (!set) {
        set = new Set();
        reviewsPerWord.set(key, set);
      }
      set.add(chunk.reviewId);
    }
  }
  const reviews = new Set(allChunks.map((c) => c.reviewId)).size || 1;
  return new Map([...reviewsPerWord].map(([key, set]) => [key, set.size / reviews]));
}

/** Mean review share of the sentence's content words; words already said weigh `usedDiscount` as much. */
function consensusOf(
  keys: readonly string[],
  share: ReadonlyMap<string, number>,
  used: ReadonlySet<string> = new Set(),
  usedDiscount = 1,
): number {
  if (keys.length === 0) return 0;
  return keys.reduce((sum, key) => sum + (share.get(key) ?? 0) * (used.has(key) ? usedDiscount : 1), 0) / keys.length;
}

/** Features for every candidate, relative to all the product's chunks. */
export function salienceFeatures(
  candidates: readonly EmbeddedChunk[],
  allChunks: readonly EmbeddedChunk[],
): FeatureVector[] {
  const centroid = centroidOf(allChunks);
  const wordShare = reviewShareOfWords(allChunks);
  const reviews = new Set(allChunks.map((c) => c.reviewId)).size || 1;
  const reviewsPerAspect = new Map<string, Set<string>>();
  for (const chunk of allChunks) {
    for (const aspect of chunk.aspects) {
      let set = reviewsPerAspect.get(aspect);
      if (!set) {
        set = new Set();
        reviewsPerAspect.set(aspect, set);
      }
      set.add(chunk.reviewId);
    }
  }
  const stars = allChunks.length ? allChunks.reduce((s, c) => s + c.starRating, 0) / allChunks.length : 3;
  const mood = stars >= 3.5 ? 'positive' : stars <= 2.5 ? 'negative' : 'neutral';
  return candidates.map((chunk) => {
    const words = wordsOf(chunk.text);
    const firstPerson = words.length ? words.filter((w) => FIRST_PERSON.has(w)).length / words.length : 0;
    const aspectFrequency = Math.max(0, ...chunk.aspects.map((a) => (reviewsPerAspect.get(a)?.size ?? 0) / reviews));
    const n = words.length;
    return {
      bias: 1,
      centrality: centroid.length ? Math.max(0, cosine(chunk.embedding, centroid)) : 0,
      aspectFrequency,
      polarityAgreement: chunk.polarity === mood ? 1 : chunk.polarity === 'neutral' || mood === 'neutral' ? 0.5 : 0,
      helpful: Math.log1p(chunk.helpfulVotes),
      lengthFit: n < 4 ? 0 : n < 6 ? 0.5 : n <= 30 ? 1 : 0.5,
      position: 1 / (1 + chunk.position),
      firstPerson,
      opinionStrength: Math.abs(chunk.sentiment),
      consensus: consensusOf(stemKeys(chunk.text), wordShare),
    };
  });
}

export const scoreFeatures = (features: FeatureVector, weights: SalienceWeights) =>
  SALIENCE_FEATURES.reduce((sum, name) => sum + weights[name] * features[name], 0);

/** A content word already in the summary counts this much towards a further sentence's consensus. */
const USED_WORD_DISCOUNT = 0.3;

/**
 * Picks salient, mutually non-redundant sentences until the word budget: the next pick is the best-scoring
 * candidate that is not too similar to one already picked. Returned in review order of salience.
 */
export function selectSalient(
  candidates: readonly EmbeddedChunk[],
  allChunks: readonly EmbeddedChunk[],
  options: { weights: SalienceWeights; maxWords: number; redundancy: number; maxSentences: number },
): EmbeddedChunk[] {
  const features = salienceFeatures(candidates, allChunks);
  const wordShare = options.weights.consensus === 0 ? new Map<string, number>() : reviewShareOfWords(allChunks);
  const pool = candidates.map((chunk, i) => ({
    chunk,
    keys: stemKeys(chunk.text),
    // Everything but consensus is fixed; consensus is rescored after each pick.
    fixed: scoreFeatures(features[i]!, options.weights) - options.weights.consensus * features[i]!.consensus,
    words: wordsOf(chunk.text).length,
  }));
  const picked: EmbeddedChunk[] = [];
  const used = new Set<string>();
  let words = 0;
  while (picked.length < options.maxSentences) {
    let best: (typeof pool)[number] | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const candidate of pool) {
      const { chunk, words: n } = candidate;
      if (n < 3 || picked.includes(chunk)) continue;
      if (picked.length > 0 && words + n > options.maxWords) continue;
      if (picked.some((kept) => cosine(kept.embedding, chunk.embedding) > options.redundancy)) continue;
      const score =
        candidate.fixed + options.weights.consensus * consensusOf(candidate.keys, wordShare, used, USED_WORD_DISCOUNT);
      if (
        score > bestScore ||
        (score === bestScore && best !== undefined && chunk.chunkId.localeCompare(best.chunk.chunkId) < 0)
      ) {
        best = candidate;
        bestScore = score;
      }
    }
    if (!best) break;
    picked.push(best.chunk);
    words += best.words;
    for (const key of best.keys) used.add(key);
  }
  return picked;
}
