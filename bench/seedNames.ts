/**
 * Names and places for the seeded customers: several languages, with the accents, ligatures and apostrophes real
 * shops store, so searches exercise utf8mb4_unicode_520_ci (`muller` finds Müller and Muller, not Mueller).
 * Weights are relative: Müller + Muller and Tanaka are each about 3 % of the customers, so `search=muller` and
 * `search=tanaka` match a few percent of them, as a common surname does in a big shop.
 */
// Many names a line (Prettier would give each its own line).
// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  // English, Irish
  'James', 'Mary', 'John', 'Emma', 'Olivia', 'Liam', 'Noah', 'Ava', 'Sophia', 'William', 'Grace', 'Seán', 'Siobhán', 'Aoife',
  // German
  'Lukas', 'Jürgen', 'Günter', 'Anna', 'Jörg', 'Käthe', 'Mia', 'Felix', 'Björn',
  // French
  'Chloé', 'Zoë', 'Élodie', 'Léa', 'Amélie', 'François', 'Hélène', 'Jérôme', 'Noël',
  // Spanish, Portuguese
  'José', 'María', 'Lucía', 'Sofía', 'João', 'Inês', 'Ángel', 'Álvaro', 'Conceição',
  // Polish, Czech, Hungarian
  'Łukasz', 'Małgorzata', 'Wojciech', 'Zofia', 'Jiří', 'Tomáš', 'Zoltán', 'Réka',
  // Nordic, Icelandic
  'Ólafur', 'Søren', 'Åsa', 'Sigríður', 'Þóra', 'Freja',
  // Japanese (romanized)
  'Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Yuki', 'Kenji',
  // Turkish, Italian, Vietnamese, Korean, Indian
  'Çağrı', 'Ayşe', 'Mehmet', 'Giulia', 'Niccolò', 'Matteo', 'Thảo', 'Minh', 'Ji-woo', 'Priya', 'Arjun',
];

export const LAST_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Müller', 2.6],
  ['Muller', 0.5],
  ['Mueller', 0.4],
  ['Tanaka', 2.4],
  ['Tanabe', 0.3],
  ['Smith', 3],
  ['Johnson', 2],
  ['Brown', 2],
  ['Murphy', 0.9],
  ["O'Brien", 0.6],
  ['Walsh', 0.5],
  ['García', 2],
  ['Muñoz', 1.2],
  ['Martínez', 1.5],
  ['Rodríguez', 1.5],
  ['Fernández', 1],
  ['González', 1.2],
  ['Peña', 0.5],
  ['Silva', 1.5],
  ['Santos', 1.2],
  ['Gonçalves', 0.6],
  ['Conceição', 0.3],
  ['Rossi', 1.2],
  ['Russo', 0.8],
  ['Esposito', 0.6],
  ['Dubois', 1],
  ['Lefèvre', 0.7],
  ['Moreau', 0.7],
  ['Bélanger', 0.4],
  ['Schmidt', 1.5],
  ['Schneider', 1],
  ['Fischer', 1],
  ['Weiß', 0.6],
  ['Schäfer', 0.6],
  ['Köhler', 0.5],
  ['Groß', 0.4],
  ['Kowalski', 1],
  ['Nowak', 1.2],
  ['Wiśniewski', 0.6],
  ['Wójcik', 0.5],
  ['Łukasik', 0.3],
  ['Novák', 0.6],
  ['Dvořák', 0.5],
  ['Horváth', 0.5],
  ['Nagy', 0.5],
  ['Jensen', 0.8],
  ['Nielsen', 0.8],
  ['Sørensen', 0.5],
  ['Andersson', 0.8],
  ['Jónsdóttir', 0.3],
  ['Ólafsson', 0.3],
  ['Suzuki', 1.5],
  ['Sato', 1.6],
  ['Takahashi', 1.2],
  ['Watanabe', 1],
  ['Ito', 0.8],
  ['Yamamoto', 1],
  ['Nakamura', 1],
  ['Kobayashi', 0.8],
  ['Yılmaz', 0.8],
  ['Öztürk', 0.5],
  ['Kaya', 0.5],
  ['Nguyễn', 0.8],
  ['Trần', 0.4],
  ['Kim', 1],
  ['Park', 0.7],
  ['Singh', 1],
  ['Kumar', 0.8],
  ['Patel', 0.9],
  ['Ivanova', 0.4],
  ['Petrov', 0.4],
  ['Papadopoulos', 0.4],
  ['Jovanović', 0.4],
  ['van den Berg', 0.4],
  ['de Jong', 0.5],
];

