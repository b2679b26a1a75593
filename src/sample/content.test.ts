import { describe, expect, it } from 'vitest';
import { ASPECTS, aspectById, CATEGORIES, type Category } from '../domain/aspects.js';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { SKIPPED_ASPECTS } from './compose.js';
import { FLAWS } from './flaws.js';
import { PACKS } from './lang/index.js';
import { containsStem, mentionsAspect } from './stems.js';
import { templateBody, templatesFor } from './templates.js';

// The phrase tables are data; these checks keep every language's tables honest as they grow.

const KNOWN_SLOTS = new Set(['n', 'w', 'd', 'h', 'mah', 'dims', 'size', 'watts', 'age', 'price']);
const TONES = ['pos', 'neg', 'neu'] as const;

function slotsOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
}

describe('containsStem', () => {
  it('matches at a word start, case-insensitively, across diacritics and apostrophes', () => {
    expect(containsStem('Die Akkulaufzeit ist super.', 'akku')).toBe(true);
    expect(containsStem('Nie mam baterię.', 'bateri')).toBe(true);
    expect(containsStem("L'écran est net.", 'écran')).toBe(true);
    expect(containsStem('The Bluetooth-Verbindung', 'verbind')).toBe(true);
    expect(containsStem('Wireless', 'less')).toBe(false);
    expect(containsStem('Überall', 'rall')).toBe(false);
  });
});

describe('language packs', () => {
  for (const language of SUPPORTED_LANGUAGES) {
    const pack = PACKS[language];
    it(`${language}: every aspect has templates for every tone in every category it belongs to`, () => {
      for (const aspect of ASPECTS) {
        const templates = pack.aspects[aspect.id];
        expect(templates, `${language}/${aspect.id}`).toBeDefined();
        const categories = aspect.categories.length > 0 ? aspect.categories : CATEGORIES;
        for (const tone of TONES) {
          for (const category of categories) {
            if (SKIPPED_ASPECTS[category as Category]?.includes(aspect.id)) continue;
            expect(
              templatesFor(templates![tone], category).length,
              `${language}/${aspect.id}/${tone}/${category}`,
            ).toBeGreaterThan(0);
          }
        }
      }
    });

    it(`${language}: every aspect template contains a stem of its aspect and only known slots`, () => {
      const missing: string[] = [];
      for (const aspect of ASPECTS) {
        for (const tone of TONES) {
          for (const template of pack.aspects[aspect.id]![tone]) {
            const body = templateBody(template);
            if (!mentionsAspect(body, aspect, language)) missing.push(`${aspect.id}/${tone}: ${body}`);
            for (const slot of slotsOf(body)) expect(KNOWN_SLOTS.has(slot), `${slot} in ${body}`).toBe(true);
          }
        }
      }
      expect(missing).toEqual([]);
    });

    it(`${language}: openers and closers name no aspect, so their truth aspect (null) is right`, () => {
      const offenders: string[] = [];
      const general = [...pack.openers, ...TONES.flatMap((tone) => pack.closers[tone])];
      for (const sentence of general) {
        for (const aspect of ASPECTS) {
          for (const stem of aspect.stems[language]) {
            if (containsStem(sentence, stem)) offenders.push(`${sentence} ~ ${aspect.id}:${stem}`);
          }
        }
      }
      expect(offenders).toEqual([]);
    });

    it(`${language}: planted noise templates are well formed`, () => {
      for (const template of pack.emailTemplates) expect(template).toContain('{email}');
      for (const template of pack.phoneTemplates) expect(template).toContain('{phone}');
      for (const [word, sentence] of [...pack.profanity.pos, ...pack.profanity.neg]) expect(sentence).toContain(word);
      for (const category of CATEGORIES) expect(pack.productTypes[category].length).toBe(3);
    });
  }
});

describe('flaws', () => {
  for (const flaw of FLAWS) {
    it(`${flaw.id}: every sentence names the flaw and carries a stem of its aspect`, () => {
      const aspect = aspectById(flaw.aspect)!;
      expect(aspect.categories.length === 0 || aspect.categories.includes(flaw.category)).toBe(true);
      for (const language of SUPPORTED_LANGUAGES) {
        expect(flaw.sentences[language].length).toBeGreaterThan(0);
        for (const sentence of flaw.sentences[language]) {
          const lower = sentence.toLowerCase();
          expect(
            flaw.keywords[language].some((keyword) => lower.includes(keyword)),
            `${language}: ${sentence}`,
          ).toBe(true);
          expect(mentionsAspect(sentence, aspect, language), `${language}: ${sentence}`).toBe(true);
        }
      }
    });
  }

  it('there is a flaw for every category', () => {
    for (const category of CATEGORIES) expect(FLAWS.some((flaw) => flaw.category === category)).toBe(true);
  });
});
