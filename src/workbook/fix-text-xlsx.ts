/**
 * "Chuyển sang Unicode" on a workbook file, without its edges: which cells hold text in TCVN3
 * (ABC) or VNI-Windows (formula results left out: their source cell is what to fix), and the
 * file's copy with those cells converted to Unicode (NFC) in Times New Roman, nothing else
 * changed (ExcelJS loads and saves the rest: sheets, styles, defined names, validations).
 * Used by `bao-cao fix-text` and by the web page; moved out of src/cli/commands/fix-text.ts.
 */
import { scanLegacyText, type LegacyTextCell } from "../text/legacy-scan";
import { textCellsOf } from "./legacy-check";
import type { WorkbookSnapshot } from "./snapshot";
import { loadExcelJs } from "./xlsx-write";

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

/** ExcelJS could not load the file to write its copy; `detail` is its reason. */
export class FixTextLoadError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "FixTextLoadError";
  }
}

/** The file's bytes with the cells converted; throws FixTextLoadError when ExcelJS cannot load it. */
export async function applyLegacyTextFix(bytes: Uint8Array, toFix: readonly LegacyTextCell[]): Promise<Uint8Array> {
  const wb = new (loadExcelJs().Workbook)();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new FixTextLoadError(e instanceof Error ? e.message : String(e));
  }
  for (const c of toFix) {
    const cell = wb.getWorksheet(c.sheet)!.getCell(c.address);
    cell.value = c.converted;
    cell.font = { ...(cell.font ?? {}), name: UNICODE_FONT };
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
