import type { Kysely } from 'kysely';
import { mulberry32 } from '../sample/prng.js';
import { blobToVector } from '../store/chunks.js';
import type { Database } from '../store/schema.js';
import type { AlertSink } from './alert-sinks.js';
import { type AlertCondition, type ReconcileResult, reconcileAlerts, recordMonitorResult } from './alerts.js';
import { binShares, psi, quantileEdges } from './psi.js';

type Db = Kysely<Database>;

export const DRIFT_THRESHOLDS = {
  /** PSI above this on any embedding projection is a major shift. */
  maxEmbeddingPsi: 0.25,
  /** A language's or star rating's share moving by more than this, relative to its baseline share. */
  maxShareMove: 0.2,
  /** Relative moves are measured against max(baseline share, this): 1% → 1.3% is noise, not drift. */
  shareFloor: 0.05,
  /** Review volume outside [low, high] × the previous window's is an anomaly. */
  volumeLow: 0.5,
  volumeHigh: 2,
  /** Fewer reviews than this in a window: too few to judge distributions. */
  minReviews: 30,
} as const;

const PROJECTIONS = 8;
const PROJECTION_SEED = 20261129;
const MAX_CHUNKS = 20_000;
const DAY_MS = 24 * 3600 * 1000;

export interface WindowProfile {
  readonly from: string;
  readonly to: string;
  readonly reviews: number;
  readonly languageShares: Record<string, number>;
  readonly ratingShares: Record<string, number>;
  /** Per random projection, the projected value of every chunk embedding in the window. */
  readonly projections: number[][];
}

export interface DriftBaseline {
  readonly from: string;
  readonly to: string;
  readonly reviews: number;
  readonly languageShares: Record<string, number>;
  readonly ratingShares: Record<string, number>;
  readonly projectionSeed: number;
  readonly edges: number[][];
  readonly binShares: number[][];
}

/** Fixed random directions (seeded, so a stored baseline and a later run project identically). */
function projectionVectors(dimension: number, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  return Array.from({ length: PROJECTIONS }, () => {
    const v = new Float32Array(dimension);
    for (let i = 0; i < dimension; i++) v[i] = random() * 2 - 1;
    return v;
  });
}

function shares(values: readonly (string | number)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[String(value)] = (out[String(value)] ?? 0) + 1;
  for (const key of Object.keys(out)) out[key]! /= values.length;
  return out;
}

