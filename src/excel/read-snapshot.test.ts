/** What the add-in reads of a summary's per-unit sheet: all of it, however many units, in the same two syncs. */
import { createSimHost } from "../../dev/excel-sim";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { loadDefinition } from "../report/kinds";
import { buildLayout } from "../workbook/layout";
import { readSnapshot } from "./read-snapshot";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const SHEET = def.unitResults!.sheet;

it("reads the per-unit sheet whole (a hundred units, the rank in column P) in the same two syncs", async () => {
  const sim = createSimHost({ sheets: ["Sheet1", SHEET, "Ghi chú"] });
  for (let u = 0; u < 104; u++) {
    sim.workbook.setCellValue(SHEET, `B${5 + u}`, `Xã số ${u + 1}`, { force: true });
    sim.workbook.setCellValue(SHEET, `P${5 + u}`, String(u + 1), { force: true });
  }
  sim.workbook.setCellValue("Ghi chú", "A200", "xa", { force: true });
  const host = simExcelHost(sim);
  for (const layout of [buildLayout(def), "unknown" as const]) {
    sim.resetSyncCount();
    const { snapshot } = await host.run((context) => readSnapshot(context, layout));
    expect(sim.syncCount).toBe(2);
    const sheet = snapshot.sheets.find((s) => s.name === SHEET)!;
    expect([sheet.cells.B108, sheet.cells.P108]).toEqual(["Xã số 104", 104]);
    // any other sheet: only the unit block
    expect(snapshot.sheets.find((s) => s.name === "Ghi chú")!.cells.A200).toBeUndefined();
  }
});
