#!/usr/bin/env node
// Summarises bench/polarity-cv4.mjs --out files: per language and variant, the mean CV accuracy over the
// (salt, perm) runs, its range, and the paired difference to the shipped model on the same runs.
//   node bench/polarity-cv4-summary.mjs results.jsonl [more.jsonl ...]
import { readFileSync } from 'node:fs';

const recs = process.argv
  .slice(2)
  .flatMap((p) => readFileSync(p, 'utf8').trim().split('\n'))
  .filter(Boolean)
  .map((l) => JSON.parse(l));
// Runs of the same (language, salt, perm) from several files are one run: their variants are merged (the shipped
// model is deterministic, so a repeated 'shipped' is the same number).
const merged = new Map();
for (const r of recs) {
  const key = `${r.language}/${r.salt}/${r.perm}`;
  const m = merged.get(key);
  if (m) Object.assign(m.acc, r.acc);
  else merged.set(key, { ...r, acc: { ...r.acc } });
}
const byLang = new Map();
for (const r of merged.values()) {
  const list = byLang.get(r.language) ?? [];
  list.push(r);
  byLang.set(r.language, list);
}
const f = (v) => v.toFixed(4);
const sd = (xs) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};
for (const [lang, list] of [...byLang].sort()) {
  const variants = [...new Set(list.flatMap((r) => Object.keys(r.acc)))];
  console.log(
    `\n${lang}: ${list.length} runs (salts ${[...new Set(list.map((r) => r.salt))]}, perms ${[...new Set(list.map((r) => r.perm))]})`,
  );
  console.log('variant              mean    min     max     sd      Δ vs shipped (mean [min, max], wins/ties/losses)');
  for (const v of variants) {
    const runs = list.filter((r) => r.acc[v] !== undefined);
    const xs = runs.map((r) => r.acc[v]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const ds = runs.filter((r) => r.acc.shipped !== undefined).map((r) => r.acc[v] - r.acc.shipped);
    const dm = ds.length ? ds.reduce((a, b) => a + b, 0) / ds.length : Number.NaN;
    const w = ds.filter((d) => d > 1e-9).length;
    const l = ds.filter((d) => d < -1e-9).length;
    console.log(
      `${v.padEnd(20)} ${f(mean)}  ${f(Math.min(...xs))}  ${f(Math.max(...xs))}  ${f(sd(xs))}  ${ds.length ? `${dm >= 0 ? '+' : ''}${f(dm)} [${f(Math.min(...ds))}, ${f(Math.max(...ds))}] ${w}/${ds.length - w - l}/${l}` : ''}`,
    );
  }
}

// Round 5: the shipped model's accuracy per star rating (runs that recorded it), summed over runs.
for (const [lang, list] of [...byLang].sort()) {
  const tot = {};
  for (const r of list)
    for (const [star, [k, n]] of Object.entries(r.byStar ?? {})) {
      tot[star] ??= [0, 0];
      tot[star][0] += k;
      tot[star][1] += n;
    }
  if (!Object.keys(tot).length) continue;
  const runs = list.filter((r) => r.byStar).length;
  console.log(
    `\n${lang} shipped per star (${runs} runs): ${Object.entries(tot)
      .map(([star, [k, n]]) => `${star}★ ${(k / n).toFixed(3)} (n ${n / runs})`)
      .join('  ')}`,
  );
}
