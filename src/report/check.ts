/**
 * The report's rules, applied to data read from a workbook. Each problem is placed on
 * the cell of the field it concerns. Errors block the export; warnings do not.
 */
import { computedColumns, frameFieldIds, linesValue, numberValue, tableValue, textValue } from "./definition";
import { MSG, MSG_TABLE } from "./messages";
import { dateValue, namesOtherPeriod, parsePeriodChoice, periodChoices, periodMentions, periodOf, periodWords, reportCutoff } from "./period";
import { cellAddress, parseCell } from "./refs";
import type { FieldDef, Problem, ReportData, ReportDefinition, Severity, TableColumnDef } from "./types";

export interface FieldPlace {
  sheet: string;
  first: string;
}

export interface CheckInput {
  data: ReportData;
  /** where each field is in the workbook; fields without a place are not checked */
  locations: Record<string, FieldPlace>;
  /** lines fields: the cell of each non-blank line, to place problems of one line */
  lineCells?: Record<string, string[]>;
  /** fields whose value could not be read (already reported) */
  unreadable: Set<string>;
  /** table cells that could not be read (already reported), as "FIELD:row:column" (0-based) */
  unreadableCells?: Set<string>;
  /** the date to judge a plausible year against */
  today?: Date;
}

/**
 * The whole numbers each numeric kind accepts: the checks use them, and so does the sheet
 * layout for Excel's own data validation, so the two never disagree.
 */
export const WHOLE_RANGES = {
  count: { min: 0, max: 999999999 },
  day: { min: 1, max: 31 },
  month: { min: 1, max: 12 },
  year: { min: 2000, max: 2100 },
} as const;

function inRange(n: number, range: { min: number; max: number }): boolean {
  return Number.isInteger(n) && n >= range.min && n <= range.max;
}

/** `v` when it is a whole number the checks accept for this kind (a year 2000–2100, a month 1–12, …), else null. */
export function wholeInRange(v: unknown, kind: keyof typeof WHOLE_RANGES): number | null {
  return typeof v === "number" && inRange(v, WHOLE_RANGES[kind]) ? v : null;
}

const RANGE_MESSAGE = { day: MSG.dayRange, month: MSG.monthRange, year: MSG.yearRange } as const;

