/**
 * The .xlsx edge of the command line: write a workbook layout with ExcelJS (the writer is
 * src/workbook/xlsx-write.ts, shared with the task pane's "Kỳ mới"), and read any .xlsx file
 * back into a format-neutral `WorkbookSnapshot` with the shared XML reader
 * (src/workbook/xlsx-read.ts). ExcelJS is not used for reading: it drops broken defined
 * names, forgets their scope, turns serials into Dates and repeats merged values.
 */
import { readFile } from "node:fs/promises";
import type * as ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { readXlsxSnapshot } from "../workbook/xlsx-read";
import { workbookBytes } from "../workbook/xlsx-write";

export {
  addDefinedNames,
  addLayoutSheet,
  buildRollupWorkbook,
  buildUnitWorkbook,
  buildWorkbook,
  excelStyle,
  newWorkbook,
  setCellValues,
  setFormulas,
  workbookBytes,
} from "../workbook/xlsx-write";

/* ------------------------------------------------------------------ writing */

/** The workbook as .xlsx bytes, as a Node Buffer. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const bytes = await workbookBytes(wb);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/* ------------------------------------------------------------------ reading */

export { definedNamesOf, XlsxFormatError, type XlsxFormatProblem } from "../workbook/xlsx-read";

/**
 * Reads an .xlsx file (its bytes, or its path) into a snapshot: every sheet's non-empty
 * cells and the workbook-level defined names, straight from the package's XML — the same
 * reader the task pane uses to import units' files. Throws `XlsxFormatError` for a file that
 * is not a readable .xlsx workbook; file-system errors (ENOENT, EACCES…) pass through.
 */
export async function readSnapshot(input: Uint8Array | string): Promise<WorkbookSnapshot> {
  return readXlsxSnapshot(typeof input === "string" ? await readFile(input) : input);
}
