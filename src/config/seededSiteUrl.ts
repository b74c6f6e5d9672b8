import type { EnvConfig } from './env';

/**
 * The site URL a new database is seeded with (`siteurl`, `home`, the admin's `user_url`): WC_HOST_HOME_URL when set,
 * else where `serve` listens — a wildcard address (0.0.0.0, ::) as the loopback name a browser on this machine uses,
 * and no port for 80 or for PORT=0 (any free port, unknown until listening).
 */
export function seededSiteUrl(env: Pick<EnvConfig, 'homeUrl' | 'host' | 'port'>): string {
  if (env.homeUrl) return env.homeUrl;
  const host = env.host === '0.0.0.0' ? '127.0.0.1' : /^[0:]*:[0:]*$/.test(env.host) ? 'localhost' : env.host;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const port = env.port === 80 || env.port === 0 ? '' : `:${env.port}`;
  return `http://${shownHost}${port}`;
}
