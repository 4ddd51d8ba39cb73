/**
 * "Nhập từ tệp": brings the units' own .xlsx files in as unit sheets, in one go.
 *
 * 1. In JavaScript, no round trip: each file is read (readXlsxSnapshot; a damaged or
 *    non-.xlsx file is rejected with its name and a Vietnamese reason) and classified (a
 *    unit workbook, a report workbook, neither). This is the slow part, so progress is
 *    reported per file.
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
import { MSG_FILE } from "../report/messages";
import type { ReportDefinition } from "../report/types";
import type { WorkbookLayout } from "../workbook/layout";
import { findLayoutShift, type LayoutShift } from "../workbook/layout-shift";
import { findSheet, type CellValue, type WorkbookSnapshot } from "../workbook/snapshot";
import {
  checkAnyWorkbook,
  planRollup,
  unitFiguresOf,
  unitKey,
  type RollupRejection,
  type RollupSource,
  type UnitFigures,
  type UnitTable,
} from "../workbook/unit-workbook";
import { unitSheetLayout, unitSpec } from "../workbook/units";
import { definitionOfWorkbook } from "../workbook/kind-of";
import { kindMarkOf } from "../workbook/kind-sheet";
import { readXlsxSnapshot, XlsxFormatError, type XlsxFormatProblem } from "../workbook/xlsx-read";
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { sheetFeatures, type SheetFeatures } from "./apply-layout";
import { describeError } from "./errors";
import type { ExcelHost } from "./host";
import { queueBookends, queueUnitSheets, type PlannedUnitSheet, type UnitFigure } from "./units";
import { queueState, stateOf, type WorkbookState } from "./workbook-state";

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

const FORMAT_MESSAGE: Record<XlsxFormatProblem, string> = {
  empty: "Tệp rỗng (0 byte), không phải sổ Excel .xlsx.",
  ole: 'Đây là sổ Excel 97-2003 (.xls) hoặc sổ .xlsx có đặt mật khẩu. Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi Lưu thành (Save As) kiểu "Sổ làm việc Excel (*.xlsx)".',
  notZip: "Không phải sổ Excel .xlsx (có thể là tệp văn bản, CSV, HTML hay PDF bị đổi đuôi).",
  corruptZip: "Tệp bị hỏng hoặc chưa tải về hết: không mở được như một sổ Excel .xlsx. Hãy xin đơn vị gửi lại tệp.",
  docx: "Đây là văn bản Word (.docx), không phải sổ Excel .xlsx.",
  pptx: "Đây là bản trình chiếu PowerPoint, không phải sổ Excel .xlsx.",
  ods: "Đây là bảng tính OpenDocument (.ods). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dạng .xlsx.",
  xlsb: "Đây là sổ Excel nhị phân (.xlsb). Hãy mở bằng Excel và lưu lại dạng .xlsx.",
  notWorkbook: "Tệp nén này không chứa sổ Excel, không phải .xlsx.",
  corruptWorkbook: "Cấu trúc sổ Excel trong tệp bị hỏng, không đọc được. Hãy xin đơn vị gửi lại tệp.",
  tooLarge: "Bị từ chối: tệp quá lớn so với một sổ báo cáo.",
  unsafeXml: "Bị từ chối: tệp có khai báo DOCTYPE hoặc ENTITY, thứ Excel không bao giờ ghi.",
};

export const IMPORT_MESSAGES = {
  format: (problem: XlsxFormatProblem, info: XlsxFormatError["info"] = {}) =>
    problem === "tooLarge"
      ? `Bị từ chối: ${MSG_FILE.tooLarge(info.breach)}`
      : problem === "unsafeXml"
        ? `Bị từ chối: ${MSG_FILE.unsafeXml(info.part)}`
        : FORMAT_MESSAGE[problem],
  report: "Đây là sổ báo cáo (có các trang tính của mẫu báo cáo), không phải sổ số liệu của một đơn vị.",
  none: (cell = "F1") =>
    `Không phải sổ số liệu của đơn vị: không có trang tính nào mang dấu nhận biết trang đơn vị (ô ${cell}). Đơn vị cần điền số liệu vào sổ mẫu dành cho đơn vị.`,
  otherKind: (found: string, expected: string) =>
    `Đây là sổ của loại báo cáo "${found}", không cùng loại với sổ này ("${expected}"); không trộn các loại báo cáo.`,
  rows: (table: string, row: number, found: string, expected: string) =>
    `Bảng ${table} dòng ${row} là ${found ? `"${found}"` : "(trống)"} nhưng ở sổ này là ${expected ? `"${expected}"` : "(không có)"}: số liệu sẽ bị cộng sai dòng. Sửa danh sách lĩnh vực của đơn vị cho giống sổ này rồi nhập lại.`,
  duplicate: (unitName: string, firstFile: string) => `Trùng đơn vị "${unitName}" với tệp ${firstFile}; chỉ nhập tệp đầu tiên.`,
  rebuilt: (file: string, sheet: string, shift: string) =>
    `Tệp ${file}: ${shift.replace(/ Xóa dòng.*$| Hoàn tác.*$/, "")} Vì vậy trang "${sheet}" được tạo lại theo mẫu và số liệu được chép từ các ô số liệu của tệp (ghi chú riêng trong trang của tệp không được chép).`,
  alreadyThere: (unitName: string, sheet: string) =>
    `Đơn vị "${unitName}" đã có trong sổ (trang "${sheet}"), nên không nhập lại. Muốn thay số liệu thì xóa trang đó rồi nhập lại tệp.`,
} as const;

/** What one file holds, for the plan; never throws for a bad file. */
export async function readUnitFile(def: ReportDefinition, layout: WorkbookLayout, file: ImportFile): Promise<RollupSource> {
  let snapshot;
  try {
    snapshot = await readXlsxSnapshot(file.bytes);
  } catch (e) {
    const problem: XlsxFormatProblem = e instanceof XlsxFormatError ? e.problem : "corruptWorkbook";
    return { file: file.name, kind: "unreadable", message: IMPORT_MESSAGES.format(problem, e instanceof XlsxFormatError ? e.info : undefined) };
  }
  if (kindMarkOf(snapshot).kind !== "none") {
    const own = await definitionOfWorkbook(snapshot).catch(() => null);
    if (own && own.id !== def.id) return { file: file.name, kind: "otherKind", found: own.title, expected: def.title };
  }
  const kind = checkAnyWorkbook(def, layout, snapshot).kind;
  if (kind === "none") return { file: file.name, kind, cell: unitSpec(def).markerCell };
  if (kind !== "unit") return { file: file.name, kind };
  return { file: file.name, kind, units: unitFiguresOf(def, snapshot).map((u) => withLayoutShift(def, snapshot, u)) };
}

