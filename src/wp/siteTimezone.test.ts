import { siteTimezone } from './siteTimezone';

const at = (iso: string) => Date.parse(`${iso}Z`) / 1000;

describe('siteTimezone', () => {
  it('turns gmt_offset hours into seconds like wp_timezone_string()', () => {
    expect(siteTimezone('', 2).offsetAt(0)).toBe(7200);
    expect(siteTimezone('', 5.5).offsetAt(0)).toBe(19800);
    expect(siteTimezone('', '-3.5').offsetAt(0)).toBe(-12600);
    expect(siteTimezone('', 5.75).offsetAt(0)).toBe(20700);
    expect(siteTimezone('', 5.3).offsetAt(0)).toBe(5 * 3600 + 17 * 60); // 0.3 h is 17.99… min, truncated
    expect(siteTimezone('', '').offsetAt(0)).toBe(0);
  });

  it('follows DST for named zones', () => {
    const berlin = siteTimezone('Europe/Berlin', 0);
    expect(berlin.offsetAt(at('2020-01-01T12:00:00'))).toBe(3600);
    expect(berlin.offsetAt(at('2020-07-01T12:00:00'))).toBe(7200);
    expect(siteTimezone('Asia/Kolkata', 0).offsetAt(0)).toBe(19800);
  });

  it('ignores gmt_offset when a timezone string is set', () => {
    expect(siteTimezone('UTC', 5).offsetAt(0)).toBe(0);
  });

  it('resolves wall times in DST gaps and overlaps like PHP DateTime', () => {
    const berlin = siteTimezone('Europe/Berlin', 0);
    expect(berlin.wallToUtc(at('2020-03-29T02:30:00'))).toBe(at('2020-03-29T01:30:00')); // gap: moved forward
    expect(berlin.wallToUtc(at('2020-10-25T02:30:00'))).toBe(at('2020-10-25T01:30:00')); // overlap: standard time
    expect(berlin.wallToUtc(at('2020-10-25T01:30:00'))).toBe(at('2020-10-24T23:30:00'));
    const newYork = siteTimezone('America/New_York', 0);
    expect(newYork.wallToUtc(at('2020-03-08T02:30:00'))).toBe(at('2020-03-08T07:30:00')); // gap: moved forward
    expect(newYork.wallToUtc(at('2020-11-01T01:30:00'))).toBe(at('2020-11-01T05:30:00')); // overlap: daylight time
    expect(newYork.wallToUtc(at('2020-07-01T12:00:00'))).toBe(at('2020-07-01T16:00:00'));
  });

  it('rejects unknown zone names', () => {
    expect(() => siteTimezone('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});
