import { removeAccents } from './removeAccents';

describe('removeAccents', () => {
  it('returns ASCII untouched', () => {
    expect(removeAccents('plain-ASCII_1.2@x')).toBe('plain-ASCII_1.2@x');
  });

  it('transliterates the common Latin letters', () => {
    expect(removeAccents('äöü ÄÖÜ ß é ç ñ ø Ø æ Æ œ Œ Þ þ')).toBe('aou AOU s e c n o O ae AE oe OE TH th');
    expect(removeAccents('Łódź Škoda İstanbul ğ ĳ')).toBe('Lodz Skoda Istanbul g ij');
    expect(removeAccents('Ș ț Ə ǝ')).toBe('S t E e');
    expect(removeAccents('Việt Nam ơ ư ɑ ǚ')).toBe('Viet Nam o u a u');
  });

  it('turns € into E and drops £, leaving other symbols', () => {
    expect(removeAccents('pässwörd€')).toBe('passwordE');
    expect(removeAccents('£5')).toBe('5');
    expect(removeAccents('© ™ ¥ Ω Ж 日本')).toBe('© ™ ¥ Ω Ж 日本');
  });

  it('composes decomposed input (NFD) before mapping', () => {
    expect(removeAccents('e\u0301le\u0300ve')).toBe('eleve');
    expect(removeAccents('\u212B')).toBe('A'); // ANGSTROM SIGN normalises to Å
  });

  it('applies locale rules like WordPress', () => {
    expect(removeAccents('Jörg Straße', 'de_DE')).toBe('Joerg Strasse');
    expect(removeAccents('Äß', 'de_CH_informal')).toBe('Aess');
    expect(removeAccents('Æble Øre Ål', 'da_DK')).toBe('Aeble Oere Aal');
    expect(removeAccents('col·lecció', 'ca')).toBe('colleccio');
    expect(removeAccents('l·l·l', 'ca')).toBe('ll·l');
    expect(removeAccents('Đorđe', 'sr_RS')).toBe('DJordje');
    expect(removeAccents('Đorđe', 'hr')).toBe('Dorde');
    expect(removeAccents('col·lecció')).toBe('col·leccio');
  });
});
