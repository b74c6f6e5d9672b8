import { createSiteClock, nowSiteMysql, nowUtcMysql, siteClockFromOptions } from './siteTime';

const plusTwo = createSiteClock({ timezoneString: '', gmtOffset: 2 });

describe('createSiteClock', () => {
  it('shows stored UTC dates in site time and in UTC (the example in docs/woocommerce-behaviour.md)', () => {
    expect(plusTwo.utcMysqlToSiteIso('2020-01-01 12:00:00')).toBe('2020-01-01T14:00:00');
    expect(plusTwo.utcMysqlToUtcIso('2020-01-01 12:00:00')).toBe('2020-01-01T12:00:00');
    expect(plusTwo.utcMysqlToSiteIso('2020-12-31 23:30:00')).toBe('2021-01-01T01:30:00');
  });

  it('converts site-local dates to UTC', () => {
    expect(plusTwo.siteMysqlToUtcIso('2020-01-01 14:00:00')).toBe('2020-01-01T12:00:00');
    const kolkata = createSiteClock({ timezoneString: '', gmtOffset: 5.5 });
    expect(kolkata.siteMysqlToUtcIso('2020-01-01 05:30:00')).toBe('2020-01-01T00:00:00');
  });

  it('reproduces the wc/v1 date_created shift', () => {
    expect(plusTwo.utcMysqlReadAsSiteToUtcIso('2020-01-01 12:00:00')).toBe('2020-01-01T10:00:00');
  });

  it('uses named zones with DST', () => {
    const berlin = createSiteClock({ timezoneString: 'Europe/Berlin', gmtOffset: 9 });
    expect(berlin.utcMysqlToSiteIso('2020-01-01 12:00:00')).toBe('2020-01-01T13:00:00');
    expect(berlin.utcMysqlToSiteIso('2020-07-01 12:00:00')).toBe('2020-07-01T14:00:00');
    expect(berlin.unixToSiteIso(1593604800)).toBe('2020-07-01T14:00:00');
  });

  it('formats unix seconds', () => {
    expect(plusTwo.unixToUtcIso(1577880000)).toBe('2020-01-01T12:00:00');
    expect(plusTwo.unixToSiteIso(1577880000)).toBe('2020-01-01T14:00:00');
    expect(plusTwo.unixToUtcIso(0)).toBe('1970-01-01T00:00:00');
  });

  it('returns null for the zero date and empty values, and rejects other shapes', () => {
    expect(plusTwo.utcMysqlToSiteIso('0000-00-00 00:00:00')).toBeNull();
    expect(plusTwo.utcMysqlToUtcIso('')).toBeNull();
    expect(() => plusTwo.utcMysqlToUtcIso('2020-01-01T12:00:00')).toThrow(RangeError);
  });

  it('rolls impossible dates over like PHP and keeps early years', () => {
    expect(plusTwo.utcMysqlToUtcIso('2021-02-29 00:00:00')).toBe('2021-03-01T00:00:00');
    expect(plusTwo.utcMysqlToUtcIso('0099-05-05 00:00:00')).toBe('0099-05-05T00:00:00');
  });

  it('tells the current time in UTC and site time, to the second', () => {
    const clock = createSiteClock({ timezoneString: 'America/New_York', gmtOffset: 0, now: () => 1593604800999 });
    expect(clock.nowUtcMysql()).toBe('2020-07-01 12:00:00');
    expect(clock.nowSiteMysql()).toBe('2020-07-01 08:00:00');
  });
});

describe('site clock from options', () => {
  const options = (values: Record<string, unknown>) => ({
    get: async (name: string, defaultValue?: unknown) => (name in values ? values[name] : defaultValue),
  });

  it('reads timezone_string and gmt_offset', async () => {
    const clock = await siteClockFromOptions(options({ timezone_string: '', gmt_offset: '5.5' }));
    expect(clock.utcMysqlToSiteIso('2020-01-01 00:00:00')).toBe('2020-01-01T05:30:00');
    const named = await siteClockFromOptions(options({ timezone_string: 'Europe/Berlin', gmt_offset: 9 }));
    expect(named.utcMysqlToSiteIso('2020-07-01 00:00:00')).toBe('2020-07-01T02:00:00');
  });

  it('treats missing or odd values as UTC', async () => {
    const clock = await siteClockFromOptions(options({ timezone_string: false, gmt_offset: ['x'] }));
    expect(clock.utcMysqlToSiteIso('2020-01-01 00:00:00')).toBe('2020-01-01T00:00:00');
  });

  it('gives current_time(mysql) and gmdate now', async () => {
    jest.useFakeTimers({ now: Date.UTC(2020, 6, 1, 12, 0, 0, 500) });
    try {
      expect(nowUtcMysql()).toBe('2020-07-01 12:00:00');
      expect(await nowSiteMysql(options({ timezone_string: 'Asia/Kolkata' }))).toBe('2020-07-01 17:30:00');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('utcMysqlToUtcIso', () => {
  it('gives what parsing and formatting give (roll-over included), for every kind of date text', () => {
    // A UTC site's siteMysqlToUtcIso parses and formats with no offset: the general path utcMysqlToUtcIso skips.
    const utc = createSiteClock({ timezoneString: '', gmtOffset: 0 });
    const outcome = (convert: () => string | null) => {
      try {
        return convert();
      } catch (error) {
        return String(error);
      }
    };
    let seed = 20261207;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const two = (limit: number) => String(next(limit)).padStart(2, '0');
    const texts = ['', '0000-00-00 00:00:00', '2020-01-01T12:00:00', '2020-1-01 12:00:00', '2024-02-29 10:00:00'];
    for (let index = 0; index < 20_000; index++) {
      const year = String(next(3) === 0 ? next(10_000) : 1900 + next(200)).padStart(4, '0');
      texts.push(`${year}-${two(14)}-${two(33)} ${two(26)}:${two(62)}:${two(62)}`);
    }
    const differing = texts.filter(
      (text) => outcome(() => plusTwo.utcMysqlToUtcIso(text)) !== outcome(() => utc.siteMysqlToUtcIso(text)),
    );
    expect(differing).toEqual([]);
  });
});
