/**
 * Approximate width of a line of text in Times New Roman, to size the short rules that
 * Decree 30 draws under the agency name, the Tiêu ngữ and the trích yếu.
 *
 * The advance widths (per 1000 units of the em) are those of Liberation Serif, which has
 * the same metrics as Times New Roman (it is what LibreOffice substitutes for it). A
 * Vietnamese letter has the width of its base letter, except the horned ơ, ư and Đ/đ.
 */

const ASCII_FIRST = 32;
// prettier-ignore
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // 32–47
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 48–63
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // 64–79
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // 80–95
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // 96–111
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // 112–126
];
// prettier-ignore
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, // 32–47
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, // 48–63
  930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, // 64–79
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, // 80–95
  333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, // 96–111
  556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520, // 112–126
];
const SPECIAL_REGULAR: Record<string, number> = { Đ: 722, đ: 500, Ơ: 722, ơ: 529, Ư: 776, ư: 542 };
const SPECIAL_BOLD: Record<string, number> = { Đ: 722, đ: 556, Ơ: 778, ơ: 554, Ư: 796, ư: 600 };
const HORN = "\u031B";

function charWidth(ch: string, bold: boolean): number {
  const special = bold ? SPECIAL_BOLD : SPECIAL_REGULAR;
  const table = bold ? BOLD : REGULAR;
  if (special[ch] !== undefined) return special[ch];
  const decomposed = ch.normalize("NFD");
  const base = decomposed[0];
  if (decomposed.includes(HORN)) {
    const horned = base + HORN;
    const composed = horned.normalize("NFC");
    if (special[composed] !== undefined) return special[composed];
  }
  const code = base.charCodeAt(0);
  const w = table[code - ASCII_FIRST];
  return w ?? 500;
}

/** Width in twips of one line of `text` at `sizePt` points. */
export function textWidthTwips(text: string, sizePt: number, bold = false): number {
  let units = 0;
  for (const ch of text.normalize("NFC")) units += charWidth(ch, bold);
  return Math.round((units / 1000) * sizePt * 20);
}
