#!/usr/bin/env node
// Round 4 of the polarity research (docs/builtin.md): model families and lexicon stacking compared by CV *inside the
// training half only* (even file positions; the test half is never read). Per language and per (hash salt, fold
// permutation): 5 outer folds; in each, every variant does its own tuning on inner folds of the outer training
// part (the shipped protocol: inner fold = index mod 4) and scores the held-out fold. Every variant sees the same
// rows, features and folds, so differences are paired.
//
//   npm run build && node bench/polarity-cv4.mjs ../shared/data/marc-test-multilingual \
//     --langs=en --salts=0,1,2 --perms=0,1,2 --variants=shipped,addlex,stack,dense,lbfgs,svm [--out=results.jsonl]
//
// salt 0 = the shipped features (2^18 buckets) and SGD shuffle seed 1; salt s > 0 re-hashes 31-bit features into
// 2^18 buckets with another mixing key (other collisions) and uses shuffle seed 1 + s. perm 0 = fold index mod 5
// (bench/polarity-cv.mjs); perm p > 0 = a seeded permutation of the rows before index mod 5.
//
// Round 5 variants (same protocol; `round5` below), English first, then de/es/fr as a check:
//   node bench/polarity-cv4.mjs ../shared/data/marc-test-multilingual --langs=en --salts=0,1,2,3,4 --perms=0,1,2 \
//     --variants=shipped,dropout,dropout=0.1,dropout=0.25,dropout=0.5,starw,starw=0.25,starw=0.5,sentdrop,pool,surface
//   dropout, dropout=P   feature dropout in SGD (inverted: kept features scaled 1/(1-P); lexicon never dropped),
//                        P chosen jointly with rate and epochs by the inner folds from DROPOUTS, or fixed
//   sentdrop             + 2 copies of each training review of ≥ 3 sentences keeping a random ≥ 60% of them
//   starw, starw=W       SGD sample weight W for 2- and 4-star reviews (1 and 5 stars: 1), W from STAR_WEIGHTS or fixed
//   pool                 the tuned review-level model applied to each sentence too; [review logit, min, max, first,
//                        last, mean sentence logit] stacked by a small LR fitted on inner out-of-fold values
//   pool+dropout         the same over the `dropout` model
//   surface              extra hashed features: ALL-CAPS words, '!' / '?' count buckets, emoticons / emoji, length bucket
// Every run also records the shipped model's accuracy per star rating (`byStar`; the summary prints it).
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url);
const { readStarCsv } = await import(new URL('index/evaluate-polarity.js', dist));
const { hashedFeatures, fitLanguage } = await import(new URL('index/linear-sentiment.js', dist));
const { lexiconSentiment, lexiconEvidence } = await import(new URL('index/sentiment.js', dist));
const { mulberry32: rng } = await import(new URL('sample/prng.js', dist));
const { splitSentences } = await import(new URL('index/segment.js', dist));

const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : fallback;
};
const dir = process.argv[2];
const LANGS = arg('langs', 'de,en,es,fr').split(',');
const SALTS = arg('salts', '0').split(',').map(Number);
const PERMS = arg('perms', '0').split(',').map(Number);
const VARIANTS = arg('variants', 'shipped').split(',');
const OUT = arg('out', '');
const CHECK = process.argv.includes('--check');
const BITS = 18;
const OUTER = 5;
const INNER = 4;
const RATES = [1, 2, 4];
const EPOCHS = [4, 8, 12, 16, 24];

