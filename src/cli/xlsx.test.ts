import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { emptyData } from "../report/definition";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { absolute, parseRange, sheetRef } from "../report/refs";
import { UNIT_MARKER } from "../report/rollup";
import { checkWorkbook, formatProblem } from "../workbook/check-workbook";
import { buildLayout, inputOf, INPUT_FILL } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { unitFiguresOf } from "../workbook/unit-workbook";
import { rollupFields } from "../workbook/units";
import { buildRollupWorkbook, buildUnitWorkbook, buildWorkbook, definedNamesOf, readSnapshot, setFormulas, workbookBuffer, XlsxFormatError } from "./xlsx";

/** A Date as Excel's serial number (1900 or 1904 date system), to check what the file stores. */
function excelSerial(date: Date, date1904 = false): number {
  const serial = date.getTime() / 86400000 + 25569 - (date1904 ? 1462 : 0);
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-9 ? whole : Math.round(serial * 1e10) / 1e10;
}

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);
const KET_QUA = "I. Kết quả";
const DANH_GIA = "II. Đánh giá";

async function sampleBuffer(): Promise<Buffer> {
  return workbookBuffer(buildWorkbook(def, layout, sampleData()));
}
async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}
/** Replaces xl/workbook.xml of a package by edit(it). */
async function editWorkbookXml(buf: Buffer, edit: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  zip.file("xl/workbook.xml", edit(await zip.file("xl/workbook.xml")!.async("string")));
  return zip.generateAsync({ type: "nodebuffer" });
}
const standardNames = () => Object.fromEntries(layout.names.map((n) => [n.name, sheetRef(n.sheet, n.ref)]));
const sheetOf = (s: WorkbookSnapshot, name: string) => s.sheets.find((x) => x.name === name)!;
const zeroFigures = () => Object.fromEntries(rollupFields(def).map((f) => [f.id, 0]));

describe("buildWorkbook → readSnapshot round trip", () => {
  it("a blank workbook reads back as exactly the layout's labels and names", async () => {
    const snapshot = await readSnapshot(await workbookBuffer(buildWorkbook(def, layout)));
    expect(snapshot.sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    for (const sheet of layout.sheets) {
      const labels = Object.fromEntries(sheet.cells.filter((c) => c.value !== null).map((c) => [c.address, c.value]));
      expect(sheetOf(snapshot, sheet.name).cells).toEqual(labels);
      expect(sheetOf(snapshot, sheet.name).formulas).toBeUndefined();
    }
    expect(snapshot.names).toEqual(standardNames());
    const check = checkWorkbook(def, layout, snapshot, { today });
    expect(check.isReportWorkbook).toBe(true);
    expect(check.missingSheets).toEqual([]);
    expect(check.data.values).toEqual({ ...emptyData(def).values, ...Object.fromEntries(def.fields.filter((f) => f.kind === "text").map((f) => [f.id, ""])) });
  });

  it("the sample reads back exactly as the sample data, with its one warning", async () => {
    const check = checkWorkbook(def, layout, await readSnapshot(await sampleBuffer()), { today });
    expect(check.data.values).toEqual(sampleData().values);
    expect(check.problems.map(formatProblem)).toEqual([
      'Thông tin chung!B28: [Cảnh báo] Dòng nơi nhận "Chủ tịch, các Phó Chủ tịch UBND thị xã" nên kết thúc bằng dấu chấm phẩy (;).',
    ]);
  });

  it("reads a file from its path too", async () => {
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "bao-cao-xlsx-")), "so.xlsx");
    writeFileSync(file, await sampleBuffer());
    expect((await readSnapshot(file)).names).toEqual(standardNames());
  });
});

