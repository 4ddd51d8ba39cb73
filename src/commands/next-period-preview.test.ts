/**
 * "Kỳ mới" and "Xem trước" on the simulated Excel: the new workbook's bytes (opened with
 * Excel.createWorkbook, or handed over as a file), the open workbook left as it was, a
 * constant number of round trips; the preview's .docx built even while the workbook has errors.
 */
import JSZip from "jszip";
import { createSimHost } from "../../dev/excel-sim";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { checkWorkbook } from "../workbook/check-workbook";
import { buildLayout, inputValues } from "../workbook/layout";
import { officeAdditionsOf, OWN_SHEET, OWN_TEXT, withOfficeAdditions } from "../workbook/office-additions-testing";
import { readXlsxSnapshot } from "../workbook/xlsx-read";
import { buildWorkbook, workbookBytes } from "../workbook/xlsx-write";
import { toTcvn3 } from "../text/legacy-vn";
import { addUnit, createTemplate, nextPeriodWorkbook, previewReport } from "./addin-commands";

const def = loadDefinition();

async function filled(units: string[] = []) {
  const sim = createSimHost({ sheets: ["Sheet1"] });
  const host = simExcelHost(sim);
  await createTemplate(host);
  for (const v of inputValues(def, buildLayout(def), sampleData())) sim.workbook.setCellValue(v.sheet, v.address, v.value);
  for (const u of units) await addUnit(host, u);
  return { sim, host };
}

const fromBase64 = (b64: string) => Uint8Array.from(Buffer.from(b64, "base64"));

