/**
 * The list of units expected to send their figures (issue 17, "who has not sent"), the pure
 * part: how two unit names are matched, a list read from a text file (one name per line), the
 * list's sheet laid out from the definition (`units.expected`) and read back from a snapshot,
 * and the comparison of the list with the units that have a sheet.
 */
import { computedColumns } from "../report/definition";
import { cellAddress, parseCell } from "../report/refs";
import type { ExpectedListDef, ReportDefinition } from "../report/types";
import type { LayoutCell, SheetLayout } from "./layout";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";

/** A unit's name as written on its sheet: spaces collapsed, trimmed, Unicode composed (NFC). */
export function cleanUnitName(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Two units are the same in a roll-up when their names are, ignoring case, spacing and Unicode composition. */
export function unitKey(name: string): string {
  return cleanUnitName(name).toLocaleLowerCase("vi");
}

/** Words naming the kind of office before its name: "UBND xã An Bình" is "An Bình" on a list. */
const NAME_PREFIXES = ["ủy ban nhân dân", "uỷ ban nhân dân", "ubnd", "thị trấn", "phường", "xã"];

/**
 * The key that matches a name of the list with a unit's name: the roll-up's key (case, spacing,
 * Unicode composition ignored), without leading "UBND", "Ủy ban nhân dân", "Xã", "Phường",
 * "Thị trấn" (in any order, as long as a name is left): "UBND Xã  An Bình" = "an bình" = "Xã An Bình".
 * So "Phường 1" and "Xã 1" are the same unit: a province's communes and wards have distinct names.
 */
export function expectedUnitKey(name: string): string {
  let key = unitKey(name).replace(/[.,;:]+$/, "");
  for (let again = true; again;) {
    again = false;
    for (const p of NAME_PREFIXES) {
      const rest = key.startsWith(`${p} `) ? key.slice(p.length + 1).trim() : "";
      if (rest) {
        key = rest;
        again = true;
      }
    }
  }
  return key;
}

/** A list read from a file: its names in order, and the lines that repeat an earlier name. */
export interface ParsedList {
  names: string[];
  duplicates: { name: string; line: number; firstLine: number }[];
}

/** Column headers of a list copied from a sheet ("STT", "Tên đơn vị"): a line made of them is not a unit. */
const HEADER_WORDS = new Set(["stt", "tt", "số tt", "số thứ tự", "tên", "tên đơn vị", "đơn vị"]);

/**
 * A list of names from a text file: one name per line, blank lines skipped; a leading number
 * ("1.", "2)", "3 -", or a first column of numbers pasted from a sheet with a tab) is dropped,
 * and so is a header line copied with the list ("STT<tab>Tên đơn vị").
 */
export function parseExpectedList(text: string): ParsedList {
  const out: ParsedList = { names: [], duplicates: [] };
  const seen = new Map<string, number>();
  text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\n|\r/)
    .forEach((raw, i) => {
      const cells = raw.split("\t").map(cleanUnitName).filter(Boolean);
      if (cells.length && cells.every((c) => HEADER_WORDS.has(c.toLocaleLowerCase("vi").replace(/[.:]$/, "")))) return;
      const cell = cells.find((c) => !/^\d+[.)]?$/.test(c)) ?? "";
      const name = cleanUnitName(cell.replace(/^\d+\s*[.)-]\s+/, ""));
      if (!name) return;
      const key = expectedUnitKey(name);
      const first = seen.get(key);
      if (first !== undefined) out.duplicates.push({ name, line: i + 1, firstLine: first });
      else {
        seen.set(key, i + 1);
        out.names.push(name);
      }
    });
  return out;
}

/** The row of the header over the names on a new list sheet (names from the next row down). */
export const EXPECTED_HEADER_ROW = 3;

/** The list's sheet: title, hint, the header, then one name per row in column A (offered: the office's to edit). */
export function expectedListLayout(list: ExpectedListDef, names: string[] = []): SheetLayout {
  const cells: LayoutCell[] = [
    { address: "A1", value: list.title, style: "title" },
    { address: "A2", value: list.hint, style: "hint" },
    { address: `A${EXPECTED_HEADER_ROW}`, value: list.header, style: "columnHeader" },
  ];
  // room to paste a list: at least as many yellow rows as a town has units
  const rows = Math.max(names.length, 30);
  for (let i = 0; i < rows; i++) {
    const name = names[i];
    cells.push({ address: `A${EXPECTED_HEADER_ROW + 1 + i}`, value: null, style: "inputText", ...(name ? { offered: name } : {}) });
  }
  return {
    id: "expected",
    name: list.sheet,
    arrangement: "paragraphs",
    columns: [
      { letter: "A", width: 60 },
      { letter: "B", width: 60 },
    ],
    cells,
    merges: [],
    inputs: [],
    validations: [],
    statusColumn: "B",
    frozenRows: EXPECTED_HEADER_ROW,
    lastRow: EXPECTED_HEADER_ROW + rows,
  };
}

