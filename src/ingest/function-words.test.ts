import { describe, expect, it } from 'vitest';
import { functionWordLanguage } from './function-words.js';

describe('function-word first opinion', () => {
  it('names the language of sentence-length texts with a clear majority', () => {
    expect(functionWordLanguage('The battery is fine and the screen is bright, but the case feels cheap.')).toBe('en');
    expect(functionWordLanguage('Der Akku hält sehr lange und ist nicht schwer, aber die Hülle wirkt billig.')).toBe(
      'de',
    );
    expect(functionWordLanguage("La batterie est très bonne et l'écran est lumineux, mais pas le boîtier.")).toBe('fr');
    expect(functionWordLanguage('El producto es muy bueno y la batería dura, pero la funda es barata.')).toBe('es');
    expect(functionWordLanguage('Il prodotto è molto buono e la batteria dura, non mi piace la custodia.')).toBe('it');
    expect(
      functionWordLanguage('Het product is erg goed en de batterij gaat lang mee, maar de hoes is niet mooi.'),
    ).toBe('nl');
    expect(functionWordLanguage('Produkt jest bardzo dobry, ale bateria nie trzyma tak długo jak w opisie.')).toBe(
      'pl',
    );
  });

  it('abstains on short or mixed texts (the n-gram detector decides)', () => {
    expect(functionWordLanguage('Great product')).toBeUndefined();
    expect(functionWordLanguage('the and und der')).toBeUndefined();
    expect(functionWordLanguage('')).toBeUndefined();
  });
});
