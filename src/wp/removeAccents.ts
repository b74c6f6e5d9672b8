/**
 * WordPress remove_accents() (UTF-8 branch, WordPress 6.x): NFC-normalises, then transliterates Latin-1 Supplement,
 * Latin Extended-A/B, Vietnamese and Pinyin vowels, `€` → `E` and `£` → ''. Anything else (Greek, Cyrillic, CJK, other
 * symbols) is left as is — sanitize_user's strict mode removes it afterwards.
 *
 * `locale` is what WordPress reads from get_locale() when none is passed: German locales (any starting with `de`)
 * turn `ä ö ü ß` into `ae oe ue ss`, `da_DK` turns `æ ø å` into `ae oe aa`, `ca` turns `l·l` into `ll`, and `sr_RS`/
 * `bs_BA` turn `đ` into `dj`. The default '' applies no locale rules (as on an en_US site).
 */
export function removeAccents(text: string, locale = ''): string {
  if (!/[\u0080-\uffff]/.test(text)) return text;
  let normalized = text.normalize('NFC');
  // strtr() tries its one multi-character key before the single characters.
  if (locale === 'ca') normalized = normalized.replace(/l·l/g, 'll');
  const overrides = localeOverrides(locale);
  let out = '';
  for (const char of normalized) out += overrides[char] ?? ACCENT_MAP[char] ?? char;
  return out;
}

function localeOverrides(locale: string): Readonly<Record<string, string>> {
  if (locale.startsWith('de')) return { Ä: 'Ae', ä: 'ae', Ö: 'Oe', ö: 'oe', Ü: 'Ue', ü: 'ue', ß: 'ss' };
  if (locale === 'da_DK') return { Æ: 'Ae', æ: 'ae', Ø: 'Oe', ø: 'oe', Å: 'Aa', å: 'aa' };
  if (locale === 'sr_RS' || locale === 'bs_BA') return { Đ: 'DJ', đ: 'dj' };
  return {};
}

