import type { EmbeddedChunk } from '../domain/chunk.js';
import { sameNoun } from '../domain/discovered-aspect.js';
import type { Language } from '../domain/languages.js';

/**
 * Per-product aspect discovery: the nouns reviewers make statements about. A noun is found in the frame
 * "determiner (modifier) X is/was/are/were …" ("the food was cold", "die Lieferung war schnell", "le prix est
 * correct"), which needs no tagger and rarely fires on anything but a noun phrase head. English also takes a
 * sentence-initial "X is …" ("Service is slow"); the other languages need the determiner, because German and
 * Dutch put any adverb first ("Leider ist …"). German nouns must be capitalised, which filters adjectives
 * ("das neue ist …"). Polish has no articles, so no frame: its taxonomy aspects stay.
 */
const L = '\\p{L}';
/**
 * German and Dutch put adjectives before the noun, so one modifier may sit between determiner and noun ("der
 * neue Akku ist"). French, Spanish and Italian put them after it; allowing a word there would take the word
 * between noun and verb instead ("el producto también es" → "también"), so the noun must follow the
 * determiner. A negator may sit between noun and verb ("il materiale non è", "le prix n’est pas").
 */
function frame(determiners: string, verbs: string, options: { modifier: boolean; negation?: string }): RegExp {
  const modifier = options.modifier ? `(?:${L}+\\s+)?` : '';
  const negation = options.negation ? `(?:${options.negation})?` : '';
  // An elided article ("l’écran", "l'acqua") is glued to its noun; the others are separate words.
  return new RegExp(
    `(?:^|[^${L}])(?:(?:${determiners})\\s+|l['’])${modifier}(${L}{3,})\\s+${negation}(?:${verbs})(?=$|[^${L}])`,
    'giu',
  );
}

const FRAMES: Partial<Record<Language, RegExp>> = {
  en: /(?:\b(?:the|their|our|my|its|his|her|your)\s+(?:[a-z]+\s+)?|(?:^|[.!?]\s+))([a-z]{3,})\s+(?:is|was|are|were|has been|have been)\b/giu,
  de: frame(
    'der|die|das|den|dem|des|mein|meine|unser|unsere|ihr|ihre|sein|seine|dieser|diese|dieses',
    'ist|war|sind|waren|wirkt|wirken',
    { modifier: true },
  ),
  fr: frame(
    'le|la|les|mon|ma|mes|son|sa|ses|leur|leurs|notre|nos|votre|vos|ce|cet|cette|ces',
    'est|était|sont|étaient|semble|semblent|reste|restent',
    { modifier: false, negation: "ne\\s+|n['’]" },
  ),
  es: frame(
    'el|la|los|las|mi|mis|su|sus|nuestro|nuestra|nuestros|nuestras|este|esta|estos|estas',
    'es|era|son|eran|está|estaba|están|estaban|fue|fueron|parece|parecen|resulta',
    { modifier: false, negation: 'no\\s+' },
  ),
  it: frame(
    'il|lo|la|i|gli|le|mio|mia|miei|mie|suo|sua|suoi|sue|questo|questa|questi|queste',
    'è|era|sono|erano|sembra|sembrano|risulta|resta',
    { modifier: false, negation: 'non\\s+' },
  ),
  nl: frame('de|het|mijn|onze|ons|hun|zijn|haar|deze|dit', 'is|was|zijn|waren|lijkt|lijken|blijkt', {
    modifier: true,
  }),
};

