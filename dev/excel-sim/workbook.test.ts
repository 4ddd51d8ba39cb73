/// <reference types="office-js" />
import { createSimHost } from "./host";
import { SimWorkbook, SimWorkbookJSON } from "./model";

describe("direct helpers for tests and the sandbox", () => {
  it("setCellValue types like a user: numbers, formulas, text, apostrophe, booleans, errors", () => {
    const wb = createSimHost({ sheets: ["Xã A", "Tổng"] }).workbook;
    wb.setCellValue("Xã A", "C5", "12");
    wb.setCellValue("Xã A", "C6", "'0012");
    wb.setCellValue("Xã A", "C7", "true");
    wb.setCellValue("Xã A", "C8", "#N/A");
    wb.setCellValue("Tổng", "C5", "='Xã A'!C5*2");
    expect(wb.value("Xã A", "C5")).toBe(12);
    expect(wb.value("Xã A", "C6")).toBe("0012");
    expect(wb.value("Xã A", "C7")).toBe(true);
    expect(wb.value("Xã A", "C8")).toEqual({ error: "#N/A" });
    expect(wb.cell("Tổng", "C5")).toMatchObject({ value: 24, formula: "='Xã A'!C5*2" });
    wb.setCellValue("Xã A", "C5", 5);
    expect(wb.value("Tổng", "C5")).toBe(10);
    wb.setCellValue("Xã A", "C5", null);
    expect(wb.cell("Xã A", "C5")).toMatchObject({ value: null, formula: null, fill: null, font: { name: "Calibri", size: 11, bold: false } });
  });

  it("setCellValue refuses a protected sheet unless forced (a paste)", () => {
    const wb = createSimHost().workbook;
    wb.setProtected("Sheet1", true);
    expect(wb.setCellValue("Sheet1", "A1", 1)).toMatchObject({ accepted: false, reason: "protected" });
    expect(wb.value("Sheet1", "A1")).toBeNull();
    expect(wb.setCellValue("Sheet1", "A1", 1, { force: true })).toEqual({ accepted: true });
    expect(wb.value("Sheet1", "A1")).toBe(1);
  });

  it("sheet(), sheetNames(), definedNames() and errors for unknown sheets", () => {
    const host = createSimHost({ sheets: ["A", "B"] });
    expect(host.workbook.sheetNames()).toEqual(["A", "B"]);
    expect(host.workbook.sheet("b")!.name).toBe("B");
    expect(host.workbook.sheet("C")).toBeUndefined();
    expect(() => host.workbook.cell("C", "A1")).toThrow(/no sheet named "C"/);
    expect(() => host.workbook.cell("A", "A1:B2")).toThrow(/not one cell/);
    expect(host.workbook.definedNames()).toEqual([]);
  });

  it("onChange fires after a sync that changed something, not after a read-only sync", async () => {
    const host = createSimHost();
    const events: string[] = [];
    const off = host.workbook.onChange((e) => events.push(e.source));
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      expect(events).toEqual([]);
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
      expect(events).toEqual(["sync"]);
    });
    host.workbook.setCellValue("Sheet1", "A2", 2);
    expect(events).toEqual(["sync", "direct"]);
    off();
    host.workbook.setCellValue("Sheet1", "A3", 3);
    expect(events).toEqual(["sync", "direct"]);
  });

  it("a listener that throws does not fail the sync", async () => {
    const host = createSimHost();
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    host.workbook.onChange(() => {
      throw new Error("grid broke");
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    expect(host.workbook.value("Sheet1", "A1")).toBe(1);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it("round-trips the whole workbook through JSON (values, formulas, formats, sizes, merges, names, validation, protection)", async () => {
    const host = createSimHost({ sheets: ["I. Kết quả", "Xã O'Brien"] });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("I. Kết quả");
      s.getRange("A1:C1").values = [["Tiêu đề", null, null]];
      s.getRange("A1:C1").merge();
      s.getRange("A1").format.font.bold = true;
      s.getRange("C5").values = [["='Xã O''Brien'!C5+1"]];
      s.getRange("C5").format.fill.color = "#FFF2CC";
      s.getRange("C5").format.borders.getItem("EdgeBottom").style = "Continuous";
      s.getRange("C5").numberFormat = [["#,##0"]];
      s.getRange("B:B").format.columnWidth = 200;
      s.getRange("3:3").format.rowHeight = 40;
      s.getRange("D:D").format.font.name = "Times New Roman";
      s.getRange("C5").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } } as Excel.DataValidationRule;
      s.freezePanes.freezeRows(2);
      s.tabColor = "#00B050";
      ctx.workbook.names.add("PAKN_TONG", s.getRange("C5"), "Tổng");
      ctx.workbook.worksheets.getItem("Xã O'Brien").getRange("C5").values = [[41]];
      ctx.workbook.worksheets.getItem("Xã O'Brien").protection.protect();
      ctx.workbook.worksheets.getItem("Xã O'Brien").activate();
      await ctx.sync();
    });
    const json: SimWorkbookJSON = JSON.parse(JSON.stringify(host.workbook.toJSON()));
    expect(json.sheets[0].cells.C5).toEqual({
      formula: "='Xã O''Brien'!C5+1",
      numberFormat: "#,##0",
      fill: "#FFF2CC",
      borders: { EdgeBottom: { style: "Continuous", color: "#000000", weight: "Thin" } },
    });
    expect(json.sheets[0].columnWidths).toEqual({ B: 200 });
    expect(json.sheets[0].merges).toEqual(["A1:C1"]);

    const copy = createSimHost({ snapshot: json });
    const wb = copy.workbook;
    expect(wb.sheetNames()).toEqual(["I. Kết quả", "Xã O'Brien"]);
    expect(wb.activeSheet().name).toBe("Xã O'Brien");
    expect(wb.cell("I. Kết quả", "C5")).toMatchObject({ value: 42, fill: "#FFF2CC", numberFormat: "#,##0" });
    expect(wb.cell("I. Kết quả", "A1").font.bold).toBe(true);
    expect(wb.cell("I. Kết quả", "D100").font.name).toBe("Times New Roman");
    expect(wb.sheet("I. Kết quả")!.columnWidth(1)).toBe(200);
    expect(wb.sheet("I. Kết quả")!.rowHeight(2)).toBe(40);
    expect(wb.sheet("I. Kết quả")!.frozenRows).toBe(2);
    expect(wb.sheet("I. Kết quả")!.tabColor).toBe("#00B050");
    expect(wb.sheet("Xã O'Brien")!.protected).toBe(true);
    expect(wb.definedNames()).toEqual([
      { name: "PAKN_TONG", formula: "='I. Kết quả'!$C$5", comment: "Tổng", visible: true, type: "Range", value: "'I. Kết quả'!$C$5" },
    ]);
    expect(copy.workbook.toJSON()).toEqual(json);
    // the copied workbook answers office.js the same way
    await copy.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("I. Kết quả").getRange("C5").dataValidation.load("type");
      await ctx.sync();
      expect(dv.type).toBe("WholeNumber");
    });
    expect(() => SimWorkbook.fromJSON({ ...json, version: 2 } as unknown as SimWorkbookJSON)).toThrow(/not an excel-sim workbook snapshot/);
  });

  it("load() replaces the content of a live workbook and notifies listeners", () => {
    const host = createSimHost();
    const other = createSimHost({ sheets: ["Khác"] });
    other.workbook.setCellValue("Khác", "B2", "x");
    let calls = 0;
    host.workbook.onChange(() => calls++);
    host.workbook.load(other.workbook.toJSON());
    expect(host.workbook.sheetNames()).toEqual(["Khác"]);
    expect(host.workbook.value("Khác", "B2")).toBe("x");
    expect(calls).toBe(1);
  });
});

