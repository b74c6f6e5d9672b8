import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import { RestError } from '../../../src/rest/RestError';
import { isEmail } from '../../../src/wp/isEmail';
import { sanitizeUser, validateUsername } from '../../../src/wp/sanitizeUser';
import { escHtml } from '../../../src/wp/escHtml';
import { hashPassword } from '../../../src/wp/password';
import type { RolesOption } from '../../../src/wp/capabilities';
import { CUSTOMER_HOOKS, RegistrationErrors } from '../hooks';
import { insertUser } from '../store/insertUser';
import { addUserMeta } from '../store/userMeta';
import { emailExists, usernameExists } from '../store/userExists';
import { generateCustomerUsername } from './generateCustomerUsername';

export interface NewCustomerInput {
  email: string;
  username: string;
  /** The plain password (given or generated before the transaction). */
  password: string;
  passwordHash: string;
  passwordGenerated: boolean;
}

export interface NewCustomerContext {
  hooks: Hooks;
  roles: RolesOption;
  nowUtc: () => string;
}

/**
 * wc_create_new_customer (WooCommerce 9.4+): the checks in WooCommerce's order and with its codes, username
 * generation, the registration hooks, then wp_insert_user. Runs inside the write transaction that holds the users
 * lock, so "exists" checks and the insert cannot interleave with another create.
 */
export async function createNewCustomer(tx: Db, input: NewCustomerInput, ctx: NewCustomerContext): Promise<number> {
  const { email } = input;
  if (email === '' || !isEmail(email)) {
    throw new RestError('registration-error-invalid-email', 'Please provide a valid email address.', 400);
  }
  if (await emailExists(tx, email)) {
    throw new RestError(
      'registration-error-email-exists',
      `An account is already registered with ${escHtml(email)}. Please log in or use a different email address.`,
      400,
    );
  }

  let username = input.username;
  if (username === '') username = await generateCustomerUsername(tx, email, {}, ctx.hooks);
  username = sanitizeUser(username);
  if (username === '' || !validateUsername(username)) {
    throw new RestError('registration-error-invalid-username', 'Please provide a valid account username.', 400);
  }
  if (await usernameExists(tx, username)) {
    throw new RestError(
      'registration-error-username-exists',
      'An account is already registered with that username. Please choose another.',
      400,
    );
  }
  if (input.password === '') {
    throw new RestError('registration-error-missing-password', 'Please create a password for your account.', 400);
  }

  const errors = new RegistrationErrors();
  await ctx.hooks.doAction(CUSTOMER_HOOKS.registerPost, username, email, errors);
  const filtered = await ctx.hooks.applyFilters(CUSTOMER_HOOKS.registrationErrors, errors, username, email);
  if (filtered instanceof RegistrationErrors && filtered.hasErrors()) {
    throw new RestError(filtered.getErrorCode(), filtered.getErrorMessage(), 400);
  }

  const data = await ctx.hooks.applyFilters(CUSTOMER_HOOKS.newCustomerData, {
    user_login: username,
    user_pass: input.password,
    user_email: email,
    role: 'customer',
    first_name: '',
    last_name: '',
    source: 'unknown',
  });
  // A filter may swap the password; only then is it hashed here, inside the transaction.
  const passwordHash =
    data.user_pass === input.password ? input.passwordHash : await hashPassword(String(data.user_pass ?? ''));
  const customerId = await insertUser(tx, data, {
    hooks: ctx.hooks,
    roles: ctx.roles,
    nowUtc: ctx.nowUtc,
    passwordHash,
  });

  if (input.passwordGenerated) await addUserMeta(tx, customerId, 'default_password_nag', '1');
  await ctx.hooks.doAction(CUSTOMER_HOOKS.createdCustomer, customerId, { ...data }, input.passwordGenerated);
  return customerId;
}
