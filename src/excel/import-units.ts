/**
 * "Nhập từ tệp": brings the units' own .xlsx files in as unit sheets, in one go.
 *
 * 1. In JavaScript, no round trip: each file is read and classified (a unit workbook, a
 *    report workbook, neither, another kind, unreadable) by readUnitFile, the command line's
 *    reader too (src/workbook/unit-file.ts), a rejected file with its reason in Vietnamese
 *    (src/workbook/file-messages.ts). This is the slow part, so progress is reported per file.
 * 2. In Excel, a fixed number of round trips whatever the number of files:
 *    - the sheet list and names; then the marker and unit name (F1:F2) of every sheet, so a
 *      unit already in the workbook is not imported twice;
 *    - one batch that brings every accepted unit in, before the end bookend "DonViCuoi"
 *      (the bookends are created first when missing):
 *        "insert" (ExcelApi 1.13): workbook.insertWorksheetsFromBase64 copies the unit's sheet
 *          from its file as it is (formats, validation, the unit's own notes);
 *        "copy" (older Excel, or Excel for iPad, where insertWorksheetsFromBase64 does not
 *          exist; or when Excel refuses the insertion): the unit sheet is made from the
 *          layout, as "Thêm đơn vị" does, and the figures read from the file are written in;
 *    - insert only, when needed: the inserted sheets renamed to the planned names, and the
 *      workbook's defined names put back as they were (a unit workbook's input cells carry
 *      the same names as the report's summary cells; whatever Excel does with them on
 *      insertion, the report's names must keep pointing at the report's cells).
 *    A request to Excel on the web is capped at 5 MB, so the insertions are split into
 *    batches of at most INSERT_BATCH_CHARS of base64 (about 300 units of 10 KB in one).
 */
import { tableRowsName } from "../report/definition";
import { parseSheetRef } from "../report/refs";
import type { ReportDefinition } from "../report/types";
import { rejectionMessage } from "../workbook/file-messages";
import { inputOf, type WorkbookLayout } from "../workbook/layout";
import { labelText, type AddedRow } from "../workbook/rollup-rows";
import { findLayoutShift, type LayoutShift } from "../workbook/layout-shift";
import { findSheet, type CellValue, type WorkbookSnapshot } from "../workbook/snapshot";
import { readUnitFile } from "../workbook/unit-file";
import { planRollup, unitKey, type RollupSource, type UnitFigures, type UnitTable } from "../workbook/unit-workbook";
import { rollupFields, unitLayoutOf, unitSpec } from "../workbook/units";
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { sheetFeatures, type SheetFeatures } from "./apply-layout";
import { describeError } from "./errors";
import type { ExcelHost } from "./host";
import { queueBookends, queueUnitSheets, type PlannedUnitSheet, type UnitFigure } from "./units";
import { actualSheetName, queueState, stateOf, type WorkbookState } from "./workbook-state";

export interface ImportFile {
  /** the file's name as the user picked it, e.g. "xa-hoa-phong.xlsx" */
  name: string;
  bytes: Uint8Array;
}

export type ImportStep =
  /** reading file `index` (1-based) of `total` */
  | { kind: "reading"; index: number; total: number; file: string }
  /** bringing `units` units into the workbook */
  | { kind: "writing"; units: number };

export interface ImportedUnit {
  file: string;
  unitName: string;
  /** the unit's sheet in the workbook */
  sheet: string;
  /** the sheet's name differs from the unit's name (shortened, characters removed, suffix) */
  renamed: boolean;
}

export interface ImportResult {
  imported: ImportedUnit[];
  /** files (or units of a file) left out, in the order of the files, with the reason in Vietnamese */
  rejected: { file: string; message: string }[];
  /** "insert": sheets copied from the files (ExcelApi 1.13); "copy": made from the layout, figures copied */
  method: "insert" | "copy";
  /** lĩnh vực of the imported units that the summary's table lacks: "Tổng hợp" adds them as rows to it and to every unit sheet */
  newRows?: { label: string; unitName: string }[];
  /** when Excel refused the insertion and the copy path was taken instead: what Excel said */
  insertError?: string;
  /**
   * on the insert path, units whose sheet in their file has moved rows or columns (a row
   * inserted above the figures): made from the layout with the figures copied from the
   * file's named cells instead of inserted as they are, so the roll-up adds the right
   * cells; each with a Vietnamese notice naming the file
   */
  rebuilt?: { file: string; unitName: string; sheet: string; message: string }[];
}

