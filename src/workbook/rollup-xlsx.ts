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
import type { WorkbookLayout } from "./layout";
import { editsOf, movedSheets, type LayoutTarget } from "./layout-patch";
import { inputValues } from "./layout";
import { MSG_NEXT_PERIOD_FILE } from "./next-period-xlsx";
import { EXPECTED_HEADER_ROW } from "./expected-list";
import { findSheet, type WorkbookSnapshot } from "./snapshot";
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
    target.values.push(...expectedListValues(planned.def, planned.layout, base.data, inFile));
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

/**
 * The names of the list of units expected to send, when the roll-up brings one (`--expected`):
 * written into the base's list sheet one per row under its header, names the base had beyond
 * them cleared. Nothing when the roll-up brings no list (the base's stays as the office typed it).
 */
function expectedListValues(def: ReportDefinition, layout: WorkbookLayout, data: ReportData, inFile: WorkbookSnapshot) {
  const list = def.units.expected;
  const sheet = list && data.expectedUnits ? layout.sheets.find((s) => s.name === list.sheet) : undefined;
  if (!sheet) return [];
  const values = sheet.cells.filter((c) => c.style === "inputText").map((c) => ({ sheet: sheet.name, address: c.address, value: c.offered ?? null }));
  const planned = new Set(values.map((v) => v.address));
  for (const address of Object.keys(findSheet(inFile, sheet.name)?.cells ?? {})) {
    const m = /^A([0-9]+)$/.exec(address);
    if (m && Number(m[1]) > EXPECTED_HEADER_ROW && !planned.has(address)) values.push({ sheet: sheet.name, address, value: null });
  }
  return values;
}
