/**
 * "Nhập từ tệp" against the simulated Excel. The unit files are real .xlsx files made by the
 * CLI's code (ExcelJS), read back by the browser reader.
 *
 * The simulator has no insertWorksheetsFromBase64 (it must stay free of a zip library), so the
 * ExcelApi 1.13 path runs against a thin fake: a wrapper around the simulated context whose
 * workbook gains insertWorksheetsFromBase64. It records every call, and at sync time (in
 * queue order, like a real command) copies the named sheet's cells from the file — decoded by
 * the test beforehand — into a new sheet placed before `relativeTo`, naming it "X (2)" when
 * "X" is taken, and can bring the file's defined names along or fail. The copy path (older
 * Excel) runs end to end on the simulator.
 */
import type * as ExcelJS from "exceljs";
import { buildUnitWorkbook, buildWorkbook, workbookBuffer } from "../cli/xlsx";
import { createSimHost, type SimHost, type SimRequestContext } from "../../dev/excel-sim";
import { simError } from "../../dev/excel-sim/errors";
import { loadDefinition } from "../report/kinds";
import { buildLayout } from "../workbook/layout";
import { withTableRows } from "../workbook/rollup-rows";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { readXlsxSnapshot } from "../workbook/xlsx-read";
import { applyLayout } from "./apply-layout";
import type { ExcelHost } from "./host";
import { importUnits, INSERT_BATCH_CHARS, planImport, toBase64, type ImportFile, type ImportStep } from "./import-units";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { checkAndMark } from "./check-and-mark";
import { addUnits, rollupInExcel } from "./units";

const def = loadDefinition();
const layout = buildLayout(def);

/* ------------------------------------------------------------------ files */

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbookBuffer(wb));
}

async function unitFile(name: string, unitName: string, figures: Record<string, number> = {}, sheetName?: string): Promise<ImportFile> {
  const built = buildUnitWorkbook(def, unitName, figures);
  if (sheetName) built.workbook.getWorksheet(built.sheet)!.name = sheetName;
  return { name, bytes: await bytesOf(built.workbook) };
}

async function mixedBatch(): Promise<ImportFile[]> {
  const good = await unitFile("phuong-di-su.xlsx", "Phường Dị Sử", { PAKN_TONG: 3, DGTD_TTHC: 1 });
  const report = { name: "bao-cao-thi-xa.xlsx", bytes: await bytesOf(buildWorkbook(def, layout)) };
  const duplicate = await unitFile("phuong-di-su-ban-2.xlsx", "phường  dị sử", { PAKN_TONG: 5 });
  const damaged = { name: "xa-hoa-phong.xlsx", bytes: good.bytes.slice(0, Math.floor(good.bytes.length / 2)) };
  return [good, report, duplicate, damaged];
}

const MIXED_REJECTED = [
  {
    file: "bao-cao-thi-xa.xlsx",
    message: expect.stringMatching(/^Tệp này là sổ báo cáo \(có các trang tính của mẫu báo cáo\), không phải sổ số liệu của một đơn vị\./),
  },
  { file: "phuong-di-su-ban-2.xlsx", message: 'Tệp này có đơn vị "phường dị sử" trùng với tệp "phuong-di-su.xlsx" (đã lấy số liệu từ tệp đó).' },
  { file: "xa-hoa-phong.xlsx", message: expect.stringMatching(/^Tệp này bị hỏng hoặc chưa chép, tải về hết: .* Hãy xin đơn vị gửi lại tệp\.$/) },
];

async function template(requirementSets?: Record<string, string>): Promise<SimHost> {
  const sim = createSimHost({ sheets: ["Sheet1"], ...(requirementSets ? { requirementSets } : {}) });
  await applyLayout(simExcelHost(sim), layout);
  return sim;
}

const between = (sim: SimHost) => {
  const names = sim.workbook.sheetNames();
  return names.slice(names.indexOf("DonViDau") + 1, names.indexOf("DonViCuoi"));
};
const namesOf = (sim: SimHost) => Object.fromEntries(sim.workbook.definedNames().map((n) => [n.name, n.formula]));