/** Largest base64 payload sent in one round trip (Excel on the web refuses requests above 5 MB). */
export const INSERT_BATCH_CHARS = 4_000_000;

/* ------------------------------------------------------------------ reading the files */

/** The pane's own messages; why a file is left out is said in src/workbook/file-messages.ts, shared with the command line. */
export const IMPORT_MESSAGES = {
  rebuilt: (file: string, sheet: string, shift: string) =>
    `Tệp ${file}: ${shift.replace(/ Xóa dòng.*$| Hoàn tác.*$/, "")} Vì vậy trang "${sheet}" được tạo lại theo mẫu và số liệu được chép từ các ô số liệu của tệp (ghi chú riêng trong trang của tệp không được chép).`,
  alreadyThere: (unitName: string, sheet: string) =>
    `Đơn vị "${unitName}" đã có trong sổ (trang "${sheet}"), nên không nhập lại. Muốn thay số liệu thì xóa trang đó rồi nhập lại tệp.`,
} as const;

/**
 * What one file holds, for the plan; never throws for a bad file. The reading is the command
 * line's (readUnitFile); the pane adds, for each unit, whether its sheet's rows or columns moved.
 */
export async function readImportFile(def: ReportDefinition, layout: WorkbookLayout, file: ImportFile): Promise<RollupSource> {
  const { source, snapshot } = await readUnitFile(file, { definition: def, layout }, "pane");
  if (source.kind !== "unit" || !snapshot) return source;
  return { ...source, units: source.units.map((u) => withLayoutShift(def, snapshot, u)) };
}

/** A unit of a file, with what moved in its sheet when its layout is not the standard one (rows or columns inserted or deleted). */
export type ImportUnitFigures = UnitFigures & { shift?: LayoutShift };

function withLayoutShift(def: ReportDefinition, snapshot: WorkbookSnapshot, u: UnitFigures): ImportUnitFigures {
  const sheet = findSheet(snapshot, u.sheet);
  // the layout as the sheet is: a row inserted inside a table is not a move
  const shift = sheet ? findLayoutShift(unitLayoutOf(def, sheet, u.unitName).layout, sheet, { tolerate: [unitSpec(def).nameCell] }) : null;
  return shift ? { ...u, shift } : u;
}

/* ------------------------------------------------------------------ the plan */

export interface ExistingUnit {
  sheet: string;
  unitName: string;
}

export interface ImportPlanUnit extends ImportedUnit {
  /** index of the file in the batch */
  fileIndex: number;
  /** the unit's sheet in its file */
  sourceSheet: string;
  values: Record<string, CellValue>;
  tables?: Record<string, UnitTable>;
  /** its sheet in the file does not have the standard layout: made by copy, never inserted */
  shift?: LayoutShift;
}

export interface ImportPlan {
  units: ImportPlanUnit[];
  rejected: { file: string; message: string }[];
  /** lĩnh vực of the units that the summary's table lacks (with `summary`): Tổng hợp adds them as rows */
  newRows: AddedRow[];
}

/**
 * Which units come in, under which sheet names: planRollup's rules (not a unit workbook,
 * duplicate within the batch, unreadable, a name Excel refuses), and a unit the workbook
 * already has (same unitKey as the F2 name of one of its unit sheets) is left out too.
 * Rejections are listed in the order of the files. With `summary` (the kind and the
 * summary's rows), a unit whose table has a lĩnh vực twice or figures without one is left out,
 * the units' tables are put into the summary's rows with their new lĩnh vực (for the units
 * made by copy) and the new lĩnh vực are listed.
 */
