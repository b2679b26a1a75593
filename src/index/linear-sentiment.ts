import { createHash } from 'node:crypto';
import type { Language } from '../domain/languages.js';
import { mulberry32 } from '../sample/prng.js';
import { hashedFeatures } from './polarity-features.js';
import { lexiconSentiment, type SentimentModel } from './sentiment.js';

export { hashedFeatures } from './polarity-features.js';

/**
 * A trained sentence-polarity model: logistic regression over hashed word uni/bigrams and character 3–5-grams
 * (see polarity-features.ts), one weight vector per language, trained with star ratings as weak labels (1–2
 * negative, 4–5 positive). Features are scaled by naive-Bayes log-count ratios (NB-LR, Wang & Manning 2012),
 * which on a few hundred reviews per language beats plain logistic regression. The lexicon score is one more
 * feature, so an untrained language falls back to the lexicon (cold-start prior).
 */
export interface LanguageWeights {
  /** Effective hashed feature weights (the NB ratio already folded in). */
  readonly weights: Float32Array;
  readonly bias: number;
  /** Weight of the lexicon score feature. */
  readonly lexicon: number;
}

export interface LinearSentimentWeights {
  readonly bits: number;
  readonly languages: Partial<Record<Language, LanguageWeights>>;
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

export interface TrainOptions {
  readonly bits?: number;
  readonly epochs?: number;
  readonly learningRate?: number;
  readonly l2?: number;
  /** Additive smoothing of the NB log-count ratios. */
  readonly nbAlpha?: number;
  /** Deterministic shuffling. */
  readonly seed?: number;
}

export const DEFAULT_TRAIN_OPTIONS = { bits: 18, epochs: 16, learningRate: 2, l2: 1e-6, nbAlpha: 1, seed: 1 } as const;

/** One weak-labelled example, featurized once (tuning reuses it across folds). */
export interface PolarityRow {
  readonly x: readonly number[];
  readonly lex: number;
  readonly y: 0 | 1;
}

/** Featurizes the 1–2 / 4–5-star texts, grouped by language (3 stars carry no weak label). */
export function polarityRows(data: readonly LabelledText[], bits: number): Map<Language, PolarityRow[]> {
  const byLanguage = new Map<Language, PolarityRow[]>();
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
  return byLanguage;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const lengthScale = (row: PolarityRow) => 1 / Math.sqrt(Math.max(1, row.x.length));

/** The distinct feature indices of the rows: only these ever get a non-zero weight. */
function touchedFeatures(rows: readonly PolarityRow[]): number[] {
  const seen = new Set<number>();
  for (const row of rows) for (const f of row.x) seen.add(f);
  return [...seen];
}

/**
 * log((p_f / |p|) / (q_f / |q|)) over binary feature presence, smoothed by alpha; computed for the touched
 * features only (the others keep weight 0 whatever their ratio), which keeps small stores fast to train.
 */
function nbRatios(rows: readonly PolarityRow[], touched: readonly number[], size: number, alpha: number): Float64Array {
  const positive = new Float64Array(size);
  const negative = new Float64Array(size);
  let positiveTotal = alpha * size;
  let negativeTotal = alpha * size;
  for (const row of rows) {
    const counts = row.y === 1 ? positive : negative;
    for (const f of row.x) counts[f]! += 1;
    if (row.y === 1) positiveTotal += row.x.length;
    else negativeTotal += row.x.length;
  }
  const ratios = new Float64Array(size);
  const norm = Math.log(negativeTotal / positiveTotal);
  for (const f of touched) ratios[f] = Math.log((positive[f]! + alpha) / (negative[f]! + alpha)) + norm;
  return ratios;
}

/** Scores one row with the model averaged so far (what `fitLanguage` would return if it stopped now). */
export type AveragedScorer = (row: PolarityRow) => number;

/**
 * Averaged SGD on one language's rows. The learning-rate schedule does not depend on the number of epochs, so
 * `onEpoch` sees exactly the model a shorter run would return: one run gives the whole epochs curve for tuning.
 */
export function fitLanguage(
  rows: readonly PolarityRow[],
  options: TrainOptions = {},
  onEpoch?: (epoch: number, score: AveragedScorer) => void,
): LanguageWeights {
  const { bits, epochs, learningRate, l2, nbAlpha, seed } = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const size = 1 << bits;
  const touched = touchedFeatures(rows);
  const ratio = nbRatios(rows, touched, size, nbAlpha);
  const weights = new Float64Array(size);
  // Averaged SGD (the lazy trick: w̄ = w − u/t), which generalises better than the last iterate on little data.
  const updates = new Float64Array(size);
  let bias = 0;
  let biasUpdates = 0;
  // The lexicon prior starts with a useful weight and keeps learning like any feature.
  let lexicon = 2;
  let lexiconUpdates = 0;
  let step = 0;
  const random = mulberry32(seed);
  const order = rows.slice();
  const averaged: AveragedScorer = (row) => {
    const scale = lengthScale(row);
    let z = bias - biasUpdates / step + (lexicon - lexiconUpdates / step) * row.lex;
    for (const f of row.x) z += (weights[f]! - updates[f]! / step) * ratio[f]! * scale;
    return z;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const row of order) {
      step += 1;
      const lr = learningRate / Math.sqrt(1 + step / order.length);
      const scale = lengthScale(row);
      let z = bias + lexicon * row.lex;
      for (const f of row.x) z += weights[f]! * ratio[f]! * scale;
      const gradient = sigmoid(z) - row.y;
      bias -= lr * gradient;
      biasUpdates -= step * lr * gradient;
      lexicon -= lr * gradient * row.lex;
      lexiconUpdates -= step * lr * gradient * row.lex;
      for (const f of row.x) {
        const delta = -lr * (gradient * ratio[f]! * scale + l2 * weights[f]!);
        weights[f]! += delta;
        updates[f]! += step * delta;
      }
    }
    onEpoch?.(epoch, averaged);
  }
  const effective = new Float32Array(size);
  if (step === 0) return { weights: effective, bias: 0, lexicon };
  for (const f of touched) effective[f] = (weights[f]! - updates[f]! / step) * ratio[f]!;
  return { weights: effective, bias: bias - biasUpdates / step, lexicon: lexicon - lexiconUpdates / step };
}

/** Trains one model per language present in the data, with fixed hyperparameters. */
export function trainLinearSentiment(
  data: readonly LabelledText[],
  options: TrainOptions = {},
): LinearSentimentWeights {
  const bits = options.bits ?? DEFAULT_TRAIN_OPTIONS.bits;
  const byLanguage = polarityRows(data, bits);
  if (byLanguage.size === 0) throw new SentimentTrainingError('no 1–2 or 4–5 star texts to train on');
  const languages: Partial<Record<Language, LanguageWeights>> = {};
  for (const [language, rows] of byLanguage) languages[language] = fitLanguage(rows, { ...options, bits });
  return { bits, languages };
}

/** The raw logit of a language's model (positive = positive polarity). */
export function linearLogit(model: LinearSentimentWeights, m: LanguageWeights, text: string, lex: number): number {
  const x = hashedFeatures(text, model.bits);
  const scale = 1 / Math.sqrt(Math.max(1, x.length));
  let z = m.bias + m.lexicon * lex;
  for (const f of x) z += m.weights[f]! * scale;
  return z;
}

/** The trained model behind the SentimentModel seam; languages it was not trained on use the lexicon. */
export function linearSentiment(model: LinearSentimentWeights, id = 'linear-hashed-v2'): SentimentModel {
  return {
    id,
    score(text: string, language: Language): number {
      const m = model.languages[language];
      const lex = lexiconSentiment.score(text, language);
      if (!m) return lex;
      // 2σ(z) − 1 = tanh(z/2): the [-1, 1] scale the lexicon model uses.
      return Math.tanh(linearLogit(model, m, text, lex) / 2);
    },
  };
}

/** On-disk format: only non-zero weights, as parallel index/value arrays per language. */
export const LINEAR_SENTIMENT_FORMAT = 'reviewlens-linear-sentiment/2';

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

/** A stable id for an artifact: the format plus a hash of its content, so any retraining is a new id. */
export function linearSentimentId(serialized: string): string {
  return `linear-hashed-v2-${createHash('sha256').update(serialized).digest('hex').slice(0, 12)}`;
}

export function parseLinearSentiment(json: string): LinearSentimentWeights {
  const raw = JSON.parse(json) as {
    format?: string;
    bits: number;
    languages: Record<string, { bias: number; lexicon: number; index: number[]; value: number[] }>;
  };
  if (raw.format !== LINEAR_SENTIMENT_FORMAT) {
    throw new SentimentTrainingError(`not a ${LINEAR_SENTIMENT_FORMAT} artifact (retrain: reviewlens train polarity)`);
  }
  const languages: Partial<Record<Language, LanguageWeights>> = {};
  for (const [language, m] of Object.entries(raw.languages)) {
    const weights = new Float32Array(1 << raw.bits);
    m.index.forEach((i, k) => {
      weights[i] = m.value[k]!;
    });
    languages[language as Language] = { weights, bias: m.bias, lexicon: m.lexicon };
  }
  return { bits: raw.bits, languages };
}
