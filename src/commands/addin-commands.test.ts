/**
 * The unit commands (Thêm đơn vị, Nhập từ tệp, Tổng hợp) on the simulated Excel: what the
 * pane gets back, and what the workbook holds after.
 */
import { buildUnitWorkbook, workbookBuffer } from "../cli/xlsx";
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { buildLayout, inputValues } from "../workbook/layout";
import type { ImportStep } from "./addin-commands";
import { addUnit, checkWorkbookInExcel, createTemplate, exportReport, importUnits, rollup, type TypedSummaryCell } from "./addin-commands";

const def = loadDefinition();

async function template(requirementSets?: Record<string, string>): Promise<{ sim: SimHost; host: ReturnType<typeof simExcelHost> }> {
  const sim = createSimHost({ sheets: ["Sheet1"], ...(requirementSets ? { requirementSets } : {}) });
  const host = simExcelHost(sim);
  await createTemplate(host);
  return { sim, host };
}

const between = (sim: SimHost) => {
  const names = sim.workbook.sheetNames();
  return names.slice(names.indexOf("DonViDau") + 1, names.indexOf("DonViCuoi"));
};

describe("addUnit", () => {
  it("adds a unit sheet under the unit's name, between the bookends", async () => {
    const { sim, host } = await template();
    expect(await addUnit(host, "Phường Bần Yên Nhân")).toEqual({
      status: "added",
      unitName: "Phường Bần Yên Nhân",
      sheet: "Phường Bần Yên Nhân",
      renamed: false,
    });
    expect(between(sim)).toEqual(["Phường Bần Yên Nhân"]);
    expect(sim.workbook.value("Phường Bần Yên Nhân", "F2")).toBe("Phường Bần Yên Nhân");
  });

  it("says when the sheet name had to differ from the unit's name", async () => {
    const { host } = await template();
    expect(await addUnit(host, "Xã O'Brien: mới / thử")).toMatchObject({ status: "added", sheet: "Xã O'Brien mới thử", renamed: true });
    expect(await addUnit(host, "xã o'brien mới thử")).toMatchObject({ status: "added", sheet: "xã o'brien mới thử (2)", renamed: true });
  });

  it("refuses a name with nothing usable, with the message", async () => {
    const { sim, host } = await template();
    const before = sim.workbook.sheetNames();
    expect(await addUnit(host, " ?? ")).toEqual({ status: "refused", message: expect.stringMatching(/không dùng được làm tên trang tính/) });
    expect(sim.workbook.sheetNames()).toEqual(before);
  });
});

describe("rollup", () => {
  it("says plainly when there is no unit", async () => {
    const { host } = await template();
    expect(await rollup(host, { confirmOverwrite: jest.fn() })).toEqual({
      status: "noUnits",
      message: 'Chưa có trang đơn vị nào để tổng hợp. Bấm "Thêm đơn vị" hoặc "Nhập từ tệp" trước.',
    });
  });

  it("asks with the cells' labels before replacing typed values; keeping them writes the other formulas", async () => {
    const { sim, host } = await template();
    sim.workbook.setCellValue("I. Kết quả", "C12", "9");
    await addUnit(host, "Xã A");
    await addUnit(host, "Xã B");
    sim.workbook.setCellValue("Xã A", "C13", "2");
    sim.workbook.setCellValue("Xã B", "C13", "3");
    const asked: TypedSummaryCell[][] = [];
    const r = await rollup(host, { confirmOverwrite: async (cells) => (asked.push(cells), false) });
    expect(asked).toEqual([[{ sheet: "I. Kết quả", cell: "C12", value: 9, label: def.fields.find((f) => f.id === "PAKN_TONG")!.label }]]);
    expect(r).toMatchObject({ status: "done", units: 2, sheet: "I. Kết quả", kept: [{ sheet: "I. Kết quả", cell: "C12", label: expect.any(String) }] });
    expect(sim.workbook.value("I. Kết quả", "C12")).toBe(9);
    expect(sim.workbook.value("I. Kết quả", "C13")).toBe(5);

    const again = await rollup(host, { confirmOverwrite: async () => true });
    expect(again).toMatchObject({ status: "done", kept: [] });
    expect(sim.workbook.cell("I. Kết quả", "C12").formula).toBe("=SUM(DonViDau:DonViCuoi!C12)");
  });
});