/* ------------------------------------------------------------------ the 1.13 fake */

interface InsertCall {
  base64: string;
  options: Excel.InsertWorksheetOptions;
}

interface FakeOptions {
  /** the file's defined names come along and take over the workbook's names of the same name */
  bringNames?: boolean;
  /** the n-th insertion (1-based) fails at sync with this error code */
  failAt?: { call: number; code: "GeneralException" };
}

function insertFakeHost(sim: SimHost, decoded: Map<string, WorkbookSnapshot>, opts: FakeOptions = {}): { host: ExcelHost; calls: InsertCall[] } {
  const calls: InsertCall[] = [];
  const wb = sim.workbook;
  const insert =
    (ctx: SimRequestContext) =>
    (base64: string, options: Excel.InsertWorksheetOptions = {}) => {
      calls.push({ base64, options });
      const callNo = calls.length;
      let ids: string[] | undefined;
      ctx._enqueue({
        location: "Workbook.insertWorksheetsFromBase64",
        api: "1.13",
        write: true,
        run: () => {
          if (opts.failAt?.call === callNo)
            throw simError(opts.failAt.code, "There was an internal error while processing the request.", "Workbook.insertWorksheetsFromBase64");
          const snapshot = decoded.get(base64);
          if (!snapshot) throw simError("InvalidArgument", "not a file the test decoded", "Workbook.insertWorksheetsFromBase64");
          const inserted: string[] = [];
          for (const wanted of options.sheetNamesToInsert ?? snapshot.sheets.map((s) => s.name)) {
            const source = snapshot.sheets.find((s) => s.name === wanted);
            if (!source) throw simError("ItemNotFound", undefined, "Workbook.insertWorksheetsFromBase64");
            let name = source.name;
            for (let k = 2; wb.sheet(name); k++) name = `${source.name} (${k})`;
            const sheet = wb.addWorksheet(name);
            const anchor = wb.sheet(String(options.relativeTo));
            if (options.positionType === "Before" && anchor) wb.moveWorksheet(sheet, wb.sheets.indexOf(anchor));
            for (const [address, v] of Object.entries(source.cells)) {
              wb.setCellValue(name, address, v !== null && typeof v === "object" ? v.error : v, { force: true });
            }
            if (opts.bringNames) {
              for (const [n, ref] of Object.entries(snapshot.names)) {
                const formula = `=${ref.replace(source.name.includes(" ") ? `'${source.name}'` : source.name, `'${name}'`)}`;
                const existing = wb.name(n);
                if (existing) existing.formula = formula;
                else wb.addName(n, formula, "", "Workbook.insertWorksheetsFromBase64");
              }
            }
            inserted.push(sheet.id);
          }
          return () => {
            ids = inserted;
          };
        },
      });
      return {
        get value(): string[] {
          if (!ids) throw simError("PropertyNotLoaded" as never, "The value of the result object has not been loaded yet.");
          return ids;
        },
      };
    };
  const wrap = (ctx: Excel.RequestContext): Excel.RequestContext => {
    const sim = ctx as unknown as SimRequestContext;
    const forward = <T extends object>(target: T, extra: Record<string, unknown>) =>
      new Proxy(target, {
        get(t, p) {
          if (typeof p === "string" && p in extra) return extra[p];
          const v = Reflect.get(t, p, t);
          return typeof v === "function" ? v.bind(t) : v;
        },
      });
    const workbook = forward(ctx.workbook, { insertWorksheetsFromBase64: insert(sim) });
    return forward(ctx, { workbook });
  };
  const host: ExcelHost = {
    run: (batch) => sim.run((ctx: Excel.RequestContext) => batch(wrap(ctx))),
    isSetSupported: (name, version) => sim.requirementSets.isSetSupported(name, version),
  };
  return { host, calls };
}

