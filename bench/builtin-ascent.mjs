#!/usr/bin/env node
// Summary-level learned selector, cross-validated: coordinate ascent over the built-in's salience weights with
// the objective the summaries are judged by (mean ROUGE-1 + ROUGE-L of whole summaries), not the per-sentence
// ROUGE the ridge fit of `reviewlens train builtin` regresses on. 5-fold CV over entities (fold = index mod 5),
// jointly over all datasets given: per fold the ascent runs on the training folds of every dataset (mean of the
// datasets' means) and the held-out fold is scored with the weights it ends at; held-out scores are pooled.
// Every weight vector is evaluated once on all entities and cached, so folds share their common path.
//
//   npm run build && node bench/builtin-ascent.mjs A.dev.jsonl B.dev.jsonl [--base='{"extraClaimMinShare":0.5}']
//     [--rounds=2] [--steps='{"consensus":0.5,…}']
import { basename } from 'node:path';

import {
  bootstrapCi95,
  builtinDefault,
  DEFAULT_SALIENCE_WEIGHTS,
  evaluateDataset,
  readDataset,
} from './builtin-modules.mjs';

const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};
const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const base = JSON.parse(arg('base', '{}'));
const rounds = Number(arg('rounds', '2'));
// One step per weight, about a third of its prior's scale; a move is kept when it gains more than `EPSILON`.
const steps = JSON.parse(
  arg('steps', '{"consensus":0.5,"centrality":0.3,"firstPerson":0.3,"lengthFit":0.2,"polarityAgreement":0.15}'),
);
const K = 5;
const EPSILON = 0.05;

const datasets = files.map((file) => ({ name: basename(file), data: readDataset(file) }));
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const objective = (e) => e.rouge1 + e.rougeL;
const round2 = (x) => Math.round(x * 100) / 100;

const cache = new Map(); // weight vector → per dataset: entity results
async function evaluate(weights) {
  const key = JSON.stringify(weights);
  let hit = cache.get(key);
  if (!hit) {
    hit = [];
    for (const { data } of datasets) {
      const version = {
        ...builtinDefault(new Date(0).toISOString()),
        inferenceParams: { ...base, salience: weights },
      };
      hit.push((await evaluateDataset(data, { kind: 'model', version })).entities);
    }
    cache.set(key, hit);
    console.error(`eval #${cache.size} ${key} ${hit.map((es) => mean(es.map(objective)).toFixed(2)).join(' ')}`);
  }
  return hit;
}

const scoreOn = (perDataset, keep) => mean(perDataset.map((es) => mean(es.filter((_, i) => keep(i)).map(objective))));

async function ascend(keep) {
  let weights = { ...DEFAULT_SALIENCE_WEIGHTS };
  let best = scoreOn(await evaluate(weights), keep);
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (const [feature, step] of Object.entries(steps)) {
      for (const direction of [1, -1]) {
        const candidate = { ...weights, [feature]: round2(weights[feature] + direction * step) };
        const value = scoreOn(await evaluate(candidate), keep);
        if (value > best + EPSILON) {
          best = value;
          weights = candidate;
          moved = true;
          break;
        }
      }
    }
    if (!moved) break;
  }
  return weights;
}

const show = (label, es) => {
  const f = (k) => {
    const [lo, hi] = bootstrapCi95(es.map((e) => e[k]));
    return `${mean(es.map((e) => e[k])).toFixed(2)} [${lo.toFixed(1)}, ${hi.toFixed(1)}]`;
  };
  console.log(`${label.padEnd(44)} R1 ${f('rouge1')}  R2 ${f('rouge2')}  RL ${f('rougeL')}`);
};

const pooled = datasets.map(() => []);
for (let fold = 0; fold < K; fold++) {
  const weights = await ascend((i) => i % K !== fold);
  console.log(`fold ${fold}: ${JSON.stringify(weights)}`);
  const results = await evaluate(weights);
  results.forEach((es, d) => {
    es.forEach((e, i) => {
      if (i % K === fold) pooled[d].push(e);
    });
  });
}
for (const [d, { name }] of datasets.entries()) show(`ascent 5-fold CV held-out ${name}`, pooled[d]);
const prior = await evaluate({ ...DEFAULT_SALIENCE_WEIGHTS });
for (const [d, { name }] of datasets.entries()) show(`prior weights (same base) ${name}`, prior[d]);
const all = await ascend(() => true);
console.log(`fitted on all entities (in-sample): ${JSON.stringify(all)}`);
const fitted = await evaluate(all);
for (const [d, { name }] of datasets.entries()) show(`  in-sample ${name}`, fitted[d]);
