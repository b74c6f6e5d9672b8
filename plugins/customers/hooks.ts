/**
 * The hooks the customers module fires, named exactly as WooCommerce and WordPress name them and fired at the same
 * moments with the same arguments. Every callback may be async.
 *
 * They join the host's hook map (src/hooks/hookMap.ts) through declaration merging, the way any plugin declares
 * its hooks, so `hooks.addFilter('woocommerce_new_customer_username', 'acme/usernames', (username) => …)` types
 * `username` as a string and refuses a misspelled name. The JSDoc of each entry is its documentation:
 * plugins/customers/README.md's hook table is generated from it (`npm run docs:hooks`).
 *
 * Refuse an operation by throwing `RestError(code, message, status)` from a callback: the request is answered with
 * that error and nothing is written.
 */
import type { ActionMap, FilterMap } from '../../src/hooks/hookMap';
import { HOST_HOOKS } from '../../src/hooks/hookMap';
import type { RestRequest } from '../../src/rest/RestRequest';
import type { RestResponse } from '../../src/rest/RestResponse';
import type { JsonSchema } from '../../src/rest/types';
import type { Customer } from './model/Customer';
import type { WpUser } from './model/WpUser';
import type { AvailableDownload } from './orders/availableDownloads';
import type { DownloadOrder } from './orders/downloadOrders';
import type { DownloadPermission } from './orders/downloadPermissions';
import type { DownloadProduct } from './orders/downloadProducts';
import type { UserQueryArgs } from './store/userQuery/userQueryArgs';

declare module 'wc-host' {
  interface FilterMap {
    /**
     * The list query (WP_User_Query arguments: number, offset, role, role__in, role__not_in, search, search_columns,
     * include, exclude, orderby, order, meta_query).
     */
    woocommerce_rest_customer_query: [args: UserQueryArgs, request: RestRequest];
    /**
     * Every customer sent (list items, get, create, update, delete, batch): `response.data` is the JSON about to be
     * sent, `response.links` its `_links`, and its headers.
     */
    woocommerce_rest_prepare_customer: [
      response: RestResponse<Record<string, unknown>>,
      user: WpUser,
      request: RestRequest,
    ];
    /** The item schema's properties: OPTIONS, the accepted arguments and context filtering. */
    woocommerce_rest_customer_schema: [properties: Record<string, JsonSchema>];
    /** How many items one batch may hold (default 100; 413 beyond). */
    woocommerce_rest_batch_items_limit: [limit: number, resource: string];
    /** Roles whose users may be deleted, or have their email or password changed (default customer, subscriber). */
    woocommerce_rest_customer_allowed_roles: [roles: string[]];
    /** Each download of `GET /customers/<id>/downloads`, in the version's shape. */
    woocommerce_rest_prepare_customer_download: [
      response: RestResponse<Record<string, unknown>>,
      download: AvailableDownload,
      request: RestRequest,
    ];
    /** The `wp_update_user` arguments of a save (`ID`, `role` or `user_email`, `display_name`). */
    woocommerce_update_customer_args: [args: UpdateUserArgs, customer: Customer];
    /** The `wp_insert_user` arguments of a new customer (login, email, password, role…). */
    woocommerce_new_customer_data: [data: NewCustomerData];
    /** Registration errors: any error aborts the create with HTTP 400 and its code. */
    woocommerce_registration_errors: [errors: RegistrationErrors, username: string, email: string];
    /** A generated username (creates without one). */
    woocommerce_new_customer_username: [username: string, email: string, newUserArgs: CustomerNameArgs, suffix: string];
    /** The random `woo_user_NNNN` name used when a generated name is illegal. */
    woocommerce_generated_customer_username: [
      username: string,
      email: string,
      newUserArgs: CustomerNameArgs,
      suffix: string,
    ];
    /** Usernames nobody may register (compared case-insensitively). */
    illegal_user_logins: [logins: string[]];
    /** A generated password (12 characters by default). */
    random_password: [password: string, length: number, specialChars: boolean, extraSpecialChars: boolean];
    /** The order statuses that count as orders, as stored (`wc-completed`…) with their labels (orders_count, last_order). */
    wc_order_statuses: [statuses: Record<string, string>];
    /** The statuses of paid orders, without `wc-` (default processing, completed): their totals make total_spent. */
    woocommerce_order_is_paid_statuses: [statuses: string[]];
    /** The customer's download permissions (rows with downloads left and access not expired). */
    woocommerce_permission_list: [permissions: DownloadPermission[], customerId: number];
    /** Whether the order permits downloads (default: completed, or processing when access is granted after payment). */
    woocommerce_order_is_download_permitted: [permitted: boolean, order: DownloadOrder];
    /** A download's name; `fileNumber` counts the files of one product in one order from 0. */
    woocommerce_downloadable_product_name: [
      name: string,
      product: DownloadProduct,
      downloadId: string,
      fileNumber: number,
    ];
    /** The customer's available downloads (`wc_get_customer_available_downloads`). */
    woocommerce_customer_available_downloads: [downloads: AvailableDownload[], customerId: number];
  }

