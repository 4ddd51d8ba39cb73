/**
 * "Kỳ mới", the writing half, shared by `bao-cao next-period` and the task pane (loaded by an
 * import() when the button is pressed, in its own chunk, so the pane's first load carries
 * neither ExcelJS nor the patcher).
 *
 * Next period's workbook is this workbook's own bytes with the product's cells changed
 * (src/workbook/xlsx-patch.ts): the inputs get next period's values (figures cleared, the
 * period moved on, what the plan carries over), the check column's messages go, the hidden
 * kind sheet gets this period's totals. Everything the office added — its own sheets, charts,
 * comments, widths, formats, names — stays as it was. Where that cannot be (no bytes from the
 * host, or the sheets no longer where the layout puts them because rows moved), the workbook
 * is rebuilt from the layout as before, and the result says by name what is not carried.
 */
import { cellsOfRange, parseSheetRef, sheetRef } from "../report/refs";
import type { ReportDefinition } from "../report/types";
import { buildLayout, inputValues, type WorkbookLayout } from "./layout";
import { planNextPeriod, type NextPeriodOptions, type NextPeriodPlan } from "./next-period";
import { previousTotalsCells } from "./previous-totals";
import { findSheet, type CellValue, type WorkbookSnapshot } from "./snapshot";
import { definitionFitting, rolledUpWorkbook } from "./unit-workbook";
import { XlsxPackage, type CellEdit } from "./xlsx-patch";
import { readXlsxSnapshot } from "./xlsx-read";
import { KIND_SHEET } from "./kind-sheet";

type Plan = Extract<NextPeriodPlan, { ok: true }>;

export const MSG_NEXT_PERIOD_FILE = {
  moved: (sheets: string[]) =>
    `Trang tính ${sheets.map((s) => `"${s}"`).join(", ")} không còn khớp với mẫu (hàng hoặc ô đã dời chỗ), nên sổ kỳ mới được làm lại từ mẫu: ` +
    "những gì văn phòng thêm vào sổ (trang tính riêng, biểu đồ, ghi chú, độ rộng cột, định dạng) không được chép sang; hãy chép chúng từ sổ kỳ này nếu cần.",
  noFile:
    "Excel ở đây không cho add-in lấy tệp sổ đang mở, nên sổ kỳ mới được làm lại từ mẫu: " +
    "những gì văn phòng thêm vào sổ (trang tính riêng, biểu đồ, ghi chú, độ rộng cột, định dạng) không được chép sang; " +
    'muốn giữ chúng, hãy dùng lệnh "bao-cao next-period" trên máy tính.',
  unreadable:
    "Tệp sổ đang mở có phần không đọc được, nên sổ kỳ mới được làm lại từ mẫu: " +
    "những gì văn phòng thêm vào sổ (trang tính riêng, biểu đồ, ghi chú, độ rộng cột, định dạng) không được chép sang.",
} as const;

/** What next period's workbook holds, cell by cell, as planned: the layout, the values, the formulas. */
interface Target {
  def: ReportDefinition;
  layout: WorkbookLayout;
  values: { sheet: string; address: string; value: CellValue }[];
  formulas: { sheet: string; cell: string; formula: string }[];
}

function targetOf(plan: Plan): Target {
  const previous = previousTotalsCells(plan.previous);
  if (plan.units.length) {
    const r = rolledUpWorkbook(plan.def, plan.units, plan.data);
    return { def: r.def, layout: r.layout, values: [...inputValues(r.def, r.layout, r.data), ...r.values, ...previous], formulas: r.formulas };
  }
  const fitted = definitionFitting(plan.def, plan.data); // longer lists, the office's own rows
  const layout = buildLayout(fitted);
  return { def: fitted, layout, values: [...inputValues(fitted, layout, plan.data), ...previous], formulas: [] };
}

const sameRef = (a: string, b: string) => {
  const x = parseSheetRef(a);
  const y = parseSheetRef(b);
  return !!x && !!y && x.sheet.toLowerCase() === y.sheet.toLowerCase() && x.ref.replace(/\$/g, "") === y.ref.replace(/\$/g, "");
};

/** The sheets of the target that are not where this workbook has them (missing, names elsewhere, row labels elsewhere). */
function movedSheets(target: Target, snapshot: WorkbookSnapshot): string[] {
  const moved = new Set<string>();
  for (const sheet of target.layout.sheets) {
    const s = findSheet(snapshot, sheet.name);
    if (!s) {
      moved.add(sheet.name);
      continue;
    }
    for (const c of sheet.cells) {
      if (
        (c.style === "label" || c.style === "stt") &&
        typeof c.value === "string" &&
        c.value.trim() &&
        String(s.cells[c.address] ?? "").trim() !== c.value.trim()
      )
        moved.add(sheet.name);
    }
  }
  for (const n of target.layout.names) {
    const has = snapshot.names[n.name];
    if (n.sheet !== KIND_SHEET && (!has || !sameRef(has, sheetRef(n.sheet, n.ref)))) moved.add(n.sheet);
  }
  return [...moved];
}

