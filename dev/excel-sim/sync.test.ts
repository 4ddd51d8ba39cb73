/// <reference types="office-js" />
import { createSimHost } from "./host";
import { SimOfficeError } from "./errors";

/** Runs a batch and returns the error it rejects with (fails the test when it does not). */
async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    return e as SimOfficeError;
  }
  throw new Error("expected the promise to reject");
}

describe("load before read", () => {
  it("throws PropertyNotLoaded, like office.js, when a property was not loaded and synced", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      let error: unknown;
      try {
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SimOfficeError);
      expect((error as SimOfficeError).code).toBe("PropertyNotLoaded");
      expect((error as SimOfficeError).message).toBe(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      range.load("values");
      // loaded but not yet synced: still not available
      expect(() => range.values).toThrow(/The property 'values' is not available/);
      await ctx.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      // address was not loaded
      expect(() => range.address).toThrow(/The property 'address' is not available/);
    });
  });

  it('supports load("a, b"), load([...]), load({ select }) and nested paths', async () => {
    const host = createSimHost({ sheets: ["I. Kết quả"] });
    host.workbook.setCellValue("I. Kết quả", "C5", 12);
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("i. kết quả");
      const a = sheet.getRange("C5:C9").load("address, valueTypes");
      const b = sheet.getRange("C5").load(["values", "formulas"]);
      const c = sheet.getRange("C5").load({ select: "numberFormat, format/font/bold, format/fill/color" });
      await ctx.sync();
      expect([a.address, a.valueTypes]).toEqual(["'I. Kết quả'!C5:C9", [["Double"], ["Empty"], ["Empty"], ["Empty"], ["Empty"]]]);
      expect([b.values, b.formulas]).toEqual([[[12]], [[12]]]);
      expect(c.numberFormat).toEqual([["General"]]);
      expect(c.format.font.bold).toBe(false);
      expect(c.format.fill.color).toBe("#FFFFFF");
      expect(() => c.format.font.italic).toThrow(/'italic' is not available/);
    });
  });

  it("loads collections with items/name and throws when items were not loaded", async () => {
    const host = createSimHost({ sheets: ["A", "B", "C"] });
    await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(/The property 'items' is not available/);
      sheets.load("items/name, items/position");
      await ctx.sync();
      expect(sheets.items.map((s) => [s.name, s.position])).toEqual([
        ["A", 0],
        ["B", 1],
        ["C", 2],
      ]);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility' is not available/);
    });
  });

  it("fails the sync when a load names a property the simulator does not know", async () => {
    const host = createSimHost();
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("valuesAsJson");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.message).toMatch(/Range has no property 'valuesAsJson'/);
  });

  it("refuses to set a property it does not simulate instead of ignoring it", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const fmt = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format as unknown as Record<string, unknown>;
      expect(() => {
        fmt.indentLevel = 2;
      }).toThrow(TypeError);
    });
  });
});

