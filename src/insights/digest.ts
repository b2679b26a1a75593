import { aspectName } from '../domain/aspects.js';
import type { AspectInsight } from './aspect-analytics.js';
import type { EmergingIssue } from './emerging.js';

export interface Digest {
  readonly category: string;
  readonly since: string;
  readonly reviews: number;
  readonly aspects: readonly AspectInsight[];
  readonly emerging: readonly EmergingIssue[];
}

const SPARK = '▁▂▃▄▅▆▇█';

/** Weekly negative mentions as a text sparkline, so a Markdown digest shows the trend without charts. */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(...values, 0);
  return values.map((v) => (max === 0 ? SPARK[0] : SPARK[Math.min(7, Math.round((v / max) * 7))])).join('');
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function digestMarkdown(digest: Digest): string {
  const lines = [
    `# Review insights: ${digest.category}`,
    '',
    `Reviews since ${digest.since}: ${digest.reviews}.`,
    '',
    '## Aspects',
    '',
    '| aspect | 👍 reviews | 👎 reviews | share of reviews | avg ★ | 👎 per week |',
    '|---|---:|---:|---:|---:|---|',
    ...digest.aspects.map(
      (a) =>
        `| ${aspectName(a.aspect, 'en')} | ${a.positive} | ${a.negative} | ${percent(a.share_of_reviews)} | ${a.avg_rating.toFixed(1)} | ${sparkline(a.trend.map((t) => t.negative))} |`,
    ),
    '',
    '## Emerging issues',
    '',
    ...(digest.emerging.length === 0
      ? ['None detected.']
      : digest.emerging.map(
          (i) =>
            `- **${aspectName(i.aspect, 'en')}** in ${i.scope} since ${i.first_seen}: ${i.negative_mentions} negative mentions in ${i.reviews} reviews (baseline ${percent(i.baseline_rate)}, p = ${i.p_value.toExponential(1)}). ${i.quotes[0] ? `“${escapeCell(i.quotes[0])}”` : ''}`,
        )),
    '',
    '## What reviewers say',
    '',
    ...digest.aspects
      .slice(0, 5)
      .flatMap((a) => [
        `### ${aspectName(a.aspect, 'en')}`,
        ...a.quotes.positive.slice(0, 1).map((q) => `- 👍 “${escapeCell(q.text)}” (${q.star_rating}★)`),
        ...a.quotes.negative.slice(0, 1).map((q) => `- 👎 “${escapeCell(q.text)}” (${q.star_rating}★)`),
      ]),
  ];
  return `${lines.join('\n')}\n`;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per aspect (RFC 4180). */
export function digestCsv(digest: Digest): string {
  const header = [
    'category',
    'aspect',
    'positive_reviews',
    'negative_reviews',
    'neutral_reviews',
    'share_of_reviews',
    'avg_rating',
    'emerging_since',
  ];
  const rows = digest.aspects.map((a) => [
    digest.category,
    a.aspect,
    a.positive,
    a.negative,
    a.neutral,
    a.share_of_reviews.toFixed(4),
    a.avg_rating,
    digest.emerging.find((i) => i.aspect === a.aspect)?.first_seen ?? '',
  ]);
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
