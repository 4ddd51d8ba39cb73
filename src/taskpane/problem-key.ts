import type { Problem } from "../report/types";

/** A problem's identity in the list (its cell, code and field): which entry is selected. */
export function problemKey(p: Problem): string {
  return `${p.sheet}!${p.cell}#${p.code}#${p.fieldId ?? ""}`;
}
