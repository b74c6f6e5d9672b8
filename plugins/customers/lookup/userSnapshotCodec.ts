import type { StoredUser } from '../store/loadUsers';

/**
 * A snapshot's text: `{"user": {…the users columns…}, "meta": [umeta_id, meta_key, meta_value, …]}` — the meta rows
 * flattened into one array, since repeating three keys on each of a customer's few dozen rows would double its size.
 */
export function encodeStoredUser(stored: StoredUser): string {
  const meta: unknown[] = [];
  for (const row of stored.meta) meta.push(row.umeta_id, row.meta_key, row.meta_value);
  return JSON.stringify({ user: stored.user, meta });
}

export function decodeStoredUser(text: string): StoredUser {
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