describe("values, formulas and the order of queued commands", () => {
  it("applies queued writes in order at sync; loads see the state at their place in the queue", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const a1 = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      a1.values = [[1]];
      const before = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      a1.values = [[2]];
      const after = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      // nothing reaches the workbook before the sync
      expect(host.workbook.value("Sheet1", "A1")).toBeNull();
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
    });
    expect(host.workbook.value("Sheet1", "A1")).toBe(2);
  });

  it("turns '=...' strings in values or formulas into formulas and reads their computed values", async () => {
    const host = createSimHost({ sheets: ["Tổng hợp", "Xã O'Brien", "Xã Minh Đức"] });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      ws.getItem("Xã O'Brien").getRange("C5:C6").values = [[3], ["4"]];
      ws.getItem("Xã Minh Đức").getRange("C5").formulas = [["=2*5"]];
      const total = ws.getItem("Tổng hợp").getRange("C5:D5");
      total.values = [["='Xã O''Brien'!C5+'Xã Minh Đức'!C5", "=SUM('Xã O''Brien'!C5:C6)"]];
      total.load("values, formulas, valueTypes, text");
      await ctx.sync();
      expect(total.values).toEqual([[13, 7]]);
      expect(total.formulas).toEqual([["='Xã O''Brien'!C5+'Xã Minh Đức'!C5", "=SUM('Xã O''Brien'!C5:C6)"]]);
      expect(total.valueTypes).toEqual([["Double", "Double"]]);
      expect(total.text).toEqual([["13", "7"]]);
    });
  });

  it("keeps a value written as a local value readable before sync (as office.js does)", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.values = [["=1+1"]];
      expect(r.values).toEqual([["=1+1"]]);
      r.load("values");
      await ctx.sync();
      expect(r.values).toEqual([[2]]);
    });
  });

  it("rejects a values array of the wrong size at sync with InvalidArgument, after applying what came before", async () => {
    const host = createSimHost();
    const err = await rejection(
      host.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["ok"]];
        sheet.getRange("A2:B3").values = [[1, 2]];
        sheet.getRange("A4").values = [["never"]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.message).toBe("The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    expect(err.debugInfo.errorLocation).toBe("Range.values");
    expect(host.workbook.value("Sheet1", "A1")).toBe("ok");
    expect(host.workbook.value("Sheet1", "A4")).toBeNull();
  });

  it("reads error values as strings with value type Error; null in a write leaves the cell alone", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      r.values = [["=KhongCo!A1", "giữ", "=FOO(1)"]];
      await ctx.sync();
      r.values = [[5, null, ""]];
      r.load("values, valueTypes, formulas");
      await ctx.sync();
      expect(r.values).toEqual([[5, "giữ", ""]]);
      expect(r.valueTypes).toEqual([["Double", "String", "Empty"]]);
      const e = ctx.workbook.worksheets.getItem("Sheet1").getRange("A2:B2");
      e.formulas = [["='Không có'!A1", "=LAMBDA(1)"]];
      e.load("values, valueTypes, text");
      await ctx.sync();
      expect(e.values).toEqual([["#REF!", "#NAME?"]]);
      expect(e.valueTypes).toEqual([["Error", "Error"]]);
      expect(e.text).toEqual([["#REF!", "#NAME?"]]);
    });
  });

  it("formats text with the number format", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:D1");
      r.values = [[1234567.891, 0.256, 5, -1234.5]];
      r.numberFormat = [["#,##0", "0.0%", "00", "#,##0.00"]];
      r.load("text, numberFormat");
      await ctx.sync();
      expect(r.text).toEqual([["1,234,568", "25.6%", "05", "-1,234.50"]]);
      expect(r.numberFormat).toEqual([["#,##0", "0.0%", "00", "#,##0.00"]]);
    });
  });
});

describe("sync counting", () => {
  it("counts context.sync() calls and real round trips, including Excel.run's final flush", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await ctx.sync();
      void r.values;
      await ctx.sync(); // nothing queued: no round trip in office.js
      r.values = [[1]]; // flushed by Excel.run at the end
    });
    expect(host.syncCount).toBe(2);
    expect(host.roundTrips).toBe(2);
    expect(host.workbook.value("Sheet1", "A1")).toBe(1);
    host.syncCount = 0;
    expect(host.syncCount).toBe(0);
    host.resetSyncCount();
    expect(host.roundTrips).toBe(0);
  });

  it("passes the sync's pass-through value and run's result", async () => {
    const host = createSimHost();
    const out = await host.run(async (ctx) => {
      const v = await ctx.sync("x");
      return `${v}y`;
    });
    expect(out).toBe("xy");
  });

  it("a context used after its Excel.run ended fails at sync with InvalidObjectPath, unless objects were tracked", async () => {
    const host = createSimHost();
    let saved: Excel.RequestContext | undefined;
    let range: Excel.Range | undefined;
    await host.run(async (ctx) => {
      saved = ctx;
      range = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
    });
    range!.values = [[1]];
    await expect(saved!.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(host.workbook.value("Sheet1", "A1")).toBeNull();
    // Excel.run(object, batch) continues in the object's context
    await host.run(range!, async (ctx) => {
      expect(ctx).toBe(saved);
      range!.values = [[2]];
      await ctx.sync();
    });
    expect(host.workbook.value("Sheet1", "A1")).toBe(2);
    await host.run(async (ctx) => {
      const tracked = ctx.workbook.worksheets.getItem("Sheet1").getRange("B1");
      ctx.trackedObjects.add(tracked);
      range = tracked;
      saved = ctx;
    });
    range!.values = [[3]];
    await saved!.sync();
    expect(host.workbook.value("Sheet1", "B1")).toBe(3);
  });

  it("discards queued commands when the batch rejects (no final flush)", async () => {
    const host = createSimHost();
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(host.workbook.value("Sheet1", "A1")).toBeNull();
    expect(host.roundTrips).toBe(0);
  });
});

