import type { Language } from '../domain/languages.js';
import { lexiconSentiment, type SentimentModel } from './sentiment.js';

/**
 * A trained sentence-polarity model: logistic regression over hashed word uni/bigrams and character 3–5-grams,
 * one weight vector per language, trained with star ratings as weak labels (1–2 negative, 4–5 positive). The
 * lexicon score is one more feature, so an untrained language falls back to the lexicon (cold-start prior).
 */
export interface LinearSentimentWeights {
  readonly bits: number;
  /** Per language: hashed feature weights, then the bias, then the lexicon feature's weight. */
  readonly languages: Partial<Record<Language, { weights: Float32Array; bias: number; lexicon: number }>>;
}

export interface LabelledText {
  readonly text: string;
  readonly language: Language;
  /** 1–5; 3 is ignored in training. */
  readonly stars: number;
}

export class SentimentTrainingError extends Error {
  readonly code = 'RL_ERR_SENTIMENT_TRAINING';
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashString(kind: number, s: string): number {
  let h = Math.imul(FNV_OFFSET ^ kind, FNV_PRIME);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

const NEGATORS = new Set(
  'not no never nothing nicht kein keine keinen nie nichts ne pas jamais rien no nunca nada non mai niente niet geen nooit nie żaden'.split(
    ' ',
  ),
);

/** Hashed feature indices of a text (with repeats removed); negators mark the next word ("not_good"). */
export function hashedFeatures(text: string, bits: number): number[] {
  const mask = (1 << bits) - 1;
  const words =
    text
      .toLowerCase()
      .normalize('NFC')
      .match(/[\p{L}\p{N}]+|[!?]|:\)|:\(/gu) ?? [];
  const features = new Set<number>();
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    features.add(hashString(negated ? 5 : 0, w) & mask);
    negated = NEGATORS.has(w);
    if (i > 0) features.add(hashString(1, `${words[i - 1]} ${w}`) & mask);
    if (w.length >= 4) {
      const padded = `<${w}>`;
      for (let n = 3; n <= 5; n++) {
        for (let j = 0; j + n <= padded.length; j++) features.add(hashString(n, padded.slice(j, j + n)) & mask);
      }
    }
  }
  return [...features];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export interface TrainOptions {
  readonly bits?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  /** Deterministic shuffling. */
  readonly seed?: number;
}

/** mulberry32: a small seeded PRNG so training is reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Trains one model per language present in the data (3-star texts are skipped: no weak label). */
export function trainLinearSentiment(
  data: readonly LabelledText[],
  options: TrainOptions = {},
): LinearSentimentWeights {
  const bits = options.bits ?? 18;
  const epochs = options.epochs ?? 8;
  const lr0 = options.learningRate ?? 2;
  const l2 = options.l2 ?? 1e-6;
  const random = rng(options.seed ?? 1);
  const byLanguage = new Map<Language, { x: number[]; lex: number; y: number }[]>();
  for (const item of data) {
    if (item.stars === 3) continue;
    const rows = byLanguage.get(item.language) ?? [];
    rows.push({
      x: hashedFeatures(item.text, bits),
      lex: lexiconSentiment.score(item.text, item.language),
      y: item.stars >= 4 ? 1 : 0,
    });
    byLanguage.set(item.language, rows);
  }
  if (byLanguage.size === 0) throw new SentimentTrainingError('no 1–2 or 4–5 star texts to train on');
  const languages: LinearSentimentWeights['languages'] = {};
  for (const [language, rows] of byLanguage) {
    const weights = new Float32Array(1 << bits);
    // Averaged SGD (the lazy trick: w̄ = w − u/t), which generalises better than the last iterate on little data.
    const updates = new Float64Array(1 << bits);
    let bias = 0;
    let biasUpdates = 0;
    let lexiconUpdates = 0;
    // The lexicon prior starts with a useful weight and keeps learning like any feature.
    let lexicon = 2;
    let step = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      }
      for (const row of rows) {
        step += 1;
        const lr = lr0 / Math.sqrt(1 + step / rows.length);
        const scale = 1 / Math.sqrt(Math.max(1, row.x.length));
        let z = bias + lexicon * row.lex;
        for (const f of row.x) z += weights[f]! * scale;
        const gradient = sigmoid(z) - row.y;
        bias -= lr * gradient;
        biasUpdates -= step * lr * gradient;
        lexicon -= lr * gradient * row.lex;
        lexiconUpdates -= step * lr * gradient * row.lex;
        for (const f of row.x) {
          const delta = -lr * (gradient * scale + l2 * weights[f]!);
          weights[f]! += delta;
          updates[f]! += step * delta;
        }
      }
    }
    const averaged = step === 0 ? 1 : 1 / step;
    for (let f = 0; f < weights.length; f++) weights[f] = weights[f]! - updates[f]! * averaged;
    languages[language] = {
      weights,
      bias: bias - biasUpdates * averaged,
      lexicon: lexicon - lexiconUpdates * averaged,
    };
  }
  return { bits, languages };
}

/** The trained model behind the SentimentModel seam; languages it was not trained on use the lexicon. */
export function linearSentiment(model: LinearSentimentWeights, id = 'linear-hashed-v1'): SentimentModel {
  return {
    id,
    score(text: string, language: Language): number {
      const m = model.languages[language];
      if (!m) return lexiconSentiment.score(text, language);
      const x = hashedFeatures(text, model.bits);
      const scale = 1 / Math.sqrt(Math.max(1, x.length));
      let z = m.bias + m.lexicon * lexiconSentiment.score(text, language);
      for (const f of x) z += m.weights[f]! * scale;
      // 2σ(z) − 1 = tanh(z/2): the [-1, 1] scale the lexicon model uses.
      return Math.tanh(z / 2);
    },
  };
}

/** On-disk format: only non-zero weights, as parallel index/value arrays per language. */
export const LINEAR_SENTIMENT_FORMAT = 'reviewlens-linear-sentiment/1';

export function serializeLinearSentiment(model: LinearSentimentWeights): string {
  const languages: Record<string, { bias: number; lexicon: number; index: number[]; value: number[] }> = {};
  for (const [language, m] of Object.entries(model.languages)) {
    if (!m) continue;
    const index: number[] = [];
    const value: number[] = [];
    m.weights.forEach((w, i) => {
      if (w !== 0) {
        index.push(i);
        value.push(Number(w.toPrecision(6)));
      }
    });
    languages[language] = { bias: m.bias, lexicon: m.lexicon, index, value };
  }
  return JSON.stringify({ format: LINEAR_SENTIMENT_FORMAT, bits: model.bits, languages });
}

export function parseLinearSentiment(json: string): LinearSentimentWeights {
  const raw = JSON.parse(json) as {
    format?: string;
    bits: number;
    languages: Record<string, { bias: number; lexicon: number; index: number[]; value: number[] }>;
  };
  if (raw.format !== LINEAR_SENTIMENT_FORMAT) {
    throw new SentimentTrainingError(`not a ${LINEAR_SENTIMENT_FORMAT} artifact`);
  }
  const languages: LinearSentimentWeights['languages'] = {};
  for (const [language, m] of Object.entries(raw.languages)) {
    const weights = new Float32Array(1 << raw.bits);
    m.index.forEach((i, k) => {
      weights[i] = m.value[k]!;
    });
    (languages as Record<string, unknown>)[language] = { weights, bias: m.bias, lexicon: m.lexicon };
  }
  return { bits: raw.bits, languages };
}
