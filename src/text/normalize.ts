/**
 * Clean-up of the text of a cell on its way into the report: the OOXML `_xHHHH_` escapes
 * that Excel writes for characters XML cannot carry, and the normalisation every text value
 * goes through (NFC, line breaks, control characters).
 *
 * Pure functions, no Office, DOM or Node.
 */

/**
 * Decodes the `_xHHHH_` escapes of an OOXML string (ECMA-376 Part 1, 22.4.2.4 ST_Xstring):
 * "_x000b_" → U+000B (the line break Word pastes into a cell). "_x005F_" escapes the
 * underscore itself, so "_x005F_x000b_" is the literal text "_x000b_". Surrogate pairs
 * written as two escapes ("_xD83D__xDE00_") come back as the pair.
 */
export function decodeXlsxEscapes(s: string): string {
  if (!s.includes("_x")) return s;
  // one left-to-right pass: the text after a decoded "_x005F_" is not looked at again
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * A soft line break: a line break inside one paragraph (Word's Shift+Enter, which Word pastes
 * into a cell as the vertical tab U+000B). Kept as U+2028 LINE SEPARATOR, which XML allows and
 * which means just that, so that it stays apart from a line feed (Alt+Enter), which starts a
 * new item in a list cell. The document writes it as a `<w:br/>` in the same paragraph.
 */
export const SOFT_BREAK = "\u2028";

/**
 * What is removed from a cell's text: C0 controls other than tab and line feed (CR is turned
 * into a line feed and the vertical tab into SOFT_BREAK before), C1 controls, U+FFFE/U+FFFF, and UTF-16
 * surrogates that are not part of a pair. XML 1.0 forbids all of these but the C1 controls,
 * which no font draws.
 */
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u0080-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text of a cell as the report uses it:
 * - composed (NFC): "Vie\u0302\u0323t Nam" (typed with a "tổ hợp" keyboard setting) → "Việt Nam";
 * - CR LF and CR → LF; the vertical tab U+000B (a soft line break pasted from Word) → SOFT_BREAK;
 * - tab kept;
 * - every other control character (C0, C1), U+FFFE, U+FFFF and lone surrogates removed.
 * The soft hyphen U+00AD is kept: it is the letter ư of TCVN3 text, which the legacy
 * encoding check still has to see.
 */
export function normalizeCellText(s: string): string {
  return s
    .replace(/\r\n?/g, "\n")
    .replace(/\u000B/g, SOFT_BREAK)
    .replace(UNWANTED, "")
    .normalize("NFC");
}