  interface ActionMap {
    /** After a REST create or update was saved. */
    woocommerce_rest_insert_customer: [user: WpUser, request: RestRequest, creating: boolean];
    /** After a REST delete. */
    woocommerce_rest_delete_customer: [
      user: WpUser,
      response: RestResponse<Record<string, unknown>>,
      request: RestRequest,
    ];
    /** Before every save (create and update), before anything is written; throw to refuse. */
    woocommerce_before_customer_object_save: [customer: Customer, dataStore: string];
    /** After every save was committed. */
    woocommerce_after_customer_object_save: [customer: Customer, dataStore: string];
    /** End of a create, inside its transaction: throwing undoes it. */
    woocommerce_new_customer: [customerId: number, customer: Customer];
    /** End of an update, inside its transaction. */
    woocommerce_update_customer: [customerId: number, customer: Customer];
    /** After a delete, inside its transaction. */
    woocommerce_delete_customer: [customerId: number];
    /** Before registration (`wc_create_new_customer`): add an error to `errors` to refuse. */
    woocommerce_register_post: [username: string, email: string, errors: RegistrationErrors];
    /** Right after the user row and its meta were inserted. */
    woocommerce_created_customer: [customerId: number, data: NewCustomerData, passwordGenerated: boolean];
    /** WordPress `user_register`: after `wp_insert_user` created a user (`userData` without the password). */
    user_register: [userId: number, userData: Record<string, unknown>];
    /** WordPress `profile_update`: after `wp_update_user` (every save). */
    profile_update: [userId: number, oldUser: WpUser, userData: Record<string, unknown>];
    /** WordPress `delete_user`: before the user's rows are deleted (`reassign` 0 for none). */
    delete_user: [userId: number, reassign: number, user: WpUser];
    /** WordPress `deleted_user`: after the user's rows were deleted. */
    deleted_user: [userId: number, reassign: number, user: WpUser];
  }
}

/** The names of the hooks the customers module fires (documented in the hook map above and in README.md). */
export const CUSTOMER_HOOKS = {
  restCustomerQuery: 'woocommerce_rest_customer_query',
  restPrepareCustomer: 'woocommerce_rest_prepare_customer',
  restInsertCustomer: 'woocommerce_rest_insert_customer',
  restDeleteCustomer: 'woocommerce_rest_delete_customer',
  restCustomerSchema: 'woocommerce_rest_customer_schema',
  restBatchItemsLimit: 'woocommerce_rest_batch_items_limit',
  restCustomerAllowedRoles: 'woocommerce_rest_customer_allowed_roles',
  /** Fired by the host's permission check (src/auth/restPermissions.ts); declared in the host's map. */
  restCheckPermissions: HOST_HOOKS.restCheckPermissions,
  /** Fired by the host's permission check (src/auth/restPermissions.ts); declared in the host's map. */
  shopManagerEditableRoles: HOST_HOOKS.shopManagerEditableRoles,
  restPrepareCustomerDownload: 'woocommerce_rest_prepare_customer_download',
  beforeCustomerObjectSave: 'woocommerce_before_customer_object_save',
  afterCustomerObjectSave: 'woocommerce_after_customer_object_save',
  updateCustomerArgs: 'woocommerce_update_customer_args',
  newCustomer: 'woocommerce_new_customer',
  updateCustomer: 'woocommerce_update_customer',
  deleteCustomer: 'woocommerce_delete_customer',
  registerPost: 'woocommerce_register_post',
  registrationErrors: 'woocommerce_registration_errors',
  newCustomerData: 'woocommerce_new_customer_data',
  createdCustomer: 'woocommerce_created_customer',
  newCustomerUsername: 'woocommerce_new_customer_username',
  generatedCustomerUsername: 'woocommerce_generated_customer_username',
  illegalUserLogins: 'illegal_user_logins',
  randomPassword: 'random_password',
  wpUserRegister: 'user_register',
  wpProfileUpdate: 'profile_update',
  wpDeleteUser: 'delete_user',
  wpDeletedUser: 'deleted_user',
  orderStatuses: 'wc_order_statuses',
  orderIsPaidStatuses: 'woocommerce_order_is_paid_statuses',
  permissionList: 'woocommerce_permission_list',
  orderIsDownloadPermitted: 'woocommerce_order_is_download_permitted',
  downloadableProductName: 'woocommerce_downloadable_product_name',
  customerAvailableDownloads: 'woocommerce_customer_available_downloads',
} as const satisfies Record<string, keyof FilterMap | keyof ActionMap>;

export type CustomerHookName = (typeof CUSTOMER_HOOKS)[keyof typeof CUSTOMER_HOOKS];

/** Each customers hook's argument tuple (the filtered value first, for filters), as the hook map declares it. */
export type CustomerHookPayloads = {
  [N in CustomerHookName]: N extends keyof FilterMap ? FilterMap[N] : N extends keyof ActionMap ? ActionMap[N] : never;
};

/** The new-user arguments the username filters receive; null counts as absent (PHP isset). */
export interface CustomerNameArgs {
  first_name?: string | null;
  last_name?: string | null;
}

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
