/**
 * The two legacy Vietnamese encodings still found in old workbooks and in text pasted from
 * old documents: TCVN3 (ABC) and VNI-Windows. Detection (by font name first, by character
 * patterns second) and conversion to Unicode, and the reverse direction for tests and fixtures.
 *
 * A legacy text arrives in a cell as the characters its bytes stand for in Windows-1252 /
 * Latin-1: "ViÖt Nam" is TCVN3 for "Việt Nam", "Vieät Nam" is VNI for it. The tables below
 * are written from the code charts (TCVN 5712:1993, table VN3; the VNI-Windows font chart)
 * and checked letter by letter by the tests.
 *
 * Pure functions, no Office, DOM or Node.
 */

export type LegacyEncoding = "tcvn3" | "vni";

/** The twelve vowels, lower case; each row of a table below gives one vowel with its six tones. */
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] as const;
type Vowel = (typeof VOWELS)[number];

/** The tones in the order of the table columns: none, huyền, hỏi, ngã, sắc, nặng. */
const TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const;

/** A vowel with a tone (index into TONE_MARKS), composed: ("ê", 5) → "ệ". */
function toned(vowel: Vowel, tone: number): string {
  return (vowel + TONE_MARKS[tone]).normalize("NFC");
}

/**
 * The 67 lower-case letters of Vietnamese that are not in ASCII: the vowels with their tones
 * (a plain a, e, i, o, u, y left out), and đ. Their capitals make the other 67.
 */
export const VIETNAMESE_LETTERS: readonly string[] = [
  ...VOWELS.flatMap((v) => TONE_MARKS.map((_m, tone) => toned(v, tone))).filter((l) => !/^[a-z]$/.test(l)),
  "đ",
];

// ---------------------------------------------------------------------------------------
// TCVN3 (ABC)

/**
 * TCVN3 codes, one row per vowel, columns in the order of TONE_MARKS (none, huyền, hỏi,
 * ngã, sắc, nặng), from the VN3 chart of TCVN 5712:1993. A code is one byte, read here as
 * the Latin-1 character of the same number (0xD6 "Ö" = ệ). Lower case only: VN3 has no
 * capitals with a tone.
 */
const TCVN3_ROWS: Record<Vowel, readonly number[]> = {
  a: [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9], // a à ả ã á ạ   = a µ ¶ · ¸ ¹
  ă: [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6], // ă ằ ẳ ẵ ắ ặ   = ¨ » ¼ ½ ¾ Æ
  â: [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb], // â ầ ẩ ẫ ấ ậ   = © Ç È É Ê Ë
  e: [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1], // e è ẻ ẽ é ẹ   = e Ì Î Ï Ð Ñ
  ê: [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6], // ê ề ể ễ ế ệ   = ª Ò Ó Ô Õ Ö
  i: [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde], // i ì ỉ ĩ í ị   = i × Ø Ü Ý Þ
  o: [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4], // o ò ỏ õ ó ọ   = o ß á â ã ä
  ô: [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9], // ô ồ ổ ỗ ố ộ   = « å æ ç è é
  ơ: [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee], // ơ ờ ở ỡ ớ ợ   = ¬ ê ë ì í î
  u: [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4], // u ù ủ ũ ú ụ   = u ï ñ ò ó ô
  ư: [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9], // ư ừ ử ữ ứ ự   = (soft hyphen) õ ö ÷ ø ù
  y: [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe], // y ỳ ỷ ỹ ý ỵ   = y ú û ü ý þ
};
/** đ, and the seven capitals VN3 has: Ă Â Ê Ô Ơ Ư Đ. */
const TCVN3_OTHERS: readonly [string, number][] = [
  ["đ", 0xae], // ®
  ["Ă", 0xa1], // ¡
  ["Â", 0xa2], // ¢
  ["Ê", 0xa3], // £
  ["Ô", 0xa4], // ¤
  ["Ơ", 0xa5], // ¥
  ["Ư", 0xa6], // ¦
  ["Đ", 0xa7], // §
];

