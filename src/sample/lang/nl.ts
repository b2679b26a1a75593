import type { LanguagePack } from './types.js';

/** Dutch phrase tables. Every aspect sentence carries one of the aspect's Dutch stems. */
export const NL: LanguagePack = {
  language: 'nl',
  aspects: {
    quality: {
      pos: [
        'De bouwkwaliteit is uitstekend, alles voelt stevig aan.',
        'Heel degelijk: na {n} maanden nog als nieuw.',
        'De kwaliteit is top, er rammelt niets.',
      ],
      neg: [
        'De kwaliteit valt tegen, het plastic kraakt overal.',
        'Voelt erg fragiel aan, ik ben bang dat het breekt.',
        'Na {w} weken was er al iets kapot.',
        'Helemaal niet stevig, jammer.',
      ],
      neu: ['De kwaliteit is redelijk, niets bijzonders.', 'Bouw is gemiddeld voor dit segment.'],
    },
    price: {
      pos: [
        'Prima prijs-kwaliteitverhouding.',
        'Voor {price} is het echt zijn geld waard.',
        'Heel goedkoop voor wat je krijgt.',
      ],
      neg: [
        'Veel te duur voor wat het is.',
        'Het is het geld niet waard.',
        'Voor {price} had ik veel meer verwacht, de prijs is niet terecht.',
      ],
      neu: ['De prijs is redelijk.', 'Ik heb {price} betaald in de aanbieding, een normale prijs.'],
    },
    delivery: {
      pos: [
        'Levering ging vlot, binnen {d} dagen in huis.',
        'Goed verpakt en zonder schade bezorgd.',
        'Het pakket kwam zelfs een dag eerder.',
      ],
      neg: [
        'Op de levering moest ik bijna {w} weken wachten.',
        'Het pakket kwam beschadigd aan, de doos was geplet.',
        'De verpakking was gescheurd en er ontbrak een onderdeel.',
      ],
      neu: ['Op de verwachte datum bezorgd.', 'Verzending in een eenvoudige kartonnen doos.'],
    },
    ease_of_use: {
      pos: [
        'Heel makkelijk te bedienen, zelfs mijn ouders snappen het.',
        'De installatie was in vijf minuten klaar.',
        'Heel intuïtief, de handleiding heb ik niet eens nodig gehad.',
      ],
      neg: [
        'De handleiding is nutteloos en slecht vertaald.',
        'De installatie is veel te ingewikkeld.',
        'Helemaal niet intuïtief, ik moest filmpjes kijken.',
      ],
      neu: ['De handleiding is kort maar volstaat.', 'Het gebruik is standaard, niets bijzonders.'],
    },
    design: {
      pos: [
        'Prachtig ontwerp, in het echt nog mooier.',
        'De kleur is prachtig en het ziet er chic uit.',
        'Strak en mooi design.',
      ],
      neg: [
        'Het ontwerp is eerlijk gezegd lelijk.',
        'De kleur is veel fletser dan op de site.',
        'Het uiterlijk is log en gedateerd.',
      ],
      neu: [
        'Eenvoudig ontwerp, niets bijzonders.',
        'De kleur is een neutraal donkergrijs.',
        '[kitchen,home,toys,headphones] Het ontwerp is compact, het meet {dims}.',
      ],
    },
    battery: {
      pos: [
        'De batterij houdt het makkelijk {h} uur vol.',
        'De accu gaat de hele dag mee.',
        'Binnen een uur volledig opgeladen.',
        '[smartphones] Met de batterij van {mah} mAh kom ik twee dagen rond.',
      ],
      neg: [
        'De batterijduur is dramatisch, nog geen halve dag.',
        'Na {n} maanden houdt de accu het nauwelijks nog vol.',
        'De batterij loopt razendsnel leeg, zelfs in stand-by.',
      ],
      neu: [
        'De batterij gaat ongeveer {h} uur mee, zoals opgegeven.',
        '[smartphones] Er zit een batterij van {mah} mAh in.',
      ],
    },
    sound: {
      pos: [
        'Het geluid is helder en goed gebalanceerd.',
        'Diepe bas zonder dat de stemmen verdwijnen.',
        '[headphones] De ruisonderdrukking werkt verrassend goed in de trein.',
      ],
      neg: [
        'Het geluid is dof en de hoge tonen schuren.',
        'Nauwelijks bas, erg teleurstellend.',
        'De audio kraakt op hoog volume.',
      ],
      neu: ['Het geluid is prima voor podcasts, niet voor audiofielen.', 'Gemiddelde audio.'],
    },
    comfort: {
      pos: [
        'Zit lekker, ik kan ze de hele dag dragen.',
        'Het comfort is uitstekend, ook na uren.',
        '[shoes] Vanaf de eerste dag comfortabel.',
      ],
      neg: [
        'Na een uur worden ze oncomfortabel.',
        '[headphones] Het knelt aan de zijkant en mijn oren doen pijn.',
        '[shoes] Knelt bij de tenen, na een korte wandeling doen mijn voeten pijn.',
        'Helemaal niet comfortabel, helaas.',
      ],
      neu: ['Het comfort is acceptabel voor korte tijd.'],
    },
    connectivity: {
      pos: [
        '[headphones,smartphones] Koppelen via Bluetooth gaat direct en de verbinding is stabiel.',
        '[headphones] Verbindt elke keer automatisch met mijn telefoon.',
        '[home] In één keer verbonden met de wifi.',
      ],
      neg: [
        '[headphones,smartphones] De Bluetooth-verbinding valt constant weg.',
        'Koppelen mislukt de helft van de keren.',
        '[home] Verliest steeds het wifi-signaal.',
      ],
      neu: ['[headphones,smartphones] Werkt met Bluetooth 5.3.', 'De verbinding reikt ongeveer tien meter.'],
    },
    screen: {
      pos: [
        'Het scherm is helder en haarscherp, ook buiten.',
        'Prachtig display met levendige kleuren.',
        'Het scherm is het hoogtepunt van deze telefoon.',
      ],
      neg: [
        'Het scherm is te donker in de zon.',
        'Het scherm krast heel makkelijk.',
        'Teleurstellend display, de kleuren zijn flets.',
      ],
      neu: ['Het scherm is 6,5 inch, vrij standaard.'],
    },
    camera: {
      pos: [
        "De camera maakt overdag prachtige foto's.",
        "Foto's zijn scherp met natuurlijke kleuren.",
        'Uitstekende camera, zelfs de zoom is bruikbaar.',
      ],
      neg: [
        'De camera is slecht bij weinig licht.',
        "Foto's zijn wazig en overbewerkt.",
        "De camera-app is traag en de foto's zijn korrelig.",
      ],
      neu: ['De camera is oké, meer niet.'],
    },
    performance: {
      pos: [
        'De prestaties zijn uitstekend, alles loopt soepel.',
        'Heel snel en krachtig.',
        '[kitchen] Krachtige motor, hij kan alles aan.',
        '[smartphones] Altijd snel, ook met veel apps open.',
      ],
      neg: [
        'Het is traag en heeft moeite met simpele taken.',
        '[smartphones] Wordt traag bij het wisselen van apps.',
        'Teleurstellende prestaties, niet krachtig genoeg.',
        '[kitchen] Veel te traag, ik moet alles twee keer doen.',
      ],
      neu: [
        'Prestaties zijn gemiddeld voor deze klasse.',
        'Snel genoeg voor elke dag.',
        '[kitchen] De motor van {watts} W levert redelijke prestaties.',
      ],
    },
    noise: {
      pos: [
        "Verrassend stil, ik laat hem 's nachts draaien.",
        'Veel stiller dan mijn oude apparaat.',
        'Je hoort hem nauwelijks, heel stil.',
      ],
      neg: [
        'Extreem luid, je verstaat de tv niet meer.',
        'Veel te veel lawaai voor een klein appartement.',
        'Maakt een hoge piep, echt herrie.',
      ],
      neu: ['Ongeveer net zo luid als andere apparaten van dit type.'],
    },
    cleaning: {
      pos: [
        '[kitchen] Schoonmaken is een fluitje van een cent, alles gaat uit elkaar.',
        '[kitchen] De onderdelen kunnen in de vaatwasser, erg handig.',
        'Reinigen kost maar een minuut.',
        '[home] Schoonmaken doet hij grondig, zelfs onder de bank.',
      ],
      neg: [
        '[kitchen] Schoonmaken is een nachtmerrie, er blijft overal eten hangen.',
        '[kitchen] Kan niet in de vaatwasser, erg onhandig.',
        '[home] Hij laat vuil in de hoeken liggen, het schoonmaken stelt niets voor.',
        '[kitchen] Lastig te reinigen rond de afdichtingen.',
      ],
      neu: [
        '[kitchen] Ik doe de onderdelen liever met de afwas mee.',
        '[home] Het filter moet je regelmatig reinigen.',
      ],
    },
    size_fit: {
      pos: [
        'Valt normaal, ik nam mijn gewone maat {size} en ze passen perfect.',
        'De pasvorm is perfect, niet te smal en niet te breed.',
        'Maat {size} past precies zoals mijn andere schoenen.',
      ],
      neg: [
        'Ze vallen klein, bestel een maat groter.',
        'Veel te smal voor mijn voeten.',
        'De pasvorm is slecht, mijn hiel schiet eruit.',
      ],
      neu: ['Ik draag normaal maat {size} en heb dezelfde genomen.'],
    },
    material: {
      pos: [
        '[shoes] Het leer is zacht en ruikt lekker.',
        '[shoes] Goed materiaal, de naden zijn netjes afgewerkt.',
        '[toys] Het plastic is dik en veilig voor kleintjes.',
        '[home] Het plastic voelt stevig aan.',
      ],
      neg: [
        'Het materiaal voelt dun en minderwaardig aan.',
        '[shoes] Na {w} weken liet er al een naad los.',
        '[shoes] De zool is keihard.',
        '[toys] Het plastic ruikt sterk naar chemicaliën.',
      ],
      neu: [
        '[shoes] Het materiaal is een synthetische mesh.',
        '[shoes] Rubberen zool, heel standaard.',
        '[home,toys] Het materiaal is vooral plastic, niets bijzonders.',
      ],
    },
    fun: {
      pos: [
        'Mijn zoon van {age} vindt het geweldig en speelt er elke dag mee.',
        'Heel leuk voor het hele gezin.',
        'De kinderen spelen er uren mee.',
      ],
      neg: [
        'Na tien minuten saai, mijn zoon heeft het nooit meer aangeraakt.',
        'Niet zo leuk, de kinderen verloren snel hun interesse.',
        'Mijn dochter vond het saai.',
      ],
      neu: ['Kinderen vanaf {age} jaar kunnen er alleen mee spelen.'],
    },
  },
  openers: [
    'Gekocht voor mijn zoon.',
    'Cadeau voor mijn vriendin.',
    'Ik heb het nu {n} maanden.',
    'Besteld na het lezen van veel reviews.',
    'Vervangt mijn oude apparaat.',
    'In de aanbieding gekocht.',
  ],
  closers: {
    pos: ['Zou het zo weer kopen.', 'Echt een aanrader!', 'Heel tevreden met deze aankoop.'],
    neg: ['Geen aanrader.', 'Gaat retour.', 'Over het geheel erg teleurgesteld.', 'Niet kopen.'],
    neu: ['We zullen zien hoe lang het meegaat.', 'Doet wat het moet doen.'],
  },
  titles: {
    pos: ['Heel tevreden', 'Aanrader', 'Top aankoop'],
    neg: ['Teleurgesteld', 'Geen aanrader', 'Niet kopen'],
    neu: ['Redelijk', 'Gemengde gevoelens', 'Gemiddeld'],
  },
  short: { pos: ['Goed.', 'Top!', '👍'], neg: ['Slecht.', '👎'], neu: ['ok', 'Gaat wel.'] },
  emailTemplates: ['Vragen? Mail me op {email}.', 'Mijn e-mail: {email}.'],
  phoneTemplates: ['Ik verkoop de mijne, bel {phone}.', 'Bereikbaar op {phone}.'],
  profanity: {
    pos: [['verdomme', 'Dit is verdomme goed.']],
    neg: [
      ['kut', 'Echt kut, dit.'],
      ['Verdomme', 'Verdomme, wat een gedoe.'],
    ],
  },
  and: ' en ',
  productTypes: {
    headphones: ['Draadloze oordopjes', 'Over-ear koptelefoon', 'Koptelefoon met ruisonderdrukking'],
    smartphones: ['Smartphone 128 GB', '5G-smartphone 256 GB', 'Compacte smartphone'],
    kitchen: ['Waterkoker 1,7 L', 'Blender 1200 W', 'Keukenmachine'],
    shoes: ['Hardloopschoenen', 'Leren sneakers', 'Wandelschoenen'],
    toys: ['Op afstand bestuurbare auto', 'Houten treinset', 'Bouwstenenset'],
    home: ['Robotstofzuiger', 'Robotstofzuiger met dweilfunctie', 'Robotstofzuiger met basisstation'],
  },
  firstNames: ['sanne', 'daan', 'lotte', 'bram', 'femke', 'joris', 'anouk', 'thijs'],
  lastNames: ['dejong', 'jansen', 'visser', 'bakker', 'smit', 'meijer'],
  formatPrice: (euros) => `€ ${euros},95`,
};
