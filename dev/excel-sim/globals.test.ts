/// <reference types="office-js" />
import { createSimHost, installSimGlobals, uninstallSimGlobals } from "./host";

/** Code written as the add-in writes it: against the globals, not against the simulator. */
async function writeTotal(sheetName: string): Promise<number> {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.4")) throw new Error("too old");
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    await context.sync();
    const target = sheet.isNullObject ? context.workbook.worksheets.add(sheetName) : sheet;
    const r = target.getRange("A1:A3");
    r.values = [[1], [2], ["=SUM(A1:A2)"]];
    r.format.borders.getItem(Excel.BorderIndex.edgeBottom).style = Excel.BorderLineStyle.continuous;
    const total = target.getRange("A3").load("values");
    await context.sync();
    return total.values[0][0] as number;
  });
}

describe("installSimGlobals", () => {
  afterEach(() => uninstallSimGlobals());

  it("lets code that calls Excel.run and Office.* directly run against the simulated workbook", async () => {
    const host = createSimHost();
    installSimGlobals(host);
    await expect(writeTotal("Tổng hợp")).resolves.toBe(3);
    expect(host.syncCount).toBe(2);
    expect(host.workbook.sheetNames()).toEqual(["Sheet1", "Tổng hợp"]);
    expect(host.workbook.cell("Tổng hợp", "A3").borders?.EdgeBottom?.style).toBe("Continuous");
    await expect(Office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
  });

  it("exposes OfficeExtension.Error so that instanceof checks work, and the Excel enums", async () => {
    installSimGlobals(createSimHost());
    let caught: unknown;
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Không có").load("name");
        await ctx.sync();
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(OfficeExtension.Error);
    expect((caught as OfficeExtension.Error).code).toBe(Excel.ErrorCodes.itemNotFound);
    expect(Excel.ErrorCodes.invalidOperationInCellEditMode).toBe("InvalidOperationInCellEditMode");
    expect(Excel.InsertShiftDirection.down).toBe("Down");
  });

  it("answers isSetSupported from the host's requirement sets (an Office 2019 host)", async () => {
    installSimGlobals(createSimHost({ requirementSets: { ExcelApi: "1.7" } }));
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.8")).toBe(false);
  });

  it("registers ribbon handlers with Office.actions.associate for the sandbox to call", () => {
    const host = createSimHost();
    installSimGlobals(host);
    const handler = jest.fn();
    Office.actions.associate("taoMau", handler);
    host.actions.get("taoMau")!({ completed: () => undefined });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("uninstall restores what was there before", () => {
    const g = globalThis as unknown as Record<string, unknown>;
    g.Office = "before";
    const uninstall = installSimGlobals(createSimHost());
    expect(typeof (g.Excel as { run: unknown }).run).toBe("function");
    uninstall();
    expect(g.Office).toBe("before");
    expect("Excel" in g).toBe(false);
    expect("OfficeExtension" in g).toBe(false);
    delete g.Office;
  });
});
