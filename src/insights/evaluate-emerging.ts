import type { Kysely } from 'kysely';
import type { PlantedEmergingIssue } from '../sample/emerging.js';
import type { Database } from '../store/schema.js';
import { detectEmergingIssues, type EmergingIssue, type EmergingOptions } from './emerging.js';
import { loadOpinions } from './load.js';

export interface EmergingEvaluation {
  planted: number;
  detected_in_time: number;
  late: number;
  false_alarms: number;
  recall: number;
  precision: number;
  details: { event: PlantedEmergingIssue; detection: EmergingIssue | null }[];
  unmatched: EmergingIssue[];
}

const WEEK_MS = 7 * 86_400_000;

/** Runs the detector over every product and category in the store and scores it against planted events. */
export async function evaluateEmergingDetection(
  db: Kysely<Database>,
  events: readonly PlantedEmergingIssue[],
  options?: EmergingOptions,
): Promise<EmergingEvaluation> {
  const products = await db.selectFrom('products').select(['product_id', 'category']).execute();
  const detections: EmergingIssue[] = [];
  for (const product of products) {
    detections.push(
      ...detectEmergingIssues(
        product.product_id,
        await loadOpinions(db, { kind: 'product', productId: product.product_id }),
        options,
      ),
    );
  }
  for (const category of new Set(products.map((p) => p.category).filter((c): c is string => c !== null))) {
    detections.push(
      ...detectEmergingIssues(`category:${category}`, await loadOpinions(db, { kind: 'category', category }), options),
    );
  }

  // A detection belongs to an event when it is in the event's scope (a product event also shows in its
  // category, a category event in its member products) on the flaw's aspect — or on another aspect the flaw's
  // sentences mention, within two weeks of onset. It is in time within one week of onset.
  const inScope = (event: PlantedEmergingIssue, d: EmergingIssue) =>
    d.scope === `category:${event.category}` || event.products.includes(d.scope);
  const explains = (event: PlantedEmergingIssue, d: EmergingIssue) => {
    if (!inScope(event, d)) return false;
    const delay = Date.parse(d.first_seen) - Date.parse(event.onset_week);
    return d.aspect === event.aspect ? delay >= 0 : delay >= 0 && delay <= 2 * WEEK_MS;
  };
  const inTime = (event: PlantedEmergingIssue, d: EmergingIssue) => {
    const delay = Date.parse(d.first_seen) - Date.parse(event.onset_week);
    const ownScope = event.scope === 'product' ? d.scope === event.id : d.scope === `category:${event.id}`;
    return ownScope && d.aspect === event.aspect && delay >= 0 && delay <= WEEK_MS;
  };
  const used = new Set<EmergingIssue>();
  const details = events.map((event) => {
    const detection = detections.find((d) => inTime(event, d)) ?? null;
    for (const d of detections.filter((d) => explains(event, d))) used.add(d);
    return { event, detection };
  });
  const detected = details.filter((d) => d.detection !== null).length;
  const late = details.filter((d) => d.detection === null && detections.some((x) => explains(d.event, x))).length;
  const unmatched = detections.filter((d) => !used.has(d));
  const flagged = detected + unmatched.length;
  return {
    planted: events.length,
    detected_in_time: detected,
    late,
    false_alarms: unmatched.length,
    recall: events.length === 0 ? 1 : detected / events.length,
    precision: flagged === 0 ? 1 : detected / flagged,
    details,
    unmatched,
  };
}