describe("what buildWorkbook writes", () => {
  it("writes one workbook-level defined name per field, as Excel writes them", async () => {
    const buf = await sampleBuffer();
    const xml = await (await JSZip.loadAsync(buf)).file("xl/workbook.xml")!.async("string");
    // a single cell and a range, sheet names quoted (XML-escaped in the file)
    expect(xml).toContain(`<definedName name="PAKN_TONG">&apos;I. Kết quả&apos;!$C$12</definedName>`);
    expect(xml).toContain(`<definedName name="DANH_GIA_CHUNG">&apos;II. Đánh giá&apos;!$B$5:$B$14</definedName>`);
    // workbook-level: no field name is scoped to a sheet (only Excel's own print titles are)
    expect(xml).not.toMatch(/<definedName name="[A-Z0-9_]+" localSheetId/);
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;I. Kết quả&apos;!$1:$3</definedName>`);
    expect(definedNamesOf(xml)).toEqual(standardNames());
    expect(Object.keys(definedNamesOf(xml))).toHaveLength(def.fields.length + 1); // and the name that spells the kind
  });

  it("styles input cells (yellow fill, number format, font) and validates numeric inputs", async () => {
    const wb = await load(await sampleBuffer());
    const ws = wb.getWorksheet(KET_QUA)!;
    const count = ws.getCell(inputOf(layout, "PAKN_TONG").input.first);
    expect(count.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FF" + INPUT_FILL.slice(1) } });
    expect(count.numFmt).toBe("0");
    expect(count.font).toMatchObject({ name: "Times New Roman", size: 12 });
    expect(count.border).toMatchObject({ top: { style: "thin" }, bottom: { style: "thin" } });
    expect(count.dataValidation).toMatchObject({
      type: "whole",
      operator: "between",
      formulae: [0, 999999999],
      showErrorMessage: true,
      error: "Nhập số nguyên từ 0 trở lên (không có thì nhập 0).",
      showInputMessage: true,
      prompt: "Tổng số PAKN đã tiếp nhận",
    });
    const month = wb.getWorksheet("Thông tin chung")!.getCell(inputOf(layout, "THANG").input.first);
    expect(month.dataValidation).toMatchObject({ type: "whole", formulae: [1, 12] });
    expect(month.value).toBe(11);

    const text = wb.getWorksheet(DANH_GIA)!.getCell(inputOf(layout, "DANH_GIA_CHUNG").input.first);
    expect(text.numFmt).toBe("@");
    expect(text.alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(text.fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(text.dataValidation).toBeUndefined();
    expect(String(text.value)).toMatch(/^Công tác cải cách hành chính/);
  });

  it("applies widths, titles, merges and frozen header rows of every sheet", async () => {
    const wb = await load(await workbookBuffer(buildWorkbook(def, layout)));
    expect(wb.worksheets.map((w) => w.name)).toEqual(layout.sheets.map((s) => s.name));
    for (const sheet of layout.sheets.filter((s) => !s.hidden)) {
      const ws = wb.getWorksheet(sheet.name)!;
      sheet.columns.forEach((c) => expect(ws.getColumn(c.letter).width).toBe(c.width));
      expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14, color: { argb: "FF1F3864" } });
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      expect([...merges].sort()).toEqual([...sheet.merges].sort());
    }
  });
});

describe("readSnapshot on files edited by users", () => {
  it("reads a list into which a row was inserted, once the names moved as Excel moves them", async () => {
    const wb = await load(await sampleBuffer());
    const before = wb.definedNames.model;
    const { first } = inputOf(layout, "DANH_GIA_CHUNG").input; // B5, three lines in B5:B7
    const at = parseRange(first).start.row + 1; // insert a row between the first two lines
    wb.getWorksheet(DANH_GIA)!.insertRow(at, [null, "Đoạn văn chèn thêm."]);
    // Excel: a name on that sheet below the new row moves down; a range spanning it grows.
    // (ExcelJS only moves each cell, leaving a hole: B5:B5,B7:B15.)
    wb.definedNames.model = before.map(({ name, ranges }) => ({
      name,
      ranges: ranges.map((r) => {
        if (!r.startsWith(`'${DANH_GIA}'!`)) return r;
        return r.replace(/\$(\d+)/g, (m, row: string) => (Number(row) >= at ? `$${Number(row) + 1}` : m));
      }),
    }));
    const snapshot = await readSnapshot(await workbookBuffer(wb));
    expect(snapshot.names.DANH_GIA_CHUNG).toBe(`'${DANH_GIA}'!$B$5:$B$15`);
    const check = checkWorkbook(def, layout, snapshot, { today });
    const lines = sampleData().values.DANH_GIA_CHUNG as string[];
    expect(check.data.values.DANH_GIA_CHUNG).toEqual([lines[0], "Đoạn văn chèn thêm.", ...lines.slice(1)]);
    // the lists below it are found at their new place
    expect(check.data.values.TON_TAI).toEqual(sampleData().values.TON_TAI);
    expect(check.locations.TON_TAI.ref).toBe("B18:B27");
    expect(check.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reads error cells as errors, cached formula results, and formulas without a result as null", async () => {
    const wb = await load(await sampleBuffer());
    const ws = wb.getWorksheet(KET_QUA)!;
    ws.getCell("C5").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    ws.getCell("C6").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    ws.getCell("C8").value = { formula: "SUM(C9:C10)", result: 7 } as ExcelJS.CellFormulaValue;
    ws.getCell("C9").value = { formula: "'Xã A'!C9+'Xã B'!C9" } as ExcelJS.CellFormulaValue;
    const snapshot = await readSnapshot(await workbookBuffer(wb));
    const sheet = sheetOf(snapshot, KET_QUA);
    expect(sheet.cells.C5).toEqual({ error: "#REF!" });
    expect(sheet.cells.C6).toEqual({ error: "#DIV/0!" });
    expect(sheet.cells.C8).toBe(7);
    expect(sheet.cells.C9).toBeNull();
    expect(sheet.formulas).toEqual({ C6: "=1/0", C8: "=SUM(C9:C10)", C9: "='Xã A'!C9+'Xã B'!C9" });
    const problems = checkWorkbook(def, layout, snapshot, { today }).problems;
    expect(problems.filter((p) => p.code === "value.error").map((p) => p.cell)).toEqual(["C5", "C6"]);
  });

  it("reads dates as Excel serial numbers, in both date systems", async () => {
    for (const [date1904, serial] of [
      [false, 45626],
      [true, 45626 - 1462],
    ] as const) {
      const wb = await load(await sampleBuffer());
      wb.properties.date1904 = date1904;
      const cell = wb.getWorksheet("Thông tin chung")!.getCell("D5");
      cell.value = new Date(Date.UTC(2024, 10, 30));
      cell.numFmt = "dd/mm/yyyy";
      wb.getWorksheet("Thông tin chung")!.getCell("D6").value = new Date(Date.UTC(2024, 10, 30, 12));
      const snapshot = await readSnapshot(await workbookBuffer(wb));
      expect(sheetOf(snapshot, "Thông tin chung").cells.D5).toBe(serial);
      expect(sheetOf(snapshot, "Thông tin chung").cells.D6).toBe(serial + 0.5);
    }
    expect(excelSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2); // Excel's fictitious 29/02/1900
  });

  it("reads rich text and hyperlinks as their text, booleans as booleans, and skips merged cells", async () => {
    const wb = await load(await sampleBuffer());
    const ws = wb.getWorksheet(DANH_GIA)!;
    ws.getCell("B5").value = { richText: [{ text: "Chữ " }, { font: { bold: true }, text: "đậm" }, { text: " và thường." }] };
    ws.getCell("B6").value = { text: "Cổng Dịch vụ công quốc gia", hyperlink: "https://dichvucong.gov.vn" };
    ws.getCell("C5").value = true;
    const snapshot = await readSnapshot(await workbookBuffer(wb));
    const sheet = sheetOf(snapshot, DANH_GIA);
    expect(sheet.cells.B5).toBe("Chữ đậm và thường.");
    expect(sheet.cells.B6).toBe("Cổng Dịch vụ công quốc gia");
    expect(sheet.cells.C5).toBe(true);
    expect(sheet.cells.B1).toBeUndefined(); // A1:C1 is merged: only A1 holds the title
    expect(sheet.cells.A1).toBe(def.sheets.find((s) => s.name === DANH_GIA)!.title);
  });

  it("reads a broken name as #REF!, and ignores sheet-level and Excel's own names", async () => {
    const buf = await editWorkbookXml(await sampleBuffer(), (xml) =>
      xml
        .replace(/(<definedName name="PAKN_TONG">)[^<]*/, "$1&apos;I. Kết quả&apos;!#REF!")
        .replace(/(<definedName name="TON_TAI">)[^<]*/, "$1#REF!")
        .replace(
          "</definedNames>",
          `<definedName name="LOCAL" localSheetId="1">&apos;I. Kết quả&apos;!$C$6</definedName>` +
            `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;Thông tin chung&apos;!$A$1:$D$33</definedName>` +
            `<definedName name="_xlnm._FilterDatabase" hidden="1">&apos;I. Kết quả&apos;!$A$3:$E$19</definedName>` +
            `<definedName name="HAI_VUNG">&apos;I. Kết quả&apos;!$C$5,&apos;I. Kết quả&apos;!$C$6</definedName>` +
            `</definedNames>`,
        ),
    );
    const snapshot = await readSnapshot(buf);
    expect(snapshot.names.PAKN_TONG).toBe("#REF!");
    expect(snapshot.names.TON_TAI).toBe("#REF!");
    expect(snapshot.names.HAI_VUNG).toBe("'I. Kết quả'!$C$5,'I. Kết quả'!$C$6");
    expect(Object.keys(snapshot.names).filter((n) => n === "LOCAL" || n.startsWith("_xlnm"))).toEqual([]);
    const problems = checkWorkbook(def, layout, snapshot, { today }).problems.filter((p) => p.code === "name.broken");
    expect(problems.map((p) => p.fieldId).sort()).toEqual(["PAKN_TONG", "TON_TAI"]);
  });
});

describe("definedNamesOf", () => {
  it("decodes entities and accepts prefixed and empty elements", () => {
    const xml =
      `<x:definedNames><x:definedName name="A_B">&apos;Xã O&apos;&apos;Brien &amp; C&apos;!$C$5</x:definedName>` +
      `<x:definedName name='EMPTY'/><x:definedName name="NUM">&#x27;Q&#39;!$A$1</x:definedName></x:definedNames>`;
    expect(definedNamesOf(xml)).toEqual({ A_B: "'Xã O''Brien & C'!$C$5", EMPTY: "", NUM: "'Q'!$A$1" });
  });
});

