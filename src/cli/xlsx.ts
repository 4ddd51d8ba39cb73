/**
 * The .xlsx edge of the command line, through ExcelJS: apply a workbook layout to a new
 * workbook (optionally filled with report data), and read any .xlsx file back into a
 * format-neutral `WorkbookSnapshot`.
 *
 * ExcelJS quirks handled here (see the tests):
 * - it silently drops a defined name whose target is broken (`#REF!`) and forgets whether a
 *   name is workbook-level or sheet-level, so defined names are read from xl/workbook.xml
 *   directly;
 * - it never calculates: a formula cell's value is whatever the file cached (or nothing);
 * - it turns date-formatted numbers into JavaScript Dates, turned back into serials here;
 * - a merged cell's other cells repeat the first cell's value, so they are skipped.
 */
import { readFile } from "node:fs/promises";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellsOfRange, sheetRef } from "../report/refs";
import type { ReportData, ReportDefinition } from "../report/types";
import { FONT_NAME, FONT_SIZE, STYLES, inputValues, type CellStyle, type LayoutName, type SheetLayout, type WorkbookLayout } from "../workbook/layout";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { rolledUpWorkbook, unitWorkbookLayout } from "../workbook/unit-workbook";

/* ------------------------------------------------------------------ writing */

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

const THIN: Partial<ExcelJS.Border> = { style: "thin" };

/** A layout style as an ExcelJS style (a fresh object: ExcelJS shares style objects by reference). */
export function excelStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: FONT_NAME,
      size: style.size ?? FONT_SIZE,
      ...(style.bold ? { bold: true } : {}),
      ...(style.italic ? { italic: true } : {}),
      ...(style.color ? { color: { argb: argb(style.color) } } : {}),
    },
  };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.border) out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (style.hAlign) alignment.horizontal = style.hAlign;
  if (style.vAlign) alignment.vertical = style.vAlign;
  if (style.wrap) alignment.wrapText = true;
  if (Object.keys(alignment).length) out.alignment = alignment;
  if (style.numFmt) out.numFmt = style.numFmt;
  return out;
}

/** Excel's limits on data-validation texts. */
const clip = (s: string, max: number) => (s.length <= max ? s : s.slice(0, max - 1) + "…");

/** Rows with a long wrapped text in column A (title or hint) get a height that shows it. */
function fitTextRows(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  const width = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const merged = new Set(sheet.merges.map((m) => m.split(":")[0]));
  for (const c of sheet.cells) {
    const m = /^A([0-9]+)$/.exec(c.address);
    if (!m || typeof c.value !== "string") continue;
    if (c.style === "title") ws.getRow(Number(m[1])).height = 24;
    else if (c.style === "hint") {
      // a merged hint spans every column; a hint alone in A wraps within A
      const across = merged.has(c.address) ? width : sheet.columns.find((col) => col.letter === "A")?.width ?? width;
      ws.getRow(Number(m[1])).height = Math.max(1, Math.ceil((c.value.length * 1.1) / across)) * 15;
    }
  }
}

