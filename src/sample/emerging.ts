import { flawsForCategory } from './flaws.js';
import { composeReview, SAMPLE_END } from './generate.js';
import { mixSeed, Rng } from './prng.js';
import { makeProduct, type SampleProduct } from './products.js';
import type { SampleItem } from './types.js';

/** A planted emerging issue: from `onset_week` on, a share of reviews name the flaw. */
export interface PlantedEmergingIssue {
  readonly scope: 'product' | 'category';
  /** Product id, or category name for a category-wide event. */
  readonly id: string;
  /** Products affected (one for a product event, several for a category event). */
  readonly products: readonly string[];
  readonly category: string;
  readonly flaw: string;
  readonly aspect: string;
  /** Monday 00:00 UTC, YYYY-MM-DD. */
  readonly onset_week: string;
}

export interface EmergingSampleOptions {
  readonly products: number;
  readonly seed: number;
  /** Weeks of history, ending at SAMPLE_END. */
  readonly weeks?: number;
  readonly reviewsPerWeek?: readonly [number, number];
  /** Share of products with their own emerging flaw. */
  readonly productEventShare?: number;
  /** Category-wide events: the same flaw appears in several products of one category in the same week. */
  readonly categoryEvents?: number;
  /** Share of post-onset reviews that name the flaw. */
  readonly flawRate?: number;
}

const WEEK_MS = 7 * 86_400_000;

function mondayOf(ms: number): number {
  const day = new Date(ms).getUTCDay();
  return Math.floor(ms / 86_400_000) * 86_400_000 - ((day + 6) % 7) * 86_400_000;
}

/**
 * A dense, dated review stream for testing emerging-issue detection: every product gets reviews every week;
 * some products (and some groups of products in one category) develop a concrete flaw from a planted week on.
 * Returns the planted events (the ground truth) and a generator of the reviews.
 */
export function generateEmergingSample(options: EmergingSampleOptions): {
  events: PlantedEmergingIssue[];
  reviews: () => Generator<SampleItem>;
} {
  const weeks = options.weeks ?? 26;
  const perWeek = options.reviewsPerWeek ?? [8, 16];
  const flawRate = options.flawRate ?? 0.5;
  const rng = new Rng(mixSeed(options.seed, 0xe3e3));
  const firstMonday = mondayOf(SAMPLE_END) - (weeks - 1) * WEEK_MS;
  const products = Array.from(
    { length: options.products },
    (_, i): SampleProduct => ({
      ...makeProduct(options.seed, i, [1, 1]),
      flaw: null,
    }),
  );

  const events: PlantedEmergingIssue[] = [];
  const plan = new Map<string, { flaw: NonNullable<SampleProduct['flaw']>; onset: number }>();
  const onsetWeek = () => rng.int(Math.ceil(weeks / 2), weeks - 3);
  const shuffled = rng.shuffle(products);
  const productEvents = Math.round(options.products * (options.productEventShare ?? 0.15));
  for (const product of shuffled.slice(0, productEvents)) {
    const flaws = flawsForCategory(product.category);
    if (flaws.length === 0) continue;
    const flaw = rng.pick(flaws);
    const onset = onsetWeek();
    plan.set(product.productId, { flaw, onset });
    events.push({
      scope: 'product',
      id: product.productId,
      products: [product.productId],
      category: product.category,
      flaw: flaw.id,
      aspect: flaw.aspect,
      onset_week: new Date(firstMonday + onset * WEEK_MS).toISOString().slice(0, 10),
    });
  }
  const unplanned = shuffled.slice(productEvents);
  for (let e = 0; e < (options.categoryEvents ?? 1); e++) {
    const category = rng.pick(unplanned.filter((p) => !plan.has(p.productId))).category;
    const members = unplanned.filter((p) => p.category === category && !plan.has(p.productId)).slice(0, 3);
    const flaws = flawsForCategory(category);
    if (members.length < 2 || flaws.length === 0) continue;
    const flaw = rng.pick(flaws);
    const onset = onsetWeek();
    for (const member of members) plan.set(member.productId, { flaw, onset });
    events.push({
      scope: 'category',
      id: category,
      products: members.map((m) => m.productId),
      category,
      flaw: flaw.id,
      aspect: flaw.aspect,
      onset_week: new Date(firstMonday + onset * WEEK_MS).toISOString().slice(0, 10),
    });
  }

  function* reviews(): Generator<SampleItem> {
    let counter = 0;
    for (const product of products) {
      const productRng = new Rng(mixSeed(options.seed, 0xe4e4, product.index));
      const planned = plan.get(product.productId);
      for (let week = 0; week < weeks; week++) {
        const count = productRng.int(perWeek[0], perWeek[1]);
        for (let r = 0; r < count; r++) {
          counter++;
          const reviewId = `rev-${String(counter).padStart(8, '0')}`;
          const mentions = planned !== undefined && week >= planned.onset && productRng.chance(flawRate);
          const withFlaw = { ...product, flaw: mentions ? planned!.flaw : null };
          const item = composeReview(
            { rng: productRng, product: withFlaw, reviewId, userPool: 50_000 },
            mentions,
            false,
          );
          const created = firstMonday + week * WEEK_MS + Math.floor(productRng.float() * (WEEK_MS - 1000));
          item.record.created_at = new Date(Math.min(created, SAMPLE_END - 1000))
            .toISOString()
            .replace(/\.\d{3}Z$/, 'Z');
          item.truth.polarized_flaw = mentions ? planned!.flaw.id : null;
          yield item;
        }
      }
    }
  }
  return { events, reviews };
}
