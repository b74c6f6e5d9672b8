import { optionText } from './optionText';

describe('optionText', () => {
  it('keeps text and prints numbers and booleans as PHP does', () => {
    expect(optionText('Europe/Berlin')).toBe('Europe/Berlin');
    expect(optionText('')).toBe('');
    expect(optionText(2.5)).toBe('2.5');
    expect(optionText(true)).toBe('1');
    expect(optionText(false)).toBe('');
  });

  it('gives the fallback for a missing, null, array or object value', () => {
    expect(optionText(undefined, 'x')).toBe('x');
    expect(optionText(null, 'x')).toBe('x');
    expect(optionText(['a', 'b'], 'x')).toBe('x');
    expect(optionText({ a: 'b' })).toBe('');
  });
});
