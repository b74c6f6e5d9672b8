import { WpOption, WpUser, WpUserMeta } from '../entities';
import { WcApiKey } from '../plugins/woocommerce-core';
import { WcDownloadPermission } from '../plugins/customers';
import { migrate } from '../src/db/migrate';
import { createLogger } from '../src/host/logger';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';

describe('entities over the WordPress and WooCommerce tables', () => {
  let database: TestDatabase;
  let opened: OpenDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    await migrate(opened.db, createLogger('silent'));
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it('saves and finds a user with date strings, numeric ids and case-insensitive e-mail matching', async () => {
    const users = opened.dataSource.getRepository(WpUser);
    const saved = await users.save(
      users.create({
        user_login: 'jane',
        user_pass: '$wp$2y$10$hash',
        user_nicename: 'jane',
        user_email: 'Jane@Example.com',
        user_registered: '2024-05-01 12:34:56',
        display_name: 'Jane',
      }),
    );
    expect(typeof saved.ID).toBe('number');
    const found = await users.findOneByOrFail({ user_email: 'JANE@example.COM' });
    expect(found).toMatchObject({
      ID: saved.ID,
      user_login: 'jane',
      user_email: 'Jane@Example.com',
      user_registered: '2024-05-01 12:34:56',
      user_url: '',
      user_status: 0,
    });
  });

  it('maps meta, options, API keys and download permissions column for column', async () => {
    const { dataSource } = opened;
    const meta = await dataSource
      .getRepository(WpUserMeta)
      .save({ user_id: 1, meta_key: 'billing_city', meta_value: 'Oslo' });
    expect(await dataSource.getRepository(WpUserMeta).findOneByOrFail({ umeta_id: meta.umeta_id })).toEqual({
      umeta_id: meta.umeta_id,
      user_id: 1,
      meta_key: 'billing_city',
      meta_value: 'Oslo',
    });

    await dataSource.getRepository(WpOption).save({ option_name: 'acme_name', option_value: 'Shop', autoload: 'on' });
    expect(await dataSource.getRepository(WpOption).findOneByOrFail({ option_name: 'ACME_NAME' })).toMatchObject({
      option_value: 'Shop',
      autoload: 'on',
    });

    const key = await dataSource.getRepository(WcApiKey).save({
      user_id: 1,
      description: 'test',
      permissions: 'read_write',
      consumer_key: '59ffc570fe78ce987fd35b6f351fcb12bc6070ed52480a3f67f5372c3506fbd3',
      consumer_secret: 'cs_abcdef1234567890abcdef1234567890abcdef12',
      truncated_key: '2345678',
    });
    expect(await dataSource.getRepository(WcApiKey).findOneByOrFail({ key_id: key.key_id })).toMatchObject({
      nonces: null,
      last_access: null,
      truncated_key: '2345678',
    });

    const permission = await dataSource.getRepository(WcDownloadPermission).save({
      download_id: '8f6b0e3c-1d2a-4c5b-9e7f-0a1b2c3d4e5f',
      product_id: 10,
      order_id: 20,
      order_key: 'wc_order_abc',
      user_email: 'jane@example.com',
      user_id: 1,
      downloads_remaining: '',
    });
    expect(
      await dataSource.getRepository(WcDownloadPermission).findOneByOrFail({ permission_id: permission.permission_id }),
    ).toMatchObject({
      access_granted: '0000-00-00 00:00:00',
      access_expires: null,
      download_count: 0,
    });
  });
});
