// The compiled modules the built-in summarizer's evaluation scripts share (run `npm run build` first).
import { existsSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('cli/main.js', dist))) {
  console.error('the built-in evaluation scripts need the compiled code: run `npm run build` first');
  process.exit(1);
}

export const { evaluateDataset } = await import(new URL('evaluate/run-eval.js', dist));
export const { readDataset } = await import(new URL('evaluate/datasets.js', dist));
export const { builtinDefault } = await import(new URL('registry/model-version.js', dist));
export const { bootstrapCi95 } = await import(new URL('evaluate/metrics/bootstrap.js', dist));
export const { DEFAULT_SALIENCE_WEIGHTS } = await import(new URL('summarize/salience.js', dist));
