#!/usr/bin/env node
// Ablation of the built-in summarizer on evaluation datasets: ROUGE-1/2/L (95% bootstrap CIs), faithfulness and
// cons-when-needed for the full model, each component removed, and the LexRank baseline.
//
//   npm run bench:builtin -- ../shared/data/amazon-copycat-fewsum/amazon_copycat_fewsum.dev.jsonl [more files…]
//
// Needs `npm run build`. Variants are inference parameters of a builtin model version (what the registry stores)
// or salience weights with one feature zeroed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { builtinDefault, DEFAULT_SALIENCE_WEIGHTS, evaluateDataset, readDataset } from './builtin-modules.mjs';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
if (files.length === 0) {
  console.error('usage: npm run bench:builtin -- DATASET.jsonl [DATASET.jsonl…]');
  process.exit(2);
}

const base = process.argv.find((a) => a.startsWith('--weights='));
const weights = base ? JSON.parse(readFileSync(base.slice(10), 'utf8')).weights : DEFAULT_SALIENCE_WEIGHTS;
const weightsWithout = (feature) => ({ salience: { ...weights, [feature]: 0 } });
const variants = [
  { name: 'builtin (full)', params: { salience: weights } },
  { name: 'template overview (builtin-v1 before)', params: { overviewMode: 'template' } },
  { name: 'hand-set salience prior', params: { salience: DEFAULT_SALIENCE_WEIGHTS } },
  { name: '+ claim quotes', params: { salience: weights, claimQuotes: true } },
  { name: 'no pros/cons text', params: { salience: weights, maxPros: 0, maxCons: 0 } },
  { name: '- consensus', params: weightsWithout('consensus') },
  { name: '- centrality', params: weightsWithout('centrality') },
  { name: '- firstPerson', params: weightsWithout('firstPerson') },
  { name: '- aspectFrequency', params: weightsWithout('aspectFrequency') },
  { name: '- lengthFit', params: weightsWithout('lengthFit') },
  { name: '- polarityAgreement', params: weightsWithout('polarityAgreement') },
  { name: 'no aspect discovery', params: { salience: weights, discoverAspects: false } },
  { name: 'taxonomy names not checked', params: { salience: weights, nameInReviews: false } },
  { name: 'no compression', params: { salience: weights, compress: false } },
  { name: 'overview in salience order', params: { salience: weights, overviewOrder: 'salience' } },
  { name: '1 pro / 1 con', params: { salience: weights, maxPros: 1, maxCons: 1 } },
  { name: '4 pros / 3 cons', params: { salience: weights, maxPros: 4, maxCons: 3 } },
  { name: 'redundancy off', params: { salience: weights, redundancy: 1.01 } },
  { name: 'claim counts in text (before)', params: { salience: weights, claimCounts: true } },
  {
    name: 'no shared budget, 45-word overview',
    params: { salience: weights, summaryWords: 0, overviewWords: 45 },
  },
  {
    name: "main's settings (counts in text, 45-word overview)",
    params: { salience: weights, claimCounts: true, summaryWords: 0, overviewWords: 45 },
  },
  { name: 'second claim needs 3/8 of reviews', params: { salience: weights, extraClaimMinShare: 0.375 } },
  { name: 'summary 50 words', params: { salience: weights, summaryWords: 50 } },
  { name: 'summary 70 words', params: { salience: weights, summaryWords: 70 } },
];
// Ad-hoc variant for tuning: --params='{"maxPros":2}' (merged over the fitted weights).
const adhoc = process.argv.find((a) => a.startsWith('--params='));
if (adhoc)
  variants.push({ name: `params ${adhoc.slice(9)}`, params: { salience: weights, ...JSON.parse(adhoc.slice(9)) } });
const selected = variants.filter((v) => !only || v.name.includes(only));

const fmt = (x) => (x === null || x === undefined ? '   –  ' : x.toFixed(2).padStart(6));
const ci = (r, k) => `[${r.ci95[k][0].toFixed(1)}, ${r.ci95[k][1].toFixed(1)}]`;
const line = (name, r) =>
  `${name.padEnd(40)} R1 ${fmt(r.aggregate.rouge1)} ${ci(r, 'rouge1')}  R2 ${fmt(r.aggregate.rouge2)} ${ci(r, 'rouge2')}  RL ${fmt(r.aggregate.rougeL)} ${ci(r, 'rougeL')}  faith ${fmt(r.aggregate.faithfulness)}  cons ${fmt(r.aggregate.cons_when_needed)}  words ${fmt(r.aggregate.words)}`;

for (const file of files) {
  const dataset = readDataset(file);
  console.log(`\n${basename(file)} (${dataset.entities.length} entities)`);
  const lex = await evaluateDataset(dataset, { kind: 'lexrank' });
  console.log(line('lexrank baseline', lex));
  for (const variant of selected) {
    const version = { ...builtinDefault(new Date(0).toISOString()), inferenceParams: variant.params ?? {} };
    const report = await evaluateDataset(dataset, { kind: 'model', version });
    console.log(line(variant.name, report));
  }
}