describe("worksheets", () => {
  it("getItem is case-insensitive and fails at sync with ItemNotFound when the sheet is missing", async () => {
    const host = createSimHost({ sheets: ["I. Kết quả"] });
    const name = await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("I. KẾT QUẢ").load("name");
      await ctx.sync();
      return s.name;
    });
    expect(name).toBe("I. Kết quả");
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Không có").load("name");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ItemNotFound");
    expect(err.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
  });

  it("getItemOrNullObject gives isNullObject after sync; get-or-create in one more sync", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Báo cáo");
      const present = ctx.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      const sheet = missing.isNullObject ? ctx.workbook.worksheets.add("Báo cáo") : missing;
      sheet.getRange("A1").values = [["x"]];
      sheet.load("name, position");
      await ctx.sync();
      expect([sheet.name, sheet.position]).toEqual(["Báo cáo", 1]);
    });
    expect(host.syncCount).toBe(2);
    expect(host.workbook.sheetNames()).toEqual(["Sheet1", "Báo cáo"]);
  });

  it("loading a null object gives null properties; writes through it are ignored", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const ghost = ctx.workbook.worksheets.getItemOrNullObject("Ghost");
      ghost.load("name");
      ghost.getRange("A1").values = [[1]];
      await ctx.sync();
      expect(ghost.isNullObject).toBe(true);
      expect(ghost.name).toBeNull();
    });
    expect(host.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  it("applies Excel's sheet-name rules at sync", async () => {
    const host = createSimHost({ sheets: ["Xã A"] });
    const add = (name: string) =>
      rejection(
        host.run(async (ctx) => {
          ctx.workbook.worksheets.add(name);
          await ctx.sync();
        }),
      );
    expect((await add("xã a")).code).toBe("ItemAlreadyExists");
    for (const bad of ["a".repeat(32), "Quý 1/2024", "A:B", "x?", "[1]", "a*", "a\\b", "'Xã B", "Xã B'", "", "History"]) {
      expect([bad, (await add(bad)).code]).toEqual([bad, "InvalidArgument"]);
    }
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.add("a".repeat(31));
      ctx.workbook.worksheets.add("Xã O'Brien");
      await ctx.sync();
    });
    expect(host.workbook.sheetNames()).toEqual(["Xã A", "a".repeat(31), "Xã O'Brien"]);
  });

  it("adds without a name as SheetN, renames, moves, activates, hides and deletes", async () => {
    const host = createSimHost({ sheets: ["A", "B"] });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const added = ws.add().load("name");
      await ctx.sync();
      expect(added.name).toBe("Sheet3");
      added.name = "Tổng hợp";
      added.position = 0;
      added.activate();
      added.tabColor = "#ff0000";
      ws.getItem("B").visibility = "Hidden";
      ws.getItem("A").delete();
      const active = ws.getItem("Tổng hợp").load("name, tabColor");
      ws.load("items/name, items/visibility");
      await ctx.sync();
      expect(host.workbook.activeSheet().name).toBe("Tổng hợp");
      expect(active.name).toBe("Tổng hợp");
      expect(active.tabColor).toBe("#FF0000");
      expect(ws.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Tổng hợp", "Visible"],
        ["B", "Hidden"],
      ]);
    });
    // the last visible sheet cannot be deleted
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Tổng hợp").delete();
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperation");
  });

  it("a proxy follows its sheet by id after a rename in the same batch", async () => {
    const host = createSimHost({ sheets: ["Cũ"] });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Cũ");
      s.getRange("A1").values = [["trước"]];
      s.name = "Mới";
      s.getRange("A2").values = [["sau"]];
      s.load("name");
      await ctx.sync();
      expect(s.name).toBe("Mới");
    });
    expect(host.workbook.value("Mới", "A1")).toBe("trước");
    expect(host.workbook.value("Mới", "A2")).toBe("sau");
  });

  it("freezes rows", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.freezePanes.freezeRows(4);
      await ctx.sync();
    });
    expect(host.workbook.sheet("Sheet1")!.frozenRows).toBe(4);
  });
});

