import type { DirectReader } from '../directReader';
import { positionExpression, type ReplicationFlavor } from './replicationFlavor';

/**
 * Where each consumer key's last write left the primary (its GTID position), kept on the primary in
 * `{prefix}wc_host_state` (name `read_position:<key id>`) so every wc-host process — on any host — sees it.
 */
export interface ReadPositions {
  /** Notes the primary's position now, after the key's write committed. */
  record(keyId: number): Promise<void>;
  /** The position the key's reads must wait for, or null if it never wrote. */
  lookup(keyId: number): Promise<string | null>;
}

export function createReadPositions(
  primary: DirectReader,
  tablePrefix: string,
  flavor: ReplicationFlavor,
): ReadPositions {
  const table = `\`${tablePrefix}wc_host_state\``;
  const position = positionExpression(flavor);
  // The position is read inside the upsert, under its row lock: of two writes by one key racing on two processes, the
  // later upsert stores a position past both, where reading it first and writing it after could store the older one.
  const upsert = `INSERT INTO ${table} (name, value) VALUES (?, ${position}) ON DUPLICATE KEY UPDATE value = ${position}`;
  const select = `SELECT value FROM ${table} WHERE name = ?`;
  const name = (keyId: number) => `read_position:${keyId}`;
  return {
    async record(keyId) {
      await primary(upsert, [name(keyId)]);
    },
    async lookup(keyId) {
      const rows = await primary(select, [name(keyId)]);
      const value = rows[0]?.value;
      return typeof value === 'string' && value !== '' ? value : null;
    },
  };
}
