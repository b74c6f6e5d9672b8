import { compareUnicode520, foldUnicode520, likeUnicode520, primaryWeights, sortKeyUnicode520 } from './unicode520';

// What MariaDB 10.11 answers, checked by hand with utf8mb4_unicode_520_ci (unicode520.mysql.test.ts checks
// thousands more against the live server).

const fold = (text: string): string => foldUnicode520(text).toString('utf8');
const key = sortKeyUnicode520;
const sign = (n: number): number => Math.sign(n);

describe('primaryWeights', () => {
  it('gives the weights of listed and implicit code points', () => {
    expect(primaryWeights(0x41)).toEqual([0x120f]);
    expect(primaryWeights(0x61)).toEqual([0x120f]);
    expect(primaryWeights(0x20)).toEqual([0x020a]);
    expect(primaryWeights(0xdf)).toEqual([0x1410, 0x1410]); // ß weighs "ss"
    expect(primaryWeights(0x4e00)).toEqual([0xfb40, 0xce00]); // implicit
    expect(primaryWeights(0x2f00)).toEqual([0xfb40, 0xce00]); // listed, yet the same weights
    expect(primaryWeights(0x3400)).toEqual([0xfb80, 0xb400]);
    expect(primaryWeights(0x1f600)).toEqual([0xfbc3, 0xf600]);
    expect(primaryWeights(0xfdfa)).toHaveLength(8);
  });

  it('gives none for ignorables, FFFD for surrogates, and refuses non-code points', () => {
    expect(primaryWeights(0)).toEqual([]);
    expect(primaryWeights(0x200b)).toEqual([]); // ZERO WIDTH SPACE
    expect(primaryWeights(0x301)).toEqual([]); // combining acute: primary level only
    expect(primaryWeights(0xd800)).toEqual(primaryWeights(0xfffd));
    expect(() => primaryWeights(-1)).toThrow(RangeError);
    expect(() => primaryWeights(0x110000)).toThrow(RangeError);
    expect(() => primaryWeights(1.5)).toThrow(RangeError);
  });
});

describe('foldUnicode520', () => {
  it('folds case and accents to one representative', () => {
    expect(fold('Müller')).toBe('MULLER');
    expect(fold('muller')).toBe(fold('MÜLLER'));
    expect(fold('Øster')).toBe(fold('oster'));
    expect(fold('ı')).not.toBe(fold('i')); // dotless i is a letter of its own
    expect(fold('İ')).toBe(fold('i'));
  });

  it('keeps characters LIKE keeps apart, though `=` may not', () => {
    expect(fold('ß')).not.toBe(fold('ss')); // 'ß' = 'ss', but 'ß' NOT LIKE 'ss'
    expect(fold('æ')).not.toBe(fold('ae'));
    expect(fold('Æ')).toBe(fold('æ'));
    expect(fold('⼀')).not.toBe(fold('一')); // U+2F00 = U+4E00, but NOT LIKE: MariaDB compares code points there
    expect(fold('\u{2fa16}')).toBe(fold('\u4d56')); // ... unless both are in its table, as these are
    expect(fold('a ')).not.toBe(fold('a')); // trailing spaces count in LIKE
  });

  it('folds every ignorable to U+0001, one character each', () => {
    expect(foldUnicode520('\u0000a\u200b\u0002\u0301')).toEqual(Buffer.from([1, 0x41, 1, 1, 1]));
  });

  it('writes UTF-8, a lone surrogate as U+FFFD, emoji and CJK as themselves', () => {
    expect(fold('😀一中')).toBe('😀一中');
    expect(fold('a\ud800b')).toBe(fold('a\ufffdb'));
    expect(fold('x\udc00')).toBe(fold('x\ufffd'));
    expect(foldUnicode520('')).toEqual(Buffer.alloc(0));
  });
});

describe('sortKeyUnicode520 and compareUnicode520', () => {
  const cmp = (a: string, b: string): number => sign(Buffer.compare(key(a), key(b)));

  it('are equal as MariaDB `=` is (PAD SPACE, expansions, ignorables)', () => {
    for (const [a, b] of [
      ['a', 'a  '],
      ['a', 'a\u00a0'], // NO-BREAK SPACE weighs as SPACE
      ['ß', 'ss'],
      ['æ', 'ae'],
      ['Müller', 'MULLER'],
      ['a\u0000b\u200b', 'ab'],
      ['e\u0301', 'é'],
      ['⼀', '一'],
      ['', '   '],
    ]) {
      expect(key(a)).toEqual(key(b));
      expect(compareUnicode520(a, b)).toBe(0);
    }
  });

  it('order whitespace below SPACE before the end of the string', () => {
    // 'a' runs out and is padded with SPACE, which weighs more than TAB: 'a \t' < 'a'.
    expect(cmp('a \t', 'a')).toBe(-1);
    expect(cmp('a\t', 'a')).toBe(-1);
    expect(cmp('a', 'a\t ')).toBe(1);
    expect(cmp('a \tb', 'a \t')).toBe(1);
    expect(cmp('a  b', 'a b')).toBe(-1); // more spaces, then a letter: smaller
    expect(cmp('a  \t', 'a \t')).toBe(1); // more spaces, then TAB: larger
    expect(sign(compareUnicode520('a \t', 'a'))).toBe(-1);
    expect(sign(compareUnicode520('a', 'a \t'))).toBe(1);
  });

  it('order letters, punctuation, CJK and emoji by weight', () => {
    expect(cmp('a', 'b')).toBe(-1);
    expect(cmp('-', 'a')).toBe(-1); // a weight below 0x400
    expect(cmp('z', '一')).toBe(-1);
    expect(cmp('一', '😀')).toBe(-1);
    expect(cmp('ab', 'a')).toBe(1);
  });

  it('agree with compareUnicode520 on every string of up to 4 characters from a tricky alphabet', () => {
    // SPACE, NBSP (= SPACE), below SPACE (TAB, LF, U+180E), ignorable, low and high weights, two weights.
    const alphabet = [' ', '\u00a0', '\t', '\n', '\u180e', '\u0001', '-', 'a', 'ß', '⼀'];
    const texts = [''];
    for (let start = 0, length = 1; length <= 4; length++) {
      const end = texts.length;
      for (let i = start; i < end; i++) for (const c of alphabet) texts.push(texts[i] + c);
      start = end;
    }
    // Sorted by compareUnicode520, neighbours' keys must compare the same way (≤, and = exactly when equal): then,
    // by transitivity, any two keys do.
    const byCompare = [...texts].sort(compareUnicode520);
    const disagreeing = byCompare
      .slice(1)
      .filter((b, i) => cmp(byCompare[i], b) !== sign(compareUnicode520(byCompare[i], b)));
    expect(byCompare).toHaveLength(11111);
    expect(disagreeing).toEqual([]);
  });

  it('count long runs of spaces exactly', () => {
    for (const n of [0xef, 0xf0, 0xf1, 300, 70000]) {
      const spaces = ' '.repeat(n);
      expect(cmp(`a${spaces}b`, `a${spaces} b`)).toBe(1);
      expect(cmp(`a${spaces}\t`, `a${spaces} \t`)).toBe(-1);
      expect(cmp(`a${spaces}\t`, `a${spaces.slice(1)}\t`)).toBe(1);
      expect(cmp(`a${spaces}`, 'a')).toBe(0);
    }
  });
});