describe("ranges", () => {
  it("addresses follow Excel's quoting and shapes", async () => {
    const host = createSimHost({ sheets: ["I. Kết quả", "Sheet1", "Q1", "2024", "Xã O'Brien"] });
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const rs = [
        ws.getItem("I. Kết quả").getRange("C5:C9"),
        ws.getItem("Sheet1").getRange("a1"),
        ws.getItem("Q1").getRange("B2"),
        ws.getItem("2024").getRange("A:B"),
        ws.getItem("Xã O'Brien").getRange("5:5"),
      ].map((r) => r.load("address"));
      await ctx.sync();
      expect(rs.map((r) => r.address)).toEqual(["'I. Kết quả'!C5:C9", "Sheet1!A1", "'Q1'!B2", "'2024'!A:B", "'Xã O''Brien'!5:5"]);
    });
  });

  it("getUsedRange / getUsedRangeOrNullObject", async () => {
    const host = createSimHost({ sheets: ["Trống", "Có"] });
    host.workbook.setCellValue("Có", "B3", "x");
    host.workbook.setCellValue("Có", "D7", 5);
    await host.run(async (ctx) => {
      const empty = ctx.workbook.worksheets.getItem("Trống").getUsedRangeOrNullObject(true);
      const emptyUsed = ctx.workbook.worksheets.getItem("Trống").getUsedRange().load("address");
      const used = ctx.workbook.worksheets.getItem("Có").getUsedRange(true).load("address, values");
      await ctx.sync();
      expect(empty.isNullObject).toBe(true);
      // letters only (with diacritics): no quotes, as Excel writes Übersicht!A1
      expect(emptyUsed.address).toBe("Trống!A1");
      expect(used.address).toBe("Có!B3:D7");
      expect(used.values[0]).toEqual(["x", "", ""]);
      expect(used.values[4]).toEqual(["", "", 5]);
    });
  });

  it("fill colour reads #FFFFFF without fill, the colour after set, null when mixed; clear() removes it", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const none = s.getRange("A1").format.fill.load("color");
      s.getRange("A2").format.fill.color = "yellow";
      s.getRange("B2").format.fill.color = "#c6efce";
      const yellow = s.getRange("A2").format.fill.load("color");
      const green = s.getRange("B2").format.fill.load("color");
      const mixed = s.getRange("A2:B2").format.fill.load("color");
      await ctx.sync();
      expect([none.color, yellow.color, green.color, mixed.color]).toEqual(["#FFFFFF", "#FFFF00", "#C6EFCE", null]);
      s.getRange("A2:B2").format.fill.clear();
      const cleared = s.getRange("A2:B2").format.fill.load("color");
      await ctx.sync();
      expect(cleared.color).toBe("#FFFFFF");
    });
    expect(host.workbook.cell("Sheet1", "A2").fill).toBeNull();
  });

  it("rejects a colour Excel would not take", async () => {
    const host = createSimHost();
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "#12345";
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidArgument");
    expect(err.debugInfo.errorLocation).toBe("RangeFill.color");
  });

  it("sets and reads fonts, alignment, wrap, widths and heights", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("A1:B2");
      r.format.font.bold = true;
      r.format.font.name = "Times New Roman";
      r.format.font.size = 13;
      r.format.font.color = "#1F4E79";
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center";
      r.format.verticalAlignment = "Top";
      s.getRange("A:A").format.columnWidth = 120;
      s.getRange("2:2").format.rowHeight = 30;
      s.getRange("B2").format.font.italic = true;
      r.load("format/wrapText, format/horizontalAlignment, format/verticalAlignment, format/columnWidth, format/rowHeight");
      r.format.font.load("bold, italic, name, size, color");
      const a = s.getRange("A1").format.load("columnWidth, rowHeight");
      const b2 = s.getRange("B2").format.load("rowHeight, columnWidth");
      await ctx.sync();
      expect([r.format.wrapText, r.format.horizontalAlignment, r.format.verticalAlignment]).toEqual([true, "Center", "Top"]);
      expect([r.format.font.bold, r.format.font.italic, r.format.font.name, r.format.font.size, r.format.font.color]).toEqual([
        true,
        null,
        "Times New Roman",
        13,
        "#1F4E79",
      ]);
      expect([r.format.columnWidth, r.format.rowHeight]).toEqual([null, null]);
      expect([a.columnWidth, a.rowHeight, b2.columnWidth, b2.rowHeight]).toEqual([120, 15, 48, 30]);
    });
  });

  it("formats a whole column through a column format (also for cells written later)", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("C:C").format.font.name = "Times New Roman";
      s.getRange("C:C").numberFormat = "#,##0" as unknown as string[][];
      await ctx.sync();
      s.getRange("C7").values = [[12345]];
      const c7 = s.getRange("C7").load("text, format/font/name");
      await ctx.sync();
      expect(c7.text).toEqual([["12,345"]]);
      expect(c7.format.font.name).toBe("Times New Roman");
    });
  });

  it("sets borders; edges are shared with the neighbouring cell", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      const r = s.getRange("B2:C3");
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
        const b = r.format.borders.getItem(edge);
        b.style = "Continuous";
        b.color = "#000000";
      }
      s.getRange("B4").format.borders.getItem("EdgeBottom").style = "Double";
      const top = r.format.borders.getItem("EdgeTop").load("style, color");
      const below = s.getRange("B4").format.borders.getItem("EdgeTop").load("style");
      const outside = s.getRange("E5").format.borders.getItem("EdgeTop").load("style");
      r.format.borders.load("items/style");
      await ctx.sync();
      expect([top.style, top.color]).toEqual(["Continuous", "#000000"]);
      expect(below.style).toBe("Continuous");
      expect(outside.style).toBe("None");
      expect(r.format.borders.items.map((b) => b.style)).toEqual([
        "Continuous",
        "Continuous",
        "Continuous",
        "Continuous",
        "Continuous",
        "Continuous",
        "None",
        "None",
      ]);
    });
    expect(host.workbook.cell("Sheet1", "B4").borders).toEqual({
      EdgeTop: { style: "Continuous", color: "#000000", weight: "Thin" },
      EdgeBottom: { style: "Double", color: "#000000", weight: "Thin" },
    });
  });

  it("merge keeps the top-left value", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.getRange("A1:C1").values = [["Tiêu đề", "b", "c"]];
      s.getRange("A1:C1").format.font.bold = true;
      s.getRange("A1:C1").merge();
      s.getRange("A3:B4").merge(true);
      await ctx.sync();
      expect(host.workbook.sheet("Sheet1")!.merges).toEqual([
        { r1: 0, c1: 0, r2: 0, c2: 2 },
        { r1: 2, c1: 0, r2: 2, c2: 1 },
        { r1: 3, c1: 0, r2: 3, c2: 1 },
      ]);
      const row = s.getRange("A1:C1").load("values, format/font/bold");
      await ctx.sync();
      expect(row.values).toEqual([["Tiêu đề", "", ""]]);
      expect(row.format.font.bold).toBe(true);
    });
  });

  it("select() activates the sheet and sets the selection", async () => {
    const host = createSimHost({ sheets: ["A", "B"] });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("B").getRange("C5:C9").select();
      await ctx.sync();
    });
    expect(host.workbook.activeSheet().name).toBe("B");
    expect(host.workbook.sheet("B")!.selection).toEqual({ r1: 4, c1: 2, r2: 8, c2: 2 });
  });
});

