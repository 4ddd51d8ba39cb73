/**
 * "Kỳ mới": next period's workbook made from this one (which is never changed). Pure: the
 * CLI (`bao-cao next-period`) and the task pane read the workbook their own way, call
 * `planNextPeriod`, then write the planned workbook with the same ExcelJS writer
 * (`buildNextPeriodWorkbook` in src/workbook/xlsx-write.ts).
 *
 * What the next period's workbook holds, field by field, decided by the definition and
 * never by a field id:
 * - the period moves on by the kind's period (tháng 11 → 12, tháng 12/2024 → tháng 1/2025,
 *   quý IV → quý I of the next year, 6 tháng đầu năm → cuối năm → đầu năm of the next year,
 *   năm → năm sau); the cut-off date fields are cleared, so the rule of Decree 09 gives the new ones;
 * - the signing date: its day is cleared; its month and year, when they are not the period's
 *   own fields, move on by the period's length (a report signed in the period's last month
 *   stays so);
 * - kept: every text field (agency, symbol, place, the scope "trên địa bàn …", the opening
 *   sentence, the signer's name), every list the document frame names (agency, addressees,
 *   signer's authority, recipients), the tables' rows (lĩnh vực), the unit sheets (names and
 *   markers) of a roll-up; in the texts kept, the words naming this period itself are made the
 *   next period's ("quý III năm 2025" → "quý IV năm 2025", src/report/period.ts), and the plan
 *   lists each rewrite;
 * - cleared: the document's number, every figure (counts, table cells, also on unit sheets),
 *   and the text sections ("lines" fields the frame does not name) unless `keepText`;
 * - carried over: what the definition's `carryOver` says (each row's "Từ kỳ trước" = this
 *   period's "Đang giải quyết"), on the unit sheets too;
 * - the totals of this period and of every earlier one the workbook kept, for the sentences that
 *   compare with the previous period and the same period of last year (src/workbook/previous-totals.ts).
 * The add-in's marks and remembered fills are not carried: the new workbook is written
 * afresh from the layout, with no check column text, no mark fill and no add-in setting.
 */
import { emptyData, frameFieldIds, isTableValue, linesValue, numberValue } from "../report/definition";
import { periodChoice, periodOf, periodSlug, periodWords, rewritePeriodWords, type Period, type PeriodRewrite } from "../report/period";
import type { FieldDef, FieldValue, PreviousTotals, ReportData, ReportDefinition } from "../report/types";
import { checkWorkbook } from "./check-workbook";
import type { WorkbookLayout } from "./layout";
import { historyOf, refValue } from "../report/values";
import type { CellValue, WorkbookSnapshot } from "./snapshot";
import { unitFiguresOf, type UnitFigures, type UnitTable } from "./unit-workbook";

/** Months in a period of each kind. */
export function periodMonths(p: Pick<Period, "type">): number {
  return { thang: 1, quy: 3, "6thang": 6, nam: 12 }[p.type];
}

/** The period after `p`, of the same kind. */
export function nextPeriod(p: Period): Period {
  const count = { thang: 12, quy: 4, "6thang": 2, nam: 1 }[p.type];
  return p.number >= count ? { type: p.type, number: 1, year: p.year + 1 } : { type: p.type, number: p.number + 1, year: p.year };
}

/** A month and year moved on by `months`. */
function addMonths(month: number, year: number, months: number): { month: number; year: number } {
  const index = year * 12 + (month - 1) + months;
  return { month: (index % 12) + 1, year: Math.floor(index / 12) };
}

export interface NextPeriodOptions {
  /** keep the text sections ("lines" fields the frame does not name) instead of clearing them */
  keepText?: boolean;
}

export type NextPeriodPlan =
  | {
      ok: true;
      /** the workbook's definition (its kind) */
      def: ReportDefinition;
      /** this period and the next */
      from: Period;
      to: Period;
      /** the next period's report data */
      data: ReportData;
      /** the unit sheets of a roll-up, their figures cleared (carry-over applied); empty for a plain report */
      units: UnitFigures[];
      /** this period's totals, kept in the new workbook */
      previous: PreviousTotals;
      /** suggested file name: "bao-cao-cctthc-thang-12-2024.xlsx" */
      fileName: string;
      /** the period words rewritten in the kept texts, in field order */
      rewrites: TextRewrite[];
    }
  | {
      ok: false;
      /** not a report workbook (no field found), or its period cannot be read */
      reason: "notReportWorkbook" | "noPeriod";
      message: string;
    };

