#!/usr/bin/env node
// Cross-validation of the trained polarity model *inside the training half only* (even file positions, the half
// `reviewlens eval polarity` trains on): the test half is never read. Per language, 5 outer folds (fold = index
// mod 5 over the 1–2 / 4–5-star rows); in each, the shipped tuning (inner folds over FULL_GRID) runs on the other
// four folds and the held-out fold is scored. Each setting of --options (TrainOptions) is compared this way.
//
//   npm run build && node bench/polarity-cv.mjs ../shared/data/marc-test-multilingual [--options='[{},{"bits":20}]']
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const { readStarCsv, polarityAccuracy } = await import(new URL('index/evaluate-polarity.js', dist));
const { linearSentiment } = await import(new URL('index/linear-sentiment.js', dist));
const { FULL_GRID, trainTunedLinearSentiment } = await import(new URL('index/polarity-tuning.js', dist));

const dir = process.argv[2];
const optionsArg = process.argv.find((a) => a.startsWith('--options='));
const settings = optionsArg ? JSON.parse(optionsArg.slice('--options='.length)) : [{}];
const OUTER = 5;

const files = readdirSync(dir)
  .map((name) => ({ name, language: /_([a-z]{2})\.[^/]*csv$/.exec(name)?.[1] }))
  .filter((f) => f.language)
  .sort((a, b) => a.language.localeCompare(b.language));

for (const options of settings) {
  const cpu = process.cpuUsage();
  const cells = [];
  let sum = 0;
  for (const { name, language } of files) {
    const labelled = readStarCsv(join(dir, name), language)
      .filter((_, i) => i % 2 === 0)
      .filter((r) => r.stars !== 3);
    let correct = 0;
    for (let fold = 0; fold < OUTER; fold++) {
      const train = labelled.filter((_, i) => i % OUTER !== fold);
      const heldOut = labelled.filter((_, i) => i % OUTER === fold);
      const model = linearSentiment(trainTunedLinearSentiment(train, FULL_GRID, options).model);
      correct += Math.round(polarityAccuracy(model, heldOut).accuracy * heldOut.length);
    }
    const accuracy = correct / labelled.length;
    sum += accuracy;
    cells.push(`${language} ${accuracy.toFixed(3)}`);
  }
  const seconds = (process.cpuUsage(cpu).user / 1e6).toFixed(0);
  console.log(
    `${JSON.stringify(options).padEnd(28)} mean ${(sum / files.length).toFixed(4)}  ${cells.join('  ')}  (${seconds} CPU s)`,
  );
}
