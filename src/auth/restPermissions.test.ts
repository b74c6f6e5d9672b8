import { createHooks } from '../hooks';
import { authorizationRequiredCode, checkUserPermissions, type UserPermissionContext } from './restPermissions';
import type { CurrentUser } from './types';
import type { Hooks } from '../hooks/types';

const ADMIN: CurrentUser = {
  id: 1,
  login: 'admin',
  email: 'admin@example.com',
  roles: ['administrator'],
  allcaps: {
    administrator: true,
    list_users: true,
    edit_users: true,
    delete_users: true,
    promote_users: true,
    create_customers: true,
  },
};
const SHOP_MANAGER: CurrentUser = {
  id: 2,
  login: 'manager',
  email: 'manager@example.com',
  roles: ['shop_manager'],
  allcaps: { shop_manager: true, list_users: true, create_customers: true },
};
const CUSTOMER: CurrentUser = {
  id: 3,
  login: 'c',
  email: 'c@example.com',
  roles: ['customer'],
  allcaps: { customer: true, read: true },
};

const ROLES: Record<number, string[]> = {
  1: ['administrator'],
  2: ['shop_manager'],
  3: ['customer'],
  4: ['subscriber'],
};
const loadRoles = async (id: number): Promise<string[] | null> => ROLES[id] ?? null;

describe('checkUserPermissions (wc_rest_check_user_permissions)', () => {
  let hooks: Hooks;
  beforeEach(() => {
    hooks = createHooks();
  });
  const check = (user: CurrentUser | null, context: UserPermissionContext, objectId = 0) =>
    checkUserPermissions({ hooks, user, loadRoles }, context, objectId);

  it('maps contexts to list_users, create_customers, edit_users, delete_users and promote_users', async () => {
    const only = (cap: string): CurrentUser => ({ ...CUSTOMER, allcaps: { [cap]: true } });
    await expect(check(only('list_users'), 'read')).resolves.toBe(true);
    await expect(check(only('create_customers'), 'create')).resolves.toBe(true);
    await expect(check(only('promote_users'), 'create')).resolves.toBe(false);
    await expect(check(only('edit_users'), 'edit', 3)).resolves.toBe(true);
    await expect(check(only('delete_users'), 'delete', 3)).resolves.toBe(true);
    await expect(check(only('promote_users'), 'batch')).resolves.toBe(true);
    await expect(check(only('list_users'), 'batch')).resolves.toBe(false);
  });

  it('lets an administrator do everything and a customer or anonymous nothing', async () => {
    for (const context of ['read', 'create', 'edit', 'delete', 'batch'] as const) {
      await expect(check(ADMIN, context, 3)).resolves.toBe(true);
      await expect(check(CUSTOMER, context, 3)).resolves.toBe(false);
      await expect(check(null, context, 3)).resolves.toBe(false);
    }
  });

  it('lets a shop manager edit customers and themselves, but not other roles or unknown users', async () => {
    await expect(check(SHOP_MANAGER, 'edit', 3)).resolves.toBe(true);
    await expect(check(SHOP_MANAGER, 'edit', 2)).resolves.toBe(true);
    await expect(check(SHOP_MANAGER, 'edit', 1)).resolves.toBe(false);
    await expect(check(SHOP_MANAGER, 'edit', 4)).resolves.toBe(false);
    await expect(check(SHOP_MANAGER, 'edit', 99)).resolves.toBe(false);
    // Shop managers have no delete_users, even for customers.
    await expect(check(SHOP_MANAGER, 'delete', 3)).resolves.toBe(false);
    await expect(check(SHOP_MANAGER, 'create')).resolves.toBe(true);
  });

  it('applies woocommerce_shop_manager_editable_roles', async () => {
    hooks.addFilter('woocommerce_shop_manager_editable_roles', 'test', (roles: string[]) => [...roles, 'subscriber']);
    await expect(check(SHOP_MANAGER, 'edit', 4)).resolves.toBe(true);
  });

  it('passes the decision through woocommerce_rest_check_permissions with context, id and "user"', async () => {
    const seen: unknown[] = [];
    hooks.addFilter('woocommerce_rest_check_permissions', 'test', (permission: boolean, ...args: unknown[]) => {
      seen.push([permission, ...args]);
      return !permission;
    });
    await expect(check(CUSTOMER, 'edit', 3)).resolves.toBe(true);
    await expect(check(ADMIN, 'read')).resolves.toBe(false);
    expect(seen).toEqual([
      [false, 'edit', 3, 'user'],
      [true, 'read', 0, 'user'],
    ]);
  });
});

describe('authorizationRequiredCode', () => {
  it('is 401 for anonymous and 403 for a logged-in user', () => {
    expect(authorizationRequiredCode(null)).toBe(401);
    expect(authorizationRequiredCode(CUSTOMER)).toBe(403);
  });
});
