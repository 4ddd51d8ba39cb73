/**
 * The cells the product owns in a workbook laid out from a definition, as edits of the
 * office's own package (src/workbook/xlsx-patch.ts): what "Kỳ mới" and the roll-up on a base
 * change, and the check that the office's sheets are still where the layout puts them.
 */
import { cellsOfRange, parseSheetRef, sheetRef } from "../report/refs";
import type { ReportDefinition } from "../report/types";
import { KIND_SHEET } from "./kind-sheet";
import type { WorkbookLayout } from "./layout";
import { findSheet, type CellValue, type WorkbookSnapshot } from "./snapshot";
import type { CellEdit } from "./xlsx-patch";

/** What a written workbook holds in the cells the product owns, as planned: the layout, the values, the formulas. */
export interface LayoutTarget {
  def: ReportDefinition;
  layout: WorkbookLayout;
  values: { sheet: string; address: string; value: CellValue }[];
  formulas: { sheet: string; cell: string; formula: string }[];
}

const sameRef = (a: string, b: string) => {
  const x = parseSheetRef(a);
  const y = parseSheetRef(b);
  return !!x && !!y && x.sheet.toLowerCase() === y.sheet.toLowerCase() && x.ref.replace(/\$/g, "") === y.ref.replace(/\$/g, "");
};

/**
 * The sheets of the target that are not where this workbook has them: missing, their fields'
 * defined names pointing elsewhere, or (a unit sheet, which has no names) their row labels
 * elsewhere. A standard sheet is judged by its names only, so a label worded anew by the
 * definition does not count as a move.
 */
export function movedSheets(target: LayoutTarget, snapshot: WorkbookSnapshot, sheets = target.layout.sheets): string[] {
  const moved = new Set<string>();
  const named = new Set(target.layout.names.map((n) => n.sheet.toLowerCase()));
  for (const sheet of sheets) {
    const s = findSheet(snapshot, sheet.name);
    if (!s) {
      moved.add(sheet.name);
      continue;
    }
    if (named.has(sheet.name.toLowerCase())) continue;
    for (const c of sheet.cells) {
      if (
        (c.style === "label" || c.style === "stt") &&
        typeof c.value === "string" &&
        c.value.trim() &&
        String(s.cells[c.address] ?? "").trim() !== c.value.trim()
      )
        moved.add(sheet.name);
    }
  }
  for (const n of target.layout.names) {
    const has = snapshot.names[n.name];
    if (n.sheet !== KIND_SHEET && (!has || !sameRef(has, sheetRef(n.sheet, n.ref)))) moved.add(n.sheet);
  }
  return [...moved];
}

/** The cell edits that make this workbook next period's: only cells the product owns, only where they change. */
export function editsOf(
  target: LayoutTarget,
  snapshot: WorkbookSnapshot,
  options: { previousTotals: boolean; sheets?: LayoutTarget["layout"]["sheets"] },
): CellEdit[] {
  const edits: CellEdit[] = [];
  const key = (sheet: string, address: string) => `${sheet.toLowerCase()}!${address}`;
  const values = new Map(target.values.map((v) => [key(v.sheet, v.address), v.value]));
  const formulas = new Map(target.formulas.map((f) => [key(f.sheet, f.cell), `=${f.formula.replace(/^=/, "")}`]));
  const done = new Set<string>();
  const put = (sheet: string, address: string) => {
    const k = key(sheet, address);
    if (done.has(k)) return;
    done.add(k);
    const s = findSheet(snapshot, sheet)!;
    const oldFormula = s.formulas?.[address];
    const formula = formulas.get(k);
    if (formula !== undefined) {
      if (oldFormula !== formula) edits.push({ sheet: s.name, address, formula });
      return;
    }
    const value = values.get(k) ?? null;
    const old = s.cells[address] ?? null;
    if (oldFormula === undefined && (old === value || (old !== null && value !== null && JSON.stringify(old) === JSON.stringify(value)))) return;
    edits.push({ sheet: s.name, address, value });
  };
  for (const sheet of options.sheets ?? target.layout.sheets) {
    const s = findSheet(snapshot, sheet.name)!;
    const computed = new Set(sheet.cells.filter((c) => c.formula).map((c) => c.address)); // a table's computed columns keep their formulas
    for (const input of sheet.inputs) {
      for (const address of [...cellsOfRange(input.ref), ...(input.labels ? cellsOfRange(input.labels) : [])])
        if (!computed.has(address)) put(sheet.name, address);
    }
    // the check column's messages are the add-in's: a new period starts without them
    const owned = new Set(sheet.cells.map((c) => c.address));
    for (const address of Object.keys(s.cells)) {
      const m = /^([A-Z]+)([0-9]+)$/.exec(address);
      if (m && m[1] === sheet.statusColumn && Number(m[2]) > sheet.frozenRows && !owned.has(address)) put(sheet.name, address);
    }
  }
  // the kind sheet's previous totals: the new ones, and the older rows cleared
  const kind = options.previousTotals ? findSheet(snapshot, KIND_SHEET) : undefined;
  if (kind) for (const address of Object.keys(kind.cells)) if (/^[DE][0-9]+$/.test(address)) put(KIND_SHEET, address);
  const within = new Set((options.sheets ?? target.layout.sheets).map((s) => s.name.toLowerCase()).concat(KIND_SHEET.toLowerCase()));
  for (const v of target.values) if (within.has(v.sheet.toLowerCase())) put(v.sheet, v.address);
  for (const f of target.formulas) if (within.has(f.sheet.toLowerCase())) put(f.sheet, f.cell);
  return edits;
}
