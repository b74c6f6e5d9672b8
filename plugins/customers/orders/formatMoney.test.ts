import { formatMoney } from './formatMoney';

describe('formatMoney (wc_format_decimal($spent, 2))', () => {
  it.each([
    [0, '0.00'],
    [30, '30.00'],
    [30.5, '30.50'],
    [1234.5, '1234.50'],
    [1234567.891, '1234567.89'],
    [1.005, '1.01'],
    [2.675, '2.68'],
    [0.1 + 0.2, '0.30'],
    [0.004, '0.00'],
    [0.995, '1.00'],
    [-12.345, '-12.35'],
    [-0.001, '0.00'],
    [1e-9, '0.00'],
  ])('%p → %p', (value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });
});
