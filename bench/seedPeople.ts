import { COMPANIES, EMAIL_DOMAINS, FIRST_NAMES, HANDLE_WORDS, LAST_NAMES, PLACES, type Place } from './seedNames';
import { streamFor, weightedPicker, type Random } from './seedRandom';

export type SeedRole = 'customer' | 'subscriber' | 'shop_manager' | 'administrator';

export interface SeedAddress {
  first_name: string;
  last_name: string;
  company: string;
  address_1: string;
  address_2: string;
  city: string;
  postcode: string;
  country: string;
  state: string;
}

/** One seeded user, everything derived from its index alone (see seedRandom.ts). */
export interface SeedPerson {
  role: SeedRole;
  firstName: string;
  lastName: string;
  login: string;
  email: string;
  /** UTC `Y-m-d H:i:s`, on the minute (so registration times repeat, as on a busy shop). */
  registered: string;
  registeredUnix: number;
  billing: SeedAddress;
  phone: string;
  shipping: SeedAddress;
  currency: string;
}

const USER_STREAM = 1;
const REGISTERED_FROM = Date.UTC(2018, 0, 1) / 1000;
const REGISTERED_TO = Date.UTC(2025, 11, 1) / 1000;
const DAY = 86_400;

const lastName = weightedPicker(LAST_NAMES);
const domain = weightedPicker(EMAIL_DOMAINS);
const place = weightedPicker(PLACES);
const otherRole = weightedPicker<SeedRole>([
  ['subscriber', 0.6],
  ['shop_manager', 0.25],
  ['administrator', 0.15],
]);

/** 5 % of users have another role than customer: the first draw of a user's stream. */
function drawRole(random: Random): SeedRole {
  return random.chance(0.05) ? otherRole(random) : 'customer';
}

/** A user's role alone (the order plan asks it of every user). */
export function roleOf(n: number): SeedRole {
  return drawRole(streamFor(USER_STREAM, n));
}

/**
 * Users are numbered 0…users-1. `users` fixes how many digits login numbers have: each login ends in a number that
 * is a bijection of n, and every login prefix ends in a letter, so logins (and the emails made from them) are
 * unique without remembering any.
 */
export function createPeople(users: number): (n: number) => SeedPerson {
  const modulus = 10 ** (String(users).length + 1);
  const loginNumber = (n: number) => (7_654_321 * n + 4_242) % modulus;
  const spread = (REGISTERED_TO - REGISTERED_FROM) / Math.max(1, users);
  return (n) => {
    const random = streamFor(USER_STREAM, n);
    const role = drawRole(random);
    const firstName = random.pick(FIRST_NAMES);
    const last = lastName(random);
    const first = ascii(firstName);
    const family = ascii(last);
    const shape = random.next();
    const prefix =
      shape < 0.5
        ? `${first[0]}.${family}`
        : shape < 0.7
          ? `${first}.${family}`
          : shape < 0.85
            ? first
            : `${random.pick(HANDLE_WORDS)}${random.pick(HANDLE_WORDS)}`;
    const login = `${prefix}${loginNumber(n)}`;
    const email = `${login}@${domain(random)}`;
    // Roughly in ID order, as sign-ups are, but ±45 days of jitter so registered order is not ID order.
    const jitter = (random.next() - 0.5) * 90 * DAY;
    const unix = Math.floor(reflect(REGISTERED_FROM + n * spread + jitter, REGISTERED_FROM, REGISTERED_TO) / 60) * 60;
    const home = place(random);
    const billing = address(random, home, firstName, last);
    const shipping = random.chance(0.8) ? billing : address(random, place(random), firstName, last);
    return {
      role,
      firstName,
      lastName: last,
      login,
      email,
      registered: mysqlDate(unix),
      registeredUnix: unix,
      billing,
      phone: `${home.phone} ${digits(random, 9)}`,
      shipping,
      currency: home.currency,
    };
  };
}

/** Keeps a jittered time inside [from, to] by mirroring it at the edge (clamping would pile users up there). */
function reflect(time: number, from: number, to: number): number {
  return time < from ? Math.min(to, 2 * from - time) : time > to ? Math.max(from, 2 * to - time) : time;
}

function address(random: Random, where: Place, firstName: string, lastName: string): SeedAddress {
  const [city, state] = random.pick(where.cities);
  const street = random.pick(where.streets);
  return {
    first_name: firstName,
    last_name: lastName,
    company: random.chance(0.12) ? random.pick(COMPANIES) : '',
    // Japanese block addresses carry their numbers already.
    address_1: /^\d+-/.test(street) ? street : `${random.int(1, 199)} ${street}`,
    address_2: random.chance(0.25) ? `Apt ${random.int(1, 40)}` : '',
    city,
    postcode: where.postcode.replace(/[#A]/g, (c) =>
      c === '#' ? String(random.int(0, 9)) : String.fromCharCode(65 + random.int(0, 25)),
    ),
    country: where.country,
    state,
  };
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(random.int(0, 9));
  return out;
}

const days = new Map<number, string>();
const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `Y-m-d H:i:s` of a UTC unix time (the date part memoized: tens of millions of calls, a few thousand days). */
export function mysqlDate(unix: number): string {
  const day = Math.floor(unix / DAY);
  let date = days.get(day);
  if (date === undefined) days.set(day, (date = new Date(day * DAY * 1000).toISOString().slice(0, 10)));
  const second = unix - day * DAY;
  return `${date} ${two(Math.floor(second / 3600))}:${two(Math.floor((second % 3600) / 60))}:${two(second % 60)}`;
}

const SPECIAL: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  ı: 'i',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  œ: 'oe',
};

const folded = new Map<string, string>();

/** The ASCII a login is made of: `Müller` → `muller`, `Łukasz` → `lukasz`, `O'Brien` → `obrien` (memoized: few names). */
export function ascii(name: string): string {
  let out = folded.get(name);
  if (out === undefined) {
    out = name
      .toLowerCase()
      .replace(/[łøßæıđðþœ]/g, (c) => SPECIAL[c])
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
    folded.set(name, out);
  }
  return out;
}