function daysInMonth(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function checkReport(def: ReportDefinition, input: CheckInput): Problem[] {
  const { data, locations, unreadable } = input;
  const problems: Problem[] = [];
  const add = (f: FieldDef, severity: Severity, code: string, message: string) => {
    const place = locations[f.id];
    if (place) problems.push({ sheet: place.sheet, cell: place.first, severity, code, fieldId: f.id, message });
  };
  const byId = new Map(def.fields.map((f) => [f.id, f] as const));
  /** a count usable by the cross-field rules */
  const validCount = new Map<string, number>();

  for (const f of def.fields) {
    if (!locations[f.id] || unreadable.has(f.id)) continue;
    const n = numberValue(data, f.id);
    switch (f.kind) {
      case "text":
        if (f.required && textValue(data, f.id) === "") add(f, "error", "field.required", MSG.required(f.label));
        break;
      case "lines":
        if (linesValue(data, f.id).length === 0) {
          if (f.required) add(f, "error", "field.required", MSG.required(f.label));
          else if (f.warnIfEmpty) add(f, "warning", "lines.empty", MSG.emptyList(f.label));
        }
        break;
      case "count":
        if (n === null) add(f, "error", "count.empty", MSG.countEmpty(f.label));
        else if (!Number.isInteger(n)) add(f, "error", "count.notWhole", MSG.countNotWhole(f.label, n));
        else if (n < 0) add(f, "error", "count.negative", MSG.countNegative(f.label, n));
        else validCount.set(f.id, n);
        break;
      case "month":
      case "year":
      case "day": {
        const range = WHOLE_RANGES[f.kind];
        if (n === null) {
          if (f.required) add(f, "error", "field.required", MSG.required(f.label));
        } else if (!inRange(n, range)) add(f, "error", `${f.kind}.range`, RANGE_MESSAGE[f.kind](n));
        else if (f.kind === "year" && input.today) {
          const now = input.today.getFullYear();
          if (Math.abs(n - now) > 1) add(f, "warning", "year.far", MSG.yearFar(n, now));
        }
        break;
      }
      case "period":
        if (textValue(data, f.id) === "") {
          if (f.required) add(f, "error", "field.required", MSG.required(f.label));
        } else if (!parsePeriodChoice(textValue(data, f.id), def.period.types)) {
          add(f, "error", "period.unknown", MSG.periodUnknown(textValue(data, f.id), periodChoices(def.period.types)));
        }
        break;
      case "date": {
        const v = data.values[f.id];
        if (v === null || v === undefined || v === "") {
          if (f.required) add(f, "error", "field.required", MSG.required(f.label));
        } else if (!dateValue(data, f.id)) add(f, "error", "date.invalid", MSG.dateInvalid(f.label, v));
        break;
      }
      case "table":
        problems.push(...checkTable(def, f, input));
        break;
    }
  }

  // the cut-off typed by hand must not end before it starts
  const cutoff = reportCutoff(def, data);
  const toField = def.period.to ? byId.get(def.period.to) : undefined;
  if (cutoff && toField && dateValue(data, toField.id) && toSerialDay(cutoff.to) < toSerialDay(cutoff.from)) {
    add(toField, "error", "date.order", MSG.dateOrder());
  }

  // a given day must exist in the report's month and year
  const frameDate = def.document.frame.date;
  const dayField = frameDate.day ? byId.get(frameDate.day) : undefined;
  const monthField = byId.get(frameDate.month);
  const yearField = byId.get(frameDate.year);
  if (dayField && monthField && yearField) {
    const d = numberValue(data, dayField.id);
    const m = numberValue(data, monthField.id);
    const y = numberValue(data, yearField.id);
    const ok = (v: number | null, kind: keyof typeof WHOLE_RANGES): v is number => v !== null && inRange(v, WHOLE_RANGES[kind]);
    if (ok(d, "day") && ok(m, "month") && ok(y, "year") && d > daysInMonth(m, y)) {
      add(dayField, "error", "day.notInMonth", MSG.dayNotInMonth(d, m, y));
    }
  }

  // the texts kept from period to period must name the report's period, not the one before
  const period = periodOf(def, data);
  if (period) {
    const frame = frameFieldIds(def);
    for (const f of def.fields) {
      const place = locations[f.id];
      if (!place || unreadable.has(f.id) || !(f.kind === "text" || (f.kind === "lines" && frame.has(f.id)))) continue;
      const texts = f.kind === "text" ? [textValue(data, f.id)] : linesValue(data, f.id);
      const cells = f.kind === "text" ? [place.first] : (input.lineCells?.[f.id] ?? []);
      texts.forEach((text, i) => {
        const stale = periodMentions(text, period.type === "nam").filter((m) => namesOtherPeriod(m, period));
        if (stale.length === 0) return;
        const message = MSG.periodStale(f.label, [...new Set(stale.map((m) => m.text))], periodWords(period));
        problems.push({ sheet: place.sheet, cell: cells[i] ?? place.first, severity: "warning", code: "period.staleWords", fieldId: f.id, message });
      });
    }
  }

  for (const rule of def.rules) {
    if (rule.kind === "sumEquals") {
      const total = validCount.get(rule.total);
      const parts = rule.parts.map((id) => validCount.get(id));
      if (total === undefined || parts.some((p) => p === undefined)) continue;
      const sum = (parts as number[]).reduce((a, b) => a + b, 0);
      const totalField = byId.get(rule.total)!;
      const partsText = rule.parts.map((id) => `"${byId.get(id)!.label}"`).join(" + ");
      if (sum > total) add(totalField, rule.whenGreater, "sum.greater", MSG.sumGreater(totalField.label, total, partsText, sum));
      else if (sum < total) add(totalField, rule.whenLess, "sum.less", MSG.sumLess(totalField.label, total, partsText, sum));
    } else if (rule.kind === "nonIncreasing") {
      for (let i = 1; i < rule.fields.length; i++) {
        const prev = validCount.get(rule.fields[i - 1]);
        const cur = validCount.get(rule.fields[i]);
        if (prev === undefined || cur === undefined || cur <= prev) continue;
        const f = byId.get(rule.fields[i])!;
        add(f, rule.severity, "order.notIncreasing", MSG.notIncreasing(f.label, cur, byId.get(rule.fields[i - 1])!.label, prev));
      }
    } else if (rule.kind === "recipientPunctuation") {
      // Decree 30: each recipient line ends with ";" and the last one with "."
      const place = locations[rule.field];
      if (!place) continue;
      const lines = linesValue(data, rule.field);
      const cells = input.lineCells?.[rule.field] ?? [];
      const warn = (i: number, code: string, message: string) =>
        problems.push({ sheet: place.sheet, cell: cells[i] ?? place.first, severity: rule.severity, code, fieldId: rule.field, message });
      lines.forEach((line, i) => {
        if (i < lines.length - 1 && !line.endsWith(";")) warn(i, "noiNhan.semicolon", MSG.noiNhanEnd(line));
        if (i === lines.length - 1 && !line.endsWith(".")) warn(i, "noiNhan.period", MSG.noiNhanLast(line));
      });
    }
    // rowSum and rowBalance are checked with their table
  }
  return problems;
}

function toSerialDay(d: { day: number; month: number; year: number }): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

/** "(3) Số hồ sơ nhận giải quyết – Tổng số": a column's number on the form and its header. */
export function columnTitle(columns: TableColumnDef[], index: number): string {
  const c = columns[index];
  return `(${index + 3}) ${c.group ? `${c.group} – ` : ""}${c.label}`;
}

/**
 * The checks of one table field: whole numbers ≥ 0, blank cells, row labels, and the form's
 * identities row by row. A computed column's cells are checked like any other and take part
 * in the identities, but whether a row is filled, and which cells are blank, is judged on the
 * input columns (the reader reports a computed cell whose formula was cleared).
 */
function checkTable(def: ReportDefinition, f: FieldDef, input: CheckInput): Problem[] {
  const place = input.locations[f.id];
  const table = tableValue(input.data, f.id);
  const columns = f.table!.columns;
  const computed = computedColumns(f.table!);
  const start = parseCell(place.first);
  const at = (r: number, c: number) => cellAddress({ row: start.row + r, col: start.col + c });
  const problems: Problem[] = [];
  const push = (cell: string, severity: Severity, code: string, message: string) =>
    problems.push({ sheet: place.sheet, cell, severity, code, fieldId: f.id, message });
  const unreadable = (r: number, c: number) => input.unreadableCells?.has(`${f.id}:${r}:${c}`) ?? false;
  /** valid[r][c]: the cell's whole number, or undefined */
  const valid: (number | undefined)[][] = [];

  table.rows.forEach((label, r) => {
    const row = table.cells[r] ?? [];
    const name = label.trim();
    const shown = name || MSG_TABLE.rowNumber(r + 1);
    valid[r] = [];
    const blanks: number[] = [];
    let filled = 0;
    columns.forEach((_, c) => {
      const v = row[c];
      if (unreadable(r, c)) return;
      if (v === null || v === undefined) {
        if (!computed.has(c)) blanks.push(c);
        return;
      }
      if (!computed.has(c)) filled++; // a computed cell holds 0 in an empty row: the row's inputs say whether it is filled
      if (!Number.isInteger(v)) push(at(r, c), "error", "table.notWhole", MSG_TABLE.notWhole(shown, columnTitle(columns, c), v));
      else if (v < 0) push(at(r, c), "error", "table.negative", MSG_TABLE.negative(shown, columnTitle(columns, c), v));
      else if (v > WHOLE_RANGES.count.max) push(at(r, c), "error", "table.tooLarge", MSG_TABLE.tooLarge(shown, columnTitle(columns, c), v));
      else valid[r][c] = v;
    });
    const anyUnreadable = columns.some((_, c) => unreadable(r, c));
    if (!name && (filled > 0 || anyUnreadable)) push(at(r, -1), "error", "table.rowLabel", MSG_TABLE.rowLabel(r + 1));
    if (filled === 0 && !anyUnreadable) {
      if (name) push(at(r, 0), "warning", "table.rowEmpty", MSG_TABLE.rowEmpty(name));
    } else if (blanks.length) {
      push(
        at(r, blanks[0]),
        "error",
        "table.blank",
        MSG_TABLE.blank(
          shown,
          blanks.map((c) => `(${c + 3})`),
        ),
      );
    }
  });

  const seen = new Map<string, number>();
  table.rows.forEach((label, r) => {
    const key = label.normalize("NFC").trim().toLocaleLowerCase("vi");
    if (!key) return;
    if (seen.has(key)) push(at(r, -1), "warning", "table.rowTwice", MSG_TABLE.rowTwice(label.trim(), seen.get(key)! + 1, r + 1));
    else seen.set(key, r);
  });

  const index = (id: string) => columns.findIndex((c) => c.id === id);
  const numbers = (ids: string[]) => ids.map((id) => `(${index(id) + 3})`).join(" + ");
  for (const rule of def.rules) {
    if ((rule.kind !== "rowSum" && rule.kind !== "rowBalance") || rule.table !== f.id) continue;
    const left = rule.kind === "rowSum" ? [rule.total] : rule.left;
    const right = rule.kind === "rowSum" ? rule.parts : rule.right;
    table.rows.forEach((label, r) => {
      const get = (ids: string[]) => ids.map((id) => valid[r]?.[index(id)]);
      const l = get(left);
      const rt = get(right);
      if ([...l, ...rt].some((v) => v === undefined)) return;
      const ls = (l as number[]).reduce((a, b) => a + b, 0);
      const rs = (rt as number[]).reduce((a, b) => a + b, 0);
      if (ls === rs) return;
      const shown = label.trim() || MSG_TABLE.rowNumber(r + 1);
      const severity = rule.kind === "rowSum" ? rule.severity : ((ls > rs ? rule.whenGreater : rule.whenLess) ?? rule.severity ?? "error");
      const excess = rule.kind === "rowBalance" && ls > rs ? rule.excess : undefined;
      push(
        at(r, index(left[0])),
        severity,
        rule.kind === "rowSum" ? "table.rowSum" : excess ? "table.rowExcess" : "table.rowBalance",
        excess ? MSG_TABLE.excess(shown, numbers(left), ls, numbers(right), rs, excess) : MSG_TABLE.identity(shown, numbers(left), ls, numbers(right), rs),
      );
    });
  }
  return problems;
}