async function decode(files: ImportFile[]): Promise<Map<string, WorkbookSnapshot>> {
  const out = new Map<string, WorkbookSnapshot>();
  for (const f of files) {
    const snapshot = await readXlsxSnapshot(f.bytes).catch(() => null);
    if (snapshot) out.set(toBase64(f.bytes), snapshot);
  }
  return out;
}

/* ------------------------------------------------------------------ tests */

describe("reading and planning", () => {
  it("base64 matches Node's encoder, also past the chunk size", () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });

  it("leaves out a unit the workbook already has (same name ignoring case), and keeps the files' order in the rejections", () => {
    const figures = (sheet: string, unitName: string) => ({ sheet, unitName, values: {} });
    const plan = planImport(
      [
        { file: "a.xlsx", kind: "unit", units: [figures("Xã A", "Xã A")] },
        { file: "b.xlsx", kind: "none" },
        { file: "c.xlsx", kind: "unit", units: [figures("Xã Hòa Phong", "xã hòa phong")] },
        { file: "d.xlsx", kind: "unit", units: [figures("Xã A", "Xã A")] },
      ],
      ["I. Kết quả", "Xã Hòa Phong", "Xã A"],
      [{ sheet: "Xã Hòa Phong", unitName: "Xã Hòa Phong" }],
    );
    expect(plan.units.map((u) => [u.file, u.unitName, u.sheet, u.renamed])).toEqual([["a.xlsx", "Xã A", "Xã A (2)", true]]);
    expect(plan.rejected.map((r) => r.file)).toEqual(["b.xlsx", "c.xlsx", "d.xlsx"]);
    expect(plan.rejected[1].message).toBe(
      'Đơn vị "xã hòa phong" đã có trong sổ (trang "Xã Hòa Phong"), nên không nhập lại. Muốn thay số liệu thì xóa trang đó rồi nhập lại tệp.',
    );
  });
});