export function planImport(
  sources: RollupSource[],
  existingSheets: string[],
  existingUnits: ExistingUnit[],
  summary?: { def: ReportDefinition; rows?: Record<string, string[]> },
): ImportPlan {
  const have = new Map(existingUnits.map((u) => [unitKey(u.unitName), u.sheet] as const));
  const early: { fileIndex: number; file: string; message: string }[] = [];
  const kept: RollupSource[] = sources.map((s, fileIndex) => {
    if (s.kind !== "unit") return s;
    return {
      ...s,
      units: s.units.filter((u) => {
        const sheet = have.get(unitKey(u.unitName));
        if (sheet === undefined) return true;
        early.push({ fileIndex, file: s.file, message: IMPORT_MESSAGES.alreadyThere(u.unitName, sheet) });
        return false;
      }),
    };
  });
  const plan = planRollup(kept, existingSheets, summary);
  const indexOf = (file: string) => sources.findIndex((s) => s.file === file);
  const rejected = [...early, ...plan.rejected.map((r) => ({ fileIndex: indexOf(r.file), file: r.file, message: rejectionMessage(r, "pane") }))]
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => a.fileIndex - b.fileIndex || a.i - b.i)
    .map(({ file, message }) => ({ file, message }));
  const units = plan.units.map((u): ImportPlanUnit => {
    const fileIndex = indexOf(u.file);
    const source = sources[fileIndex] as Extract<RollupSource, { kind: "unit" }>;
    const figures: ImportUnitFigures = source.units.find((x) => x.unitName === u.unitName)!;
    return {
      file: u.file,
      unitName: u.unitName,
      sheet: u.sheet,
      renamed: u.renamed,
      fileIndex,
      sourceSheet: figures.sheet,
      values: u.values,
      ...(u.tables ? { tables: u.tables } : {}),
      ...(figures.shift ? { shift: figures.shift } : {}),
    };
  });
  return { units, rejected, newRows: plan.added };
}

/* ------------------------------------------------------------------ Excel */

/** Base64 of bytes, in chunks (String.fromCharCode has an argument limit). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** A cell value read from a file, as "copy" writes it. */
function figure(v: CellValue): UnitFigure {
  if (v === null || v === undefined) return null;
  if (typeof v === "object") return v.error;
  return v;
}

const isCellEditMode = (e: unknown) => (e as { code?: string } | undefined)?.code === "InvalidOperationInCellEditMode";

/**
 * Reads the sheet list and names, then the marker and name cells (F1:F2 for the monthly kind)
 * of every sheet and the labels of the summary's tables (their rows' defined name, else the
 * layout's cells): two round trips.
 */
async function readUnitsOfWorkbook(
  context: Excel.RequestContext,
  def: ReportDefinition,
  layout: WorkbookLayout,
): Promise<{ state: WorkbookState; units: ExistingUnit[]; rows: Record<string, string[]> }> {
  const queued = queueState(context);
  await context.sync();
  const state = stateOf(queued);
  const cells = state.sheets.map((name) => {
    const r = context.workbook.worksheets.getItem(name).getRange(`${unitSpec(def).markerCell}:${unitSpec(def).nameCell}`);
    r.load("values");
    return { name, r };
  });
  const labels = rollupFields(def).flatMap((f) => {
    if (f.kind !== "table") return [];
    const named = state.names[tableRowsName(f.id)] ? parseSheetRef(state.names[tableRowsName(f.id)]) : null;
    const { sheet, input } = inputOf(layout, f.id);
    const sheetName = named?.sheet ?? actualSheetName(state, layout, sheet.name);
    if (!sheetName || !state.sheets.includes(sheetName) || !input.labels) return [];
    const r = context.workbook.worksheets.getItem(sheetName).getRange((named?.ref ?? input.labels).replace(/\$/g, ""));
    r.load("values");
    return [{ fieldId: f.id, r }];
  });
  await context.sync();
  const units = cells
    .filter(({ r }) => String(r.values[0][0]).trim() === unitSpec(def).marker)
    .map(({ name, r }) => ({ sheet: name, unitName: String(r.values[1][0] ?? "").trim() || name }));
  const rows = Object.fromEntries(labels.map(({ fieldId, r }) => [fieldId, r.values.map((line) => labelText(line[0] as CellValue))]));
  return { state, units, rows };
}

/**
 * Insertion batches: one insertWorksheetsFromBase64 per unit (its file, its one sheet), the
 * batches cut so that none carries more than INSERT_BATCH_CHARS of base64.
 */