describe("files that are not .xlsx workbooks", () => {
  async function zipOf(files: Record<string, string>): Promise<Buffer> {
    const zip = new JSZip();
    for (const [p, c] of Object.entries(files)) zip.file(p, c);
    return zip.generateAsync({ type: "nodebuffer" });
  }
  const rels = (target: string) =>
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

  it.each<[string, string, () => Promise<Buffer> | Buffer]>([
    ["an empty file", "empty", () => Buffer.alloc(0)],
    ["a text file", "notZip", () => Buffer.from("Họ và tên;Số\nA;1\n", "utf8")],
    ["an .xls (OLE) file", "ole", () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])],
    ["a truncated zip", "corruptZip", async () => (await sampleBuffer()).subarray(0, 300)],
    ["a Word document", "docx", () => zipOf({ "_rels/.rels": rels("word/document.xml"), "word/document.xml": "<w:document/>" })],
    ["a PowerPoint file", "pptx", () => zipOf({ "_rels/.rels": rels("ppt/presentation.xml"), "ppt/presentation.xml": "<p/>" })],
    ["an .xlsb", "xlsb", () => zipOf({ "_rels/.rels": rels("xl/workbook.bin"), "xl/workbook.bin": "x" })],
    ["an .ods", "ods", () => zipOf({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" })],
    ["a workbook part that is not XML", "corruptWorkbook", () => zipOf({ "xl/workbook.xml": "not xml <<" })],
    ["some other zip", "notWorkbook", () => zipOf({ "a.txt": "x" })],
  ])("%s → XlsxFormatError(%s)", async (_name, problem, make) => {
    const error = await readSnapshot(await make()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsxFormatError);
    expect((error as XlsxFormatError).problem).toBe(problem);
  });

  it("lets file-system errors through", async () => {
    await expect(readSnapshot("/nonexistent/so.xlsx")).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("unit workbooks and rolled-up workbooks", () => {
  const unitCells = () => Object.fromEntries(rollupFields(def).map((f) => [f.id, inputOf(layout, f.id).input.first]));

  it("a unit workbook: one unit sheet, marker and name, the summary cells' defined names on the unit's cells", async () => {
    const built = buildUnitWorkbook(def, "Xã O'Brien Hòa Phong", { PAKN_TONG: 4, PAKN_DUNG_HAN: 4 });
    expect(built).toMatchObject({ sheet: "Xã O'Brien Hòa Phong", unitName: "Xã O'Brien Hòa Phong", renamed: false });
    const buf = await workbookBuffer(built.workbook);
    const xml = await (await JSZip.loadAsync(buf)).file("xl/workbook.xml")!.async("string");
    expect(xml).toContain(`<definedName name="PAKN_TONG">&apos;Xã O&apos;&apos;Brien Hòa Phong&apos;!$C$12</definedName>`);
    const s = await readSnapshot(buf);
    expect(s.sheets.map((x) => x.name)).toEqual(["Xã O'Brien Hòa Phong", "BaoCaoLoai"]);
    expect(s.sheets[0].cells).toMatchObject({ F1: UNIT_MARKER, F2: "Xã O'Brien Hòa Phong", C12: 4, C13: 4 });
    expect(s.names).toEqual({
      ...Object.fromEntries(Object.entries(unitCells()).map(([id, cell]) => [id, sheetRef("Xã O'Brien Hòa Phong", absolute(cell))])),
      "BaoCaoLoai.bao_cao_cctthc_thang": "BaoCaoLoai!$B$1",
    });
    expect(unitFiguresOf(def, s)[0].values).toMatchObject({ PAKN_TONG: 4, PAKN_DUNG_HAN: 4, PAKN_QUA_HAN: null });
    expect(() => buildUnitWorkbook(def, "*?")).toThrow(/không dùng được làm tên trang tính/);
  });

  it("a rolled-up workbook: standard sheets, units between the bookends, formulas without cached results that our reader sums", async () => {
    const units = [
      { sheet: "Xã A", unitName: "Xã A", values: { ...zeroFigures(), PAKN_TONG: 2, PAKN_DUNG_HAN: 2, TTHC_NB_CONG_BO: 1 } },
      { sheet: "Xã O'Brien", unitName: "Xã O'Brien", values: { ...zeroFigures(), PAKN_TONG: 5, PAKN_DUNG_HAN: 3, PAKN_DANG_XU_LY: 2 } },
    ];
    const buf = await workbookBuffer(buildRollupWorkbook(def, units, sampleData()));
    const zip = await JSZip.loadAsync(buf);
    // Excel recalculates on load; no cached value is written
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"/);
    const ketQuaXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(ketQuaXml).toContain(`<c r="C12" s="`);
    expect(ketQuaXml).toMatch(/<c r="C12"[^>]*><f>SUM\(DonViDau:DonViCuoi!C12\)<\/f><\/c>/);
    expect(ketQuaXml).not.toMatch(/<f>[^<]*<\/f><v>/);

    const s = await readSnapshot(buf);
    expect(s.sheets.map((x) => x.name)).toEqual([...layout.sheets.map((x) => x.name), "DonViDau", "Xã A", "Xã O'Brien", "DonViCuoi", def.unitResults!.sheet]);
    expect(s.names).toEqual(standardNames());
    const ketQua = sheetOf(s, KET_QUA);
    expect(ketQua.formulas?.C12).toBe("=SUM(DonViDau:DonViCuoi!C12)");
    expect(ketQua.cells.C12).toBeNull();
    const check = checkWorkbook(def, layout, s, { today });
    expect(check.data.values).toMatchObject({
      PAKN_TONG: 7,
      PAKN_DUNG_HAN: 5,
      PAKN_DANG_XU_LY: 2,
      TTHC_NB_CONG_BO: 1,
      THANG: 11,
      NGUOI_KY: "Nguyễn Quốc Khánh",
    });
    expect(check.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("bookend sheets have no frozen rows or repeated print titles", async () => {
    const wb = buildRollupWorkbook(def, [{ sheet: "Xã A", unitName: "Xã A", values: zeroFigures() }]);
    const bookend = wb.getWorksheet("DonViDau")!;
    expect(bookend.views[0]).toMatchObject({ state: "normal" });
    expect(bookend.pageSetup.printTitlesRow).toBeUndefined();
    expect(wb.getWorksheet("Xã A")!.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const xml = await (await JSZip.loadAsync(await workbookBuffer(wb))).file("xl/workbook.xml")!.async("string");
    // DonViDau is the 8th sheet: the standard ones, the list of units expected to send, the hidden kind sheet
    expect(xml).toMatch(/<sheet sheetId="8" name="DonViDau"/);
    expect(xml).not.toMatch(/Print_Titles" localSheetId="7"/);
    expect(xml).not.toMatch(/DonVi(Dau|Cuoi)!\$1/);
  });

  it("setFormulas takes a formula with or without its leading =", async () => {
    const wb = buildWorkbook(def, layout);
    setFormulas(wb, [
      { sheet: KET_QUA, cell: "C5", formula: "=SUM(DonViDau:DonViCuoi!C5)" },
      { sheet: KET_QUA, cell: "C6", formula: "SUM(DonViDau:DonViCuoi!C6)" },
    ]);
    const s = await readSnapshot(await workbookBuffer(wb));
    expect(sheetOf(s, KET_QUA).formulas).toEqual({ C5: "=SUM(DonViDau:DonViCuoi!C5)", C6: "=SUM(DonViDau:DonViCuoi!C6)" });
    // a computed cell no longer looks like an input (yellow), the input beside it still does
    const reread = await load(await workbookBuffer(wb));
    expect((reread.getWorksheet(KET_QUA)!.getCell("C5").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFE2EFDA");
    expect((reread.getWorksheet(KET_QUA)!.getCell("C8").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
  });
});