/** The cell edits that make this workbook next period's: only cells the product owns, only where they change. */
function editsOf(target: Target, snapshot: WorkbookSnapshot): CellEdit[] {
  const edits: CellEdit[] = [];
  const key = (sheet: string, address: string) => `${sheet.toLowerCase()}!${address}`;
  const values = new Map(target.values.map((v) => [key(v.sheet, v.address), v.value]));
  const formulas = new Map(target.formulas.map((f) => [key(f.sheet, f.cell), `=${f.formula.replace(/^=/, "")}`]));
  const done = new Set<string>();
  const put = (sheet: string, address: string) => {
    const k = key(sheet, address);
    if (done.has(k)) return;
    done.add(k);
    const s = findSheet(snapshot, sheet)!;
    const oldFormula = s.formulas?.[address];
    const formula = formulas.get(k);
    if (formula !== undefined) {
      if (oldFormula !== formula) edits.push({ sheet: s.name, address, formula });
      return;
    }
    const value = values.get(k) ?? null;
    const old = s.cells[address] ?? null;
    if (oldFormula === undefined && (old === value || (old !== null && value !== null && JSON.stringify(old) === JSON.stringify(value)))) return;
    edits.push({ sheet: s.name, address, value });
  };
  for (const sheet of target.layout.sheets) {
    const s = findSheet(snapshot, sheet.name)!;
    const computed = new Set(sheet.cells.filter((c) => c.formula).map((c) => c.address)); // a table's computed columns keep their formulas
    for (const input of sheet.inputs) {
      for (const address of [...cellsOfRange(input.ref), ...(input.labels ? cellsOfRange(input.labels) : [])])
        if (!computed.has(address)) put(sheet.name, address);
    }
    // the check column's messages are the add-in's: a new period starts without them
    const owned = new Set(sheet.cells.map((c) => c.address));
    for (const address of Object.keys(s.cells)) {
      const m = /^([A-Z]+)([0-9]+)$/.exec(address);
      if (m && m[1] === sheet.statusColumn && Number(m[2]) > sheet.frozenRows && !owned.has(address)) put(sheet.name, address);
    }
  }
  // the kind sheet's previous totals: the new ones, and the older rows cleared
  const kind = findSheet(snapshot, KIND_SHEET);
  if (kind) for (const address of Object.keys(kind.cells)) if (/^[DE][0-9]+$/.test(address)) put(KIND_SHEET, address);
  for (const v of target.values) put(v.sheet, v.address);
  for (const f of target.formulas) put(f.sheet, f.cell);
  return edits;
}

export interface NextPeriodWritten {
  bytes: Uint8Array;
  /** what the office added and the new workbook does not carry, said in Vietnamese; absent when everything is kept */
  notKept?: string;
}

/**
 * Next period's workbook as .xlsx bytes: `original` (this workbook's bytes) with the
 * product's cells changed; without them, or where the sheets moved, rebuilt from the layout
 * (ExcelJS), saying what is not carried.
 */
export async function writeNextPeriod(plan: Plan, original: Uint8Array | undefined): Promise<NextPeriodWritten> {
  const target = targetOf(plan);
  let notKept: string = MSG_NEXT_PERIOD_FILE.noFile;
  if (original) {
    try {
      // the cells as the file holds them (the pane's snapshot comes from Excel, the bytes may say more)
      const inFile = await readXlsxSnapshot(original);
      const moved = movedSheets(target, inFile);
      if (moved.length) notKept = MSG_NEXT_PERIOD_FILE.moved(moved);
      else {
        const pkg = await XlsxPackage.open(original);
        await pkg.edit(editsOf(target, inFile));
        return { bytes: await pkg.bytes() };
      }
    } catch {
      notKept = MSG_NEXT_PERIOD_FILE.unreadable;
    }
  }
  const { buildNextPeriodWorkbook, workbookBytes } = await import(/* webpackChunkName: "xlsx-write" */ "./xlsx-write");
  return { bytes: await workbookBytes(buildNextPeriodWorkbook(plan)), notKept };
}

export type NextPeriodFile = Exclude<NextPeriodPlan, { ok: true }> | (Plan & NextPeriodWritten);

/** The plan and, when it can be made, the new workbook's bytes (from `original`, this workbook's bytes, when given). */
export async function nextPeriodFile(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  options: NextPeriodOptions,
  original?: Uint8Array,
): Promise<NextPeriodFile> {
  const plan = planNextPeriod(def, layout, snapshot, options);
  if (!plan.ok) return plan;
  return { ...plan, ...(await writeNextPeriod(plan, original)) };
}

/** Bytes as base64 (what Excel.createWorkbook takes), in slices so a large workbook does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
