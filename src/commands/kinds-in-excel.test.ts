/**
 * The dossier-settlement kind in the simulated Excel, through the same commands the pane and
 * the ribbon use: Tạo mẫu, typing the table, Kiểm tra marking a broken identity on its cell,
 * two units, Tổng hợp (a formula in every cell of the table body), Xuất báo cáo — with the
 * same round trips as the monthly report, whatever the number of units or rows.
 */
import JSZip from "jszip";
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { TableValue } from "../report/types";
import { buildLayout, inputValues } from "../workbook/layout";
import { addUnit, checkWorkbookInExcel, createTemplate, exportReport, rollup } from "./addin-commands";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const layout = buildLayout(def);
const today = new Date(2025, 9, 1);

const syncsOf = async (sim: SimHost, f: () => Promise<unknown>) => {
  sim.resetSyncCount();
  await f();
  return sim.syncCount;
};

async function madeAndTyped() {
  const sim = createSimHost({ sheets: ["Sheet1"] });
  const host = simExcelHost(sim);
  const made = await createTemplate(host, def.id);
  for (const v of inputValues(def, layout, sampleData(def.id))) sim.workbook.setCellValue(v.sheet, v.address, String(v.value), { force: true });
  return { sim, host, made };
}

describe("the dossier-settlement kind in Excel", () => {
  it("Tạo mẫu makes its sheets, the table and its total formulas, and a hidden sheet with its kind", async () => {
    const sim = createSimHost({ sheets: ["Sheet1"] });
    const host = simExcelHost(sim);
    expect(await syncsOf(sim, () => createTemplate(host, def.id))).toBe(2);
    expect(sim.workbook.sheetNames()).toEqual([...def.sheets.map((s) => s.name), "Danh sách đơn vị", "BaoCaoLoai", "Sheet1"]);
    expect(sim.workbook.value("Biểu 06", "C3")).toBe("Số hồ sơ nhận giải quyết");
    expect(sim.workbook.value("Biểu 06", "G4")).toBe("Tổng số");
    expect(sim.workbook.value("Biểu 06", "M5")).toBe("(13)");
    expect(sim.workbook.value("Biểu 06", "B16")).toBe("Tổng cộng");
    expect(sim.workbook.cell("Biểu 06", "C16").formula).toBe("=SUM(C6:C15)");
    expect(sim.workbook.cell("Biểu 06", "M16").formula).toBe("=SUM(M6:M15)");
    expect(sim.workbook.value("BaoCaoLoai", "B1")).toBe(def.id);
    // a workbook of another kind is refused, not mixed
    await expect(createTemplate(host, "bao-cao-cctthc-thang")).rejects.toThrow(/đã có mẫu của một loại báo cáo khác/);
  });

  it("Kiểm tra reads the kind from the workbook and marks a broken identity on its cell, in at most four syncs", async () => {
    const { sim, host } = await madeAndTyped();
    let result = await checkWorkbookInExcel(host, today);
    expect(result.definition.id).toBe(def.id);
    expect(result.problems).toEqual([]);
    sim.workbook.setCellValue("Biểu 06", "C7", "1750", { force: true }); // Hộ tịch (3) no longer the sum
    const syncs = await syncsOf(sim, async () => (result = await checkWorkbookInExcel(host, today)));
    expect(syncs).toBeLessThanOrEqual(4);
    expect(result.problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([
      ["Biểu 06", "C7", "table.rowSum"],
      ["Biểu 06", "C7", "table.rowExcess"], // (3) more than (7) + (11): returned or withdrawn, a warning
    ]);
    expect(sim.workbook.value("Biểu 06", "N7")).toMatch(/Dòng "Hộ tịch": \(3\) là 1750, nhưng \(4\) \+ \(5\) \+ \(6\) là 1745/);
  });

  it("two units, Tổng hợp in three syncs with a formula in every table cell, then Xuất báo cáo of the sums", async () => {
    const { sim, host } = await madeAndTyped();
    await addUnit(host, "Phường Một", def);
    await addUnit(host, "Phường Hai", def);
    const table = sampleData(def.id).values.BIEU_06 as TableValue;
    table.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        const address = `${String.fromCharCode(67 + c)}${6 + r}`;
        sim.workbook.setCellValue("Phường Một", address, String(v), { force: true });
        sim.workbook.setCellValue("Phường Hai", address, String((v ?? 0) * 2), { force: true });
      }),
    );
    for (const unit of ["Phường Một", "Phường Hai"]) table.rows.forEach((label, r) => sim.workbook.setCellValue(unit, `B${6 + r}`, label, { force: true }));
    let outcome: Awaited<ReturnType<typeof rollup>> | undefined;
    const syncs = await syncsOf(sim, async () => (outcome = await rollup(host, { confirmOverwrite: async () => true }, def)));
    expect(syncs).toBe(3);
    expect(outcome).toMatchObject({ status: "done", units: 2, written: 110 });
    expect(sim.workbook.value("Biểu 06", "C6")).toBe(8377 * 3);

    let file: Blob | undefined;
    const exported = await exportReport(host, { confirmWarnings: async () => true, deliver: async (doc) => ((file = doc), { kind: "downloaded" }), today });
    expect(exported).toMatchObject({ status: "exported", fileName: "bao-cao-giai-quyet-tthc-quy-3-2025.docx" });
    const xml = await (await JSZip.loadAsync(await file!.arrayBuffer())).file("word/document.xml")!.async("string");
    expect(xml).toContain("Tổng số hồ sơ tiếp nhận trong kỳ: 33.126 hồ sơ");
  });
});

