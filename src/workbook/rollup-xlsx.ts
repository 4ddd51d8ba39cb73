/**
 * The roll-up written on the office's own workbook (`bao-cao rollup --base`): the base's
 * bytes with the summary formulas in its section I and the roll-up's texts left blank
 * (src/workbook/layout-patch.ts), and the bookends and unit sheets added at its end, taken
 * from the roll-up our writer makes (src/workbook/xlsx-write.ts). What the office added to
 * its workbook — own sheets, charts, comments, widths, formats, names — stays. Where the
 * base's sheets are no longer where the layout puts them, the roll-up is rebuilt from the
 * layout as before, and the result says by name what is not carried.
 */
import { BOOKEND_START } from "../report/rollup";
import type { ReportData, ReportDefinition } from "../report/types";
import { editsOf, movedSheets, type LayoutTarget } from "./layout-patch";
import { inputValues } from "./layout";
import { MSG_NEXT_PERIOD_FILE } from "./next-period-xlsx";
import { findSheet } from "./snapshot";
import { rolledUpWorkbook, type UnitTable } from "./unit-workbook";
import { XlsxPackage } from "./xlsx-patch";
import { readXlsxSnapshot } from "./xlsx-read";
import { buildRollupWorkbook, workbookBytes } from "./xlsx-write";
import type { CellValue } from "./snapshot";

export const MSG_ROLLUP_FILE = {
  moved: (sheets: string[]) =>
    `Trang tính ${sheets.map((s) => `"${s}"`).join(", ")} của sổ gốc không còn khớp với mẫu (hàng hoặc ô đã dời chỗ, hoặc đã có trang cùng tên), nên sổ tổng hợp được làm lại từ mẫu: ` +
    "những gì văn phòng thêm vào sổ gốc (trang tính riêng, biểu đồ, ghi chú, độ rộng cột, định dạng) không được chép sang.",
  unreadable: MSG_NEXT_PERIOD_FILE.unreadable,
} as const;

type Units = { sheet: string; unitName: string; values: Record<string, CellValue>; tables?: Record<string, UnitTable> }[];

/** The roll-up's .xlsx bytes: on `base.bytes` when given and its sheets are where the layout puts them, else rebuilt. */
export async function writeRollup(
  def: ReportDefinition,
  units: Units,
  base?: { data: ReportData; bytes?: Uint8Array },
): Promise<{ bytes: Uint8Array; notKept?: string }> {
  const built = buildRollupWorkbook(def, units, base?.data);
  const rebuilt = await workbookBytes(built);
  if (!base?.bytes) return { bytes: rebuilt };
  const bytes = base.bytes;
  const planned = rolledUpWorkbook(def, units, base.data);
  const target: LayoutTarget = {
    def: planned.def,
    layout: planned.layout,
    values: inputValues(planned.def, planned.layout, planned.data),
    formulas: planned.formulas,
  };
  let notKept: string = MSG_ROLLUP_FILE.unreadable;
  try {
    const inFile = await readXlsxSnapshot(bytes);
    const standardCount = planned.layout.sheets.findIndex((s) => s.name === BOOKEND_START); // the bookends, the unit sheets and each unit's results come last
    const standard = planned.layout.sheets.slice(0, standardCount);
    const newSheets = planned.layout.sheets.slice(standardCount);
    const moved = [...movedSheets(target, inFile, standard), ...newSheets.filter((s) => findSheet(inFile, s.name)).map((s) => s.name)];
    if (moved.length) notKept = MSG_ROLLUP_FILE.moved(moved);
    else {
      const pkg = await XlsxPackage.open(bytes);
      const source = await XlsxPackage.open(rebuilt);
      await pkg.addSheetsFrom(
        source,
        newSheets.map((s) => s.name),
      );
      const edits = editsOf(target, inFile, { previousTotals: false, sheets: standard });
      // the summary cells look computed (not inputs), as our writer makes them
      for (const e of edits) if (e.formula !== undefined) e.style = await pkg.importCellStyle(source, e.sheet, e.address);
      await pkg.edit(edits);
      return { bytes: await pkg.bytes() };
    }
  } catch {
    notKept = MSG_ROLLUP_FILE.unreadable;
  }
  return { bytes: rebuilt, notKept };
}
