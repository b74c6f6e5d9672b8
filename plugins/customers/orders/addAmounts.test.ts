import { addAmounts } from './addAmounts';
import { formatMoney } from './formatMoney';

describe('addAmounts (SQL SUM of two driver values)', () => {
  it('adds DECIMAL texts exactly, keeping the larger scale, as MySQL sums DECIMAL', () => {
    expect(addAmounts('0.10000000', '0.20000000')).toBe('0.30000000');
    expect(addAmounts('12.5', '0.25000000')).toBe('12.75000000');
    expect(addAmounts('-5.00000000', '3.25000000')).toBe('-1.75000000');
    expect(addAmounts('-0.50000000', '0.50000000')).toBe('0.00000000');
    expect(addAmounts('-0.25', '0.20')).toBe('-0.05');
    expect(addAmounts('7', '3')).toBe('10');
    expect(addAmounts('99999999999999999999999999999999.99999999', '0.00000001')).toBe(
      '100000000000000000000000000000000.00000000',
    );
  });

  it('gives the total that formats as the exact sum does, where adding doubles would not', () => {
    // 2794.361 + 3731.574 as doubles is 6525.9349999999995, which formats as 6525.93.
    const sum = addAmounts('2794.36100000', '3731.57400000');
    expect(sum).toBe('6525.93500000');
    expect(formatMoney(Number(sum))).toBe('6525.94');
    expect(formatMoney(Number('2794.36100000') + Number('3731.57400000'))).toBe('6525.93');
  });

  it('adds numbers (DOUBLE, SQLite REAL) as doubles', () => {
    expect(addAmounts(0.1, 0.2)).toBe(0.1 + 0.2);
    expect(addAmounts(2, 3)).toBe(5);
  });

  it('skips NULL as SUM does: NULL only when both are', () => {
    expect(addAmounts(null, null)).toBeNull();
    expect(addAmounts(null, '1.50000000')).toBe('1.50000000');
    expect(addAmounts(2.5, null)).toBe(2.5);
  });
});
