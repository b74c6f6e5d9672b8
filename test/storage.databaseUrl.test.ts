import path from 'node:path';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../src/config/databaseUrl';

describe('parseDatabaseUrl', () => {
  it('defaults to ./data/wc-host.sqlite under the working directory', () => {
    expect(DEFAULT_DATABASE_URL).toBe('sqlite:./data/wc-host.sqlite');
    expect(parseDatabaseUrl(undefined, '/srv/shop')).toEqual({
      dialect: 'sqlite',
      path: '/srv/shop/data/wc-host.sqlite',
    });
  });

  it('resolves sqlite paths against the working directory, keeps absolute ones, and allows :memory:', () => {
    expect(parseDatabaseUrl('sqlite:db/shop.sqlite', '/srv')).toEqual({
      dialect: 'sqlite',
      path: '/srv/db/shop.sqlite',
    });
    expect(parseDatabaseUrl('sqlite:/var/lib/shop.sqlite', '/srv')).toEqual({
      dialect: 'sqlite',
      path: path.resolve('/var/lib/shop.sqlite'),
    });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(() => parseDatabaseUrl('sqlite:')).toThrow(/needs a file path/);
  });

  it('reads mysql:// and mariadb:// URLs, decoding credentials and defaulting the port', () => {
    expect(parseDatabaseUrl('mysql://wp%40user:p%3Ass@db.example:3307/wordpress')).toEqual({
      dialect: 'mysql',
      flavor: 'mysql',
      host: 'db.example',
      port: 3307,
      user: 'wp@user',
      password: 'p:ss',
      database: 'wordpress',
      socketPath: null,
    });
    expect(parseDatabaseUrl('mariadb://u:p@[::1]/shop')).toMatchObject({ flavor: 'mariadb', host: '::1', port: 3306 });
  });

  it("reads ?socketPath= (mysql2's own name for it) as the server's Unix socket, which must be an absolute path", () => {
    expect(parseDatabaseUrl('mysql://wp:pw@localhost/wordpress?socketPath=/run/mysqld/mysqld.sock')).toMatchObject({
      host: 'localhost',
      database: 'wordpress',
      socketPath: '/run/mysqld/mysqld.sock',
    });
    expect(parseDatabaseUrl('mysql://wp:pw@localhost/wp?socketPath=%2Fvar%2Frun%2Fmy%20sql.sock')).toMatchObject({
      socketPath: '/var/run/my sql.sock',
    });
    expect(() => parseDatabaseUrl('mysql://wp:pw@localhost/wp?socketPath=mysqld.sock')).toThrow(
      /socketPath must be the absolute path/,
    );
    expect(() => parseDatabaseUrl('mysql://wp:pw@localhost/wp?socketPath=')).toThrow(/socketPath must be the absolute/);
  });

  it('rejects a mysql URL without a database', () => {
    expect(() => parseDatabaseUrl('mysql://u:p@localhost')).toThrow(/must name one database/);
  });

  it('rejects other schemes without echoing the URL, which may hold a password', () => {
    const attempt = (): unknown => parseDatabaseUrl('postgres://admin:s3cret@db/shop');
    expect(attempt).toThrow(/Unsupported DATABASE_URL scheme "postgres:"/);
    expect(attempt).not.toThrow(/s3cret/);
    expect(() => parseDatabaseUrl('./shop.sqlite')).toThrow(/use sqlite:<path>/);
  });
});
