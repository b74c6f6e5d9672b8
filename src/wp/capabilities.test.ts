import { computeUserCapabilities, setRoleCapabilities, userLevelFrom, type RolesOption } from './capabilities';

const ROLES: RolesOption = {
  administrator: {
    name: 'Administrator',
    capabilities: { read: true, level_10: true, level_9: true, manage_options: true },
  },
  shop_manager: {
    name: 'Shop manager',
    capabilities: { read: true, level_9: true, edit_users: false, list_users: true },
  },
  customer: { name: 'Customer', capabilities: { read: true } },
  subscriber: { name: 'Subscriber', capabilities: { read: true, level_0: true } },
};

describe('computeUserCapabilities', () => {
  it('derives a customer', () => {
    expect(computeUserCapabilities({ customer: true }, ROLES)).toEqual({
      roles: ['customer'],
      allcaps: { read: true, customer: true },
      userLevel: 0,
    });
  });

  it('keeps stored order, merges role caps in order and lets stored caps win', () => {
    const result = computeUserCapabilities(
      { shop_manager: true, edit_posts: true, list_users: false, ghost: true, customer: true },
      ROLES,
    );
    expect(result.roles).toEqual(['shop_manager', 'customer']);
    expect(result.allcaps).toEqual({
      read: true,
      level_9: true,
      edit_users: false,
      list_users: false,
      shop_manager: true,
      edit_posts: true,
      ghost: true,
      customer: true,
    });
    expect(Object.keys(result.allcaps)).toEqual([
      'read',
      'level_9',
      'edit_users',
      'list_users',
      'shop_manager',
      'edit_posts',
      'ghost',
      'customer',
    ]);
    expect(result.userLevel).toBe(9);
  });

  it('counts a role stored as false as a role, like WordPress, while its key stays false', () => {
    const result = computeUserCapabilities({ administrator: false }, ROLES);
    expect(result.roles).toEqual(['administrator']);
    expect(result.allcaps.manage_options).toBe(true);
    expect(result.allcaps.administrator).toBe(false);
    expect(result.userLevel).toBe(10);
  });

  it('reads stored values with PHP truthiness and ignores non-arrays', () => {
    expect(computeUserCapabilities({ customer: 1, edit_posts: '0', x: [] }, ROLES).allcaps).toEqual({
      read: true,
      customer: true,
      edit_posts: false,
      x: false,
    });
    expect(computeUserCapabilities('a:1:{', ROLES)).toEqual({ roles: [], allcaps: {}, userLevel: 0 });
    expect(computeUserCapabilities(null, ROLES).roles).toEqual([]);
    expect(computeUserCapabilities(['customer'], ROLES).roles).toEqual([]);
  });
});

describe('setRoleCapabilities', () => {
  it('replaces every role, keeps per-user caps, appends the new role', () => {
    expect(setRoleCapabilities({ subscriber: true, edit_posts: true, shop_manager: true }, 'customer', ROLES)).toEqual({
      edit_posts: true,
      customer: true,
    });
    expect(
      Object.keys(setRoleCapabilities({ customer: true, edit_posts: true, subscriber: true }, 'customer', ROLES)),
    ).toEqual(['edit_posts', 'customer']);
  });

  it('changes nothing when the user has exactly that role', () => {
    const caps = { customer: true, edit_posts: true };
    expect(Object.keys(setRoleCapabilities(caps, 'customer', ROLES))).toEqual(['customer', 'edit_posts']);
  });

  it('removes all roles for an empty role and starts from {} for junk meta', () => {
    expect(setRoleCapabilities({ customer: true, edit_posts: true }, '', ROLES)).toEqual({ edit_posts: true });
    expect(setRoleCapabilities({ customer: true }, '0', ROLES)).toEqual({});
    expect(setRoleCapabilities('junk', 'customer', ROLES)).toEqual({ customer: true });
  });
});

describe('userLevelFrom', () => {
  it('takes the highest level_N key, whatever its value', () => {
    expect(userLevelFrom({})).toBe(0);
    expect(userLevelFrom({ level_3: true, LEVEL_7: false, level_11: true, level_: true })).toBe(7);
    expect(userLevelFrom({ level_10: true, level_9: true })).toBe(10);
  });
});
