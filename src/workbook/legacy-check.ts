/**
 * The legacy-encoding part of the check: every text cell among the inputs of the standard
 * sheets (text, lists, dates typed as text, table row labels) whose text is TCVN3 (ABC) or
 * VNI-Windows rather than Unicode gives one warning, "text.legacyEncoding", naming the
 * encoding. The cell's font (when the reader knew it) decides first, its characters second.
 */
import { tableRowsName } from "../report/definition";
import { cellAddress, parseRange, parseSheetRef } from "../report/refs";
import type { Problem, ReportDefinition } from "../report/types";
import { scanLegacyText, type LegacyTextCell, type TextCell } from "../text/legacy-scan";
import type { WorkbookLayout } from "./layout";
import type { FieldLocation } from "./read";
import { findSheet, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";

import { LEGACY_CODE } from "./legacy-code";

export { LEGACY_CODE };

function cellsOf(ref: string): string[] {
  const { start, end } = parseRange(ref);
  const out: string[] = [];
  for (let row = start.row; row <= end.row; row++) for (let col = start.col; col <= end.col; col++) out.push(cellAddress({ row, col }));
  return out;
}

/** The text cells of a sheet, all of them or those at `addresses`, with their fonts. */
export function textCellsOf(sheet: SheetSnapshot, addresses?: Iterable<string>): TextCell[] {
  const out: TextCell[] = [];
  for (const address of addresses ?? Object.keys(sheet.cells)) {
    const text = sheet.cells[address];
    if (typeof text !== "string" || text.trim() === "") continue;
    const font = sheet.fonts?.[address];
    out.push({ sheet: sheet.name, address, text, ...(font ? { font } : {}) });
  }
  return out;
}

/** The text cells of the inputs of the standard sheets, where the reader found them. */
export function inputTextCells(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  locations: Record<string, FieldLocation>,
): TextCell[] {
  const wanted = new Map<string, Set<string>>(); // sheet → addresses, in order
  const add = (sheet: string, refs: string[]) => {
    if (!wanted.has(sheet)) wanted.set(sheet, new Set());
    for (const a of refs) wanted.get(sheet)!.add(a);
  };
  for (const sheetLayout of layout.sheets) {
    for (const input of sheetLayout.inputs) {
      const loc = locations[input.fieldId];
      if (!loc) continue;
      if (input.kind === "table") {
        // the labels' column (its name's, or the one left of the body), over the rows the reader took (rows added at the end too)
        const named = snapshot.names[tableRowsName(input.fieldId)];
        const labels = named ? parseSheetRef(named) : null;
        const { start, end } = parseRange(loc.ref);
        const col = labels && labels.sheet.toLowerCase() === loc.sheet.toLowerCase() ? parseRange(labels.ref).start.col : start.col - 1;
        if (col >= 1) add(loc.sheet, cellsOf(`${cellAddress({ row: start.row, col })}:${cellAddress({ row: end.row, col })}`));
        continue;
      }
      const { start, end } = parseRange(loc.ref);
      // a list is read in its first column; a single field in its first cell
      add(loc.sheet, input.kind === "lines" ? cellsOf(`${cellAddress(start)}:${cellAddress({ row: end.row, col: start.col })}`) : [loc.first]);
    }
  }
  const out: TextCell[] = [];
  for (const [name, addresses] of wanted) {
    const sheet = findSheet(snapshot, name);
    if (sheet) out.push(...textCellsOf(sheet, addresses));
  }
  return out;
}

/** The input cells in TCVN3 or VNI, with their Unicode text. */
export function legacyInputCells(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  locations: Record<string, FieldLocation>,
): LegacyTextCell[] {
  return scanLegacyText(inputTextCells(def, layout, snapshot, locations));
}

/** One warning per legacy-encoded input cell. */
export function legacyTextProblems(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  locations: Record<string, FieldLocation>,
): Problem[] {
  const fieldAt = new Map<string, string>();
  for (const [id, loc] of Object.entries(locations)) fieldAt.set(`${loc.sheet.toLowerCase()}!${loc.first}`, id);
  return legacyInputCells(def, layout, snapshot, locations).map((c): Problem => {
    const fieldId = fieldAt.get(`${c.sheet.toLowerCase()}!${c.address}`);
    return { sheet: c.sheet, cell: c.address, severity: "warning", code: LEGACY_CODE, ...(fieldId ? { fieldId } : {}), message: c.message };
  });
}
