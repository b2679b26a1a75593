/**
 * Language-id evaluation: per language, the share of samples identified correctly among the shop's languages,
 * and the confusions (gold → detected → count). Samples are evaluated WITHOUT a locale fallback: the number
 * measures the detectors, not the shop default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isSupportedLanguage, type Language } from '../../domain/languages.js';
import { detectLanguage } from '../language-id.js';
import { round } from './evaluate-pii.js';

export interface LangidEvalResult {
  accuracy: Record<string, number>;
  /** gold → detected → count, errors only. */
  confusions: Record<string, Record<string, number>>;
  /** Share of samples the detector itself marked unreliable (ingest would use the shop locale for them). */
  unreliable: Record<string, number>;
  samples: Record<string, number>;
}

/** Reads `<dir>/<iso-639-1>.txt` (one sample per line) for the shop's languages. */
export function readLangidDir(dir: string): Map<Language, string[]> {
  const out = new Map<Language, string[]>();
  for (const file of readdirSync(dir).sort()) {
    const code = basename(file, '.txt');
    if (!file.endsWith('.txt') || !isSupportedLanguage(code)) continue;
    const lines = readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    out.set(code, lines);
  }
  return out;
}

export function evaluateLangid(samples: ReadonlyMap<Language, readonly string[]>): LangidEvalResult {
  const accuracy: Record<string, number> = {};
  const confusions: Record<string, Record<string, number>> = {};
  const unreliable: Record<string, number> = {};
  const counts: Record<string, number> = {};
  for (const [gold, lines] of samples) {
    let correct = 0;
    let unsure = 0;
    for (const line of lines) {
      const detection = detectLanguage(line);
      if (!detection.reliable) unsure++;
      if (detection.language === gold) correct++;
      else {
        const row = confusions[gold] ?? {};
        row[detection.language] = (row[detection.language] ?? 0) + 1;
        confusions[gold] = row;
      }
    }
    accuracy[gold] = round(lines.length === 0 ? 0 : correct / lines.length);
    unreliable[gold] = round(lines.length === 0 ? 0 : unsure / lines.length);
    counts[gold] = lines.length;
  }
  return { accuracy, confusions, unreliable, samples: counts };
}
