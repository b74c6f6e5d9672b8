import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import { createNewCustomerUsername, randomFourDigits } from './customerUsername';
import { CUSTOMER_HOOKS } from '../hooks';
import { usernameExists } from '../store/userExists';

/** wc_create_new_customer_username with its three hooks and the database's own "exists" check. */
export function generateCustomerUsername(
  tx: Db,
  email: string,
  args: { first_name?: string; last_name?: string },
  hooks: Hooks,
): Promise<string> {
  return createNewCustomerUsername(email, args, {
    usernameExists: async (login) => (await usernameExists(tx, login)) !== null,
    isIllegalLogin: async (login) => {
      const illegal: unknown = await hooks.applyFilters(CUSTOMER_HOOKS.illegalUserLogins, []);
      return Array.isArray(illegal) && illegal.some((item) => String(item).toLowerCase() === login.toLowerCase());
    },
    generatedUsername: async (suffix) =>
      String(
        await hooks.applyFilters(
          CUSTOMER_HOOKS.generatedCustomerUsername,
          `woo_user_${randomFourDigits()}`,
          email,
          args,
          suffix,
        ),
      ),
    finalFilter: async (username, filterEmail, filterArgs, suffix) =>
      String(await hooks.applyFilters(CUSTOMER_HOOKS.newCustomerUsername, username, filterEmail, filterArgs, suffix)),
  });
}
