/**
 * A workbook knows its report kind: a very hidden sheet ("BaoCaoLoai") holds a marker, the
 * kind's id and — for an office's own definition — the definition itself, as JSON cut into
 * cells of at most 30,000 characters (Excel holds 32,767 in a cell). `check`, `export`,
 * `rollup` and the add-in read it, so a workbook is never told its kind twice. A workbook
 * without that sheet (made before kinds existed) is read as the monthly kind.
 */
import type { ReportDefinition } from "../report/types";
import type { SheetLayout } from "./layout";
import { findSheet, type WorkbookSnapshot } from "./snapshot";

export const KIND_SHEET = "BaoCaoLoai";
export const KIND_MARKER = "BC-TTHC/LOAI-BAO-CAO";
/** Where the marker, the kind id and the first chunk of an own definition are. */
export const KIND_BLOCK = "A1:B40";
const CHUNK = 30000;

/**
 * A workbook-level defined name that spells the kind's id ("BaoCaoLoai.bao_cao_giai_quyet_tthc"
 * on the kind sheet's B1): every command of the add-in loads the names in its first round
 * trip anyway, so it knows the workbook's kind without reading one more range.
 */
export function kindNameOf(id: string): string {
  return `${KIND_SHEET}.${id.replace(/-/g, "_")}`;
}

/** The kind id a workbook's defined names spell, if any. */
export function kindIdFromNames(names: Record<string, string>): string | null {
  const prefix = `${KIND_SHEET}.`.toLowerCase();
  const name = Object.keys(names).find((n) => n.toLowerCase().startsWith(prefix));
  return name ? name.slice(prefix.length).replace(/_/g, "-").toLowerCase() : null;
}

/** The hidden sheet of a workbook of this kind; `custom` puts the definition's JSON in it. */
export function kindSheetLayout(def: ReportDefinition, custom: boolean): SheetLayout {
  const cells: SheetLayout["cells"] = [
    { address: "A1", value: KIND_MARKER, style: "hint" },
    { address: "B1", value: def.id, style: "hint" },
  ];
  if (custom) {
    const json = JSON.stringify(def);
    for (let i = 0, row = 2; i < json.length; i += CHUNK, row++) cells.push({ address: `A${row}`, value: json.slice(i, i + CHUNK), style: "hint" });
  }
  return {
    id: "kind",
    name: KIND_SHEET,
    arrangement: "form",
    columns: [],
    cells,
    merges: [],
    inputs: [],
    validations: [],
    statusColumn: "C",
    frozenRows: 0,
    lastRow: cells.length,
    hidden: true,
  };
}

/** What a workbook says of its kind. */
export type KindMark =
  /** no kind sheet: a workbook from before kinds (the monthly report) */
  | { kind: "none" }
  | { kind: "builtIn"; id: string }
  /** an office's own definition; `json` is its text as stored */
  | { kind: "custom"; id: string; json: string };

/** Reads the kind sheet of a snapshot. */
export function kindMarkOf(snapshot: WorkbookSnapshot): KindMark {
  const sheet = findSheet(snapshot, KIND_SHEET);
  if (!sheet || sheet.cells.A1 !== KIND_MARKER) return { kind: "none" };
  const id = String(sheet.cells.B1 ?? "").trim();
  let json = "";
  for (let row = 2; typeof sheet.cells[`A${row}`] === "string"; row++) json += sheet.cells[`A${row}`] as string;
  return json ? { kind: "custom", id, json } : { kind: "builtIn", id };
}
