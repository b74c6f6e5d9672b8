/**
 * The hook map: every hook's name with the arguments it is fired with, so `addFilter`, `addAction`, `applyFilters`
 * and `doAction` type their callbacks and arguments from the name alone (see ./types.ts).
 *
 * - A `FilterMap` entry is the filter's argument tuple, the filtered value first: a callback gets the tuple and
 *   returns (or resolves to) the first element's type.
 * - An `ActionMap` entry is the action's argument tuple; what a callback returns is ignored.
 *
 * This file declares the hooks the host itself fires. A plugin adds its own by declaration merging, as
 * plugins/customers/hooks.ts does and as examples/greeting-plugin shows:
 *
 *   declare module 'wc-host' {
 *     interface FilterMap {
 *       /** The greeting sent by GET /acme/v1/greeting; `name` is who is greeted. *\/
 *       acme_greeting: [greeting: string, name: string];
 *     }
 *   }
 *
 * The JSDoc of each entry is its documentation: `npm run docs:hooks` writes the README tables from it
 * (scripts/hooksTable.ts).
 */
import type { UserPermissionContext } from '../auth/restPermissions';
import type { RestError } from '../rest/RestError';
import type { RestRequest } from '../rest/RestRequest';
import type { RestResponse } from '../rest/RestResponse';
import type { RestApi, RouteHandler } from '../rest/types';
import type { HandlerCallback } from './registry';

export interface FilterMap {
  /**
   * Before routing (WP_REST_Server::dispatch). `result` starts as null; return anything else (a `RestResponse`, a
   * `RestError`, or data) and it is the answer, with no route matched and no permission checked.
   */
  rest_pre_dispatch: [result: unknown, server: RestApi, request: RestRequest];
  /**
   * Before the permission and route callbacks (WP_REST_Server::respond_to_request). `error` is the argument
   * validation error, if any; return a `RestError` to answer with it and skip both callbacks, or null to run them.
   */
  rest_request_before_callbacks: [error: RestError | null, handler: RouteHandler, request: RestRequest];
  /** After the route callback: `result` is what it returned (data, a `RestResponse` or a `RestError`); return the answer. */
  rest_request_after_callbacks: [result: unknown, handler: RouteHandler, request: RestRequest];
  /** Every response, after dispatch and `_fields` filtering, before `_envelope` and the headers are sent. */
  rest_post_dispatch: [response: RestResponse, server: RestApi, request: RestRequest];
  /** The site index (`GET /wp-json/`). */
  rest_index: [response: RestResponse<Record<string, unknown>>, request: RestRequest];
  /** Whether a `_jsonp` callback is honoured (default true); false answers such requests 400 `rest_callback_disabled`. */
  rest_jsonp_enabled: [enabled: boolean];
  /** Whether the request is to WooCommerce's API, and so may authenticate with an API key (default: `wc/*` and `wc-*` routes). */
  woocommerce_rest_is_request_to_rest_api: [isWooCommerceApi: boolean, request: RestRequest];
  /** Return true to stop writing the key's `last_access` (written at most once a minute). */
  woocommerce_disable_rest_api_access_log: [disabled: boolean, keyId: number, userId: number];
  /** Roles whose users a shop manager may edit or delete (default `['customer']`). */
  woocommerce_shop_manager_editable_roles: [roles: string[]];
  /** Every permission decision on users; `context` is `read`, `create`, `edit`, `delete` or `batch`, `objectId` 0 for collections. */
  woocommerce_rest_check_permissions: [
    allowed: boolean,
    context: UserPermissionContext,
    objectId: number,
    objectType: string,
  ];
}

export interface ActionMap {
  /** A handler was added (any hook, any store), as in `@wordpress/hooks`. Runs synchronously; a returned promise is not awaited. */
  hookAdded: [hookName: string, namespace: string, callback: HandlerCallback, priority: number];
  /** Handlers were removed; `namespace` is undefined when `removeAll*` removed every handler of the hook. Synchronous. */
  hookRemoved: [hookName: string, namespace: string | undefined];
}

/** The names of the hooks the host fires, for code that prefers a constant (and its JSDoc) to a string. */
export const HOST_HOOKS = {
  restPreDispatch: 'rest_pre_dispatch',
  restRequestBeforeCallbacks: 'rest_request_before_callbacks',
  restRequestAfterCallbacks: 'rest_request_after_callbacks',
  restPostDispatch: 'rest_post_dispatch',
  restIndex: 'rest_index',
  restJsonpEnabled: 'rest_jsonp_enabled',
  restIsRequestToRestApi: 'woocommerce_rest_is_request_to_rest_api',
  disableRestApiAccessLog: 'woocommerce_disable_rest_api_access_log',
  shopManagerEditableRoles: 'woocommerce_shop_manager_editable_roles',
  restCheckPermissions: 'woocommerce_rest_check_permissions',
  hookAdded: 'hookAdded',
  hookRemoved: 'hookRemoved',
} as const satisfies Record<string, keyof FilterMap | keyof ActionMap>;