// ---------------------------------------------------------------- helpers
function fmix32(h) {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
const sigmoid = (z) => 1 / (1 + Math.exp(-z));

// ---------------------------------------------------------------- lexicon-derived dense features
// Hit counts come from the shipped scorer (sentiment.ts `lexiconEvidence`).
function sentences(text) {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((t) => t.trim())
    .filter((t) => /[\p{L}]/u.test(t));
}
function denseFeatures(text, language) {
  const h = lexiconEvidence(text, language);
  const ss = sentences(text);
  const scores = ss.map((t) => lexiconSentiment.score(t, language));
  const n = Math.max(1, ss.length);
  const sharePos = scores.filter((v) => v >= 0.15).length / n;
  const shareNeg = scores.filter((v) => v <= -0.15).length / n;
  const last = scores.length ? scores[scores.length - 1] : 0;
  return [Math.log1p(h.positive), Math.log1p(h.negative), Math.log1p(h.negated), sharePos, shareNeg, last];
}

// ---------------------------------------------------------------- rows
function featuresFor(text, salt) {
  if (salt === 0) return hashedFeatures(text, BITS);
  const key = Math.imul(salt, 0x9e3779b1);
  const mask = (1 << BITS) - 1;
  return [...new Set(hashedFeatures(text, 31).map((f) => fmix32(f ^ key) & mask))];
}
function buildRows(labelled, language, salt) {
  const needSents = VARIANTS.some((v) => v.startsWith('pool') || v === 'sentdrop');
  const needSurface = VARIANTS.includes('surface');
  return labelled.map((r, index) => {
    const lh = lexiconEvidence(r.text, language);
    const row = {
      x: featuresFor(r.text, salt),
      lex: lexiconSentiment.score(r.text, language),
      ev: Math.log1p(lh.positive + lh.negative),
      dense: denseFeatures(r.text, language),
      y: r.stars >= 4 ? 1 : 0,
      stars: r.stars,
    };
    if (needSents) {
      const ss = splitSentences(r.text, language);
      row.sents = ss.map((t) => ({ x: featuresFor(t, salt), lex: lexiconSentiment.score(t, language) }));
      if (VARIANTS.includes('sentdrop')) row.aug = sentenceDropCopies(ss, row, language, salt, index);
    }
    if (needSurface) row.xSurface = [...new Set([...row.x, ...surfaceFeatures(r.text, salt)])];
    return row;
  });
}

// ---------------------------------------------------------------- round 5 feature / augmentation helpers
/** 2 copies of a review with ≥ 3 sentences, each keeping a random ≥ 60% (not all) of its sentences (same label). */
function sentenceDropCopies(ss, row, language, salt, index) {
  const keepMin = Math.ceil(0.6 * ss.length);
  if (keepMin >= ss.length) return []; // 1–2 sentences: no proper subset keeps 60%
  const random = rng(7919 * (index + 1) + salt);
  const copies = [];
  for (let k = 0; k < 2; k++) {
    let kept;
    do kept = ss.filter(() => random() < 0.75);
    while (kept.length < keepMin || kept.length === ss.length);
    const text = kept.join(' ');
    copies.push({
      x: featuresFor(text, salt),
      lex: lexiconSentiment.score(text, language),
      y: row.y,
      stars: row.stars,
    });
  }
  return copies;
}

/** 31-bit FNV-1a of a string under a feature kind (kinds 30+: unused by polarity-features.ts), then salted. */
function surfaceHash(kind, s, salt) {
  let h = Math.imul(0x811c9dc5 ^ kind, 0x01000193);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h = (h >>> 0) & 0x7fffffff;
  const mask = (1 << BITS) - 1;
  return salt === 0 ? h & mask : fmix32(h ^ Math.imul(salt, 0x9e3779b1)) & mask;
}
/** Surface cues the lower-casing tokenizer loses or does not count. */
function surfaceFeatures(text, salt) {
  const out = [];
  const caps = text.match(/\b\p{Lu}{2,}\b/gu) ?? [];
  for (const w of caps) out.push(surfaceHash(30, w.toLowerCase(), salt));
  out.push(surfaceHash(31, `caps${Math.min(caps.length, 3)}`, salt));
  const bang = (text.match(/!/g) ?? []).length;
  out.push(surfaceHash(32, `bang${Math.min(bang, 3)}`, salt));
  if (/!!/.test(text)) out.push(surfaceHash(32, 'bang-run', salt));
  const q = (text.match(/\?/g) ?? []).length;
  out.push(surfaceHash(33, `q${Math.min(q, 2)}`, salt));
  for (const e of text.match(/[:;=]-?[)(DPp/]|<3|\p{Extended_Pictographic}/gu) ?? [])
    out.push(surfaceHash(34, e, salt));
  const words = (text.match(/\p{L}+/gu) ?? []).length;
  out.push(surfaceHash(35, `len${Math.floor(Math.log2(1 + words))}`, salt));
  return out;
}

// ---------------------------------------------------------------- NB ratios (exactly as linear-sentiment.ts)
function nbRatios(rows, alpha = 1) {
  const size = 1 << BITS;
  const positive = new Float64Array(size);
  const negative = new Float64Array(size);
  let pt = alpha * size;
  let nt = alpha * size;
  const touched = new Set();
  for (const row of rows) {
    const c = row.y === 1 ? positive : negative;
    for (const f of row.x) {
      c[f] += 1;
      touched.add(f);
    }
    if (row.y === 1) pt += row.x.length;
    else nt += row.x.length;
  }
  const ratio = new Float64Array(size);
  const norm = Math.log(nt / pt);
  for (const f of touched) ratio[f] = Math.log((positive[f] + alpha) / (negative[f] + alpha)) + norm;
  return { ratio, touched: [...touched] };
}
const lengthScale = (row) => 1 / Math.sqrt(Math.max(1, row.x.length));

// ---------------------------------------------------------------- SGD (a copy of fitLanguage + optional dense extras)
function sgdFit(
  rows,
  { epochs, learningRate, seed, dense = false, l2 = 1e-6, dropout = 0, starWeight = 1, augment = false },
  onEpoch,
) {
  const size = 1 << BITS;
  const { ratio } = nbRatios(rows);
  // round 5: augmented copies join the SGD rows (not the NB counts); dropout uses its own RNG so the shuffle
  // sequence is the shipped one
  const sgdRows = augment ? rows.flatMap((r) => [r, ...(r.aug ?? [])]) : rows;
  const dropRandom = rng(seed + 104729);
  const rowWeight = (row) => (row.stars === 2 || row.stars === 4 ? starWeight : 1);
  const weights = new Float64Array(size);
  const updates = new Float64Array(size);
  let bias = 0;
  let biasU = 0;
  let lexicon = 2;
  let lexiconU = 0;
  // dense extras: standardised on the training rows, weight starts at 0, no L2 (like the lexicon feature)
  const D = dense ? rows[0].dense.length : 0;
  const mean = new Float64Array(D);
  const sd = new Float64Array(D).fill(1);
  if (D) {
    for (const r of rows) for (let k = 0; k < D; k++) mean[k] += r.dense[k] / rows.length;
    const v = new Float64Array(D);
    for (const r of rows) for (let k = 0; k < D; k++) v[k] += (r.dense[k] - mean[k]) ** 2 / rows.length;
    for (let k = 0; k < D; k++) sd[k] = Math.sqrt(v[k]) || 1;
  }
  const dv = (r) => {
    const out = new Float64Array(D);
    for (let k = 0; k < D; k++) out[k] = (r.dense[k] - mean[k]) / sd[k];
    return out;
  };
  const dw = new Float64Array(D);
  const dwU = new Float64Array(D);
  let step = 0;
  const random = rng(seed);
  const order = sgdRows.map((r) => ({ r, d: dv(r) }));
  const averaged = (row) => {
    const scale = lengthScale(row);
    let z = bias - biasU / step + (lexicon - lexiconU / step) * row.lex;
    if (D) {
      const d = dv(row);
      for (let k = 0; k < D; k++) z += (dw[k] - dwU[k] / step) * d[k];
    }
    for (const f of row.x) z += (weights[f] - updates[f] / step) * ratio[f] * scale;
    return z;
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const { r: row, d } of order) {
      step += 1;
      const lr = learningRate / Math.sqrt(1 + step / order.length);
      let scale = lengthScale(row);
      let xs = row.x;
      if (dropout > 0) {
        // inverted dropout: keep each feature with prob 1 - p and scale the kept ones up (lexicon never dropped)
        xs = row.x.filter(() => dropRandom() >= dropout);
        scale /= 1 - dropout;
      }
      let z = bias + lexicon * row.lex;
      for (let k = 0; k < D; k++) z += dw[k] * d[k];
      for (const f of xs) z += weights[f] * ratio[f] * scale;
      const g = (sigmoid(z) - row.y) * rowWeight(row);
      bias -= lr * g;
      biasU -= step * lr * g;
      lexicon -= lr * g * row.lex;
      lexiconU -= step * lr * g * row.lex;
      for (let k = 0; k < D; k++) {
        dw[k] -= lr * g * d[k];
        dwU[k] -= step * lr * g * d[k];
      }
      for (const f of xs) {
        const delta = -lr * (g * ratio[f] * scale + l2 * weights[f]);
        weights[f] += delta;
        updates[f] += step * delta;
      }
    }
    onEpoch?.(epoch, averaged);
  }
  return averaged;
}

