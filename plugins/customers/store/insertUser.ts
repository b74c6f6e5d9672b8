import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import { RestError } from '../../../src/rest/RestError';
import { sanitizeUser } from '../../../src/wp/sanitizeUser';
import { sanitizeTitle } from '../../../src/wp/sanitizeTitle';
import { sanitizeEmail } from '../../../src/wp/sanitizeEmail';
import { filterUserTextField } from '../../../src/wp/filterUserTextField';
import { newUserMeta } from '../../../src/wp/newUserMeta';
import type { RolesOption } from '../../../src/wp/capabilities';
import { CUSTOMER_HOOKS, type NewCustomerData } from '../hooks';
import { addUserMetaRows } from './userMeta';
import { writeRole } from './writeRole';
import { usernameExists, emailExists } from './userExists';

export interface InsertUserContext {
  hooks: Hooks;
  roles: RolesOption;
  /** UTC `YYYY-MM-DD HH:MM:SS` now. */
  nowUtc: () => string;
  /** Already hashed (hashing runs before the write transaction so it never holds the lock). */
  passwordHash: string;
}

/**
 * wp_insert_user for a new user, as WordPress 6.8 derives and writes it: the `{prefix}users` row (login, nicename with
 * `-2` suffixes, email, UTC registration date, display name), then the meta rows in WordPress's order, then the role.
 * Errors carry WordPress's codes; WooCommerce passes them on as HTTP 400.
 */
export async function insertUser(tx: Db, data: NewCustomerData, ctx: InsertUserContext): Promise<number> {
  const login = sanitizeUser(String(data.user_login ?? ''), true).trim();
  if (login === '') throw new RestError('empty_user_login', 'Cannot create a user with an empty login name.', 400);
  if ([...login].length > 60)
    throw new RestError('user_login_too_long', 'Username may not be longer than 60 characters.', 400);
  if (await usernameExists(tx, login))
    throw new RestError('existing_user_login', 'Sorry, that username already exists!', 400);
  const illegal: unknown = await ctx.hooks.applyFilters(CUSTOMER_HOOKS.illegalUserLogins, []);
  if (Array.isArray(illegal) && illegal.map((item) => String(item).toLowerCase()).includes(login.toLowerCase())) {
    throw new RestError('invalid_username', 'Sorry, that username is not allowed.', 400);
  }

  const nicename = await uniqueNicename(tx, sanitizeTitle([...login].slice(0, 50).join('')), login);

  const email = sanitizeEmail(String(data.user_email ?? '').trim());
  if (await emailExists(tx, email))
    throw new RestError('existing_user_email', 'Sorry, that email address is already used!', 400);

  const firstName = filterUserTextField(String(data.first_name ?? ''));
  const lastName = filterUserTextField(String(data.last_name ?? ''));
  const displayName = filterUserTextField(
    firstName && lastName ? `${firstName} ${lastName}` : firstName || lastName || login,
  );

  const inserted = await tx.execute(
    `INSERT INTO ${tx.table('users')} (user_login, user_pass, user_nicename, user_email, user_url, user_registered, user_activation_key, user_status, display_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [login, ctx.passwordHash, nicename, email, '', ctx.nowUtc(), '', 0, displayName],
  );
  const userId = inserted.insertId;

  const meta = newUserMeta({ nickname: filterUserTextField(login), firstName, lastName });
  await addUserMetaRows(tx, userId, meta);
  await writeRole(tx, userId, String(data.role || 'customer'), {}, ctx.roles);

  await ctx.hooks.doAction(CUSTOMER_HOOKS.wpUserRegister, userId, { ...data, user_pass: undefined });
  return userId;
}

/** WordPress keeps nicenames unique by appending -2, -3… (the base cut so the whole stays within 50 characters). */
async function uniqueNicename(tx: Db, base: string, login: string): Promise<string> {
  if (base === '') throw new RestError('empty_user_nicename', 'Cannot create a user with an empty nicename.', 400);
  if ([...base].length > 50)
    throw new RestError('user_nicename_too_long', 'Nicename may not be longer than 50 characters.', 400);
  const taken = async (nicename: string) =>
    (
      await tx.query(`SELECT ID FROM ${tx.table('users')} WHERE user_nicename = ? AND user_login <> ? LIMIT 1`, [
        nicename,
        login,
      ])
    ).length > 0;
  if (!(await taken(base))) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${[...base].slice(0, 49 - String(suffix).length).join('')}-${suffix}`;
    if (!(await taken(candidate))) return candidate;
  }
}
