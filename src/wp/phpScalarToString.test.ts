import { phpScalarToString } from './phpScalarToString';

describe('phpScalarToString', () => {
  it('casts booleans and ints like PHP', () => {
    expect(phpScalarToString(true)).toBe('1');
    expect(phpScalarToString(false)).toBe('');
    expect(phpScalarToString(42)).toBe('42');
    expect(phpScalarToString(-7)).toBe('-7');
    expect(phpScalarToString(1e18)).toBe('1000000000000000000');
    expect(phpScalarToString('x')).toBe('x');
  });

  it('prints floats with precision 14', () => {
    expect(phpScalarToString(1.5)).toBe('1.5');
    expect(phpScalarToString(0.1 + 0.2)).toBe('0.3');
    expect(phpScalarToString(-0.0001)).toBe('-0.0001');
    expect(phpScalarToString(0.00001)).toBe('1.0E-5');
    expect(phpScalarToString(123456789012345.6)).toBe('1.2345678901235E+14');
    expect(phpScalarToString(12345678901234.5)).toBe('12345678901234');
    expect(phpScalarToString(1e20)).toBe('1.0E+20');
    expect(phpScalarToString(-0)).toBe('0');
  });
});

describe('phpScalarToString rounding', () => {
  it('breaks exact ties to even and carries into a new digit', () => {
    expect(phpScalarToString(12345678901235.5)).toBe('12345678901236');
    expect(phpScalarToString(99999999999999.9)).toBe('1.0E+14');
    expect(phpScalarToString(5e-324)).toBe('4.9406564584125E-324');
  });
});