function insertBatches(units: ImportPlanUnit[], base64Of: (fileIndex: number) => string): ImportPlanUnit[][] {
  const batches: ImportPlanUnit[][] = [];
  let current: ImportPlanUnit[] = [];
  let size = 0;
  for (const u of units) {
    const n = base64Of(u.fileIndex).length;
    if (current.length && size + n > INSERT_BATCH_CHARS) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(u);
    size += n;
  }
  if (current.length) batches.push(current);
  return batches;
}

/**
 * Puts the workbook's defined names back as they were before the insertions: a name that
 * came with a file is deleted, a name whose reference changed gets its old one back. Queued;
 * returns how many names it touches.
 */
function queueNameRepairs(context: Excel.RequestContext, before: Record<string, string>, now: { name: string; value: unknown }[]): number {
  let count = 0;
  for (const n of now) {
    const was = before[n.name];
    if (was !== undefined && String(n.value ?? "") === was) continue;
    context.workbook.names.getItem(n.name).delete();
    if (was !== undefined && was !== "#REF!") context.workbook.names.add(n.name, `=${was}`);
    count++;
  }
  return count;
}

/** "insert": every unit's sheet copied from its file, then renamed to its planned name. Throws what Excel throws. */
async function insertUnits(
  context: Excel.RequestContext,
  state: WorkbookState,
  def: ReportDefinition,
  layout: WorkbookLayout,
  units: ImportPlanUnit[],
  files: ImportFile[],
  copies: PlannedUnitSheet[],
  features: SheetFeatures,
): Promise<void> {
  const cache = new Map<number, string>();
  const base64Of = (i: number) => {
    let b = cache.get(i);
    if (b === undefined) cache.set(i, (b = toBase64(files[i].bytes)));
    return b;
  };
  const order = queueBookends(context, state, def, layout);
  const end = order.find((s) => s.toLowerCase() === BOOKEND_END.toLowerCase()) ?? BOOKEND_END;
  // units whose file has moved rows: made from the layout first, under their planned names
  // (before any insertion can bring a sheet of the same name), just before the end bookend
  if (copies.length) queueUnitSheets(context, { ...state, sheets: order }, def, layout, copies, features);
  const ids = new Map<ImportPlanUnit, OfficeExtension.ClientResult<string[]>>();
  const batches = insertBatches(units, base64Of);
  if (!batches.length) batches.push([]); // only copies: one round trip for them and the read-back
  let sheets!: Excel.WorksheetCollection;
  let names!: Excel.NamedItemCollection;
  for (const [i, batch] of batches.entries()) {
    for (const u of batch) {
      ids.set(
        u,
        context.workbook.insertWorksheetsFromBase64(base64Of(u.fileIndex), { sheetNamesToInsert: [u.sourceSheet], positionType: "Before", relativeTo: end }),
      );
    }
    if (i === batches.length - 1) {
      // read back, in the same round trip, what the insertions made: names of sheets, defined names
      sheets = context.workbook.worksheets;
      sheets.load("items/name,items/id");
      names = context.workbook.names;
      names.load("items/name,items/value");
    }
    await context.sync();
  }

  // what Excel called each inserted sheet (it renames a sheet whose name is taken)
  const nameById = new Map(sheets.items.map((w) => [w.id, w.name] as const));
  const renames = units.flatMap((u) => {
    const id = ids.get(u)!.value[0];
    const now = id !== undefined ? nameById.get(id) : undefined;
    return id !== undefined && now !== undefined && now !== u.sheet ? [{ id, now, to: u.sheet }] : [];
  });
  // two steps (via temporary names), so that no final name is still held by another inserted sheet
  const taken = new Set(sheets.items.map((w) => w.name.toLowerCase()));
  renames.forEach((r, i) => {
    let temp = `~nhap-${i + 1}`;
    for (let n = 1; taken.has(temp.toLowerCase()); n++) temp = `~nhap-${i + 1}-${n}`;
    taken.add(temp.toLowerCase());
    context.workbook.worksheets.getItem(r.id).name = temp;
  });
  for (const r of renames) context.workbook.worksheets.getItem(r.id).name = r.to;

  const fixes = queueNameRepairs(context, state.names, names.items);
  if (renames.length || fixes) await context.sync();
}

/**
 * Imports the units of `files`. Progress per file read, then once before writing. Files are
 * read before Excel is touched; Excel is then reached a fixed number of times: 3 (copy, or
 * insert needing no rename), 4 (insert with renames or names to restore), 5 (insert refused
 * by Excel, then copy) — plus one per further 4 MB of files on the insert path.
 */