describe("defined names", () => {
  it("adds names from a Range or a formula and reads type, value, formula", async () => {
    const host = createSimHost({ sheets: ["I. Kết quả"] });
    host.workbook.setCellValue("I. Kết quả", "C5", 42);
    await host.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem("I. Kết quả");
      ctx.workbook.names.add("PAKN_TONG", sheet.getRange("C5"), "Tổng số phản ánh");
      ctx.workbook.names.add("DS_NHIEM_VU", "='I. Kết quả'!$B$10:$B$14");
      ctx.workbook.names.add("HE_SO", "=2*3");
      const names = ctx.workbook.names.load("items/name, items/type, items/value, items/formula");
      const r = ctx.workbook.names.getItem("pakn_tong").getRange().load("address, values");
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.type, n.value, n.formula])).toEqual([
        ["PAKN_TONG", "Range", "'I. Kết quả'!$C$5", "='I. Kết quả'!$C$5"],
        ["DS_NHIEM_VU", "Range", "'I. Kết quả'!$B$10:$B$14", "='I. Kết quả'!$B$10:$B$14"],
        ["HE_SO", "Double", 6, "=2*3"],
      ]);
      expect([r.address, r.values]).toEqual(["'I. Kết quả'!C5", [[42]]]);
    });
    expect(host.workbook.definedNames().map((n) => [n.name, n.comment, n.visible])).toEqual([
      ["PAKN_TONG", "Tổng số phản ánh", true],
      ["DS_NHIEM_VU", "", true],
      ["HE_SO", "", true],
    ]);
  });

  it("rejects invalid and duplicate names; getItemOrNullObject; delete", async () => {
    const host = createSimHost();
    const add = (name: string) =>
      rejection(
        host.run(async (ctx) => {
          ctx.workbook.names.add(name, "=Sheet1!$A$1");
          await ctx.sync();
        }),
      );
    await host.run(async (ctx) => {
      ctx.workbook.names.add("TEN", "=Sheet1!$A$1");
      await ctx.sync();
    });
    expect((await add("ten")).code).toBe("ItemAlreadyExists");
    expect((await add("TN1")).code).toBe("InvalidArgument");
    expect((await add("1ABC")).code).toBe("InvalidArgument");
    expect((await add("có dấu cách")).code).toBe("InvalidArgument");
    await host.run(async (ctx) => {
      const missing = ctx.workbook.names.getItemOrNullObject("KHONG");
      const found = ctx.workbook.names.getItemOrNullObject("Ten");
      await ctx.sync();
      expect([missing.isNullObject, found.isNullObject]).toEqual([true, false]);
      found.delete();
      await ctx.sync();
    });
    expect(host.workbook.definedNames()).toEqual([]);
  });

  it("a name referring to a deleted sheet gives #REF!; getRange then fails", async () => {
    const host = createSimHost({ sheets: ["Giữ", "Xóa"] });
    await host.run(async (ctx) => {
      ctx.workbook.names.add("O_XOA", ctx.workbook.worksheets.getItem("Xóa").getRange("B2:B4"));
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Xóa").delete();
      const n = ctx.workbook.names.getItem("O_XOA").load("type, value, formula");
      await ctx.sync();
      expect([n.type, n.value, n.formula]).toEqual(["Error", "#REF!", "=#REF!$B$2:$B$4"]);
    });
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.names.getItem("O_XOA").getRange().load("address");
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidReference");
  });

  it("names and formulas follow rows inserted and deleted inside a list", async () => {
    const host = createSimHost({ sheets: ["III. Nhiệm vụ", "Tổng hợp"] });
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("III. Nhiệm vụ");
      s.getRange("B5:B9").values = [[1], [2], [3], [4], [5]];
      s.getRange("B5:B9").format.fill.color = "#FFF2CC";
      ctx.workbook.names.add("DS", s.getRange("B5:B9"));
      ctx.workbook.names.add("SAU", s.getRange("B12"));
      ctx.workbook.names.add("TRUOC", s.getRange("B2"));
      ctx.workbook.worksheets.getItem("Tổng hợp").getRange("A1:B1").formulas = [["=SUM('III. Nhiệm vụ'!B5:B9)", "=SUM(DS)"]];
      await ctx.sync();
      // the user inserts two rows inside the list, before row 7
      s.getRange("7:8").insert("Down");
      s.getRange("B7:B8").values = [[10], [20]];
      const names = ctx.workbook.names.load("items/name, items/formula");
      const total = ctx.workbook.worksheets.getItem("Tổng hợp").getRange("A1:B1").load("values, formulas");
      const inserted = s.getRange("B7").format.fill.load("color");
      await ctx.sync();
      expect(names.items.map((n) => [n.name, n.formula])).toEqual([
        ["DS", "='III. Nhiệm vụ'!$B$5:$B$11"],
        ["SAU", "='III. Nhiệm vụ'!$B$14"],
        ["TRUOC", "='III. Nhiệm vụ'!$B$2"],
      ]);
      expect(total.formulas).toEqual([["=SUM('III. Nhiệm vụ'!B5:B11)", "=SUM(DS)"]]);
      expect(total.values).toEqual([[45, 45]]);
      // inserted rows take the format of the row above
      expect(inserted.color).toBe("#FFF2CC");
      // deleting rows shrinks the list; a name on deleted cells becomes #REF!
      s.getRange("5:6").delete("Up");
      s.getRange("12:12").delete("Up");
      await ctx.sync();
    });
    expect(host.workbook.definedNames().map((n) => [n.name, n.formula])).toEqual([
      ["DS", "='III. Nhiệm vụ'!$B$5:$B$9"],
      ["SAU", "='III. Nhiệm vụ'!#REF!"],
      ["TRUOC", "='III. Nhiệm vụ'!$B$2"],
    ]);
    expect(host.workbook.value("Tổng hợp", "A1")).toBe(42);
  });
});