// Heads that say nothing about the product: generic nouns, words the frame catches in passing, idioms ("la verdad
// es que", "the truth is") and the people a possessive introduces ("my son is", "mein Sohn ist").
const NOT_ASPECTS: Partial<Record<Language, Set<string>>> = {
  en: words(`thing things way time times one ones lot bit day days rest only other others same first last whole
  reason fact part kind sort end point problem issue issues thing result results idea side top bottom next most
  best worst main only owner experience son sons daughter daughters wife husband kid kids child children baby
  grandson granddaughter friend friends mom dad mother father partner boyfriend girlfriend opinion truth`),
  de: words(`ding dinge sache sachen mal male zeit teil rest ende art weise grund fall problem probleme ergebnis
  erste ersten letzte letzten einzige einzigen ganze andere anderen gleiche beste schlechteste meiste meisten
  eindruck erfahrung meinung wahrheit sohn tochter frau mann kind kinder enkel enkelin freund freundin mutter vater
  partner partnerin baby`),
  fr: words(`chose choses fois temps partie reste fin sorte façon raison fait problème problèmes résultat premier
  première dernière dernier seul seule autre autres même meilleur pire plupart impression expérience avis vérité
  fils fille femme mari enfant enfants ami amie mère père copain copine bébé`),
  es: words(`cosa cosas vez veces tiempo parte resto final tipo manera forma razón hecho problema problemas
  resultado primero primera último última único única otro otra otros otras mismo mejor peor mayoría impresión
  experiencia verdad caso idea opinión hijo hija mujer marido esposo esposa niño niña niños amigo amiga madre
  padre novio novia bebé`),
  it: words(`cosa cose volta volte tempo parte resto fine tipo modo maniera motivo fatto problema problemi
  risultato primo prima ultimo ultima unico unica altro altra altri altre stesso migliore peggiore maggior
  impressione esperienza verità opinione idea caso figlio figlia moglie marito bambino bambina bambini amico amica
  madre padre ragazzo ragazza`),
  nl: words(`ding dingen keer tijd deel rest einde soort manier reden feit probleem problemen resultaat eerste
  laatste enige andere zelfde beste slechtste meeste indruk ervaring mening waarheid zoon dochter vrouw man kind
  kinderen vriend vriendin moeder vader partner baby`),
};
// Function words a frame catches ("They are great", "There was a wait", "das ist", "c'est", "het is").
const FUNCTION_WORDS: Partial<Record<Language, Set<string>>> = {
  en: words(`i you he she it we they me him her us them this that these those there here what which who whom
  whose where when why how everything something nothing anything everyone someone anyone nobody everybody all
  both each either neither none some any many much more most few several other another such own same and but
  yet also still then now today tonight yesterday tomorrow again once twice ever never always often sometimes
  usually just only even very really quite too so well not`),
  de: words(`ich du er sie es wir ihr man das dies dieses diese was wer wie wo hier dort da alles nichts etwas
  jeder jede jedes alle beide viele mehr nur auch noch schon sehr ganz gar nicht immer nie oft jetzt dann ist war
  sind waren`),
  fr: words(`il elle ils elles on ce cela ça ceci celui celle ceux qui que quoi tout tous toute toutes rien
  chacun aucun plus très trop aussi encore toujours jamais souvent bien est était sont`),
  es: words(`yo él ella ellos ellas nosotros esto eso aquello que quien cual todo todos toda todas nada algo
  alguien nadie cada más muy también todavía siempre nunca bien es era son`),
  it: words(`io lui lei loro noi questo quello che chi cui tutto tutti tutta tutte niente nulla qualcosa
  ognuno più molto troppo anche ancora sempre mai spesso bene è era sono`),
  nl: words(`ik jij je hij zij ze het wij we men dit dat die wat wie hier daar alles niets iets iedereen
  niemand meer zeer heel erg ook nog altijd nooit vaak wel niet is was zijn`),
};

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((word) => word.length > 0));
}

const singular = (noun: string) => (noun.endsWith('s') && !noun.endsWith('ss') ? noun.slice(0, -1) : noun);

/**
 * Nouns used in the frame by at least `minReviews` distinct reviews, most used first. Inflected forms of one
 * noun count together (English singular and plural; elsewhere `sameNoun`) and are reported in the form used
 * most, as reviewers write it (English lower case; German with its capital).
 */
export function discoverAspectNouns(
  chunks: readonly EmbeddedChunk[],
  language: Language,
  minReviews: number,
): string[] {
  const pattern = FRAMES[language];
  if (!pattern) return [];
  const excluded = (lower: string) =>
    NOT_ASPECTS[language]!.has(lower) ||
    FUNCTION_WORDS[language]!.has(lower) ||
    (language === 'en' && NOT_ASPECTS.en!.has(singular(lower)));
  const reviews = new Map<string, Set<string>>();
  const forms = new Map<string, Map<string, number>>();
  const keys: string[] = [];
  const keyOf = (lower: string): string => {
    if (language === 'en') return singular(lower);
    const known = keys.find((key) => sameNoun(key, lower));
    if (known !== undefined) return known;
    keys.push(lower);
    return lower;
  };
  for (const chunk of chunks) {
    if (chunk.language !== language) continue;
    // English matches on lower case (its frame's sentence start takes any word); elsewhere the written form is
    // kept so German nouns can be told by their capital.
    const text = language === 'en' ? chunk.text.toLowerCase() : chunk.text;
    for (const match of text.matchAll(pattern)) {
      const noun = match[1]!;
      const lower = noun.toLocaleLowerCase(language);
      if (excluded(lower)) continue;
      if (language === 'de' && noun[0] === lower[0]) continue;
      const key = keyOf(lower);
      const set = reviews.get(key) ?? new Set<string>();
      set.add(chunk.reviewId);
      reviews.set(key, set);
      const counts = forms.get(key) ?? new Map<string, number>();
      counts.set(noun, (counts.get(noun) ?? 0) + 1);
      forms.set(key, counts);
    }
  }
  return [...reviews.entries()]
    .filter(([, set]) => set.size >= minReviews)
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .map(([key]) => [...forms.get(key)!.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
}