/** A name of the list and its cell. */
export interface ListedUnit {
  name: string;
  cell: string;
}

/** The list as a workbook holds it: its sheet, and each name with its cell (a name repeated is kept once). */
export interface ExpectedList {
  sheet: string;
  units: ListedUnit[];
}

const sheetOf = (snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined =>
  snapshot.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());

/**
 * The list of a workbook: the names under the header in its column (found in the first rows
 * even after rows were inserted above it, else the layout's), down to the last one; null when
 * the workbook has no list sheet or the kind declares none.
 */
export function readExpectedList(def: ReportDefinition, snapshot: WorkbookSnapshot): ExpectedList | null {
  const list = def.units.expected;
  const sheet = list ? sheetOf(snapshot, list.sheet) : undefined;
  if (!list || !sheet) return null;
  const header = cleanUnitName(list.header).toLocaleLowerCase("vi");
  let at = { row: EXPECTED_HEADER_ROW, col: 1 };
  for (const [address, v] of Object.entries(sheet.cells)) {
    const c = parseCell(address);
    if (typeof v === "string" && c.row <= 20 && cleanUnitName(v).toLocaleLowerCase("vi") === header) {
      at = c;
      break;
    }
  }
  let last = 0;
  for (const address of Object.keys(sheet.cells)) {
    const c = parseCell(address);
    if (c.col === at.col && c.row > last) last = c.row;
  }
  const units: ListedUnit[] = [];
  const seen = new Set<string>();
  for (let row = at.row + 1; row <= last; row++) {
    const cell = cellAddress({ row, col: at.col });
    const v = sheet.cells[cell];
    const name = typeof v === "string" ? cleanUnitName(v) : typeof v === "number" ? String(v) : "";
    if (!name || seen.has(expectedUnitKey(name))) continue;
    seen.add(expectedUnitKey(name));
    units.push({ name, cell });
  }
  return { sheet: sheet.name, units };
}

/** A unit that has a sheet: its name, its sheet, and whether a figure was typed on it. */
export interface PresentUnit {
  unitName: string;
  sheet: string;
  empty: boolean;
}

/** The list against the units: who has no sheet, whose sheet has no figure, and the sheets not on the list. */
export interface ExpectedComparison<T extends { name: string }> {
  missing: T[];
  empty: (T & { sheet: string })[];
  extra: PresentUnit[];
  /** every name of the list that has sent nothing (no sheet, or no figure), in the list's order */
  notSent: string[];
}

export function compareExpected<T extends { name: string }>(expected: T[], units: PresentUnit[]): ExpectedComparison<T> {
  const byKey = new Map<string, PresentUnit>();
  for (const u of units) if (!byKey.has(expectedUnitKey(u.unitName))) byKey.set(expectedUnitKey(u.unitName), u);
  const listed = new Set(expected.map((e) => expectedUnitKey(e.name)));
  const out: ExpectedComparison<T> = { missing: [], empty: [], extra: [], notSent: [] };
  for (const e of expected) {
    const u = byKey.get(expectedUnitKey(e.name));
    if (!u) out.missing.push(e);
    else if (u.empty) out.empty.push({ ...e, sheet: u.sheet });
    if (!u || u.empty) out.notSent.push(e.name);
  }
  out.extra = units.filter((u) => !listed.has(expectedUnitKey(u.unitName)));
  return out;
}

const blank = (v: CellValue | undefined) => v === undefined || v === null || v === "";

/** No figure in a unit's figures as a roll-up reads them from its file (a computed column's value is not one). */
export function hasNoFigure(def: ReportDefinition, unit: { values: Record<string, CellValue>; tables?: Record<string, { cells: CellValue[][] }> }): boolean {
  if (!Object.values(unit.values).every(blank)) return false;
  return Object.entries(unit.tables ?? {}).every(([id, t]) => {
    const f = def.fields.find((x) => x.id === id);
    const computed = f?.table ? computedColumns(f.table) : new Set<number>();
    return t.cells.every((row) => row.every((v, c) => blank(v) || computed.has(c)));
  });
}
