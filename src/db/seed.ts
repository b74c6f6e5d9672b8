import { randomBytes } from 'node:crypto';
import { hashPassword } from '../wp/password';
import { maybeSerialize } from '../wp/phpSerialize';
import { freshSiteAdministrator } from './seedData/administrator';
import { freshSiteOptions } from './seedData/freshSiteOptions';
import type { Db } from './types';

export interface SeedOptions {
  /** siteurl/home and the admin's user_url. Default http://127.0.0.1:8080. */
  siteUrl?: string;
  /** admin_email and the admin's user_email. Default admin@example.com. */
  adminEmail?: string;
}

export const DEFAULT_SITE_URL = 'http://127.0.0.1:8080';
export const DEFAULT_ADMIN_EMAIL = 'admin@example.com';

/**
 * Fills an empty database the way a fresh WordPress 6.8 + WooCommerce 9.9 install does: the roles and the options
 * the customers module reads, and the administrator `admin` (ID 1). The admin gets a random password that nobody
 * is told; make an API key for it, or set a password, to use it. All in one transaction.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<void> {
  const siteUrl = (options.siteUrl ?? DEFAULT_SITE_URL).replace(/\/+$/, '');
  const adminEmail = options.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const administrator = freshSiteAdministrator({
    passwordHash,
    email: adminEmail,
    siteUrl,
    tablePrefix: db.prefix,
    registered: new Date().toISOString().slice(0, 19).replace('T', ' '),
  });

  await db.transaction(async (tx) => {
    for (const option of freshSiteOptions({ siteUrl, adminEmail, tablePrefix: tx.prefix })) {
      await tx.execute(`INSERT INTO ${tx.table('options')} (option_name, option_value, autoload) VALUES (?, ?, ?)`, [
        option.name,
        maybeSerialize(option.value),
        option.autoload,
      ]);
    }
    const columns = Object.keys(administrator.row);
    await tx.execute(
      `INSERT INTO ${tx.table('users')} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      Object.values(administrator.row),
    );
    for (const [key, value] of administrator.meta) {
      await tx.execute(`INSERT INTO ${tx.table('usermeta')} (user_id, meta_key, meta_value) VALUES (?, ?, ?)`, [
        administrator.row.ID,
        key,
        value,
      ]);
    }
  });
}
