/**
 * Data validation: the entries of a sheet, split and patched by Range.dataValidation, and whether
 * a typed value satisfies them.
 */
import { containsCell, intersect, Rect, subtractRect } from "../address";
import { CellValue, evaluateFormula } from "../formula";
import { apiValue } from "../values";
import { assertWritable } from "./protection";
import type { SimSheet } from "./sheet";
import { DEFAULT_ERROR_ALERT, DEFAULT_PROMPT, type SimValidation } from "./types";
import type { SimWorkbook } from "./workbook";

/** Validation entries touching a rectangle. */
export function validationsIn(s: SimSheet, r: Rect): SimValidation[] {
  return s.validations.filter((v) => intersect(v.rect, r));
}

/** Changes the validation of a rectangle (rule, alert, prompt, ignoreBlanks), splitting entries around it. */
export function patchValidation(wb: SimWorkbook, s: SimSheet, r: Rect, patch: Partial<Omit<SimValidation, "rect">>, location: string): void {
  assertWritable(s, "cells", location);
  const out: SimValidation[] = [];
  let uncovered: Rect[] = [r];
  for (const v of s.validations) {
    const i = intersect(v.rect, r);
    if (!i) {
      out.push(v);
      continue;
    }
    for (const piece of subtractRect(v.rect, r)) out.push({ ...v, rect: piece });
    out.push({ ...v, ...patch, rect: i });
    uncovered = uncovered.flatMap((u) => subtractRect(u, v.rect));
  }
  for (const u of uncovered) {
    out.push({ rule: null, errorAlert: { ...DEFAULT_ERROR_ALERT }, prompt: { ...DEFAULT_PROMPT }, ignoreBlanks: true, ...patch, rect: u });
  }
  s.validations = out;
  wb.markDirty();
}

/** Why a value typed into a cell breaks its validation rule (Stop alerts only), or null. */
export function validationProblem(wb: SimWorkbook, s: SimSheet, row: number, col: number, value: CellValue): string | null {
  const v = s.validations.find((x) => containsCell(x.rect, row, col));
  if (!v || !v.rule || !v.errorAlert.showAlert || v.errorAlert.style !== "Stop") return null;
  if (!satisfies(wb, s, v, value)) {
    return v.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.";
  }
  return null;
}

/** Whether a value satisfies a rule (wholeNumber, decimal, textLength, list; other rules are not checked). */
export function satisfies(wb: SimWorkbook, s: SimSheet, v: SimValidation, value: CellValue): boolean {
  const rule = v.rule;
  if (!rule) return true;
  if ((value === null || value === "") && v.ignoreBlanks) return true;
  const bound = (f: string | undefined): number | null => {
    if (f === undefined) return null;
    const r = evaluateFormula(f, s.name, wb);
    return typeof r === "number" ? r : null;
  };
  const compare = (x: number, b: { formula1: string; formula2?: string; operator: string }): boolean => {
    const a = bound(b.formula1);
    const c = bound(b.formula2);
    if (a === null) return true;
    switch (b.operator) {
      case "Between":
        return c !== null && x >= Math.min(a, c) && x <= Math.max(a, c);
      case "NotBetween":
        return c !== null && (x < Math.min(a, c) || x > Math.max(a, c));
      case "EqualTo":
        return x === a;
      case "NotEqualTo":
        return x !== a;
      case "GreaterThan":
        return x > a;
      case "LessThan":
        return x < a;
      case "GreaterThanOrEqualTo":
        return x >= a;
      case "LessThanOrEqualTo":
        return x <= a;
      default:
        return true;
    }
  };
  if (rule.wholeNumber) return typeof value === "number" && Number.isInteger(value) && compare(value, rule.wholeNumber);
  if (rule.decimal) return typeof value === "number" && compare(value, rule.decimal);
  if (rule.textLength) return compare(value === null ? 0 : String(apiValue(value)).length, rule.textLength);
  if (rule.list && !rule.list.source.startsWith("=")) {
    const items = rule.list.source.split(",").map((x) => x.trim().toLowerCase());
    return items.includes(String(apiValue(value)).toLowerCase());
  }
  return true;
}
