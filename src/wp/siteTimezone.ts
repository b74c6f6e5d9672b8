/** A site's timezone as WordPress resolves it: UTC offsets in seconds for instants and for wall-clock times. */
export interface SiteTimezone {
  /** Offset from UTC, in seconds, in force at the UTC instant `utcSeconds`. */
  offsetAt(utcSeconds: number): number;
  /** The UTC instant of a site wall-clock time given as if it were UTC seconds (PHP DateTime's choice in DST gaps/overlaps). */
  wallToUtc(wallSeconds: number): number;
}

/**
 * WordPress wp_timezone(): the named `timezone_string` (DST-aware, via Intl) if set, else the fixed `gmt_offset` hours
 * (may be fractional; converted like wp_timezone_string(), so 5.5 → +05:30 and minutes are truncated). Throws for a
 * zone name Intl does not know, as PHP's DateTimeZone would.
 */
export function siteTimezone(timezoneString: string, gmtOffset: number | string): SiteTimezone {
  if (timezoneString !== '') return namedZone(timezoneString);
  const offset = fixedOffsetSeconds(typeof gmtOffset === 'number' ? gmtOffset : parseFloat(gmtOffset) || 0);
  return { offsetAt: () => offset, wallToUtc: (wallSeconds) => wallSeconds - offset };
}

function fixedOffsetSeconds(hoursOffset: number): number {
  const hours = Math.trunc(hoursOffset);
  const minutes = Math.trunc(Math.abs((hoursOffset - hours) * 60));
  const sign = hoursOffset < 0 ? -1 : 1;
  return sign * (Math.abs(hours) * 3600 + minutes * 60);
}

function namedZone(name: string): SiteTimezone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (utcSeconds: number): number => {
    const parts = Object.fromEntries(
      format.formatToParts(new Date(utcSeconds * 1000)).map((part) => [part.type, part.value]),
    );
    const wall = new Date(0);
    wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
    wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second));
    return Math.round(wall.getTime() / 1000) - Math.floor(utcSeconds);
  };
  // timelib's rule: try the offset at the wall time read as UTC, then the offset at the resulting instant. In a gap
  // this moves forward by the gap; in an overlap it picks whichever of the two offsets that lands on.
  const wallToUtc = (wallSeconds: number): number => {
    const first = offsetAt(wallSeconds);
    const second = offsetAt(wallSeconds - first);
    if (first === second) return wallSeconds - first;
    if (first < second && offsetAt(wallSeconds - second) !== second) return wallSeconds - first;
    return wallSeconds - second;
  };
  return { offsetAt, wallToUtc };
}