describe("importUnits", () => {
  it("imports through the lazily loaded module, with progress, and Kiểm tra then lists the unit sheets", async () => {
    const { sim, host } = await template({ ExcelApi: "1.12" });
    const unit = buildUnitWorkbook(def, "Phường Dị Sử", { PAKN_TONG: 4 });
    const files = [
      { name: "di-su.xlsx", bytes: new Uint8Array(await workbookBuffer(unit.workbook)) },
      { name: "hong.xlsx", bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) },
    ];
    const steps: ImportStep[] = [];
    const r = await importUnits(host, files, (s) => steps.push(s));
    expect(r).toEqual({
      imported: [{ file: "di-su.xlsx", unitName: "Phường Dị Sử", sheet: "Phường Dị Sử", renamed: false }],
      rejected: [{ file: "hong.xlsx", message: expect.stringMatching(/bị hỏng/) }],
      method: "copy",
    });
    expect(steps.map((s) => s.kind)).toEqual(["reading", "reading", "writing"]);
    expect(sim.workbook.value("Phường Dị Sử", "C12")).toBe(4);

    const check = await checkWorkbookInExcel(host, new Date(2024, 11, 1));
    expect(check.unitSheets.map((u) => u.sheet)).toEqual(["Phường Dị Sử"]);
  });
});

describe("exportReport", () => {
  const typeSample = (sim: SimHost) => {
    for (const v of inputValues(def, buildLayout(def), sampleData())) sim.workbook.setCellValue(v.sheet, v.address, String(v.value), { force: true });
  };
  const today = new Date(2024, 11, 1);

  it("refuses with the errors, marks their cells and delivers nothing", async () => {
    const { sim, host } = await template();
    typeSample(sim);
    sim.workbook.setCellValue("I. Kết quả", "C12", "mười", { force: true });
    const deliver = jest.fn();
    const confirmWarnings = jest.fn();
    const outcome = await exportReport(host, { deliver, confirmWarnings, today });
    expect(outcome.status).toBe("refused");
    if (outcome.status === "refused") expect(outcome.problems[0]).toMatchObject({ severity: "error", sheet: "I. Kết quả", cell: "C12", code: "count.text" });
    expect(deliver).not.toHaveBeenCalled();
    expect(confirmWarnings).not.toHaveBeenCalled();
    expect(sim.workbook.cell("I. Kết quả", "C12").fill).toBe("#FFC7CE");
  });

  it("asks about warnings, and going back delivers nothing", async () => {
    const { sim, host } = await template();
    typeSample(sim);
    const deliver = jest.fn();
    const outcome = await exportReport(host, { deliver, confirmWarnings: async () => false, today });
    expect(outcome).toMatchObject({ status: "cancelled", warnings: [expect.objectContaining({ code: "noiNhan.semicolon" })] });
    expect(deliver).not.toHaveBeenCalled();
  });

  it("with the go-ahead, delivers a .docx named after the period", async () => {
    const { sim, host } = await template();
    typeSample(sim);
    const deliver = jest.fn(async () => ({ kind: "downloaded" as const }));
    const outcome = await exportReport(host, { deliver, confirmWarnings: async () => true, today });
    expect(outcome).toMatchObject({ status: "exported", fileName: "bao-cao-cctthc-thang-11-2024.docx", delivery: { kind: "downloaded" } });
    const [blob, name] = deliver.mock.calls[0] as unknown as [Blob, string];
    expect(name).toBe("bao-cao-cctthc-thang-11-2024.docx");
    expect(blob.size).toBeGreaterThan(5000);
  });
});