function applySheet(ws: ExcelJS.Worksheet, sheet: SheetLayout): void {
  for (const c of sheet.columns) ws.getColumn(c.letter).width = c.width;
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.address);
    if (c.value !== null) cell.value = c.value;
    cell.style = excelStyle(STYLES[c.style]);
  }
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) {
    for (const address of cellsOfRange(v.ref)) {
      ws.getCell(address).dataValidation = {
        type: "whole",
        operator: "between",
        formulae: [v.min, v.max],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Giá trị không hợp lệ",
        error: clip(v.error, 255),
        showInputMessage: true,
        promptTitle: "Hướng dẫn",
        prompt: clip(v.prompt, 255),
      };
    }
  }
  // the title and the hint do not grow by themselves
  fitTextRows(ws, sheet);
  // printed on A4 landscape, one page wide, the header rows (if any) repeated
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(sheet.frozenRows > 0 ? { printTitlesRow: `1:${sheet.frozenRows}` } : {}),
  };
  const firstInput = sheet.inputs[0]?.first ?? "A1";
  ws.views = sheet.frozenRows > 0
    ? [{ state: "frozen", xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}`, activeCell: firstInput }]
    : [{ state: "normal", activeCell: firstInput }];
}

/** A new, empty workbook with the report's document properties. */
export function newWorkbook(def: ReportDefinition): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "bao-cao-tthc";
  wb.title = def.title;
  wb.created = new Date();
  wb.modified = wb.created;
  return wb;
}

/**
 * Adds a sheet laid out as `sheet` says (standard, unit or bookend sheet alike): widths,
 * labels and styles, merges, frozen header rows, data validation on numeric inputs, print
 * setup. Sheets are added at the end, so add them in the workbook's order.
 */
export function addLayoutSheet(wb: ExcelJS.Workbook, sheet: SheetLayout): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name);
  applySheet(ws, sheet);
  return ws;
}

/** Workbook-level defined names, one per field ("PAKN_TONG" → 'I. Kết quả'!$C$12). */
export function addDefinedNames(wb: ExcelJS.Workbook, names: LayoutName[]): void {
  for (const n of names) wb.definedNames.add(sheetRef(n.sheet, n.ref), n.name);
}

/** Puts values into cells (a snapshot's values: text, number, boolean, error; null leaves the cell alone). */
export function setCellValues(wb: ExcelJS.Workbook, values: { sheet: string; address: string; value: CellValue }[]): void {
  for (const v of values) {
    if (v.value === null) continue;
    const cell = wb.getWorksheet(v.sheet)!.getCell(v.address);
    cell.value = typeof v.value === "object" ? ({ error: v.value.error } as ExcelJS.CellErrorValue) : v.value;
  }
}

/**
 * Writes formulas ("=SUM(DonViDau:DonViCuoi!C5)" or without the "="; English function
 * names, commas). No cached result is written: Excel computes it when the file is opened
 * (the workbook asks for a full calculation on load), LibreOffice computes formula cells
 * without a result on load, and our reader evaluates the roll-up's own formulas.
 */
export function setFormulas(wb: ExcelJS.Workbook, formulas: { sheet: string; cell: string; formula: string }[]): void {
  for (const f of formulas) {
    wb.getWorksheet(f.sheet)!.getCell(f.cell).value = { formula: f.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
  }
  if (formulas.length) wb.calcProperties.fullCalcOnLoad = true;
}

/**
 * A new workbook laid out as `layout` says: sheets in order, widths, labels and styles,
 * merges, frozen header rows, data validation on numeric inputs and one workbook-level
 * defined name per field. With `data`, the inputs are filled in.
 */
export function buildWorkbook(def: ReportDefinition, layout: WorkbookLayout, data?: ReportData): ExcelJS.Workbook {
  const wb = newWorkbook(def);
  for (const sheet of layout.sheets) addLayoutSheet(wb, sheet);
  addDefinedNames(wb, layout.names);
  if (data) setCellValues(wb, inputValues(def, layout, data));
  return wb;
}

/**
 * A unit workbook: one unit sheet for `unitName` whose input cells carry the workbook-level
 * defined names of the summary cells they roll up into, optionally filled with figures
 * (by field id). Throws an Error with a Vietnamese message when the name cannot be a sheet name.
 */
export function buildUnitWorkbook(
  def: ReportDefinition,
  unitName: string,
  figures: Record<string, CellValue> = {},
): { workbook: ExcelJS.Workbook; sheet: string; unitName: string; renamed: boolean } {
  const planned = unitWorkbookLayout(def, unitName);
  if (!planned.ok) throw new Error(planned.message);
  const wb = newWorkbook(def);
  addLayoutSheet(wb, planned.layout.sheets[0]);
  addDefinedNames(wb, planned.layout.names);
  const inputs = planned.layout.sheets[0].inputs;
  setCellValues(wb, inputs.filter((i) => figures[i.fieldId] !== undefined).map((i) => ({ sheet: planned.sheet, address: i.first, value: figures[i.fieldId] })));
  return { workbook: wb, sheet: planned.sheet, unitName: planned.unitName, renamed: planned.renamed };
}

/**
 * The rolled-up workbook: the standard sheets (the base's header and texts when given), the
 * bookends with one unit sheet per unit between them, the units' figures, and the summary
 * formulas in the report's section I.
 */
export function buildRollupWorkbook(
  def: ReportDefinition,
  units: { sheet: string; unitName: string; values: Record<string, CellValue> }[],
  base?: ReportData,
): ExcelJS.Workbook {
  const planned = rolledUpWorkbook(def, units, base);
  const wb = buildWorkbook(planned.def, planned.layout, planned.data);
  setCellValues(wb, planned.values);
  setFormulas(wb, planned.formulas);
  return wb;
}

/** The workbook as .xlsx bytes. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/* ------------------------------------------------------------------ reading */

/** Why a file could not be read as an .xlsx workbook. */
export type XlsxFormatProblem =
  | "empty" // a zero-byte file
  | "ole" // an Excel 97-2003 .xls, or an .xlsx protected by a password (both OLE containers)
  | "notZip" // text, HTML, PDF, …: not an Office Open XML package at all
  | "corruptZip" // starts like a zip but cannot be opened
  | "docx" // a Word document
  | "pptx" // a PowerPoint presentation
  | "ods" // an OpenDocument spreadsheet (LibreOffice's own format)
  | "xlsb" // Excel's binary workbook
  | "notWorkbook" // a zip without a workbook
  | "corruptWorkbook"; // a workbook ExcelJS cannot read

export class XlsxFormatError extends Error {
  constructor(
    readonly problem: XlsxFormatProblem,
    /** the underlying library's message, when there is one */
    readonly detail?: string,
  ) {
    super(`not a readable .xlsx workbook (${problem})${detail ? `: ${detail}` : ""}`);
    this.name = "XlsxFormatError";
  }
}

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

async function openPackage(buf: Uint8Array): Promise<{ zip: JSZip; workbookPath: string }> {
  if (buf.length === 0) throw new XlsxFormatError("empty");
  if (startsWith(buf, OLE_MAGIC)) throw new XlsxFormatError("ole");
  if (!startsWith(buf, [0x50, 0x4b])) throw new XlsxFormatError("notZip");
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw new XlsxFormatError("corruptZip", errorMessage(e));
  }
  // the main part is the package's officeDocument relationship (xl/workbook.xml in practice)
  const rels = await zip.file("_rels/.rels")?.async("string");
  const main = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1];
  const workbookPath = main ?? "xl/workbook.xml";
  if (/\.bin$/.test(workbookPath) || (!main && zip.file("xl/workbook.bin"))) throw new XlsxFormatError("xlsb");
  if (/^word\//.test(workbookPath) || (!main && zip.file("word/document.xml"))) throw new XlsxFormatError("docx");
  if (/^ppt\//.test(workbookPath) || (!main && zip.file("ppt/presentation.xml"))) throw new XlsxFormatError("pptx");
  if (!zip.file(workbookPath)) {
    const mimetype = await zip.file("mimetype")?.async("string");
    if (mimetype?.includes("opendocument.spreadsheet")) throw new XlsxFormatError("ods");
    throw new XlsxFormatError("notWorkbook");
  }
  return { zip, workbookPath };
}

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/**
 * The workbook-level defined names of a workbook.xml → their reference as written
 * ("'I. Kết quả'!$C$5"); a reference that is broken anywhere becomes "#REF!". Names scoped
 * to one sheet (localSheetId) and Excel's own names (_xlnm.*) are left out.
 */
export function definedNamesOf(workbookXml: string): Record<string, string> {
  const names: Record<string, string> = {};
  const re = /<(?:[A-Za-z_][\w.-]*:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?definedName>)/g;
  for (const m of workbookXml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeXml(a[2] ?? a[3]);
    const name = attrs.name;
    if (!name || attrs.localSheetId !== undefined || name.startsWith("_xlnm.")) continue;
    const ref = decodeXml(m[2] ?? "").trim().replace(/^=/, "");
    names[name] = ref.includes("#REF!") ? "#REF!" : ref;
  }
  return names;
}

const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** A Date as ExcelJS made it from a serial → that serial (the inverse of ExcelJS's conversion). */
export function excelSerial(date: Date, date1904 = false): number {
  const serial = date.getTime() / MS_PER_DAY + 25569 - (date1904 ? 1462 : 0);
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-9 ? whole : Math.round(serial * 1e10) / 1e10;
}

function plainText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object" && "richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  return v === null || v === undefined ? "" : String(v);
}

/** One ExcelJS value (or a formula's result) as a snapshot value; undefined = nothing to record. */
function snapshotValue(v: unknown, date1904: boolean): CellValue | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? undefined : v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : excelSerial(v, date1904);
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v) return snapshotValue(plainText(v), date1904);
    if ("hyperlink" in v) return snapshotValue(plainText((v as ExcelJS.CellHyperlinkValue).text), date1904);
  }
  return undefined;
}

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean): SheetSnapshot {
  const cells: Record<string, CellValue> = {};
  const formulas: Record<string, string> = {};
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // repeats the merge's first cell
      if (cell.type === ExcelJS.ValueType.Formula) {
        const text = cell.formula;
        if (text) formulas[cell.address] = `=${text}`;
        // no cached result: null, to be evaluated later (ExcelJS never calculates)
        cells[cell.address] = snapshotValue(cell.result, date1904) ?? null;
        return;
      }
      const value = snapshotValue(cell.value, date1904);
      if (value !== undefined) cells[cell.address] = value;
    });
  });
  const sheet: SheetSnapshot = { name: ws.name, cells };
  if (Object.keys(formulas).length) sheet.formulas = formulas;
  return sheet;
}

/**
 * Reads an .xlsx file (its bytes, or its path) into a snapshot: every sheet's non-empty
 * cells and the workbook-level defined names. Throws `XlsxFormatError` for a file that is
 * not a readable .xlsx workbook; file-system errors (ENOENT, EACCES…) pass through.
 */
export async function readSnapshot(input: Uint8Array | string): Promise<WorkbookSnapshot> {
  const buf = typeof input === "string" ? await readFile(input) : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const { zip, workbookPath } = await openPackage(buf);
  const names = definedNamesOf(await zip.file(workbookPath)!.async("string"));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new XlsxFormatError("corruptWorkbook", errorMessage(e));
  }
  const date1904 = Boolean(wb.properties?.date1904);
  return { sheets: wb.worksheets.map((ws) => readSheet(ws, date1904)), names };
}
