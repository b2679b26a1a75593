import type { Kysely } from 'kysely';
import type { Summary } from '../domain/summary.js';
import { loadChunksById } from '../store/chunks.js';
import type { Database } from '../store/schema.js';

export interface SourceSnippet {
  readonly chunk_id: string;
  readonly review_id: string;
  readonly text: string;
  readonly star_rating: number;
  readonly created_at: string;
  readonly verified_purchase: boolean;
  readonly helpful_votes: number;
  readonly language: string;
}

export interface ClaimSources {
  /** `overview`, `pros.N` or `cons.N`. */
  readonly claim: string;
  readonly text: string;
  readonly aspect: string | null;
  readonly sources: readonly SourceSnippet[];
}

/** Every claim of a summary with its key, text and cited chunk ids, in display order. */
export function claimsOf(
  summary: Summary,
): { claim: string; text: string; aspect: string | null; citations: readonly string[] }[] {
  return [
    { claim: 'overview', text: summary.overview, aspect: null, citations: summary.overview_citations },
    ...summary.pros.map((c, i) => ({ claim: `pros.${i}`, text: c.text, aspect: c.aspect, citations: c.citations })),
    ...summary.cons.map((c, i) => ({ claim: `cons.${i}`, text: c.text, aspect: c.aspect, citations: c.citations })),
  ];
}

/** Resolves the cited chunks of one claim (or all claims) to review snippets with their metadata. */
export async function claimSources(
  db: Kysely<Database>,
  summary: Summary,
  claim?: string,
): Promise<ClaimSources[] | null> {
  const claims = claimsOf(summary).filter((c) => claim === undefined || c.claim === claim);
  if (claim !== undefined && claims.length === 0) return null;
  const chunks = await loadChunksById(db, [...new Set(claims.flatMap((c) => c.citations))]);
  const byId = new Map(chunks.map((chunk) => [chunk.chunkId, chunk]));
  return claims.map((c) => ({
    claim: c.claim,
    text: c.text,
    aspect: c.aspect,
    sources: c.citations.flatMap((id) => {
      const chunk = byId.get(id);
      return chunk
        ? [
            {
              chunk_id: chunk.chunkId,
              review_id: chunk.reviewId,
              text: chunk.text,
              star_rating: chunk.starRating,
              created_at: chunk.createdAt,
              verified_purchase: chunk.verifiedPurchase,
              helpful_votes: chunk.helpfulVotes,
              language: chunk.language,
            },
          ]
        : [];
    }),
  }));
}
