import type { Db } from '../src/db/types';
import { hashPassword } from '../src/wp/password';
import { newUserMeta } from '../src/wp/newUserMeta';

const FIRST_NAMES = ['John', 'Jane', 'Maria', 'João', 'Aiko', 'Liam', 'Olivia', 'Noah', 'Emma', 'Lucas', 'Sofia', 'Mateo', 'Chloé', 'Yusuf', 'Anna', 'Pavel'];
const LAST_NAMES = ['Smith', 'Doe', 'Silva', 'Tanaka', 'Müller', 'Garcia', 'Rossi', 'Dubois', 'Kowalski', 'Novak', 'Jensen', 'Brown', 'Khan', 'Lopez', 'Ivanova', 'Murphy'];
const CITIES = ['San Francisco', 'Porto', 'Osaka', 'Berlin', 'Lyon', 'Kraków', 'Austin', 'Dublin'];
const CHUNK = 1000;

/**
 * Writes `count` customers straight into the tables, shaped as wc-host (and WooCommerce) write them, in chunks of
 * one transaction each so a million customers stream with bounded memory. One password hash is reused.
 * Every 20th customer is a subscriber, so the default `role=customer` filter has something to leave out.
 */
export async function seedCustomers(db: Db, count: number, progress: (done: number) => void): Promise<{ firstId: number; lastId: number }> {
  const passwordHash = await hashPassword('bench-password');
  const [{ maxId }] = await db.query<{ maxId: number | null }>(`SELECT MAX(ID) AS maxId FROM ${db.table('users')}`);
  const firstId = Number(maxId ?? 0) + 1;
  const start = Date.UTC(2020, 0, 1) / 1000;
  for (let offset = 0; offset < count; offset += CHUNK) {
    const size = Math.min(CHUNK, count - offset);
    await db.transaction(async (tx) => {
      const users: unknown[] = [];
      const meta: unknown[] = [];
      for (let i = 0; i < size; i++) {
        const n = offset + i;
        const id = firstId + n;
        const first = FIRST_NAMES[n % FIRST_NAMES.length];
        const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length];
        const login = `${ascii(first)}.${ascii(last)}${n}`.toLowerCase();
        const email = `${login}@example.com`;
        const registered = new Date((start + n * 37) * 1000).toISOString().slice(0, 19).replace('T', ' ');
        users.push(id, login, passwordHash, login.replace(/\./g, '-'), email, '', registered, '', 0, login);
        const role = n % 20 === 19 ? 'subscriber' : 'customer';
        const rows: Array<[string, string]> = [
          ...newUserMeta({ nickname: login, firstName: first, lastName: last }),
          [`${db.prefix}capabilities`, `a:1:{s:${role.length}:"${role}";b:1;}`],
          [`${db.prefix}user_level`, '0'],
          ['last_update', String(start + n * 37)],
          ['billing_first_name', first],
          ['billing_last_name', last],
          ['billing_city', CITIES[n % CITIES.length]],
          ['billing_email', email],
        ];
        for (const [key, value] of rows) meta.push(id, key, value);
      }
      await tx.execute(
        `INSERT INTO ${tx.table('users')} (ID, user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES ${placeholders(size, 10)}`,
        users,
      );
      const metaRows = meta.length / 3;
      for (let row = 0; row < metaRows; row += 2000) {
        const slice = meta.slice(row * 3, Math.min(metaRows, row + 2000) * 3);
        await tx.execute(`INSERT INTO ${tx.table('usermeta')} (user_id, meta_key, meta_value) VALUES ${placeholders(slice.length / 3, 3)}`, slice);
      }
    });
    progress(offset + size);
  }
  return { firstId, lastId: firstId + count - 1 };
}

function placeholders(rows: number, columns: number): string {
  const row = `(${new Array(columns).fill('?').join(', ')})`;
  return new Array(rows).fill(row).join(', ');
}

function ascii(name: string): string {
  return name.normalize('NFD').replace(/[^A-Za-z]/g, '');
}
