import { isIP } from 'node:net';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}(?::\d{2})?)?$/;

/** rest_parse_date's acceptance: the RFC 3339 shape, and a date strtotime can read (months 1–12, days 1–31…). */
export function isRfc3339Date(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [month, day, hour, minute, second] = match.slice(2, 7).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59 && second <= 60;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$/;

/** rest_is_ip_address: IPv4 by WordPress's pattern, or IPv6. */
export function isIpAddress(value: string): boolean {
  return IPV4.test(value) || (!value.includes('%') && isIP(value) === 6);
}

/** wp_is_uuid (any version): lower-case hex groups 8-4-4-4-12. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}

/** rest_parse_hex_color / sanitize_hex_color's test: `#` and 3 or 6 hex digits. */
export function isHexColor(value: string): boolean {
  return /^#([A-Fa-f0-9]{3}){1,2}$/.test(value);
}
