import { describe, expect, it } from 'vitest';
import type { Language } from '../domain/languages.js';
import { classifyPolarity, lexiconSentiment, type SentimentModel } from './sentiment.js';

type Sign = 1 | -1;

/** Handwritten review sentences with the expected sign; negations and contrasts included on purpose. */
const TABLE: Record<Language, ReadonlyArray<readonly [string, Sign]>> = {
  en: [
    ['Great headphones, I love them.', 1],
    ['The battery life is excellent and charging is fast.', 1],
    ['Highly recommend, very comfortable and sturdy.', 1],
    ['Terrible product, it broke after two days.', -1],
    ['It stopped working after a week, very disappointed.', -1],
    ['Total waste of money, I returned it.', -1],
    ['Not comfortable at all.', -1],
    ["I don't recommend these.", -1],
    ['Not bad for the price.', 1],
    ['Flimsy and slow.', -1],
    ['The design is nice but the sound is awful.', -1],
    ['A bit expensive, but the quality is outstanding.', 1],
    ['No problems so far, works great.', 1],
    ["Doesn't work with my phone.", -1],
  ],
  de: [
    ['Super Kopfhörer, absolut empfehlenswert!', 1],
    ['Der Klang ist toll und der Akku hält lange, sehr zufrieden.', 1],
    ['Sehr bequem und gut verarbeitet.', 1],
    ['Leider nach zwei Wochen kaputt, total enttäuscht.', -1],
    ['Ich habe ihn zurückgeschickt.', -1],
    ['Das Display ist nicht gut.', -1],
    ['Funktioniert leider nicht.', -1],
    ['Kann ich nicht empfehlen.', -1],
    ['Keine Probleme bisher, alles bestens.', 1],
    ['Das Design ist schön, aber die Verarbeitung ist schlecht.', -1],
    ['Etwas teuer, aber die Qualität ist hervorragend.', 1],
    ['Gefällt mir gar nicht.', -1],
  ],
  fr: [
    ['Casque génial, je le recommande !', 1],
    ['Parfait, le son est excellent.', 1],
    ['Très confortable et solide.', 1],
    ['Très déçu, cassé au bout d’une semaine.', -1],
    ['Nul, à éviter.', -1],
    ['Ce n’est pas génial.', -1],
    ['Je ne recommande pas ce produit.', -1],
    ['Pas mal du tout pour le prix.', 1],
    ['Joli design mais la batterie est décevante.', -1],
    ['Un peu cher mais la qualité est impeccable.', 1],
    ['Aucun problème, fonctionne très bien.', 1],
  ],
  es: [
    ['¡Genial, lo recomiendo!', 1],
    ['Perfecto, el sonido es excelente.', 1],
    ['Muy cómodos y resistentes.', 1],
    ['Muy decepcionado, se rompió en una semana.', -1],
    ['Llegó roto y lo devolví.', -1],
    ['No funciona bien.', -1],
    ['No lo recomiendo para nada.', -1],
    ['No es cómodo.', -1],
    ['Bonito diseño pero la batería es malísima.', -1],
    ['Un poco caro pero la calidad es excelente.', 1],
    ['Sin problemas, funciona perfectamente.', 1],
  ],
  it: [
    ['Ottimo prodotto, lo consiglio!', 1],
    ['Perfetto, il suono è eccellente.', 1],
    ['Molto comode e solide.', 1],
    ['Molto deluso, si è rotto dopo una settimana.', -1],
    ['Pessimo, da evitare, ho chiesto il rimborso.', -1],
    ['Non funziona più.', -1],
    ['Non lo consiglio.', -1],
    ['Non male per il prezzo.', 1],
    ['Bel design ma la batteria è scadente.', -1],
    ['Un po’ caro ma la qualità è ottima.', 1],
    ['Nessun problema, mi piace molto.', 1],
  ],
  nl: [
    ['Geweldige koptelefoon, echt een aanrader!', 1],
    ['Perfect, het geluid is uitstekend.', 1],
    ['Zit heel comfortabel en is stevig.', 1],
    ['Erg teleurgesteld, na een week kapot.', -1],
    ['Ik heb hem teruggestuurd, slechte kwaliteit.', -1],
    ['Werkt niet meer.', -1],
    ['Niet goed.', -1],
    ['Geen aanrader.', -1],
    ['Mooi ontwerp maar de batterij is waardeloos.', -1],
    ['Beetje duur maar de kwaliteit is top.', 1],
    ['Geen problemen, werkt prima.', 1],
  ],
  pl: [
    ['Świetne słuchawki, polecam!', 1],
    ['Idealne, dźwięk jest doskonały.', 1],
    ['Bardzo wygodne i solidne.', 1],
    ['Jestem rozczarowany, zepsuł się po tygodniu.', -1],
    ['Tandeta, zwróciłem.', -1],
    ['Nie polecam.', -1],
    ['Nie działa.', -1],
    ['Nie jest wygodny.', -1],
    ['Ładny wygląd, ale bateria jest słaba.', -1],
    ['Trochę drogie, ale jakość jest świetna.', 1],
    ['Bez problemów, działa bez zarzutu.', 1],
  ],
};

