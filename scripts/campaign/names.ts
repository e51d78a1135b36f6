import type { Random } from './random.js';

/**
 * Customer names and e-mail addresses for the planned data, each handed out once unless a trap
 * asks for a repeat on purpose.
 */
const TREES = [
  'Kowhai',
  'Rimu',
  'Totara',
  'Matai',
  'Nikau',
  'Harakeke',
  'Pohutukawa',
  'Rata',
  'Miro',
  'Tawa',
  'Karaka',
  'Manuka',
  'Kanuka',
  'Titoki',
  'Puriri',
  'Horoeka',
  'Kahikatea',
  'Tanekaha',
  'Hinau',
  'Makomako',
];
const TRADES = [
  'Systems',
  'Foods',
  'Logistics',
  'Design',
  'Traders',
  'Studio',
  'Engineering',
  'Farms',
  'Labs',
  'Partners',
  'Media',
  'Builders',
  'Optics',
  'Textiles',
  'Freight',
  'Dental',
];
const FIRST = [
  'Aroha',
  'Mere',
  'Tama',
  'Wiremu',
  'Anahera',
  'Hemi',
  'Kiri',
  'Nikau',
  'Ruby',
  'Liam',
  'Olivia',
  'Noah',
  'Isla',
  'Jack',
  'Amelia',
  'Oliver',
  'Charlotte',
  'Leo',
  'Mia',
  'Hugo',
];
const LAST = [
  'Ngata',
  'Parata',
  'Walker',
  'Smith',
  'Tipene',
  'Wilson',
  'Brown',
  'Taylor',
  'Cooper',
  'King',
  'Harris',
  'Tane',
  'Moana',
  'Reid',
  'Clarke',
  'Young',
  'Hall',
  'Wright',
  'Bell',
  'Scott',
];

export interface NameSource {
  organization(): string;
  person(): string;
  email(name: string): string;
}

export function createNameSource(random: Random): NameSource {
  const used = new Set<string>();
  const unique = (make: () => string) => {
    for (let round = 0; ; round++) {
      const base = make();
      const name = round < 20 ? base : `${base} ${round}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  };
  let mails = 0;
  return {
    organization: () => unique(() => `${random.pick(TREES)} ${random.pick(TRADES)} Ltd`),
    person: () => unique(() => `${random.pick(FIRST)} ${random.pick(LAST)}`),
    email(name) {
      mails += 1;
      const slug = name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '.')
        .replace(/^\.|\.$/g, '');
      return `${slug}.${mails}@customers.example`;
    },
  };
}
