import type { Category } from '../domain/aspects.js';
import type { Language } from '../domain/languages.js';

/**
 * Concrete flaws for POLARIZED products: many 1–2 star reviews name the same defect, in every language. A good
 * summary of such a product must surface the flaw as a con even when the average rating looks fine.
 * Every flaw sentence contains one of the flaw's keywords (so tests and evaluations can tell that a review
 * mentions it) and a stem of the flaw's aspect (so it is an ordinary aspect sentence for the pipeline).
 */
export interface FlawDefinition {
  readonly id: string;
  readonly category: Category;
  readonly aspect: string;
  /** English description, for evaluation reports. */
  readonly description: string;
  /** Product types (index into LanguagePack.productTypes[category]) the flaw makes sense for. */
  readonly productTypes: readonly number[];
  /** Lower-case substrings; every sentence of the language contains at least one. */
  readonly keywords: Readonly<Record<Language, readonly string[]>>;
  readonly sentences: Readonly<Record<Language, readonly string[]>>;
}

export const FLAWS: readonly FlawDefinition[] = [
  {
    id: 'left_earbud_stops_charging',
    category: 'headphones',
    aspect: 'battery',
    description: 'the left earbud stops charging after a few weeks',
    productTypes: [0],
    keywords: {
      en: ['left earbud'],
      de: ['linke ohrhörer', 'linken ohrhörer'],
      fr: ['écouteur gauche'],
      es: ['auricular izquierdo'],
      it: ['auricolare sinistro'],
      nl: ['linker oordopje'],
      pl: ['lewa słuchawka', 'lewej słuchawce'],
    },
    sentences: {
      en: [
        'The left earbud stopped holding a charge after {w} weeks.',
        "After {w} weeks the left earbud won't charge anymore, so I'm stuck with one ear.",
      ],
      de: [
        'Der linke Ohrhörer lässt sich nach {w} Wochen nicht mehr laden.',
        'Nach {w} Wochen ist der Akku im linken Ohrhörer tot.',
      ],
      fr: [
        "L'écouteur gauche ne se recharge plus au bout de {w} semaines.",
        "Au bout de {w} semaines, l'écouteur gauche ne tient plus la charge.",
      ],
      es: [
        'El auricular izquierdo dejó de cargar a las {w} semanas.',
        'A las {w} semanas murió la batería del auricular izquierdo.',
      ],
      it: [
        "L'auricolare sinistro non si ricarica più dopo {w} settimane.",
        "Dopo {w} settimane la batteria dell'auricolare sinistro è morta.",
      ],
      nl: [
        'Het linker oordopje laadt na {w} weken niet meer op, de accu is dood.',
        'Na {w} weken wil het linker oordopje niet meer opladen.',
      ],
      pl: [
        'Po {w} tygodniach padła bateria w lewej słuchawce.',
        'Lewa słuchawka po {w} tygodniach nie reaguje na ładowanie.',
      ],
    },
  },
  {
    id: 'screen_flicker',
    category: 'smartphones',
    aspect: 'screen',
    description: 'the screen starts flickering after a few weeks or months',
    productTypes: [0, 1, 2],
    keywords: {
      en: ['flicker'],
      de: ['flacker'],
      fr: ['scintill'],
      es: ['parpade'],
      it: ['sfarfall'],
      nl: ['flikker'],
      pl: ['miga'],
    },
    sentences: {
      en: [
        'The screen started flickering after {n} months.',
        'After a few weeks the screen began to flicker constantly.',
      ],
      de: ['Nach {n} Monaten fing das Display an zu flackern.', 'Das Display flackert seit ein paar Wochen ständig.'],
      fr: [
        "L'écran s'est mis à scintiller au bout de {n} mois.",
        "Après quelques semaines, l'écran scintille sans arrêt.",
      ],
      es: ['La pantalla empezó a parpadear a los {n} meses.', 'A las pocas semanas la pantalla parpadea sin parar.'],
      it: [
        'Lo schermo ha iniziato a sfarfallare dopo {n} mesi.',
        'Dopo poche settimane lo schermo sfarfalla di continuo.',
      ],
      nl: ['Na {n} maanden begon het scherm te flikkeren.', 'Na een paar weken flikkert het scherm constant.'],
      pl: ['Po {n} miesiącach ekran zaczął migać.', 'Po kilku tygodniach ekran ciągle miga.'],
    },
  },
  {
    id: 'lid_cracked',
    category: 'kitchen',
    aspect: 'quality',
    description: 'the lid cracks after about a month',
    productTypes: [0, 1, 2],
    keywords: {
      en: ['lid'],
      de: ['deckel'],
      fr: ['couvercle'],
      es: ['tapa'],
      it: ['coperchio'],
      nl: ['deksel'],
      pl: ['pokrywka'],
    },
    sentences: {
      en: [
        'The lid cracked after just one month, really flimsy plastic.',
        'Poor build: the lid cracked within {w} weeks.',
      ],
      de: [
        'Der Deckel ist nach einem Monat gerissen, die Qualität ist miserabel.',
        'Nach {w} Wochen hatte der Deckel einen Riss, echt schlechte Verarbeitung.',
      ],
      fr: [
        "Le couvercle s'est fendu au bout d'un mois, qualité médiocre.",
        "Couvercle fissuré après {w} semaines, c'est vraiment fragile.",
      ],
      es: ['La tapa se agrietó al mes, una calidad pésima.', 'A las {w} semanas la tapa se rompió, muy frágil.'],
      it: [
        'Il coperchio si è crepato dopo un mese, qualità pessima.',
        'Dopo {w} settimane il coperchio si è rotto, davvero fragile.',
      ],
      nl: [
        'Het deksel scheurde na een maand, slechte kwaliteit.',
        'Na {w} weken zat er een barst in het deksel, helemaal niet stevig.',
      ],
      pl: ['Pokrywka pękła po miesiącu, fatalna jakość.', 'Po {w} tygodniach pokrywka się zepsuła, pękła na pół.'],
    },
  },
  {
    id: 'sole_came_off',
    category: 'shoes',
    aspect: 'material',
    description: 'the sole comes off after a few weeks',
    productTypes: [0, 1, 2],
    keywords: {
      en: ['sole'],
      de: ['sohle'],
      fr: ['semelle'],
      es: ['suela'],
      it: ['suola'],
      nl: ['zool'],
      pl: ['podeszwa'],
    },
    sentences: {
      en: [
        'The sole came off after {w} weeks.',
        'After {w} weeks of light use the sole started peeling away from the shoe.',
      ],
      de: ['Nach {w} Wochen hat sich die Sohle gelöst.', 'Die Sohle löst sich schon nach {w} Wochen ab.'],
      fr: [
        "La semelle s'est décollée au bout de {w} semaines.",
        'Au bout de {w} semaines, la semelle se décolle déjà.',
      ],
      es: ['La suela se despegó a las {w} semanas.', 'A las {w} semanas la suela ya empezaba a despegarse.'],
      it: ['La suola si è staccata dopo {w} settimane.', 'Dopo {w} settimane la suola ha cominciato a staccarsi.'],
      nl: ['Na {w} weken liet de zool los.', 'De zool kwam na {w} weken al los.'],
      pl: ['Podeszwa odkleiła się po {w} tygodniach.', 'Po {w} tygodniach podeszwa zaczęła odchodzić.'],
    },
  },
  {
    id: 'wheel_broke_off',
    category: 'toys',
    aspect: 'quality',
    description: 'a wheel breaks off within the first days',
    productTypes: [0, 1],
    keywords: {
      en: ['wheel'],
      de: ['rad'],
      fr: ['roue'],
      es: ['rueda'],
      it: ['ruota'],
      nl: ['wiel'],
      pl: ['kółko'],
    },
    sentences: {
      en: ['A wheel broke off on the second day.', 'The wheels broke off within a week, clearly not durable.'],
      de: ['Schon am zweiten Tag ist ein Rad abgebrochen, alles kaputt.', 'Nach einer Woche war ein Rad kaputt.'],
      fr: [
        "Une roue s'est cassée dès le deuxième jour.",
        "Au bout d'une semaine, une roue était cassée, vraiment fragile.",
      ],
      es: ['Se rompió una rueda al segundo día.', 'A la semana una rueda ya estaba suelta, muy frágil.'],
      it: ['Una ruota si è rotta già il secondo giorno.', 'Dopo una settimana una ruota era già rotta, molto fragile.'],
      nl: ['Op de tweede dag was er al een wiel kapot.', 'Na een week brak een wiel af, helemaal niet stevig.'],
      pl: ['Już drugiego dnia odpadło kółko, wszystko się zepsuło.', 'Po tygodniu kółko się zepsuło, tandeta.'],
    },
  },
  {
    id: 'wifi_keeps_dropping',
    category: 'home',
    aspect: 'connectivity',
    description: 'the Wi-Fi connection keeps dropping',
    productTypes: [0, 1, 2],
    keywords: {
      en: ['wi-fi'],
      de: ['wlan'],
      fr: ['wifi'],
      es: ['wifi'],
      it: ['wifi'],
      nl: ['wifi'],
      pl: ['wifi'],
    },
    sentences: {
      en: [
        'It keeps dropping the Wi-Fi connection every few hours.',
        'After {w} weeks it started losing the Wi-Fi connection every day.',
      ],
      de: ['Das WLAN bricht alle paar Stunden ab.', 'Seit {w} Wochen verliert es ständig die WLAN-Verbindung.'],
      fr: [
        'Il perd la connexion wifi toutes les quelques heures.',
        'Depuis {w} semaines, la connexion wifi se coupe sans cesse.',
      ],
      es: [
        'Pierde la conexión wifi cada pocas horas.',
        'Desde hace {w} semanas la conexión wifi se cae constantemente.',
      ],
      it: ['Perde la connessione wifi ogni poche ore.', 'Da {w} settimane la connessione wifi cade di continuo.'],
      nl: ['De wifi-verbinding valt om de paar uur weg.', 'Sinds {w} weken verliest hij constant de wifi.'],
      pl: ['Co kilka godzin zrywa połączenie z wifi.', 'Od {w} tygodni ciągle gubi połączenie wifi.'],
    },
  },
];

const FLAW_BY_ID = new Map(FLAWS.map((flaw) => [flaw.id, flaw]));

export function flawById(id: string): FlawDefinition | undefined {
  return FLAW_BY_ID.get(id);
}

export function flawsForCategory(category: Category): readonly FlawDefinition[] {
  return FLAWS.filter((flaw) => flaw.category === category);
}

/** Whether a text names the flaw in the given language (keyword match, case-insensitive). */
export function mentionsFlaw(text: string, flaw: FlawDefinition, language: Language): boolean {
  const lower = text.toLowerCase();
  return flaw.keywords[language].some((keyword) => lower.includes(keyword));
}
