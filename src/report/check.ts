/**
 * The report's rules, applied to data read from a workbook. Each problem is placed on
 * the cell of the field it concerns. Errors block the export; warnings do not.
 */
import { linesValue, numberValue, textValue } from "./definition";
import { MSG } from "./messages";
import type { FieldDef, Problem, ReportData, ReportDefinition, Severity } from "./types";

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
    }
  }

  // a given day must exist in the report's month and year
  const dayField = def.fields.find((f) => f.kind === "day");
  const monthField = def.fields.find((f) => f.kind === "month");
  const yearField = def.fields.find((f) => f.kind === "year");
  if (dayField && monthField && yearField) {
    const d = numberValue(data, dayField.id);
    const m = numberValue(data, monthField.id);
    const y = numberValue(data, yearField.id);
    const ok = (v: number | null, kind: keyof typeof WHOLE_RANGES): v is number => v !== null && inRange(v, WHOLE_RANGES[kind]);
    if (ok(d, "day") && ok(m, "month") && ok(y, "year") && d > daysInMonth(m, y)) {
      add(dayField, "error", "day.notInMonth", MSG.dayNotInMonth(d, m, y));
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
    } else {
      for (let i = 1; i < rule.fields.length; i++) {
        const prev = validCount.get(rule.fields[i - 1]);
        const cur = validCount.get(rule.fields[i]);
        if (prev === undefined || cur === undefined || cur <= prev) continue;
        const f = byId.get(rule.fields[i])!;
        add(f, rule.severity, "order.notIncreasing", MSG.notIncreasing(f.label, cur, byId.get(rule.fields[i - 1])!.label, prev));
      }
    }
  }

  // Decree 30: each recipient line ends with ";" and the last one with "."
  const noiNhan = byId.get("NOI_NHAN");
  if (noiNhan && locations[noiNhan.id]) {
    const place = locations[noiNhan.id];
    const lines = linesValue(data, noiNhan.id);
    const cells = input.lineCells?.[noiNhan.id] ?? [];
    const warn = (i: number, code: string, message: string) =>
      problems.push({ sheet: place.sheet, cell: cells[i] ?? place.first, severity: "warning", code, fieldId: noiNhan.id, message });
    lines.forEach((line, i) => {
      if (i < lines.length - 1 && !line.endsWith(";")) warn(i, "noiNhan.semicolon", MSG.noiNhanEnd(line));
      if (i === lines.length - 1 && !line.endsWith(".")) warn(i, "noiNhan.period", MSG.noiNhanLast(line));
    });
  }
  return problems;
}
