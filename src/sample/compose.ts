import { type AspectDefinition, aspectsForCategory, type Category } from '../domain/aspects.js';
import type { Polarity } from '../domain/chunk.js';
import type { Language } from '../domain/languages.js';
import type { FlawDefinition } from './flaws.js';
import { PACKS, type Tone } from './lang/index.js';
import type { Rng } from './prng.js';
import { fillSlots, SlotValues, templatesFor } from './templates.js';
import type { TruthSentence } from './types.js';

/**
 * Writes the sentences of one review so that the text agrees with the star rating: 4–5 stars are mostly positive,
 * 1–2 mostly negative, 3 mixed. Each aspect sentence comes from the language pack and therefore carries a stem of
 * its aspect; openers and closers add variety without naming an aspect.
 */

export const TONE_POLARITY: Readonly<Record<Tone, Polarity>> = { pos: 'positive', neg: 'negative', neu: 'neutral' };

/** The overall tone a star rating implies (titles, closers, short reviews). */
export function toneForStars(stars: number): Tone {
  if (stars >= 4) return 'pos';
  if (stars <= 2) return 'neg';
  return 'neu';
}

/** How many aspect sentences a review has: mostly 1–3, sometimes 4. */
const ASPECT_COUNT_WEIGHTS = [0.25, 0.35, 0.25, 0.15];

/**
 * Tones of the aspect sentences for a star rating. Invariants: 4–5 stars have more positive than negative
 * sentences, 1–2 stars more negative than positive, 3 stars with two or more sentences have both.
 */
export function planTones(rng: Rng, stars: number, count: number): Tone[] {
  const tones: Tone[] = [];
  if (stars === 3) {
    if (count === 1) return [rng.pick<Tone>(['neu', 'neu', 'pos', 'neg'])];
    tones.push('pos', 'neg');
    while (tones.length < count) tones.push(rng.pick<Tone>(['pos', 'neg', 'neu']));
    return rng.shuffle(tones);
  }
  const main: Tone = stars >= 4 ? 'pos' : 'neg';
  const other: Tone = stars >= 4 ? 'neg' : 'pos';
  for (let i = 0; i < count; i++) tones.push(main);
  const extreme = stars === 5 || stars === 1;
  if (count >= 3 && !extreme && rng.chance(0.4)) tones[count - 1] = other;
  else if (count >= 2 && rng.chance(extreme ? 0.15 : 0.25)) tones[count - 1] = 'neu';
  return rng.shuffle(tones);
}

/** Aspects that read unnaturally for a category although the taxonomy allows them (nobody "sets up" shoes). */
export const SKIPPED_ASPECTS: Readonly<Partial<Record<Category, readonly string[]>>> = { shoes: ['ease_of_use'] };

const aspectCache = new Map<string, { aspects: readonly AspectDefinition[]; weights: readonly number[] }>();

/** Category aspects are mentioned about twice as often as the general ones (price, delivery…). */
function categoryAspects(category: Category): { aspects: readonly AspectDefinition[]; weights: readonly number[] } {
  let cached = aspectCache.get(category);
  if (!cached) {
    const skipped = SKIPPED_ASPECTS[category] ?? [];
    const aspects = aspectsForCategory(category).filter((aspect) => !skipped.includes(aspect.id));
    cached = { aspects, weights: aspects.map((aspect) => (aspect.categories.length > 0 ? 2 : 1)) };
    aspectCache.set(category, cached);
  }
  return cached;
}

/** Distinct aspects drawn by weight, without the excluded one. */
function pickAspects(rng: Rng, category: Category, count: number, exclude: string | null): string[] {
  const { aspects, weights } = categoryAspects(category);
  const ids = aspects.map((aspect) => aspect.id);
  const w = weights.map((weight, i) => (ids[i] === exclude ? 0 : weight));
  const picked: string[] = [];
  while (picked.length < count) {
    const index = rng.weightedIndex(w);
    if (w[index] === 0) break;
    picked.push(ids[index] as string);
    w[index] = 0;
  }
  return picked;
}

export function aspectSentence(
  rng: Rng,
  slots: SlotValues,
  language: Language,
  category: Category,
  aspect: string,
  tone: Tone,
): string {
  const templates = PACKS[language].aspects[aspect];
  if (!templates) throw new Error(`no ${language} templates for aspect ${aspect}`);
  return fillSlots(rng.pick(templatesFor(templates[tone], category)), slots);
}

export interface ComposeInput {
  readonly rng: Rng;
  readonly language: Language;
  readonly category: Category;
  readonly stars: number;
  /** When set, the review names this flaw (it must be a 1–2 star review). */
  readonly flaw: FlawDefinition | null;
  /** Upper bound on aspect sentences, lowered when noise sentences will be added. */
  readonly maxAspects: number;
}

export function composeSentences(input: ComposeInput): TruthSentence[] {
  const { rng, language, category, stars, flaw } = input;
  const pack = PACKS[language];
  const slots = new SlotValues(rng, language);
  const count = Math.min(input.maxAspects, rng.weightedIndex(ASPECT_COUNT_WEIGHTS) + 1);
  const tones = planTones(rng, stars, count);
  const body: TruthSentence[] = [];
  let aspectTones = tones;
  if (flaw) {
    // The flaw takes the place of one negative sentence; 1–2 star plans always contain one.
    const at = tones.indexOf('neg');
    aspectTones = tones.filter((_, i) => i !== at);
    const text = fillSlots(rng.pick(flaw.sentences[language]), slots);
    body.push({ text, polarity: 'negative', aspect: flaw.aspect });
  }
  const aspects = pickAspects(rng, category, aspectTones.length, flaw ? flaw.aspect : null);
  aspects.forEach((aspect, i) => {
    const tone = aspectTones[i] as Tone;
    body.push({
      text: aspectSentence(rng, slots, language, category, aspect, tone),
      polarity: TONE_POLARITY[tone],
      aspect,
    });
  });
  const ordered = rng.shuffle(body);
  // Openers and closers only while the review stays within five sentences.
  if (ordered.length < 5 && rng.chance(0.25)) {
    ordered.unshift({ text: fillSlots(rng.pick(pack.openers), slots), polarity: 'neutral', aspect: null });
  }
  if (ordered.length < 5 && rng.chance(0.3)) {
    const tone = toneForStars(stars);
    ordered.push({ text: rng.pick(pack.closers[tone]), polarity: TONE_POLARITY[tone], aspect: null });
  }
  return ordered;
}
