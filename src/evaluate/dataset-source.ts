import { isSupportedLanguage, type Language } from '../domain/languages.js';
import { lexiconSentiment } from '../index/sentiment.js';
import type { ReviewSource } from '../ingest/sources/source-item.js';
import type { EvalDataset } from './datasets.js';

/** Product id of the i-th entity; zero-padded so store order is dataset order. */
export const productIdFor = (index: number) => `e${String(index).padStart(5, '0')}`;

/**
 * A star rating for sets that have none (Yelp FewSum/MeanSum, OpoSum, Opinosis, OpiSums-PT): the lexicon
 * sentiment of the whole review mapped onto 1–5. Only retrieval quotas and the balance rule use it.
 */
export function syntheticRating(text: string, language: Language): 1 | 2 | 3 | 4 | 5 {
  const score = lexiconSentiment.score(text, language);
  if (score <= -0.5) return 1;
  if (score <= -0.15) return 2;
  if (score < 0.15) return 3;
  if (score < 0.5) return 4;
  return 5;
}

/**
 * The dataset as ordinary input records, so its reviews go through the real ingest contract: one product per
 * entity, review ids in dataset order, one fixed date (the sets have none) so recency plays no part.
 */
export function datasetSource(dataset: EvalDataset, fallbackLanguage: Language = 'en'): ReviewSource {
  return {
    name: `dataset:${dataset.name}`,
    async *items() {
      let position = 0;
      for (const [entityIndex, entity] of dataset.entities.entries()) {
        const language = entity.language?.split(/[-_]/)[0]?.toLowerCase();
        for (const [reviewIndex, review] of entity.reviews.entries()) {
          position += 1;
          const ratingLanguage = isSupportedLanguage(language) ? language : fallbackLanguage;
          const fields: Record<string, unknown> = {
            review_id: `${productIdFor(entityIndex)}-r${String(reviewIndex).padStart(4, '0')}`,
            product_id: productIdFor(entityIndex),
            star_rating:
              review.rating === null
                ? syntheticRating(review.text, ratingLanguage)
                : Math.min(5, Math.max(1, Math.round(review.rating))),
            review_text: review.text,
            created_at: '2024-01-01T00:00:00Z',
            category: entity.category ?? undefined,
            product_name: entity.entityId,
            // A language outside the shop's set (pt-BR) is left to the detector rather than rejected.
            language: isSupportedLanguage(language) ? language : undefined,
          };
          yield { kind: 'record' as const, position, raw: '', fields };
        }
      }
    },
  };
}
