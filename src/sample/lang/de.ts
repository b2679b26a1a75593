import type { LanguagePack } from './types.js';

/** German phrase tables. Every aspect sentence carries one of the aspect's German stems. */
export const DE: LanguagePack = {
  language: 'de',
  aspects: {
    quality: {
      pos: [
        'Die Verarbeitung ist top, alles wirkt sehr hochwertig.',
        'Sehr stabil, nach {n} Monaten täglicher Nutzung noch wie neu.',
        'Die Qualität ist hervorragend, da wackelt nichts.',
      ],
      neg: [
        'Die Verarbeitung ist leider schlecht, überall knarzt das Plastik.',
        'Wirkt sehr wackelig, als würde es gleich auseinanderfallen.',
        'Nach {w} Wochen war schon etwas kaputt.',
        'Die Qualität ist leider nicht gut.',
      ],
      neu: [
        'Die Verarbeitung ist okay, nichts Besonderes.',
        'Die Qualität ist so, wie man es in dieser Klasse erwartet.',
      ],
    },
    price: {
      pos: [
        'Für {price} ein super Preis-Leistungs-Verhältnis.',
        'Das Geld ist es absolut wert.',
        'Sehr günstig für das, was man bekommt.',
      ],
      neg: [
        'Viel zu teuer für das, was man bekommt.',
        'Das ist sein Geld nicht wert.',
        'Für {price} hätte ich deutlich mehr erwartet, der Preis ist nicht gerechtfertigt.',
      ],
      neu: ['Der Preis ist in Ordnung.', 'Der Preis lag im Angebot bei {price}.'],
    },
    delivery: {
      pos: [
        'Die Lieferung war super schnell, nach {d} Tagen war es da.',
        'Gut verpackt und unbeschädigt angekommen.',
        'Der Versand lief reibungslos, das Paket kam sogar einen Tag früher.',
      ],
      neg: [
        'Die Lieferung hat fast {w} Wochen gedauert.',
        'Das Paket kam beschädigt an, der Karton war völlig eingedrückt.',
        'Die Verpackung war aufgerissen und es fehlte Zubehör.',
      ],
      neu: ['Die Lieferung kam pünktlich.', 'Der Versand erfolgte in einem schlichten Karton.'],
    },
    ease_of_use: {
      pos: [
        'Die Bedienung ist super einfach.',
        'Die Einrichtung dauerte keine fünf Minuten.',
        'Sehr intuitiv, die Anleitung habe ich gar nicht gebraucht.',
      ],
      neg: [
        'Die Anleitung ist nutzlos und schlecht übersetzt.',
        'Die Einrichtung ist viel zu kompliziert.',
        'Die Bedienung ist überhaupt nicht intuitiv.',
      ],
      neu: ['Die Anleitung ist kurz, erklärt aber das Nötigste.', 'Die Bedienung ist Standard.'],
    },
    design: {
      pos: [
        'Das Design ist wunderschön, in echt sieht es noch besser aus.',
        'Die Farbe ist toll und es wirkt sehr schick.',
        'Elegantes Design, gefällt mir sehr.',
      ],
      neg: [
        'Das Design ist ehrlich gesagt hässlich.',
        'Die Farbe ist viel blasser als beschrieben.',
        'Sieht klobig und altmodisch aus.',
      ],
      neu: [
        'Das Design ist schlicht, nichts Besonderes.',
        'Die Farbe ist ein neutrales Dunkelgrau.',
        '[kitchen,home,toys,headphones] Das Design ist kompakt, es misst {dims}.',
      ],
    },
    battery: {
      pos: [
        'Der Akku hält locker {h} Stunden.',
        'Die Akkulaufzeit ist fantastisch, ich muss kaum laden.',
        'Ist nach einer Stunde voll aufgeladen.',
        '[smartphones] Der {mah}-mAh-Akku bringt mich locker durch zwei Tage.',
      ],
      neg: [
        'Die Akkulaufzeit ist katastrophal, nach einem halben Tag ist Schluss.',
        'Nach {n} Monaten hält der Akku kaum noch.',
        'Der Akku ist selbst im Standby viel zu schnell leer.',
      ],
      neu: ['Der Akku hält etwa {h} Stunden, wie angegeben.', '[smartphones] Verbaut ist ein {mah}-mAh-Akku.'],
    },
    sound: {
      pos: [
        'Der Klang ist klar und ausgewogen.',
        'Satter Bass, ohne dass die Stimmen untergehen.',
        '[headphones] Die Geräuschunterdrückung funktioniert im Zug erstaunlich gut.',
      ],
      neg: [
        'Der Sound ist dumpf und die Höhen klirren.',
        'Kaum Bass, sehr enttäuschend.',
        'Der Ton knistert bei höherer Lautstärke.',
      ],
      neu: ['Der Klang reicht für Podcasts, für Musikliebhaber eher nicht.', 'Der Sound ist durchschnittlich.'],
    },
    comfort: {
      pos: [
        'Sehr bequem, ich kann sie den ganzen Tag tragen.',
        'Super Komfort, auch nach Stunden.',
        '[shoes] Von Anfang an bequem, kein Einlaufen nötig.',
      ],
      neg: [
        'Nach einer Stunde werden sie unbequem.',
        '[headphones] Sie drücken an den Ohren.',
        '[shoes] Sie drücken an den Zehen, nach kurzer Zeit tun die Füße weh.',
        'Leider überhaupt nicht bequem.',
      ],
      neu: ['Für kurze Zeit ist der Komfort okay.'],
    },
    connectivity: {
      pos: [
        '[headphones,smartphones] Die Bluetooth-Kopplung klappt sofort und die Verbindung hält.',
        '[headphones] Verbindet sich jedes Mal automatisch mit meinem Handy.',
        '[home] Ins WLAN kam es beim ersten Versuch.',
      ],
      neg: [
        '[headphones,smartphones] Die Bluetooth-Verbindung bricht ständig ab.',
        'Die Kopplung klappt nur jedes zweite Mal.',
        '[home] Verliert ständig das WLAN-Signal.',
      ],
      neu: ['[headphones,smartphones] Nutzt Bluetooth 5.3.', 'Die Verbindung reicht etwa zehn Meter.'],
    },
    screen: {
      pos: [
        'Das Display ist hell und gestochen scharf.',
        'Toller Bildschirm, auch draußen gut ablesbar.',
        'Das Display ist ein echtes Highlight.',
      ],
      neg: [
        'Das Display ist in der Sonne viel zu dunkel.',
        'Der Bildschirm verkratzt sehr leicht.',
        'Kein gutes Display, die Farben wirken blass.',
      ],
      neu: ['Das Display misst 6,5 Zoll, ganz normal.'],
    },
    camera: {
      pos: [
        'Die Kamera macht bei Tageslicht tolle Fotos.',
        'Die Bilder sind scharf und natürlich.',
        'Super Kamera, sogar der Zoom ist brauchbar.',
      ],
      neg: [
        'Die Kamera ist bei wenig Licht schlecht.',
        'Fotos wirken verwaschen und überschärft.',
        'Die Kamera-App ist träge und die Bilder sind verrauscht.',
      ],
      neu: ['Die Kamera ist ordentlich, mehr nicht.'],
    },
    performance: {
      pos: [
        'Die Leistung ist top, alles läuft flüssig.',
        'Sehr schnell und leistungsstark.',
        '[kitchen] Der Motor hat ordentlich Leistung.',
        '[smartphones] Nichts ruckelt, auch mit vielen offenen Apps.',
      ],
      neg: [
        'Es ist langsam und kommt selbst mit einfachen Aufgaben kaum klar.',
        '[smartphones] Beim App-Wechsel ruckelt es ständig.',
        'Die Leistung ist enttäuschend.',
        '[kitchen] Viel zu langsam, ich muss alles zweimal machen.',
      ],
      neu: [
        'Die Leistung ist für diese Klasse durchschnittlich.',
        'Für den Alltag ist es schnell genug.',
        '[kitchen] Der Motor mit {watts} W bringt ordentliche Leistung.',
      ],
    },
    noise: {
      pos: [
        'Erstaunlich leise, ich kann es nachts laufen lassen.',
        'Viel leiser als mein altes Gerät.',
        'Die Geräusche sind kaum wahrnehmbar.',
      ],
      neg: [
        'Extrem laut, man versteht den Fernseher nicht mehr.',
        'Viel zu laut für eine kleine Wohnung.',
        'Macht ein schrilles Geräusch, das total nervt.',
      ],
      neu: ['Ungefähr so laut wie andere Geräte dieser Art.'],
    },
    cleaning: {
      pos: [
        '[kitchen] Lässt sich super reinigen, alles ist zerlegbar.',
        '[kitchen] Die Teile sind spülmaschinenfest, sehr praktisch.',
        'Die Reinigung dauert nur eine Minute.',
        '[home] Die Böden sind nach jedem Durchgang richtig sauber.',
      ],
      neg: [
        '[kitchen] Die Reinigung ist ein Albtraum, überall bleiben Essensreste hängen.',
        '[kitchen] Nicht spülmaschinenfest, das nervt.',
        '[home] In den Ecken bleibt Staub liegen, richtig sauber wird es nicht.',
        '[kitchen] Schwer zu reinigen, vor allem an den Dichtungen.',
      ],
      neu: ['[kitchen] Ich reinige die Teile lieber von Hand.', '[home] Den Filter muss man regelmäßig putzen.'],
    },
    size_fit: {
      pos: [
        'Fällt normal aus, ich habe wie immer Größe {size} genommen und sie sitzen perfekt.',
        'Die Passform ist perfekt, weder zu eng noch zu weit.',
        'Größe {size} passt genau wie bei meinen anderen Schuhen.',
      ],
      neg: [
        'Fallen klein aus, lieber eine Nummer größer bestellen.',
        'Viel zu eng für meine Füße.',
        'Die Passform ist schlecht, die Ferse rutscht heraus.',
      ],
      neu: ['Ich trage sonst Größe {size} und habe die gleiche genommen.'],
    },
    material: {
      pos: [
        '[shoes] Das Leder ist weich und riecht gut.',
        '[shoes] Hochwertiges Material, alle Nähte sind ordentlich.',
        '[toys] Der Kunststoff ist dick und kindersicher.',
        '[home] Der Kunststoff wirkt robust.',
      ],
      neg: [
        'Das Material fühlt sich dünn und minderwertig an.',
        '[shoes] Nach {w} Wochen löste sich die erste Naht.',
        '[shoes] Die Sohle ist hart wie ein Brett.',
        '[toys] Das Plastik riecht stark nach Chemie.',
      ],
      neu: [
        '[shoes] Das Material ist ein synthetisches Mesh.',
        '[shoes] Die Sohle ist aus Gummi, ganz normal.',
        '[home,toys] Das Material ist überwiegend Kunststoff, nichts Ungewöhnliches.',
      ],
    },
    fun: {
      pos: [
        'Mein {age}-jähriger Sohn liebt es und spielt jeden Tag damit.',
        'Großer Spaß für die ganze Familie.',
        'Die Kinder spielen stundenlang damit.',
      ],
      neg: [
        'Nach zehn Minuten langweilig, mein Sohn hat es nie wieder angefasst.',
        'Wenig Spaß, die Kinder verloren schnell das Interesse.',
        'Meine Tochter fand es langweilig.',
      ],
      neu: ['Kinder ab {age} Jahren können allein damit spielen.'],
    },
  },
  openers: [
    'Habe ich für meinen Sohn gekauft.',
    'Als Geschenk für meine Frau bestellt.',
    'Ich nutze es jetzt seit {n} Monaten.',
    'Nach vielen Rezensionen habe ich zugeschlagen.',
    'Ersetzt mein altes Gerät.',
    'Im Angebot gekauft.',
  ],
  closers: {
    pos: ['Würde ich wieder kaufen.', 'Klare Kaufempfehlung!', 'Bin sehr zufrieden.', 'Volle Punktzahl von mir.'],
    neg: ['Nicht zu empfehlen.', 'Geht zurück.', 'Insgesamt sehr enttäuscht.', 'Finger weg!'],
    neu: ['Mal sehen, wie lange es hält.', 'Erfüllt seinen Zweck.'],
  },
  titles: {
    pos: ['Top Produkt', 'Sehr zufrieden', 'Klare Empfehlung'],
    neg: ['Enttäuscht', 'Nicht empfehlenswert', 'Finger weg'],
    neu: ['Ganz okay', 'Gemischte Gefühle', 'Mittelmaß'],
  },
  short: { pos: ['Gut.', 'Super!', '👍'], neg: ['Schrott.', '👎'], neu: ['ok', 'Geht so.'] },
  emailTemplates: ['Bei Fragen schreibt mir an {email}.', 'Meine Mail für Rückfragen: {email}.'],
  phoneTemplates: ['Wer Interesse an meinem zweiten Gerät hat: {phone}.', 'Erreichbar unter {phone}.'],
  profanity: {
    pos: [['Verdammt', 'Verdammt gut gemacht.']],
    neg: [
      ['Scheiße', 'So eine Scheiße.'],
      ['Verdammt', 'Verdammt ärgerlich.'],
    ],
  },
  and: ' und ',
  productTypes: {
    headphones: ['Kabellose Ohrhörer', 'Over-Ear-Kopfhörer', 'Kopfhörer mit Geräuschunterdrückung'],
    smartphones: ['Smartphone 128 GB', '5G-Smartphone 256 GB', 'Kompakt-Smartphone'],
    kitchen: ['Wasserkocher 1,7 l', 'Standmixer 1200 W', 'Küchenmaschine'],
    shoes: ['Laufschuhe', 'Leder-Sneaker', 'Wanderschuhe'],
    toys: ['Ferngesteuertes Auto', 'Holzeisenbahn-Set', 'Bausteine-Set'],
    home: ['Saugroboter', 'Saug- und Wischroboter', 'Saugroboter mit Absaugstation'],
  },
  firstNames: ['anna', 'lukas', 'sabine', 'jonas', 'petra', 'felix', 'julia', 'stefan'],
  lastNames: ['mueller', 'schmidt', 'becker', 'wagner', 'hoffmann', 'krause'],
  formatPrice: (euros) => `${euros},99 €`,
};