describe("Nhập từ tệp on older Excel (no ExcelApi 1.13): the copy path, end to end", () => {
  it("imports the good file, reports the report workbook, the duplicate and the damaged file by name", async () => {
    const sim = await template({ ExcelApi: "1.12" });
    const host = simExcelHost(sim);
    const steps: ImportStep[] = [];
    sim.resetSyncCount();
    const r = await importUnits(host, def, layout, await mixedBatch(), (s) => steps.push(s));

    expect(r.method).toBe("copy");
    expect(r.imported).toEqual([{ file: "phuong-di-su.xlsx", unitName: "Phường Dị Sử", sheet: "Phường Dị Sử", renamed: false }]);
    expect(r.rejected).toEqual(MIXED_REJECTED);
    expect(steps).toEqual([
      { kind: "reading", index: 1, total: 4, file: "phuong-di-su.xlsx" },
      { kind: "reading", index: 2, total: 4, file: "bao-cao-thi-xa.xlsx" },
      { kind: "reading", index: 3, total: 4, file: "phuong-di-su-ban-2.xlsx" },
      { kind: "reading", index: 4, total: 4, file: "xa-hoa-phong.xlsx" },
      { kind: "writing", units: 1 },
    ]);
    expect(sim.syncCount).toBe(3);

    expect(between(sim)).toEqual(["Phường Dị Sử"]);
    expect(sim.workbook.value("Phường Dị Sử", "F1")).toBe("BC-CCTTHC/DON-VI");
    expect(sim.workbook.value("Phường Dị Sử", "F2")).toBe("Phường Dị Sử");
    expect(sim.workbook.value("Phường Dị Sử", "C12")).toBe(3);
    expect(sim.workbook.value("Phường Dị Sử", "C5")).toBe(1);
    expect(sim.workbook.value("Phường Dị Sử", "C13")).toBeNull();

    // and Tổng hợp adds it up
    await rollupInExcel(host, def, layout, { confirmOverwrite: async () => true });
    expect(sim.workbook.value("I. Kết quả", "C12")).toBe(3);
  });

  it("does not import a unit the workbook already has", async () => {
    const sim = await template({ ExcelApi: "1.12" });
    const host = simExcelHost(sim);
    await addUnits(host, def, layout, [{ name: "Xã Hòa Phong" }]);
    const r = await importUnits(host, def, layout, [await unitFile("hp.xlsx", "xã hòa  phong", { PAKN_TONG: 2 }), await unitFile("a.xlsx", "Xã A")]);
    expect(r.imported.map((u) => u.sheet)).toEqual(["Xã A"]);
    expect(r.rejected).toEqual([{ file: "hp.xlsx", message: expect.stringContaining('đã có trong sổ (trang "Xã Hòa Phong")') }]);
    expect(between(sim)).toEqual(["Xã Hòa Phong", "Xã A"]);
    expect(sim.workbook.value("Xã Hòa Phong", "C12")).toBeNull();
  });

  it("uses the same number of syncs for 1 and for 50 files", async () => {
    const files = await Promise.all(Array.from({ length: 50 }, (_, i) => unitFile(`xa-${i + 1}.xlsx`, `Xã Số ${i + 1}`, { PAKN_TONG: i + 1 })));
    const counts: number[] = [];
    for (const batch of [files.slice(0, 1), files]) {
      const sim = await template({ ExcelApi: "1.12" });
      sim.resetSyncCount();
      const r = await importUnits(simExcelHost(sim), def, layout, batch);
      counts.push(sim.syncCount);
      expect(r.imported).toHaveLength(batch.length);
      expect(between(sim)).toEqual(batch.map((_, i) => `Xã Số ${i + 1}`));
    }
    expect(counts).toEqual([3, 3]);
  });

  it("takes the copy path where the API object has no insertWorksheetsFromBase64 (the simulated Excel, even at 1.14)", async () => {
    const sim = await template();
    const r = await importUnits(simExcelHost(sim), def, layout, [await unitFile("a.xlsx", "Xã A", { PAKN_TONG: 1 })]);
    expect(r).toEqual({ imported: [expect.objectContaining({ sheet: "Xã A" })], rejected: [], method: "copy" });
    expect(sim.workbook.value("Xã A", "C12")).toBe(1);
  });

  it("with nothing to import, writes nothing", async () => {
    const sim = await template({ ExcelApi: "1.12" });
    const before = JSON.stringify(sim.workbook.toJSON());
    const r = await importUnits(simExcelHost(sim), def, layout, [{ name: "ghi-chu.txt", bytes: new TextEncoder().encode("không phải sổ") }]);
    expect(r).toEqual({
      imported: [],
      rejected: [{ file: "ghi-chu.txt", message: expect.stringMatching(/^Tệp này không phải sổ Excel \.xlsx/) }],
      method: "copy",
    });
    expect(JSON.stringify(sim.workbook.toJSON())).toBe(before);
  });
});

