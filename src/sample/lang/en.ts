import type { LanguagePack } from './types.js';

/** English phrase tables. Every aspect sentence carries one of the aspect's English stems. */
export const EN: LanguagePack = {
  language: 'en',
  aspects: {
    quality: {
      pos: [
        'The build quality is excellent, everything feels solid.',
        'Really sturdy, it has survived {n} months of daily use without a scratch.',
        'Great quality, nothing about it feels cheaply made.',
        'Very durable so far, no signs of wear after {n} months.',
      ],
      neg: [
        'The build quality is poor, the plastic creaks everywhere.',
        'It feels flimsy, like it could snap at any moment.',
        'Something broke after only {w} weeks, not durable at all.',
        'Honestly not the quality I expected.',
      ],
      neu: [
        'The build quality is okay, nothing special.',
        'Quality is about what you would expect, neither great nor bad.',
      ],
    },
    price: {
      pos: [
        'Great value for money.',
        'For {price} it is absolutely worth it.',
        'Excellent price, I paid {price} and I have no regrets.',
      ],
      neg: [
        'Way overpriced for what you get.',
        'Not worth the money at all.',
        'Too expensive, I paid {price} and it feels like half of that.',
      ],
      neu: ['The price is fair, nothing more.', 'I paid {price} during a sale, a normal price.'],
    },
    delivery: {
      pos: [
        'Delivery was fast, it arrived in {d} days.',
        'Well packaged and arrived without any damage.',
        'Shipping was quick and the parcel was in perfect condition.',
      ],
      neg: [
        'Delivery took almost {w} weeks, really annoying.',
        'The package arrived damaged and the box was crushed.',
        'Terrible shipping, the parcel was left out in the rain.',
      ],
      neu: ['It arrived on the expected date.', 'Shipped in a plain cardboard box.'],
    },
    ease_of_use: {
      pos: [
        'Really easy to use, even my parents figured it out.',
        'Setup took less than five minutes.',
        'Very intuitive, I never needed the manual.',
      ],
      neg: [
        'The instructions are useless and badly translated.',
        'Setup is far too complicated.',
        'Not intuitive at all, I had to watch videos just to set up the basics.',
      ],
      neu: ['The manual is short but covers the basics.', 'Setup is standard, nothing special.'],
    },
    design: {
      pos: [
        'Beautiful design, it looks even better in person.',
        'The colour is lovely and it looks very stylish.',
        'Sleek and elegant design.',
      ],
      neg: [
        'The design is ugly and cheap-looking.',
        'The colour is much duller than advertised.',
        'Honestly it looks bulky and dated.',
      ],
      neu: [
        'The design is simple, nothing special.',
        'The color is a plain dark grey.',
        '[kitchen,home,toys,headphones] The design is compact, it measures {dims}.',
      ],
    },
    battery: {
      pos: [
        'Battery life is fantastic, I get about {h} hours.',
        'The battery easily lasts a whole day.',
        'A full charge takes under an hour and lasts for days.',
        '[smartphones] The {mah} mAh battery gets me through two days.',
      ],
      neg: [
        'The battery barely lasts half a day.',
        'After {n} months the battery no longer holds a charge properly.',
        'Battery drains way too quickly, even on standby.',
      ],
      neu: ['Battery life is about {h} hours, as advertised.', '[smartphones] It has a {mah} mAh battery.'],
    },
    sound: {
      pos: [
        'The sound is clear and well balanced.',
        'Deep bass without drowning out the vocals.',
        '[headphones] Noise cancelling works surprisingly well on the train.',
      ],
      neg: [
        'The sound is muddy and the treble is harsh.',
        'Barely any bass, very disappointing.',
        'Audio keeps crackling at higher volume.',
      ],
      neu: ['Sound is fine for podcasts, not for audiophiles.', 'The audio is average.'],
    },
    comfort: {
      pos: [
        'Very comfortable, I can wear them all day.',
        'Comfort is excellent even after hours.',
        '[shoes] Super comfortable from the first day, no break-in needed.',
      ],
      neg: [
        'They get uncomfortable after about an hour.',
        '[headphones] They pinch at the sides and my ears hurt.',
        '[shoes] They pinch at the toes and my feet hurt after a short walk.',
        'Not comfortable at all, sadly.',
      ],
      neu: ['Comfort is okay for short periods.'],
    },
    connectivity: {
      pos: [
        '[headphones,smartphones] Bluetooth pairing was instant and the connection is stable.',
        '[headphones] Connects to my phone automatically every time.',
        '[home] It connected to my Wi-Fi on the first try.',
      ],
      neg: [
        '[headphones,smartphones] The Bluetooth connection drops constantly.',
        'Pairing fails half of the time.',
        '[home] It keeps losing the Wi-Fi signal.',
      ],
      neu: ['[headphones,smartphones] Uses Bluetooth 5.3.', 'Connection range is about ten metres.'],
    },
    screen: {
      pos: [
        'The screen is bright and sharp, even outdoors.',
        'Gorgeous display, text is razor sharp.',
        'The screen is the highlight of this phone.',
      ],
      neg: [
        'The screen is too dim in sunlight.',
        'The display scratches far too easily.',
        'Not a great screen, colours look washed out.',
      ],
      neu: ['The display is 6.5 inches, fairly standard.'],
    },
    camera: {
      pos: [
        'The camera takes great photos in daylight.',
        'Pictures are sharp and the colours are natural.',
        'Excellent camera, even the zoom is usable.',
      ],
      neg: [
        'The camera is poor in low light.',
        'Photos look blurry and oversharpened.',
        'The camera app is sluggish and pictures come out grainy.',
      ],
      neu: ['The camera is decent, nothing more.'],
    },
    performance: {
      pos: [
        'Performance is excellent, everything runs smoothly.',
        'Very fast and powerful.',
        '[kitchen] Powerful motor, it handles everything I throw at it.',
        '[smartphones] No lag at all, even with lots of apps open.',
      ],
      neg: [
        'It is slow and struggles with simple tasks.',
        '[smartphones] Constant lag when switching apps.',
        'Performance is disappointing, not powerful enough.',
        '[kitchen] Far too slow, I have to do everything twice.',
      ],
      neu: [
        'Performance is average for this class.',
        'Speed is fine for everyday use.',
        '[kitchen] The {watts} W motor gives decent performance.',
      ],
    },
    noise: {
      pos: [
        'Surprisingly quiet, I can run it at night.',
        'Very quiet compared to my old one.',
        'The noise level is low, hardly noticeable.',
      ],
      neg: [
        "Extremely loud, you can't hear the TV anymore.",
        'Way too noisy for a small apartment.',
        'Makes a high-pitched noise that drives me crazy.',
      ],
      neu: ['It is about as loud as any other model.', 'Noise is normal for this type of appliance.'],
    },
    cleaning: {
      pos: [
        '[kitchen] Very easy to clean, everything comes apart.',
        '[kitchen] The parts are dishwasher safe, which is great.',
        'Cleaning takes a minute.',
        '[home] The floors are really clean after every run.',
      ],
      neg: [
        '[kitchen] A nightmare to clean, food gets stuck everywhere.',
        '[kitchen] Not dishwasher safe, which is a pain.',
        '[home] It leaves dust in the corners, the floors never get properly clean.',
        '[kitchen] Hard to clean around the seals.',
      ],
      neu: ['[kitchen] I prefer to wash the parts by hand.', '[home] The filter needs cleaning regularly.'],
    },
    size_fit: {
      pos: [
        'True to size, I ordered my usual {size} and they fit perfectly.',
        'The fit is perfect, not too narrow and not too wide.',
        'Size {size} fits exactly like my other pairs.',
      ],
      neg: [
        'They run small, order one size up.',
        'Far too narrow for my feet.',
        'The fit is terrible, my heel slips out.',
      ],
      neu: ['I wear size {size} and took the same here.', 'The fit is standard.'],
    },
    material: {
      pos: [
        '[shoes] The leather is soft and smells great.',
        '[shoes] Good material, the stitching is neat.',
        '[toys] The plastic is thick and safe for little ones.',
        '[home] The plastic feels robust.',
      ],
      neg: [
        'The material feels thin and cheap.',
        '[shoes] The stitching came loose after {w} weeks.',
        '[shoes] The sole is hard as a rock.',
        '[toys] The plastic smells strongly of chemicals.',
      ],
      neu: [
        '[shoes] The material is a synthetic mesh.',
        '[shoes] The sole is rubber, fairly standard.',
        '[home,toys] The material is mostly plastic, nothing unusual.',
      ],
    },
    fun: {
      pos: [
        'My {age}-year-old loves it and plays with it every day.',
        'Great fun for the whole family.',
        'The kids play with it for hours.',
      ],
      neg: [
        'Boring after ten minutes, my son never touched it again.',
        'Not much fun, the kids lost interest quickly.',
        'My daughter found it boring.',
      ],
      neu: ['Kids aged {age} and up can play with it alone.', 'A simple toy for children.'],
    },
  },
  openers: [
    'Bought this for my son.',
    'Bought it as a gift for my partner.',
    "I've been using it for {n} months now.",
    'Ordered this after reading lots of reviews.',
    'This replaces my old one.',
    'Got it on sale last month.',
  ],
  closers: {
    pos: ['Would buy again.', 'Highly recommended!', 'Very happy with this purchase.', 'Five stars from me.'],
    neg: ['Would not recommend.', 'Returning it.', 'Very disappointed overall.', 'Avoid.'],
    neu: ["We'll see how it holds up.", 'Time will tell how long it lasts.'],
  },
  titles: {
    pos: ['Great buy', 'Very happy', 'Love it', 'Does exactly what it should'],
    neg: ['Disappointed', 'Not recommended', 'Avoid', 'Waste'],
    neu: ['Okay but not perfect', 'Mixed feelings', 'Average'],
  },
  short: { pos: ['Great!', '👍', 'Love it'], neg: ['Rubbish.', '👎'], neu: ['ok', 'Fine.'] },
  emailTemplates: ['Email me at {email} if you want to know more.', 'Questions? Write to {email}.'],
  phoneTemplates: ['Call me on {phone} if you want to buy my spare one.', 'You can reach me at {phone}.'],
  profanity: {
    pos: [['Damn', 'Damn, this is good.']],
    neg: [
      ['damn', 'What a damn waste.'],
      ['crap', 'Honestly, total crap.'],
    ],
  },
  and: ' and ',
  productTypes: {
    headphones: ['Wireless Earbuds', 'Over-Ear Headphones', 'Noise Cancelling Headphones'],
    smartphones: ['Smartphone 128 GB', '5G Smartphone 256 GB', 'Compact Smartphone'],
    kitchen: ['Electric Kettle 1.7 L', 'Blender 1200 W', 'Food Processor'],
    shoes: ['Running Shoes', 'Leather Sneakers', 'Hiking Boots'],
    toys: ['Remote Control Car', 'Wooden Train Set', 'Building Blocks Set'],
    home: ['Robot Vacuum', 'Robot Vacuum and Mop', 'Robot Vacuum with Base Station'],
  },
  firstNames: ['emma', 'oliver', 'sophie', 'jack', 'amelia', 'harry', 'grace', 'liam'],
  lastNames: ['wilson', 'taylor', 'brown', 'evans', 'walker', 'hughes'],
  formatPrice: (euros) => `€${euros}.99`,
};
