/**
 * Finds the cells of a workbook whose text is in a legacy Vietnamese encoding (TCVN3 or
 * VNI-Windows) rather than Unicode, with the Unicode text each should hold and the Vietnamese
 * message shown to the user. Used by the check (a warning per cell), the task pane's
 * "Chuyển sang Unicode" and the command line's fix-text.
 *
 * Pure functions, no Office, DOM or Node.
 */
import { sheetRef } from "../report/refs";
import { convertLegacy, detectLegacyEncoding, isTcvn3CapitalsFont, type LegacyEncoding } from "./legacy-vn";

/** A cell holding text, with the name of its font when known. */
export interface TextCell {
  sheet: string;
  /** "A1" */
  address: string;
  text: string;
  /** ".VnTime", "VNI-Times", "Times New Roman", … */
  font?: string;
}

/** A cell whose text is in a legacy encoding. */
export interface LegacyTextCell extends TextCell {
  encoding: LegacyEncoding;
  /** TCVN3 text in a capitals font (.VnTimeH): the Unicode text is upper case. */
  capitals: boolean;
  /** The text in Unicode (NFC), to write back into the cell. */
  converted: string;
  /** The warning shown to the user, in Vietnamese. */
  message: string;
  /** The line the command line prints: "Sheet!A1: TCVN3 → Unicode". */
  cliLine: string;
}

/** How each encoding is named to users. */
export const LEGACY_ENCODING_NAME: Record<LegacyEncoding, { long: string; short: string }> = {
  tcvn3: { long: "TCVN3 (ABC)", short: "TCVN3" },
  vni: { long: "VNI-Windows", short: "VNI" },
};

/** The cell's text as quoted in a message: on one line, at most `max` characters. */
function sample(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

export const MSG_LEGACY = {
  /** 'Ô chứa chữ mã TCVN3 (ABC), không phải Unicode: "ViÖt Nam" sẽ in ra sai. …' */
  cell: (encoding: LegacyEncoding, text: string) =>
    `Ô chứa chữ mã ${LEGACY_ENCODING_NAME[encoding].long}, không phải Unicode: "${sample(text)}" sẽ in ra sai. Bấm "Chuyển sang Unicode" hoặc chạy bao-cao fix-text.`,
  /** "Sheet!A1: TCVN3 → Unicode", "'I. Kết quả'!C5: VNI → Unicode" */
  cliLine: (sheet: string, address: string, encoding: LegacyEncoding) => `${sheetRef(sheet, address)}: ${LEGACY_ENCODING_NAME[encoding].short} → Unicode`,
} as const;

/** The encoding most of the detected cells are in; undefined when none or a tie. */
function majority(encodings: readonly (LegacyEncoding | null)[]): LegacyEncoding | undefined {
  const tcvn3 = encodings.filter((e) => e === "tcvn3").length;
  const vni = encodings.filter((e) => e === "vni").length;
  return tcvn3 > vni ? "tcvn3" : vni > tcvn3 ? "vni" : undefined;
}

/**
 * The cells whose text is in TCVN3 or VNI-Windows, in the order given, each with its
 * encoding, its Unicode text and its messages. A cell's font decides first (".Vn…",
 * "VNI-…"); otherwise its characters do, and a short text that fits both encodings takes
 * the encoding of the workbook's other legacy cells. A cell whose text reads the same in
 * Unicode (plain ASCII in a .VnTime font) is not reported.
 */
export function scanLegacyText(cells: readonly TextCell[]): LegacyTextCell[] {
  const first = cells.map((c) => detectLegacyEncoding(c.text, c.font));
  const preferred = majority(first);
  const found: LegacyTextCell[] = [];
  cells.forEach((cell, i) => {
    const encoding = first[i] ?? (preferred ? detectLegacyEncoding(cell.text, cell.font, preferred) : null);
    if (!encoding) return;
    const capitals = encoding === "tcvn3" && isTcvn3CapitalsFont(cell.font);
    const converted = convertLegacy(cell.text, encoding, { capitals });
    if (converted === cell.text) return;
    found.push({
      ...cell,
      encoding,
      capitals,
      converted,
      message: MSG_LEGACY.cell(encoding, cell.text),
      cliLine: MSG_LEGACY.cliLine(cell.sheet, cell.address, encoding),
    });
  });
  return found;
}