describe("references follow sheet changes", () => {
  it("renaming a sheet rewrites formulas and names, quoting when the new name needs it", async () => {
    const host = createSimHost({ sheets: ["Tong", "Dau", "XaA", "Cuoi"] });
    const wb = host.workbook;
    wb.setCellValue("XaA", "C5", 3);
    wb.setCellValue("Tong", "A1", "=XaA!C5+1");
    wb.setCellValue("Tong", "A2", "=SUM(Dau:Cuoi!C5)");
    await host.run(async (ctx) => {
      ctx.workbook.names.add("O", ctx.workbook.worksheets.getItem("XaA").getRange("C5"));
      ctx.workbook.worksheets.getItem("XaA").name = "Xã O'Brien";
      ctx.workbook.worksheets.getItem("Dau").name = "Đầu danh sách";
      await ctx.sync();
    });
    expect(wb.cell("Tong", "A1")).toMatchObject({ formula: "='Xã O''Brien'!C5+1", value: 4 });
    expect(wb.cell("Tong", "A2")).toMatchObject({ formula: "=SUM('Đầu danh sách:Cuoi'!C5)", value: 3 });
    expect(wb.definedNames()[0].formula).toBe("='Xã O''Brien'!$C$5");
  });

  it("deleting a sheet turns its references into #REF! and shrinks a 3-D span", async () => {
    const host = createSimHost({ sheets: ["Tong", "Dau", "XaA", "XaB", "Cuoi"] });
    const wb = host.workbook;
    wb.setCellValue("XaA", "C5", 3);
    wb.setCellValue("XaB", "C5", 4);
    wb.setCellValue("Tong", "A1", "=XaA!C5+XaB!C5");
    wb.setCellValue("Tong", "A2", "=SUM(XaA:XaB!C5)");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("XaA").delete();
      await ctx.sync();
    });
    expect(wb.cell("Tong", "A1")).toMatchObject({ formula: "=#REF!C5+XaB!C5", value: { error: "#REF!" } });
    expect(wb.cell("Tong", "A2")).toMatchObject({ formula: "=SUM(XaB!C5)", value: 4 });
    // re-adding a sheet with the old name does not resurrect the reference (as in Excel)
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("XaA");
      await ctx.sync();
    });
    expect(wb.value("Tong", "A1")).toEqual({ error: "#REF!" });
  });

  it("inserting columns moves cells right and follows references; a circular reference shows 0", async () => {
    const host = createSimHost();
    const wb = host.workbook;
    wb.setCellValue("Sheet1", "B1", 2);
    wb.setCellValue("Sheet1", "C1", "=B1*10");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("B:B").insert("Right");
      await ctx.sync();
    });
    expect(wb.cell("Sheet1", "C1").value).toBe(2);
    expect(wb.cell("Sheet1", "D1")).toMatchObject({ formula: "=C1*10", value: 20 });
    wb.setCellValue("Sheet1", "A5", "=A6");
    wb.setCellValue("Sheet1", "A6", "=A5+1");
    expect(wb.value("Sheet1", "A6")).toBe(1);
  });

  it("inserting rows inside a validated list extends the validation and merges below move", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("C5:C9").dataValidation.rule = { wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } } as Excel.DataValidationRule;
      s.getRange("A12:C12").merge();
      s.getRange("6:6").insert("Down");
      await ctx.sync();
    });
    const sheet = host.workbook.sheet("Sheet1")!;
    expect(sheet.validations.map((v) => v.rect)).toEqual([{ r1: 4, c1: 2, r2: 9, c2: 2 }]);
    expect(sheet.merges).toEqual([{ r1: 12, c1: 0, r2: 12, c2: 2 }]);
  });

  it("the used range includes cells with a row / column / sheet format", async () => {
    const host = createSimHost();
    host.workbook.setCellValue("Sheet1", "B2", 5);
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange().format.font.name = "Times New Roman";
      s.getRange("C:D").format.fill.color = "red";
      s.getRange("4:4").format.font.bold = true;
      s.getRange("A6:B6").merge();
      await ctx.sync();
      const used = s.getUsedRange().load("address");
      await ctx.sync();
      expect(used.address).toBe("Sheet1!B2:D4");
    });
  });

  it("getRange accepts a defined name of the sheet and a sheet-qualified address", async () => {
    const host = createSimHost({ sheets: ["I. Kết quả"] });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("I. Kết quả");
      ctx.workbook.names.add("DS", "='I. Kết quả'!$B$5:$B$9");
      await ctx.sync();
      const a = s.getRange("DS").load("address");
      const b = s.getRange("'I. Kết quả'!C3").load("address");
      await ctx.sync();
      expect([a.address, b.address]).toEqual(["'I. Kết quả'!B5:B9", "'I. Kết quả'!C3"]);
    });
  });
});