export const MSG_NEXT_PERIOD = {
  notReportWorkbook: "Sổ này không phải sổ báo cáo (không có trang tính nào của mẫu), nên không tạo được sổ kỳ mới.",
  noPeriod: (fields: string) => `Chưa đọc được kỳ báo cáo của sổ (${fields}) nên chưa biết kỳ sau là kỳ nào. Nhập kỳ báo cáo và năm cho đúng rồi làm lại.`,
  /** the period words rewritten in the kept texts, for the CLI's output and the pane's notice */
  rewrites: (rewrites: TextRewrite[], to: string) =>
    `Đã sửa chữ chỉ kỳ sang ${to} trong ${rewrites.length} chỗ: ${rewrites.map((r) => `"${r.label}": "${r.from}" → "${r.to}"`).join("; ")}. Xem lại các câu này trong sổ mới.`,
} as const;

/** A table's cells for the next period: blank, except the columns carried over from this period's. */
function nextTableCells(
  def: ReportDefinition,
  tableId: string,
  rows: number,
  cellAt: (r: number, c: number) => CellValue | number | null | undefined,
): (number | null)[][] {
  const columns = def.fields.find((f) => f.id === tableId)!.table!.columns;
  const carried = new Map<number, number>(); // to-column → from-column
  for (const c of def.carryOver ?? []) {
    if (c.table !== tableId) continue;
    carried.set(
      columns.findIndex((x) => x.id === c.to),
      columns.findIndex((x) => x.id === c.from),
    );
  }
  return Array.from({ length: rows }, (_, r) =>
    columns.map((_, c) => {
      const from = carried.get(c);
      const v = from === undefined ? null : cellAt(r, from);
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    }),
  );
}

/** The count fields carried over: to-field → from-field. */
function carriedCounts(def: ReportDefinition): Map<string, string> {
  return new Map((def.carryOver ?? []).filter((c) => c.table === undefined).map((c) => [c.to, c.from]));
}

/** Period words rewritten in a text kept for the next period ("quý III năm 2025" → "quý IV năm 2025"). */
export interface TextRewrite extends PeriodRewrite {
  fieldId: string;
  /** the field's label ("Câu mở đầu (căn cứ báo cáo)") */
  label: string;
}

/**
 * The next period's data from this period's (pure; `from` is this period), and the period
 * words rewritten in the texts it keeps.
 */
export function nextPeriodData(
  def: ReportDefinition,
  data: ReportData,
  from: Period,
  options: NextPeriodOptions = {},
): { data: ReportData; rewrites: TextRewrite[] } {
  const to = nextPeriod(from);
  const rewrites: TextRewrite[] = [];
  /** a kept text with this period's own words made the next period's */
  const reword = (f: FieldDef, text: string): string => {
    const r = rewritePeriodWords(text, from, to);
    rewrites.push(...r.rewrites.map((w) => ({ ...w, fieldId: f.id, label: f.label })));
    return r.text;
  };
  const p = def.period;
  const r = def.document.frame;
  const kept = frameFieldIds(def);
  const counts = carriedCounts(def);
  const values: Record<string, FieldValue> = { ...emptyData(def).values };
  for (const f of def.fields) {
    const v = data.values[f.id];
    if (v === undefined) continue;
    if (f.id === p.year || f.id === p.month || f.id === p.field || f.id === p.from || f.id === p.to) continue; // set below
    if (f.id === r.number || f.id === r.date.day) continue; // cleared
    switch (f.kind) {
      case "text":
        values[f.id] = typeof v === "string" ? reword(f, v) : v;
        break;
      case "period":
        values[f.id] = v;
        break;
      case "lines":
        values[f.id] = kept.has(f.id) || options.keepText ? linesValue(data, f.id).map((line) => reword(f, line)) : [];
        break;
      case "count": {
        const source = counts.get(f.id);
        values[f.id] = source !== undefined ? numberValue(data, source) : null;
        break;
      }
      case "table": {
        const table = isTableValue(v) ? v : { rows: [], cells: [] };
        values[f.id] = { rows: [...table.rows], cells: nextTableCells(def, f.id, table.rows.length, (row, c) => table.cells[row]?.[c]) };
        break;
      }
      case "month":
      case "year":
        values[f.id] = v; // the signing month and year: moved on below
        break;
      default:
        break; // day, date: cleared
    }
  }
  // the period
  values[p.year] = to.year;
  if (p.month) values[p.month] = to.number;
  if (p.field) values[p.field] = periodChoice(to.type, to.number);
  // the signing month and year, when they are fields of their own: moved on by the period's length
  const month = r.date.month !== p.month && r.date.month !== p.year ? numberValue(data, r.date.month) : null;
  const year = r.date.year !== p.year && r.date.year !== p.month ? numberValue(data, r.date.year) : null;
  if (month !== null && year !== null && Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(year)) {
    const moved = addMonths(month, year, periodMonths(from));
    values[r.date.month] = moved.month;
    values[r.date.year] = moved.year;
  }
  return { data: { values }, rewrites };
}

