/**
 * "Chuyển sang Unicode" on a workbook file, without its edges: which cells hold text in TCVN3
 * (ABC) or VNI-Windows (formula results left out: their source cell is what to fix), and the
 * file's copy with those cells converted to Unicode (NFC) in Times New Roman, nothing else
 * changed: the office's own package edited in place (src/workbook/xlsx-patch.ts), so its
 * sheets, charts, comments, widths and formats stay as they were.
 * Used by `bao-cao fix-text` and by the web page; moved out of src/cli/commands/fix-text.ts.
 */
import { scanLegacyText, type LegacyTextCell } from "../text/legacy-scan";
import { textCellsOf } from "./legacy-check";
import type { WorkbookSnapshot } from "./snapshot";
import { XlsxPackage } from "./xlsx-patch";

/** The font converted cells get. */
export const UNICODE_FONT = "Times New Roman";

export interface LegacyTextFix {
  /** the cells to convert, in sheet and cell order */
  toFix: LegacyTextCell[];
  /** legacy cells left alone because a formula computes them */
  skipped: number;
}

/** The cells of the snapshot to convert. */
export function legacyTextFix(snapshot: WorkbookSnapshot): LegacyTextFix {
  const found = scanLegacyText(snapshot.sheets.flatMap((s) => textCellsOf(s)));
  const formulaCell = (sheet: string, address: string) => !!snapshot.sheets.find((s) => s.name === sheet)?.formulas?.[address];
  const toFix = found.filter((c) => !formulaCell(c.sheet, c.address));
  return { toFix, skipped: found.length - toFix.length };
}

/** The file's package could not be edited (a part of an unusual shape; the reader read it already). */
export class FixTextLoadError extends Error {
  constructor() {
    super("the package could not be edited");
    this.name = "FixTextLoadError";
  }
}

/** The file's bytes with the cells converted; throws FixTextLoadError when its package cannot be edited. */
export async function applyLegacyTextFix(bytes: Uint8Array, toFix: readonly LegacyTextCell[]): Promise<Uint8Array> {
  try {
    const pkg = await XlsxPackage.open(bytes);
    await pkg.edit(toFix.map((c) => ({ sheet: c.sheet, address: c.address, value: c.converted, font: UNICODE_FONT })));
    return await pkg.bytes();
  } catch {
    throw new FixTextLoadError();
  }
}
