/**
 * The member → requirement-set table (api-sets.json) is generated from @types/office-js, and the
 * simulator behaves as an older Excel with it: a member newer than the host fails with
 * ApiNotFound, per method, per setter, per loaded property and per navigation property.
 */
import * as fs from "fs";
import { requirementOf } from "./api-sets";
import { createSimHost, installSimGlobals, type SimHost } from "./index";
import type { SimOfficeError } from "./errors";
import {
  SimApplication,
  SimDataValidation,
  SimNamedItem,
  SimNamedItemCollection,
  SimRange,
  SimRangeBorder,
  SimRangeBorderCollection,
  SimRangeFill,
  SimRangeFont,
  SimRangeFormat,
  SimRuntime,
  SimSetting,
  SimSettingCollection,
  SimWorkbookProxy,
  SimWorksheet,
  SimWorksheetCollection,
  SimWorksheetFreezePanes,
  SimWorksheetProtection,
} from "./proxies";
import { SimObject } from "./proxy-base";

const gen = require("../../scripts/gen-excel-api-sets.js") as {
  generate(dts: string): unknown;
  serialize(t: unknown): string;
  parseNote(note: string, params: string[]): { base?: string; get?: string; set?: string; params: Record<string, string> };
  DTS: string;
  OUT: string;
};

async function rejection(p: Promise<unknown>): Promise<SimOfficeError> {
  try {
    await p;
  } catch (e) {
    return e as SimOfficeError;
  }
  throw new Error("expected a rejection");
}

const at = (version: string) => createSimHost({ sheets: ["Sheet1"], requirementSets: { ExcelApi: version } });

