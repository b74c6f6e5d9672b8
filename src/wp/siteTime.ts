import { siteTimezone, type SiteTimezone } from './siteTimezone';

/** The site options WordPress derives its timezone from. */
export interface SiteClockOptions {
  /** Option `timezone_string`, e.g. 'Europe/Berlin'; '' when the site uses a manual UTC offset. */
  timezoneString: string;
  /** Option `gmt_offset` in hours (may be fractional or a numeric string); used only without a timezone string. */
  gmtOffset: number | string;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

/** Date conversions between the UTC values WordPress stores and the site-local values it shows. */
export interface SiteClock {
  /** A stored UTC 'Y-m-d H:i:s' (e.g. user_registered) as site time 'Y-m-d\TH:i:s'; null for the zero date or ''. */
  utcMysqlToSiteIso(mysql: string): string | null;
  /** A stored UTC 'Y-m-d H:i:s' as UTC 'Y-m-d\TH:i:s'; null for the zero date or ''. */
  utcMysqlToUtcIso(mysql: string): string | null;
  /** A site-local 'Y-m-d H:i:s' as UTC 'Y-m-d\TH:i:s'; null for the zero date or ''. */
  siteMysqlToUtcIso(mysql: string): string | null;
  /**
   * WooCommerce v1's date_created: the UTC user_registered read as if it were site time, then shown in UTC — off by
   * the site offset on purpose, to match wc/v1 (docs/woocommerce-behaviour.md#api-versions).
   */
  utcMysqlReadAsSiteToUtcIso(mysql: string): string | null;
  /** Unix seconds (e.g. meta last_update) as site time 'Y-m-d\TH:i:s'. */
  unixToSiteIso(seconds: number): string;
  /** Unix seconds as UTC 'Y-m-d\TH:i:s'. */
  unixToUtcIso(seconds: number): string;
  /** gmdate('Y-m-d H:i:s'): UTC now, second precision (what wp_insert_user stores in user_registered). */
  nowUtcMysql(): string;
  /** current_time('mysql'): site-local now, second precision. */
  nowSiteMysql(): string;
}

/** The part of the options API the site clock reads (`timezone_string`, `gmt_offset`). */
export interface SiteOptionsReader {
  get(name: string, defaultValue?: unknown): Promise<unknown>;
}

const ZERO_DATE = '0000-00-00 00:00:00';

/** The site clock for the options as stored (a non-string timezone or offset counts as unset). */
export async function siteClockFromOptions(options: SiteOptionsReader): Promise<SiteClock> {
  const [timezoneString, gmtOffset] = await Promise.all([
    options.get('timezone_string', ''),
    options.get('gmt_offset', 0),
  ]);
  return createSiteClock({
    timezoneString: typeof timezoneString === 'string' ? timezoneString : '',
    gmtOffset: typeof gmtOffset === 'number' || typeof gmtOffset === 'string' ? gmtOffset : 0,
  });
}

/** current_time('mysql') for the site whose options these are. */
export async function nowSiteMysql(options: SiteOptionsReader): Promise<string> {
  return (await siteClockFromOptions(options)).nowSiteMysql();
}

/** gmdate('Y-m-d H:i:s'): UTC now, second precision; needs no site settings. */
export function nowUtcMysql(): string {
  return format(Math.floor(Date.now() / 1000), ' ');
}

/** WordPress's site clock (wp_timezone(), current_time(), and WooCommerce's REST date formatting). */
export function createSiteClock({ timezoneString, gmtOffset, now = Date.now }: SiteClockOptions): SiteClock {
  const zone: SiteTimezone = siteTimezone(timezoneString, gmtOffset);
  const toSiteWall = (utcSeconds: number) => utcSeconds + zone.offsetAt(utcSeconds);
  const nowSeconds = () => Math.floor(now() / 1000);
  const siteMysqlToUtcIso = (mysql: string) => mapMysql(mysql, (seconds) => format(zone.wallToUtc(seconds), 'T'));
  return {
    utcMysqlToSiteIso: (mysql) => mapMysql(mysql, (seconds) => format(toSiteWall(seconds), 'T')),
    // A valid date and time is its own UTC ISO form: only an out-of-range part needs PHP's roll-over.
    utcMysqlToUtcIso: (mysql) =>
      isValidMysqlDatetime(mysql)
        ? `${mysql.slice(0, 10)}T${mysql.slice(11)}`
        : mapMysql(mysql, (seconds) => format(seconds, 'T')),
    siteMysqlToUtcIso,
    utcMysqlReadAsSiteToUtcIso: siteMysqlToUtcIso,
    unixToSiteIso: (seconds) => format(toSiteWall(Math.floor(seconds)), 'T'),
    unixToUtcIso: (seconds) => format(Math.floor(seconds), 'T'),
    nowUtcMysql: () => format(nowSeconds(), ' '),
    nowSiteMysql: () => format(toSiteWall(nowSeconds()), ' '),
  };
}

/** Parses 'Y-m-d H:i:s' as UTC seconds (out-of-range parts roll over, as in PHP) and maps it; zero date → null. */
function mapMysql(mysql: string, map: (seconds: number) => string): string | null {
  if (mysql === '' || mysql === ZERO_DATE) return null;
  const parts = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(mysql);
  if (!parts) throw new RangeError(`Not a MySQL DATETIME: ${JSON.stringify(mysql)}`);
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  return map(date.getTime() / 1000);
}

/**
 * 'Y-m-d H:i:s' naming a real moment: every part in range (month 1-12, a day the month has, 23:59:59 at most) and
 * not the zero date. Such a text reads back unchanged through mapMysql and format.
 */
function isValidMysqlDatetime(mysql: string): boolean {
  if (mysql.length !== 19 || !MYSQL_DATETIME.test(mysql) || mysql === ZERO_DATE) return false;
  const year = Number(mysql.slice(0, 4));
  const month = Number(mysql.slice(5, 7));
  const day = Number(mysql.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || Number(mysql.slice(11, 13)) > 23) return false;
  if (Number(mysql.slice(14, 16)) > 59 || Number(mysql.slice(17, 19)) > 59) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const MYSQL_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** 'Y-m-d{separator}H:i:s' of seconds read as UTC. */
function format(seconds: number, separator: 'T' | ' '): string {
  const date = new Date(seconds * 1000);
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` +
    `${separator}${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}
