import type { Db } from '../../../src/db/types';
import type { Hooks } from '../../../src/hooks/types';
import type { OptionsApi } from '../../../src/host/types';
import { RestError } from '../../../src/rest/RestError';
import { hashPassword } from '../../../src/wp/password';
import { isEmail } from '../../../src/wp/isEmail';
import { generatePassword } from '../../../src/wp/generatePassword';
import { nowUtcMysql } from '../../../src/wp/siteTime';
import type { RolesOption } from '../../../src/wp/capabilities';
import { deleteApiKeysOfUser } from '../../../src/auth/apiKeys';
import { CUSTOMER_HOOKS, type UpdateUserArgs } from '../hooks';
import { Customer } from '../model/Customer';
import type { WpUser } from '../model/WpUser';
import type { AddressType } from '../model/addressFields';
import { createNewCustomer } from '../registration/createNewCustomer';
import { loadUser, loadUsers, type KeptUsers } from './loadUsers';
import { addUserMeta, deleteUserMetaById, touchLastUpdate, updateUserMeta, updateUserMetaById } from './userMeta';
import { writeRole } from './writeRole';

/** Every write that can break login/email uniqueness takes this lock (MySQL GET_LOCK; SQLite BEGIN IMMEDIATE). */
export const USERS_LOCK = 'wc_host_users';

const unixNow = () => Math.floor(Date.now() / 1000);

/** The order WC_Customer_Data_Store::update_user_meta writes address keys in. */
const ADDRESS_WRITE_ORDER = [
  'first_name',
  'last_name',
  'company',
  'address_1',
  'address_2',
  'city',
  'state',
  'postcode',
  'country',
  'email',
  'phone',
];

/**
 * WooCommerce's WC_Customer_Data_Store over the WordPress tables: reads users with their meta, and saves customers
 * the way WooCommerce and WordPress write them — each save one transaction, so no user row exists without its meta.
 */
export class CustomerStore {
  constructor(
    readonly db: Db,
    private readonly hooks: Hooks,
    private readonly options: OptionsApi,
    /** Where several users at once may come from instead of their rows (the customers lookup's snapshots). */
    private readonly kept?: KeptUsers,
  ) {}

  /** The `{prefix}user_roles` option (cached by the options API). */
  async roles(): Promise<RolesOption> {
    const roles = await this.options.get(`${this.db.prefix}user_roles`, {});
    return roles !== null && typeof roles === 'object' ? (roles as RolesOption) : {};
  }

  async loadUser(id: number): Promise<WpUser | null> {
    return loadUser(this.db, id, await this.roles());
  }

  async loadUsers(ids: readonly number[]): Promise<WpUser[]> {
    return loadUsers(this.db, ids, await this.roles(), this.kept);
  }

  customerFromUser(user: WpUser): Customer {
    return Customer.fromUser(user, this.db.prefix);
  }

  newCustomer(): Customer {
    return Customer.create(this.db.prefix);
  }

  /** WC_Customer::save: the pre-save hook, then create or update, then the post-save hook. Returns the id. */
  async save(customer: Customer): Promise<number> {
    await this.hooks.doAction(CUSTOMER_HOOKS.beforeCustomerObjectSave, customer, 'customer');
    if (customer.id) await this.update(customer);
    else await this.create(customer);
    await this.hooks.doAction(CUSTOMER_HOOKS.afterCustomerObjectSave, customer, 'customer');
    return customer.id;
  }

  private async create(customer: Customer): Promise<void> {
    const email = customer.get('email');
    // Refuse an invalid address before spending a bcrypt hash on it (the check runs again under the lock).
    if (email === '' || !isEmail(email)) {
      throw new RestError('registration-error-invalid-email', 'Please provide a valid email address.', 400);
    }
    let password = customer.getPassword();
    const passwordGenerated = password === '';
    if (passwordGenerated) password = await this.generatePassword();
    const passwordHash = await hashPassword(password);

    await this.db.transaction(
      async (tx) => {
        const roles = await this.roles();
        const id = await createNewCustomer(
          tx,
          { email, username: customer.get('username'), password, passwordHash, passwordGenerated },
          { hooks: this.hooks, roles, nowUtc: nowUtcMysql },
        );
        customer.id = id;
        await this.writeChangedProps(tx, customer);
        customer.setPassword('');
        const args = await this.hooks.applyFilters(
          CUSTOMER_HOOKS.updateCustomerArgs,
          { ID: id, role: customer.get('role'), display_name: customer.get('display_name') },
          customer,
        );
        await this.updateUserRow(tx, args, roles);
        await this.saveMetaData(tx, customer);
        await this.hooks.doAction(CUSTOMER_HOOKS.newCustomer, id, customer);
      },
      { lock: USERS_LOCK },
    );
  }

