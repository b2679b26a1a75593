import type { LanguagePack } from './types.js';

/** Spanish phrase tables. Every aspect sentence carries one of the aspect's Spanish stems. */
export const ES: LanguagePack = {
  language: 'es',
  aspects: {
    quality: {
      pos: [
        'La calidad de fabricación es excelente.',
        'Muy resistente: a los {n} meses sigue como nuevo.',
        'Calidad impecable, no cruje nada.',
      ],
      neg: [
        'La calidad deja mucho que desear, el plástico cruje por todas partes.',
        'Se nota muy frágil, da miedo usarlo.',
        'Se rompió una pieza a las {w} semanas.',
        'Nada robusto, una pena.',
      ],
      neu: ['La calidad es correcta, sin más.', 'Fabricación normal para esta gama.'],
    },
    price: {
      pos: [
        'Muy buena relación calidad-precio.',
        'Por {price} merece totalmente la pena, gran precio.',
        'Bastante barato para lo que ofrece.',
      ],
      neg: [
        'Demasiado caro para lo que es.',
        'No vale lo que cuesta, es tirar el dinero.',
        'Por {price} esperaba mucho más, el precio no está justificado.',
      ],
      neu: ['El precio es razonable.', 'Lo compré por {price} en oferta, un precio normal.'],
    },
    delivery: {
      pos: [
        'El envío fue rapidísimo, llegó en {d} días.',
        'Bien embalado y llegó en perfecto estado.',
        'La entrega fue puntual y el paquete venía perfecto.',
      ],
      neg: [
        'La entrega tardó casi {w} semanas.',
        'El paquete llegó dañado y la caja aplastada.',
        'El embalaje venía abierto y faltaba un accesorio.',
      ],
      neu: ['Llegó en la fecha prevista.', 'El envío vino en una caja de cartón sencilla.'],
    },
    ease_of_use: {
      pos: [
        'Muy fácil de usar, hasta mis padres se apañan.',
        'La instalación me llevó menos de cinco minutos.',
        'Muy intuitivo, ni miré el manual.',
      ],
      neg: [
        'Las instrucciones no sirven y están mal traducidas.',
        'La instalación es demasiado complicada.',
        'Nada intuitivo, tuve que buscar vídeos.',
      ],
      neu: ['El manual es breve pero cubre lo básico.', 'Su uso es el habitual, nada especial.'],
    },
    design: {
      pos: [
        'Un diseño precioso, en persona es aún más bonito.',
        'El color es muy bonito y se ve elegante.',
        'Tiene un aspecto moderno y cuidado.',
      ],
      neg: [
        'El diseño es bastante feo, la verdad.',
        'El color es mucho más apagado que en la web.',
        'Tiene un aspecto anticuado y voluminoso.',
      ],
      neu: [
        'Diseño sencillo, nada especial.',
        'El color es un gris oscuro neutro.',
        '[kitchen,home,toys,headphones] El diseño es compacto, mide {dims}.',
      ],
    },
    battery: {
      pos: [
        'La batería dura unas {h} horas sin problema.',
        'La autonomía es fantástica, aguanta todo el día.',
        'Carga completa en menos de una hora.',
        '[smartphones] La batería de {mah} mAh me dura dos días.',
      ],
      neg: [
        'La autonomía es pésima, apenas medio día.',
        'A los {n} meses la batería ya no aguanta la carga.',
        'La batería se agota rapidísimo, incluso en reposo.',
      ],
      neu: [
        'La batería dura unas {h} horas, como indica el fabricante.',
        '[smartphones] Lleva una batería de {mah} mAh.',
      ],
    },
    sound: {
      pos: [
        'El sonido es claro y equilibrado.',
        'Graves profundos sin tapar las voces.',
        '[headphones] La cancelación de ruido funciona de maravilla en el tren.',
      ],
      neg: [
        'El sonido es apagado y los agudos chirrían.',
        'Casi no tiene graves, muy decepcionante.',
        'El audio chisporrotea a volumen alto.',
      ],
      neu: ['El sonido vale para pódcasts, no para melómanos.', 'Un audio normalito.'],
    },
    comfort: {
      pos: [
        '[headphones] Muy cómodos, puedo llevarlos todo el día.',
        'La comodidad es excelente incluso después de horas.',
        '[shoes] Cómodas desde el primer día.',
      ],
      neg: [
        '[headphones] Al cabo de una hora resultan incómodos.',
        '[shoes] Al cabo de una hora resultan incómodas.',
        '[headphones] Aprietan por los lados y me duelen las orejas.',
        '[shoes] Me aprietan en los dedos y me duelen los pies.',
        'La comodidad deja mucho que desear.',
      ],
      neu: ['La comodidad es aceptable para ratos cortos.'],
    },
    connectivity: {
      pos: [
        '[headphones,smartphones] El emparejamiento por Bluetooth es instantáneo y la conexión estable.',
        '[headphones] Se conecta solo a mi móvil cada vez.',
        '[home] Se conectó al wifi a la primera.',
      ],
      neg: [
        '[headphones,smartphones] La conexión Bluetooth se corta constantemente.',
        'El emparejamiento falla una de cada dos veces.',
        '[home] Pierde la señal wifi continuamente.',
      ],
      neu: ['[headphones,smartphones] Usa Bluetooth 5.3.', 'La conexión alcanza unos diez metros.'],
    },
    screen: {
      pos: [
        'La pantalla es brillante y nítida, incluso al sol.',
        'Una pantalla preciosa con colores vivos.',
        'La pantalla es lo mejor del teléfono.',
      ],
      neg: [
        'La pantalla se ve demasiado oscura al sol.',
        'La pantalla se raya con mucha facilidad.',
        'Pantalla floja, los colores se ven lavados.',
      ],
      neu: ['La pantalla es de 6,5 pulgadas, bastante estándar.'],
    },
    camera: {
      pos: [
        'La cámara hace fotos estupendas de día.',
        'Las fotos salen nítidas y con colores naturales.',
        'Muy buena cámara, hasta el zoom es aprovechable.',
      ],
      neg: [
        'La cámara es mala con poca luz.',
        'Las fotos salen borrosas y con demasiado procesado.',
        'La app de la cámara es lenta y las fotos salen granuladas.',
      ],
      neu: ['La cámara cumple, sin más.'],
    },
    performance: {
      pos: [
        'El rendimiento es excelente, todo va fluido.',
        'Muy rápido y potente.',
        '[kitchen] Motor potente, puede con todo.',
        '[smartphones] Siempre rápido, incluso con muchas apps abiertas.',
      ],
      neg: [
        'Es lento y le cuestan las tareas más simples.',
        '[smartphones] Va lento al cambiar de aplicación.',
        'Rendimiento decepcionante, poco potente.',
        '[kitchen] Demasiado lento, tengo que repetir todo dos veces.',
      ],
      neu: [
        'Rendimiento en la media de su categoría.',
        'Lo bastante rápido para el día a día.',
        '[kitchen] El motor de {watts} W da un rendimiento correcto.',
      ],
    },
    noise: {
      pos: [
        'Sorprendentemente silencioso, lo pongo de noche.',
        'Mucho menos ruidoso que mi antiguo aparato.',
        'El ruido apenas se nota.',
      ],
      neg: [
        'Extremadamente ruidoso, no se oye la tele.',
        'Demasiado ruido para un piso pequeño.',
        'Hace un pitido agudo insoportable, vaya ruido.',
      ],
      neu: ['El nivel de ruido es normal para este tipo de aparato.'],
    },
    cleaning: {
      pos: [
        '[kitchen] Se limpia en un momento, todo se desmonta.',
        '[kitchen] Las piezas van al lavavajillas, muy práctico.',
        'La limpieza es cuestión de un minuto.',
        '[home] Limpia los suelos a fondo en cada pasada.',
      ],
      neg: [
        '[kitchen] Limpiarlo es una pesadilla, la comida se queda pegada por todas partes.',
        '[kitchen] No se puede meter en el lavavajillas, un fastidio.',
        '[home] Deja polvo en las esquinas, no limpia bien.',
        '[kitchen] Difícil de limpiar alrededor de las juntas.',
      ],
      neu: ['[kitchen] Prefiero lavar las piezas a mano.', '[home] Hay que limpiar el filtro a menudo.'],
    },
    size_fit: {
      pos: [
        'Talla normal, pedí mi {size} de siempre y me quedan perfectas.',
        'El tallaje es perfecto, ni estrechas ni anchas.',
        'La talla {size} me queda exactamente como mis otras zapatillas.',
      ],
      neg: [
        'Tallan pequeño, pide una talla más.',
        'Demasiado estrechas para mis pies.',
        'Me quedan grandes, el talón se sale.',
      ],
      neu: ['Uso la talla {size} y pedí la misma.'],
    },
    material: {
      pos: [
        '[shoes] La piel es suave y huele bien.',
        '[shoes] Buenos materiales, las costuras están bien rematadas.',
        '[toys] El plástico es grueso y seguro para los peques.',
        '[home] El plástico parece resistente.',
      ],
      neg: [
        'El material parece barato y muy fino.',
        '[shoes] Se descosió una costura a las {w} semanas.',
        '[shoes] La suela es dura como una piedra.',
        '[toys] El plástico huele mucho a químico.',
      ],
      neu: [
        '[shoes] La tela es una malla sintética.',
        '[shoes] Suela de goma, lo normal.',
        '[home,toys] El material es sobre todo plástico, nada especial.',
      ],
    },
    fun: {
      pos: [
        'A mi hijo de {age} años le encanta y juega con él todos los días.',
        'Muy divertido para toda la familia.',
        'Los niños pueden jugar con él durante horas.',
      ],
      neg: [
        'Aburrido a los diez minutos, mi hijo no lo ha vuelto a tocar.',
        'Poco divertido, los niños perdieron el interés enseguida.',
        'A mi hija le pareció aburrido.',
      ],
      neu: ['Los niños a partir de {age} años pueden jugar solos.'],
    },
  },
  openers: [
    'Lo compré para mi hijo.',
    'Fue un regalo para mi pareja.',
    'Lo tengo desde hace {n} meses.',
    'Lo pedí después de leer muchas opiniones.',
    'Sustituye a mi antiguo aparato.',
    'Lo compré en oferta.',
  ],
  closers: {
    pos: ['Lo volvería a comprar.', '¡Totalmente recomendable!', 'Muy contento con la compra.'],
    neg: ['No lo recomiendo.', 'Lo devuelvo.', 'Muy decepcionado en general.', 'Evitadlo.'],
    neu: ['Veremos cuánto aguanta.', 'Cumple su función.'],
  },
  titles: {
    pos: ['Muy contento', 'Gran compra', 'Recomendable'],
    neg: ['Decepcionado', 'No lo recomiendo', 'Una decepción'],
    neu: ['Correcto sin más', 'Sensaciones mixtas', 'Normalito'],
  },
  short: { pos: ['Bien.', '¡Genial!', '👍'], neg: ['Malo.', '👎'], neu: ['ok', 'Normal.'] },
  emailTemplates: ['Si tenéis dudas, escribidme a {email}.', 'Mi correo por si acaso: {email}.'],
  phoneTemplates: ['Vendo el mío, llamad al {phone}.', 'Contacto: {phone}.'],
  profanity: {
    pos: [['Joder', 'Joder, qué maravilla.']],
    neg: [
      ['mierda', 'Una mierda, la verdad.'],
      ['Joder', 'Joder, qué decepción.'],
    ],
  },
  and: ' y ',
  productTypes: {
    headphones: ['Auriculares inalámbricos', 'Auriculares de diadema', 'Auriculares con cancelación de ruido'],
    smartphones: ['Smartphone 128 GB', 'Móvil 5G 256 GB', 'Smartphone compacto'],
    kitchen: ['Hervidor eléctrico 1,7 L', 'Batidora de vaso 1200 W', 'Robot de cocina'],
    shoes: ['Zapatillas de running', 'Zapatillas de piel', 'Botas de montaña'],
    toys: ['Coche teledirigido', 'Tren de madera', 'Juego de bloques de construcción'],
    home: ['Robot aspirador', 'Robot aspirador y friegasuelos', 'Robot aspirador con base de vaciado'],
  },
  firstNames: ['lucia', 'pablo', 'carmen', 'javier', 'marta', 'diego', 'elena', 'sergio'],
  lastNames: ['garcia', 'martinez', 'lopez', 'sanchez', 'romero', 'navarro'],
  formatPrice: (euros) => `${euros},99 €`,
};
