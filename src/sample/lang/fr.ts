import type { LanguagePack } from './types.js';

/** French phrase tables. Every aspect sentence carries one of the aspect's French stems. */
export const FR: LanguagePack = {
  language: 'fr',
  aspects: {
    quality: {
      pos: [
        'La qualité de fabrication est irréprochable.',
        'Très solide : après {n} mois, toujours comme neuf.',
        'Excellente qualité, rien ne bouge.',
      ],
      neg: [
        'La qualité est décevante, le plastique craque de partout.',
        "Ça fait très fragile, j'ai peur de le casser.",
        'Une pièce a cassé au bout de {w} semaines.',
        'Pas du tout solide, vraiment décevant.',
      ],
      neu: ['La qualité est correcte, sans plus.', 'Fabrication standard pour cette gamme.'],
    },
    price: {
      pos: [
        'Excellent rapport qualité-prix.',
        'Pour {price}, ça vaut vraiment le coup, prix imbattable.',
        "Pas cher du tout pour ce que c'est.",
      ],
      neg: [
        "Beaucoup trop cher pour ce que c'est.",
        'Ça ne vaut clairement pas le prix.',
        "À {price}, c'est de l'argent jeté par les fenêtres.",
      ],
      neu: ['Le prix est correct.', 'Acheté {price} pendant les soldes, un prix dans la moyenne.'],
    },
    delivery: {
      pos: [
        'Livraison rapide, reçu en {d} jours.',
        'Bien protégé et arrivé en parfait état.',
        'Colis expédié le jour même, impeccable.',
      ],
      neg: [
        'La livraison a pris presque {w} semaines.',
        'Le colis est arrivé abîmé, carton écrasé.',
        "L'emballage était déchiré et il manquait un accessoire.",
      ],
      neu: ['Livré à la date prévue.', 'Expédié dans un simple carton.'],
    },
    ease_of_use: {
      pos: [
        "Très facile à utiliser, même mes parents s'en sortent.",
        "L'installation a pris moins de cinq minutes.",
        'Très intuitif, pas besoin de la notice.',
      ],
      neg: [
        'La notice est inutile et mal traduite.',
        "L'installation est beaucoup trop compliquée.",
        'Pas intuitif du tout, il a fallu regarder des vidéos.',
      ],
      neu: ["La notice est courte mais couvre l'essentiel.", 'Utilisation classique, rien de particulier.'],
    },
    design: {
      pos: [
        'Très joli design, encore plus beau en vrai.',
        'La couleur est superbe et ça fait très élégant.',
        'Un look moderne et soigné.',
      ],
      neg: [
        'Le design est franchement moche.',
        'La couleur est bien plus terne que sur le site.',
        'Ça a un look daté et encombrant.',
      ],
      neu: [
        "Design sobre, rien d'exceptionnel.",
        'La couleur est un gris foncé neutre.',
        '[kitchen,home,toys,headphones] Le design est compact : {dims}.',
      ],
    },
    battery: {
      pos: [
        "L'autonomie est excellente, environ {h} heures.",
        'La batterie tient facilement toute la journée.',
        "Recharge complète en moins d'une heure.",
        '[smartphones] La batterie de {mah} mAh tient deux jours.',
      ],
      neg: [
        "L'autonomie est catastrophique, à peine une demi-journée.",
        'Au bout de {n} mois, la batterie ne tient plus la charge.',
        'La batterie se vide beaucoup trop vite, même en veille.',
      ],
      neu: [
        "L'autonomie est d'environ {h} heures, comme annoncé.",
        '[smartphones] Il embarque une batterie de {mah} mAh.',
      ],
    },
    sound: {
      pos: [
        'Le son est clair et bien équilibré.',
        'Des basses profondes sans écraser les voix.',
        '[headphones] La réduction de bruit est bluffante dans le train.',
      ],
      neg: [
        'Le son est étouffé et les aigus agressifs.',
        'Presque pas de basses, très décevant.',
        "L'audio grésille à volume élevé.",
      ],
      neu: ['Le son suffit pour les podcasts, pas pour les mélomanes.', 'Qualité audio dans la moyenne.'],
    },
    comfort: {
      pos: [
        'Très bon confort, je peux les porter toute la journée.',
        'Confortables dès le premier jour.',
        '[shoes] Un confort incroyable, même après des heures de marche.',
      ],
      neg: [
        "Inconfortable au bout d'une heure.",
        "[headphones] Ça serre sur les côtés et j'ai mal aux oreilles.",
        "[shoes] Elles serrent au niveau des orteils et j'ai mal aux pieds.",
        'Pas confortable du tout, malheureusement.',
      ],
      neu: ['Le confort est correct pour de courtes durées.'],
    },
    connectivity: {
      pos: [
        "[headphones,smartphones] L'appairage Bluetooth est instantané et la connexion stable.",
        '[headphones] Se connecte automatiquement à mon téléphone à chaque fois.',
        '[home] Connecté au wifi du premier coup.',
      ],
      neg: [
        '[headphones,smartphones] La connexion Bluetooth saute sans arrêt.',
        "L'appairage échoue une fois sur deux.",
        '[home] Il perd constamment le signal wifi.',
      ],
      neu: ['[headphones,smartphones] Utilise le Bluetooth 5.3.', 'La connexion porte à une dizaine de mètres.'],
    },
    screen: {
      pos: [
        "L'écran est lumineux et très net, même en extérieur.",
        'Superbe écran, les couleurs sont éclatantes.',
        "L'affichage est d'une grande fluidité.",
      ],
      neg: [
        "L'écran est trop sombre en plein soleil.",
        "L'écran se raye très facilement.",
        'Écran décevant, les couleurs sont ternes.',
      ],
      neu: ["L'écran fait 6,5 pouces, assez classique."],
    },
    camera: {
      pos: [
        "L'appareil photo fait de superbes clichés en plein jour.",
        'Les photos sont nettes avec des couleurs naturelles.',
        'Très bon appareil photo, même le zoom est utilisable.',
      ],
      neg: [
        "L'appareil photo est médiocre dès que la lumière baisse.",
        'Les photos sont floues et trop accentuées.',
        "L'application photo est lente et les images granuleuses.",
      ],
      neu: ["L'appareil photo est correct, sans plus."],
    },
    performance: {
      pos: [
        'Les performances sont excellentes, tout est fluide.',
        'Très rapide et puissant.',
        '[kitchen] Moteur puissant, il vient à bout de tout.',
        "[smartphones] Toujours rapide, même avec plein d'applis ouvertes.",
      ],
      neg: [
        "C'est lent et ça peine sur des tâches simples.",
        "[smartphones] Le téléphone devient lent dès qu'on change d'appli.",
        'Performances décevantes, pas assez puissant.',
        '[kitchen] Beaucoup trop lent, je dois tout refaire deux fois.',
      ],
      neu: [
        'Performances dans la moyenne de sa catégorie.',
        'Assez rapide pour un usage quotidien.',
        '[kitchen] Le moteur de {watts} W offre des performances correctes.',
      ],
    },
    noise: {
      pos: [
        'Étonnamment silencieux, je peux le lancer la nuit.',
        'Beaucoup moins bruyant que mon ancien modèle.',
        'Le bruit est à peine perceptible.',
      ],
      neg: [
        "Extrêmement bruyant, on n'entend plus la télé.",
        'Beaucoup trop de bruit pour un petit appartement.',
        'Il fait un bruit strident insupportable.',
      ],
      neu: ["Le niveau de bruit est normal pour ce type d'appareil."],
    },
    cleaning: {
      pos: [
        "[kitchen] Nettoyage en un clin d'œil, tout se démonte.",
        '[kitchen] Les pièces passent au lave-vaisselle, très pratique.',
        'Le nettoyage prend une minute.',
        '[home] Nettoyage des sols impeccable à chaque passage.',
      ],
      neg: [
        '[kitchen] Un cauchemar à nettoyer, la nourriture se coince partout.',
        "[kitchen] Ne passe pas au lave-vaisselle, c'est pénible.",
        '[home] Il laisse la poussière dans les coins, le nettoyage est bâclé.',
        '[kitchen] Difficile à nettoyer autour des joints.',
      ],
      neu: ['[kitchen] Je préfère laver les pièces à la main.', '[home] Il faut nettoyer le filtre régulièrement.'],
    },
    size_fit: {
      pos: [
        "J'ai pris ma pointure habituelle, le {size}, et c'est parfait.",
        'La taille est parfaite, ni trop étroite ni trop large.',
        'Pointure {size} : elles me vont exactement comme mes autres chaussures.',
      ],
      neg: [
        'Elles taillent petit, prenez une pointure au-dessus.',
        'Beaucoup trop étroites pour mes pieds.',
        'Trop grandes, le talon glisse à chaque pas.',
      ],
      neu: ["Je fais du {size} et j'ai gardé la même taille."],
    },
    material: {
      pos: [
        '[shoes] Le cuir est souple et sent bon.',
        '[shoes] Bons matériaux, les coutures sont nettes.',
        '[toys] Le plastique est épais et sans danger pour les petits.',
        '[home] Le plastique paraît robuste.',
      ],
      neg: [
        'Le matériau fait bon marché et très fin.',
        "[shoes] Une couture s'est défaite au bout de {w} semaines.",
        '[shoes] La semelle est dure comme du bois.',
        '[toys] Le plastique sent fort le produit chimique.',
      ],
      neu: [
        '[shoes] Le tissu est une maille synthétique.',
        '[shoes] Semelle en caoutchouc, classique.',
        '[home,toys] Le matériau est surtout du plastique, rien de spécial.',
      ],
    },
    fun: {
      pos: [
        'Mon fils de {age} ans adore et joue avec tous les jours.',
        'Très amusant pour toute la famille.',
        'Les enfants peuvent y jouer pendant des heures.',
      ],
      neg: [
        "Ennuyeux au bout de dix minutes, mon fils n'y a plus touché.",
        'Pas très amusant, les enfants se sont vite lassés.',
        "Ma fille l'a trouvé ennuyeux.",
      ],
      neu: ['Les enfants à partir de {age} ans peuvent jouer seuls.'],
    },
  },
  openers: [
    'Acheté pour mon fils.',
    'Offert à ma compagne.',
    "Je l'utilise depuis {n} mois.",
    "Commandé après avoir lu beaucoup d'avis.",
    'Il remplace mon ancien modèle.',
    'Acheté pendant une promo.',
  ],
  closers: {
    pos: ['Je rachèterais sans hésiter.', 'Je recommande vivement !', 'Très satisfait de cet achat.'],
    neg: ['Je ne recommande pas.', 'Je le renvoie.', "Très déçu dans l'ensemble.", 'À éviter.'],
    neu: ['On verra dans le temps.', 'Il fait le travail.'],
  },
  titles: {
    pos: ['Très satisfait', 'Excellent achat', 'Je recommande'],
    neg: ['Déçu', 'À éviter', 'Décevant'],
    neu: ['Correct sans plus', 'Mitigé', 'Moyen'],
  },
  short: { pos: ['Bien.', 'Parfait !', '👍'], neg: ['Nul.', '👎'], neu: ['ok', 'Bof.'] },
  emailTemplates: ['Pour toute question : {email}.', 'Écrivez-moi à {email} si besoin.'],
  phoneTemplates: ['Je revends le mien, appelez le {phone}.', 'Joignable au {phone}.'],
  profanity: {
    pos: [['Putain', "Putain, c'est vraiment top."]],
    neg: [
      ['merde', 'Quelle merde.'],
      ['Putain', 'Putain, quelle déception.'],
    ],
  },
  and: ' et ',
  productTypes: {
    headphones: ['Écouteurs sans fil', 'Casque circum-auriculaire', 'Casque à réduction de bruit'],
    smartphones: ['Smartphone 128 Go', 'Smartphone 5G 256 Go', 'Smartphone compact'],
    kitchen: ['Bouilloire électrique 1,7 L', 'Blender 1200 W', 'Robot de cuisine'],
    shoes: ['Chaussures de running', 'Baskets en cuir', 'Chaussures de randonnée'],
    toys: ['Voiture télécommandée', 'Train en bois', 'Jeu de construction'],
    home: ['Robot aspirateur', 'Robot aspirateur laveur', 'Robot aspirateur avec station'],
  },
  firstNames: ['camille', 'louis', 'manon', 'hugo', 'chloe', 'julien', 'lea', 'thomas'],
  lastNames: ['martin', 'bernard', 'dubois', 'moreau', 'laurent', 'girard'],
  formatPrice: (euros) => `${euros},99 €`,
};
