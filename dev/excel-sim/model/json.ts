/**
 * The JSON form of a workbook (SimWorkbook.toJSON / fromJSON): what the sandbox saves and the
 * tests compare.
 */
import { cellAddress, formatRect, MAX_ROWS, parseRect, Rect } from "../address";
import { applyPatch, cloneBorders } from "./format";
import { colOf, type ProtectionOptions, rowOf, SimSheet } from "./sheet";
import {
  DEFAULT_ERROR_ALERT,
  DEFAULT_PROMPT,
  type FormatPatch,
  type SheetVisibility,
  type SimCell,
  type SimFont,
  type SimName,
  type SimValidation,
} from "./types";

export interface SimSheetJSON {
  name: string;
  id: string;
  visibility: SheetVisibility;
  tabColor: string;
  protected: boolean;
  protectionOptions?: ProtectionOptions;
  protectionPassword?: string | null;
  frozenRows: number;
  frozenColumns: number;
  showGridlines: boolean;
  selection: string;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  columnFormats?: Record<string, FormatPatch>;
  rowFormats?: Record<string, FormatPatch>;
  sheetFormat?: FormatPatch;
  merges: string[];
  validations: Array<Omit<SimValidation, "rect"> & { range: string }>;
  /** "C5" → the cell; a formula cell keeps only its formula (the value is recomputed). */
  cells: Record<string, Partial<SimCell>>;
}

export interface SimWorkbookJSON {
  format: "excel-sim";
  version: 1;
  activeSheet: string;
  sheets: SimSheetJSON[];
  names: SimName[];
  /** Workbook settings (ExcelApi 1.4 `workbook.settings`): key → JSON-compatible value. */
  settings?: Record<string, unknown>;
}

export function sheetToJSON(s: SimSheet): SimSheetJSON {
  const cells: Record<string, Partial<SimCell>> = {};
  const sorted = [...s.cells].sort((a, b) => a[0] - b[0]);
  for (const [k, c] of sorted) {
    const base = s.baseFormat(rowOf(k), colOf(k));
    const out: Partial<SimCell> = {};
    if (c.formula !== null) out.formula = c.formula;
    else if (c.value !== null) out.value = c.value;
    if (c.numberFormat !== base.numberFormat) out.numberFormat = c.numberFormat;
    if (c.fill !== base.fill) out.fill = c.fill;
    const font: Partial<SimFont> = {};
    for (const f of Object.keys(c.font) as Array<keyof SimFont>) {
      if (c.font[f] !== base.font[f]) (font as Record<string, unknown>)[f] = c.font[f];
    }
    if (Object.keys(font).length) out.font = font as SimFont;
    if (c.wrap !== base.wrap) out.wrap = c.wrap;
    if (c.hAlign !== base.hAlign) out.hAlign = c.hAlign;
    if (c.vAlign !== base.vAlign) out.vAlign = c.vAlign;
    if (c.borders) out.borders = cloneBorders(c.borders);
    cells[cellAddress(rowOf(k), colOf(k))] = out;
  }
  const json: SimSheetJSON = {
    name: s.name,
    id: s.id,
    visibility: s.visibility,
    tabColor: s.tabColor,
    protected: s.protected,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    showGridlines: s.showGridlines,
    selection: formatRect(s.selection),
    columnWidths: Object.fromEntries(
      [...s.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [formatRect({ r1: 0, c1: c, r2: MAX_ROWS - 1, c2: c }).split(":")[0], w]),
    ),
    rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])),
    merges: s.merges.map((m) => formatRect(m)),
    validations: s.validations.map((v) => ({
      range: formatRect(v.rect),
      rule: v.rule ? JSON.parse(JSON.stringify(v.rule)) : null,
      errorAlert: { ...v.errorAlert },
      prompt: { ...v.prompt },
      ignoreBlanks: v.ignoreBlanks,
    })),
    cells,
  };
  if (s.protected) {
    json.protectionOptions = { ...s.protectionOptions };
    if (s.protectionPassword !== null) json.protectionPassword = s.protectionPassword;
  }
  if (s.columnFormats.size)
    json.columnFormats = Object.fromEntries([...s.columnFormats].map(([c, p]) => [formatRect({ r1: 0, c1: c, r2: MAX_ROWS - 1, c2: c }).split(":")[0], p]));
  if (s.rowFormats.size) json.rowFormats = Object.fromEntries([...s.rowFormats].map(([r, p]) => [String(r + 1), p]));
  if (Object.keys(s.sheetFormat).length) json.sheetFormat = s.sheetFormat;
  return json;
}

function colKey(letters: string): number {
  const r = parseRect(`${letters}:${letters}`);
  if (!r) throw new Error(`excel-sim: bad column "${letters}" in snapshot`);
  return r.c1;
}

export function sheetFromJSON(j: SimSheetJSON): SimSheet {
  const s = new SimSheet(j.name, j.id);
  s.visibility = j.visibility ?? "Visible";
  s.tabColor = j.tabColor ?? "";
  s.protected = !!j.protected;
  s.protectionOptions = j.protectionOptions ?? {};
  s.protectionPassword = j.protectionPassword ?? null;
  s.frozenRows = j.frozenRows ?? 0;
  s.frozenColumns = j.frozenColumns ?? 0;
  s.showGridlines = j.showGridlines !== false;
  s.selection = parseRect(j.selection ?? "A1") ?? { r1: 0, c1: 0, r2: 0, c2: 0 };
  for (const [c, w] of Object.entries(j.columnWidths ?? {})) s.columnWidths.set(colKey(c), w);
  for (const [r, h] of Object.entries(j.rowHeights ?? {})) s.rowHeights.set(Number(r) - 1, h);
  for (const [c, p] of Object.entries(j.columnFormats ?? {})) s.columnFormats.set(colKey(c), p);
  for (const [r, p] of Object.entries(j.rowFormats ?? {})) s.rowFormats.set(Number(r) - 1, p);
  s.sheetFormat = j.sheetFormat ?? {};
  s.merges = (j.merges ?? []).map((m) => parseRect(m)).filter((m): m is Rect => m !== null);
  s.validations = (j.validations ?? []).flatMap((v) => {
    const rect = parseRect(v.range);
    return rect
      ? [
          {
            rect,
            rule: v.rule,
            errorAlert: { ...DEFAULT_ERROR_ALERT, ...v.errorAlert },
            prompt: { ...DEFAULT_PROMPT, ...v.prompt },
            ignoreBlanks: v.ignoreBlanks !== false,
          },
        ]
      : [];
  });
  for (const [addr, pc] of Object.entries(j.cells ?? {})) {
    const r = parseRect(addr);
    if (!r) throw new Error(`excel-sim: bad cell address "${addr}" in snapshot`);
    const c = s.ensureCell(r.r1, r.c1);
    if (pc.formula) {
      c.formula = pc.formula;
    } else if (pc.value !== undefined) {
      c.value = pc.value;
    }
    applyPatch(c, { numberFormat: pc.numberFormat, fill: pc.fill, font: pc.font, wrap: pc.wrap, hAlign: pc.hAlign, vAlign: pc.vAlign });
    if (pc.borders) c.borders = cloneBorders(pc.borders);
  }
  return s;
}
