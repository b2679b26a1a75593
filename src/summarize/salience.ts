import type { EmbeddedChunk } from '../domain/chunk.js';
import { cosine } from '../index/embedder.js';

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

/** Features for every candidate, relative to all the product's chunks. */
export function salienceFeatures(
  candidates: readonly EmbeddedChunk[],
  allChunks: readonly EmbeddedChunk[],
): FeatureVector[] {
  const centroid = centroidOf(allChunks);
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
    };
  });
}

export const scoreFeatures = (features: FeatureVector, weights: SalienceWeights) =>
  SALIENCE_FEATURES.reduce((sum, name) => sum + weights[name] * features[name], 0);

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
  const ranked = candidates
    .map((chunk, i) => ({ chunk, score: scoreFeatures(features[i]!, options.weights) }))
    .sort((a, b) => b.score - a.score || a.chunk.chunkId.localeCompare(b.chunk.chunkId));
  const picked: EmbeddedChunk[] = [];
  let words = 0;
  for (const { chunk } of ranked) {
    if (picked.length >= options.maxSentences) break;
    const n = wordsOf(chunk.text).length;
    if (n < 3) continue;
    if (picked.length > 0 && words + n > options.maxWords) continue;
    if (picked.some((kept) => cosine(kept.embedding, chunk.embedding) > options.redundancy)) continue;
    picked.push(chunk);
    words += n;
  }
  return picked;
}
