import { isInternalMetaKey } from './metaVisibility';

describe('isInternalMetaKey', () => {
  it('hides keys starting with wp_ in any case, and keys holding the table prefix', () => {
    expect(['wp_x', 'WP_x', 'Wp_x', 'wP_', 'shop_capabilities'].map((key) => isInternalMetaKey(key, 'shop_'))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['wpx', 'xwp_', 'w_p', 'favourite', ''].map((key) => isInternalMetaKey(key, 'shop_'))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('treats every character as lower-casing it first would (WooCommerce: strtolower then the prefix)', () => {
    const disagreements: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const character = String.fromCharCode(code);
      for (const key of [`${character}p_a`, `w${character}_a`, `wp${character}a`]) {
        if (isInternalMetaKey(key, '') !== key.toLowerCase().startsWith('wp_')) disagreements.push(key);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