/** Inner k-fold tuning of the SGD model; returns OOF logits for every (rate, epoch) so stacking variants reuse it. */
function sgdInner(rows, seed, dense, opts = {}) {
  const oof = new Map(); // `${rate}/${epoch}` -> Float64Array
  for (const rate of RATES) {
    for (const e of EPOCHS) oof.set(`${rate}/${e}`, new Float64Array(rows.length));
    for (let fold = 0; fold < INNER; fold++) {
      const train = rows.filter((_, i) => i % INNER !== fold);
      const idx = rows.map((_, i) => i).filter((i) => i % INNER === fold);
      sgdFit(train, { epochs: Math.max(...EPOCHS), learningRate: rate, seed, dense, ...opts }, (epoch, score) => {
        if (!EPOCHS.includes(epoch)) return;
        const z = oof.get(`${rate}/${epoch}`);
        for (const i of idx) z[i] = score(rows[i]);
      });
    }
  }
  return oof;
}
/** Shipped choice: best inner accuracy, ties to the first in (rate, epochs) grid order. */
function chooseSgd(rows, oof) {
  let best = null;
  for (const rate of RATES)
    for (const e of EPOCHS) {
      const z = oof.get(`${rate}/${e}`);
      let c = 0;
      rows.forEach((r, i) => {
        if (z[i] > 0 === (r.y === 1)) c++;
      });
      if (!best || c > best.c) best = { rate, e, c };
    }
  return best;
}
const accOf = (rows, z) => rows.reduce((s, r, i) => s + (z[i] > 0 === (r.y === 1) ? 1 : 0), 0);