describe("workbook settings (ExcelApi 1.4)", () => {
  it("stores a value at sync, reads it back after load, and survives JSON", async () => {
    const { createSimHost, SimWorkbook } = await import("./index");
    const host = createSimHost();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.settings.getItemOrNullObject("k");
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      ctx.workbook.settings.add("k", '{"a":1}');
      const s = ctx.workbook.settings.getItem("k");
      expect(() => s.value).toThrow(/not available/);
      s.load("value");
      await ctx.sync();
      expect(s.value).toBe('{"a":1}');
    });
    const copy = SimWorkbook.fromJSON(host.workbook.toJSON());
    expect(copy.settings).toEqual({ k: '{"a":1}' });
  });
});

describe("the selected range (Workbook.getSelectedRange, ExcelApi 1.1)", () => {
  it("is the active sheet's selection, as Range.select() or the user left it", async () => {
    const { createSimHost } = await import("./index");
    const host = createSimHost({ sheets: ["Sheet1", "Dán"] });
    await host.run(async (ctx) => {
      const first = ctx.workbook.getSelectedRange();
      first.load("address");
      await ctx.sync();
      expect(first.address).toBe("Sheet1!A1");
      ctx.workbook.worksheets.getItem("Dán").getRange("B2:M20").select();
      const selected = ctx.workbook.getSelectedRange();
      selected.load("address,values");
      await ctx.sync();
      expect(selected.address).toBe("Dán!B2:M20");
      expect(selected.values).toHaveLength(19);
    });
  });
});