/** TCVN3 character → Unicode letter. */
const TCVN3_DECODE = new Map<string, string>();
/** Unicode letter → TCVN3 character (lower case, and the seven capitals). */
const TCVN3_ENCODE = new Map<string, string>();
for (const v of VOWELS) {
  TCVN3_ROWS[v].forEach((code, tone) => {
    if (code < 0x80) return; // the ASCII vowel itself
    TCVN3_DECODE.set(String.fromCharCode(code), toned(v, tone));
    TCVN3_ENCODE.set(toned(v, tone), String.fromCharCode(code));
  });
}
for (const [letter, code] of TCVN3_OTHERS) {
  TCVN3_DECODE.set(String.fromCharCode(code), letter);
  TCVN3_ENCODE.set(letter, String.fromCharCode(code));
}

export interface Tcvn3Options {
  /**
   * The text is in a capitals font (.VnTimeH, .VnArialH, …), which draws the lower-case
   * codes as capitals: the Unicode text is upper case. Default false.
   */
  capitals?: boolean;
}

/**
 * TCVN3 text (each byte read as its Latin-1 character) → Unicode, NFC: "ViÖt Nam" →
 * "Việt Nam"; "Tr\u00ADêng" → "Trường". With `capitals`, the whole text is upper-cased, as a
 * .VnTimeH font shows it: "ñy ban" → "ỦY BAN". Characters that are not TCVN3 letters stay.
 */
export function convertTcvn3(text: string, options: Tcvn3Options = {}): string {
  let out = "";
  for (const ch of text) out += TCVN3_DECODE.get(ch) ?? ch;
  return (options.capitals ? out.toUpperCase() : out).normalize("NFC");
}

/**
 * Unicode → TCVN3 (each byte as its Latin-1 character), for tests and fixtures: "Việt Nam" →
 * "ViÖt Nam". A capital with a tone has no TCVN3 code: it is written with its lower-case code
 * when `capitals` is set (text for a .VnTimeH font), and refused otherwise. Characters that
 * are not Vietnamese letters are written as they are.
 */
export function toTcvn3(text: string, options: Tcvn3Options = {}): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (options.capitals && TCVN3_ENCODE.has(ch.toLowerCase())) out += TCVN3_ENCODE.get(ch.toLowerCase());
    else if (TCVN3_ENCODE.has(ch)) out += TCVN3_ENCODE.get(ch);
    else if (TCVN3_ENCODE.has(ch.toLowerCase()))
      throw new RangeError(`toTcvn3: "${ch}" has no TCVN3 code; capitals with a tone exist only in capitals fonts ({ capitals: true })`);
    else out += ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// VNI-Windows

/** Marks after a vowel, in the order of TONE_MARKS: ø huyền, û hỏi, õ ngã, ù sắc, ï nặng. */
const VNI_TONES = ["", "ø", "û", "õ", "ù", "ï"];
/** Marks after a or e for the circumflex (â, ê) with each tone: â, à, å, ã, á, ä. */
const VNI_CIRCUMFLEX = ["â", "à", "å", "ã", "á", "ä"];
/** Marks after a for the breve (ă) with each tone: ê, è, ú, ü, é, ë. */
const VNI_BREVE = ["ê", "è", "ú", "ü", "é", "ë"];

/**
 * VNI-Windows spelling of each vowel with its six tones, lower case, from the VNI-Windows
 * chart: a base letter followed by mark characters ("aù" = á, "eä" = ệ, "ôù" = ớ), except
 * for i, which has one character per tone, for ỵ ("î"), ơ ("ô") and ư ("ö"). The capitals
 * are the same characters in upper case ("AÙ" = Á, "Ò" = Ị).
 */
const VNI_ROWS: Record<Vowel, readonly string[]> = {
  a: VNI_TONES.map((m) => "a" + m),
  ă: VNI_BREVE.map((m) => "a" + m),
  â: VNI_CIRCUMFLEX.map((m) => "a" + m),
  e: VNI_TONES.map((m) => "e" + m),
  ê: VNI_CIRCUMFLEX.map((m) => "e" + m),
  i: ["i", "ì", "æ", "ó", "í", "ò"],
  o: VNI_TONES.map((m) => "o" + m),
  ô: VNI_CIRCUMFLEX.map((m) => "o" + m),
  ơ: VNI_TONES.map((m) => "ô" + m),
  u: VNI_TONES.map((m) => "u" + m),
  ư: VNI_TONES.map((m) => "ö" + m),
  y: ["y", "yø", "yû", "yõ", "yù", "î"],
};