/** Included (unflagged) reviews created in [from, to) and the embeddings of their chunks. */
export async function windowProfile(db: Db, from: string, to: string, seed = PROJECTION_SEED): Promise<WindowProfile> {
  const reviews = await db
    .selectFrom('reviews')
    .select(['language', 'star_rating'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('flags', '=', '')
    .execute();
  const chunks = await db
    .selectFrom('chunks')
    .innerJoin('reviews', 'reviews.review_id', 'chunks.review_id')
    .select('chunks.embedding')
    .where('reviews.created_at', '>=', from)
    .where('reviews.created_at', '<', to)
    .limit(MAX_CHUNKS)
    .execute();
  const vectors = chunks.map((c) => blobToVector(c.embedding));
  const directions = vectors.length === 0 ? [] : projectionVectors(vectors[0]!.length, seed);
  const projections = directions.map((direction) =>
    vectors.map((vector) => {
      let dot = 0;
      for (let i = 0; i < vector.length; i++) dot += vector[i]! * direction[i]!;
      return dot;
    }),
  );
  return {
    from,
    to,
    reviews: reviews.length,
    languageShares: shares(reviews.map((r) => r.language)),
    ratingShares: shares(reviews.map((r) => r.star_rating)),
    projections,
  };
}

export function baselineFrom(profile: WindowProfile, seed = PROJECTION_SEED): DriftBaseline {
  const edges = profile.projections.map((values) => quantileEdges(values));
  return {
    from: profile.from,
    to: profile.to,
    reviews: profile.reviews,
    languageShares: profile.languageShares,
    ratingShares: profile.ratingShares,
    projectionSeed: seed,
    edges,
    binShares: profile.projections.map((values, i) => binShares(values, edges[i]!)),
  };
}

const windowOf = (asOf: Date, days: number, back = 0) => ({
  from: new Date(asOf.getTime() - (back + 1) * days * DAY_MS).toISOString(),
  to: new Date(asOf.getTime() - back * days * DAY_MS).toISOString(),
});

/** Snapshots the window ending at `asOf` as the named baseline (a known-good week to compare against). */
export async function saveDriftBaseline(
  db: Db,
  options: { name?: string; asOf?: Date; windowDays?: number } = {},
): Promise<DriftBaseline> {
  const { from, to } = windowOf(options.asOf ?? new Date(), options.windowDays ?? 7);
  const baseline = baselineFrom(await windowProfile(db, from, to));
  const row = {
    name: options.name ?? 'default',
    baseline: JSON.stringify(baseline),
    created_at: new Date().toISOString(),
  };
  await db
    .insertInto('drift_baselines')
    .values(row)
    .onConflict((oc) => oc.column('name').doUpdateSet({ baseline: row.baseline, created_at: row.created_at }))
    .execute();
  return baseline;
}

async function loadBaseline(db: Db, name: string): Promise<DriftBaseline | undefined> {
  const row = await db.selectFrom('drift_baselines').select('baseline').where('name', '=', name).executeTakeFirst();
  return row ? (JSON.parse(row.baseline) as DriftBaseline) : undefined;
}

export interface ShareMove {
  readonly key: string;
  readonly baseline: number;
  readonly current: number;
  readonly relative: number;
}

/** Keys whose share moved by more than the threshold relative to max(baseline share, floor). */
export function shareMoves(baseline: Record<string, number>, current: Record<string, number>): ShareMove[] {
  const keys = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort();
  return keys
    .map((key) => {
      const b = baseline[key] ?? 0;
      const c = current[key] ?? 0;
      return { key, baseline: b, current: c, relative: Math.abs(c - b) / Math.max(b, DRIFT_THRESHOLDS.shareFloor) };
    })
    .filter((move) => move.relative > DRIFT_THRESHOLDS.maxShareMove);
}

export interface DriftResult {
  readonly window: { from: string; to: string };
  readonly baseline: { from: string; to: string; stored: boolean };
  readonly reviews: number;
  readonly previousReviews: number;
  readonly embeddingPsi: number[];
  readonly maxEmbeddingPsi: number | null;
  readonly languageMoves: ShareMove[];
  readonly ratingMoves: ShareMove[];
  readonly volumeRatio: number | null;
  readonly alerts: ReconcileResult;
}

/**
 * The drift job: the latest window against the stored baseline (or, without one, the previous window) —
 * PSI of random projections of the chunk embeddings, language and star-rating shares, review volume.
 */
export async function runDrift(
  db: Db,
  options: { runId: string; sinks: readonly AlertSink[]; asOf?: Date; windowDays?: number; baselineName?: string },
): Promise<DriftResult> {
  const asOf = options.asOf ?? new Date();
  const days = options.windowDays ?? 7;
  const current = windowOf(asOf, days);
  const previousWindow = windowOf(asOf, days, 1);
  const stored = await loadBaseline(db, options.baselineName ?? 'default');
  const previous = await windowProfile(db, previousWindow.from, previousWindow.to);
  const baseline = stored ?? baselineFrom(previous);
  const profile = await windowProfile(db, current.from, current.to, baseline.projectionSeed);
  const t = DRIFT_THRESHOLDS;
  const judged = profile.reviews >= t.minReviews && baseline.reviews >= t.minReviews;
  const embeddingPsi =
    judged && baseline.edges.length === profile.projections.length
      ? profile.projections.map((values, i) => psi(baseline.binShares[i]!, binShares(values, baseline.edges[i]!)))
      : [];
  const maxEmbeddingPsi = embeddingPsi.length === 0 ? null : Math.max(...embeddingPsi);
  const languageMoves = judged ? shareMoves(baseline.languageShares, profile.languageShares) : [];
  const ratingMoves = judged ? shareMoves(baseline.ratingShares, profile.ratingShares) : [];
  const volumeRatio = previous.reviews >= t.minReviews ? profile.reviews / previous.reviews : null;

  const conditions: AlertCondition[] = [];
  const detail = { window: current, baseline: { from: baseline.from, to: baseline.to } };
  if (maxEmbeddingPsi !== null && maxEmbeddingPsi > t.maxEmbeddingPsi)
    conditions.push({
      key: 'drift.embedding',
      severity: 'warning',
      summary: `embedding PSI ${maxEmbeddingPsi.toFixed(3)} > ${t.maxEmbeddingPsi}`,
      detail: { ...detail, psi: embeddingPsi },
    });
  if (languageMoves.length > 0)
    conditions.push({
      key: 'drift.language',
      severity: 'warning',
      summary: `language mix moved: ${languageMoves.map((m) => `${m.key} ${(m.baseline * 100).toFixed(0)}%→${(m.current * 100).toFixed(0)}%`).join(', ')}`,
      detail: { ...detail, moves: languageMoves },
    });
  if (ratingMoves.length > 0)
    conditions.push({
      key: 'drift.rating',
      severity: 'warning',
      summary: `rating mix moved: ${ratingMoves.map((m) => `${m.key}★ ${(m.baseline * 100).toFixed(0)}%→${(m.current * 100).toFixed(0)}%`).join(', ')}`,
      detail: { ...detail, moves: ratingMoves },
    });
  if (volumeRatio !== null && (volumeRatio < t.volumeLow || volumeRatio > t.volumeHigh))
    conditions.push({
      key: 'drift.volume',
      severity: 'warning',
      summary: `review volume ${profile.reviews} is ${volumeRatio.toFixed(2)}× the previous window's ${previous.reviews}`,
      detail: { ...detail, ratio: volumeRatio },
    });
  const alerts = await reconcileAlerts(db, 'drift', conditions, options.sinks);
  const result: DriftResult = {
    window: current,
    baseline: { from: baseline.from, to: baseline.to, stored: stored !== undefined },
    reviews: profile.reviews,
    previousReviews: previous.reviews,
    embeddingPsi,
    maxEmbeddingPsi,
    languageMoves,
    ratingMoves,
    volumeRatio,
    alerts,
  };
  await recordMonitorResult(db, options.runId, 'drift', result);
  return result;
}