describe("Nhập từ tệp with ExcelApi 1.13: insertWorksheetsFromBase64 (thin fake)", () => {
  it("inserts the good file's unit sheet before DonViCuoi (bookends created first), reports the three others by name", async () => {
    const sim = await template();
    const files = await mixedBatch();
    const { host, calls } = insertFakeHost(sim, await decode(files));
    sim.resetSyncCount();
    const r = await importUnits(host, def, layout, files);

    expect(r.method).toBe("insert");
    expect(r.imported).toEqual([{ file: "phuong-di-su.xlsx", unitName: "Phường Dị Sử", sheet: "Phường Dị Sử", renamed: false }]);
    expect(r.rejected).toEqual(MIXED_REJECTED);
    expect(calls).toHaveLength(1);
    expect(calls[0].options).toEqual({ sheetNamesToInsert: ["Phường Dị Sử"], positionType: "Before", relativeTo: "DonViCuoi" });
    expect(Buffer.from(calls[0].base64, "base64").equals(Buffer.from(files[0].bytes))).toBe(true);
    expect(sim.syncCount).toBe(3);
    expect(between(sim)).toEqual(["Phường Dị Sử"]);
    expect(sim.workbook.value("Phường Dị Sử", "C12")).toBe(3);
  });

  it("renames inserted sheets to the planned names, also when two files swap their sheets' names", async () => {
    const sim = await template();
    sim.workbook.addSheet("Ghi chú");
    const files = [
      await unitFile("a.xlsx", "Xã A", { PAKN_TONG: 1 }, "Xã B"),
      await unitFile("b.xlsx", "Xã B", { PAKN_TONG: 2 }, "Xã A"),
      await unitFile("c.xlsx", "Xã Ghi chú", { PAKN_TONG: 4 }, "Ghi chú"),
    ];
    const { host, calls } = insertFakeHost(sim, await decode(files));
    sim.resetSyncCount();
    const r = await importUnits(host, def, layout, files);
    expect(calls.map((c) => c.options.sheetNamesToInsert)).toEqual([["Xã B"], ["Xã A"], ["Ghi chú"]]);
    expect(r.imported.map((u) => u.sheet)).toEqual(["Xã A", "Xã B", "Xã Ghi chú"]);
    expect(sim.syncCount).toBe(4);
    expect(between(sim)).toEqual(["Xã A", "Xã B", "Xã Ghi chú"]);
    expect(sim.workbook.value("Xã A", "C12")).toBe(1);
    expect(sim.workbook.value("Xã B", "C12")).toBe(2);
    expect(sim.workbook.sheetNames()).toContain("Ghi chú");
    expect(sim.workbook.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  });

  it("keeps the workbook's defined names as they were when the files' names come along", async () => {
    const sim = await template();
    const before = namesOf(sim);
    const files = [await unitFile("a.xlsx", "Xã A", { PAKN_TONG: 1 }), await unitFile("b.xlsx", "Xã B", { PAKN_TONG: 2 })];
    const { host } = insertFakeHost(sim, await decode(files), { bringNames: true });
    sim.resetSyncCount();
    await importUnits(host, def, layout, files);
    expect(sim.syncCount).toBe(4);
    expect(namesOf(sim)).toEqual(before);
    expect(before.PAKN_TONG).toBe("='I. Kết quả'!$C$12");
  });

  it("uses the same number of syncs for 1 and for 50 files", async () => {
    const files = await Promise.all(Array.from({ length: 50 }, (_, i) => unitFile(`xa-${i + 1}.xlsx`, `Xã Số ${i + 1}`, { PAKN_TONG: i + 1 })));
    const decoded = await decode(files);
    expect(files.reduce((n, f) => n + toBase64(f.bytes).length, 0)).toBeLessThan(INSERT_BATCH_CHARS);
    const counts: number[] = [];
    for (const batch of [files.slice(0, 1), files]) {
      const sim = await template();
      const { host, calls } = insertFakeHost(sim, decoded, { bringNames: true });
      sim.resetSyncCount();
      const r = await importUnits(host, def, layout, batch);
      counts.push(sim.syncCount);
      expect(calls).toHaveLength(batch.length);
      expect(r.imported).toHaveLength(batch.length);
      expect(between(sim)).toEqual(batch.map((_, i) => `Xã Số ${i + 1}`));
    }
    expect(counts).toEqual([4, 4]);
  });

  it("when Excel refuses an insertion, removes what was inserted and copies every unit instead, saying why", async () => {
    const sim = await template();
    const files = [await unitFile("a.xlsx", "Xã A", { PAKN_TONG: 1 }), await unitFile("b.xlsx", "Xã B", { PAKN_TONG: 2 })];
    const { host, calls } = insertFakeHost(sim, await decode(files), { failAt: { call: 2, code: "GeneralException" }, bringNames: true });
    const before = namesOf(sim);
    sim.resetSyncCount();
    const r = await importUnits(host, def, layout, files);
    expect(calls).toHaveLength(2);
    expect(r.method).toBe("copy");
    expect(r.insertError).toMatch(/GeneralException/);
    expect(r.imported.map((u) => u.sheet)).toEqual(["Xã A", "Xã B"]);
    expect(sim.syncCount).toBe(5);
    expect(between(sim)).toEqual(["Xã A", "Xã B"]);
    expect(sim.workbook.value("Xã A", "C12")).toBe(1);
    expect(sim.workbook.value("Xã B", "C12")).toBe(2);
    expect(namesOf(sim)).toEqual(before);
  });
});

describe("Nhập từ tệp with ExcelApi 1.13: a unit file whose sheet has moved rows", () => {
  /** A unit file whose sheet got `rows` note rows inserted at the top, as a commune would in Excel (the names move with the cells). */
  async function shiftedFile(name: string, unitName: string, figures: Record<string, number>, rows = 1): Promise<ImportFile> {
    const built = buildUnitWorkbook(def, unitName, figures);
    built.workbook.getWorksheet(built.sheet)!.spliceRows(1, 0, ...Array.from({ length: rows }, (_, i) => [i ? "" : "Ghi chú: số liệu đến ngày 15/6"]));
    return { name, bytes: await bytesOf(built.workbook) };
  }

  it("is made from the layout with the file's figures instead of inserted as it is, the result names the file, and the roll-up adds the right cells", async () => {
    const sim = await template();
    const files = [
      await unitFile("xa-a.xlsx", "Xã A", { PAKN_TONG: 5, DGTD_TTHC: 3 }),
      await shiftedFile("phuong-di-su.xlsx", "Phường Dị Sử", { PAKN_TONG: 3, DGTD_TTHC: 7 }),
    ];
    const decoded = await decode(files);
    expect(decoded.get(toBase64(files[1].bytes))!.sheets[0].cells.C6).toBe(7); // what insertion would bring: the figure one row down
    const { host, calls } = insertFakeHost(sim, decoded);
    sim.resetSyncCount();
    const r = await importUnits(host, def, layout, files);
    expect(sim.syncCount).toBe(3);
    expect(r.method).toBe("insert");
    expect(calls.map((c) => c.options.sheetNamesToInsert)).toEqual([["Xã A"]]); // only the file in place is inserted
    expect(r.imported.map((u) => u.sheet)).toEqual(["Xã A", "Phường Dị Sử"]);
    expect(r.rebuilt).toEqual([
      {
        file: "phuong-di-su.xlsx",
        unitName: "Phường Dị Sử",
        sheet: "Phường Dị Sử",
        message:
          'Tệp phuong-di-su.xlsx: Trang "Phường Dị Sử" đã bị chèn 1 dòng từ dòng 1: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Vì vậy trang "Phường Dị Sử" được tạo lại theo mẫu và số liệu được chép từ các ô số liệu của tệp (ghi chú riêng trong trang của tệp không được chép).',
      },
    ]);
    expect(between(sim)).toEqual(["Phường Dị Sử", "Xã A"]); // made ones first, then the inserted ones
    expect(sim.workbook.value("Phường Dị Sử", "C5")).toBe(7);
    expect(sim.workbook.value("Phường Dị Sử", "C12")).toBe(3);
    expect(sim.workbook.value("Phường Dị Sử", "A1")).not.toBe("Ghi chú: số liệu đến ngày 15/6");
    expect(sim.workbook.value("Xã A", "C5")).toBe(3);

    const check = await checkAndMark(simExcelHost(sim), { def, layout }, { today: new Date(2024, 11, 1) });
    expect(check.problems.filter((p) => p.code === "units.shifted" || p.code === "units.crossCheck")).toEqual([]);
    const rolled = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    expect(rolled.crossCheck).toEqual([]);
    expect(sim.workbook.value("I. Kết quả", "C5")).toBe(10);
    expect(sim.workbook.value("I. Kết quả", "C12")).toBe(8);
  });

  it("without the check, the same file inserted as it is would be added at the wrong cells (what the fake inserts)", async () => {
    const sim = await template();
    const files = [await shiftedFile("phuong-di-su.xlsx", "Phường Dị Sử", { PAKN_TONG: 3, DGTD_TTHC: 7 })];
    const decoded = await decode(files);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.add("DonViDau");
      ctx.workbook.worksheets.add("DonViCuoi");
      await ctx.sync();
    });
    const { host } = insertFakeHost(sim, decoded);
    await host.run(async (ctx) => {
      ctx.workbook.insertWorksheetsFromBase64(toBase64(files[0].bytes), {
        sheetNamesToInsert: ["Phường Dị Sử"],
        positionType: "Before",
        relativeTo: "DonViCuoi",
      });
      await ctx.sync();
    });
    expect(sim.workbook.value("Phường Dị Sử", "A1")).toBe("Ghi chú: số liệu đến ngày 15/6");
    expect(sim.workbook.value("Phường Dị Sử", "C6")).toBe(7);
    const check = await checkAndMark(simExcelHost(sim), { def, layout }, { today: new Date(2024, 11, 1) });
    expect(check.problems.filter((p) => p.sheet === "Phường Dị Sử").map((p) => p.code)).toEqual(["units.shifted"]);
  });

  it("keeps the number of syncs constant: one moved file, or ten moved and ten in place", async () => {
    const moved = await Promise.all(
      Array.from({ length: 10 }, (_, i) => shiftedFile(`m-${i + 1}.xlsx`, `Xã Lệch ${i + 1}`, { PAKN_TONG: i + 1 }, 1 + (i % 3))),
    );
    const inPlace = await Promise.all(Array.from({ length: 10 }, (_, i) => unitFile(`p-${i + 1}.xlsx`, `Xã Đúng ${i + 1}`, { PAKN_TONG: 100 })));
    const decoded = await decode([...moved, ...inPlace]);
    const counts: number[] = [];
    for (const batch of [moved.slice(0, 1), [...moved, ...inPlace]]) {
      const sim = await template();
      const { host, calls } = insertFakeHost(sim, decoded);
      sim.resetSyncCount();
      const r = await importUnits(host, def, layout, batch);
      counts.push(sim.syncCount);
      expect(calls).toHaveLength(batch.length - Math.min(batch.length, 10));
      expect(r.rebuilt?.map((x) => x.file)).toEqual(batch.filter((f) => f.name.startsWith("m-")).map((f) => f.name));
      const rolled = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
      expect(rolled.crossCheck).toEqual([]);
      expect(sim.workbook.value("I. Kết quả", "C12")).toBe(batch.length === 1 ? 1 : 55 + 1000);
    }
    expect(counts).toEqual([3, 3]);
  });

  it("copies a table's labels and figures (the dossier kind's Biểu 06) when its file has moved rows", async () => {
    const ddef = loadDefinition("bao-cao-giai-quyet-tthc");
    const dlayout = buildLayout(ddef);
    const rows = ddef.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
    const cells = rows.map((_, r) => Array.from({ length: 11 }, (_, c) => r * 11 + c));
    const built = buildUnitWorkbook(ddef, "Xã B", { BIEU_06: { rows, cells } } as never);
    built.workbook.getWorksheet(built.sheet)!.spliceRows(3, 0, ["Ghi chú"]);
    const file = { name: "xa-b.xlsx", bytes: await bytesOf(built.workbook) };
    const sim = createSimHost({ sheets: ["Sheet1"] });
    await applyLayout(simExcelHost(sim), dlayout);
    const { host, calls } = insertFakeHost(sim, await decode([file]));
    const r = await importUnits(host, ddef, dlayout, [file]);
    expect(calls).toHaveLength(0);
    expect(r.rebuilt?.map((x) => x.file)).toEqual(["xa-b.xlsx"]);
    expect(sim.workbook.value("Xã B", "O1")).toBe("BC-GQTTHC/DON-VI");
    expect(sim.workbook.value("Xã B", "B7")).toBe(rows[1]);
    expect(sim.workbook.value("Xã B", "C6")).toBe(0);
    expect(sim.workbook.value("Xã B", "M15")).toBe(9 * 11 + 10);
  });
});

