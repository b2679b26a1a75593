import { extname } from 'node:path';
import { csvSource } from './csv-source.js';
import { jsonlSource } from './jsonl-source.js';
import type { ReviewSource } from './source-item.js';

export class UnsupportedSourceError extends Error {
  readonly code = 'RL_ERR_UNSUPPORTED_SOURCE';
}

/** Picks the reader from the file extension: .jsonl/.ndjson/.json lines, or .csv. */
export function openFileSource(path: string): ReviewSource {
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return jsonlSource(path);
  if (extension === '.csv') return csvSource(path);
  throw new UnsupportedSourceError(
    `unsupported input format "${extension || '(none)'}" for ${path}: use .jsonl or .csv`,
  );
}