describe('lexiconSentiment', () => {
  const model: SentimentModel = lexiconSentiment;

  for (const [language, rows] of Object.entries(TABLE) as Array<[Language, (typeof TABLE)[Language]]>) {
    it(`${language}: ≥ 90% sign accuracy on the handwritten table`, () => {
      expect(rows.length).toBeGreaterThanOrEqual(5);
      const misses = rows.filter(([text, sign]) => Math.sign(model.score(text, language)) !== sign);
      const accuracy = 1 - misses.length / rows.length;
      expect(accuracy, `misses: ${JSON.stringify(misses)}`).toBeGreaterThanOrEqual(0.9);
    });
  }

  it('scores in [-1, 1] and 0 without evidence', () => {
    expect(model.score('The box contains a cable.', 'en')).toBe(0);
    expect(model.score('', 'de')).toBe(0);
    const strong = model.score('Great great great excellent perfect love love, highly recommend!!!', 'en');
    expect(strong).toBeGreaterThan(0.9);
    expect(strong).toBeLessThanOrEqual(1);
  });

  it('matches stems at word starts only and case-insensitively', () => {
    expect(model.score('ENTTÄUSCHEND', 'de')).toBeLessThan(0);
    expect(model.score('The badge is blue.', 'en')).toBe(0); // "bad$" is whole-word
    expect(model.score('Uncomfortable.', 'en')).toBeLessThan(0); // not "comfortab"
  });

  it('negation flips within 3 tokens but not across a clause boundary', () => {
    expect(model.score('This is not really good.', 'en')).toBeLessThan(0);
    expect(model.score('No, it is great.', 'en')).toBeGreaterThan(0);
  });

  it('weights the clause after "but" more', () => {
    expect(model.score('Great sound but terrible battery.', 'en')).toBeLessThan(0);
    expect(model.score('Terrible battery but great sound.', 'en')).toBeGreaterThan(0);
  });

  it('has a stable id', () => {
    expect(model.id).toBe('lexicon-v1');
  });
});

describe('classifyPolarity', () => {
  it('uses thresholds', () => {
    expect(classifyPolarity(0.6)).toBe('positive');
    expect(classifyPolarity(-0.6)).toBe('negative');
    expect(classifyPolarity(0.05)).toBe('neutral');
    expect(classifyPolarity(0)).toBe('neutral');
  });

  it('falls back to the star rating only when there is no evidence', () => {
    expect(classifyPolarity(0, 1)).toBe('negative');
    expect(classifyPolarity(0, 2)).toBe('negative');
    expect(classifyPolarity(0, 3)).toBe('neutral');
    expect(classifyPolarity(0, 4)).toBe('positive');
    expect(classifyPolarity(0, 5)).toBe('positive');
    expect(classifyPolarity(0.6, 1)).toBe('positive');
    expect(classifyPolarity(-0.6, 5)).toBe('negative');
    expect(classifyPolarity(0.05, 1)).toBe('neutral');
    expect(classifyPolarity(Number.NaN, 5)).toBe('positive');
  });
});
