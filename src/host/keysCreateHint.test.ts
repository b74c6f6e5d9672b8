import { keysCreateHint } from './keysCreateHint';

describe('the first-start hint to make an API key', () => {
  it('is the plain command on the default database', () => {
    expect(keysCreateHint('sqlite:./data/wc-host.sqlite', 'wp_')).toBe(
      'npx wc-host keys create --user admin --permissions read_write',
    );
  });

  it('repeats DATABASE_URL (without the password) and DB_TABLE_PREFIX when they are set', () => {
    expect(keysCreateHint('mysql://wp:secret@127.0.0.1:3306/newdb', 'shop_')).toBe(
      'DATABASE_URL=mysql://wp:***@127.0.0.1:3306/newdb DB_TABLE_PREFIX=shop_ npx wc-host keys create --user admin --permissions read_write',
    );
    expect(keysCreateHint("sqlite:/srv/my shop/it's.sqlite", 'wp_')).toBe(
      `DATABASE_URL='sqlite:/srv/my shop/it'\\''s.sqlite' npx wc-host keys create --user admin --permissions read_write`,
    );
  });
});
