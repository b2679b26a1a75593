import type { Language } from '../domain/languages.js';
import { PACKS } from './lang/index.js';
import type { Rng } from './prng.js';

/**
 * Template handling: category filtering ("[shoes] The sole…") and slot filling ("after {n} months"). Slot values
 * are numbers or product facts so reviews carry the kind of specifics real reviews have.
 */

const CATEGORY_PREFIX = /^\[([a-z_,]+)\]\s*/;

/** Whether a template applies to a category (untagged templates apply everywhere). */
export function templateApplies(template: string, category: string): boolean {
  const match = CATEGORY_PREFIX.exec(template);
  return !match || (match[1] as string).split(',').includes(category);
}

/** The template without its category tag. */
export function templateBody(template: string): string {
  return template.replace(CATEGORY_PREFIX, '');
}

// Filtering is done once per (list, category): the generator calls this for every sentence of a million reviews.
const filteredCache = new WeakMap<readonly string[], Map<string, readonly string[]>>();

export function templatesFor(templates: readonly string[], category: string): readonly string[] {
  let byCategory = filteredCache.get(templates);
  if (!byCategory) {
    byCategory = new Map();
    filteredCache.set(templates, byCategory);
  }
  let filtered = byCategory.get(category);
  if (!filtered) {
    filtered = templates.filter((template) => templateApplies(template, category)).map(templateBody);
    byCategory.set(category, filtered);
  }
  return filtered;
}

const SLOT = /\{(\w+)\}/g;

/**
 * Slot values for one review. Each slot is drawn once and reused, so a review that says "I've had it for 5 months"
 * does not go on to say "after 8 months", and a size mentioned twice is the same size.
 */
export class SlotValues {
  private readonly values = new Map<string, string>();

  constructor(
    private readonly rng: Rng,
    private readonly language: Language,
  ) {}

  get(slot: string): string | undefined {
    let value = this.values.get(slot);
    if (value === undefined) {
      value = drawSlot(this.rng, this.language, slot);
      if (value !== undefined) this.values.set(slot, value);
    }
    return value;
  }
}

function drawSlot(rng: Rng, language: Language, slot: string): string | undefined {
  switch (slot) {
    case 'n':
      return String(rng.int(2, 11));
    case 'w':
      return String(rng.int(2, 6));
    case 'd':
      return String(rng.int(2, 9));
    case 'h':
      return String(rng.int(6, 20));
    case 'mah':
      return String(rng.int(8, 12) * 500);
    case 'dims':
      return `${rng.int(8, 40) * 5} x ${rng.int(6, 24) * 5} x ${rng.int(4, 18) * 5} mm`;
    case 'size':
      return String(rng.int(36, 46));
    case 'watts':
      return String(rng.int(6, 15) * 100);
    case 'age':
      return String(rng.int(3, 10));
    case 'price':
      return PACKS[language].formatPrice(rng.int(2, 30) * 10 - 1);
    default:
      return undefined;
  }
}

/** Fills every known {slot}; unknown slots are left alone (PII slots are filled by the noise module). */
export function fillSlots(template: string, slots: SlotValues): string {
  if (!template.includes('{')) return template;
  return template.replace(SLOT, (whole, slot: string) => slots.get(slot) ?? whole);
}
