/**
 * "Kỳ mới", the writing half, shared by `bao-cao next-period` and the task pane (loaded by an
 * import() when the button is pressed, in its own chunk with the patcher and ExcelJS, so the
 * pane's first load carries neither).
 *
 * Next period's workbook is this workbook's own bytes with the product's cells changed
 * (src/workbook/xlsx-patch.ts): the inputs get next period's values (figures cleared, the
 * period moved on, what the plan carries over), the check column's messages go, the hidden
 * kind sheet gets this period's totals. Everything the office added — its own sheets, charts,
 * comments, widths, formats, names — stays as it was. Where that cannot be (no bytes from the
 * host, or the sheets no longer where the layout puts them because rows moved), the workbook
 * is rebuilt from the layout as before, and the result says by name what is not carried.
 */
import type { ReportDefinition } from "../report/types";
import { buildLayout, inputValues, type WorkbookLayout } from "./layout";
import { planNextPeriod, type NextPeriodOptions, type NextPeriodPlan } from "./next-period";
export { MSG_NEXT_PERIOD } from "./next-period";
import { previousTotalsCells } from "./previous-totals";
import type { WorkbookSnapshot } from "./snapshot";
import { editsOf, movedSheets, type LayoutTarget } from "./layout-patch";
import { definitionFitting, rolledUpWorkbook } from "./unit-workbook";
import { XlsxPackage } from "./xlsx-patch";
import { readXlsxSnapshot } from "./xlsx-read";
import { buildNextPeriodWorkbook, workbookBytes } from "./xlsx-write";

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

function targetOf(plan: Plan): LayoutTarget {
  const previous = previousTotalsCells(plan.previous);
  if (plan.units.length) {
    const r = rolledUpWorkbook(plan.def, plan.units, plan.data);
    return { def: r.def, layout: r.layout, values: [...inputValues(r.def, r.layout, r.data), ...r.values, ...previous], formulas: r.formulas };
  }
  const fitted = definitionFitting(plan.def, plan.data); // longer lists, the office's own rows
  const layout = buildLayout(fitted);
  return { def: fitted, layout, values: [...inputValues(fitted, layout, plan.data), ...previous], formulas: [] };
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
        await pkg.edit(editsOf(target, inFile, { previousTotals: true }));
        return { bytes: await pkg.bytes() };
      }
    } catch {
      notKept = MSG_NEXT_PERIOD_FILE.unreadable;
    }
  }
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
