import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '../domain/languages.js';
import { compressSentence } from './compress.js';

describe('sentence compression for the overview', () => {
  it.each([
    ['Honestly, the blades are very sharp.', 'The blades are very sharp.'],
    ['I think that the battery lasts all day.', 'The battery lasts all day.'],
    ['But the price is a bit high.', 'The price is a bit high.'],
    ['So, honestly, I think the fit is perfect.', 'The fit is perfect.'],
    ['The filter fits my vacuum (a 2011 model) perfectly.', 'The filter fits my vacuum perfectly.'],
    ['Works great!!! :)', 'Works great!'],
    ['I would highly recommend this peeler to anyone.', 'This peeler is highly recommended to anyone.'],
    ['I recommend these boots.', 'These boots are recommended.'],
    ['I definitely recommend it for kids.', 'It is recommended for kids.'],
    ['Waste of money \\u2026 avoid.', 'Waste of money … avoid.'],
    ['I was happy to find that the lid seals tightly.', 'The lid seals tightly.'],
    ['I really like that it folds flat.', 'It folds flat.'],
    ['I feel like the quality has gone down.', 'The quality has gone down.'],
    // No clause follows the verb: dropping "I found" would leave a fragment.
    ['I found the instructions confusing.', 'I found the instructions confusing.'],
  ])('%s → %s', (input, expected) => {
    expect(compressSentence(input, 'en')).toBe(expected);
  });

  it('keeps words that are fillers only before a comma', () => {
    expect(compressSentence('Well made and sturdy.', 'en')).toBe('Well made and sturdy.');
    expect(compressSentence('So far so good with this one.', 'en')).toBe('So far so good with this one.');
  });

  it('keeps a sentence that is only an aside, and never strips a sentence to a fragment', () => {
    expect(compressSentence('(They are washable.)', 'en')).toBe('(They are washable.)');
    expect(compressSentence('But great.', 'en')).toBe('But great.');
  });

  it('applies only the rules that are safe in the language', () => {
    expect(compressSentence('Ich finde, die Qualität ist gut.', 'de')).toBe('Die Qualität ist gut.');
    // German "ich finde" without a comma governs the object: dropping it would break the sentence.
    expect(compressSentence('Ich finde den Akku gut.', 'de')).toBe('Ich finde den Akku gut.');
    expect(compressSentence('Je pense que la qualité est bonne.', 'fr')).toBe('La qualité est bonne.');
    expect(compressSentence('I recommend this.', 'de')).toBe('I recommend this.');
  });

  it('never adds words: every output word occurs in the input (property)', () => {
    const word = fc.constantFrom('the', 'battery', 'i', 'think', 'so,', 'but', 'great', '(cheap)', 'is', 'well', ':)');
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(...SUPPORTED_LANGUAGES),
        (words, language) => {
          const input = words.join(' ');
          const inputWords = new Set(input.toLowerCase().match(/\p{L}+/gu) ?? []);
          const output =
            compressSentence(input, language)
              .toLowerCase()
              .match(/\p{L}+/gu) ?? [];
          for (const w of output) expect(inputWords.has(w)).toBe(true);
        },
      ),
    );
  });
});
