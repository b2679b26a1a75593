import { createRequire } from 'node:module';
import type { Language } from '../../domain/languages.js';
import { redactPii } from '../../ingest/pii.js';
import type { SystemOutput } from '../system-output.js';

export interface OutputChecks {
  /** 1 when the output is non-empty, within the length limit and every claim cites a source. */
  readonly format_ok: number;
  /** Listed offensive terms (LDNOOBW lists from `naughty-words`) in the output. */
  readonly toxic_terms: number;
  /** E-mail addresses and phone numbers the ingest redactor finds in the output. */
  readonly pii_spans: number;
  readonly words: number;
  readonly chars: number;
}

export const MAX_SUMMARY_WORDS = 200;

// naughty-words ships no types; it is a plain map language → word list.
const lists = createRequire(import.meta.url)('naughty-words') as Record<string, string[]>;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new Map<string, RegExp>();

function toxicPattern(language: string): RegExp {
  let pattern = patterns.get(language);
  if (!pattern) {
    const words = lists[language] ?? lists.en!;
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    patterns.set(language, pattern);
  }
  return pattern;
}

export function countToxicTerms(text: string, language: string): number {
  return [...text.matchAll(toxicPattern(language))].length;
}

export function outputChecks(output: SystemOutput, language: Language): OutputChecks {
  const text = output.summaryText;
  const words = text.split(/\s+/).filter((w) => w.length > 0).length;
  const cited = output.claims.every((claim) => claim.citations.length > 0);
  return {
    format_ok: text.trim() !== '' && words <= MAX_SUMMARY_WORDS && cited && output.failure === null ? 1 : 0,
    toxic_terms: countToxicTerms(text, language),
    pii_spans: redactPii(text, { language }).found.length,
    words,
    chars: text.length,
  };
}