describe("units whose lists of lĩnh vực differ (the dossier kind's Biểu 06)", () => {
  const ddef = loadDefinition("bao-cao-giai-quyet-tthc");
  const dlayout = buildLayout(ddef);
  const rows = ddef.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
  /** A row that satisfies the table's rules: n received online, all settled on time. */
  const rowOf = (n: number) => [n, n, 0, 0, n, 0, n, 0, 0, 0, 0];

  async function files(): Promise<ImportFile[]> {
    const a = buildUnitWorkbook(ddef, "Xã A", { BIEU_06: { rows, cells: rows.map((_, r) => rowOf(r + 1)) } } as never);
    // Xã B inserted "Nông nghiệp" inside its table, above "Xây dựng" (row 9): its names and total row grew, as in Excel
    const farmRows = [...rows.slice(0, 3), "Nông nghiệp", ...rows.slice(3)];
    const farmCells = farmRows.map((label) => (label === "Nông nghiệp" ? rowOf(50) : rowOf(10 * (rows.indexOf(label) + 1))));
    const b = buildUnitWorkbook(withTableRows(ddef, { BIEU_06: farmRows }), "Xã B", { BIEU_06: { rows: farmRows, cells: farmCells } } as never);
    // Xã C writes "Lĩnh vực hộ tịch"
    const cRows = rows.map((r) => (r === "Hộ tịch" ? "Lĩnh vực hộ tịch" : r));
    const c = buildUnitWorkbook(ddef, "Xã C", { BIEU_06: { rows: cRows, cells: rows.map((_, r) => rowOf(100 * (r + 1))) } } as never);
    return [
      { name: "xa-a.xlsx", bytes: await bytesOf(a.workbook) },
      { name: "xa-b.xlsx", bytes: await bytesOf(b.workbook) },
      { name: "xa-c.xlsx", bytes: await bytesOf(c.workbook) },
    ];
  }

  it.each(["copy", "insert"] as const)("are all imported (%s), the new lĩnh vực named; Tổng hợp then adds by lĩnh vực", async (method) => {
    const batch = await files();
    const sim = createSimHost({ sheets: ["Sheet1"] });
    await applyLayout(simExcelHost(sim), dlayout);
    const host = method === "insert" ? insertFakeHost(sim, await decode(batch)).host : simExcelHost(sim);
    sim.resetSyncCount();
    const r = await importUnits(host, ddef, dlayout, batch);
    expect(sim.syncCount).toBeLessThanOrEqual(4);
    expect(r.method).toBe(method);
    expect(r.rejected).toEqual([]);
    expect(r.rebuilt).toBeUndefined(); // a row inserted inside the table is not a moved sheet
    expect(r.imported.map((u) => u.sheet)).toEqual(["Xã A", "Xã B", "Xã C"]);
    expect(r.newRows).toEqual([{ label: "Nông nghiệp", unitName: "Xã B" }]);
    // nothing of Xã B's is lost, whichever way it came in
    expect(sim.workbook.value("Xã B", method === "copy" ? "C15" : "C9")).toBe(50);

    sim.resetSyncCount();
    const rolled = await rollupInExcel(simExcelHost(sim), ddef, dlayout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    expect(rolled.crossCheck).toEqual([]);
    const merged = [...rows.slice(0, -1), "Nông nghiệp", rows[rows.length - 1]];
    merged.forEach((label, i) => {
      const k = rows.indexOf(label) + 1;
      expect([label, sim.workbook.value("Biểu 06", `B${6 + i}`), sim.workbook.value("Biểu 06", `C${6 + i}`)]).toEqual([
        label,
        label,
        label === "Nông nghiệp" ? 50 : 111 * k,
      ]);
    });
  });
});
