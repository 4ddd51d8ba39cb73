/**
 * Tables of a roll-up matched by lĩnh vực, the pure part (no Excel, no ExcelJS).
 *
 * Units do not all keep the same list of lĩnh vực: one inserts "Nông nghiệp" inside its
 * table, another writes "Lĩnh vực hộ tịch" for "Hộ tịch", a third lists them in another order.
 * The summary adds one cell over the unit sheets (`=SUM(DonViDau:DonViCuoi!C6)`), so before
 * the formulas are written every unit sheet is given the summary's rows, in the same order:
 *
 * - the summary's rows are its own (the base's, else the definition's), with every lĩnh vực a
 *   unit has and the summary lacks added before "Lĩnh vực khác", in the order first seen
 *   (mergeRowLists, src/report/row-labels.ts);
 * - each unit's figures go into the row of their lĩnh vực, whatever their row in the unit's
 *   file; a row the unit does not have gets 0.
 *
 * A unit's table is read between its column numbers and its total row ("Tổng cộng"), so a
 * row the office inserted anywhere inside it, or just above the total, belongs to it.
 */
import { computedColumns } from "../report/definition";
import { derivedDefinition } from "../report/kinds";
import { cellAddress, parseCell, parseRange } from "../report/refs";
import { findRow, mergeRowLists, rowLabelKey } from "../report/row-labels";
import type { ReportData, ReportDefinition } from "../report/types";
import type { LayoutInput, SheetLayout } from "./layout";
import { normalText } from "./layout-shift";
import { tableEnd } from "./read";
import type { CellValue, SheetSnapshot } from "./snapshot";

/** A unit's table as its sheet holds it: row labels and raw cells (text and errors kept, for the check to mark). */
export interface UnitTable {
  rows: string[];
  cells: CellValue[][];
  /** where the labels are on the unit's sheet, when read from it: the first row's label cell, e.g. "B6" */
  labelsAt?: string;
}

/** A definition whose tables have the given rows (labels), by field id; the same definition when nothing changes. */
export function withTableRows(def: ReportDefinition, rows: Record<string, readonly string[]>): ReportDefinition {
  const differs = (f: ReportDefinition["fields"][number]) =>
    f.kind === "table" && rows[f.id] !== undefined && rows[f.id].length > 0 && rows[f.id].join("\n") !== f.table!.rows.join("\n");
  if (!def.fields.some(differs)) return def;
  const fields = def.fields.map((f) => (differs(f) ? { ...f, table: { ...f.table!, rows: [...rows[f.id]] } } : f));
  return derivedDefinition(def, { ...def, fields });
}

/** A label as the table holds it: text trimmed, a number as it prints, anything else blank. */
export function labelText(v: CellValue | undefined): string {
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
}

/** Where a table's body is on a sheet: its first and last rows, its label column, and the labels. */
export interface TableOnSheet {
  fieldId: string;
  /** first and last row of the body (1-based) */
  first: number;
  last: number;
  /** column of the row labels, first and last column of the figures (1-based) */
  labelCol: number;
  firstCol: number;
  lastCol: number;
  /** the labels of the body's rows, top to bottom */
  rows: string[];
}

/**
 * A table's body on a sheet laid out by `layout`: from the layout's first body row down to
 * the row above the total row, found by its label in the label column. Null when the header
 * is not where the layout puts it (rows or columns inserted above or left of the table: a
 * moved sheet, see layout-shift.ts) or when no total row is found.
 */
export function tableOnSheet(layout: SheetLayout, input: LayoutInput, totalLabel: string, sheet: SheetSnapshot): TableOnSheet | null {
  if (input.kind !== "table" || !input.labels) return null;
  const { start, end } = parseRange(input.ref);
  const labelCol = parseRange(input.labels).start.col;
  // the header row right above the body (the column numbers) must be in place
  const headerTexts = layout.cells.filter((c) => c.value !== null && c.value !== "" && parseCell(c.address).row === start.row - 1);
  if (!headerTexts.length || headerTexts.some((c) => normalText(sheet.cells[c.address]) !== normalText(c.value))) return null;
  return bodyOnSheet(sheet, input.fieldId, start, end.col, labelCol, totalLabel);
}

