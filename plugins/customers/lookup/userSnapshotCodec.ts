import type { StoredUser } from '../store/loadUsers';
import { SNAPSHOT_META_KEYS } from './snapshotMetaKeys';

/**
 * The users columns in a snapshot, in the order loadUsers gives them (entities/WpUser.ts, whose metadata a test
 * compares with this list). Written out rather than read from the entity: stored snapshots hold the columns by
 * position, so this list is part of the format and must not follow a change to the entity on its own.
 */
export const SNAPSHOT_USER_COLUMNS = [
  'ID',
  'user_login',
  'user_pass',
  'user_nicename',
  'user_email',
  'user_url',
  'user_registered',
  'user_activation_key',
  'user_status',
  'display_name',
] as const satisfies ReadonlyArray<keyof StoredUser['user']>;

/** The format snapshots are written in; readers give null for a later one. */
export const USER_SNAPSHOT_FORMAT = 1;
const PREFIXED = '{prefix}';

/**
 * A codec for one site: meta keys written `{prefix}…` in SNAPSHOT_META_KEYS (`{prefix}capabilities`) stand for the
 * keys of this table prefix.
 */
export interface UserSnapshotCodec {
  encode(stored: StoredUser): string;
  /** Null for a text this version cannot read (a later format): the user is then read from its tables. */
  decode(text: string): StoredUser | null;
}

/**
 * A snapshot's text is one JSON array, about 40 % of what the rows as JSON objects take (a million customers'
 * snapshots are then a smaller share of the buffer pool): `[1, …the users columns in SNAPSHOT_USER_COLUMNS order…,
 * …per meta row: [umeta_id] unless it is the previous row's + 1, the key (a SNAPSHOT_META_KEYS index, or the key
 * itself as a string), the value…]`. Snapshots of the first format — `{"user": {…}, "meta": [umeta_id, key, value,
 * …]}` — are still read.
 */
export function userSnapshotCodec(prefix: string): UserSnapshotCodec {
  let codec = codecs.get(prefix);
  if (!codec) codecs.set(prefix, (codec = makeCodec(prefix)));
  return codec;
}

const codecs = new Map<string, UserSnapshotCodec>();

function makeCodec(prefix: string): UserSnapshotCodec {
  const keys = SNAPSHOT_META_KEYS.map((key) => (key.startsWith(PREFIXED) ? prefix + key.slice(PREFIXED.length) : key));
  const codes = new Map<string, number>();
  keys.forEach((key, index) => {
    if (!codes.has(key)) codes.set(key, index);
  });
  return {
    encode(stored) {
      const out: unknown[] = [USER_SNAPSHOT_FORMAT];
      for (const column of SNAPSHOT_USER_COLUMNS) out.push(stored.user[column]);
      let previous = 0;
      for (const row of stored.meta) {
        if (row.umeta_id !== previous + 1) out.push([row.umeta_id]);
        previous = row.umeta_id;
        out.push(codes.get(row.meta_key) ?? row.meta_key, row.meta_value);
      }
      return JSON.stringify(out);
    },
    decode(text) {
      if (text.startsWith('{')) return decodeFirstFormat(text);
      const values = JSON.parse(text) as unknown[];
      if (values[0] !== USER_SNAPSHOT_FORMAT) return null;
      const user: Record<string, unknown> = {};
      SNAPSHOT_USER_COLUMNS.forEach((column, index) => (user[column] = values[index + 1]));
      const meta: StoredUser['meta'] = [];
      let umetaId = 0;
      for (let index = SNAPSHOT_USER_COLUMNS.length + 1; index < values.length; index += 2) {
        let key = values[index];
        if (Array.isArray(key)) {
          umetaId = key[0] as number;
          key = values[++index];
        } else umetaId++;
        const metaKey = typeof key === 'number' ? keys[key] : key;
        if (typeof metaKey !== 'string') return null;
        meta.push({ umeta_id: umetaId, meta_key: metaKey, meta_value: values[index + 1] as string | null });
      }
      return { user: user as StoredUser['user'], meta };
    },
  };
}

function decodeFirstFormat(text: string): StoredUser {
  const { user, meta: flat } = JSON.parse(text) as { user: StoredUser['user']; meta: unknown[] };
  const meta: StoredUser['meta'] = [];
  for (let index = 0; index < flat.length; index += 3) {
    meta.push({
      umeta_id: flat[index] as number,
      meta_key: flat[index + 1] as string,
      meta_value: flat[index + 2] as string | null,
    });
  }
  return { user, meta };
}
