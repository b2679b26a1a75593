import { CATEGORIES, type Category } from '../domain/aspects.js';
import { type Language, SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { type FlawDefinition, flawsForCategory } from './flaws.js';
import { PACKS } from './lang/index.js';
import { mixSeed, Rng } from './prng.js';

/**
 * The product catalogue. Products are derived one at a time from (seed, index), so a million-review stream never
 * holds more than the product it is writing. Categories and market languages are dealt out in shuffled blocks so
 * even a 40-product sample covers every category and language.
 */
export interface SampleProduct {
  readonly index: number;
  readonly productId: string;
  readonly name: string;
  readonly category: Category;
  /** Main market language; about 25% of the product's reviews are written in other languages. */
  readonly language: Language;
  readonly flaw: FlawDefinition | null;
  /** Star-rating weights for 1..5 for the product's ordinary reviews. */
  readonly ratingWeights: readonly number[];
  readonly reviewCount: number;
}

/** Made-up brand names (checked to avoid well-known brands). */
const BRANDS = [
  'Arvelo',
  'Bluthorn',
  'Corvanta',
  'Dalmeno',
  'Elvyra',
  'Fenwise',
  'Grunvald',
  'Halvik',
  'Isovane',
  'Kelmora',
  'Lunetra',
  'Morvane',
  'Noctivo',
  'Orlenza',
  'Pravik',
  'Quessa',
  'Rilvane',
  'Sondero',
  'Tavelli',
  'Ulmora',
  'Vestrum',
  'Wendrel',
  'Zephiro',
  'Brisklane',
] as const;
const SERIES = [
  'Aero',
  'Nova',
  'Pulse',
  'Flux',
  'Terra',
  'Lumo',
  'Echo',
  'Vega',
  'Orbit',
  'Halo',
  'Kite',
  'Strata',
] as const;
const SERIES_SUFFIX = ['', '', ' 2', ' 3', ' Pro', ' Lite', ' X', ' Max', ' S'] as const;

/** Rating profiles: most products are liked, some are average, a few are poor. */
const RATING_PROFILES: readonly (readonly number[])[] = [
  [0.05, 0.05, 0.1, 0.3, 0.5],
  [0.1, 0.12, 0.25, 0.3, 0.23],
  [0.25, 0.2, 0.22, 0.18, 0.15],
];
const PROFILE_WEIGHTS = [0.6, 0.3, 0.1];
/** The ordinary (non-flaw) reviews of a polarized product: people who got a good unit love it. */
const POLARIZED_HAPPY_WEIGHTS = [0, 0, 0.08, 0.3, 0.62];

export const POLARIZED_SHARE = 0.15;

/** Entry `index % block` of a seeded permutation of `items`, re-shuffled every block. */
function dealt<T>(items: readonly T[], seed: number, index: number, salt: number): T {
  const block = Math.floor(index / items.length);
  const permutation = new Rng(mixSeed(seed, salt, block)).shuffle(items);
  return permutation[index % items.length] as T;
}

/**
 * Exactly ~15% of products are polarized, spread evenly: product i is polarized when the running count
 * floor((i + offset) * share) steps up. The seed-dependent offset moves which products they are.
 */
function isPolarized(seed: number, index: number): boolean {
  const offset = new Rng(mixSeed(seed, 0x9017)).float() / POLARIZED_SHARE;
  return Math.floor((index + 1 + offset) * POLARIZED_SHARE) > Math.floor((index + offset) * POLARIZED_SHARE);
}

export function productId(index: number): string {
  return `prod-${String(index + 1).padStart(4, '0')}`;
}

export function makeProduct(seed: number, index: number, reviewsPerProduct: readonly [number, number]): SampleProduct {
  const rng = new Rng(mixSeed(seed, 0x5eed, index));
  const category = dealt(CATEGORIES, seed, index, 0xca7);
  const language = dealt(SUPPORTED_LANGUAGES, seed, index, 0x1a9);
  const flaws = flawsForCategory(category);
  const flaw = isPolarized(seed, index) && flaws.length > 0 ? rng.pick(flaws) : null;
  const types = PACKS[language].productTypes[category];
  const typeIndex = flaw ? rng.pick(flaw.productTypes) : rng.int(0, types.length - 1);
  const name = `${rng.pick(BRANDS)} ${rng.pick(SERIES)}${rng.pick(SERIES_SUFFIX)} ${types[typeIndex]}`;
  const ratingWeights = flaw
    ? POLARIZED_HAPPY_WEIGHTS
    : (RATING_PROFILES[rng.weightedIndex(PROFILE_WEIGHTS)] as number[]);
  const reviewCount = rng.int(reviewsPerProduct[0], reviewsPerProduct[1]);
  return { index, productId: productId(index), name, category, language, flaw, ratingWeights, reviewCount };
}