/** Unicode letter (both cases) → VNI spelling. */
const VNI_ENCODE = new Map<string, string>();
for (const v of VOWELS) {
  VNI_ROWS[v].forEach((spelling, tone) => {
    const letter = toned(v, tone);
    if (/^[a-z]$/.test(letter)) return;
    VNI_ENCODE.set(letter, spelling);
    VNI_ENCODE.set(letter.toUpperCase(), spelling.toUpperCase());
  });
}
VNI_ENCODE.set("đ", "ñ");
VNI_ENCODE.set("Đ", "Ñ");

/** VNI spelling → Unicode letter. */
const VNI_DECODE = new Map<string, string>([...VNI_ENCODE].map(([letter, spelling]) => [spelling, letter]));
/** Every VNI spelling, the longest first, so that "ôù" (ớ) wins over "ô" (ơ). */
const VNI_PATTERN = new RegExp([...VNI_DECODE.keys()].sort((a, b) => b.length - a.length).join("|"), "g");

/**
 * VNI-Windows text (each byte read as its Latin-1 character) → Unicode, NFC: "Vieät Nam" →
 * "Việt Nam", "Ñoäc laäp" → "Độc lập". The longest spelling is replaced first.
 */
export function convertVni(text: string): string {
  return text.replace(VNI_PATTERN, (s) => VNI_DECODE.get(s) ?? s).normalize("NFC");
}

/** Unicode → VNI-Windows (each byte as its Latin-1 character), for tests and fixtures. */
export function toVni(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) out += VNI_ENCODE.get(ch) ?? ch;
  return out;
}

/** Converts a legacy text to Unicode (NFC). `capitals` applies to TCVN3 only (.VnTimeH fonts). */
export function convertLegacy(text: string, encoding: LegacyEncoding, options: Tcvn3Options = {}): string {
  return encoding === "tcvn3" ? convertTcvn3(text, options) : convertVni(text);
}

// ---------------------------------------------------------------------------------------
// Detection

/** ".VnTime", ".VnArial", ".VnTimeH", … : the TCVN3 fonts. */
export function isTcvn3Font(fontName: string | undefined): boolean {
  return /^\.Vn/i.test(fontName?.trim() ?? "");
}

/** The TCVN3 capitals fonts (".VnTimeH", ".VnArialH", ".VnArial NarrowH"), whose name ends with "H". */
export function isTcvn3CapitalsFont(fontName: string | undefined): boolean {
  const name = fontName?.trim() ?? "";
  return isTcvn3Font(name) && /H$/.test(name);
}

/** "VNI-Times", "VNI-Helve", …: the VNI-Windows fonts. */
export function isVniFont(fontName: string | undefined): boolean {
  return /^VNI[- ]/i.test(fontName?.trim() ?? "");
}

/**
 * Letters only Unicode text has: Vietnamese letters outside Latin-1 (ă đ ĩ ũ ơ ư, the
 * U+1EA0–U+1EF9 block) and combining marks. A legacy text read as Latin-1 has none of them.
 */
// the combining marks (U+0300–U+036F) stand alone in the class on purpose: any of them marks Unicode text
// eslint-disable-next-line no-misleading-character-class
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9\u0300-\u036F]/;

/** A word for the pattern check: letters, and the TCVN3 codes that are not letters in Latin-1 (µ, ­, §, …). */
const WORD = new RegExp(`[A-Za-z\\p{L}${[...TCVN3_DECODE.keys()].filter((c) => !/\p{L}/u.test(c)).join("")}]+`, "gu");

/** Initial consonants of a Vietnamese syllable. */
const INITIAL = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx]";
/** Final consonants. */
const FINAL = "ch|ng|nh|[cmnpt]";
const alternatives = (s: string) =>
  s
    .split(" ")
    .sort((a, b) => b.length - a.length)
    .join("|");
