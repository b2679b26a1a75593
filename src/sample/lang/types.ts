import type { Category } from '../../domain/aspects.js';
import type { Language } from '../../domain/languages.js';

/** Sentence tone used by the phrase tables; maps onto Polarity positive / negative / neutral. */
export type Tone = 'pos' | 'neg' | 'neu';

/**
 * Phrase tables for one aspect. Every template must contain one of the aspect's stems for the language
 * (checked by content.test.ts). A template may start with "[cat1,cat2] " to restrict it to those categories,
 * and may use slots: {n} months 2–11, {w} weeks 2–6, {d} days 2–9, {h} hours 6–20, {mah}, {dims}, {size},
 * {watts}, {age}, {price}. Slot ranges are chosen so that plural forms stay grammatical (e.g. Polish
 * "po {n} miesiącach", "{h} godzin").
 */
export interface AspectTemplates {
  readonly pos: readonly string[];
  readonly neg: readonly string[];
  readonly neu: readonly string[];
}

/** Everything the generator writes in one language, kept as data so a native speaker can review it in one file. */
export interface LanguagePack {
  readonly language: Language;
  readonly aspects: Readonly<Record<string, AspectTemplates>>;
  /** Neutral context sentences without aspect stems ("Bought this for my son."). */
  readonly openers: readonly string[];
  /** Overall verdicts ("Would buy again."), aspect-free. */
  readonly closers: Readonly<Record<Tone, readonly string[]>>;
  readonly titles: Readonly<Record<Tone, readonly string[]>>;
  /** Very short noise reviews ("ok", "👍", "Gut."). */
  readonly short: Readonly<Record<Tone, readonly string[]>>;
  /** Sentences carrying planted PII; contain {email} or {phone}. */
  readonly emailTemplates: readonly string[];
  readonly phoneTemplates: readonly string[];
  /** [profane word exactly as written in the sentence, sentence]. */
  readonly profanity: Readonly<Record<'pos' | 'neg', readonly (readonly [string, string])[]>>;
  /** The word "and" with surrounding spaces; the HTML noise replaces it with " &amp; ". */
  readonly and: string;
  readonly productTypes: Readonly<Record<Category, readonly string[]>>;
  readonly firstNames: readonly string[];
  readonly lastNames: readonly string[];
  /** Price as a reviewer in this market writes it. */
  formatPrice(euros: number): string;
}