// ---------------------------------------------------------------- tiny dense logistic regression (Newton, for stacking)
function denseLR(X, y, l2 = 1e-2) {
  const n = X.length;
  const p = X[0].length + 1;
  const w = new Float64Array(p);
  for (let it = 0; it < 50; it++) {
    const g = new Float64Array(p);
    const H = Array.from({ length: p }, () => new Float64Array(p));
    for (let i = 0; i < n; i++) {
      const xi = [1, ...X[i]];
      let z = 0;
      for (let k = 0; k < p; k++) z += w[k] * xi[k];
      const s = sigmoid(z);
      const r = s - y[i];
      const v = s * (1 - s);
      for (let a = 0; a < p; a++) {
        g[a] += r * xi[a];
        for (let b = 0; b < p; b++) H[a][b] += v * xi[a] * xi[b];
      }
    }
    for (let a = 1; a < p; a++) {
      g[a] += l2 * n * w[a];
      H[a][a] += l2 * n;
    }
    H[0][0] += 1e-9;
    const d = solve(H, g);
    let mx = 0;
    for (let k = 0; k < p; k++) {
      w[k] -= d[k];
      mx = Math.max(mx, Math.abs(d[k]));
    }
    if (mx < 1e-8) break;
  }
  return (x) => {
    let z = w[0];
    for (let k = 0; k < x.length; k++) z += w[k + 1] * x[k];
    return z;
  };
}
function solve(A, b) {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

// ---------------------------------------------------------------- full-batch models on NB-scaled touched features
/** CSR over the touched features of `rows` (local indices), values r_f / sqrt(|x|); lexicon and bias columns apart. */
function nbMatrix(rows) {
  const { ratio, touched } = nbRatios(rows);
  const local = new Map(touched.map((f, k) => [f, k]));
  const encode = (row) => {
    const s = lengthScale(row);
    const idx = [];
    const val = [];
    for (const f of row.x) {
      const k = local.get(f);
      if (k === undefined) continue; // unseen in training: weight 0 anyway
      idx.push(k);
      val.push(ratio[f] * s);
    }
    return { idx, val, lex: row.lex, y: row.y };
  };
  return { dim: touched.length, data: rows.map((r) => encode(r)), encode };
}

/** L2-regularised LR, full batch, L-BFGS. Objective: mean log-loss + λ/2 |w|² (bias and lexicon weight unpenalised). */
function lbfgsLR(M, lambda, warm) {
  const n = M.data.length;
  const P = M.dim + 2; // ... , lexicon, bias
  const w = warm ? Float64Array.from(warm) : new Float64Array(P);
  if (!warm) w[M.dim] = 2;
  const fg = (w, g) => {
    g.fill(0);
    let f = 0;
    for (const r of M.data) {
      let z = w[P - 1] + w[M.dim] * r.lex;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]] * r.val[k];
      const ys = r.y ? 1 : -1;
      const m = ys * z;
      f += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
      const c = (-ys * sigmoid(-m)) / n;
      for (let k = 0; k < r.idx.length; k++) g[r.idx[k]] += c * r.val[k];
      g[M.dim] += c * r.lex;
      g[P - 1] += c;
    }
    f /= n;
    for (let k = 0; k < M.dim; k++) {
      f += 0.5 * lambda * w[k] * w[k];
      g[k] += lambda * w[k];
    }
    return f;
  };
  const m = 8;
  const S = [];
  const Y = [];
  let g = new Float64Array(P);
  let f = fg(w, g);
  const g0n = Math.sqrt(g.reduce((s, v) => s + v * v, 0));
  for (let it = 0; it < 300; it++) {
    // two-loop recursion
    const q = Float64Array.from(g);
    const al = [];
    for (let i = S.length - 1; i >= 0; i--) {
      const rho = 1 / dot(Y[i], S[i]);
      const a = rho * dot(S[i], q);
      al[i] = a;
      axpy(-a, Y[i], q);
    }
    if (S.length) {
      const k = S.length - 1;
      const gamma = dot(S[k], Y[k]) / dot(Y[k], Y[k]);
      for (let i = 0; i < P; i++) q[i] *= gamma;
    } else {
      const gn = Math.sqrt(dot(g, g));
      for (let i = 0; i < P; i++) q[i] /= Math.max(gn, 1);
    }
    for (let i = 0; i < S.length; i++) {
      const rho = 1 / dot(Y[i], S[i]);
      const b = rho * dot(Y[i], q);
      axpy(al[i] - b, S[i], q);
    }
    // direction d = -q; backtracking Armijo
    const gd = -dot(g, q);
    if (gd >= 0) break;
    let t = 1;
    const wn = new Float64Array(P);
    const gn = new Float64Array(P);
    let fn;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < P; i++) wn[i] = w[i] - t * q[i];
      fn = fg(wn, gn);
      if (fn <= f + 1e-4 * t * gd) break;
      t *= 0.5;
    }
    const s = new Float64Array(P);
    const yv = new Float64Array(P);
    for (let i = 0; i < P; i++) {
      s[i] = wn[i] - w[i];
      yv[i] = gn[i] - g[i];
    }
    if (dot(s, yv) > 1e-12) {
      S.push(s);
      Y.push(yv);
      if (S.length > m) {
        S.shift();
        Y.shift();
      }
    }
    w.set(wn);
    const df = f - fn;
    f = fn;
    g = gn;
    if (Math.sqrt(dot(g, g)) < 1e-4 * g0n || df < 1e-10 * Math.max(1, Math.abs(f))) break;
  }
  const score = (enc) => {
    let z = w[P - 1] + w[M.dim] * enc.lex;
    for (let k = 0; k < enc.idx.length; k++) z += w[enc.idx[k]] * enc.val[k];
    return z;
  };
  return { w, score };
}
function dot(a, b) {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
function axpy(a, x, y) {
  for (let i = 0; i < x.length; i++) y[i] += a * x[i];
}

/** L2-regularised squared-hinge SVM by dual coordinate descent (liblinear's solver 1); lexicon and bias are columns. */
function svmDCD(M, C, seed, lexScale = 1) {
  const n = M.data.length;
  const P = M.dim + 2;
  const w = new Float64Array(P);
  const alpha = new Float64Array(n);
  const Dii = 1 / (2 * C);
  const qii = M.data.map((r) => {
    let s = 1 + (lexScale * r.lex) ** 2;
    for (const v of r.val) s += v * v;
    return s + Dii;
  });
  const random = rng(seed);
  const order = M.data.map((_, i) => i);
  for (let epoch = 0; epoch < 200; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let maxPG = 0;
    for (const i of order) {
      const r = M.data[i];
      const ys = r.y ? 1 : -1;
      let z = w[P - 1] + w[M.dim] * lexScale * r.lex;
      for (let k = 0; k < r.idx.length; k++) z += w[r.idx[k]] * r.val[k];
      const G = ys * z - 1 + alpha[i] * Dii;
      const PG = alpha[i] === 0 ? Math.min(G, 0) : G;
      maxPG = Math.max(maxPG, Math.abs(PG));
      if (PG === 0) continue;
      const old = alpha[i];
      alpha[i] = Math.max(old - G / qii[i], 0);
      const d = (alpha[i] - old) * ys;
      for (let k = 0; k < r.idx.length; k++) w[r.idx[k]] += d * r.val[k];
      w[M.dim] += d * lexScale * r.lex;
      w[P - 1] += d;
    }
    if (maxPG < 1e-3) break;
  }
  return {
    score: (enc) => {
      let z = w[P - 1] + w[M.dim] * lexScale * enc.lex;
      for (let k = 0; k < enc.idx.length; k++) z += w[enc.idx[k]] * enc.val[k];
      return z;
    },
  };
}

const LAMBDAS = [1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5];
const CS = [0.1, 0.3, 1, 3, 10];
const ADD_C = [0, 0.25, 0.5, 1, 2, 4];

/** Inner OOF logits of a full-batch family over its grid (ties → first grid entry = most regularised). */
function batchInner(rows, family, seed) {
  const grid = family === 'lbfgs' ? LAMBDAS : CS;
  const oof = grid.map(() => new Float64Array(rows.length));
  for (let fold = 0; fold < INNER; fold++) {
    const train = rows.filter((_, i) => i % INNER !== fold);
    const idx = rows.map((_, i) => i).filter((i) => i % INNER === fold);
    const M = nbMatrix(train);
    let warm;
    grid.forEach((h, gi) => {
      const model = family === 'lbfgs' ? lbfgsLR(M, h, warm) : svmDCD(M, h, seed);
      if (family === 'lbfgs') warm = model.w;
      for (const i of idx) oof[gi][i] = model.score(M.encode(rows[i]));
    });
  }
  return { grid, oof };
}
function batchFit(rows, family, h, seed) {
  const M = nbMatrix(rows);
  if (family === 'lbfgs') {
    // warm-start path from the most regularised setting, as in the inner folds
    let warm;
    let model;
    for (const l of LAMBDAS) {
      model = lbfgsLR(M, l, warm);
      warm = model.w;
      if (l === h) break;
    }
    return (row) => model.score(M.encode(row));
  }
  const model = svmDCD(M, h, seed);
  return (row) => model.score(M.encode(row));
}

// ---------------------------------------------------------------- round 5: regularisation, weights, pooling, cues
const DROPOUTS = [0.1, 0.25, 0.5];
const STAR_WEIGHTS = [0.25, 0.5];

/**
 * The shipped nested tuning, extended: (opts, rate, epochs) chosen jointly by inner accuracy over `optsList`
 * (ties → first in grid order), refit on the whole training part. `cache` shares inner runs between variants
 * of one outer fold (e.g. `dropout` and `dropout=0.25`).
 */
function tunedSgd(train, test, seed, optsList, cache, features = 'x') {
  const rows = features === 'x' ? train : train.map((r) => ({ ...r, x: r[features] }));
  const testRows = features === 'x' ? test : test.map((r) => ({ ...r, x: r[features] }));
  let best = null;
  for (const opts of optsList) {
    const key = `${features}/${JSON.stringify(opts)}`;
    if (!cache.has(key)) cache.set(key, sgdInner(rows, seed, false, opts));
    const oof = cache.get(key);
    for (const rate of RATES)
      for (const e of EPOCHS) {
        const c = accOf(rows, oof.get(`${rate}/${e}`));
        if (!best || c > best.c) best = { opts, rate, e, c };
      }
  }
  const f = sgdFit(rows, { epochs: best.e, learningRate: best.rate, seed, ...best.opts });
  const label = `${Object.values(best.opts).join('/')}${Object.keys(best.opts).length ? '/' : ''}r${best.rate}/e${best.e}`;
  return { z: testRows.map((r) => f(r)), label, model: { opts: best.opts, rate: best.rate, e: best.e, f } };
}

/** Sentence-logit summary of a review under a review-level scorer: [review, min, max, first, last, mean]. */
function pooled(score, row) {
  const z = score(row);
  const s = row.sents.length ? row.sents.map((t) => score(t)) : [z];
  return [z, Math.min(...s), Math.max(...s), s[0], s[s.length - 1], s.reduce((a, b) => a + b, 0) / s.length];
}

/**
 * Two-level pooling over a tuned review-level model ({opts, rate, e, f}): inner OOF pooled features at the
 * model's setting, a small LR fitted on them, applied to the test reviews pooled under the final model.
 */
function poolOver(train, test, seed, model) {
  const X = new Array(train.length);
  for (let fold = 0; fold < INNER; fold++) {
    const f = sgdFit(
      train.filter((_, i) => i % INNER !== fold),
      { epochs: model.e, learningRate: model.rate, seed, ...model.opts },
    );
    train.forEach((r, i) => {
      if (i % INNER === fold) X[i] = pooled(f, r);
    });
  }
  const lr = denseLR(
    X,
    train.map((r) => r.y),
  );
  return accOf(
    test,
    test.map((r) => lr(pooled(model.f, r))),
  );
}

function round5(train, test, seed, out, shipped) {
  const cache = new Map();
  const record = (name, { z, label }) => {
    out[name] = accOf(test, z);
    out[`${name}_set`] = label;
  };
  for (const v of VARIANTS) {
    const [name, value] = v.split('=');
    if (name === 'dropout')
      record(
        v,
        tunedSgd(
          train,
          test,
          seed,
          (value ? [Number(value)] : DROPOUTS).map((p) => ({ dropout: p })),
          cache,
        ),
      );
    else if (name === 'starw')
      record(
        v,
        tunedSgd(
          train,
          test,
          seed,
          (value ? [Number(value)] : STAR_WEIGHTS).map((w) => ({ starWeight: w })),
          cache,
        ),
      );
    else if (v === 'sentdrop') record(v, tunedSgd(train, test, seed, [{ augment: true }], cache));
    else if (v === 'surface') record(v, tunedSgd(train, test, seed, [{}], cache, 'xSurface'));
    else if (v === 'pool') out.pool = poolOver(train, test, seed, shipped);
    else if (v === 'pool+dropout') {
      const tuned = tunedSgd(
        train,
        test,
        seed,
        DROPOUTS.map((p) => ({ dropout: p })),
        cache,
      );
      out[v] = poolOver(train, test, seed, tuned.model);
      out[`${v}_set`] = tuned.label;
    }
  }
}

// ---------------------------------------------------------------- one outer fold: every variant
const ROUND5 = ['dropout', 'starw', 'sentdrop', 'pool', 'pool+dropout', 'surface'];
function outerFold(train, test, salt) {
  const seed = 1 + salt;
  const out = {};
  const preds = {}; // test logits per family, for the vote
  let shippedModel; // for round 5's pooling
  const needSgd = VARIANTS.some((v) => ['shipped', 'addlex', 'stack', 'vote3', 'pool'].includes(v));
  if (needSgd) {
    const oof = sgdInner(train, seed, false);
    const best = chooseSgd(train, oof);
    const finalBest = sgdFit(train, { epochs: best.e, learningRate: best.rate, seed });
    const zTest = test.map((r) => finalBest(r));
    preds.sgd = zTest;
    if (VARIANTS.includes('shipped')) {
      out.shipped = accOf(test, zTest);
      out.shipped_set = `r${best.rate}/e${best.e}`;
      // per-star correct / total, summed over the outer folds by the caller
      out.byStar = {};
      test.forEach((r, i) => {
        out.byStar[r.stars] ??= [0, 0];
        out.byStar[r.stars][0] += zTest[i] > 0 === (r.y === 1) ? 1 : 0;
        out.byStar[r.stars][1] += 1;
      });
    }
    shippedModel = { opts: {}, rate: best.rate, e: best.e, f: finalBest };
    if (VARIANTS.includes('addlex')) {
      // (rate, epochs, c) jointly by inner accuracy; ties → grid order (c = 0 first: the shipped model)
      let b = null;
      for (const c of ADD_C)
        for (const rate of RATES)
          for (const e of EPOCHS) {
            const z = oof.get(`${rate}/${e}`);
            const acc = accOf(
              train,
              train.map((r, i) => z[i] + c * r.lex),
            );
            if (!b || acc > b.acc) b = { c, rate, e, acc };
          }
      const f =
        b.rate === best.rate && b.e === best.e ? finalBest : sgdFit(train, { epochs: b.e, learningRate: b.rate, seed });
      out.addlex = accOf(
        test,
        test.map((r) => f(r) + b.c * r.lex),
      );
      out.addlex_c = b.c;
    }
    if (VARIANTS.includes('stack')) {
      const z = oof.get(`${best.rate}/${best.e}`);
      const lr = denseLR(
        train.map((r, i) => [z[i], r.lex, r.ev]),
        train.map((r) => r.y),
      );
      out.stack = accOf(
        test,
        test.map((r, i) => lr([zTest[i], r.lex, r.ev])),
      );
    }
  }
  if (VARIANTS.some((v) => ROUND5.includes(v.split('=')[0]))) round5(train, test, seed, out, shippedModel);
  if (VARIANTS.includes('dense')) {
    const oof = sgdInner(train, seed, true);
    const best = chooseSgd(train, oof);
    const f = sgdFit(train, { epochs: best.e, learningRate: best.rate, seed, dense: true });
    out.dense = accOf(
      test,
      test.map((r) => f(r)),
    );
  }
  for (const family of ['lbfgs', 'svm']) {
    const wantVote = VARIANTS.includes('vote3');
    const wantStack = VARIANTS.includes(`${family}+stack`);
    const wantAdd = VARIANTS.includes(`${family}+addlex`);
    if (!VARIANTS.includes(family) && !wantStack && !wantAdd && !wantVote) continue;
    const { grid, oof } = batchInner(train, family, seed);
    let bi = 0;
    let bacc = -1;
    grid.forEach((_, gi) => {
      const a = accOf(train, oof[gi]);
      if (a > bacc) {
        bacc = a;
        bi = gi;
      }
    });
    const f = batchFit(train, family, grid[bi], seed);
    const zTest = test.map((r) => f(r));
    preds[family] = zTest;
    out[family] = accOf(test, zTest);
    out[`${family}_h`] = grid[bi];
    if (wantStack) {
      const lr = denseLR(
        train.map((r, i) => [oof[bi][i], r.lex, r.ev]),
        train.map((r) => r.y),
      );
      out[`${family}+stack`] = accOf(
        test,
        test.map((r, i) => lr([zTest[i], r.lex, r.ev])),
      );
    }
    if (wantAdd) {
      let b = null;
      for (const c of ADD_C)
        grid.forEach((_, gi) => {
          const acc = accOf(
            train,
            train.map((r, i) => oof[gi][i] + c * r.lex),
          );
          if (!b || acc > b.acc) b = { c, gi, acc };
        });
      const g = b.gi === bi ? f : batchFit(train, family, grid[b.gi], seed);
      out[`${family}+addlex`] = accOf(
        test,
        test.map((r) => g(r) + b.c * r.lex),
      );
    }
  }
  if (VARIANTS.includes('vote3')) {
    // majority of the three families' signs: their errors may be less correlated than those of hash salts
    out.vote3 = accOf(
      test,
      test.map((_, i) => Math.sign(preds.sgd[i]) + Math.sign(preds.lbfgs[i]) + Math.sign(preds.svm[i])),
    );
  }
  return out;
}

function foldOf(n, perm) {
  if (perm === 0) return Array.from({ length: n }, (_, i) => i % OUTER);
  const random = rng(1000 + perm);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fold = new Array(n);
  order.forEach((row, k) => {
    fold[row] = k % OUTER;
  });
  return fold;
}

// ---------------------------------------------------------------- main
const files = readdirSync(dir)
  .map((name) => ({ name, language: /_([a-z]{2})\.[^/]*csv$/.exec(name)?.[1] }))
  .filter((f) => f.language && LANGS.includes(f.language));

for (const { name, language } of files) {
  const labelled = readStarCsv(join(dir, name), language)
    .filter((_, i) => i % 2 === 0)
    .filter((r) => r.stars !== 3);
  for (const salt of SALTS) {
    const rows = buildRows(labelled, language, salt);
    if (CHECK && salt === 0) {
      // the copied SGD trainer must reproduce the shipped fitLanguage exactly
      const shipped = fitLanguage(rows, { epochs: 8, learningRate: 2, seed: 1 });
      const mine = sgdFit(rows, { epochs: 8, learningRate: 2, seed: 1 });
      let maxDiff = 0;
      for (const r of rows.slice(0, 200)) {
        let z = shipped.bias + shipped.lexicon * r.lex;
        for (const f of r.x) z += shipped.weights[f] * lengthScale(r);
        maxDiff = Math.max(maxDiff, Math.abs(z - mine(r)));
      }
      console.log(`check ${language}: max |Δ logit| shipped vs copy = ${maxDiff.toExponential(2)}`);
    }
    for (const perm of PERMS) {
      const cpu = process.cpuUsage();
      const fold = foldOf(rows.length, perm);
      const correct = {};
      const extras = {};
      const byStar = {}; // shipped model: star -> [correct, total]
      for (let k = 0; k < OUTER; k++) {
        const train = rows.filter((_, i) => fold[i] !== k);
        const test = rows.filter((_, i) => fold[i] === k);
        const out = outerFold(train, test, salt);
        for (const [v, c] of Object.entries(out)) {
          if (v === 'byStar') {
            for (const [star, [k, n]] of Object.entries(c)) {
              byStar[star] ??= [0, 0];
              byStar[star][0] += k;
              byStar[star][1] += n;
            }
          } else if (VARIANTS.includes(v)) correct[v] = (correct[v] ?? 0) + c;
          else {
            extras[v] ??= [];
            extras[v].push(c);
          }
        }
      }
      const acc = Object.fromEntries(Object.entries(correct).map(([v, c]) => [v, c / rows.length]));
      const rec = { language, salt, perm, n: rows.length, acc, extras, byStar, cpu: process.cpuUsage(cpu).user / 1e6 };
      console.log(
        `${language} salt ${salt} perm ${perm}: ${Object.entries(acc)
          .map(([v, a]) => `${v} ${a.toFixed(3)}`)
          .join('  ')}  ${JSON.stringify(extras)} byStar ${JSON.stringify(byStar)} (${rec.cpu.toFixed(0)} CPU s)`,
      );
      if (OUT) appendFileSync(OUT, `${JSON.stringify(rec)}\n`);
    }
  }
}