/** A unit of a file, with what moved in its sheet when its layout is not the standard one (rows or columns inserted or deleted). */
export type ImportUnitFigures = UnitFigures & { shift?: LayoutShift };

function withLayoutShift(def: ReportDefinition, snapshot: WorkbookSnapshot, u: UnitFigures): ImportUnitFigures {
  const sheet = findSheet(snapshot, u.sheet);
  const shift = sheet ? findLayoutShift(unitSheetLayout(def, u.sheet, u.unitName), sheet, { tolerate: [unitSpec(def).nameCell] }) : null;
  return shift ? { ...u, shift } : u;
}

function rejectionMessage(r: RollupRejection): string {
  switch (r.reason) {
    case "unreadable":
      return r.message;
    case "report":
      return IMPORT_MESSAGES.report;
    case "none":
      return IMPORT_MESSAGES.none(r.cell);
    case "otherKind":
      return IMPORT_MESSAGES.otherKind(r.found, r.expected);
    case "rows":
      return IMPORT_MESSAGES.rows(r.table, r.row, r.found, r.expected);
    case "duplicate":
      return IMPORT_MESSAGES.duplicate(r.unitName, r.firstFile);
    case "badName":
      return r.message;
  }
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
}

/**
 * Which units come in, under which sheet names: planRollup's rules (not a unit workbook,
 * duplicate within the batch, unreadable, a name Excel refuses), and a unit the workbook
 * already has (same unitKey as the F2 name of one of its unit sheets) is left out too.
 * Rejections are listed in the order of the files.
 */
export function planImport(sources: RollupSource[], existingSheets: string[], existingUnits: ExistingUnit[]): ImportPlan {
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
  const plan = planRollup(kept, existingSheets);
  const indexOf = (file: string) => sources.findIndex((s) => s.file === file);
  const rejected = [...early, ...plan.rejected.map((r) => ({ fileIndex: indexOf(r.file), file: r.file, message: rejectionMessage(r) }))]
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
  return { units, rejected };
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

/** Reads the sheet list and names, then the marker and name cells (F1:F2 for the monthly kind) of every sheet: two round trips. */
async function readUnitsOfWorkbook(context: Excel.RequestContext, def: ReportDefinition): Promise<{ state: WorkbookState; units: ExistingUnit[] }> {
  const queued = queueState(context);
  await context.sync();
  const state = stateOf(queued);
  const cells = state.sheets.map((name) => {
    const r = context.workbook.worksheets.getItem(name).getRange(`${unitSpec(def).markerCell}:${unitSpec(def).nameCell}`);
    r.load("values");
    return { name, r };
  });
  await context.sync();
  const units = cells
    .filter(({ r }) => String(r.values[0][0]).trim() === unitSpec(def).marker)
    .map(({ name, r }) => ({ sheet: name, unitName: String(r.values[1][0] ?? "").trim() || name }));
  return { state, units };
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
    sources.push(await readUnitFile(def, layout, file));
  }
  const features = sheetFeatures(host);

  return host.run(async (context) => {
    // ExcelApi 1.13, and the method really there (the simulated Excel of the sandbox has none)
    const canInsert = host.isSetSupported("ExcelApi", "1.13") && typeof context.workbook.insertWorksheetsFromBase64 === "function";
    const { state, units: existing } = await readUnitsOfWorkbook(context, def);
    const plan = planImport(sources, state.sheets, existing);
    const imported = plan.units.map(({ file, unitName, sheet, renamed }) => ({ file, unitName, sheet, renamed }));
    const result = (method: ImportResult["method"], insertError?: string): ImportResult => ({
      imported,
      rejected: plan.rejected,
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
