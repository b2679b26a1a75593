import { describe, expect, it } from 'vitest';
import { aspectById, CATEGORIES } from '../domain/aspects.js';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { flawById, mentionsFlaw } from './flaws.js';
import { generateSample, SAMPLE_END } from './generate.js';
import { mentionsAspect } from './stems.js';
import type { SampleItem } from './types.js';

// One mid-sized sample shared by the property checks (~9,000 reviews, well under a second to generate).
const items: SampleItem[] = [...generateSample({ products: 240, seed: 7 })];
const score = (polarity: string): number => (polarity === 'positive' ? 1 : polarity === 'negative' ? -1 : 0);

/** What an HTML-aware ingester sees: tags gone, entities decoded, whitespace normalised. */
function decodeHtml(text: string): string {
  return text
    .replace(/<br\s*\/?>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

function rate(predicate: (item: SampleItem) => boolean): number {
  return items.filter(predicate).length / items.length;
}

describe('generateSample', () => {
  it('is deterministic for a seed', () => {
    const a = JSON.stringify([...generateSample({ products: 15, seed: 123 })]);
    const b = JSON.stringify([...generateSample({ products: 15, seed: 123 })]);
    expect(a).toBe(b);
  });

  it('differs between seeds', () => {
    const a = [...generateSample({ products: 15, seed: 1 })].map((item) => item.record.review_text);
    const b = [...generateSample({ products: 15, seed: 2 })].map((item) => item.record.review_text);
    expect(a).not.toEqual(b);
  });

  it('honours reviewsPerProduct and rejects bad options', () => {
    const small = [...generateSample({ products: 5, seed: 3, reviewsPerProduct: [2, 2] })];
    expect(small).toHaveLength(10);
    expect(() => [...generateSample({ products: 0, seed: 1 })]).toThrow(RangeError);
    expect(() => [...generateSample({ products: 1, seed: 1, reviewsPerProduct: [5, 2] })]).toThrow(RangeError);
  });

  it('yields records that satisfy the input contract', () => {
    const ids = new Set<string>();
    for (const { record, truth } of items) {
      expect(ids.has(record.review_id)).toBe(false);
      ids.add(record.review_id);
      expect(record.review_id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(record.product_id).toMatch(/^prod-\d{4}$/);
      expect(Number.isInteger(record.star_rating) && record.star_rating >= 1 && record.star_rating <= 5).toBe(true);
      expect(record.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      const created = Date.parse(record.created_at);
      expect(created).toBeLessThan(SAMPLE_END);
      expect(created).toBeGreaterThan(SAMPLE_END - 366 * 24 * 3600 * 1000);
      expect(record.review_text.trim().length).toBeGreaterThan(0);
      if (record.helpful_votes !== undefined)
        expect(Number.isInteger(record.helpful_votes) && record.helpful_votes >= 0).toBe(true);
      if (record.verified_purchase !== undefined) expect(typeof record.verified_purchase).toBe('boolean');
      if (record.language !== undefined) expect(record.language).toBe(truth.language);
      if (record.category !== undefined) expect(CATEGORIES).toContain(record.category);
      expect(SUPPORTED_LANGUAGES).toContain(truth.language);
      expect(truth.review_id).toBe(record.review_id);
      expect(truth.star_rating).toBe(record.star_rating);
    }
  });

  it('puts every truth sentence in the text, and every aspect sentence carries a stem of its aspect', () => {
    for (const { record, truth } of items) {
      const text = truth.has_html ? decodeHtml(record.review_text) : record.review_text;
      for (const sentence of truth.sentences) {
        expect(text).toContain(sentence.text);
        if (sentence.aspect === null) continue;
        const aspect = aspectById(sentence.aspect);
        expect(aspect, sentence.aspect).toBeDefined();
        expect(mentionsAspect(sentence.text, aspect!, truth.language), `${truth.language}: ${sentence.text}`).toBe(
          true,
        );
      }
    }
  });

  it('writes 1–5 sentences, plus at most the planted noise sentences', () => {
    for (const { truth } of items) {
      const noise = truth.pii.length + truth.profanity.length;
      expect(truth.sentences.length).toBeGreaterThanOrEqual(1);
      expect(truth.sentences.length - noise).toBeLessThanOrEqual(5);
    }
  });

  it('agrees with the star rating', () => {
    const mean = (stars: number[]) => {
      const scores = items
        .filter((item) => stars.includes(item.record.star_rating))
        .flatMap((item) => item.truth.sentences.map((sentence) => score(sentence.polarity)));
      return scores.reduce((sum, value) => sum + value, 0) / scores.length;
    };
    expect(mean([4, 5])).toBeGreaterThan(0.3);
    expect(mean([1, 2])).toBeLessThan(-0.3);
    expect(Math.abs(mean([3]))).toBeLessThan(0.3);
    for (const { truth } of items) {
      const total = truth.sentences.reduce((sum, sentence) => sum + score(sentence.polarity), 0);
      if (truth.star_rating >= 4) expect(total).toBeGreaterThanOrEqual(0);
      if (truth.star_rating <= 2) expect(total).toBeLessThanOrEqual(0);
    }
  });

  it('makes ~15% of products polarized, each with >= 40% 1–2 star reviews naming the flaw', () => {
    const byProduct = new Map<string, SampleItem[]>();
    for (const item of items)
      byProduct.set(item.record.product_id, [...(byProduct.get(item.record.product_id) ?? []), item]);
    const polarized = [...byProduct.values()].filter((reviews) => reviews[0]!.truth.polarized_flaw !== null);
    expect(polarized.length / byProduct.size).toBeGreaterThan(0.12);
    expect(polarized.length / byProduct.size).toBeLessThan(0.18);
    for (const reviews of polarized) {
      const flaw = flawById(reviews[0]!.truth.polarized_flaw!)!;
      expect(flaw).toBeDefined();
      const naming = reviews.filter(
        ({ record, truth }) => record.star_rating <= 2 && mentionsFlaw(record.review_text, flaw, truth.language),
      );
      expect(naming.length / reviews.length).toBeGreaterThanOrEqual(0.4);
      expect(reviews.every((review) => review.truth.polarized_flaw === flaw.id)).toBe(true);
    }
    const ordinary = items.filter((item) => item.truth.polarized_flaw === null);
    expect(ordinary.length).toBeGreaterThan(0);
  });

  it('plants duplicates that really duplicate an earlier review under another id and user', () => {
    const byId = new Map(items.map((item) => [item.record.review_id, item]));
    const duplicates = items.filter((item) => item.truth.duplicate_of !== null);
    expect(duplicates.length / items.length).toBeGreaterThan(0.01);
    expect(duplicates.length / items.length).toBeLessThan(0.03);
    for (const duplicate of duplicates) {
      const original = byId.get(duplicate.truth.duplicate_of!)!;
      expect(original).toBeDefined();
      expect(original.truth.duplicate_of).toBeNull();
      expect(duplicate.record.review_text).toBe(original.record.review_text);
      expect(duplicate.record.review_id).not.toBe(original.record.review_id);
      expect(duplicate.record.user_id).not.toBe(original.record.user_id);
      expect(duplicate.record.review_id > original.record.review_id).toBe(true);
    }
  });

  it('plants fictional PII that appears verbatim in the text', () => {
    const withPii = items.filter((item) => item.truth.pii.length > 0);
    expect(withPii.length / items.length).toBeGreaterThan(0.02);
    expect(withPii.length / items.length).toBeLessThan(0.045);
    const types = new Set<string>();
    for (const { record, truth } of withPii) {
      for (const pii of truth.pii) {
        types.add(pii.type);
        expect(record.review_text).toContain(pii.value);
        if (pii.type === 'EMAIL') expect(pii.value).toMatch(/^[a-z._0-9]+@example\.(com|org|net)$/);
        else expect(pii.value).toMatch(/^(\+\d{2} )?[\d ]+$/);
      }
    }
    expect(types).toEqual(new Set(['EMAIL', 'PHONE']));
    // Nothing that looks like an address outside the reserved domains slips into ordinary reviews.
    for (const { record, truth } of items) {
      if (truth.pii.length === 0) expect(record.review_text).not.toContain('@');
    }
  });

  it('plants profanity, HTML and short noise at low rates, all recorded', () => {
    const profane = items.filter((item) => item.truth.profanity.length > 0);
    expect(profane.length / items.length).toBeGreaterThan(0.01);
    expect(profane.length / items.length).toBeLessThan(0.035);
    for (const { record, truth } of profane) {
      for (const word of truth.profanity) expect(record.review_text).toContain(word);
    }
    const html = rate((item) => item.truth.has_html);
    expect(html).toBeGreaterThan(0.035);
    expect(html).toBeLessThan(0.07);
    for (const { record, truth } of items) {
      expect(/<[a-z/]|&amp;/.test(record.review_text)).toBe(truth.has_html);
    }
    const short = items.filter((item) => item.record.review_text.length <= 8);
    expect(short.length).toBeGreaterThan(0);
  });

  it('has the metadata mix the pipeline must cope with', () => {
    expect(rate((item) => item.record.language !== undefined)).toBeGreaterThan(0.45);
    expect(rate((item) => item.record.language !== undefined)).toBeLessThan(0.55);
    const verified = items.filter((item) => item.record.verified_purchase !== undefined);
    const share = verified.filter((item) => item.record.verified_purchase).length / verified.length;
    expect(share).toBeGreaterThan(0.75);
    expect(share).toBeLessThan(0.85);
    const votes = items.flatMap((item) => (item.record.helpful_votes === undefined ? [] : [item.record.helpful_votes]));
    expect(votes.filter((v) => v <= 3).length / votes.length).toBeGreaterThan(0.8);
    expect(Math.max(...votes)).toBeGreaterThan(40);
    const languages = new Set(items.map((item) => item.truth.language));
    expect(languages).toEqual(new Set(SUPPORTED_LANGUAGES));
    const categories = new Set(items.map((item) => item.record.category).filter(Boolean));
    expect(categories).toEqual(new Set(CATEGORIES));
    const allText = items.map((item) => item.record.review_text).join(' ');
    for (const mark of ['ß', 'ł', 'ę', 'é', 'ñ', 'à', 'ï', 'ü']) expect(allText).toContain(mark);
  });

  it('writes about 75% of a product’s reviews in its main language', () => {
    const byProduct = new Map<string, Map<string, number>>();
    for (const { truth } of items) {
      const counts = byProduct.get(truth.product_id) ?? new Map<string, number>();
      counts.set(truth.language, (counts.get(truth.language) ?? 0) + 1);
      byProduct.set(truth.product_id, counts);
    }
    let main = 0;
    for (const counts of byProduct.values()) main += Math.max(...counts.values());
    expect(main / items.length).toBeGreaterThan(0.7);
    expect(main / items.length).toBeLessThan(0.8);
  });

  it('varies its wording', () => {
    const texts = items.map((item) => item.record.review_text);
    const distinct = new Set(texts).size;
    expect(distinct / texts.length).toBeGreaterThan(0.8);
  });

  it('streams 200k reviews without holding them', () => {
    // Speed is the benchmarks' business (a timed unit test fails on a loaded CI machine); this checks streaming.
    let count = 0;
    let chars = 0;
    for (const { record } of generateSample({ products: 4000, seed: 99, reviewsPerProduct: [50, 50] })) {
      count++;
      chars += record.review_text.length;
    }
    expect(count).toBe(200_000);
    expect(chars).toBeGreaterThan(0);
  });
});
