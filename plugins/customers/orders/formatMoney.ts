/**
 * wc_format_decimal($value, 2) as get_total_spent() returns it: PHP number_format with two decimals, `.` and no
 * thousands separator. PHP rounds half away from zero on the value's shortest decimal form (1.005 → "1.01", where
 * toFixed gives "1.00"), and never answers "-0.00".
 */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return '0.00';
  const digits = decimalDigits(Math.abs(value));
  if (digits === null) return value.toFixed(2);
  const [whole, fraction] = digits;
  let cents = BigInt(whole + fraction.padEnd(2, '0').slice(0, 2));
  if (fraction.length > 2 && fraction[2] >= '5') cents += 1n;
  const text = cents.toString().padStart(3, '0');
  const sign = value < 0 && cents !== 0n ? '-' : '';
  return `${sign}${text.slice(0, -2)}.${text.slice(-2)}`;
}

/** The shortest decimal form of a non-negative number as [whole, fraction] digits; null for exponent forms ≥ 1e21. */
function decimalDigits(value: number): [string, string] | null {
  const text = value.toString();
  if (!text.includes('e')) {
    const [whole, fraction = ''] = text.split('.');
    return [whole, fraction];
  }
  // Tiny values (1e-7…) round to zero; huge ones are left to toFixed.
  return value < 1 ? ['0', '0'] : null;
}
