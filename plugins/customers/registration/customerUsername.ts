import { randomInt } from 'node:crypto';
import { isPhpEmptyString } from '../../../src/wp/phpEmpty';
import { sanitizeUser } from '../../../src/wp/sanitizeUser';

/** The new-user args wc_create_new_customer_username() looks at; null counts as absent (PHP isset). */
export interface CustomerNameArgs {
  first_name?: string | null;
  last_name?: string | null;
}

/** What the generator needs from the site: existence checks and WooCommerce's three filters. */
export interface CustomerUsernameDeps {
  /** username_exists(): collation-compared, so case and accents do not matter. */
  usernameExists(login: string): Promise<boolean>;
  /** Whether the login is in the `illegal_user_logins` filter list (compared case-insensitively). */
  isIllegalLogin(login: string): Promise<boolean>;
  /** Filter `woocommerce_generated_customer_username` over the default `woo_user_` + randomFourDigits(). */
  generatedUsername(suffix: string, args: CustomerNameArgs): Promise<string>;
  /** Filter `woocommerce_new_customer_username` over the final username. */
  finalFilter(username: string, email: string, args: CustomerNameArgs, suffix: string): Promise<string>;
}

/** Local parts WooCommerce considers role addresses: the domain says more about the customer. */
const COMMON_LOCAL_PARTS = ['sales', 'hello', 'mail', 'contact', 'info'];

/**
 * WooCommerce wc_create_new_customer_username(): `first.last` from the strictly sanitized names, else the email's
 * local part (its domain for sales@/hello@/mail@/contact@/info@, case-sensitively), lower-cased, plus `suffix`.
 * An illegal login restarts from a generated `woo_user_NNNN` name; a taken one retries with a fresh `-NNNN` suffix
 * replacing the previous one, without limit. The result passes the final filter. May be '' (e.g. an all-non-ASCII
 * local part) — the caller's validation rejects that.
 */
export async function createNewCustomerUsername(
  email: string,
  args: CustomerNameArgs,
  deps: CustomerUsernameDeps,
  suffix = '',
): Promise<string> {
  let nameArgs = args;
  let currentSuffix = suffix;
  for (;;) {
    const username = baseUsername(email, nameArgs) + (isPhpEmptyString(currentSuffix) ? '' : currentSuffix);
    if (await deps.isIllegalLogin(username)) {
      nameArgs = { first_name: await deps.generatedUsername(currentSuffix, nameArgs) };
    } else if (await deps.usernameExists(username)) {
      currentSuffix = `-${randomFourDigits()}`;
    } else {
      return deps.finalFilter(username, email, nameArgs, currentSuffix);
    }
  }
}

/** WordPress zeroise(wp_rand(0, 9999), 4): a CSPRNG number from 0000 to 9999. */
export function randomFourDigits(): string {
  return String(randomInt(10000)).padStart(4, '0');
}

function baseUsername(email: string, args: CustomerNameArgs): string {
  const nameParts = [args.first_name, args.last_name]
    .filter((name): name is string => name !== undefined && name !== null)
    .map((name) => sanitizeUser(name, true))
    // PHP array_filter(): '' and '0' are dropped.
    .filter((part) => !isPhpEmptyString(part));
  if (nameParts.length > 0) return nameParts.join('.').toLowerCase();

  const emailParts = email.split('@');
  const localPart = COMMON_LOCAL_PARTS.includes(emailParts[0]) ? (emailParts[1] ?? '') : emailParts[0];
  return sanitizeUser(localPart, true).toLowerCase();
}
