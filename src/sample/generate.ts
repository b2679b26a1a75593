import { type Language, SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { composeSentences, TONE_POLARITY, toneForStars } from './compose.js';
import { PACKS } from './lang/index.js';
import { joinHtml, joinPlain, piiSentence, profanitySentence } from './noise.js';
import { mixSeed, Rng } from './prng.js';
import { makeProduct, type SampleProduct } from './products.js';
import type { SampleItem, SampleOptions, SampleRecord, SampleTruth, TruthPii, TruthSentence } from './types.js';

/**
 * The seeded review stream. A generator function so callers can write a million reviews with constant memory:
 * only the current product and a small window of its recent reviews (the pool for planted duplicates) are held.
 */

export const DEFAULT_REVIEWS_PER_PRODUCT: readonly [number, number] = [20, 60];

/** Reviews are dated over the twelve months before this instant. */
export const SAMPLE_END = Date.UTC(2026, 10, 1);
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Noise rates; each planted item is recorded in the truth. */
export const NOISE_RATES = {
  pii: 0.03,
  profanity: 0.02,
  duplicate: 0.02,
  html: 0.05,
  short: 0.01,
} as const;

/** Share of a product's reviews written in its main market language. */
const MAIN_LANGUAGE_SHARE = 0.75;
/** How many recent reviews of a product a duplicate may copy from. */
const DUPLICATE_WINDOW = 32;

function validate(options: SampleOptions): readonly [number, number] {
  if (!Number.isInteger(options.products) || options.products < 1)
    throw new RangeError('products must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new RangeError('seed must be an integer');
  const range = options.reviewsPerProduct ?? DEFAULT_REVIEWS_PER_PRODUCT;
  const [min, max] = range;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new RangeError('reviewsPerProduct must be [min, max] with 1 <= min <= max');
  }
  return range;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Skewed like real shops: most reviews have 0–3 helpful votes, a few dozens. */
function helpfulVotes(rng: Rng): number {
  if (rng.chance(0.03)) return rng.int(10, 80);
  return Math.min(9, Math.floor(-Math.log(1 - rng.float()) * 1.2));
}

function reviewLanguage(rng: Rng, main: Language): Language {
  if (rng.chance(MAIN_LANGUAGE_SHARE)) return main;
  return rng.pick(SUPPORTED_LANGUAGES.filter((language) => language !== main));
}

/** How many of a polarized product's reviews name the flaw: 45–60%, never below 42%. */
function flawQuota(rng: Rng, reviewCount: number): number {
  const share = 0.45 + rng.float() * 0.15;
  return Math.min(reviewCount, Math.max(Math.ceil(reviewCount * 0.42), Math.round(reviewCount * share)));
}

export interface ReviewContext {
  readonly rng: Rng;
  readonly product: SampleProduct;
  readonly reviewId: string;
  readonly userPool: number;
}

/**
 * Builds the record with a readable key order. Optional metadata is dropped at small rates so ingestion has to
 * cope with records that lack it.
 */
function baseRecord(
  ctx: ReviewContext,
  stars: number,
  title: string | undefined,
  text: string,
  language: Language,
  createdMs: number,
): SampleRecord {
  const { rng, product } = ctx;
  const record: SampleRecord = { review_id: ctx.reviewId, product_id: product.productId } as SampleRecord;
  if (rng.chance(0.97)) record.product_name = product.name;
  if (rng.chance(0.97)) record.category = product.category;
  record.star_rating = stars;
  if (title !== undefined) record.title = title;
  record.review_text = text;
  if (rng.chance(0.5)) record.language = language;
  record.created_at = isoSeconds(createdMs);
  if (rng.chance(0.92)) record.user_id = `user-${String(rng.int(1, ctx.userPool)).padStart(6, '0')}`;
  if (rng.chance(0.95)) record.helpful_votes = helpfulVotes(rng);
  if (rng.chance(0.95)) record.verified_purchase = rng.chance(0.8);
  return record;
}

function randomDate(rng: Rng): number {
  return SAMPLE_END - 1000 - Math.floor(rng.float() * YEAR_MS);
}

/** A verbatim copy of an earlier review of the same product, posted later by another user. */
function duplicateOf(ctx: ReviewContext, original: SampleItem): SampleItem {
  const { rng } = ctx;
  const originalMs = Date.parse(original.record.created_at);
  const createdMs = Math.min(SAMPLE_END - 1000, originalMs + rng.int(1, 72) * 3600 * 1000);
  const { star_rating, title, review_text } = original.record;
  const record = baseRecord(ctx, star_rating, title, review_text, original.truth.language, createdMs);
  // Another user: never the same account as the original.
  const otherUser = `user-${String(ctx.userPool + rng.int(1, 9999)).padStart(6, '0')}`;
  record.user_id = otherUser;
  const truth: SampleTruth = {
    ...original.truth,
    review_id: ctx.reviewId,
    sentences: original.truth.sentences.map((sentence) => ({ ...sentence })),
    pii: original.truth.pii.map((pii) => ({ ...pii })),
    profanity: original.truth.profanity.slice(),
    duplicate_of: original.truth.duplicate_of ?? original.record.review_id,
  };
  return { record, truth };
}

export function composeReview(ctx: ReviewContext, mentionsFlaw: boolean, allowShort: boolean): SampleItem {
  const { rng, product } = ctx;
  const language = reviewLanguage(rng, product.language);
  const pack = PACKS[language];
  const stars = mentionsFlaw ? (rng.chance(0.65) ? 1 : 2) : rng.weightedIndex(product.ratingWeights) + 1;
  const tone = toneForStars(stars);
  let sentences: TruthSentence[];
  const pii: TruthPii[] = [];
  const profanity: string[] = [];
  let hasHtml = false;
  let text: string;

  if (allowShort && rng.chance(NOISE_RATES.short)) {
    // "ok", "👍", "Gut." — too short to say anything about an aspect.
    const short = rng.pick(pack.short[tone]);
    sentences = [{ text: short, polarity: TONE_POLARITY[tone], aspect: null }];
    text = short;
  } else {
    const plantPii = rng.chance(NOISE_RATES.pii);
    const plantProfanity = rng.chance(NOISE_RATES.profanity);
    const noiseSentences = (plantPii ? 1 : 0) + (plantProfanity ? 1 : 0);
    sentences = composeSentences({
      rng,
      language,
      category: product.category,
      stars,
      flaw: mentionsFlaw ? product.flaw : null,
      maxAspects: 4 - noiseSentences,
    });
    if (plantProfanity) {
      const planted = profanitySentence(rng, language, stars >= 4);
      profanity.push(planted.word);
      if (rng.chance(0.5)) sentences.unshift(planted.sentence);
      else sentences.push(planted.sentence);
    }
    if (plantPii) {
      const planted = piiSentence(rng, language);
      pii.push(planted.pii);
      sentences.push(planted.sentence);
    }
    hasHtml = rng.chance(NOISE_RATES.html);
    text = hasHtml
      ? joinHtml(rng, language, sentences)
      : joinPlain(
          rng,
          sentences.map((sentence) => sentence.text),
        );
  }

  const title = rng.chance(0.6) ? rng.pick(pack.titles[tone]) : undefined;
  const record = baseRecord(ctx, stars, title, text, language, randomDate(rng));
  const truth: SampleTruth = {
    review_id: ctx.reviewId,
    product_id: product.productId,
    language,
    star_rating: stars,
    polarized_flaw: product.flaw ? product.flaw.id : null,
    sentences,
    pii,
    profanity,
    duplicate_of: null,
    has_html: hasHtml,
  };
  return { record, truth };
}

/**
 * Yields `{ record, truth }` one review at a time, deterministically for a given seed. Review ids are
 * `rev-0000001`…, product ids `prod-0001`…, in generation order (products one after another).
 */
export function* generateSample(options: SampleOptions): Generator<SampleItem, void, undefined> {
  const range = validate(options);
  const userPool = Math.max(500, options.products * 25);
  let counter = 0;
  for (let index = 0; index < options.products; index++) {
    const product = makeProduct(options.seed, index, range);
    const rng = new Rng(mixSeed(options.seed, 0xbeef, index));
    const recent: SampleItem[] = [];
    let flawLeft = product.flaw ? flawQuota(rng, product.reviewCount) : 0;
    for (let r = 0; r < product.reviewCount; r++) {
      counter++;
      const ctx: ReviewContext = { rng, product, reviewId: `rev-${String(counter).padStart(7, '0')}`, userPool };
      // Sampling without replacement: exactly `quota` of the product's reviews name the flaw.
      const mentionsFlaw = flawLeft > 0 && rng.float() < flawLeft / (product.reviewCount - r);
      if (mentionsFlaw) flawLeft--;
      let item: SampleItem;
      if (!mentionsFlaw && recent.length > 0 && rng.chance(NOISE_RATES.duplicate)) {
        item = duplicateOf(ctx, rng.pick(recent));
      } else {
        item = composeReview(ctx, mentionsFlaw, !mentionsFlaw);
      }
      recent.push(item);
      if (recent.length > DUPLICATE_WINDOW) recent.shift();
      yield item;
    }
  }
}
