#!/usr/bin/env node
// k-fold cross-validation over entities of the built-in summarizer's length trade-off (overview words vs claim
// lines): every setting of the grid scores every entity once; per fold the setting with the best mean
// ROUGE-1 + ROUGE-L on the other folds is picked and its held-out scores are pooled (fold = index mod k).
// Also each dataset's pick applied to the other dataset (cross-dataset check).
//
//   npm run build && node bench/builtin-cv.mjs A.dev.jsonl B.dev.jsonl [--grid='[{"overviewWords":40},…]']
import { basename } from 'node:path';

import { bootstrapCi95, builtinDefault, evaluateDataset, readDataset } from './builtin-modules.mjs';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const gridArg = process.argv.find((a) => a.startsWith('--grid='));
const K = 5;
const grid = gridArg
  ? JSON.parse(gridArg.slice(7))
  : [35, 40, 45, 50, 55].flatMap((overviewWords) =>
      [
        [2, 2],
        [2, 1],
        [1, 1],
      ].map(([maxPros, maxCons]) => ({ overviewWords, maxPros, maxCons })),
    );

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const objective = (e) => e.rouge1 + e.rougeL;
const show = (label, es) => {
  const f = (k) => {
    const [lo, hi] = bootstrapCi95(es.map((e) => e[k]));
    return `${mean(es.map((e) => e[k])).toFixed(2)} [${lo.toFixed(1)}, ${hi.toFixed(1)}]`;
  };
  console.log(`${label.padEnd(44)} R1 ${f('rouge1')}  R2 ${f('rouge2')}  RL ${f('rougeL')}`);
};

const scores = []; // per dataset: per setting: entity results
for (const file of files) {
  const dataset = readDataset(file);
  const perSetting = [];
  for (const params of grid) {
    const version = { ...builtinDefault(new Date(0).toISOString()), inferenceParams: params };
    const report = await evaluateDataset(dataset, { kind: 'model', version });
    perSetting.push(report.entities);
    const es = report.entities;
    console.error(
      `${basename(file)} ${JSON.stringify(params)} R1 ${mean(es.map((e) => e.rouge1)).toFixed(2)} RL ${mean(es.map((e) => e.rougeL)).toFixed(2)}`,
    );
  }
  scores.push({ name: basename(file), perSetting });
}

const bestOn = (perSetting, keep) => {
  let best = 0;
  let bestValue = -Infinity;
  perSetting.forEach((entities, s) => {
    const value = mean(entities.filter((_, i) => keep(i)).map(objective));
    if (value > bestValue) {
      bestValue = value;
      best = s;
    }
  });
  return best;
};

for (const { name, perSetting } of scores) {
  const heldOut = [];
  const picks = [];
  for (let fold = 0; fold < K; fold++) {
    const pick = bestOn(perSetting, (i) => i % K !== fold);
    picks.push(JSON.stringify(grid[pick]));
    perSetting[pick].forEach((e, i) => {
      if (i % K === fold) heldOut.push(e);
    });
  }
  console.log(`\n${name}: picks per fold ${picks.join(' ')}`);
  show('5-fold CV held-out', heldOut);
  const whole = bestOn(perSetting, () => true);
  for (const other of scores) {
    if (other.name === name) continue;
    show(`pick on ${name} ${JSON.stringify(grid[whole])} → ${other.name}`, other.perSetting[whole]);
  }
}

// Joint pick (what a shipped default is): per fold the setting best on the mean of both datasets' training
// folds, each dataset's held-out fold scored with it.
if (scores.length > 1) {
  const pooled = scores.map(() => []);
  const picks = [];
  for (let fold = 0; fold < K; fold++) {
    let best = 0;
    let bestValue = -Infinity;
    grid.forEach((_, s) => {
      const value = mean(
        scores.map(({ perSetting }) => mean(perSetting[s].filter((_, i) => i % K !== fold).map(objective))),
      );
      if (value > bestValue) {
        bestValue = value;
        best = s;
      }
    });
    picks.push(JSON.stringify(grid[best]));
    scores.forEach(({ perSetting }, d) => {
      perSetting[best].forEach((e, i) => {
        if (i % K === fold) pooled[d].push(e);
      });
    });
  }
  console.log(`\njoint pick per fold ${picks.join(' ')}`);
  scores.forEach(({ name }, d) => {
    show(`joint 5-fold CV held-out ${name}`, pooled[d]);
  });
}
