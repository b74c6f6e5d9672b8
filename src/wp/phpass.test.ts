import { phpassCrypt } from './phpass';

describe('phpassCrypt', () => {
  it('matches the vectors computed with WordPress class-phpass.php', async () => {
    expect(await phpassCrypt('password123', '$P$Babcdefgh')).toBe('$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0');
    expect(await phpassCrypt('pässwörd€', '$P$Babcdefgh')).toBe('$P$Babcdefgh816.Y9aGyXsARkpzVdfOi1');
  });

  it('uses only the first 12 characters of a full stored hash as the setting', async () => {
    expect(await phpassCrypt('password123', '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0')).toBe(
      '$P$BabcdefghoTxhl3SXmFk9JMqnsp3cw0',
    );
  });

  it('rejects settings phpass cannot use', async () => {
    expect(await phpassCrypt('x', '$H$Babcdefgh')).toBe('*0');
    expect(await phpassCrypt('x', '$P$4abcdefgh')).toBe('*0'); // log2 6 < 7
    expect(await phpassCrypt('x', '$P$Tabcdefgh')).toBe('*0'); // log2 31 > 30
    expect(await phpassCrypt('x', '$P$!abcdefgh')).toBe('*0');
    expect(await phpassCrypt('x', '$P$Babc')).toBe('*0');
    expect(await phpassCrypt('x', '$P$')).toBe('*0');
    expect(await phpassCrypt('x', '*0')).toBe('*1');
  });

  it('yields to the event loop between slices of a large round count', async () => {
    let ticked = false;
    setImmediate(() => {
      ticked = true;
    });
    const result = await phpassCrypt('password123', '$P$Dabcdefgh'); // 2^15 rounds = 4 slices
    expect(result).toMatch(/^\$P\$Dabcdefgh[./0-9A-Za-z]{22}$/);
    expect(ticked).toBe(true);
  });
});