  private async update(customer: Customer): Promise<void> {
    const password = customer.getPassword();
    const passwordHash = password !== '' ? await hashPassword(password) : '';
    await this.db.transaction(
      async (tx) => {
        const roles = await this.roles();
        const args = await this.hooks.applyFilters(
          CUSTOMER_HOOKS.updateCustomerArgs,
          { ID: customer.id, user_email: customer.get('email'), display_name: customer.get('display_name') },
          customer,
        );
        await this.updateUserRow(tx, args, roles);
        if (passwordHash !== '') {
          // WooCommerce sets the password with a second wp_update_user call, which fires profile_update again.
          const beforePassword = await loadUser(tx, customer.id, roles);
          await tx.execute(`UPDATE ${tx.table('users')} SET user_pass = ?, user_activation_key = '' WHERE ID = ?`, [
            passwordHash,
            customer.id,
          ]);
          if (beforePassword) {
            await this.hooks.doAction(CUSTOMER_HOOKS.wpProfileUpdate, customer.id, beforePassword, {
              ID: customer.id,
              user_pass: passwordHash,
            });
          }
          await touchLastUpdate(tx, customer.id, unixNow);
          customer.setPassword('');
        }
        await this.writeChangedProps(tx, customer);
        await this.saveMetaData(tx, customer);
        await this.hooks.doAction(CUSTOMER_HOOKS.updateCustomer, customer.id, customer);
      },
      { lock: USERS_LOCK },
    );
  }

  /**
   * wp_delete_user(id, reassign) plus WooCommerce's listeners: the user's API keys go, posts are reassigned, every
   * meta row and the user row are deleted. Returns false when the user does not exist.
   */
  async delete(id: number, reassign: number): Promise<boolean> {
    return this.db.transaction(
      async (tx) => {
        const user = await loadUser(tx, id, await this.roles());
        if (!user) return false;
        await this.hooks.doAction(CUSTOMER_HOOKS.wpDeleteUser, id, reassign, user);
        await deleteApiKeysOfUser(tx, id);
        await tx.execute(`UPDATE ${tx.table('posts')} SET post_author = ? WHERE post_author = ?`, [reassign, id]);
        await tx.execute(`DELETE FROM ${tx.table('usermeta')} WHERE user_id = ?`, [id]);
        await tx.execute(`DELETE FROM ${tx.table('users')} WHERE ID = ?`, [id]);
        await this.hooks.doAction(CUSTOMER_HOOKS.wpDeletedUser, id, reassign, user);
        await this.hooks.doAction(CUSTOMER_HOOKS.deleteCustomer, id);
        return true;
      },
      { lock: USERS_LOCK },
    );
  }

  /** wp_generate_password() with WordPress's `random_password` filter. */
  async generatePassword(): Promise<string> {
    const password = generatePassword(12, true, false);
    return String(await this.hooks.applyFilters(CUSTOMER_HOOKS.randomPassword, password, 12, true, false));
  }

  /** The part of wp_update_user the data store relies on: email, display name, role, then profile_update. */
  private async updateUserRow(tx: Db, args: UpdateUserArgs, roles: RolesOption): Promise<void> {
    const user = await loadUser(tx, args.ID, roles);
    if (!user) return;
    const email = typeof args.user_email === 'string' ? args.user_email.trim() : user.user_email;
    if (email.toLowerCase() !== user.user_email.toLowerCase()) {
      const taken = await tx.query(`SELECT ID FROM ${tx.table('users')} WHERE user_email = ? AND ID <> ? LIMIT 1`, [
        email,
        user.ID,
      ]);
      // wp_update_user refuses the whole update (existing_user_email); WooCommerce ignores that result.
      if (taken.length > 0) return;
    }
    const displayName =
      typeof args.display_name === 'string' && args.display_name !== '' ? args.display_name : user.user_login;
    await tx.execute(`UPDATE ${tx.table('users')} SET user_email = ?, display_name = ? WHERE ID = ?`, [
      email,
      displayName,
      user.ID,
    ]);
    if (typeof args.role === 'string' && args.role !== '') await writeRole(tx, user.ID, args.role, user.caps, roles);
    await this.hooks.doAction(CUSTOMER_HOOKS.wpProfileUpdate, user.ID, user, args);
    await touchLastUpdate(tx, user.ID, unixNow);
  }

  /** WC_Customer_Data_Store::update_user_meta: writes only the props that changed. */
  private async writeChangedProps(tx: Db, customer: Customer): Promise<void> {
    const changes = customer.getChanges();
    const metaForProp: Array<[string, unknown]> = [];
    if ('is_paying_customer' in changes) metaForProp.push(['paying_customer', changes.is_paying_customer ? '1' : '']);
    if ('first_name' in changes) metaForProp.push(['first_name', changes.first_name]);
    if ('last_name' in changes) metaForProp.push(['last_name', changes.last_name]);
    for (const type of ['billing', 'shipping'] as AddressType[]) {
      const changed = changes[type];
      if (!changed) continue;
      // The data store walks its own key order (state before postcode), not the request's.
      for (const field of ADDRESS_WRITE_ORDER) {
        if (field in changed) metaForProp.push([`${type}_${field}`, changed[field]]);
      }
    }
    for (const [key, value] of metaForProp) await updateUserMeta(tx, customer.id, key, value, unixNow);
  }

  /** WC_Data::save_meta_data: deletes null values, adds new rows, updates changed ones. */
  private async saveMetaData(tx: Db, customer: Customer): Promise<void> {
    const kept = [];
    for (const meta of customer.meta) {
      if (meta.value === null || meta.value === undefined) {
        if (meta.id) await deleteUserMetaById(tx, meta.id);
        continue;
      }
      if (!meta.id) {
        meta.id = await addUserMeta(tx, customer.id, meta.key, meta.value);
      } else if (meta.key !== meta.originalKey || JSON.stringify(meta.value) !== JSON.stringify(meta.originalValue)) {
        await updateUserMetaById(tx, meta.id, meta.key, meta.value);
      }
      kept.push(meta);
    }
    customer.meta = kept;
  }
}