describe("data validation", () => {
  it("sets a whole-number rule, alert and prompt; reads them back; API writes bypass it", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("C5:C9");
      r.dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 100000, operator: "Between" } } as Excel.DataValidationRule;
      r.dataValidation.errorAlert = { message: "Nhập số nguyên không âm", showAlert: true, style: "Stop", title: "Số liệu" };
      r.dataValidation.prompt = { message: "Số nguyên", showPrompt: true, title: "" };
      r.values = [[1], [2], [3], [4], [5]];
      r.dataValidation.load("type, rule, errorAlert");
      const part = ctx.workbook.worksheets.getItem("Sheet1").getRange("C4:C5").dataValidation.load("type");
      const none = ctx.workbook.worksheets.getItem("Sheet1").getRange("D5").dataValidation.load("type");
      await ctx.sync();
      expect(r.dataValidation.type).toBe("WholeNumber");
      expect(r.dataValidation.rule).toEqual({ wholeNumber: { formula1: "=0", formula2: "=100000", operator: "Between" } });
      expect(r.dataValidation.errorAlert).toEqual({ message: "Nhập số nguyên không âm", showAlert: true, style: "Stop", title: "Số liệu" });
      expect(part.type).toBe("MixedCriteria");
      expect(none.type).toBe("None");
      // writes through the API bypass validation, as in Excel
      ctx.workbook.worksheets.getItem("Sheet1").getRange("C5").values = [[-3]];
      await ctx.sync();
    });
    expect(host.workbook.value("Sheet1", "C5")).toBe(-3);
    // a user typing into the cell is stopped by the rule
    expect(host.workbook.setCellValue("Sheet1", "C6", "abc")).toEqual({ accepted: false, reason: "validation", message: "Nhập số nguyên không âm" });
    expect(host.workbook.setCellValue("Sheet1", "C6", "12")).toEqual({ accepted: true });
    expect(host.workbook.value("Sheet1", "C6")).toBe(12);
  });
});