/** Vowel groups (tone left out) that may stand with or without a final consonant. */
const OPEN = alternatives("a e ê i o ô ơ u ư oa oe uê uy uơ ươ");
/** Vowel groups that need a final consonant ("oo" of loanwords such as "xoong" left out). */
const CLOSED = alternatives("ă â oă uâ iê yê uô uyê");
/** Vowel groups that end the syllable. */
const ENDING = alternatives("y ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu oai oay oao oeo uây uôi uya uyu ươi ươu yêu");
const SYLLABLE = new RegExp(`^(?:${INITIAL})?(?:(?:${OPEN})(?:${FINAL})?|(?:${CLOSED})(?:${FINAL})|(?:${ENDING}))$`);
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Whether a word is a well-formed Vietnamese syllable in Unicode: initial consonant, vowel
 * group, final consonant, at most one tone, and only sắc or nặng before a final c, ch, p or t.
 * Loose (it accepts some syllables nobody writes) but enough to tell text from mojibake.
 */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize("NFD");
  const tones = decomposed.match(TONE) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONE, "").normalize("NFC");
  if (!SYLLABLE.test(bare)) return false;
  return !(/(c|ch|p|t)$/.test(bare) && tones.length === 1 && !"\u0301\u0323".includes(tones[0]));
}

/**
 * How many words of the text read as Vietnamese syllables only once converted from the
 * encoding (and not as they stand), against how many read as syllables only as they stand.
 */
function evidence(words: readonly string[], convert: (w: string) => string): { legacy: number; unicode: number } {
  let legacy = 0;
  let unicode = 0;
  for (const word of words) {
    const converted = convert(word);
    if (converted === word) continue;
    const asUnicode = isVietnameseSyllable(word);
    const asLegacy = isVietnameseSyllable(converted);
    if (asLegacy && !asUnicode) legacy++;
    else if (asUnicode && !asLegacy) unicode++;
  }
  return { legacy, unicode };
}

/**
 * Which legacy encoding a cell's text is in, or null for Unicode (and for text that reads
 * the same either way, such as plain ASCII).
 *
 * The cell's font tells first: ".Vn…" fonts are TCVN3, "VNI-…" fonts VNI-Windows. Without a
 * telling font, the characters are a second signal: the text is judged legacy when more of
 * its words become Vietnamese syllables once converted ("ViÖt" → "Việt", "Vieät" → "Việt")
 * than stop being syllables ("Tôi" stays Unicode), and at least one does. Text with a letter
 * only Unicode has (ă, đ, ơ, ư, ạ, ế, …, or a combining mark) is always Unicode, whatever
 * its font.
 *
 * `preferred`: the encoding the other cells of the workbook are in, taken when a short text
 * fits both encodings equally well ("Löu" is VNI for "Lưu", and TCVN3 for "Lửu").
 */
export function detectLegacyEncoding(text: string, fontName?: string, preferred?: LegacyEncoding): LegacyEncoding | null {
  if (UNICODE_ONLY.test(text)) return null;
  if (isTcvn3Font(fontName)) return "tcvn3";
  if (isVniFont(fontName)) return "vni";
  // words with both an ASCII letter and another character: a lone "·", "«" or "µ" is a
  // symbol far more often than TCVN3 for "ã", "ô" or "à", and so is the µ of a unit of measure (µm, µg)
  const words = (text.match(WORD) ?? []).filter((w) => /[A-Za-z]/.test(w) && /[^\x00-\x7F]/.test(w) && !/^µ[A-Za-z]{1,3}$/.test(w));
  if (words.length === 0) return null;
  const tcvn3 = evidence(words, (w) => convertTcvn3(w));
  const vni = evidence(words, convertVni);
  const tcvn3Fits = tcvn3.legacy > 0 && tcvn3.legacy > tcvn3.unicode;
  const vniFits = vni.legacy > 0 && vni.legacy > vni.unicode;
  if (tcvn3Fits && (!vniFits || tcvn3.legacy > vni.legacy)) return "tcvn3";
  if (vniFits && (!tcvn3Fits || vni.legacy > tcvn3.legacy)) return "vni";
  // both fit as well: "Löu" is VNI "Lưu" or TCVN3 "Lửu"; the rest of the workbook decides
  return tcvn3Fits && vniFits && preferred ? preferred : null;
}