/**
 * A table's body on a sheet, from its first cell (`start`, the first figure) down to the
 * row above its total row, found as the reader finds it (`tableEnd`: by its label in
 * `labelCol`, or by the SUM of its own column); null when there is no total row.
 */
export function bodyOnSheet(
  sheet: SheetSnapshot,
  fieldId: string,
  start: { row: number; col: number },
  lastCol: number,
  labelCol: number,
  totalLabel: string,
): TableOnSheet | null {
  const { totalRow } = tableEnd(sheet, { start, end: { row: start.row, col: lastCol } }, labelCol, totalLabel);
  if (totalRow === null) return null;
  const rows: string[] = [];
  for (let row = start.row; row < totalRow; row++) rows.push(labelText(sheet.cells[cellAddress({ row, col: labelCol })]));
  return { fieldId, first: start.row, last: totalRow - 1, labelCol, firstCol: start.col, lastCol, rows };
}

/** The table as its sheet holds it: labels and the raw cells of its body. */
export function tableCells(sheet: SheetSnapshot, at: TableOnSheet): UnitTable {
  const cells: CellValue[][] = [];
  for (let row = at.first; row <= at.last; row++) {
    const line: CellValue[] = [];
    for (let col = at.firstCol; col <= at.lastCol; col++) line.push(sheet.cells[cellAddress({ row, col })] ?? null);
    cells.push(line);
  }
  return { rows: [...at.rows], cells, labelsAt: cellAddress({ row: at.first, col: at.labelCol }) };
}

/** The label cell of a table's row (1-based) on the unit's sheet, when known. */
export function labelCellOf(table: UnitTable, row: number): string | undefined {
  if (!table.labelsAt) return undefined;
  const p = parseCell(table.labelsAt);
  return cellAddress({ row: p.row + row - 1, col: p.col });
}

/** Whether a table's cell holds a figure typed by the office (a computed column's value is not one). */
const isFigure = (v: CellValue | undefined, computed: boolean) => !computed && v !== null && v !== undefined && v !== "";

/** A row a table cannot be matched by: a lĩnh vực written twice, or figures without a lĩnh vực. */
export interface RowLabelProblem {
  /** row in the table, 1-based */
  row: number;
  kind: "duplicate" | "unlabeled";
  /** the label (duplicate) */
  label?: string;
  /** the row that first has the label (duplicate), 1-based */
  firstRow?: number;
}

/**
 * The first row of a unit's table whose figures could not be put in the row of their lĩnh
 * vực: a label written twice (the two rows are one lĩnh vực: which figures to take?), or a
 * row with figures and no label. Blank rows are ignored. Null when every row can be matched.
 */
export function rowLabelProblem(table: UnitTable, computed: ReadonlySet<number> | ReadonlyMap<number, unknown> = new Set()): RowLabelProblem | null {
  const seen = new Map<string, number>();
  for (const [r, label] of table.rows.entries()) {
    const key = rowLabelKey(label);
    if (key === "") {
      if ((table.cells[r] ?? []).some((v, c) => isFigure(v, computed.has(c)))) return { row: r + 1, kind: "unlabeled" };
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) return { row: r + 1, kind: "duplicate", label, firstRow: first + 1 };
    seen.set(key, r);
  }
  return null;
}

/**
 * A unit's table put into `rows` (the summary's rows): each row gets the figures of the
 * unit's row of the same lĩnh vực (rowLabelKey), 0 in each figure column where the unit has
 * no such row; a computed column is left blank (its row formula computes it). Cells the unit
 * left blank stay blank (the check asks for them). Rows the unit has and `rows` lacks are
 * dropped: call it with rows merged from every unit (mergeUnitRows).
 */
