/**
 * Toxicity guard evaluation on a labelled CSV: a text column (`test_case`, `text`, `review_text`) and a label
 * column (`label_gold`, `label`) with `hateful` / `non-hateful` (also `1`/`0`, `toxic`/`non-toxic`). The language
 * comes from a `language` column or the file name (Multilingual HateCheck: `…_german…` → de).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { isSupportedLanguage, type Language } from '../../domain/languages.js';
import { DEFAULT_TOXICITY_THRESHOLD, toxicityScore } from '../toxicity.js';
import { round } from './evaluate-pii.js';

export interface ToxicityEvalResult {
  recall: number;
  false_positive_rate: number;
  threshold: number;
  positives: number;
  negatives: number;
  skipped_unsupported_language: number;
}

const LANGUAGE_NAMES: Record<string, Language> = {
  english: 'en',
  german: 'de',
  french: 'fr',
  spanish: 'es',
  italian: 'it',
  dutch: 'nl',
  polish: 'pl',
};

export function languageFromFileName(path: string): Language | null {
  const name = basename(path).toLowerCase();
  for (const [word, code] of Object.entries(LANGUAGE_NAMES)) if (name.includes(word)) return code;
  const code = /(?:^|[_.-])([a-z]{2})(?:[_.-]|$)/.exec(name)?.[1];
  return code && isSupportedLanguage(code) ? code : null;
}

const POSITIVE = new Set(['hateful', '1', 'toxic', 'true', 'offensive']);

export function evaluateToxicity(files: readonly string[], threshold = DEFAULT_TOXICITY_THRESHOLD): ToxicityEvalResult {
  let tp = 0;
  let fp = 0;
  let positives = 0;
  let negatives = 0;
  let skipped = 0;
  for (const file of files) {
    const rows: Record<string, string>[] = parse(readFileSync(file), { columns: true, skip_empty_lines: true });
    const fileLanguage = languageFromFileName(file);
    for (const row of rows) {
      const text = row.test_case ?? row.text ?? row.review_text ?? '';
      const label = (row.label_gold ?? row.label ?? '').trim().toLowerCase();
      const language = row.language && isSupportedLanguage(row.language) ? row.language : fileLanguage;
      if (!language) {
        skipped++;
        continue;
      }
      const flagged = toxicityScore(text, language).score >= threshold;
      if (POSITIVE.has(label)) {
        positives++;
        if (flagged) tp++;
      } else {
        negatives++;
        if (flagged) fp++;
      }
    }
  }
  return {
    recall: round(positives === 0 ? 0 : tp / positives),
    false_positive_rate: round(negatives === 0 ? 0 : fp / negatives),
    threshold,
    positives,
    negatives,
    skipped_unsupported_language: skipped,
  };
}
