#!/usr/bin/env node
// Micro-benchmark of eld's scores for the shop languages: eld medium's detect().getScores() (how language-id.ts
// called it before) vs eld-scorer.ts, on the texts that reach eld in detectLanguage — generated reviews
// prepared as language-id.ts does, without those the function-word vote settles or that are too short.
// Run each variant in its own process (the old one loads eld's 60-language DB):
//
//   npm run build && npm run bench:ingest          # writes .bench/reviews-100000.jsonl
//   node --expose-gc bench/eld-scorer.mjs old [.bench/reviews-100000.jsonl]
//   node --expose-gc bench/eld-scorer.mjs new [.bench/reviews-100000.jsonl]
import { readFileSync } from 'node:fs';
import { SUPPORTED_LANGUAGES } from '../dist/domain/languages.js';
import { cleanReviewText } from '../dist/ingest/clean-text.js';
import { functionWordLanguage } from '../dist/ingest/function-words.js';

const [variant, file = '.bench/reviews-100000.jsonl'] = process.argv.slice(2);
if (variant !== 'old' && variant !== 'new') {
  console.error('usage: node --expose-gc bench/eld-scorer.mjs old|new [reviews.jsonl]');
  process.exit(2);
}

// language-id.ts's prepare() and countLetters() (module-private there).
const NOISE = /\[[A-Z_]{2,20}\]|(?:https?:\/\/|www\.)\S+|\S+@\S+|[^\s\d]*\d\S*/g;
const LETTER = /\p{L}/u;
function countLetters(text, stopAt) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && LETTER.test(text[i]))) {
      if (++n >= stopAt) return n;
    }
  }
  return n;
}
function prepare(text) {
  let s = (text.length > 240 ? text.slice(0, 240) : text).replace(NOISE, ' ');
  if (s.length > 120) {
    const cut = s.lastIndexOf(' ', 120);
    s = s.slice(0, cut > 60 ? cut : 120);
  }
  return s;
}

const samples = [];
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line || samples.length >= 20_000) continue;
  const review = JSON.parse(line);
  for (const text of [review.title ?? '', review.review_text ?? '']) {
    const sample = prepare(cleanReviewText(text));
    const letters = countLetters(sample, 40);
    if (letters >= 15 && (letters < 40 || !functionWordLanguage(sample))) samples.push(sample);
  }
}

const loadStart = process.cpuUsage();
let eldScores;
if (variant === 'old') {
  const { eld } = await import('eld/medium');
  const detector = eld.newInstance();
  detector.setLanguageSubset([...SUPPORTED_LANGUAGES]);
  eldScores = (sample) => {
    const scores = new Float64Array(SUPPORTED_LANGUAGES.length);
    const byLanguage = detector.detect(sample).getScores();
    SUPPORTED_LANGUAGES.forEach((language, index) => {
      scores[index] = byLanguage[language] ?? 0;
    });
    return scores;
  };
} else {
  const scorer = await import('../dist/ingest/eld-scorer.js');
  scorer.loadEldScorer();
  eldScores = scorer.eldScores;
}
const load = process.cpuUsage(loadStart);

let checksum = 0;
const rounds = [];
for (let round = 0; round < 6; round++) {
  const start = process.cpuUsage();
  for (const sample of samples) checksum += eldScores(sample).reduce((sum, score) => sum + score, 0);
  const cpu = process.cpuUsage(start);
  rounds.push(Math.round(((cpu.user + cpu.system) / samples.length) * 100) / 100);
}
globalThis.gc?.();
const memory = process.memoryUsage();
console.log(
  JSON.stringify({
    variant,
    samples: samples.length,
    mean_chars: Math.round(samples.reduce((sum, sample) => sum + sample.length, 0) / samples.length),
    load_cpu_ms: Math.round((load.user + load.system) / 1000),
    cpu_us_per_call: rounds,
    heap_used_mb: Math.round(memory.heapUsed / 2 ** 20),
    rss_mb: Math.round(memory.rss / 2 ** 20),
    checksum, // equal for both variants
  }),
);