export function alignTable(
  table: UnitTable,
  rows: readonly string[],
  columns: number,
  computed: ReadonlySet<number> | ReadonlyMap<number, unknown> = new Set(),
): UnitTable {
  const cells = rows.map((label) => {
    const at = rowLabelKey(label) === "" ? -1 : findRow(table.rows, label);
    return Array.from({ length: columns }, (_, c): CellValue => {
      if (computed.has(c)) return null;
      if (at < 0) return 0;
      return table.cells[at]?.[c] ?? null;
    });
  });
  return { rows: [...rows], cells };
}

/** A lĩnh vực added to a summary table: the field, the label as first written, the unit that first had it. */
export interface AddedRow {
  fieldId: string;
  label: string;
  unitName: string;
}

/**
 * The rows of each roll-up table of the summary: `base`'s (the summary's own list; the
 * definition's when it has none or only blank labels), with each lĩnh vực of the units it lacks added before
 * "Lĩnh vực khác", in the order first seen; and the rows added, each with the unit that had it.
 */
export function mergeUnitRows(
  def: ReportDefinition,
  base: Record<string, readonly string[]>,
  units: readonly { unitName: string; tables?: Record<string, UnitTable> }[],
): { rows: Record<string, string[]>; added: AddedRow[] } {
  const rows: Record<string, string[]> = {};
  const added: AddedRow[] = [];
  for (const f of def.fields) {
    if (f.kind !== "table" || !f.rollup) continue;
    // a summary whose lĩnh vực column is blank (typed by no one yet) takes the definition's rows
    const own = base[f.id] ?? [];
    let list = [...(own.some((label) => label.trim() !== "") ? own : f.table!.rows)];
    while (list.length > 1 && list[list.length - 1].trim() === "") list.pop();
    for (const u of units) {
      const t = u.tables?.[f.id];
      if (!t) continue;
      const merged = mergeRowLists(list, t.rows);
      list = merged.rows;
      for (const label of merged.added) added.push({ fieldId: f.id, label, unitName: u.unitName });
    }
    rows[f.id] = list;
  }
  return { rows, added };
}

/** Each roll-up table of a unit put into the summary's rows (alignTable). */
export function alignUnitTables(
  def: ReportDefinition,
  tables: Record<string, UnitTable> | undefined,
  rows: Record<string, string[]>,
): Record<string, UnitTable> | undefined {
  if (!tables) return tables;
  const out: Record<string, UnitTable> = {};
  for (const [id, t] of Object.entries(tables)) {
    const f = def.fields.find((x) => x.id === id);
    out[id] = f?.table && rows[id] ? alignTable(t, rows[id], f.table.columns.length, computedColumns(f.table)) : t;
  }
  return out;
}

/** Whether two lists of rows name the same lĩnh vực in the same order. */
export function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((label, i) => rowLabelKey(label) === rowLabelKey(b[i]));
}

/** Text written through a range's formulas stays text ("=x" would be a formula). */
const asText = (s: string) => (/^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s);

/**
 * What "Tổng hợp" does to one sheet's table so that it has the summary's rows: rows
 * inserted (`count` > 0) before its last row — inside the table, so its total row's SUM and
 * its defined names grow with it — or deleted (`count` < 0, blank rows of a unit) at its end;
 * then, from the table's STT column, the numbers, the labels and (on a unit sheet) the
 * figures, each in the row of its lĩnh vực.
 */
export interface SheetAlignment {
  sheet: string;
  fieldId: string;
  /** rows inserted (> 0) or deleted (< 0) at `at` (1-based sheet row) */
  count: number;
  at: number;
  /** top-left cell of what is written (the STT column of the first row) */
  from: string;
  /** each row: STT, label, then (a unit sheet) the figures; a computed column holds its row formula */
  write: (string | number | boolean)[][];
}

