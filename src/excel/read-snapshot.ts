/**
 * Reads a WorkbookSnapshot of the open workbook: the standard sheets (also when renamed)
 * with their values, in two round trips whatever the number of sheets.
 */
import { cellAddress, parseRange, parseSheetRef } from "../report/refs";
import type { WorkbookLayout } from "../workbook/layout";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { builtInKinds } from "../report/kinds";
import { KIND_SHEET } from "../workbook/kind-sheet";
import { unitSpec } from "../workbook/units";
import { actualSheetName, queueState, stateOf, type WorkbookState } from "./workbook-state";

/** Converts a loaded used range to the snapshot's cells. */
export function sheetFromRange(name: string, range: Excel.Range): SheetSnapshot {
  const sheet: SheetSnapshot = { name, cells: {}, formulas: {} };
  if (range.isNullObject) return sheet;
  const parsed = parseSheetRef(range.address);
  const start = parsed ? parseRange(parsed.ref).start : { row: 1, col: 1 };
  range.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const type = range.valueTypes[r][c];
      const address = cellAddress({ row: start.row + r, col: start.col + c });
      let value: CellValue;
      if (type === "Empty" || v === "" || v === null) return;
      else if (type === "Error") value = { error: String(v) };
      else if (typeof v === "number" || typeof v === "boolean") value = v;
      else value = String(v);
      sheet.cells[address] = value;
      const f = range.formulas[r][c];
      if (typeof f === "string" && f.startsWith("=")) sheet.formulas![address] = f;
    }),
  );
  return sheet;
}

/** The sheets a snapshot needs: the standard ones, found by name or through their defined names. */
export function relevantSheets(state: WorkbookState, layout: WorkbookLayout): string[] {
  const out: string[] = [];
  for (const s of layout.sheets) {
    const actual = actualSheetName(state, layout, s.name);
    if (actual && !out.includes(actual)) out.push(actual);
  }
  return out;
}

/**
 * The sheets that may be standard sheets of whatever kind the workbook is, before its kind is
 * known: the kind sheet, every sheet a defined name points into (every input of a report
 * has one), and sheets named like a standard sheet of a built-in kind.
 */
export function possiblyStandardSheets(state: WorkbookState): string[] {
  const wanted = new Set<string>([KIND_SHEET.toLowerCase()]);
  for (const ref of Object.values(state.names)) {
    const parsed = parseSheetRef(ref);
    if (parsed) wanted.add(parsed.sheet.toLowerCase());
  }
  for (const k of builtInKinds()) for (const s of k.sheets) wanted.add(s.name.toLowerCase());
  return state.sheets.filter((s) => wanted.has(s.toLowerCase()));
}

/**
 * The per-unit sheets of a summary ("Kết quả đơn vị" of a built-in kind): read whole like a
 * standard sheet, since they have a row per unit (a hundred and more) and more columns than a
 * unit sheet's block.
 */
export function unitResultsSheets(state: WorkbookState): string[] {
  const names = new Set(builtInKinds().flatMap((k) => (k.unitResults ? [k.unitResults.sheet.toLowerCase()] : [])));
  return state.sheets.filter((s) => names.has(s.toLowerCase()));
}

/** The block read of any other sheet: wide and long enough for the unit sheet of every built-in kind. */
export function widestUnitBlock(): string {
  let col = 0;
  let row = 0;
  for (const k of builtInKinds()) {
    const { end } = parseRange(unitSpec(k).block);
    col = Math.max(col, end.col);
    row = Math.max(row, end.row);
  }
  return `A1:${cellAddress({ row, col })}`;
}

export interface SnapshotRead {
  snapshot: WorkbookSnapshot;
  state: WorkbookState;
}

/**
 * Two syncs: the sheet list and names, then the used ranges of the standard sheets and
 * the unit block of every other sheet.
 * `alsoLoad` queues a caller's own loads into the first sync.
 * `fonts` (ExcelApi 1.9, the caller checks isSetSupported): the font of each text cell of
 * the standard sheets, asked with getCellProperties in the same second sync.
 */
export async function readSnapshot(
  context: Excel.RequestContext,
  /** the workbook's layout, or "unknown" when the kind is read from the workbook itself (its kind sheet) */
  layout: WorkbookLayout | "unknown",
  alsoLoad?: () => void,
  options: { fonts?: boolean } = {},
): Promise<SnapshotRead> {
  const queued = queueState(context);
  alsoLoad?.();
  await context.sync();
  const state = stateOf(queued);
  const standard = new Set([...(layout === "unknown" ? possiblyStandardSheets(state) : relevantSheets(state, layout)), ...unitResultsSheets(state)]);
  // wide enough for every kind's unit sheet (the dossier kind's marker is in O1)
  const block = widestUnitBlock();
  // standard sheets whole; every other sheet only in the block a unit sheet uses, so a
  // large unrelated sheet costs little, and unit sheets are found by their marker
  const sheets = state.sheets.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const range = standard.has(name) ? ws.getUsedRangeOrNullObject(true) : ws.getRange(block);
    range.load("address,values,valueTypes,formulas");
    const props = options.fonts && standard.has(name) ? range.getCellProperties({ format: { font: { name: true } } }) : undefined;
    return { name, range, props };
  });
  await context.sync();
  return {
    state,
    snapshot: {
      sheets: sheets.map((s) => {
        const sheet = sheetFromRange(s.name, s.range);
        if (s.props) addFonts(sheet, s.range, s.props.value);
        return sheet;
      }),
      names: state.names,
    },
  };
}

/** The font names of the text cells of a loaded range (getCellProperties' result), into sheet.fonts. */
export function addFonts(sheet: SheetSnapshot, range: Excel.Range, props: Excel.CellProperties[][]): void {
  if (range.isNullObject) return;
  const parsed = parseSheetRef(range.address);
  const start = parsed ? parseRange(parsed.ref).start : { row: 1, col: 1 };
  const fonts: Record<string, string> = {};
  props.forEach((row, r) =>
    row.forEach((p, c) => {
      const address = cellAddress({ row: start.row + r, col: start.col + c });
      const name = p.format?.font?.name;
      if (name && typeof sheet.cells[address] === "string") fonts[address] = name;
    }),
  );
  if (Object.keys(fonts).length) sheet.fonts = fonts;
}
