/**
 * The add-in's round trips: every command run against the simulated Excel (dev/excel-sim,
 * which counts context.sync() calls), on a workbook with 1 and with N unit sheets. The figure
 * that matters on Office is the count, which must not grow with the workbook.
 */
import { createSimHost } from "../dev/excel-sim";
import { applyLayout } from "../src/excel/apply-layout";
import { checkAndMark, selectCell } from "../src/excel/check-and-mark";
import { simExcelHost } from "../dev/excel-sim/sim-host";
import { addUnits, rollupInExcel } from "../src/excel/units";
import { importFiguresInExcel } from "../src/excel/import-figures";
import { loadDefinition } from "../src/report/kinds";
import { sampleData } from "../src/report/sample";
import { buildLayout, inputValues } from "../src/workbook/layout";

export interface SyncCounts {
  units: number;
  counts: Record<string, number>;
}

export async function measureAddinSyncs(units: number): Promise<SyncCounts> {
  const def = loadDefinition();
  const layout = buildLayout(def);
  const sim = createSimHost({ sheets: ["Sheet1"] });
  const host = simExcelHost(sim);
  const counts: Record<string, number> = {};
  const measure = async (name: string, f: () => Promise<unknown>) => {
    sim.resetSyncCount();
    await f();
    counts[name] = sim.syncCount;
  };
  await measure("Tạo mẫu", () => applyLayout(host, layout));
  for (const v of inputValues(def, layout, sampleData())) sim.workbook.setCellValue(v.sheet, v.address, String(v.value), { force: true });
  await measure(`Thêm ${units} đơn vị`, () =>
    addUnits(
      host,
      def,
      layout,
      Array.from({ length: units }, (_, i) => ({ name: `Xã Thử Nghiệm Số ${i + 1}`, values: { PAKN_TONG: i } })),
    ),
  );
  await measure("Tổng hợp", () => rollupInExcel(host, def, layout, { confirmOverwrite: async () => true }));
  const unit = "Xã Thử Nghiệm Số 1";
  sim.workbook.setCellValue(unit, "C6", "x", { force: true });
  await measure("Kiểm tra (đánh dấu)", () => checkAndMark(host, { def, layout }));
  sim.workbook.setCellValue(unit, "C6", "0");
  await measure("Kiểm tra (gỡ dấu)", () => checkAndMark(host, { def, layout }));
  await measure("Chọn ô", () => selectCell(host, "I. Kết quả", "C12"));
  // the dossier kind: a one-stop table of as many lĩnh vực as there are units, pasted into a sheet
  const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
  const other = createSimHost({ sheets: ["Dán"] });
  await applyLayout(simExcelHost(other), buildLayout(dossier));
  const header = [
    "STT",
    "Lĩnh vực",
    "Tiếp nhận",
    "Qua mạng",
    "Qua BCCI",
    "Kỳ trước",
    "Đã giải quyết",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Đang giải quyết",
    "Trong hạn",
    "Trễ hạn",
  ];
  const rows = [header, ...Array.from({ length: units }, (_, i) => [i + 1, `Lĩnh vực thử ${i + 1}`, 2, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0])];
  rows.forEach((r, i) => r.forEach((v, c) => other.workbook.setCellValue("Dán", `${String.fromCharCode(65 + c)}${i + 1}`, v)));
  other.resetSyncCount();
  await importFiguresInExcel(simExcelHost(other), { confirm: async () => true });
  counts["Nhận số liệu từ bảng (số dòng = số đơn vị)"] = other.syncCount;
  return { units, counts };
}

/** Lines for the benchmark's report: one row per command, one column per workbook size. */
export async function addinSyncTable(sizes: number[] = [1, 300]): Promise<string[]> {
  const results = await Promise.all(sizes.map((n) => measureAddinSyncs(n)));
  const names = Object.keys(results[0].counts).map((k) => k.replace(/^Thêm \d+ đơn vị$/, "Thêm đơn vị"));
  const header = ["lệnh (context.sync())", ...sizes.map((n) => `${n} trang đơn vị`)];
  const rows = names.map((name, i) => [name, ...results.map((r) => String(Object.values(r.counts)[i]))]);
  const width = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join("  ");
  return [line(header), ...rows.map(line)];
}

if (require.main === module) {
  void addinSyncTable().then((lines) => console.log(lines.join("\n")));
}