/** A table to align: its sheet, where it is, and (a unit) its cells as the sheet holds them. */
export interface TableToAlign {
  sheet: string;
  unitName?: string;
  at: TableOnSheet;
  table?: UnitTable;
}

export type AlignmentPlan =
  | { ok: true; rows: Record<string, string[]>; added: AddedRow[]; sheets: SheetAlignment[] }
  /** a unit's table that cannot be matched: the sheet, the label cell, and the problem */
  | { ok: false; sheet: string; cell: string; fieldId: string; problem: RowLabelProblem };

/**
 * How every table of a workbook's roll-up gets the same rows: the summary's rows with each
 * unit's lĩnh vực it lacks (mergeUnitRows), and for each sheet whose rows are not those
 * (same lĩnh vực, same order: sameRows), what to insert and write. A unit's figures move with
 * their lĩnh vực; a row it lacks gets 0; a blank stays blank. Refused when a unit's table has
 * a lĩnh vực twice or figures without one.
 */
export function alignmentPlan(def: ReportDefinition, summaries: TableToAlign[], units: TableToAlign[]): AlignmentPlan {
  for (const u of units) {
    const f = def.fields.find((x) => x.id === u.at.fieldId);
    const problem = u.table && rowLabelProblem(u.table, f?.table ? computedColumns(f.table) : new Set());
    if (problem) {
      return { ok: false, sheet: u.sheet, fieldId: u.at.fieldId, cell: cellAddress({ row: u.at.first + problem.row - 1, col: u.at.labelCol }), problem };
    }
  }
  const base = Object.fromEntries(summaries.map((s) => [s.at.fieldId, s.at.rows]));
  const byUnit = units.map((u) => ({ unitName: u.unitName ?? u.sheet, tables: u.table ? { [u.at.fieldId]: u.table } : undefined }));
  const { rows, added } = mergeUnitRows(def, base, byUnit);
  const sheets: SheetAlignment[] = [];
  for (const t of [...summaries, ...units]) {
    const want = rows[t.at.fieldId];
    const f = def.fields.find((x) => x.id === t.at.fieldId);
    if (!want || !f?.table || sameRows(t.at.rows, want)) continue;
    const count = want.length - t.at.rows.length;
    const at = count > 0 ? t.at.last : t.at.last + count + 1;
    const computed = computedColumns(f.table);
    const aligned = t.table ? alignTable(t.table, want, f.table.columns.length, computed) : null;
    const sttCol = Math.max(1, t.at.labelCol - 1);
    const write = want.map((label, r) => {
      const row = t.at.first + r;
      const line: (string | number | boolean)[] = [];
      if (sttCol < t.at.labelCol) line.push(r + 1);
      line.push(asText(label));
      if (aligned) {
        for (let c = 0; c < f.table!.columns.length; c++) {
          const parts = computed.get(c);
          const v = aligned.cells[r][c];
          if (parts) line.push(`=${parts.map((p) => cellAddress({ row, col: t.at.firstCol + p })).join("+")}`);
          else line.push(v === null || v === undefined ? "" : typeof v === "object" ? v.error : typeof v === "string" ? asText(v) : v);
        }
      }
      return line;
    });
    sheets.push({ sheet: t.sheet, fieldId: t.at.fieldId, count, at, from: cellAddress({ row: t.at.first, col: sttCol }), write });
  }
  return { ok: true, rows, added, sheets };
}

/** The summary's own rows of each roll-up table: the base's when there is one (else the definition's); shared by `bao-cao rollup` and the web page. */
export function expectedRowsOf(def: ReportDefinition, base: ReportData | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of def.fields) {
    const v = base?.values[f.id];
    if (f.kind === "table" && v && typeof v === "object" && !Array.isArray(v)) {
      const rows = [...v.rows];
      while (rows.length && rows[rows.length - 1] === "") rows.pop();
      out[f.id] = rows;
    }
  }
  return out;
}
