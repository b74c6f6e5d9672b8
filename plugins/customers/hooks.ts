/**
 * The hooks the customers module fires, named exactly as WooCommerce and WordPress name them and fired at the same
 * moments with the same arguments (docs/woocommerce-behaviour.md#hooks). Every callback may be async.
 *
 * Register with the host's registry, e.g.
 *   host.hooks.addFilter(CUSTOMER_HOOKS.newCustomerUsername, 'acme/usernames', (username: string) => `${username}-acme`);
 *
 * Refuse an operation by throwing `RestError(code, message, status)` from a callback: the request is answered with
 * that error and nothing is written.
 */
import type { RestRequest } from '../../src/rest/RestRequest';
import type { RestResponse } from '../../src/rest/RestResponse';
import type { JsonSchema } from '../../src/rest/types';
import type { Customer } from './model/Customer';
import type { WpUser } from './model/WpUser';
import type { UserQueryArgs } from './store/userQuery/userQueryArgs';

export const CUSTOMER_HOOKS = {
  /**
   * Filter `(args: UserQueryArgs, request: RestRequest) → UserQueryArgs` — the list query (WP_User_Query arguments:
   * number, offset, role, role__in, role__not_in, search, search_columns, include, exclude, orderby, order, meta_query).
   * @since 1.0.0 (WooCommerce 2.6)
   */
  restCustomerQuery: 'woocommerce_rest_customer_query',
  /**
   * Filter `(response: RestResponse, user: WpUser, request: RestRequest) → RestResponse` — every customer serialization;
   * `response.data` is the JSON about to be sent, `response.links` its `_links`.
   */
  restPrepareCustomer: 'woocommerce_rest_prepare_customer',
  /** Action `(user: WpUser, request: RestRequest, creating: boolean)` — after a REST create or update was saved. */
  restInsertCustomer: 'woocommerce_rest_insert_customer',
  /** Action `(user: WpUser, response: RestResponse, request: RestRequest)` — after a REST delete. */
  restDeleteCustomer: 'woocommerce_rest_delete_customer',
  /** Filter `(properties: Record<string, JsonSchema>) → properties` — the item schema (OPTIONS, args, context filtering). */
  restCustomerSchema: 'woocommerce_rest_customer_schema',
  /** Filter `(limit: number, resource: 'customers') → number` — how many items one batch may hold (default 100). */
  restBatchItemsLimit: 'woocommerce_rest_batch_items_limit',
  /** Filter `(roles: string[]) → string[]` — roles whose users may be deleted, or have email/password changed (default customer, subscriber). */
  restCustomerAllowedRoles: 'woocommerce_rest_customer_allowed_roles',
  /** Filter `(allowed: boolean, context: 'read'|'create'|'edit'|'delete'|'batch', objectId: number, objectType: 'user') → boolean`. */
  restCheckPermissions: 'woocommerce_rest_check_permissions',
  /** Action `(customer: Customer, dataStore: 'customer')` — before every save (create and update); throw to refuse. */
  beforeCustomerObjectSave: 'woocommerce_before_customer_object_save',
  /** Action `(customer: Customer, dataStore: 'customer')` — after every save. */
  afterCustomerObjectSave: 'woocommerce_after_customer_object_save',
  /** Filter `(data: NewCustomerData) → NewCustomerData` — the wp_insert_user arguments of a new customer (login, email, password, role…). */
  newCustomerData: 'woocommerce_new_customer_data',
  /** Action `(username: string, email: string, errors: RegistrationErrors)` — before registration; add errors to refuse. */
  registerPost: 'woocommerce_register_post',
  /** Filter `(errors: RegistrationErrors, username: string, email: string) → RegistrationErrors` — any error aborts the create with HTTP 400. */
  registrationErrors: 'woocommerce_registration_errors',
  /** Action `(customerId: number, data: NewCustomerData, passwordGenerated: boolean)` — right after the user was inserted. */
  createdCustomer: 'woocommerce_created_customer',
  /** Action `(customerId: number, customer: Customer)` — end of a create. */
  newCustomer: 'woocommerce_new_customer',
  /** Action `(customerId: number, customer: Customer)` — end of an update. */
  updateCustomer: 'woocommerce_update_customer',
  /** Action `(customerId: number)` — after a delete. */
  deleteCustomer: 'woocommerce_delete_customer',
  /** Filter `(args: UpdateUserArgs, customer: Customer) → UpdateUserArgs` — the wp_update_user arguments of a save. */
  updateCustomerArgs: 'woocommerce_update_customer_args',
  /** Filter `(username: string, email: string, newUserArgs: object, suffix: string) → string` — a generated username. */
  newCustomerUsername: 'woocommerce_new_customer_username',
  /** Filter `(username: string, email: string, newUserArgs: object, suffix: string) → string` — the random `woo_user_NNNN` name used when a generated name is illegal. */
  generatedCustomerUsername: 'woocommerce_generated_customer_username',
  /** Filter `(logins: string[]) → string[]` — usernames that may not be registered (compared case-insensitively). */
  illegalUserLogins: 'illegal_user_logins',
  /** Filter `(password: string, length: number, specialChars: boolean, extraSpecialChars: boolean) → string` — a generated password. */
  randomPassword: 'random_password',
  /** Filter `(roles: string[]) → string[]` — roles a shop manager may edit (default customer). */
  shopManagerEditableRoles: 'woocommerce_shop_manager_editable_roles',
  /** Action `(userId: number, reassign: number | null, user: WpUser)` — WordPress `delete_user`, before the rows go. */
  wpDeleteUser: 'delete_user',
  /** Action `(userId: number, reassign: number | null, user: WpUser)` — WordPress `deleted_user`, after the rows went. */
  wpDeletedUser: 'deleted_user',
  /** Action `(userId: number, userData: Record<string, unknown>)` — WordPress `user_register`. */
  wpUserRegister: 'user_register',
  /** Action `(userId: number, oldUser: WpUser, userData: Record<string, unknown>)` — WordPress `profile_update`. */
  wpProfileUpdate: 'profile_update',
} as const;

