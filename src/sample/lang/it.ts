import type { LanguagePack } from './types.js';

/** Italian phrase tables. Every aspect sentence carries one of the aspect's Italian stems. */
export const IT: LanguagePack = {
  language: 'it',
  aspects: {
    quality: {
      pos: [
        'La qualità costruttiva è ottima.',
        'Molto solido: dopo {n} mesi è ancora come nuovo.',
        'Qualità eccellente, non scricchiola nulla.',
      ],
      neg: [
        'La qualità è deludente, la plastica scricchiola ovunque.',
        'Sembra molto fragile, ho paura di romperlo.',
        'Un pezzo si è rotto dopo {w} settimane.',
        'Per niente robusto, peccato.',
      ],
      neu: ['La qualità è discreta, niente di più.', 'Costruzione nella media per questa fascia.'],
    },
    price: {
      pos: [
        'Ottimo rapporto qualità-prezzo.',
        'A {price} vale assolutamente la pena, prezzo imbattibile.',
        'Molto economico per quello che offre.',
      ],
      neg: [
        'Troppo caro per quello che è.',
        'Non vale i soldi spesi.',
        'A {price} mi aspettavo molto di più, il prezzo non è giustificato.',
      ],
      neu: ['Il prezzo è nella media.', "L'ho pagato {price} in offerta, un prezzo onesto."],
    },
    delivery: {
      pos: [
        'Spedizione velocissima, arrivato in {d} giorni.',
        'Ben imballato e arrivato in perfette condizioni.',
        'Consegna puntuale e pacco perfetto.',
      ],
      neg: [
        'La consegna ha richiesto quasi {w} settimane.',
        'Il pacco è arrivato danneggiato, scatola schiacciata.',
        "L'imballaggio era strappato e mancava un accessorio.",
      ],
      neu: ['Arrivato nella data prevista.', 'Spedizione in una semplice scatola marrone.'],
    },
    ease_of_use: {
      pos: [
        'Molto facile da usare, ci riescono anche i miei genitori.',
        "L'installazione ha richiesto meno di cinque minuti.",
        'Molto intuitivo, non ho nemmeno aperto le istruzioni.',
      ],
      neg: [
        'Le istruzioni sono inutili e tradotte male.',
        "L'installazione è fin troppo complicata.",
        'Per niente intuitivo, ho dovuto guardare dei video.',
      ],
      neu: ["Le istruzioni sono brevi ma coprono l'essenziale.", "L'utilizzo è quello standard."],
    },
    design: {
      pos: [
        'Design bellissimo, dal vivo è ancora meglio.',
        'Il colore è stupendo e ha un aspetto elegante.',
        'Linee moderne e pulite, davvero bello.',
      ],
      neg: [
        'Il design è davvero brutto.',
        'Il colore è molto più spento che sul sito.',
        'Ha un aspetto datato e ingombrante.',
      ],
      neu: [
        'Design semplice, niente di speciale.',
        'Il colore è un grigio scuro neutro.',
        '[kitchen,home,toys,headphones] Il design è compatto, misura {dims}.',
      ],
    },
    battery: {
      pos: [
        'La batteria dura tranquillamente {h} ore.',
        "L'autonomia è fantastica, arrivo a sera senza problemi.",
        "Si ricarica completamente in meno di un'ora.",
        '[smartphones] La batteria da {mah} mAh mi dura due giorni.',
      ],
      neg: [
        "L'autonomia è pessima, nemmeno mezza giornata.",
        'Dopo {n} mesi la batteria non tiene più la carica.',
        'La batteria si scarica troppo in fretta, anche in standby.',
      ],
      neu: ['La batteria dura circa {h} ore, come dichiarato.', '[smartphones] Monta una batteria da {mah} mAh.'],
    },
    sound: {
      pos: [
        'Il suono è chiaro e ben bilanciato.',
        'Bassi profondi senza coprire le voci.',
        '[headphones] La cancellazione del rumore funziona benissimo in treno.',
      ],
      neg: [
        'Il suono è ovattato e gli acuti gracchiano.',
        'Quasi niente bassi, molto deludente.',
        "L'audio gracchia a volume alto.",
      ],
      neu: ['Il suono va bene per i podcast, non per gli audiofili.', 'Audio nella media.'],
    },
    comfort: {
      pos: [
        'Comodissime, le porto tutto il giorno.',
        'Il comfort è ottimo anche dopo ore.',
        '[shoes] Comode fin dal primo giorno.',
      ],
      neg: [
        "Dopo un'ora diventano scomode.",
        '[headphones] Stringono ai lati e mi fanno male le orecchie.',
        '[shoes] Stringono sulle dita e mi fanno male i piedi.',
        'Per niente comode, purtroppo.',
      ],
      neu: ['Il comfort è accettabile per brevi periodi.'],
    },
    connectivity: {
      pos: [
        "[headphones,smartphones] L'associazione Bluetooth è immediata e la connessione stabile.",
        '[headphones] Si collega da solo al telefono ogni volta.',
        '[home] Collegato al wifi al primo colpo.',
      ],
      neg: [
        '[headphones,smartphones] La connessione Bluetooth cade continuamente.',
        "L'associazione fallisce una volta su due.",
        '[home] Perde di continuo il segnale wifi.',
      ],
      neu: ['[headphones,smartphones] Usa il Bluetooth 5.3.', 'La connessione arriva a una decina di metri.'],
    },
    screen: {
      pos: [
        "Lo schermo è luminoso e nitidissimo, anche all'aperto.",
        'Display splendido, colori vivaci.',
        'Lo schermo è il punto forte del telefono.',
      ],
      neg: [
        'Lo schermo è troppo scuro sotto il sole.',
        'Lo schermo si graffia facilmente.',
        'Display deludente, colori slavati.',
      ],
      neu: ['Lo schermo è da 6,5 pollici, abbastanza standard.'],
    },
    camera: {
      pos: [
        'La fotocamera scatta ottime foto di giorno.',
        'Le foto sono nitide e con colori naturali.',
        'Ottima fotocamera, anche lo zoom è usabile.',
      ],
      neg: [
        'La fotocamera è scarsa con poca luce.',
        'Le foto sono sfocate e troppo elaborate.',
        "L'app della fotocamera è lenta e le foto sono sgranate.",
      ],
      neu: ['La fotocamera fa il suo lavoro, niente di più.'],
    },
    performance: {
      pos: [
        'Le prestazioni sono ottime, tutto fila liscio.',
        'Molto veloce e potente.',
        '[kitchen] Motore potente, non si ferma davanti a niente.',
        '[smartphones] Sempre veloce, anche con tante app aperte.',
      ],
      neg: [
        'È lento e fatica anche con le operazioni più semplici.',
        '[smartphones] Diventa lento quando si cambia app.',
        'Prestazioni deludenti, poco potente.',
        '[kitchen] Troppo lento, devo ripetere tutto due volte.',
      ],
      neu: [
        'Prestazioni nella media della categoria.',
        'Abbastanza veloce per tutti i giorni.',
        '[kitchen] Il motore da {watts} W offre prestazioni discrete.',
      ],
    },
    noise: {
      pos: [
        'Sorprendentemente silenzioso, lo accendo anche di notte.',
        'Molto meno rumoroso del mio vecchio apparecchio.',
        'Il rumore si sente appena.',
      ],
      neg: [
        'Estremamente rumoroso, non si sente più la TV.',
        'Fa troppo rumore per un appartamento piccolo.',
        'Emette un fischio acuto, un rumore insopportabile.',
      ],
      neu: ['Il livello di rumore è normale per questo tipo di apparecchio.'],
    },
    cleaning: {
      pos: [
        '[kitchen] Facilissimo da pulire, si smonta tutto.',
        '[kitchen] I pezzi vanno in lavastoviglie, una comodità.',
        'La pulizia richiede un minuto.',
        '[home] La pulizia dei pavimenti è impeccabile a ogni passaggio.',
      ],
      neg: [
        '[kitchen] Un incubo da pulire, il cibo si incastra ovunque.',
        '[kitchen] Non va in lavastoviglie, una seccatura.',
        '[home] Lascia polvere negli angoli, la pulizia è approssimativa.',
        '[kitchen] Difficile da pulire intorno alle guarnizioni.',
      ],
      neu: ['[kitchen] Preferisco lavare i pezzi a mano.', '[home] Bisogna pulire il filtro spesso.'],
    },
    size_fit: {
      pos: [
        'Taglia regolare, ho preso il mio solito {size} e calzano perfettamente.',
        'La vestibilità è perfetta, né strette né larghe.',
        'Il {size} mi calza esattamente come le mie altre scarpe.',
      ],
      neg: [
        'Vestono piccole, prendete una taglia in più.',
        'Troppo strette per i miei piedi.',
        'Mi stanno grandi, il tallone esce.',
      ],
      neu: ['Porto il {size} e ho preso la stessa taglia.'],
    },
    material: {
      pos: [
        '[shoes] La pelle è morbida e profuma.',
        '[shoes] Materiali buoni, le cuciture sono curate.',
        '[toys] La plastica è spessa e sicura per i più piccoli.',
        '[home] La plastica sembra robusta.',
      ],
      neg: [
        'Il materiale sembra scadente e sottile.',
        '[shoes] Una cucitura si è scucita dopo {w} settimane.',
        '[shoes] La suola è dura come un sasso.',
        '[toys] La plastica ha un forte odore chimico.',
      ],
      neu: [
        '[shoes] Il tessuto è una rete sintetica.',
        '[shoes] Suola in gomma, nella norma.',
        '[home,toys] Il materiale è per lo più plastica, niente di speciale.',
      ],
    },
    fun: {
      pos: [
        'Mio figlio di {age} anni lo adora e ci gioca ogni giorno.',
        'Molto divertente per tutta la famiglia.',
        'I bambini ci giocano per ore.',
      ],
      neg: [
        "Noioso dopo dieci minuti, mio figlio non l'ha più toccato.",
        'Poco divertente, i bambini si sono stufati subito.',
        "Mia figlia l'ha trovato noioso.",
      ],
      neu: ['I bambini dai {age} anni in su possono giocare da soli.'],
    },
  },
  openers: [
    'Comprato per mio figlio.',
    'Regalo per la mia compagna.',
    "Ce l'ho da {n} mesi.",
    'Ordinato dopo aver letto molte recensioni.',
    'Sostituisce il mio vecchio apparecchio.',
    'Preso in offerta.',
  ],
  closers: {
    pos: ['Lo ricomprerei.', 'Consigliatissimo!', "Molto soddisfatto dell'acquisto."],
    neg: ['Non lo consiglio.', 'Lo restituisco.', 'Nel complesso molto deluso.', 'Da evitare.'],
    neu: ['Vedremo quanto dura.', 'Fa il suo dovere.'],
  },
  titles: {
    pos: ['Molto soddisfatto', 'Ottimo acquisto', 'Consigliato'],
    neg: ['Deluso', 'Da evitare', 'Una delusione'],
    neu: ['Discreto', 'Sensazioni contrastanti', 'Nella media'],
  },
  short: { pos: ['Bene.', 'Ottimo!', '👍'], neg: ['Pessimo.', '👎'], neu: ['ok', 'Così così.'] },
  emailTemplates: ['Per domande scrivetemi a {email}.', 'La mia mail: {email}.'],
  phoneTemplates: ['Vendo il mio, chiamate il {phone}.', 'Contattatemi al {phone}.'],
  profanity: {
    pos: [['Cazzo', 'Cazzo, che spettacolo.']],
    neg: [
      ['merda', 'Che merda.'],
      ['Cazzo', 'Cazzo, che delusione.'],
    ],
  },
  and: ' e ',
  productTypes: {
    headphones: ['Cuffie wireless in-ear', 'Cuffie over-ear', 'Cuffie con cancellazione del rumore'],
    smartphones: ['Smartphone 128 GB', 'Smartphone 5G 256 GB', 'Smartphone compatto'],
    kitchen: ['Bollitore elettrico 1,7 L', 'Frullatore 1200 W', 'Robot da cucina'],
    shoes: ['Scarpe da running', 'Sneakers in pelle', 'Scarpe da trekking'],
    toys: ['Auto radiocomandata', 'Trenino in legno', 'Set di mattoncini'],
    home: ['Robot aspirapolvere', 'Robot aspirapolvere lavapavimenti', 'Robot aspirapolvere con stazione'],
  },
  firstNames: ['giulia', 'marco', 'francesca', 'luca', 'chiara', 'matteo', 'sara', 'andrea'],
  lastNames: ['rossi', 'russo', 'ferrari', 'esposito', 'bianchi', 'romano'],
  formatPrice: (euros) => `${euros},99 €`,
};
