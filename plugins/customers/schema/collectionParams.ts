import type { RouteArg, RouteArgs } from '../../../src/rest/types';
import { absint, wpParseIdList } from '../../../src/wp/absint';
import { sanitizeTextField } from '../../../src/wp/sanitizeTextField';

/** sanitize_key: lower-case, only [a-z0-9_-]. */
export function sanitizeKey(value: unknown): string {
  return String(value ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
}

/** WP_REST_Controller::get_context_param with WooCommerce's `view` default. */
export function contextParam(contexts: string[]): RouteArg {
  return {
    description: 'Scope under which the request is made; determines fields present in response.',
    type: 'string',
    enum: contexts,
    default: 'view',
    sanitizeCallback: sanitizeKey,
  };
}

/**
 * The list route's arguments: WP_REST_Controller's page/per_page/search/context plus WooCommerce's (in that order,
 * with their descriptions, defaults, validation and sanitizers).
 */
export function customerCollectionParams(roleNames: readonly string[]): RouteArgs {
  return {
    context: contextParam(['view', 'edit']),
    page: {
      description: 'Current page of the collection.',
      type: 'integer',
      default: 1,
      minimum: 1,
      sanitizeCallback: absint,
    },
    per_page: {
      description: 'Maximum number of items to be returned in result set.',
      type: 'integer',
      default: 10,
      minimum: 1,
      maximum: 100,
      sanitizeCallback: absint,
    },
    search: {
      description: 'Limit results to those matching a string.',
      type: 'string',
      sanitizeCallback: (value) => sanitizeTextField(String(value)),
    },
    exclude: {
      description: 'Ensure result set excludes specific IDs.',
      type: 'array',
      items: { type: 'integer' },
      default: [],
      validateCallback: () => true,
      sanitizeCallback: wpParseIdList,
    },
    include: {
      description: 'Limit result set to specific IDs.',
      type: 'array',
      items: { type: 'integer' },
      default: [],
      validateCallback: () => true,
      sanitizeCallback: wpParseIdList,
    },
    offset: {
      description: 'Offset the result set by a specific number of items.',
      type: 'integer',
      sanitizeCallback: absint,
    },
    order: {
      default: 'asc',
      description: 'Order sort attribute ascending or descending.',
      enum: ['asc', 'desc'],
      type: 'string',
      sanitizeCallback: sanitizeKey,
    },
    orderby: {
      default: 'name',
      description: 'Sort collection by object attribute.',
      enum: ['id', 'include', 'name', 'registered_date'],
      type: 'string',
      sanitizeCallback: sanitizeKey,
    },
    email: {
      description: 'Limit result set to resources with a specific email.',
      type: 'string',
      format: 'email',
    },
    role: {
      description: 'Limit result set to resources with a specific role.',
      type: 'string',
      default: 'customer',
      enum: ['all', ...roleNames],
    },
  };
}
