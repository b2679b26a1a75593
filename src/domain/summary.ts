import { z } from 'zod';
import { SUPPORTED_LANGUAGES } from './languages.js';

export const ClaimSchema = z.object({
  text: z.string().min(1),
  aspect: z.string().min(1),
  /** Number of distinct reviews that say so. */
  mentions: z.number().int().nonnegative(),
  citations: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/)).min(1),
});
export type Claim = z.infer<typeof ClaimSchema>;

export const SummarySchema = z.object({
  product_id: z.string().min(1),
  language: z.enum(SUPPORTED_LANGUAGES),
  overview: z.string().min(1),
  /** Chunk ids backing the overview sentence(s). */
  overview_citations: z.array(z.string()),
  pros: z.array(ClaimSchema),
  cons: z.array(ClaimSchema),
  review_count: z.number().int().nonnegative(),
  rating_avg: z.number(),
  model_version: z.string().min(1),
  generated_at: z.string(),
  expires_at: z.string(),
  label: z.string().min(1),
});
export type Summary = z.infer<typeof SummarySchema>;