export async function importUnits(
  host: ExcelHost,
  def: ReportDefinition,
  layout: WorkbookLayout,
  files: ImportFile[],
  progress: (step: ImportStep) => void = () => undefined,
): Promise<ImportResult> {
  const sources: RollupSource[] = [];
  let painted = 0; // the first step is shown at once
  for (const [i, file] of files.entries()) {
    progress({ kind: "reading", index: i + 1, total: files.length, file: file.name });
    // let the pane show the progress: reading is promise work that may never leave the microtask queue
    if (Date.now() - painted > 30) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      painted = Date.now();
    }
    sources.push(await readImportFile(def, layout, file));
  }
  const features = sheetFeatures(host);

  return host.run(async (context) => {
    // ExcelApi 1.13, and the method really there (the simulated Excel of the sandbox has none)
    const canInsert = host.isSetSupported("ExcelApi", "1.13") && typeof context.workbook.insertWorksheetsFromBase64 === "function";
    const { state, units: existing, rows } = await readUnitsOfWorkbook(context, def, layout);
    const plan = planImport(sources, state.sheets, existing, { def, rows });
    const imported = plan.units.map(({ file, unitName, sheet, renamed }) => ({ file, unitName, sheet, renamed }));
    const newRows = plan.newRows.map((a) => ({ label: a.label, unitName: a.unitName }));
    const result = (method: ImportResult["method"], insertError?: string): ImportResult => ({
      imported,
      rejected: plan.rejected,
      ...(newRows.length ? { newRows } : {}),
      method,
      ...(insertError ? { insertError } : {}),
    });
    if (!plan.units.length) return result(canInsert ? "insert" : "copy");
    progress({ kind: "writing", units: plan.units.length });
    const copyOf = (u: ImportPlanUnit): PlannedUnitSheet => ({
      unitName: u.unitName,
      sheet: u.sheet,
      values: Object.fromEntries(Object.entries(u.values).map(([k, v]) => [k, figure(v)])),
      ...(u.tables
        ? { tables: Object.fromEntries(Object.entries(u.tables).map(([id, t]) => [id, { rows: t.rows, cells: t.cells.map((row) => row.map(figure)) }])) }
        : {}),
    });
    const copies = plan.units.map(copyOf);

    if (!canInsert) {
      if (host.isSetSupported("ExcelApi", "1.6")) context.workbook.application.suspendApiCalculationUntilNextSync();
      queueUnitSheets(context, state, def, layout, copies, features);
      await context.sync();
      return result("copy");
    }

    try {
      const moved = plan.units.filter((u) => u.shift);
      await insertUnits(
        context,
        state,
        def,
        layout,
        plan.units.filter((u) => !u.shift),
        files,
        moved.map(copyOf),
        features,
      );
      const rebuilt = moved.map((u) => ({
        file: u.file,
        unitName: u.unitName,
        sheet: u.sheet,
        message: IMPORT_MESSAGES.rebuilt(u.file, u.sheet, u.shift!.message),
      }));
      return { ...result("insert"), ...(rebuilt.length ? { rebuilt } : {}) };
    } catch (e) {
      if (isCellEditMode(e)) throw e;
      // Excel refused an insertion (a file it will not take, a policy, Excel on the web's own
      // limits): what was inserted before the failure is removed, and every unit is made by copy
      const again = queueState(context);
      await context.sync();
      const now = stateOf(again);
      const before = new Set(state.sheets.map((s) => s.toLowerCase()));
      const bookends = new Set([BOOKEND_START, BOOKEND_END].map((s) => s.toLowerCase()));
      const strays = now.sheets.filter((s) => !before.has(s.toLowerCase()) && !bookends.has(s.toLowerCase()));
      for (const s of strays) context.workbook.worksheets.getItem(s).delete();
      queueNameRepairs(
        context,
        state.names,
        Object.entries(now.names).map(([name, value]) => ({ name, value })),
      );
      const cleaned: WorkbookState = { ...now, sheets: now.sheets.filter((s) => !strays.includes(s)) };
      queueUnitSheets(context, cleaned, def, layout, copies, features);
      await context.sync();
      return result("copy", describeError(e));
    }
  });
}
