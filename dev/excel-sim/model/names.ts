/**
 * Defined names (workbook scope): adding, deleting, what a name refers to and its value.
 */
import { definedNameProblem, formatRect, Rect, sheetPrefix } from "../address";
import { simError } from "../errors";
import { evaluateFormula, isCellError, singleReference } from "../formula";
import { checkFormula } from "./cells";
import type { SimSheet } from "./sheet";
import type { SimName } from "./types";
import type { SimWorkbook } from "./workbook";

export function addName(wb: SimWorkbook, name: string, formula: string, comment: string, location: string): SimName {
  const problem = definedNameProblem(name);
  if (problem) throw simError("InvalidArgument", `The argument is invalid or missing or has an incorrect format. (${problem})`, location);
  if (wb.name(name)) throw simError("ItemAlreadyExists", undefined, location);
  const f = formula.startsWith("=") ? formula : `=${formula}`;
  checkFormula(f, location);
  const n: SimName = { name, formula: f, comment: comment ?? "", visible: true };
  wb.names.push(n);
  wb.markDirty();
  return n;
}

export function deleteName(wb: SimWorkbook, n: SimName): void {
  wb.names = wb.names.filter((x) => x !== n);
  wb.markDirty();
}

/** The sheet and rectangle a name refers to, or null when it does not refer to one range. */
export function nameTarget(wb: SimWorkbook, n: SimName): { sheet: SimSheet; rect: Rect } | null {
  const ref = singleReference(n.formula);
  if (!ref || !ref.area || ref.sheetBroken || ref.sheet === null || ref.sheet2 !== undefined) return null;
  const sheet = wb.sheet(ref.sheet);
  return sheet ? { sheet, rect: { r1: ref.area.r1, c1: ref.area.c1, r2: ref.area.r2, c2: ref.area.c2 } } : null;
}

/** Excel's NamedItem.type and NamedItem.value. */
export function nameTypeAndValue(wb: SimWorkbook, n: SimName): { type: string; value: string | number | boolean } {
  if (nameTarget(wb, n)) return { type: "Range", value: n.formula.slice(1) };
  wb.ensureCalculated();
  const ref = singleReference(n.formula);
  if (ref && ref.sheet2 !== undefined && !ref.sheetBroken && ref.area) return { type: "Range", value: n.formula.slice(1) };
  const v = evaluateFormula(n.formula, wb.activeSheet().name, wb);
  if (isCellError(v)) return { type: "Error", value: v.error };
  if (typeof v === "number") return { type: "Double", value: v };
  if (typeof v === "boolean") return { type: "Boolean", value: v };
  return { type: "String", value: v === null ? "" : v };
}

/** "'I. Kết quả'!$C$5:$C$9": the absolute reference of a rectangle, for defined names. */
export function absoluteReference(sheet: string, r: Rect): string {
  return sheetPrefix(sheet) + formatRect(r, true);
}