describe("api-sets.json", () => {
  it("is what scripts/gen-excel-api-sets.js makes of the installed @types/office-js (run the script after an update)", () => {
    const fresh = gen.serialize(gen.generate(gen.DTS));
    expect(fs.readFileSync(gen.OUT, "utf8")).toBe(fresh);
  });

  it("has the versions of the docs' notes, including per-use and per-parameter ones", () => {
    const v = (type: string, member: string, use?: "read" | "write" | "call", params?: string[]) =>
      requirementOf(type, member, use, params).map((r) => `${r.set} ${r.version}`);
    expect(v("Worksheet", "freezePanes")).toEqual(["ExcelApi 1.7"]);
    expect(v("WorksheetFreezePanes", "freezeRows")).toEqual(["ExcelApi 1.7"]);
    expect(v("Range", "dataValidation")).toEqual(["ExcelApi 1.8"]);
    expect(v("Range", "getCellProperties")).toEqual(["ExcelApi 1.9"]);
    expect(v("Workbook", "insertWorksheetsFromBase64")).toEqual(["ExcelApi 1.13"]);
    expect(v("NamedItemCollection", "add")).toEqual(["ExcelApi 1.4"]);
    expect(v("WorksheetCollection", "getItemOrNullObject")).toEqual(["ExcelApi 1.4"]);
    expect(v("Workbook", "settings")).toEqual(["ExcelApi 1.4"]);
    expect(v("Application", "suspendApiCalculationUntilNextSync")).toEqual(["ExcelApi 1.6"]);
    expect(v("Range", "getResizedRange")).toEqual(["ExcelApi 1.2"]);
    // "[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]"
    expect(v("Worksheet", "visibility", "read")).toEqual(["ExcelApi 1.1"]);
    expect(v("Worksheet", "visibility", "write")).toEqual(["ExcelApi 1.2"]);
    // "[Api set: ExcelApi 1.2 for options; 1.7 for password]"
    expect(v("WorksheetProtection", "protect")).toEqual(["ExcelApi 1.2"]);
    expect(v("WorksheetProtection", "protect", "call", ["password"])).toEqual(["ExcelApi 1.2", "ExcelApi 1.7"]);
    // "@param valuesOnly … [Api set: ExcelApi 1.2]"
    expect(v("Worksheet", "getUsedRange", "call", ["valuesOnly"])).toEqual(["ExcelApi 1.1", "ExcelApi 1.2"]);
    // platform-only sets are not ExcelApi
    expect(v("Worksheet", "namedSheetViews")).toEqual(["ExcelApiOnline 1.1"]);
    expect(v("Range", "showPrecedents")).toEqual(["ExcelApiDesktop 1.1"]);
    // framework members take their class's set
    expect(v("WorksheetFreezePanes", "load")).toEqual(["ExcelApi 1.7"]);
    expect(() => requirementOf("Range", "noSuchMember")).toThrow(/no \[Api set\] note/);
  });

  it("reads preview / beta and platform-only notes as not ExcelApi (unsupported on a host that only declares ExcelApi)", () => {
    expect(gen.parseNote("[Api set: ExcelApi BETA (PREVIEW ONLY)]", [])).toMatchObject({ base: "preview" });
    expect(gen.parseNote("[Api set: ExcelApi Preview]", [])).toMatchObject({ base: "preview" });
    expect(gen.parseNote("[Api set: ExcelApiOnline 1.1]", [])).toMatchObject({ base: "ExcelApiOnline 1.1" });
    expect(gen.parseNote("[Api set: ExcelApiDesktop 1.1]", [])).toMatchObject({ base: "ExcelApiDesktop 1.1" });
    expect(gen.parseNote("[Api set: ExcelApi 1.9, ExcelApi Preview for null `destinationRange`]", ["destinationRange"])).toMatchObject({ base: "1.9" });
    expect(gen.parseNote("[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]", [])).toMatchObject({ get: "1.1", set: "1.2" });
    expect(gen.parseNote("[Api set: ExcelApi 1.2 for options; 1.7 for password]", ["options", "password"])).toMatchObject({
      params: { options: "1.2", password: "1.7" },
    });
    const preview = createSimHost({ requirementSets: { ExcelApi: "1.99" } });
    expect(preview.requirementSets.isSetSupported(requirementOf("Worksheet", "namedSheetViews")[0].set, "1.1")).toBe(false);
  });

  it("knows every member the simulator implements (no simulated member outside office.js)", () => {
    const host = createSimHost({ sheets: ["Sheet1"] });
    const ctx = host.createContext() as unknown as { workbook: SimWorkbookProxy; runtime: SimRuntime };
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    const range = ws.getRange("A1");
    const samples: Array<[new (...a: never[]) => SimObject, SimObject, string]> = [
      [SimWorkbookProxy, ctx.workbook, "Workbook"],
      [SimApplication, ctx.workbook.application, "Application"],
      [SimRuntime, ctx.runtime, "Runtime"],
      [SimWorksheetCollection, ctx.workbook.worksheets, "WorksheetCollection"],
      [SimWorksheet, ws, "Worksheet"],
      [SimWorksheetProtection, ws.protection, "WorksheetProtection"],
      [SimWorksheetFreezePanes, ws.freezePanes, "WorksheetFreezePanes"],
      [SimRange, range, "Range"],
      [SimRangeFormat, range.format, "RangeFormat"],
      [SimRangeFill, range.format.fill, "RangeFill"],
      [SimRangeFont, range.format.font, "RangeFont"],
      [SimRangeBorderCollection, range.format.borders, "RangeBorderCollection"],
      [SimRangeBorder, range.format.borders.getItem("EdgeTop"), "RangeBorder"],
      [SimDataValidation, range.dataValidation, "DataValidation"],
      [SimNamedItemCollection, ctx.workbook.names, "NamedItemCollection"],
      [SimNamedItem, ctx.workbook.names.getItem("x"), "NamedItem"],
      [SimSettingCollection, ctx.workbook.settings, "SettingCollection"],
      [SimSetting, ctx.workbook.settings.getItem("x"), "Setting"],
    ];
    const unknown: string[] = [];
    for (const [cls, instance, type] of samples) {
      expect(instance).toBeInstanceOf(cls);
      const names = new Set(Object.keys(instance));
      for (let proto = Object.getPrototypeOf(instance); proto && proto !== SimObject.prototype; proto = Object.getPrototypeOf(proto)) {
        Object.getOwnPropertyNames(proto).forEach((n) => names.add(n));
      }
      for (const n of names) {
        if (n === "constructor" || n.startsWith("_") || n === "context") continue;
        try {
          requirementOf(type, n);
        } catch {
          unknown.push(`${type}.${n}`);
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});

describe("an older Excel (requirementSets: { ExcelApi })", () => {
  const run = (host: SimHost, batch: (ctx: Excel.RequestContext) => Promise<unknown>) => host.run(batch);

  it("fails a method newer than the host with office.js's ApiNotFound, located at the member; nothing after it is applied", async () => {
    const host = at("1.4");
    const err = await rejection(
      run(host, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [[1]];
        ws.freezePanes.freezeRows(2);
        ws.getRange("A2").values = [[2]];
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ name: "RichApi.Error", code: "ApiNotFound" });
    expect(err.message).toMatch(/could not be found\. It may be available in a newer version of Excel/);
    expect(err.debugInfo.errorLocation).toBe("Worksheet.freezePanes");
    expect(host.workbook.value("Sheet1", "A1")).toBe(1);
    expect(host.workbook.value("Sheet1", "A2")).toBeNull();
    expect(host.workbook.sheet("Sheet1")!.frozenRows).toBe(0);
    // the same batch works on 1.7
    const newer = at("1.7");
    await run(newer, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").freezePanes.freezeRows(2);
      await ctx.sync();
    });
    expect(newer.workbook.sheet("Sheet1")!.frozenRows).toBe(2);
  });

  it("checks each loaded property: load('values,formulas') passes on 1.1, load('numberFormatLocal') needs 1.7", async () => {
    const host = at("1.1");
    host.workbook.setCellValue("Sheet1", "A1", "5");
    const values = await run(host, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      r.load("values,formulas,address");
      await ctx.sync();
      return r.values;
    });
    expect(values).toEqual([[5]]);
    const err = await rejection(
      run(host, async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("values, numberFormatLocal");
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "Range.numberFormatLocal" } });
    await expect(
      run(at("1.7"), async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
        r.load("values, numberFormatLocal");
        await ctx.sync();
      }),
    ).resolves.toBeUndefined();
  });

  it("checks navigation in load paths (items/protection/protected needs 1.2) and leaves newer properties out of load()", async () => {
    const err = await rejection(
      run(at("1.1"), async (ctx) => {
        ctx.workbook.worksheets.load("items/name,items/protection/protected");
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "Worksheet.protection" } });
    const host = at("1.4");
    const read = await run(host, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.load();
      await ctx.sync();
      let tabColor: unknown;
      try {
        tabColor = ws.tabColor;
      } catch (e) {
        tabColor = (e as SimOfficeError).code;
      }
      return { name: ws.name, visibility: ws.visibility, tabColor };
    });
    // tabColor (1.7) is not there on 1.4: load() skips it and reading it says so
    expect(read).toEqual({ name: "Sheet1", visibility: "Visible", tabColor: "PropertyNotLoaded" });
  });

  it("checks setters per use and optional parameters per parameter", async () => {
    // visibility: readable on 1.1, settable from 1.2
    const err = await rejection(
      run(at("1.1"), async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").visibility = "Hidden";
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "Worksheet.visibility" } });
    // protect(options) on 1.2, protect(options, password) from 1.7
    const host = at("1.4");
    host.workbook.addWorksheet("Sheet2");
    await run(host, async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").protection.protect({ allowFormatCells: true });
      await ctx.sync();
    });
    expect(host.workbook.sheet("Sheet1")!.protected).toBe(true);
    const pw = await rejection(
      run(host, async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet2").protection.protect({}, "secret");
        await ctx.sync();
      }),
    );
    expect(pw).toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "WorksheetProtection.protect(password)" } });
    // getUsedRange(valuesOnly) from 1.2
    const used = await rejection(
      run(at("1.1"), async (ctx) => {
        const r = ctx.workbook.worksheets.getItem("Sheet1").getUsedRange(true);
        r.load("address");
        await ctx.sync();
      }),
    );
    expect(used).toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "Worksheet.getUsedRange(valuesOnly)" } });
  });

  it("answers isSetSupported (Office.context.requirements too) from the configured version", async () => {
    const host = at("1.4");
    expect(host.requirementSets.isSetSupported("ExcelApi", "1.4")).toBe(true);
    expect(host.requirementSets.isSetSupported("ExcelApi", "1.5")).toBe(false);
    expect(host.requirementSets.isSetSupported("ExcelApiOnline", "1.1")).toBe(false);
    const uninstall = installSimGlobals(host);
    try {
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.4")).toBe(true);
      expect(Office.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(false);
    } finally {
      uninstall();
    }
    // context.runtime is ExcelApi 1.5
    const err = await rejection(
      run(host, async (ctx) => {
        ctx.runtime.load("enableEvents");
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: "ApiNotFound", debugInfo: { errorLocation: "RequestContext.runtime" } });
  });
});
