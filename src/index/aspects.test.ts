import { describe, expect, it } from 'vitest';
import { aspectsForCategory } from '../domain/aspects.js';
import { tagAspects } from './aspects.js';

describe('tagAspects', () => {
  it('matches German compounds by their first element', () => {
    expect(tagAspects('Die Akkulaufzeit ist super.', 'de', 'headphones')).toEqual(['battery']);
    expect(tagAspects('Die Verarbeitungsqualität überzeugt.', 'de', 'headphones')).toEqual(['quality']);
    expect(tagAspects('Der Versand war schnell, die Verpackung okay.', 'de', 'shoes')).toEqual(['delivery']);
  });

  it('matches Polish inflections', () => {
    expect(tagAspects('Baterię trzeba często ładować.', 'pl', 'smartphones')).toEqual(['battery']);
    expect(tagAspects('Bateria trzyma długo, a jakość wykonania jest świetna.', 'pl', 'smartphones')).toEqual([
      'quality',
      'battery',
    ]);
    expect(tagAspects('Niewygodne, uciskają po godzinie.', 'pl', 'shoes')).toEqual(['comfort']);
  });

  it('matches multi-word stems, also across hyphens, with the longest match winning', () => {
    expect(tagAspects('Really easy to use.', 'en', 'kitchen')).toEqual(['ease_of_use']);
    expect(tagAspects('An easy-to-use app.', 'en', 'kitchen')).toEqual(['ease_of_use']);
    expect(tagAspects('The noise cancelling is top.', 'en', 'headphones')).toEqual(['sound']);
    expect(tagAspects('La cancelación de ruido es buena.', 'es', 'headphones')).toEqual(['sound']);
    expect(tagAspects('Il faut la charger souvent, la batteria si carica male.', 'it', 'headphones')).toEqual([
      'battery',
    ]);
  });

  it('matches only at word starts', () => {
    expect(tagAspects('I had to rebuild it.', 'en', null)).toEqual([]);
    expect(tagAspects('Der Kopfhörerakku hält.', 'de', 'headphones')).toEqual([]);
    expect(tagAspects('BUILD QUALITY is great.', 'en', null)).toEqual(['quality']);
    expect(tagAspects('Solid build (quality).', 'en', null)).toEqual(['quality']);
  });

  it('falls back to English stems in other languages, except false friends', () => {
    expect(tagAspects('Der Sound ist gut, aber die battery ist schwach.', 'de', 'headphones')).toEqual([
      'battery',
      'sound',
    ]);
    expect(tagAspects('Ich hätte fast aufgegeben.', 'de', 'smartphones')).toEqual([]); // "fast" = almost
    expect(tagAspects('Funziona tutto.', 'it', 'toys')).toEqual([]); // not "fun"
  });

  it('restricts to the category aspects and keeps taxonomy order', () => {
    expect(tagAspects('Great screen and camera.', 'en', 'headphones')).toEqual([]);
    expect(tagAspects('Great camera and screen.', 'en', 'smartphones')).toEqual(['screen', 'camera']);
    expect(tagAspects('Great camera and screen.', 'en', 'unknown-category')).toEqual(['screen', 'camera']);
    const allowed = new Set(aspectsForCategory('shoes').map((a) => a.id));
    for (const id of tagAspects('Battery, screen, size, leather, price, comfort.', 'en', 'shoes')) {
      expect(allowed.has(id)).toBe(true);
    }
  });

  it('handles every language and empty input', () => {
    expect(tagAspects('', 'fr', null)).toEqual([]);
    expect(tagAspects('Livraison rapide, colis bien emballé.', 'fr', 'toys')).toEqual(['delivery']);
    expect(tagAspects('El precio es muy bueno.', 'es', 'toys')).toEqual(['price']);
    expect(tagAspects('De pasvorm is perfect.', 'nl', 'shoes')).toEqual(['size_fit']);
    expect(tagAspects('Ottimo rapporto qualità-prezzo.', 'it', 'kitchen')).toEqual(['quality', 'price']);
  });
});
