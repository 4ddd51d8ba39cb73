/**
 * "Chuyển sang Unicode" against the simulated Excel: the legacy cells found by the check get
 * Unicode text and Times New Roman, nothing else changes, in two round trips.
 */
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { toTcvn3, toVni } from "../text/legacy-vn";
import { buildLayout, inputOf, inputValues } from "../workbook/layout";
import { LEGACY_CODE } from "../workbook/legacy-check";
import { applyLayout } from "./apply-layout";
import { checkAndMark } from "./check-and-mark";
import { describeError } from "./errors";
import { convertLegacyCells, UNICODE_FONT } from "./fix-legacy-text";
import { simExcelHost } from "../../dev/excel-sim/sim-host";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);
const CAN_CU = "Thực hiện Kế hoạch của UBND tỉnh về cải cách thủ tục hành chính, như sau:";
const NHIEM_VU = "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.";

function at(fieldId: string, row = 0): { sheet: string; cell: string } {
  const { sheet, input } = inputOf(layout, fieldId);
  const col = input.first.replace(/[0-9]+$/, "");
  return { sheet: sheet.name, cell: `${col}${Number(input.first.replace(/^[A-Z]+/, "")) + row}` };
}

async function workbookWithLegacyText(excelApi: string): Promise<{ sim: SimHost; host: ReturnType<typeof simExcelHost> }> {
  // the template made by a recent Excel, then opened in one supporting `excelApi`
  const maker = createSimHost({ sheets: ["Sheet1"] });
  await applyLayout(simExcelHost(maker), layout);
  const sim = createSimHost({ snapshot: maker.workbook.toJSON(), requirementSets: { ExcelApi: excelApi } });
  const host = simExcelHost(sim);
  for (const v of inputValues(def, layout, sampleData())) sim.workbook.setCellValue(v.sheet, v.address, String(v.value), { force: true });
  const a = at("CAN_CU");
  const b = at("NHIEM_VU", 1);
  sim.workbook.setCellValue(a.sheet, a.cell, toTcvn3(CAN_CU), { force: true });
  sim.workbook.setCellValue(b.sheet, b.cell, toVni(NHIEM_VU), { force: true });
  await sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(a.sheet).getRange(a.cell).format.font.name = ".VnTime";
    ctx.workbook.worksheets.getItem(b.sheet).getRange(b.cell).format.font.name = "VNI-Times";
    await ctx.sync();
  });
  return { sim, host };
}

describe.each(["1.14", "1.4"])("Chuyển sang Unicode at ExcelApi %s", (excelApi) => {
  it("converts the TCVN3 and the VNI cell the check found, sets Times New Roman, changes nothing else, in two syncs", async () => {
    const { sim, host } = await workbookWithLegacyText(excelApi);
    const check = await checkAndMark(host, { def, layout }, { today });
    const legacy = check.problems.filter((p) => p.code === LEGACY_CODE);
    const a = at("CAN_CU");
    const b = at("NHIEM_VU", 1);
    expect(legacy.map((p) => `${p.sheet}!${p.cell}`)).toEqual([`${a.sheet}!${a.cell}`, `${b.sheet}!${b.cell}`]);
    const before = sim.workbook.toJSON();
    sim.resetSyncCount();
    const outcome = await convertLegacyCells(host, legacy);
    expect(sim.syncCount).toBe(2);
    expect(outcome.converted.map((c) => [c.cell, c.encoding, c.text])).toEqual([
      [a.cell, "tcvn3", CAN_CU],
      [b.cell, "vni", NHIEM_VU],
    ]);
    expect(sim.workbook.value(a.sheet, a.cell)).toBe(CAN_CU);
    expect(sim.workbook.value(b.sheet, b.cell)).toBe(NHIEM_VU);
    expect(sim.workbook.cell(a.sheet, a.cell).font.name).toBe(UNICODE_FONT);
    expect(sim.workbook.cell(b.sheet, b.cell).font.name).toBe(UNICODE_FONT);
    // nothing else: put the two cells back as they were and compare the whole workbook
    const after = createSimHost({ snapshot: sim.workbook.toJSON() });
    for (const [c, text, font] of [
      [a, toTcvn3(CAN_CU), ".VnTime"],
      [b, toVni(NHIEM_VU), "VNI-Times"],
    ] as const) {
      after.workbook.setCellValue(c.sheet, c.cell, text, { force: true });
      await after.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.font.name = font;
        await ctx.sync();
      });
    }
    expect(after.workbook.toJSON()).toEqual(before);
    // and the check no longer warns
    const again = await checkAndMark(host, { def, layout }, { today });
    expect(again.problems.filter((p) => p.code === LEGACY_CODE)).toEqual([]);
  });

  it("leaves a cell alone when its text is already Unicode, and refuses on a protected sheet", async () => {
    const { sim, host } = await workbookWithLegacyText(excelApi);
    const a = at("CAN_CU");
    sim.workbook.setCellValue(a.sheet, a.cell, CAN_CU, { force: true });
    const outcome = await convertLegacyCells(host, [a]);
    expect(outcome).toEqual({ converted: [], skipped: [{ ...a, reason: "notLegacy" }] });
    const b = at("NHIEM_VU", 1);
    sim.workbook.setProtected(b.sheet, true);
    const error = await convertLegacyCells(host, [b]).catch((e: unknown) => e);
    expect(describeError(error)).toMatch(/đang được bảo vệ/);
    expect(sim.workbook.value(b.sheet, b.cell)).toBe(toVni(NHIEM_VU));
  });
});
