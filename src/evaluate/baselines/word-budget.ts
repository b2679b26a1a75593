import type { EmbeddedChunk } from '../../domain/chunk.js';
import type { SystemOutput } from '../system-output.js';

/** Reference summaries in FewSum/Copycat are ~60 words; extractive baselines stop there. */
export const DEFAULT_BASELINE_WORDS = 60;

export const wordCount = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;

/** Takes chunks in the given order while the budget allows (always at least one); one sentence per line. */
export function extractiveOutput(
  ordered: readonly EmbeddedChunk[],
  ranking: readonly EmbeddedChunk[],
  maxWords: number,
): SystemOutput {
  const picked: EmbeddedChunk[] = [];
  let words = 0;
  for (const chunk of ordered) {
    const n = wordCount(chunk.text);
    if (picked.length > 0 && words + n > maxWords) continue;
    picked.push(chunk);
    words += n;
    if (words >= maxWords) break;
  }
  return {
    summaryText: picked.map((chunk) => chunk.text.replace(/\s*\n\s*/g, ' ')).join('\n'),
    claims: picked.map((chunk) => ({
      text: chunk.text,
      polarity: chunk.polarity,
      aspect: null,
      citations: [chunk.chunkId],
    })),
    contextChunkIds: ranking.map((chunk) => chunk.chunkId),
    failure: picked.length === 0 ? 'no_chunks' : null,
  };
}
