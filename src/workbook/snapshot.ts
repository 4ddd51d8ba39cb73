/**
 * A workbook snapshot: what the reader needs from a workbook, whatever produced it
 * (ExcelJS reading a file, office.js reading the open workbook, the simulated host).
 */

/** A cell's value as Excel shows it: empty, text, number, boolean or an error like "#REF!". */
export type CellValue = string | number | boolean | null | { error: string };

export interface SheetSnapshot {
  name: string;
  /** Non-empty cells by A1 address ("C5"). */
  cells: Record<string, CellValue>;
  /** Formulas by A1 address, without results (e.g. "=SUM('Xã A'!C5,'Xã B'!C5)"). */
  formulas?: Record<string, string>;
  /**
   * The font of each text cell by A1 address, when the reader could tell (".VnTime",
   * "VNI-Times", "Times New Roman"): the legacy-encoding check trusts a cell's font first.
   */
  fonts?: Record<string, string>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Workbook-level defined names → their reference, e.g. "'I. Kết quả'!$C$5" or "#REF!". */
  names: Record<string, string>;
}

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Excel's error values as office.js returns them in `values` (strings). */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  const lower = name.toLowerCase();
  return snapshot.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** Sets one cell of a snapshot (a new sheet is added when missing); for tests and tools. */
export function setSnapshotCell(snapshot: WorkbookSnapshot, sheet: string, address: string, value: CellValue): void {
  let s = findSheet(snapshot, sheet);
  if (!s) {
    s = { name: sheet, cells: {} };
    snapshot.sheets.push(s);
  }
  if (value === null || value === "") delete s.cells[address];
  else s.cells[address] = value;
}
