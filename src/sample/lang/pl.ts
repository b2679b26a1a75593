import type { LanguagePack } from './types.js';

/** Polish phrase tables. Every aspect sentence carries one of the aspect's Polish stems. */
export const PL: LanguagePack = {
  language: 'pl',
  aspects: {
    quality: {
      pos: [
        'Jakość wykonania jest świetna, wszystko wydaje się solidne.',
        'Bardzo solidny, po {n} miesiącach codziennego używania jak nowy.',
        'Jakość bez zarzutu, nic nie trzeszczy.',
      ],
      neg: [
        'Jakość rozczarowuje, plastik trzeszczy ze wszystkich stron.',
        'Sprawia wrażenie tandety, boję się, że się rozpadnie.',
        'Po {w} tygodniach coś już się zepsuło.',
        'Niezbyt wytrzymały, szkoda.',
      ],
      neu: ['Jakość jest w porządku, nic specjalnego.', 'Wykonanie przeciętne jak na tę półkę.'],
    },
    price: {
      pos: [
        'Świetny stosunek jakości do ceny.',
        'Za {price} naprawdę warto, cena bez konkurencji.',
        'Bardzo tani jak na to, co oferuje.',
      ],
      neg: [
        'Zdecydowanie za drogi jak na to, co oferuje.',
        'Nie jest wart tych pieniędzy.',
        'Za {price} spodziewałem się znacznie więcej, cena nie jest uzasadniona.',
      ],
      neu: ['Cena jest rozsądna.', 'Kupiłem w promocji za {price}, cena normalna.'],
    },
    delivery: {
      pos: [
        'Dostawa błyskawiczna, paczka dotarła w {d} dni.',
        'Dobrze zapakowane, doszło bez uszkodzeń.',
        'Przesyłka dotarła dzień wcześniej.',
      ],
      neg: [
        'Dostawa trwała prawie miesiąc.',
        'Paczka dotarła uszkodzona, karton był zgnieciony.',
        'Opakowanie było rozerwane i brakowało akcesoriów.',
      ],
      neu: ['Dotarło w przewidzianym terminie.', 'Przesyłka w zwykłym kartonie.'],
    },
    ease_of_use: {
      pos: [
        'Bardzo łatwy w obsłudze, nawet moi rodzice sobie radzą.',
        'Instalacja zajęła mniej niż pięć minut.',
        'Bardzo intuicyjny, nawet nie zaglądałem do instrukcji.',
      ],
      neg: [
        'Instrukcja jest bezużyteczna i źle przetłumaczona.',
        'Instalacja jest zbyt skomplikowana.',
        'Obsługa wcale nie jest intuicyjna, musiałem oglądać filmiki.',
      ],
      neu: ['Instrukcja jest krótka, ale wyjaśnia podstawy.', 'Obsługa standardowa, nic szczególnego.'],
    },
    design: {
      pos: [
        'Piękny design, na żywo wygląda jeszcze lepiej.',
        'Kolor jest śliczny i całość wygląda elegancko.',
        'Bardzo ładny, nowoczesny wygląd.',
      ],
      neg: [
        'Design jest szczerze mówiąc brzydki.',
        'Kolor jest znacznie bledszy niż na stronie.',
        'Wygląda topornie i staroświecko.',
      ],
      neu: [
        'Prosty design, nic szczególnego.',
        'Kolor to neutralny ciemnoszary.',
        '[kitchen,home,toys,headphones] Design kompaktowy, wymiary {dims}.',
      ],
    },
    battery: {
      pos: [
        'Bateria spokojnie wytrzymuje {h} godzin.',
        'Akumulator wytrzymuje cały dzień bez problemu.',
        'Pełne naładowanie trwa niecałą godzinę.',
        '[smartphones] Bateria {mah} mAh wystarcza mi na dwa dni.',
      ],
      neg: [
        'Czas pracy baterii jest tragiczny, nawet pół dnia nie wytrzymuje.',
        'Po {n} miesiącach bateria prawie nie trzyma.',
        'Bateria rozładowuje się błyskawicznie, nawet w trybie czuwania.',
      ],
      neu: ['Bateria wytrzymuje około {h} godzin, tak jak podaje producent.', '[smartphones] Ma baterię {mah} mAh.'],
    },
    sound: {
      pos: [
        'Dźwięk jest czysty i dobrze zbalansowany.',
        'Głęboki bas, który nie zagłusza wokalu.',
        '[headphones] Redukcja szumów świetnie sprawdza się w pociągu.',
      ],
      neg: [
        'Dźwięk jest płaski, a soprany kłują w uszy.',
        'Prawie brak basu, bardzo rozczarowujące.',
        'Audio trzeszczy przy wyższej głośności.',
      ],
      neu: ['Dźwięk wystarcza do podcastów, ale nie dla audiofilów.', 'Przeciętne audio.'],
    },
    comfort: {
      pos: [
        'Bardzo wygodne, mogę je nosić cały dzień.',
        'Komfort świetny, nawet po kilku godzinach.',
        '[shoes] Wygodne od pierwszego dnia.',
      ],
      neg: [
        'Po godzinie robią się niewygodne.',
        '[headphones] Uciskają po bokach i bolą mnie uszy.',
        '[shoes] Obcierają palce, po krótkim spacerze bolą mnie stopy.',
        'Niestety wcale nie są wygodne.',
      ],
      neu: ['Komfort jest akceptowalny na krótko.'],
    },
    connectivity: {
      pos: [
        '[headphones,smartphones] Parowanie przez Bluetooth jest natychmiastowe, a połączenie stabilne.',
        '[headphones] Połączenie z telefonem nawiązuje się automatycznie za każdym razem.',
        '[home] Z wifi połączył się za pierwszym razem.',
      ],
      neg: [
        '[headphones,smartphones] Połączenie Bluetooth ciągle się zrywa.',
        'Parowanie co drugi raz się nie udaje.',
        '[home] Ciągle gubi sygnał wifi.',
      ],
      neu: ['[headphones,smartphones] Ma Bluetooth 5.3.', 'Połączenie ma zasięg około dziesięciu metrów.'],
    },
    screen: {
      pos: [
        'Ekran jest jasny i bardzo ostry, nawet na zewnątrz.',
        'Piękny wyświetlacz z żywymi kolorami.',
        'Ekran to najmocniejsza strona tego telefonu.',
      ],
      neg: [
        'Ekran jest zbyt ciemny w słońcu.',
        'Ekran bardzo łatwo się rysuje.',
        'Rozczarowujący wyświetlacz, kolory są wyblakłe.',
      ],
      neu: ['Ekran ma 6,5 cala, dość standardowo.'],
    },
    camera: {
      pos: [
        'Aparat robi świetne zdjęcia w dzień.',
        'Zdjęcia są ostre i mają naturalne kolory.',
        'Bardzo dobry aparat, nawet zoom jest użyteczny.',
      ],
      neg: [
        'Aparat słabo radzi sobie przy słabym świetle.',
        'Zdjęcia są rozmazane i przeostrzone.',
        'Aplikacja aparatu jest powolna, a zdjęcia zaszumione.',
      ],
      neu: ['Aparat jest poprawny, nic więcej.'],
    },
    performance: {
      pos: [
        'Wydajność jest świetna, wszystko działa płynnie.',
        'Bardzo szybki i mocny.',
        '[kitchen] Mocny silnik, daje radę ze wszystkim.',
        '[smartphones] Zawsze szybki, nawet z wieloma otwartymi aplikacjami.',
      ],
      neg: [
        'Jest wolny i męczy się przy prostych zadaniach.',
        '[smartphones] Robi się wolny przy przełączaniu aplikacji.',
        'Wydajność rozczarowuje, brakuje mocy.',
        '[kitchen] Zdecydowanie za wolny, wszystko muszę robić dwa razy.',
      ],
      neu: [
        'Wydajność przeciętna jak na tę klasę.',
        'Wystarczająco szybki na co dzień.',
        '[kitchen] Silnik {watts} W zapewnia przyzwoitą wydajność.',
      ],
    },
    noise: {
      pos: [
        'Zaskakująco cichy, mogę go włączać w nocy.',
        'Znacznie cichszy niż mój stary sprzęt.',
        'Pracuje bardzo cicho, prawie go nie słychać.',
      ],
      neg: [
        'Strasznie głośny, nie słychać telewizora.',
        'Za dużo hałasu jak na małe mieszkanie.',
        'Wydaje wysoki pisk, który doprowadza do szału, straszny hałas.',
      ],
      neu: ['Głośność pracy taka jak w innych urządzeniach tego typu.'],
    },
    cleaning: {
      pos: [
        '[kitchen] Czyszczenie to chwila, wszystko się rozkłada.',
        '[kitchen] Części nadają się do zmywarki, bardzo praktyczne.',
        'Mycie zajmuje minutę.',
        '[home] Czyszczenie podłóg jest dokładne przy każdym przejeździe.',
      ],
      neg: [
        '[kitchen] Czyszczenie to koszmar, jedzenie wszędzie się zakleszcza.',
        '[kitchen] Nie nadaje się do zmywarki, to uciążliwe.',
        '[home] Zostawia kurz w rogach, czyszczenie jest byle jakie.',
        '[kitchen] Trudno umyć okolice uszczelek.',
      ],
      neu: ['[kitchen] Części wolę umyć ręcznie.', '[home] Filtr wymaga regularnego czyszczenia.'],
    },
    size_fit: {
      pos: [
        'Rozmiar standardowy, wziąłem swój zwykły {size} i pasują idealnie.',
        'Rozmiarówka idealna, ani za wąskie, ani za szerokie.',
        'Rozmiar {size} pasuje dokładnie jak w moich innych butach.',
      ],
      neg: [
        'Są za małe, lepiej zamówić rozmiar większy.',
        'Zdecydowanie za wąskie na moją stopę.',
        'Za duże, pięta wyskakuje przy każdym kroku.',
      ],
      neu: ['Noszę rozmiar {size} i wziąłem ten sam.'],
    },
    material: {
      pos: [
        '[shoes] Skóra jest miękka i przyjemnie pachnie.',
        '[shoes] Dobry materiał, szwy są starannie wykończone.',
        '[toys] Plastik jest gruby i bezpieczny dla maluchów.',
        '[home] Plastik wydaje się solidny.',
      ],
      neg: [
        'Materiał wydaje się cienki i słaby.',
        '[shoes] Po {w} tygodniach puściły szwy.',
        '[shoes] Podeszwa jest twarda jak kamień.',
        '[toys] Plastik intensywnie śmierdzi chemią.',
      ],
      neu: [
        '[shoes] Materiał to syntetyczna siatka.',
        '[shoes] Podeszwa gumowa, standard.',
        '[home,toys] Materiał to głównie plastik, nic szczególnego.',
      ],
    },
    fun: {
      pos: [
        'Mój {age}-letni syn uwielbia tę zabawkę i bawi się nią codziennie.',
        'Świetna zabawa dla całej rodziny.',
        'Dzieci bawią się nią godzinami.',
      ],
      neg: [
        'Nudne po dziesięciu minutach, syn więcej tego nie dotknął.',
        'Mało zabawy, dzieci szybko straciły zainteresowanie.',
        'Córka uznała, że to nudne.',
      ],
      neu: ['Dzieci od {age} lat mogą bawić się same.'],
    },
  },
  openers: [
    'Kupiłem dla syna.',
    'Prezent dla żony.',
    'Używam od {n} miesięcy.',
    'Zamówiłem po przeczytaniu wielu opinii.',
    'Zastąpił mój stary sprzęt.',
    'Kupione na promocji.',
  ],
  closers: {
    pos: ['Kupiłbym ponownie.', 'Polecam!', 'Jestem bardzo zadowolony z zakupu.'],
    neg: ['Nie polecam.', 'Odsyłam.', 'Ogólnie wielkie rozczarowanie.', 'Szkoda zachodu.'],
    neu: ['Zobaczymy, jak długo wytrzyma.', 'Spełnia swoje zadanie.'],
  },
  titles: {
    pos: ['Polecam', 'Bardzo dobry zakup', 'Jestem zadowolony'],
    neg: ['Rozczarowanie', 'Nie polecam', 'Szkoda nerwów'],
    neu: ['Przeciętny', 'Mieszane uczucia', 'Może być'],
  },
  short: { pos: ['Dobre.', 'Super!', '👍'], neg: ['Słabe.', '👎'], neu: ['ok', 'Może być.'] },
  emailTemplates: ['W razie pytań piszcie na {email}.', 'Mój mail: {email}.'],
  phoneTemplates: ['Sprzedam swój, dzwońcie pod {phone}.', 'Kontakt: {phone}.'],
  profanity: {
    pos: [['Kurwa', 'Kurwa, ale to jest dobre.']],
    neg: [
      ['Kurwa', 'Kurwa, co za rozczarowanie.'],
      ['Cholera', 'Cholera, szkoda nerwów.'],
    ],
  },
  and: ' i ',
  productTypes: {
    headphones: ['Słuchawki bezprzewodowe douszne', 'Słuchawki nauszne', 'Słuchawki z redukcją szumów'],
    smartphones: ['Smartfon 128 GB', 'Smartfon 5G 256 GB', 'Kompaktowy smartfon'],
    kitchen: ['Czajnik elektryczny 1,7 l', 'Blender 1200 W', 'Robot kuchenny'],
    shoes: ['Buty do biegania', 'Skórzane sneakersy', 'Buty trekkingowe'],
    toys: ['Samochód zdalnie sterowany', 'Drewniana kolejka', 'Zestaw klocków'],
    home: ['Robot sprzątający', 'Robot odkurzająco-mopujący', 'Robot sprzątający ze stacją'],
  },
  firstNames: ['kasia', 'piotr', 'agnieszka', 'tomasz', 'magda', 'pawel', 'ola', 'marcin'],
  lastNames: ['nowak', 'kowalski', 'wisniewska', 'wojcik', 'kaminski', 'lewandowska'],
  formatPrice: (euros) => `${Math.round(euros * 4.3)} zł`,
};
