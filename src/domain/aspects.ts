import { isTermAspect, termOf } from './discovered-aspect.js';
import type { Language } from './languages.js';

/**
 * The cold-start aspect taxonomy. Each aspect has, per language, a display name (a noun phrase used by the
 * summary templates) and keyword stems. A stem matches at the start of a word, case-insensitively, so
 * "akku" matches "Akkulaufzeit" and "bateri" matches "baterię". Learned aspect discovery (issue 6) extends
 * this; the sample generator plants at least one stem of the aspect in every aspect sentence it writes.
 */
export interface AspectDefinition {
  readonly id: string;
  /** Categories the aspect belongs to; empty means every category. */
  readonly categories: readonly string[];
  readonly names: Readonly<Record<Language, string>>;
  readonly stems: Readonly<Record<Language, readonly string[]>>;
}

export const CATEGORIES = ['headphones', 'smartphones', 'kitchen', 'shoes', 'toys', 'home'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The aspect of claims about the product as a whole (no specific aspect). */
export const GENERAL_ASPECT = 'general';
export const GENERAL_ASPECT_NAMES: Readonly<Record<Language, string>> = {
  en: 'overall experience',
  de: 'Gesamteindruck',
  fr: 'impression générale',
  es: 'impresión general',
  it: 'impressione generale',
  nl: 'algemene indruk',
  pl: 'ogólne wrażenie',
};

export function aspectName(id: string, language: Language): string {
  if (isTermAspect(id)) return termOf(id);
  return ASPECT_BY_ID.get(id)?.names[language] ?? (id === GENERAL_ASPECT ? GENERAL_ASPECT_NAMES[language] : id);
}

export const ASPECTS: readonly AspectDefinition[] = [
  {
    id: 'quality',
    categories: [],
    names: {
      en: 'build quality',
      de: 'Verarbeitung',
      fr: 'qualité de fabrication',
      es: 'calidad de fabricación',
      it: 'qualità costruttiva',
      nl: 'bouwkwaliteit',
      pl: 'jakość wykonania',
    },
    stems: {
      en: ['quality', 'build', 'sturdy', 'durab', 'flimsy', 'broke', 'cheaply made'],
      de: ['verarbeitung', 'qualität', 'stabil', 'robust', 'wackelig', 'kaputt'],
      fr: ['qualité', 'fabrication', 'solide', 'robuste', 'fragile', 'cassé'],
      es: ['calidad', 'fabricación', 'resistente', 'robust', 'frágil', 'roto', 'rompi'],
      it: ['qualità', 'costruzion', 'solid', 'robust', 'fragil', 'rott'],
      nl: ['kwaliteit', 'bouw', 'stevig', 'degelijk', 'fragiel', 'kapot'],
      pl: ['jakoś', 'wykonani', 'solidn', 'wytrzymał', 'tandet', 'zepsu'],
    },
  },
  {
    id: 'price',
    categories: [],
    names: {
      en: 'value for money',
      de: 'Preis-Leistungs-Verhältnis',
      fr: 'rapport qualité-prix',
      es: 'relación calidad-precio',
      it: 'rapporto qualità-prezzo',
      nl: 'prijs-kwaliteitverhouding',
      pl: 'stosunek jakości do ceny',
    },
    stems: {
      en: ['price', 'value', 'money', 'expensive', 'cheap', 'overpriced', 'worth'],
      de: ['preis', 'geld', 'teuer', 'günstig', 'billig', 'wert'],
      fr: ['prix', 'argent', 'cher', 'chère', 'rapport qualité'],
      es: ['precio', 'dinero', 'caro', 'cara', 'barat', 'económic'],
      it: ['prezzo', 'soldi', 'costos', 'economic', 'car'],
      nl: ['prijs', 'geld', 'duur', 'goedkoop', 'waard'],
      pl: ['cen', 'pieniądz', 'drog', 'tani', 'wart'],
    },
  },
  {
    id: 'delivery',
    categories: [],
    names: {
      en: 'delivery and packaging',
      de: 'Lieferung und Verpackung',
      fr: 'livraison et emballage',
      es: 'envío y embalaje',
      it: 'spedizione e imballaggio',
      nl: 'levering en verpakking',
      pl: 'dostawa i opakowanie',
    },
    stems: {
      en: ['deliver', 'shipping', 'shipped', 'arrived', 'packag', 'parcel'],
      de: ['liefer', 'versand', 'verpackung', 'paket', 'angekommen'],
      fr: ['livr', 'expédi', 'emballage', 'colis', 'arrivé'],
      es: ['envío', 'entreg', 'embalaje', 'paquete', 'lleg'],
      it: ['spedizion', 'consegn', 'imballaggi', 'pacco', 'arrivat'],
      nl: ['lever', 'verzend', 'verpakking', 'pakket', 'bezorg'],
      pl: ['dostaw', 'przesył', 'opakowani', 'paczk', 'doszł', 'dotarł'],
    },
  },
  {
    id: 'ease_of_use',
    categories: [],
    names: {
      en: 'ease of use',
      de: 'Bedienung',
      fr: 'facilité d’utilisation',
      es: 'facilidad de uso',
      it: 'facilità d’uso',
      nl: 'gebruiksgemak',
      pl: 'łatwość obsługi',
    },
    stems: {
      en: ['easy to use', 'setup', 'set up', 'instructions', 'manual', 'intuitive', 'complicated'],
      de: ['bedienung', 'einricht', 'anleitung', 'intuitiv', 'kompliziert', 'einfach zu'],
      fr: ['utilisation', 'installation', 'notice', 'intuiti', 'compliqué', 'facile à'],
      es: ['uso', 'instalación', 'instrucciones', 'manual', 'intuitiv', 'complicad', 'fácil de'],
      it: ['uso', 'utilizzo', 'installazion', 'istruzioni', 'intuitiv', 'complicat', 'facile da'],
      nl: ['gebruik', 'installatie', 'handleiding', 'intuïtief', 'ingewikkeld', 'makkelijk te'],
      pl: ['obsług', 'instalacj', 'instrukcj', 'intuicyjn', 'skomplikowan', 'łatwy w'],
    },
  },
  {
    id: 'design',
    categories: [],
    names: { en: 'design', de: 'Design', fr: 'design', es: 'diseño', it: 'design', nl: 'ontwerp', pl: 'wygląd' },
    stems: {
      en: ['design', 'looks', 'color', 'colour', 'stylish', 'elegant', 'ugly'],
      de: ['design', 'aussehen', 'sieht', 'farbe', 'schick', 'elegant', 'hässlich'],
      fr: ['design', 'look', 'couleur', 'élégant', 'joli', 'moche'],
      es: ['diseño', 'aspecto', 'color', 'elegante', 'bonit', 'feo'],
      it: ['design', 'aspetto', 'colore', 'elegante', 'bell', 'brutt'],
      nl: ['ontwerp', 'design', 'uiterlijk', 'kleur', 'mooi', 'lelijk'],
      pl: ['wygląd', 'wygląda', 'design', 'kolor', 'elegancki', 'ładn', 'brzydk'],
    },
  },
  {
    id: 'battery',
    categories: ['headphones', 'smartphones', 'home'],
    names: {
      en: 'battery life',
      de: 'Akkulaufzeit',
      fr: 'autonomie de la batterie',
      es: 'duración de la batería',
      it: 'durata della batteria',
      nl: 'batterijduur',
      pl: 'czas pracy baterii',
    },
    stems: {
      en: ['battery', 'batteries', 'charge'],
      de: ['akku', 'batterie', 'lade', 'aufgeladen'],
      fr: ['batterie', 'autonomie', 'charge', 'recharge'],
      es: ['batería', 'autonomía', 'carga'],
      it: ['batteria', 'autonomia', 'ricaric', 'carica'],
      nl: ['batterij', 'accu', 'opladen', 'opgeladen'],
      pl: ['bateri', 'akumulator', 'ładowani', 'naładowa'],
    },
  },
  {
    id: 'sound',
    categories: ['headphones', 'smartphones'],
    names: {
      en: 'sound quality',
      de: 'Klangqualität',
      fr: 'qualité du son',
      es: 'calidad de sonido',
      it: 'qualità del suono',
      nl: 'geluidskwaliteit',
      pl: 'jakość dźwięku',
    },
    stems: {
      en: ['sound', 'bass', 'audio', 'noise cancel', 'treble'],
      de: ['klang', 'sound', 'bass', 'ton', 'geräuschunterdrückung'],
      fr: ['son', 'basse', 'audio', 'réduction de bruit'],
      es: ['sonido', 'grave', 'audio', 'cancelación de ruido'],
      it: ['suono', 'bassi', 'audio', 'cancellazione del rumore'],
      nl: ['geluid', 'bas', 'audio', 'ruisonderdrukking'],
      pl: ['dźwięk', 'bas', 'audio', 'redukcj'],
    },
  },
  {
    id: 'comfort',
    categories: ['headphones', 'shoes'],
    names: {
      en: 'comfort',
      de: 'Tragekomfort',
      fr: 'confort',
      es: 'comodidad',
      it: 'comodità',
      nl: 'draagcomfort',
      pl: 'wygoda',
    },
    stems: {
      en: ['comfort', 'uncomfortable', 'hurt', 'pinch'],
      de: ['bequem', 'komfort', 'unbequem', 'drück'],
      fr: ['confort', 'inconfortable', 'serre', 'mal aux'],
      es: ['cómod', 'comodidad', 'incómod', 'aprieta', 'duele'],
      it: ['comod', 'comfort', 'scomod', 'stringe', 'fanno male'],
      nl: ['comfort', 'oncomfortabel', 'knelt', 'zit lekker', 'draagt'],
      pl: ['wygod', 'niewygod', 'komfort', 'uciska', 'obciera'],
    },
  },
  {
    id: 'connectivity',
    categories: ['headphones', 'smartphones', 'home'],
    names: {
      en: 'connectivity',
      de: 'Verbindung',
      fr: 'connectivité',
      es: 'conectividad',
      it: 'connettività',
      nl: 'verbinding',
      pl: 'łączność',
    },
    stems: {
      en: ['bluetooth', 'connect', 'pairing', 'wifi', 'wi-fi', 'signal'],
      de: ['bluetooth', 'verbind', 'koppl', 'wlan', 'signal'],
      fr: ['bluetooth', 'connexion', 'connect', 'appairage', 'wifi', 'signal'],
      es: ['bluetooth', 'conexión', 'conecta', 'emparejamiento', 'wifi', 'señal'],
      it: ['bluetooth', 'connession', 'collega', 'associazion', 'wifi', 'segnale'],
      nl: ['bluetooth', 'verbind', 'koppel', 'wifi', 'signaal'],
      pl: ['bluetooth', 'połącz', 'parowani', 'wifi', 'sygnał'],
    },
  },
  {
    id: 'screen',
    categories: ['smartphones'],
    names: { en: 'screen', de: 'Display', fr: 'écran', es: 'pantalla', it: 'schermo', nl: 'scherm', pl: 'ekran' },
    stems: {
      en: ['screen', 'display'],
      de: ['display', 'bildschirm'],
      fr: ['écran', 'affichage'],
      es: ['pantalla'],
      it: ['schermo', 'display'],
      nl: ['scherm', 'display'],
      pl: ['ekran', 'wyświetlacz'],
    },
  },
  {
    id: 'camera',
    categories: ['smartphones'],
    names: {
      en: 'camera',
      de: 'Kamera',
      fr: 'appareil photo',
      es: 'cámara',
      it: 'fotocamera',
      nl: 'camera',
      pl: 'aparat',
    },
    stems: {
      en: ['camera', 'photo', 'picture'],
      de: ['kamera', 'foto', 'bilder'],
      fr: ['appareil photo', 'caméra', 'photo'],
      es: ['cámara', 'foto'],
      it: ['fotocamera', 'foto'],
      nl: ['camera', 'foto'],
      pl: ['aparat', 'zdjęci', 'kamer'],
    },
  },
  {
    id: 'performance',
    categories: ['smartphones', 'kitchen', 'home'],
    names: {
      en: 'performance',
      de: 'Leistung',
      fr: 'performances',
      es: 'rendimiento',
      it: 'prestazioni',
      nl: 'prestaties',
      pl: 'wydajność',
    },
    stems: {
      en: ['performance', 'fast', 'slow', 'powerful', 'lag', 'speed'],
      de: ['leistung', 'schnell', 'langsam', 'leistungsstark', 'ruckel'],
      fr: ['performance', 'rapide', 'lent', 'puissant'],
      es: ['rendimiento', 'rápid', 'lent', 'potente'],
      it: ['prestazion', 'veloce', 'lent', 'potente'],
      nl: ['prestatie', 'snel', 'traag', 'krachtig'],
      pl: ['wydajn', 'szybk', 'woln', 'moc'],
    },
  },
  {
    id: 'noise',
    categories: ['kitchen', 'home'],
    names: {
      en: 'noise level',
      de: 'Lautstärke',
      fr: 'niveau sonore',
      es: 'nivel de ruido',
      it: 'rumorosità',
      nl: 'geluidsniveau',
      pl: 'głośność pracy',
    },
    stems: {
      en: ['noisy', 'loud', 'quiet', 'noise'],
      de: ['laut', 'leise', 'geräusch'],
      fr: ['bruyant', 'bruit', 'silencieu'],
      es: ['ruidos', 'ruido', 'silencios'],
      it: ['rumoros', 'rumore', 'silenzios'],
      nl: ['lawaai', 'luid', 'stil', 'herrie'],
      pl: ['głośn', 'hałas', 'cich'],
    },
  },
  {
    id: 'cleaning',
    categories: ['kitchen', 'home'],
    names: {
      en: 'cleaning',
      de: 'Reinigung',
      fr: 'nettoyage',
      es: 'limpieza',
      it: 'pulizia',
      nl: 'schoonmaken',
      pl: 'czyszczenie',
    },
    stems: {
      en: ['clean', 'dishwasher', 'wash'],
      de: ['reinig', 'sauber', 'spülmaschine', 'putzen'],
      fr: ['nettoy', 'lave-vaisselle', 'laver'],
      es: ['limpi', 'lavavajillas', 'lavar'],
      it: ['pulizi', 'pulire', 'lavastoviglie', 'lavare'],
      nl: ['schoonma', 'vaatwasser', 'reinig', 'afwas'],
      pl: ['czyszcz', 'zmywark', 'umyć', 'myci'],
    },
  },
  {
    id: 'size_fit',
    categories: ['shoes'],
    names: {
      en: 'size and fit',
      de: 'Passform',
      fr: 'taille',
      es: 'talla',
      it: 'vestibilità',
      nl: 'pasvorm',
      pl: 'rozmiar',
    },
    stems: {
      en: ['size', 'fit', 'small', 'large', 'narrow', 'wide'],
      de: ['größe', 'passform', 'passt', 'klein', 'groß', 'eng', 'weit'],
      fr: ['taille', 'pointure', 'petit', 'grand', 'étroit', 'large'],
      es: ['talla', 'tallaje', 'pequeñ', 'grande', 'estrech', 'ancho'],
      it: ['taglia', 'vestibilità', 'calza', 'piccol', 'grand', 'strett', 'larg'],
      nl: ['maat', 'pasvorm', 'past', 'klein', 'groot', 'smal', 'breed'],
      pl: ['rozmiar', 'rozmiarówk', 'pasuj', 'mał', 'duż', 'wąsk', 'szerok'],
    },
  },
  {
    id: 'material',
    categories: ['shoes', 'toys', 'home'],
    names: {
      en: 'materials',
      de: 'Material',
      fr: 'matériaux',
      es: 'materiales',
      it: 'materiali',
      nl: 'materiaal',
      pl: 'materiał',
    },
    stems: {
      en: ['material', 'leather', 'fabric', 'plastic', 'sole', 'stitch'],
      de: ['material', 'leder', 'stoff', 'plastik', 'kunststoff', 'sohle', 'naht'],
      fr: ['matéri', 'cuir', 'tissu', 'plastique', 'semelle', 'couture'],
      es: ['material', 'cuero', 'piel', 'tela', 'plástico', 'suela', 'costura'],
      it: ['material', 'pelle', 'tessuto', 'plastica', 'suola', 'cucitur'],
      nl: ['materiaal', 'leer', 'stof', 'plastic', 'zool', 'naad'],
      pl: ['materiał', 'skór', 'tkanin', 'plastik', 'podeszw', 'szw'],
    },
  },
  {
    id: 'fun',
    categories: ['toys'],
    names: {
      en: 'play value',
      de: 'Spielspaß',
      fr: 'plaisir de jeu',
      es: 'diversión',
      it: 'divertimento',
      nl: 'speelplezier',
      pl: 'zabawa',
    },
    stems: {
      en: ['fun', 'play', 'kids', 'children', 'boring', 'loves'],
      de: ['spaß', 'spiel', 'kinder', 'langweilig'],
      fr: ['amusant', 'jouer', 'enfant', 'ennuyeu', 'adore'],
      es: ['divertid', 'jugar', 'niñ', 'aburrid', 'encanta'],
      it: ['divertent', 'giocare', 'bambin', 'noios', 'adora'],
      nl: ['leuk', 'spelen', 'kinderen', 'saai', 'speelt'],
      pl: ['zabaw', 'bawi', 'dzieci', 'nudn', 'uwielbia'],
    },
  },
];

const ASPECT_BY_ID = new Map(ASPECTS.map((aspect) => [aspect.id, aspect]));

export function aspectById(id: string): AspectDefinition | undefined {
  return ASPECT_BY_ID.get(id);
}

/** Aspects that apply to a category (general ones plus the category's own); all aspects for unknown categories. */
export function aspectsForCategory(category: string | null | undefined): readonly AspectDefinition[] {
  if (!category || !(CATEGORIES as readonly string[]).includes(category)) return ASPECTS;
  return ASPECTS.filter((aspect) => aspect.categories.length === 0 || aspect.categories.includes(category));
}
