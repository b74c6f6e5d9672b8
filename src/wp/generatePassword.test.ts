import { generatePassword } from './generatePassword';

describe('generatePassword', () => {
  it('makes 12 characters from letters, digits and !@#$%^&*() by default', () => {
    const samples = Array.from({ length: 200 }, () => generatePassword());
    for (const password of samples) expect(password).toMatch(/^[a-zA-Z0-9!@#$%^&*()]{12}$/);
    expect(new Set(samples).size).toBe(200);
    expect(samples.join('')).toMatch(/[!@#$%^&*()]/);
  });

  it('honours length and the character-set switches', () => {
    expect(generatePassword(24, false)).toMatch(/^[a-zA-Z0-9]{24}$/);
    expect(generatePassword(0)).toBe('');
    const extra = Array.from({ length: 100 }, () => generatePassword(20, false, true)).join('');
    expect(extra).toMatch(/^[a-zA-Z0-9\-_ [\]{}<>~`+=,.;:/?|]+$/);
    expect(extra).toMatch(/[-_ [\]{}<>~`+=,.;:/?|]/);
    expect(extra).not.toMatch(/[!@#$%^&*()]/);
  });

  it('uses every symbol of the alphabet', () => {
    const seen = new Set(Array.from({ length: 300 }, () => generatePassword(12, true, true)).join(''));
    expect(seen.size).toBe(62 + 10 + 20);
  });
});
