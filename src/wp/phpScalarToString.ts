/** PHP's `precision` ini default: significant digits used when a float is cast to string. */
const PHP_PRECISION = 14;

/**
 * PHP's (string) cast of a JSON scalar. Booleans become '1'/''; integral numbers within the 64-bit range are PHP ints
 * (plain digits; JSON `-0` is PHP int 0); other numbers are floats printed with 14 significant digits (ties to even,
 * as PHP's dtoa does), switching to `1.0E+15` notation when the decimal exponent is below -4 or 15 and above.
 */
export function phpScalarToString(value: string | number | boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? '1' : '';
  if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  return phpFloatToString(value);
}

function phpFloatToString(value: number): string {
  if (Number.isNaN(value)) return 'NAN';
  if (!Number.isFinite(value)) return value > 0 ? 'INF' : '-INF';
  const sign = value < 0 ? '-' : '';
  const { digits, pointAt } = roundedDigits(Math.abs(value));
  if (pointAt < -3 || pointAt > PHP_PRECISION) {
    const exponent = pointAt - 1;
    return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
  }
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (digits.length <= pointAt) return sign + digits + '0'.repeat(pointAt - digits.length);
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * The value's significant digits (no trailing zeros) rounded half-to-even to 14 digits, and where the decimal point
 * sits relative to the first digit. Works from the exact binary value so ties are real ties.
 */
function roundedDigits(value: number): { digits: string; pointAt: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biasedExponent === 0 ? -1074 : biasedExponent - 1075;
  // value = mantissa * 2^exponent, written exactly in decimal as `exact` * 10^-scale.
  const exact =
    exponent >= 0 ? (mantissa << BigInt(exponent)).toString() : (mantissa * 5n ** BigInt(-exponent)).toString();
  let pointAt = exact.length - (exponent >= 0 ? 0 : -exponent);
  let digits = exact;
  if (exact.length > PHP_PRECISION) {
    const rest = exact.slice(PHP_PRECISION);
    const half = '5'.padEnd(rest.length, '0');
    let head = BigInt(exact.slice(0, PHP_PRECISION));
    if (rest > half || (rest === half && head % 2n === 1n)) head += 1n;
    digits = head.toString();
    if (digits.length > PHP_PRECISION) pointAt += 1;
  }
  return { digits: digits.replace(/0+$/, ''), pointAt };
}