describe("a computed column (sumOf) in Excel", () => {
  const own = structuredClone(def);
  own.fields.find((f) => f.id === "BIEU_06")!.table!.columns[0].sumOf = ["TRUC_TUYEN", "TRUC_TIEP", "TU_KY_TRUOC"];
  const ownLayout = buildLayout(own);

  async function made() {
    const sim = createSimHost({ sheets: ["Sheet1"] });
    const host = simExcelHost(sim);
    await createTemplate(host, own);
    for (const v of inputValues(own, ownLayout, sampleData(own.id))) sim.workbook.setCellValue(v.sheet, v.address, String(v.value), { force: true });
    return { sim, host };
  }

  it("Tạo mẫu puts the row's formula in every cell of the column, and Excel computes the sums", async () => {
    const { sim } = await made();
    expect(sim.workbook.cell("Biểu 06", "C6").formula).toBe("=D6+E6+F6");
    expect(sim.workbook.cell("Biểu 06", "C15").formula).toBe("=D15+E15+F15");
    expect(sim.workbook.value("Biểu 06", "C6")).toBe(8377);
    expect(sim.workbook.value("Biểu 06", "C16")).toBe(11042); // the total row adds the computed cells
  });

  it("Kiểm tra finds no problem, then a warning on a computed cell typed over", async () => {
    const { sim, host } = await made();
    expect((await checkWorkbookInExcel(host, today)).problems).toEqual([]);
    sim.workbook.setCellValue("Biểu 06", "C7", "1745", { force: true });
    const result = await checkWorkbookInExcel(host, today);
    expect(result.problems.map((p) => [p.cell, p.severity, p.code])).toEqual([["C7", "warning", "table.formulaOverwritten"]]);
    expect(sim.workbook.value("Biểu 06", "N7")).toMatch(/ô tính bằng công thức đã bị gõ đè/);
  });

  it("two units compute their own sums; Tổng hợp leaves the summary's row formula; Xuất báo cáo writes the sums", async () => {
    const { sim, host } = await made();
    await addUnit(host, "Phường Một", own);
    await addUnit(host, "Phường Hai", own);
    expect(sim.workbook.cell("Phường Một", "C6").formula).toBe("=D6+E6+F6");
    const table = sampleData(own.id).values.BIEU_06 as TableValue;
    table.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (c === 0) return; // computed
        const address = `${String.fromCharCode(67 + c)}${6 + r}`;
        sim.workbook.setCellValue("Phường Một", address, String(v), { force: true });
        sim.workbook.setCellValue("Phường Hai", address, String((v ?? 0) * 2), { force: true });
      }),
    );
    for (const unit of ["Phường Một", "Phường Hai"]) table.rows.forEach((label, r) => sim.workbook.setCellValue(unit, `B${6 + r}`, label, { force: true }));
    expect(sim.workbook.value("Phường Hai", "C6")).toBe(8377 * 2);
    const outcome = await rollup(host, { confirmOverwrite: async () => true }, own);
    expect(outcome).toMatchObject({ status: "done", units: 2, written: 100 });
    expect(sim.workbook.cell("Biểu 06", "C6").formula).toBe("=D6+E6+F6");
    expect(sim.workbook.cell("Biểu 06", "D6").formula).toBe("=SUM(DonViDau:DonViCuoi!D6)");
    expect(sim.workbook.value("Biểu 06", "C6")).toBe(8377 * 3);
    expect((await checkWorkbookInExcel(host, today)).problems).toEqual([]);

    let file: Blob | undefined;
    const exported = await exportReport(host, { confirmWarnings: async () => true, deliver: async (doc) => ((file = doc), { kind: "downloaded" }), today });
    expect(exported).toMatchObject({ status: "exported" });
    const xml = await (await JSZip.loadAsync(await file!.arrayBuffer())).file("word/document.xml")!.async("string");
    expect(xml).toContain("Tổng số hồ sơ tiếp nhận trong kỳ: 33.126 hồ sơ");
    expect(xml).toContain(">25.131<"); // Chứng thực's (3) in the appendix: 8.377 × 3
  });
});
