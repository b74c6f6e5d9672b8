import { userCan } from './userCan';
import type { CurrentUser } from './types';

const user = (roles: string[], allcaps: Record<string, boolean>): CurrentUser => ({
  id: 7,
  login: 'u',
  email: 'u@example.com',
  roles,
  allcaps,
});

describe('userCan', () => {
  const admin = user(['administrator'], {
    administrator: true,
    list_users: true,
    edit_users: true,
    delete_users: true,
    promote_users: true,
  });

  it('grants the capabilities in allcaps that are true', () => {
    expect(userCan(admin, 'list_users')).toBe(true);
    expect(userCan(user(['customer'], { customer: true, read: true, list_users: false }), 'list_users')).toBe(false);
    expect(userCan(user(['customer'], { customer: true, read: true }), 'customer')).toBe(true);
  });

  it('maps the singular user meta caps to the plural ones', () => {
    expect(userCan(admin, 'edit_user')).toBe(true);
    expect(userCan(admin, 'delete_user')).toBe(true);
    expect(userCan(admin, 'promote_user')).toBe(true);
    expect(userCan(admin, 'add_users')).toBe(true);
    expect(userCan(admin, 'remove_user')).toBe(false);
    expect(userCan(user([], { edit_user: true }), 'edit_user')).toBe(false);
  });

  it('never grants do_not_allow and always grants exist, even to anonymous', () => {
    expect(userCan(user([], { do_not_allow: true }), 'do_not_allow')).toBe(false);
    expect(userCan(null, 'exist')).toBe(true);
    expect(userCan(null, 'read')).toBe(false);
  });

  it('gives shop managers edit_users at runtime, as WooCommerce does', () => {
    expect(userCan(user(['shop_manager'], { shop_manager: true, list_users: true }), 'edit_users')).toBe(true);
    expect(userCan(user(['editor'], { editor: true }), 'edit_users')).toBe(false);
  });
});
