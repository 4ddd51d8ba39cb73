/** What a roll-up's tables must hold, shared by `bao-cao rollup` and the web page (moved out of src/cli/commands/rollup.ts). */
import type { ReportData, ReportDefinition } from "../report/types";

/** The rows each roll-up table must have: the base's when there is one (else the first unit sets them). */
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
