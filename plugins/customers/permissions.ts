import { RestError } from '../../src/rest/RestError';
import type { RestRequest } from '../../src/rest/RestRequest';
import type { Hooks } from '../../src/hooks/types';
import {
  authorizationRequiredCode,
  checkUserPermissions,
  type UserPermissionContext,
} from '../../src/auth/restPermissions';
import { CUSTOMER_HOOKS } from './hooks';
import type { CustomerStore } from './store/customerStore';
import type { WpUser } from './model/WpUser';

/** Users::get_user_in_current_site: the user, or 404 `wc_user_invalid_id` (single site: every user is a member). */
export async function userInCurrentSite(store: CustomerStore, id: unknown): Promise<WpUser> {
  const numeric = typeof id === 'number' ? id : /^\d+$/.test(String(id ?? '')) ? Number(id) : 0;
  const user = numeric > 0 ? await store.loadUser(numeric) : null;
  if (!user) throw new RestError('wc_user_invalid_id', 'Invalid user ID.', 404);
  return user;
}

/**
 * The same lookup memoized on the request: WordPress runs every endpoint's permission callback again for the
 * `Allow` header, and each would otherwise load the target user anew.
 */
export function targetUser(store: CustomerStore, request: RestRequest): Promise<WpUser> {
  const key = `woocommerce/customers:target:${String(request.param('id'))}`;
  let pending = request.locals.get(key) as Promise<WpUser> | undefined;
  if (!pending) {
    pending = userInCurrentSite(store, request.param('id'));
    request.locals.set(key, pending);
  }
  return pending;
}

/** The roles whose users may be deleted or have email/password changed (filter, default customer + subscriber). */
export async function allowedRoles(hooks: Hooks): Promise<string[]> {
  const roles: unknown = await hooks.applyFilters(CUSTOMER_HOOKS.restCustomerAllowedRoles, ['customer', 'subscriber']);
  return Array.isArray(roles) ? roles.map(String) : [];
}

/**
 * The permission callbacks of WooCommerce's customers controller (current WooCommerce, see
 * docs/woocommerce-behaviour.md#permissions): capability checks through wc_rest_check_user_permissions, the
 * unknown-user 404 before them, and the allowed-roles rules.
 */
export class CustomerPermissions {
  constructor(
    private readonly store: CustomerStore,
    private readonly hooks: Hooks,
  ) {}

  private can(request: RestRequest, context: UserPermissionContext, objectId = 0): Promise<boolean> {
    return checkUserPermissions(
      {
        hooks: this.hooks,
        user: request.user,
        loadRoles: async (userId) => (await this.store.loadUser(userId))?.roles ?? null,
      },
      context,
      objectId,
    );
  }

  private refuse(request: RestRequest, code: string, message: string): RestError {
    return new RestError(code, message, authorizationRequiredCode(request.user));
  }

  async list(request: RestRequest): Promise<true> {
    if (!(await this.can(request, 'read')))
      throw this.refuse(request, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    return true;
  }

  async create(request: RestRequest): Promise<true> {
    if (!(await this.can(request, 'create'))) {
      throw this.refuse(request, 'woocommerce_rest_cannot_create', 'Sorry, you are not allowed to create resources.');
    }
    return true;
  }

  async batch(request: RestRequest): Promise<true> {
    if (!(await this.can(request, 'batch'))) {
      throw this.refuse(
        request,
        'woocommerce_rest_cannot_batch',
        'Sorry, you are not allowed to batch manipulate this resource.',
      );
    }
    return true;
  }

  /** The downloads list: an unknown customer is a 404 before any capability check. */
  async downloads(request: RestRequest): Promise<true> {
    const id = Number(request.param('customer_id'));
    const user = Number.isSafeInteger(id) && id > 0 ? await this.store.loadUser(id) : null;
    if (!user) throw new RestError('woocommerce_rest_customer_invalid', 'Resource does not exist.', 404);
    if (!(await this.can(request, 'read', user.ID)))
      throw this.refuse(request, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
    return true;
  }

  async read(request: RestRequest): Promise<true> {
    const user = await targetUser(this.store, request);
    if (!(await this.can(request, 'read', user.ID))) {
      throw this.refuse(request, 'woocommerce_rest_cannot_view', 'Sorry, you cannot view this resource.');
    }
    return true;
  }

  async update(request: RestRequest): Promise<true> {
    const user = await targetUser(this.store, request);
    if (!(await this.can(request, 'edit', user.ID))) {
      throw this.refuse(request, 'woocommerce_rest_cannot_edit', 'Sorry, you are not allowed to edit this resource.');
    }
    const role = user.roles[0] ?? 'customer';
    if (!(await allowedRoles(this.hooks)).includes(role)) {
      // Clients often send the whole object back: an unchanged email is fine, any password is not.
      const email = request.param('email');
      if (email !== undefined && email !== null && email !== user.user_email) {
        throw this.refuse(
          request,
          'woocommerce_rest_cannot_edit',
          `Sorry, email cannot be updated via this endpoint for a user with role ${role}.`,
        );
      }
      const password = request.param('password');
      if (password !== undefined && password !== null) {
        throw this.refuse(
          request,
          'woocommerce_rest_cannot_edit',
          `Sorry, password cannot be updated via this endpoint for a user with role ${role}.`,
        );
      }
    }
    return true;
  }

  async delete(request: RestRequest): Promise<true> {
    const user = await targetUser(this.store, request);
    if (!(await this.can(request, 'delete', user.ID))) {
      throw this.refuse(
        request,
        'woocommerce_rest_cannot_delete',
        'Sorry, you are not allowed to delete this resource.',
      );
    }
    const role = user.roles[0] ?? 'customer';
    const allowed = await allowedRoles(this.hooks);
    if (!allowed.includes(role)) {
      throw this.refuse(
        request,
        'woocommerce_rest_cannot_delete',
        `Sorry, users with ${role} role cannot be deleted via this endpoint. Allowed roles: ${allowed.join(', ')}`,
      );
    }
    return true;
  }
}