export type CustomerHookName = (typeof CUSTOMER_HOOKS)[keyof typeof CUSTOMER_HOOKS];

/** The arguments `wc_create_new_customer` passes to `wp_insert_user` (filter `woocommerce_new_customer_data`). */
export interface NewCustomerData {
  user_login: string;
  user_pass: string;
  user_email: string;
  role: string;
  first_name: string;
  last_name: string;
  source: string;
  [key: string]: unknown;
}

/** The arguments of a `wp_update_user` call made by the data store (filter `woocommerce_update_customer_args`). */
export interface UpdateUserArgs {
  ID: number;
  role?: string;
  user_email?: string;
  display_name?: string;
  [key: string]: unknown;
}

/** WordPress's WP_Error as registration hooks see it: add an error to refuse the registration. */
export class RegistrationErrors {
  private readonly errors: Array<{ code: string; message: string }> = [];

  add(code: string, message: string): void {
    this.errors.push({ code, message });
  }

  /** The first error's code, or '' when there is none (WP_Error::get_error_code). */
  getErrorCode(): string {
    return this.errors[0]?.code ?? '';
  }

  getErrorMessage(): string {
    return this.errors[0]?.message ?? '';
  }

  hasErrors(): boolean {
    return this.errors.length > 0;
  }
}

/** Payload types of the filters, for plugin authors who want them spelled out. */
export interface CustomerHookPayloads {
  woocommerce_rest_customer_query: [args: UserQueryArgs, request: RestRequest];
  woocommerce_rest_prepare_customer: [response: RestResponse<Record<string, unknown>>, user: WpUser, request: RestRequest];
  woocommerce_rest_insert_customer: [user: WpUser, request: RestRequest, creating: boolean];
  woocommerce_rest_delete_customer: [user: WpUser, response: RestResponse, request: RestRequest];
  woocommerce_rest_customer_schema: [properties: Record<string, JsonSchema>];
  woocommerce_before_customer_object_save: [customer: Customer, dataStore: string];
  woocommerce_after_customer_object_save: [customer: Customer, dataStore: string];
  woocommerce_new_customer: [customerId: number, customer: Customer];
  woocommerce_update_customer: [customerId: number, customer: Customer];
}
