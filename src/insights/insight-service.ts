import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { type AspectAnalyticsOptions, aspectAnalytics, DEFAULT_ANALYTICS_OPTIONS } from './aspect-analytics.js';
import { DEFAULT_EMERGING_OPTIONS, detectEmergingIssues, type EmergingIssue } from './emerging.js';
import { type InsightScope, loadOpinions } from './load.js';

/** Aspect analytics of one product or one category. */
export async function scopeInsights(
  db: Kysely<Database>,
  scope: InsightScope,
  since?: string,
  options: AspectAnalyticsOptions = scope.kind === 'category'
    ? { ...DEFAULT_ANALYTICS_OPTIONS, minSupport: 10 }
    : DEFAULT_ANALYTICS_OPTIONS,
) {
  const chunks = await loadOpinions(db, scope, since);
  return { scope, since: since ?? null, ...aspectAnalytics(chunks, options) };
}

/**
 * Emerging issues of every product of a category (or of all categories) and of the categories themselves:
 * a rise in one product, and the same flaw spreading across products of a category.
 */
export async function emergingIssues(db: Kysely<Database>, category?: string): Promise<EmergingIssue[]> {
  let query = db.selectFrom('products').select(['product_id', 'category']);
  if (category) query = query.where('category', '=', category);
  const products = await query.execute();
  const issues: EmergingIssue[] = [];
  for (const product of products) {
    const chunks = await loadOpinions(db, { kind: 'product', productId: product.product_id });
    issues.push(...detectEmergingIssues(product.product_id, chunks, DEFAULT_EMERGING_OPTIONS));
  }
  for (const name of new Set(products.map((p) => p.category).filter((c): c is string => c !== null))) {
    const chunks = await loadOpinions(db, { kind: 'category', category: name });
    issues.push(...detectEmergingIssues(`category:${name}`, chunks, DEFAULT_EMERGING_OPTIONS));
  }
  return issues.sort((a, b) =>
    a.first_seen > b.first_seen ? -1 : a.first_seen < b.first_seen ? 1 : a.scope < b.scope ? -1 : 1,
  );
}
