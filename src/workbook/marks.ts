/**
 * Marks of "Kiểm tra": each problem cell gets a fill and a message in the sheet's check
 * column. The add-in remembers (in the workbook's settings) what fill each marked cell
 * had, so the next check restores it once the problem is fixed. It never changes values
 * typed by the user; the check column belongs to the add-in. Pure: the add-in's Kiểm tra
 * (src/excel/check-and-mark.ts) and the web page's marked copy (markEdits) place the same marks.
 */
import { inputOf, type WorkbookLayout } from "./layout";
import type { Problem, Severity } from "../report/types";
import type { CellEdit } from "./xlsx-patch";

export const MARKS_SETTING = "baoCaoTthc.marks";
export const MARK_FILL: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C" };
export const STATUS_COLOR: Record<Severity, string> = { error: "#C00000", warning: "#9C5700" };

/** A cell the add-in marked, with what it had before. */
export interface Mark {
  sheet: string;
  cell: string;
  /** the cell's own fill before marking ("#RRGGBB"), null when it had none */
  fill: string | null;
  /** the check-column cell the add-in wrote, if any */
  status?: string;
  /** the mark's fill, to tell whether the user recoloured the cell since */
  markFill: string;
}

export interface Placement {
  sheet: string;
  cell: string;
  severity: Severity;
  fill: string;
  /** check-column cell and its text */
  status?: { cell: string; text: string; color: string };
  /** the mark of the previous check on this cell (its original fill is known) */
  previous?: Mark;
}

export interface MarkPlan {
  /** marks of the previous check whose problem is gone */
  restore: Mark[];
  place: Placement[];
}

export function parseMarks(json: unknown): Mark[] {
  if (typeof json !== "string" || json === "") return [];
  try {
    const parsed = JSON.parse(json) as { marks?: Mark[] };
    return Array.isArray(parsed.marks) ? parsed.marks.filter((m) => typeof m.sheet === "string" && typeof m.cell === "string") : [];
  } catch {
    return [];
  }
}

export function serializeMarks(marks: Mark[]): string {
  return JSON.stringify({ version: 1, marks });
}

const key = (sheet: string, cell: string) => `${sheet.toLowerCase()}!${cell}`;

/** Pure: what to restore and what to mark, from the previous marks and the new problems. */
export function planMarks(previous: Mark[], problems: Problem[], layout: WorkbookLayout): MarkPlan {
  const byCell = new Map<string, { sheet: string; cell: string; problems: Problem[] }>();
  for (const p of problems) {
    if (!p.fieldId) continue; // a missing sheet has no cell to mark
    const k = key(p.sheet, p.cell);
    if (!byCell.has(k)) byCell.set(k, { sheet: p.sheet, cell: p.cell, problems: [] });
    byCell.get(k)!.problems.push(p);
  }
  const prevByCell = new Map(previous.map((m) => [key(m.sheet, m.cell), m] as const));
  const place: Placement[] = [];
  for (const [k, { sheet, cell, problems: ps }] of byCell) {
    const severity: Severity = ps.some((p) => p.severity === "error") ? "error" : "warning";
    const statusColumn = inputOf(layout, ps[0].fieldId!).sheet.statusColumn;
    const row = cell.replace(/^[A-Z]+/, "");
    const text = ps.map((p) => `${p.severity === "error" ? "Lỗi" : "Cảnh báo"}: ${p.message}`).join("\n");
    place.push({
      sheet,
      cell,
      severity,
      fill: MARK_FILL[severity],
      status: { cell: `${statusColumn}${row}`, text, color: STATUS_COLOR[severity] },
      previous: prevByCell.get(k),
    });
  }
  const restore = previous.filter((m) => !byCell.has(key(m.sheet, m.cell)));
  return { restore, place };
}

/** Colours Excel reports for "no fill". */
export function isNoFill(color: string | null | undefined): boolean {
  return !color || color.toUpperCase() === "#FFFFFF";
}

/**
 * The marks of a plan as edits of the workbook's package (src/workbook/xlsx-patch.ts): each
 * problem cell's fill, its check-column cell's text. Only fills and the check column: no value
 * the user typed changes. A new check of a file starts from no marks (`plan.restore` is empty).
 */
export function markEdits(plan: MarkPlan): CellEdit[] {
  const edits: CellEdit[] = [];
  for (const p of plan.place) {
    edits.push({ sheet: p.sheet, address: p.cell, fill: p.fill });
    if (p.status) edits.push({ sheet: p.sheet, address: p.status.cell, value: p.status.text });
  }
  return edits;
}
