import { getMetadataArgsStorage } from 'typeorm';
import { WpUser } from '../../../entities';
import { seededRandom } from '../../../test/helpers/seededRandom';
import type { StoredUser } from '../store/loadUsers';
import { SNAPSHOT_META_KEYS } from './snapshotMetaKeys';
import { SNAPSHOT_USER_COLUMNS, userSnapshotCodec } from './userSnapshotCodec';

const random = seededRandom(20261207);

function customer(id: number, firstUmetaId: number): StoredUser {
  const values: Record<string, string> = {
    nickname: `j.petrov${id}`,
    first_name: 'Jürgen',
    last_name: 'Petrov',
    wp_capabilities: 'a:1:{s:8:"customer";b:1;}',
    wp_user_level: '0',
    billing_city: 'Köln',
    billing_email: `j.petrov${id}@example.com`,
    billing_phone: '+49 221 632047322',
  };
  const keys = SNAPSHOT_META_KEYS.filter((key) => !key.includes('{prefix}')).concat('wp_capabilities', 'wp_user_level');
  return {
    user: {
      ID: id,
      user_login: `j.petrov${id}`,
      user_pass: '$wp$2y$10$bYw1z1b3gfnD3oCAX2kfK.Mp9qPC5gGqPRSMYoFoN1KxkpcERlnXu',
      user_nicename: `j-petrov${id}`,
      user_email: `j.petrov${id}@example.com`,
      user_url: '',
      user_registered: '2018-02-02 02:07:00',
      user_activation_key: '',
      user_status: 0,
      display_name: 'Jürgen Petrov',
    },
    meta: keys.map((key, index) => ({ umeta_id: firstUmetaId + index, meta_key: key, meta_value: values[key] ?? '' })),
  };
}

function firstFormat(stored: StoredUser): string {
  return JSON.stringify({
    user: stored.user,
    meta: stored.meta.flatMap((row) => [row.umeta_id, row.meta_key, row.meta_value]),
  });
}

function randomUser(): StoredUser {
  const stored = customer(1 + random.int(5_000_000), 1);
  const keys = [...SNAPSHOT_META_KEYS, 'wp_capabilities', 'shop_capabilities', 'custom', '', '0', '12', 'ü 🎉'];
  let umetaId = random.int(3) === 0 ? 1 : random.int(40_000_000);
  stored.meta = Array.from({ length: random.int(60) }, () => {
    // Mostly consecutive ids (a user's rows written together), some gaps, a few out of order.
    umetaId = random.chance(70) ? umetaId + 1 : random.chance(80) ? umetaId + 2 + random.int(1000) : random.int(1e9);
    return {
      umeta_id: umetaId,
      meta_key: random.pick(keys),
      meta_value: random.chance(10) ? null : random.pick(['', '1', '[1,2]', '{"a":1}', 'line\n"q" \\', 'Zoë 🎉']),
    };
  });
  return stored;
}

describe('userSnapshotCodec', () => {
  it('decodes what it encodes: the same user, its columns in the same order, every meta row', () => {
    for (const prefix of ['wp_', 'shop_']) {
      const codec = userSnapshotCodec(prefix);
      for (let round = 0; round < 2000; round++) {
        const stored = randomUser();
        const decoded = codec.decode(codec.encode(stored));
        expect(decoded).toEqual(stored);
        expect(JSON.stringify(decoded)).toBe(JSON.stringify(stored));
      }
    }
  });

  it("stores the site's prefixed keys by index, and another prefix's as they are", () => {
    const stored = customer(7, 100);
    expect(userSnapshotCodec('wp_').encode(stored)).not.toContain('"wp_capabilities"');
    expect(userSnapshotCodec('shop_').encode(stored)).toContain('"wp_capabilities"');
    expect(userSnapshotCodec('shop_').decode(userSnapshotCodec('shop_').encode(stored))).toEqual(stored);
  });

  it('takes a WooCommerce customer in well under half the first format', () => {
    const stored = customer(1_234_567, 35_000_000);
    const encoded = userSnapshotCodec('wp_').encode(stored);
    expect(encoded.length).toBeLessThan(firstFormat(stored).length / 2);
  });

  it('reads snapshots of the first format', () => {
    const codec = userSnapshotCodec('wp_');
    for (let round = 0; round < 200; round++) {
      const stored = randomUser();
      expect(codec.decode(firstFormat(stored))).toEqual(stored);
    }
  });

  it('gives null for a format it cannot read', () => {
    const codec = userSnapshotCodec('wp_');
    const encoded = JSON.parse(codec.encode(customer(3, 10))) as unknown[];
    expect(codec.decode(JSON.stringify([2, ...encoded.slice(1)]))).toBeNull();
    // A key index past this version's list (a later list, without a new format number).
    encoded[SNAPSHOT_USER_COLUMNS.length + 2] = SNAPSHOT_META_KEYS.length;
    expect(codec.decode(JSON.stringify(encoded))).toBeNull();
  });

  it("lists the users columns as the entity declares them, in loadUsers' order", () => {
    const columns = getMetadataArgsStorage()
      .columns.filter((column) => column.target === WpUser)
      .map((column) => column.propertyName);
    expect([...SNAPSHOT_USER_COLUMNS]).toEqual(columns);
  });
});
