/**
 * The first round trip of every command: the list of worksheets (with protection) and the
 * workbook-level defined names. Commands queue their own loads beside it.
 */
import { parseSheetRef } from "../report/refs";
import type { WorkbookLayout } from "../workbook/layout";

export interface WorkbookState {
  /** worksheet names in tab order */
  sheets: string[];
  protectedSheets: Set<string>;
  /** defined name → reference text as Excel gives it ("'I. Kết quả'!$C$5", "#REF!") */
  names: Record<string, string>;
}

export interface QueuedState {
  worksheets: Excel.WorksheetCollection;
  names: Excel.NamedItemCollection;
}

/** Queues the loads; call `stateOf` after the next sync. */
export function queueState(context: Excel.RequestContext): QueuedState {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const names = context.workbook.names;
  names.load("items/name,items/type,items/value");
  return { worksheets, names };
}

export function stateOf(q: QueuedState): WorkbookState {
  const names: Record<string, string> = {};
  for (const n of q.names.items) names[n.name] = String(n.value ?? "");
  return {
    sheets: q.worksheets.items.map((w) => w.name),
    protectedSheets: new Set(q.worksheets.items.filter((w) => w.protection.protected).map((w) => w.name)),
    names,
  };
}

/** Name of the sheet that holds a standard sheet's fields, following renames through the names. */
export function actualSheetName(state: WorkbookState, layout: WorkbookLayout, standardName: string): string | undefined {
  const existing = (name: string) => state.sheets.find((s) => s.toLowerCase() === name.toLowerCase());
  const direct = existing(standardName);
  if (direct) return direct;
  const sheetLayout = layout.sheets.find((s) => s.name === standardName);
  for (const input of sheetLayout?.inputs ?? []) {
    const ref = state.names[input.fieldId] ? parseSheetRef(state.names[input.fieldId]) : null;
    const found = ref && existing(ref.sheet);
    if (found) return found;
  }
  return undefined;
}
