/** An amount as a driver returns it: DECIMAL as exact text (mysql2), DOUBLE or REAL as a number; null is none. */
export type DriverAmount = number | string | null;

/**
 * a + b as SQL's SUM adds them: NULL is skipped (NULL only when both are); DECIMAL texts exactly, as MySQL sums
 * DECIMAL (the text keeps the larger scale), numbers as doubles.
 */
export function addAmounts(a: DriverAmount, b: DriverAmount): DriverAmount {
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'number' || typeof b === 'number') return Number(a) + Number(b);
  const [x, y] = [decimalParts(a), decimalParts(b)];
  if (!x || !y) return Number(a) + Number(b);
  const scale = Math.max(x.scale, y.scale);
  const units = x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale);
  return decimalText(units, scale);
}

/** A decimal text as an integer number of 10^-scale units; null when it is not one (an exponent, say). */
function decimalParts(text: string): { units: bigint; scale: number } | null {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole + fraction);
  return { units: sign ? -units : units, scale: fraction.length };
}

function decimalText(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale > 0 ? `.${digits.slice(digits.length - scale)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}