/** Handles for logins that carry no name at all (then only display_name can match a name search). */
export const HANDLE_WORDS: readonly string[] = [
  'sunny',
  'blue',
  'quiet',
  'rapid',
  'lucky',
  'silver',
  'green',
  'brave',
  'fox',
  'owl',
  'river',
  'maple',
  'pixel',
  'comet',
];

export const EMAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['example.com', 6],
  ['example.org', 2],
  ['example.net', 1.5],
  ['mail.example', 0.5],
];

export const COMPANIES: readonly string[] = [
  'Acme GmbH',
  'Café Lumière SARL',
  'Nordlys AS',
  'Sakura Trading K.K.',
  'Żabka Sp. z o.o.',
  'Bodega Peña S.L.',
  'Brightside Ltd',
];

/** One country's addresses: cities with a state code (or ''), a postcode shape (# = digit), streets, phone prefix. */
export interface Place {
  country: string;
  currency: string;
  cities: ReadonlyArray<readonly [city: string, state: string]>;
  postcode: string;
  streets: readonly string[];
  phone: string;
}

export const PLACES: ReadonlyArray<readonly [Place, number]> = [
  [
    {
      country: 'DE',
      currency: 'EUR',
      cities: [
        ['Berlin', ''],
        ['München', ''],
        ['Köln', ''],
        ['Düsseldorf', ''],
      ],
      postcode: '#####',
      streets: ['Hauptstraße', 'Schloßallee', 'Müllerweg'],
      phone: '+49',
    },
    3,
  ],
  [
    {
      country: 'FR',
      currency: 'EUR',
      cities: [
        ['Paris', ''],
        ['Lyon', ''],
        ['Besançon', ''],
      ],
      postcode: '#####',
      streets: ['rue de la Paix', 'avenue des Champs-Élysées', 'rue Lefèvre'],
      phone: '+33',
    },
    2,
  ],
  [
    {
      country: 'ES',
      currency: 'EUR',
      cities: [
        ['Madrid', 'M'],
        ['Sevilla', 'SE'],
        ['A Coruña', 'C'],
      ],
      postcode: '#####',
      streets: ['Calle Mayor', 'Avenida de España', 'Calle Muñoz'],
      phone: '+34',
    },
    1.5,
  ],
  [
    {
      country: 'PT',
      currency: 'EUR',
      cities: [
        ['Porto', ''],
        ['Lisboa', ''],
      ],
      postcode: '####-###',
      streets: ['Rua Augusta', 'Avenida da Liberdade'],
      phone: '+351',
    },
    0.8,
  ],
  [
    {
      country: 'PL',
      currency: 'PLN',
      cities: [
        ['Kraków', ''],
        ['Łódź', ''],
        ['Gdańsk', ''],
      ],
      postcode: '##-###',
      streets: ['ulica Długa', 'ulica Świętojańska'],
      phone: '+48',
    },
    1,
  ],
  [
    {
      country: 'JP',
      currency: 'JPY',
      cities: [
        ['Osaka', 'JP27'],
        ['Tokyo', 'JP13'],
        ['Kyoto', 'JP26'],
      ],
      postcode: '###-####',
      streets: ['1-2-3 Umeda', '4-5-6 Shibuya'],
      phone: '+81',
    },
    2,
  ],
  [
    {
      country: 'US',
      currency: 'USD',
      cities: [
        ['Austin', 'TX'],
        ['Portland', 'OR'],
        ['San Francisco', 'CA'],
      ],
      postcode: '#####',
      streets: ['Main Street', 'Oak Avenue', '5th Avenue'],
      phone: '+1',
    },
    3,
  ],
  [
    {
      country: 'GB',
      currency: 'GBP',
      cities: [
        ['London', ''],
        ['Manchester', ''],
      ],
      postcode: 'SW# #AA',
      streets: ['High Street', 'Church Lane'],
      phone: '+44',
    },
    1.5,
  ],
  [
    {
      country: 'IS',
      currency: 'ISK',
      cities: [['Reykjavík', '']],
      postcode: '###',
      streets: ['Laugavegur', 'Skólavörðustígur'],
      phone: '+354',
    },
    0.2,
  ],
  [
    {
      country: 'IE',
      currency: 'EUR',
      cities: [
        ['Dublin', 'D'],
        ['Cork', 'CO'],
      ],
      postcode: 'D## A###',
      streets: ["O'Connell Street", 'Grafton Street'],
      phone: '+353',
    },
    0.6,
  ],
  [
    {
      country: 'TR',
      currency: 'TRY',
      cities: [
        ['İstanbul', 'TR34'],
        ['İzmir', 'TR35'],
      ],
      postcode: '#####',
      streets: ['İstiklal Caddesi', 'Bağdat Caddesi'],
      phone: '+90',
    },
    0.6,
  ],
];
