import type { Language } from '../domain/languages.js';

/** How many of the reviewers who mention an aspect share the claim's view. */
export type Quantifier = 'most' | 'many' | 'some';

export function quantifierFor(share: number): Quantifier {
  if (share >= 0.75) return 'most';
  if (share >= 0.45) return 'many';
  return 'some';
}

interface LanguageTemplates {
  /**
   * `counts: false` leaves the "(n of m)" out of the claim's text where the language can do without it
   * (English: the quantifier is the count); the claim still carries `mentions`, which the widget shows.
   */
  pro(aspect: string, q: Quantifier, n: number, of: number, counts?: boolean): string;
  con(aspect: string, q: Quantifier, n: number, of: number, counts?: boolean): string;
  overview(input: OverviewInput): string;
  list(items: readonly string[]): string;
}

export interface OverviewInput {
  readonly reviewCount: number;
  readonly ratingAvg: number;
  readonly strengths: readonly string[];
  readonly weaknesses: readonly string[];
  /** Many low and many high ratings: opinions are divided. */
  readonly divided: boolean;
}

// English agreement: conjoined ("size and fit") and plural ("materials") aspect names take "are".
const beFor = (aspect: string) => (/ and |[^s]s$/.test(aspect) ? 'are' : 'is');

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function formatAvg(value: number, language: Language): string {
  return value.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

// Aspect-first phrasing ("Battery life: praised by …") avoids grammatical gender and case agreement, which
// fixed templates cannot get right in de/fr/es/it/pl.
export const TEMPLATES: Readonly<Record<Language, LanguageTemplates>> = {
  en: {
    // English needs only number agreement, so claims read as short aspect-first sentences, the way summaries
    // state them ("The battery life is praised (8 of 8)."); the counts carry the quantifier (measured: naming
    // "most reviewers" as well costs 1.5 ROUGE-1 on both dev sets, docs/builtin.md).
    pro: (a, _q, n, of, counts = true) => `The ${a} ${beFor(a)} praised${counts ? ` (${n} of ${of})` : ''}.`,
    con: (a, _q, n, of, counts = true) => `The ${a} ${beFor(a)} criticised${counts ? ` (${n} of ${of})` : ''}.`,
    list: (items) => joinList(items, 'and'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `Based on ${reviewCount} reviews (average ${formatAvg(ratingAvg, 'en')} of 5 stars)`;
      const praise = strengths.length ? `customers mostly praise the ${joinList(strengths, 'and')}` : '';
      const complain = weaknesses.length
        ? `the most frequent complaints concern the ${joinList(weaknesses, 'and')}`
        : '';
      if (divided) return `${head}, opinions are divided: ${[praise, complain].filter(Boolean).join(', while ')}.`;
      return `${head}, ${[praise || 'customers give mixed feedback', complain].filter(Boolean).join('; ')}.`;
    },
  },
  de: {
    pro: (a, q, n, of) =>
      `${capitalise(a)}: von ${{ most: 'den meisten', many: 'vielen', some: 'einigen' }[q]} Rezensenten gelobt (${n} von ${of})`,
    con: (a, q, n, of) =>
      `${capitalise(a)}: von ${{ most: 'den meisten', many: 'vielen', some: 'einigen' }[q]} Rezensenten kritisiert (${n} von ${of})`,
    list: (items) => joinList(items, 'und'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `Laut ${reviewCount} Bewertungen (durchschnittlich ${formatAvg(ratingAvg, 'de')} von 5 Sternen)`;
      const praise = strengths.length ? `loben Kunden vor allem: ${joinList(strengths, 'und')}` : '';
      const complain = weaknesses.length ? `die häufigste Kritik betrifft: ${joinList(weaknesses, 'und')}` : '';
      if (divided)
        return `${head} sind die Meinungen geteilt: ${[praise.replace(/^loben Kunden/, 'Kunden loben'), complain].filter(Boolean).join('; ')}.`;
      return `${head} ${[praise || 'fällt das Feedback gemischt aus', complain].filter(Boolean).join('; ')}.`;
    },
  },
  fr: {
    pro: (a, q, n, of) =>
      `${capitalise(a)} : point fort pour ${{ most: 'la plupart des', many: 'beaucoup de', some: 'certains' }[q]} clients (${n} sur ${of})`,
    con: (a, q, n, of) =>
      `${capitalise(a)} : point faible pour ${{ most: 'la plupart des', many: 'beaucoup de', some: 'certains' }[q]} clients (${n} sur ${of})`,
    list: (items) => joinList(items, 'et'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `D’après ${reviewCount} avis (note moyenne ${formatAvg(ratingAvg, 'fr')} sur 5)`;
      const praise = strengths.length ? `les clients apprécient surtout : ${joinList(strengths, 'et')}` : '';
      const complain = weaknesses.length ? `les critiques portent surtout sur : ${joinList(weaknesses, 'et')}` : '';
      if (divided) return `${head}, les avis sont partagés : ${[praise, complain].filter(Boolean).join(' ; ')}.`;
      return `${head}, ${[praise || 'les retours sont mitigés', complain].filter(Boolean).join(' ; ')}.`;
    },
  },
  es: {
    pro: (a, q, n, of) =>
      `${capitalise(a)}: punto fuerte para ${{ most: 'la mayoría de los', many: 'muchos', some: 'algunos' }[q]} clientes (${n} de ${of})`,
    con: (a, q, n, of) =>
      `${capitalise(a)}: punto débil para ${{ most: 'la mayoría de los', many: 'muchos', some: 'algunos' }[q]} clientes (${n} de ${of})`,
    list: (items) => joinList(items, 'y'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `Según ${reviewCount} opiniones (media de ${formatAvg(ratingAvg, 'es')} de 5 estrellas)`;
      const praise = strengths.length ? `los clientes destacan sobre todo: ${joinList(strengths, 'y')}` : '';
      const complain = weaknesses.length ? `las quejas más frecuentes se refieren a: ${joinList(weaknesses, 'y')}` : '';
      if (divided) return `${head}, las opiniones están divididas: ${[praise, complain].filter(Boolean).join('; ')}.`;
      return `${head}, ${[praise || 'las opiniones son variadas', complain].filter(Boolean).join('; ')}.`;
    },
  },
  it: {
    pro: (a, q, n, of) =>
      `${capitalise(a)}: punto di forza per ${{ most: 'la maggior parte dei', many: 'molti', some: 'alcuni' }[q]} clienti (${n} su ${of})`,
    con: (a, q, n, of) =>
      `${capitalise(a)}: punto debole per ${{ most: 'la maggior parte dei', many: 'molti', some: 'alcuni' }[q]} clienti (${n} su ${of})`,
    list: (items) => joinList(items, 'e'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `In base a ${reviewCount} recensioni (media ${formatAvg(ratingAvg, 'it')} su 5 stelle)`;
      const praise = strengths.length ? `i clienti apprezzano soprattutto: ${joinList(strengths, 'e')}` : '';
      const complain = weaknesses.length ? `le critiche più frequenti riguardano: ${joinList(weaknesses, 'e')}` : '';
      if (divided) return `${head}, le opinioni sono divise: ${[praise, complain].filter(Boolean).join('; ')}.`;
      return `${head}, ${[praise || 'i giudizi sono contrastanti', complain].filter(Boolean).join('; ')}.`;
    },
  },
  nl: {
    pro: (a, q, n, of) =>
      `${capitalise(a)}: door ${{ most: 'de meeste', many: 'veel', some: 'sommige' }[q]} reviewers geprezen (${n} van ${of})`,
    con: (a, q, n, of) =>
      `${capitalise(a)}: door ${{ most: 'de meeste', many: 'veel', some: 'sommige' }[q]} reviewers bekritiseerd (${n} van ${of})`,
    list: (items) => joinList(items, 'en'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `Op basis van ${reviewCount} beoordelingen (gemiddeld ${formatAvg(ratingAvg, 'nl')} van 5 sterren)`;
      const praise = strengths.length ? `prijzen klanten vooral: ${joinList(strengths, 'en')}` : '';
      const complain = weaknesses.length ? `de meeste kritiek gaat over: ${joinList(weaknesses, 'en')}` : '';
      if (divided)
        return `${head} zijn de meningen verdeeld: ${[praise.replace(/^prijzen klanten/, 'klanten prijzen'), complain].filter(Boolean).join('; ')}.`;
      return `${head} ${[praise || 'zijn de reacties gemengd', complain].filter(Boolean).join('; ')}.`;
    },
  },
  pl: {
    pro: (a, q, n, of) =>
      `${capitalise(a)}: mocna strona według ${{ most: 'większości', many: 'wielu', some: 'niektórych' }[q]} recenzentów (${n} z ${of})`,
    con: (a, q, n, of) =>
      `${capitalise(a)}: słaba strona według ${{ most: 'większości', many: 'wielu', some: 'niektórych' }[q]} recenzentów (${n} z ${of})`,
    list: (items) => joinList(items, 'i'),
    overview: ({ reviewCount, ratingAvg, strengths, weaknesses, divided }) => {
      const head = `Na podstawie ${reviewCount} opinii (średnia ${formatAvg(ratingAvg, 'pl')} na 5 gwiazdek)`;
      const praise = strengths.length ? `klienci chwalą przede wszystkim: ${joinList(strengths, 'i')}` : '';
      const complain = weaknesses.length ? `najczęstsze zastrzeżenia dotyczą: ${joinList(weaknesses, 'i')}` : '';
      if (divided) return `${head} opinie są podzielone: ${[praise, complain].filter(Boolean).join('; ')}.`;
      return `${head}: ${[praise || 'opinie są mieszane', complain].filter(Boolean).join('; ')}.`;
    },
  },
};