/** A unit's figures for the next period: blank, except what the definition carries over. */
function nextUnit(def: ReportDefinition, unit: UnitFigures): UnitFigures {
  const counts = carriedCounts(def);
  const values: Record<string, CellValue> = {};
  for (const id of Object.keys(unit.values)) {
    const source = counts.get(id);
    const v = source !== undefined ? unit.values[source] : null;
    values[id] = typeof v === "number" ? v : null;
  }
  const tables: Record<string, UnitTable> = {};
  for (const [id, t] of Object.entries(unit.tables ?? {})) {
    tables[id] = { rows: [...t.rows], cells: nextTableCells(def, id, t.rows.length, (r, c) => t.cells[r]?.[c]) };
  }
  return { ...unit, values, ...(unit.tables ? { tables } : {}) };
}

/** Plans next period's workbook from this one's snapshot; the snapshot is not changed. */
export function planNextPeriod(def: ReportDefinition, layout: WorkbookLayout, snapshot: WorkbookSnapshot, options: NextPeriodOptions = {}): NextPeriodPlan {
  const check = checkWorkbook(def, layout, snapshot);
  if (!check.isReportWorkbook) return { ok: false, reason: "notReportWorkbook", message: MSG_NEXT_PERIOD.notReportWorkbook };
  const from = periodOf(def, check.data);
  if (!from) {
    const labels = [def.period.field, def.period.month, def.period.year]
      .filter((id): id is string => !!id)
      .map((id) => `"${def.fields.find((f) => f.id === id)?.label ?? id}"`);
    return { ok: false, reason: "noPeriod", message: MSG_NEXT_PERIOD.noPeriod(labels.join(", ")) };
  }
  const to = nextPeriod(from);
  const next = nextPeriodData(def, check.data, from, options);
  return {
    ok: true,
    def,
    from,
    to,
    // the list of units expected to send stays
    data: check.data.expectedUnits ? { ...next.data, expectedUnits: { expected: check.data.expectedUnits.expected, missing: [] } } : next.data,
    rewrites: next.rewrites,
    units: unitFiguresOf(def, snapshot).map((u) => nextUnit(def, u)),
    previous: previousOfNext(def, check.data, from),
    fileName: `${def.document.fileName}-${periodSlug(to)}.xlsx`,
  };
}

/**
 * What the next period's workbook keeps of the periods before it: this period's totals, then
 * every earlier period this workbook kept (none of the same period twice), so that a report
 * can compare with the same period of last year.
 */
export function previousOfNext(def: ReportDefinition, data: ReportData, from: Period): PreviousTotals {
  const words = periodWords(from);
  const earlier = historyOf(data.previous).filter((p) => p.period !== words);
  return { period: words, at: { type: from.type, number: from.number, year: from.year }, totals: totalsOf(def, data), ...(earlier.length ? { earlier } : {}) };
}

/** Every figure a sentence may compare: each count field and each table column's total; missing figures left out. */
export function totalsOf(def: ReportDefinition, data: ReportData): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of def.fields) {
    const refs = f.kind === "count" ? [f.id] : f.kind === "table" ? f.table!.columns.map((c) => `${f.id}.${c.id}`) : [];
    for (const ref of refs) {
      const v = refValue(def, data, ref);
      if (v !== null && Number.isFinite(v)) out[ref] = v;
    }
  }
  return out;
}
