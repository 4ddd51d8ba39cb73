/**
 * Numbers computed from the report data for the document's sentences: a table column's
 * total ("{BIEU_06.TONG_NHAN}") and the named values of `document.values` (sums and
 * percentages), written the Vietnamese way ("12.345", "95,2%"). Pure.
 */
import { fieldById, numberValue, tableValue } from "./definition";
import type { ComputedValue, PreviousTotals, ReportData, ReportDefinition, ValueRef } from "./types";
import { periodOf, periodPlaceholders } from "./period";
import { isUnitValue, unitValueNumber, unitValueText } from "./unit-results";
import { formatNumber, formatPercent } from "./wording";

/** What a computed value shows while a figure it needs is missing. */
export const MISSING_VALUE = "…";

/** The total of a table's column over its rows, or a count field's value; null when a figure is missing. */
export function refValue(def: ReportDefinition, data: ReportData, ref: ValueRef): number | null {
  const [id, column] = ref.split(".");
  if (column === undefined) return numberValue(data, id);
  const field = fieldById(def, id);
  const index = field.table!.columns.findIndex((c) => c.id === column);
  const table = tableValue(data, id);
  let sum = 0;
  for (let r = 0; r < table.rows.length; r++) {
    const v = table.cells[r]?.[index];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

function sumOf(def: ReportDefinition, data: ReportData, refs: ValueRef[]): number | null {
  let sum = 0;
  for (const ref of refs) {
    const v = refValue(def, data, ref);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** The default sentence of a change value. */
export const CHANGE_TEXT = "{change} so với kỳ trước";

/** A change between two figures in words: "tăng 12,5%", "giảm 3,0%", "không đổi"; null when the previous is 0. */
export function changeWords(previous: number, current: number): string | null {
  if (current === previous) return "không đổi";
  if (previous === 0) return null;
  const tenths = Math.round((Math.abs(current - previous) / Math.abs(previous)) * 1000);
  // always one decimal ("3,0%"): a change reads as a measured rate
  return `${current > previous ? "tăng" : "giảm"} ${formatNumber(Math.trunc(tenths / 10))},${tenths % 10}%`;
}

/**
 * The number of a value that is one (a sum or a difference); null when a figure it needs is
 * missing, or for a percentage or a change, whose words are not a number.
 */
export function computedNumber(def: ReportDefinition, data: ReportData, value: ComputedValue): number | null {
  if (isUnitValue(value)) return unitValueNumber(def, data.units ?? [], value);
  if ("sum" in value) return sumOf(def, data, value.sum);
  if ("difference" in value) {
    const plus = sumOf(def, data, value.difference);
    const minus = sumOf(def, data, value.minus);
    return plus === null || minus === null ? null : plus - minus;
  }
  if ("missingUnits" in value) return data.expectedUnits ? data.expectedUnits.missing.length : null;
  return null;
}

/** The kept period a `compare` part is against, from the workbook's history; undefined when it is not kept. */
function comparedPeriod(def: ReportDefinition, data: ReportData, against: "previous" | "lastYear"): PreviousTotals | undefined {
  const history = historyOf(data.previous);
  if (against === "previous") return history[0];
  const now = periodOf(def, data);
  if (!now || now.type === "nam") return undefined; // a year's same period of last year is the previous one
  return history.find((p) => p.at && p.at.type === now.type && p.at.number === now.number && p.at.year === now.year - 1);
}

/** The previous period and every earlier one a workbook kept, the most recent first (each without `earlier`). */
export function historyOf(previous: PreviousTotals | undefined): PreviousTotals[] {
  if (!previous) return [];
  const { earlier, ...own } = previous;
  return [own, ...(earlier ?? [])];
}

/** One computed value as text. */
export function computedText(def: ReportDefinition, data: ReportData, value: ComputedValue): string {
  if (isUnitValue(value)) return unitValueText(def, data.units ?? [], value);
  if ("change" in value) {
    const before = data.previous?.totals[value.change];
    const whenNone = value.whenNoPrevious ?? "";
    if (before === undefined || !Number.isFinite(before)) return whenNone;
    const now = refValue(def, data, value.change);
    const words = now === null ? MISSING_VALUE : changeWords(before, now);
    return words === null ? whenNone : (value.text ?? CHANGE_TEXT).replace("{change}", words);
  }
  if ("compare" in value) {
    const now = refValue(def, data, value.compare);
    const parts = value.with.flatMap((part) => {
      const then = comparedPeriod(def, data, part.against);
      const before = then?.totals[value.compare];
      if (before === undefined || !Number.isFinite(before)) return [];
      const words = now === null ? MISSING_VALUE : changeWords(before, now);
      return words === null ? [] : [part.text.replace("{change}", words).replace("{year}", String(then!.at?.year ?? ""))];
    });
    return parts.length ? `${value.before ?? ""}${parts.join(value.separator ?? "; ")}${value.after ?? ""}` : "";
  }
  if ("missingUnits" in value) {
    if (!data.expectedUnits) return "";
    return value.missingUnits === "count" ? formatNumber(data.expectedUnits.missing.length) : data.expectedUnits.missing.join(", ");
  }
  if ("sum" in value || "difference" in value) {
    const n = computedNumber(def, data, value);
    return n === null ? MISSING_VALUE : formatNumber(n);
  }
  const part = sumOf(def, data, value.percent);
  const whole = sumOf(def, data, value.over);
  if (part === null || whole === null) return MISSING_VALUE;
  if (whole === 0) return value.whenZero ?? "0%";
  return formatPercent(part / whole);
}

/** Every placeholder a template of the document may use besides field ids and period words. */
export function valuePlaceholders(def: ReportDefinition, data: ReportData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of def.fields) {
    if (f.kind !== "table") continue;
    for (const c of f.table!.columns) {
      const v = refValue(def, data, `${f.id}.${c.id}`);
      out[`${f.id}.${c.id}`] = v === null ? MISSING_VALUE : formatNumber(v);
    }
  }
  for (const [name, value] of Object.entries(def.document.values ?? {})) out[name] = computedText(def, data, value);
  return out;
}

/** Every placeholder of the document's templates besides field ids: period words and computed values. */
export function documentPlaceholders(def: ReportDefinition, data: ReportData): Record<string, string> {
  return { ...periodPlaceholders(def, data), ...valuePlaceholders(def, data) };
}