describe('likeUnicode520', () => {
  it('compares character by character, by LIKE equality', () => {
    expect(likeUnicode520('Müller', '%mull%')).toBe(true);
    expect(likeUnicode520('Müller', 'MULLER')).toBe(true);
    expect(likeUnicode520('ß', 'ss')).toBe(false);
    expect(likeUnicode520('ß', '_')).toBe(true);
    expect(likeUnicode520('æ', 'ae')).toBe(false);
    expect(likeUnicode520('\u0001', '\u0002')).toBe(true); // ignorables match each other...
    expect(likeUnicode520('a\u0001', 'a')).toBe(false); // ... but are characters still
    expect(likeUnicode520('e\u0301', 'é')).toBe(false);
    expect(likeUnicode520('e\u0301', 'E_')).toBe(true);
    expect(likeUnicode520('a ', 'a')).toBe(false);
    expect(likeUnicode520('⼀', '一')).toBe(false);
    expect(likeUnicode520('😀', '_')).toBe(true); // one character, two UTF-16 units
    expect(likeUnicode520('', '%')).toBe(true);
    expect(likeUnicode520('a', '')).toBe(false);
  });

  it('escapes with backslash or the given character; a final escape is literal', () => {
    expect(likeUnicode520('a%', 'a\\%')).toBe(true);
    expect(likeUnicode520('ab', 'a\\%')).toBe(false);
    expect(likeUnicode520('a_', 'a\\_')).toBe(true);
    expect(likeUnicode520('ab', 'a\\_')).toBe(false);
    expect(likeUnicode520('a\\', 'a\\\\')).toBe(true);
    expect(likeUnicode520('a\\', 'a\\')).toBe(true);
    expect(likeUnicode520('ab', 'a%\\')).toBe(false);
    expect(likeUnicode520('ab\\', 'a%\\')).toBe(true);
    expect(likeUnicode520('a_b', 'a|_b', '|')).toBe(true);
    expect(likeUnicode520('axb', 'a|_b', '|')).toBe(false);
    expect(likeUnicode520('a|', 'a|', '|')).toBe(true);
    expect(likeUnicode520('a\\b', 'a\\b', '|')).toBe(true);
    expect(likeUnicode520('a\\b', 'a\\b', '')).toBe(false); // '' is backslash, as MySQL's ESCAPE ''
    expect(() => likeUnicode520('a', 'a', 'ab')).toThrow(RangeError);
  });

  it('finishes pathological patterns fast', () => {
    const started = Date.now();
    expect(likeUnicode520('a'.repeat(20000), `${'%a'.repeat(30)}%b`)).toBe(false);
    expect(likeUnicode520(`${'a'.repeat(20000)}b`, `${'%a'.repeat(30)}%b`)).toBe(true);
    expect(likeUnicode520('ab'.repeat(10000), `%${'_'.repeat(50)}%x%`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('agrees with the fold for literal terms (seeded random strings)', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const alphabet = [
      'a',
      'A',
      'á',
      'b',
      'ß',
      's',
      'S',
      ' ',
      '\t',
      '\u0001',
      '\u0301',
      '%',
      '_',
      '\\',
      '一',
      '⼀',
      '😀',
    ];
    const text = (): string => Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join('');
    const escape = (term: string): string => term.replace(/[%_\\]/g, '\\$&');
    for (let i = 0; i < 3000; i++) {
      const [x, t] = [text(), text()];
      const [fx, ft] = [foldUnicode520(x), foldUnicode520(t)];
      expect(likeUnicode520(x, `%${escape(t)}%`)).toBe(fx.includes(ft));
      expect(likeUnicode520(x, `${escape(t)}%`)).toBe(fx.subarray(0, ft.length).equals(ft));
      const endsWith = fx.length >= ft.length && fx.subarray(fx.length - ft.length).equals(ft);
      expect(likeUnicode520(x, `%${escape(t)}`)).toBe(endsWith);
      expect(likeUnicode520(x, escape(t))).toBe(fx.equals(ft));
    }
  });
});