/** Each entry is `characters → replacement` pairs in the order WordPress lists them. */
// Nine pairs a line keeps the table readable; Prettier would give each pair its own line.
// prettier-ignore
const ACCENT_MAP: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    [
      // Latin-1 Supplement.
      ['ª', 'a'], ['º', 'o'], ['À', 'A'], ['Á', 'A'], ['Â', 'A'], ['Ã', 'A'], ['Ä', 'A'], ['Å', 'A'], ['Æ', 'AE'],
      ['Ç', 'C'], ['È', 'E'], ['É', 'E'], ['Ê', 'E'], ['Ë', 'E'], ['Ì', 'I'], ['Í', 'I'], ['Î', 'I'], ['Ï', 'I'],
      ['Ð', 'D'], ['Ñ', 'N'], ['Ò', 'O'], ['Ó', 'O'], ['Ô', 'O'], ['Õ', 'O'], ['Ö', 'O'], ['Ù', 'U'], ['Ú', 'U'],
      ['Û', 'U'], ['Ü', 'U'], ['Ý', 'Y'], ['Þ', 'TH'], ['ß', 's'], ['à', 'a'], ['á', 'a'], ['â', 'a'], ['ã', 'a'],
      ['ä', 'a'], ['å', 'a'], ['æ', 'ae'], ['ç', 'c'], ['è', 'e'], ['é', 'e'], ['ê', 'e'], ['ë', 'e'], ['ì', 'i'],
      ['í', 'i'], ['î', 'i'], ['ï', 'i'], ['ð', 'd'], ['ñ', 'n'], ['ò', 'o'], ['ó', 'o'], ['ô', 'o'], ['õ', 'o'],
      ['ö', 'o'], ['ø', 'o'], ['ù', 'u'], ['ú', 'u'], ['û', 'u'], ['ü', 'u'], ['ý', 'y'], ['þ', 'th'], ['ÿ', 'y'],
      ['Ø', 'O'],
      // Latin Extended-A.
      ['Ā', 'A'], ['ā', 'a'], ['Ă', 'A'], ['ă', 'a'], ['Ą', 'A'], ['ą', 'a'], ['Ć', 'C'], ['ć', 'c'], ['Ĉ', 'C'],
      ['ĉ', 'c'], ['Ċ', 'C'], ['ċ', 'c'], ['Č', 'C'], ['č', 'c'], ['Ď', 'D'], ['ď', 'd'], ['Đ', 'D'], ['đ', 'd'],
      ['Ē', 'E'], ['ē', 'e'], ['Ĕ', 'E'], ['ĕ', 'e'], ['Ė', 'E'], ['ė', 'e'], ['Ę', 'E'], ['ę', 'e'], ['Ě', 'E'],
      ['ě', 'e'], ['Ĝ', 'G'], ['ĝ', 'g'], ['Ğ', 'G'], ['ğ', 'g'], ['Ġ', 'G'], ['ġ', 'g'], ['Ģ', 'G'], ['ģ', 'g'],
      ['Ĥ', 'H'], ['ĥ', 'h'], ['Ħ', 'H'], ['ħ', 'h'], ['Ĩ', 'I'], ['ĩ', 'i'], ['Ī', 'I'], ['ī', 'i'], ['Ĭ', 'I'],
      ['ĭ', 'i'], ['Į', 'I'], ['į', 'i'], ['İ', 'I'], ['ı', 'i'], ['Ĳ', 'IJ'], ['ĳ', 'ij'], ['Ĵ', 'J'], ['ĵ', 'j'],
      ['Ķ', 'K'], ['ķ', 'k'], ['ĸ', 'k'], ['Ĺ', 'L'], ['ĺ', 'l'], ['Ļ', 'L'], ['ļ', 'l'], ['Ľ', 'L'], ['ľ', 'l'],
      ['Ŀ', 'L'], ['ŀ', 'l'], ['Ł', 'L'], ['ł', 'l'], ['Ń', 'N'], ['ń', 'n'], ['Ņ', 'N'], ['ņ', 'n'], ['Ň', 'N'],
      ['ň', 'n'], ['ŉ', 'n'], ['Ŋ', 'N'], ['ŋ', 'n'], ['Ō', 'O'], ['ō', 'o'], ['Ŏ', 'O'], ['ŏ', 'o'], ['Ő', 'O'],
      ['ő', 'o'], ['Œ', 'OE'], ['œ', 'oe'], ['Ŕ', 'R'], ['ŕ', 'r'], ['Ŗ', 'R'], ['ŗ', 'r'], ['Ř', 'R'], ['ř', 'r'],
      ['Ś', 'S'], ['ś', 's'], ['Ŝ', 'S'], ['ŝ', 's'], ['Ş', 'S'], ['ş', 's'], ['Š', 'S'], ['š', 's'], ['Ţ', 'T'],
      ['ţ', 't'], ['Ť', 'T'], ['ť', 't'], ['Ŧ', 'T'], ['ŧ', 't'], ['Ũ', 'U'], ['ũ', 'u'], ['Ū', 'U'], ['ū', 'u'],
      ['Ŭ', 'U'], ['ŭ', 'u'], ['Ů', 'U'], ['ů', 'u'], ['Ű', 'U'], ['ű', 'u'], ['Ų', 'U'], ['ų', 'u'], ['Ŵ', 'W'],
      ['ŵ', 'w'], ['Ŷ', 'Y'], ['ŷ', 'y'], ['Ÿ', 'Y'], ['Ź', 'Z'], ['ź', 'z'], ['Ż', 'Z'], ['ż', 'z'], ['Ž', 'Z'],
      ['ž', 'z'], ['ſ', 's'],
      // Latin Extended-B.
      ['Ə', 'E'], ['ǝ', 'e'], ['Ș', 'S'], ['ș', 's'], ['Ț', 'T'], ['ț', 't'],
      // Currency signs.
      ['€', 'E'], ['£', ''],
      // Vietnamese vowels: unmarked, grave, hook, tilde, acute, dot below.
      ['Ơ', 'O'], ['ơ', 'o'], ['Ư', 'U'], ['ư', 'u'],
      ['Ầ', 'A'], ['ầ', 'a'], ['Ằ', 'A'], ['ằ', 'a'], ['Ề', 'E'], ['ề', 'e'], ['Ồ', 'O'], ['ồ', 'o'], ['Ờ', 'O'],
      ['ờ', 'o'], ['Ừ', 'U'], ['ừ', 'u'], ['Ỳ', 'Y'], ['ỳ', 'y'],
      ['Ả', 'A'], ['ả', 'a'], ['Ẩ', 'A'], ['ẩ', 'a'], ['Ẳ', 'A'], ['ẳ', 'a'], ['Ẻ', 'E'], ['ẻ', 'e'], ['Ể', 'E'],
      ['ể', 'e'], ['Ỉ', 'I'], ['ỉ', 'i'], ['Ỏ', 'O'], ['ỏ', 'o'], ['Ổ', 'O'], ['ổ', 'o'], ['Ở', 'O'], ['ở', 'o'],
      ['Ủ', 'U'], ['ủ', 'u'], ['Ử', 'U'], ['ử', 'u'], ['Ỷ', 'Y'], ['ỷ', 'y'],
      ['Ẫ', 'A'], ['ẫ', 'a'], ['Ẵ', 'A'], ['ẵ', 'a'], ['Ẽ', 'E'], ['ẽ', 'e'], ['Ễ', 'E'], ['ễ', 'e'], ['Ỗ', 'O'],
      ['ỗ', 'o'], ['Ỡ', 'O'], ['ỡ', 'o'], ['Ữ', 'U'], ['ữ', 'u'], ['Ỹ', 'Y'], ['ỹ', 'y'],
      ['Ấ', 'A'], ['ấ', 'a'], ['Ắ', 'A'], ['ắ', 'a'], ['Ế', 'E'], ['ế', 'e'], ['Ố', 'O'], ['ố', 'o'], ['Ớ', 'O'],
      ['ớ', 'o'], ['Ứ', 'U'], ['ứ', 'u'],
      ['Ạ', 'A'], ['ạ', 'a'], ['Ậ', 'A'], ['ậ', 'a'], ['Ặ', 'A'], ['ặ', 'a'], ['Ẹ', 'E'], ['ẹ', 'e'], ['Ệ', 'E'],
      ['ệ', 'e'], ['Ị', 'I'], ['ị', 'i'], ['Ọ', 'O'], ['ọ', 'o'], ['Ộ', 'O'], ['ộ', 'o'], ['Ợ', 'O'], ['ợ', 'o'],
      ['Ụ', 'U'], ['ụ', 'u'], ['Ự', 'U'], ['ự', 'u'], ['Ỵ', 'Y'], ['ỵ', 'y'],
      // Pinyin vowels: alpha, macron, acute, caron, grave.
      ['ɑ', 'a'], ['Ǖ', 'U'], ['ǖ', 'u'], ['Ǘ', 'U'], ['ǘ', 'u'], ['Ǎ', 'A'], ['ǎ', 'a'], ['Ǐ', 'I'], ['ǐ', 'i'],
      ['Ǒ', 'O'], ['ǒ', 'o'], ['Ǔ', 'U'], ['ǔ', 'u'], ['Ǚ', 'U'], ['ǚ', 'u'], ['Ǜ', 'U'], ['ǜ', 'u'],
    ],
  ),
);