describe("protection, cell-edit mode, requirement sets", () => {
  it("a write to a protected sheet fails at sync with AccessDenied; reads still work", async () => {
    const host = createSimHost({ sheets: ["Khóa"] });
    host.workbook.setCellValue("Khóa", "A1", 7);
    host.workbook.setProtected("Khóa", true);
    const err = await rejection(
      host.run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Khóa").getRange("A1").load("values");
        await ctx.sync();
        expect(r.values).toEqual([[7]]);
        r.values = [[8]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("AccessDenied");
    expect(err.name).toBe("RichApi.Error");
    expect(err.debugInfo).toMatchObject({ code: "AccessDenied", errorLocation: "Range.values" });
    expect(host.workbook.value("Khóa", "A1")).toBe(7);
    // a formatting change is allowed when the protection allows it
    host.workbook.setProtected("Khóa", true, { allowFormatCells: true });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Khóa").getRange("A1").format.font.bold = true;
      const p = ctx.workbook.worksheets.getItem("Khóa").protection.load("protected");
      await ctx.sync();
      expect(p.protected).toBe(true);
    });
    expect(host.workbook.cell("Khóa", "A1").font.bold).toBe(true);
  });

  it("protect / unprotect through the API, with a password", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem("Sheet1");
      s.protection.protect({ allowFormatCells: true }, "mk");
      const p = s.protection.load("protected, options");
      await ctx.sync();
      expect(p.protected).toBe(true);
      expect((p.options as Record<string, unknown>).allowFormatCells).toBe(true);
      s.protection.unprotect("sai");
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      s.protection.unprotect("mk");
      s.protection.load("protected");
      await ctx.sync();
      expect(s.protection.protected).toBe(false);
    });
  });

  it("simulates the user editing a cell: the next sync fails with InvalidOperationInCellEditMode and applies nothing", async () => {
    const host = createSimHost();
    host.simulateCellEditModeOnNextSync();
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("InvalidOperationInCellEditMode");
    expect(err.message).toMatch(/Excel is in cell-editing mode/);
    expect(host.workbook.value("Sheet1", "A1")).toBeNull();
    expect(host.syncCount).toBe(1);
    // only the next one
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await ctx.sync();
    });
    expect(host.workbook.value("Sheet1", "A1")).toBe(1);
  });

  it("while in cell-edit mode, delayForCellEdit waits until the user leaves it", async () => {
    const host = createSimHost();
    host.enterCellEditMode();
    await expect(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const pending = host.run({ delayForCellEdit: true }, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[2]];
      await ctx.sync();
      return "done";
    });
    await Promise.resolve();
    expect(host.workbook.value("Sheet1", "A1")).toBeNull();
    host.exitCellEditMode();
    await expect(pending).resolves.toBe("done");
    expect(host.workbook.value("Sheet1", "A1")).toBe(2);
  });

  it("isSetSupported compares versions; an API newer than the host fails with ApiNotFound", async () => {
    const host = createSimHost({ requirementSets: { ExcelApi: "1.7" } });
    expect(host.requirementSets.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(host.requirementSets.isSetSupported("excelapi", "1.14")).toBe(false);
    expect(host.requirementSets.isSetSupported("ExcelApi")).toBe(true);
    expect(host.requirementSets.isSetSupported("WordApi", "1.1")).toBe(false);
    expect(createSimHost().requirementSets.isSetSupported("ExcelApi", "1.14")).toBe(true);
    expect(createSimHost().requirementSets.isSetSupported("ExcelApi", "1.9")).toBe(true);
    const err = await rejection(
      host.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").dataValidation.rule = {
          wholeNumber: { formula1: 0, operator: "GreaterThan" },
        } as Excel.DataValidationRule;
        await ctx.sync();
      }),
    );
    expect(err.code).toBe("ApiNotFound");
    // the first member the host lacks on the way: the navigation property (ExcelApi 1.8)
    expect(err.debugInfo.errorLocation).toBe("Range.dataValidation");
  });

  it("records calculation suspensions and enableEvents", async () => {
    const host = createSimHost();
    await host.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    });
    expect([host.calculationSuspensions, host.eventsEnabled]).toEqual([1, false]);
  });

  it("getCellProperties gives a ClientResult whose value is there after sync", async () => {
    const host = createSimHost({ sheets: ["A", "B"] });
    await host.run(async (ctx) => {
      const n = ctx.workbook.worksheets
        .getItem("A")
        .getRange("A1")
        .getCellProperties({ format: { font: { name: true } } });
      expect(() => n.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await ctx.sync();
      expect(n.value).toEqual([[{ format: { font: { name: "Calibri" } } }]]);
    });
  });
});
