import { WpApiKey, WpDownloadPermission, WpOption, WpUser, WpUserMeta } from '../entities';
import { createMissingTables } from '../src/db/migrations/createMissingTables';
import { wordPressTables } from '../src/db/migrations/tables';
import { createTestDatabase, openDb, type OpenDb, type TestDatabase } from './helpers/testDatabase';

describe('entities over the WordPress tables', () => {
  let database: TestDatabase;
  let opened: OpenDb;

  beforeAll(async () => {
    database = await createTestDatabase();
    opened = await openDb(database.url);
    const runner = opened.dataSource.createQueryRunner();
    try {
      await createMissingTables(runner, wordPressTables);
    } finally {
      await runner.release();
    }
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it('saves and finds a user with date strings, numeric ids and case-insensitive e-mail matching', async () => {
    const users = opened.dataSource.getRepository(WpUser);
    const saved = await users.save(
      users.create({
        userLogin: 'jane',
        userPass: '$wp$2y$10$hash',
        userNicename: 'jane',
        userEmail: 'Jane@Example.com',
        userRegistered: '2024-05-01 12:34:56',
        displayName: 'Jane',
      }),
    );
    expect(typeof saved.id).toBe('number');
    const found = await users.findOneByOrFail({ userEmail: 'JANE@example.COM' });
    expect(found).toMatchObject({
      id: saved.id,
      userLogin: 'jane',
      userEmail: 'Jane@Example.com',
      userRegistered: '2024-05-01 12:34:56',
      userUrl: '',
      userStatus: 0,
    });
  });

  it('maps meta, options, API keys and download permissions column for column', async () => {
    const { dataSource } = opened;
    const meta = await dataSource.getRepository(WpUserMeta).save({ userId: 1, metaKey: 'billing_city', metaValue: 'Oslo' });
    expect(await dataSource.getRepository(WpUserMeta).findOneByOrFail({ umetaId: meta.umetaId })).toEqual({
      umetaId: meta.umetaId,
      userId: 1,
      metaKey: 'billing_city',
      metaValue: 'Oslo',
    });

    await dataSource.getRepository(WpOption).save({ optionName: 'blogname', optionValue: 'Shop', autoload: 'on' });
    expect(await dataSource.getRepository(WpOption).findOneByOrFail({ optionName: 'BLOGNAME' })).toMatchObject({
      optionValue: 'Shop',
      autoload: 'on',
    });

    const key = await dataSource.getRepository(WpApiKey).save({
      userId: 1,
      description: 'test',
      permissions: 'read_write',
      consumerKey: '59ffc570fe78ce987fd35b6f351fcb12bc6070ed52480a3f67f5372c3506fbd3',
      consumerSecret: 'cs_abcdef1234567890abcdef1234567890abcdef12',
      truncatedKey: '2345678',
    });
    expect(await dataSource.getRepository(WpApiKey).findOneByOrFail({ keyId: key.keyId })).toMatchObject({
      nonces: null,
      lastAccess: null,
      truncatedKey: '2345678',
    });

    const permission = await dataSource.getRepository(WpDownloadPermission).save({
      downloadId: '8f6b0e3c-1d2a-4c5b-9e7f-0a1b2c3d4e5f',
      productId: 10,
      orderId: 20,
      orderKey: 'wc_order_abc',
      userEmail: 'jane@example.com',
      userId: 1,
      downloadsRemaining: '',
    });
    expect(await dataSource.getRepository(WpDownloadPermission).findOneByOrFail({ permissionId: permission.permissionId })).toMatchObject({
      accessGranted: '0000-00-00 00:00:00',
      accessExpires: null,
      downloadCount: 0,
    });
  });
});
