import type { Db } from '../../../src/db/types';
import { sanitizeUser } from '../../../src/wp/sanitizeUser';
import { phpTrim } from '../../../src/wp/phpTrim';

/**
 * username_exists / email_exists: the database compares (case-insensitively: MySQL's collation, SQLite's NOCASE),
 * never JavaScript, so the answer is the one WordPress would get from the same table.
 */
export async function usernameExists(db: Db, login: string): Promise<number | null> {
  const clean = sanitizeUser(phpTrim(login));
  if (clean === '') return null;
  const rows = await db.query<{ ID: number }>(`SELECT ID FROM ${db.table('users')} WHERE user_login = ? LIMIT 1`, [
    clean,
  ]);
  return rows.length > 0 ? Number(rows[0].ID) : null;
}

export async function emailExists(db: Db, email: string): Promise<number | null> {
  const clean = phpTrim(email);
  if (clean === '') return null;
  const rows = await db.query<{ ID: number }>(`SELECT ID FROM ${db.table('users')} WHERE user_email = ? LIMIT 1`, [
    clean,
  ]);
  return rows.length > 0 ? Number(rows[0].ID) : null;
}