describe("nextPeriodWorkbook", () => {
  it("opens tháng 12/2024 with Excel.createWorkbook, in two round trips however many sheets, leaving the workbook as it was", async () => {
    for (const units of [[], ["Xã A", "Xã B", "Xã C", "Xã D"]]) {
      const { sim, host } = await filled(units);
      const before = JSON.stringify(sim.workbook.toJSON());
      const opened: string[] = [];
      const deliver = jest.fn();
      sim.resetSyncCount();
      const outcome = await nextPeriodWorkbook({ ...host, createWorkbook: async (b64) => void opened.push(b64) }, { keepText: false, deliver });
      expect(sim.syncCount).toBe(2);
      expect(outcome).toMatchObject({
        status: "opened",
        from: "tháng 11 năm 2024",
        to: "tháng 12 năm 2024",
        units: units.length,
        fileName: "bao-cao-cctthc-thang-12-2024.xlsx",
        rewrites: "", // the sample's kept texts name no period
      });
      expect(deliver).not.toHaveBeenCalled();
      expect(JSON.stringify(sim.workbook.toJSON())).toBe(before);
      const data = checkWorkbook(def, buildLayout(def), await readXlsxSnapshot(fromBase64(opened[0]))).data;
      expect([data.values.THANG, data.values.NAM, data.values.NGUOI_KY]).toEqual([12, 2024, "Nguyễn Quốc Khánh"]);
      expect(data.values.DANH_GIA_CHUNG).toEqual([]);
      expect(data.previous?.period).toBe("tháng 11 năm 2024");
    }
  });

  it("hands the .xlsx over like the report where Excel cannot open a new workbook (below ExcelApi 1.8, or no createWorkbook); keeps the text when asked", async () => {
    const sim = createSimHost({ sheets: ["Sheet1"], requirementSets: { ExcelApi: "1.7" } });
    const host = simExcelHost(sim);
    await createTemplate(host);
    for (const v of inputValues(def, buildLayout(def), sampleData())) sim.workbook.setCellValue(v.sheet, v.address, v.value);
    const createWorkbook = jest.fn();
    let file: Blob | undefined;
    const outcome = await nextPeriodWorkbook(
      { ...host, createWorkbook },
      {
        keepText: true,
        deliver: async (blob, name) => {
          file = blob;
          expect(name).toBe("bao-cao-cctthc-thang-12-2024.xlsx");
          return { kind: "downloaded" };
        },
      },
    );
    expect(createWorkbook).not.toHaveBeenCalled();
    expect(outcome).toMatchObject({ status: "delivered", delivery: { kind: "downloaded" } });
    const data = checkWorkbook(def, buildLayout(def), await readXlsxSnapshot(new Uint8Array(await file!.arrayBuffer()))).data;
    expect(data.values.DANH_GIA_CHUNG).toEqual(sampleData().values.DANH_GIA_CHUNG);
  });

  it("carries what the office added (own sheet, chart, comment, width, conditional format) when Office hands the file over; says what is not carried when it cannot", async () => {
    const { sim, host } = await filled();
    // the file Office would hand over: the same workbook, with the office's additions
    sim.documentBytes = await withOfficeAdditions(await workbookBytes(buildWorkbook(def, buildLayout(def), sampleData())));
    const opened: string[] = [];
    sim.resetSyncCount();
    const outcome = await nextPeriodWorkbook({ ...host, createWorkbook: async (b64) => void opened.push(b64) }, { keepText: false, deliver: jest.fn() });
    expect(sim.syncCount).toBe(2); // the file comes outside the round trips
    expect(sim.openFiles).toBe(0);
    expect(outcome).toMatchObject({ status: "opened", to: "tháng 12 năm 2024" });
    expect(outcome).not.toHaveProperty("notKept");
    const bytes = fromBase64(opened[0]);
    const kept = await officeAdditionsOf(bytes);
    expect(kept.ownSheet).toMatchObject({ landscape: true, chart: true, formula: "'I. Kết quả'!C12*2" });
    expect(kept.ownSheet.cells).toMatchObject({ A2: "Tháng 9", B2: "14", A6: toTcvn3(OWN_TEXT) });
    expect(kept).toMatchObject({
      widthB: 77,
      conditionalFormat: true,
      comment: expect.stringContaining("Ghi chú của văn phòng"),
      tcvnCell: { font: ".VnTime" },
    });
    const snapshot = await readXlsxSnapshot(bytes);
    expect(snapshot.sheets.map((s) => s.name)).toContain(OWN_SHEET);
    const data = checkWorkbook(def, buildLayout(def), snapshot).data;
    expect([data.values.THANG, data.values.NAM, data.values.PAKN_TONG, data.values.DANH_GIA_CHUNG]).toEqual([12, 2024, null, []]);
    expect(data.previous?.period).toBe("tháng 11 năm 2024");

    // a host that cannot hand the file over: rebuilt, and the pane is told what is not carried
    sim.documentBytes = undefined;
    const rebuilt = await nextPeriodWorkbook({ ...host, createWorkbook: async () => undefined }, { keepText: false, deliver: jest.fn() });
    expect(rebuilt).toMatchObject({ status: "opened", notKept: expect.stringContaining("không cho add-in lấy tệp sổ đang mở") });
  });

  it("refuses a workbook whose period cannot be read", async () => {
    const { sim, host } = await filled();
    sim.workbook.setCellValue("Thông tin chung", buildLayout(def).sheets[0].inputs.find((i) => i.fieldId === def.period.month)!.first, "");
    const outcome = await nextPeriodWorkbook(host, { keepText: false, deliver: jest.fn() });
    expect(outcome).toMatchObject({ status: "refused", message: expect.stringContaining("Chưa đọc được kỳ báo cáo") });
  });
});

describe("previewReport", () => {
  it("builds the report's .docx from the workbook as it is, with its problems, without writing anything", async () => {
    const { sim, host } = await filled();
    sim.workbook.setCellValue("Thông tin chung", buildLayout(def).sheets[0].inputs.find((i) => i.fieldId === def.document.frame.symbol)!.first, "");
    const before = JSON.stringify(sim.workbook.toJSON());
    sim.resetSyncCount();
    const result = await previewReport(host);
    expect(sim.syncCount).toBe(2);
    expect(JSON.stringify(sim.workbook.toJSON())).toBe(before);
    expect(result.problems.some((p) => p.severity === "error")).toBe(true);
    expect(result.fileName).toBe("bao-cao-cctthc-thang-11-2024.docx");
    const xml = await (await JSZip.loadAsync(await result.document.arrayBuffer())).file("word/document.xml")!.async("string");
    expect(xml).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(xml).toContain("BÁO CÁO");
  });
});
