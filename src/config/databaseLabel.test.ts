import path from 'node:path';
import { databaseLabel } from './databaseLabel';

describe('how a command names its database', () => {
  it('gives a SQLite file as an absolute path', () => {
    expect(databaseLabel('sqlite:./data/wc-host.sqlite', '/srv/shop')).toBe(
      `sqlite:${path.resolve('/srv/shop', 'data/wc-host.sqlite')}`,
    );
    expect(databaseLabel('sqlite::memory:')).toBe('sqlite::memory:');
  });

  it('never shows a MySQL password, only that there is one', () => {
    expect(databaseLabel('mysql://wp:s3cr%40t@db.internal:3307/wordpress')).toBe(
      'mysql://wp:***@db.internal:3307/wordpress',
    );
    expect(databaseLabel('mariadb://wp@127.0.0.1/wordpress')).toBe('mariadb://wp@127.0.0.1/wordpress');
    expect(databaseLabel('mysql://wp:secret@db.internal/')).toBe('mysql://***@db.internal/');
  });
});
