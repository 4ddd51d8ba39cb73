import { KIND_SHEET } from "../workbook/kind-sheet";
/**
 * The office-js edge against the simulated Excel: it enforces load-before-read, applies
 * writes at sync and counts context.sync() calls.
 */
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { buildLayout, inputOf, inputValues, INPUT_FILL, STYLES } from "../workbook/layout";
import { applyLayout } from "./apply-layout";
import { checkAndMark, selectCell } from "./check-and-mark";
import { describeError } from "./errors";
import { MARK_FILL } from "../workbook/marks";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { addUnits, rollupInExcel } from "./units";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);

async function freshTemplate(of = layout): Promise<{ sim: SimHost; host: ReturnType<typeof simExcelHost> }> {
  const sim = createSimHost({ sheets: ["Sheet1"] });
  const host = simExcelHost(sim);
  await applyLayout(host, of);
  return { sim, host };
}
const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
const dossierLayout = buildLayout(dossiers);
/** types the sample report into the sheets as a user would */
function typeSample(sim: SimHost): void {
  for (const v of inputValues(def, layout, sampleData())) sim.workbook.setCellValue(v.sheet, v.address, String(v.value), { force: true });
}
const syncsOf = async (sim: SimHost, f: () => Promise<unknown>) => {
  sim.resetSyncCount();
  await f();
  return sim.syncCount;
};

describe("Tạo mẫu in Excel", () => {
  it("creates the standard sheets with labels, input styles, validation and defined names in two syncs", async () => {
    const sim = createSimHost({ sheets: ["Sheet1"] });
    const host = simExcelHost(sim);
    const result = await applyLayout(host, layout);
    expect(sim.syncCount).toBe(2);
    // the standard sheets and the list of units expected to send; the hidden sheet that tells the kind is not listed
    expect(result.created).toEqual([...def.sheets.map((s) => s.name), "Danh sách đơn vị"]);
    expect(result.validation).toBe(true);
    expect(sim.workbook.sheetNames()).toEqual([...def.sheets.map((s) => s.name), "Danh sách đơn vị", KIND_SHEET, "Sheet1"]);
    expect(sim.workbook.value("Danh sách đơn vị", "A3")).toBe("Tên đơn vị");
    expect(sim.workbook.toJSON().sheets.find((s: { name: string }) => s.name === KIND_SHEET)?.visibility).toBe("VeryHidden");
    const wb = sim.workbook;
    expect(wb.value("I. Kết quả", "A1")).toBe("I. KẾT QUẢ THỰC HIỆN");
    expect(wb.value("I. Kết quả", "B12")).toBe("Tổng số PAKN đã tiếp nhận");
    expect(wb.cell("I. Kết quả", "C12").fill).toBe(INPUT_FILL);
    expect(wb.cell("I. Kết quả", "C12").numberFormat).toBe("0");
    expect(wb.cell("Thông tin chung", "B8").numberFormat).toBe("@");
    const names = wb.definedNames();
    expect(names.find((n) => n.name === "PAKN_TONG")?.formula).toBe("='I. Kết quả'!$C$12");
    expect(names).toHaveLength(def.fields.length + 1); // and the name that spells the workbook's kind
    expect(wb.sheet("I. Kết quả")!.frozenRows).toBe(3);
  });

  it("writes the lĩnh vực of a table into its label column, and a second run keeps the office's edited list", async () => {
    const { sim, host } = await freshTemplate(dossierLayout);
    const wb = sim.workbook;
    const rows = dossiers.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
    expect(rows.map((_, i) => wb.value("Biểu 06", `B${6 + i}`))).toEqual(rows);
    expect(wb.cell("Biểu 06", "B7").fill).toBe(INPUT_FILL);
    expect(wb.value("Biểu 06", "B16")).toBe("Tổng cộng");
    wb.setCellValue("Biểu 06", "B7", "Hộ tịch, chứng thực");
    wb.setCellValue("Biểu 06", "B8", "");
    const again = await applyLayout(host, dossierLayout);
    expect(again.created).toEqual([]);
    expect(wb.value("Biểu 06", "B7")).toBe("Hộ tịch, chứng thực");
    expect(wb.value("Biểu 06", "B8")).toBeNull();
  });

  it("run twice, changes nothing and keeps what the user typed", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    sim.workbook.setCellValue("I. Kết quả", "C12", "7");
    const before = JSON.stringify(sim.workbook.toJSON());
    const again = await applyLayout(host, layout);
    expect(again.created).toEqual([]);
    expect(again.kept).toHaveLength(6);
    expect(JSON.stringify(sim.workbook.toJSON())).toBe(before);
    expect(sim.workbook.value("I. Kết quả", "C12")).toBe(7);
  });

  it("recreates only a deleted sheet, with its names, and leaves the others' data", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("IV. Kiến nghị").delete();
      await ctx.sync();
    });
    const r = await applyLayout(host, layout);
    expect(r.created).toEqual(["IV. Kiến nghị"]);
    expect(r.namesAdded).toEqual(["KIEN_NGHI"]);
    expect(sim.workbook.definedNames().find((n) => n.name === "KIEN_NGHI")?.formula).toBe("='IV. Kiến nghị'!$B$5:$B$10");
    expect(sim.workbook.value("I. Kết quả", "C5")).toBe(0);
    expect(sim.workbook.value("Thông tin chung", "B22")).toBe("TM. ỦY BAN NHÂN DÂN");
  });

  it("treats a renamed standard sheet as present (found through its names)", async () => {
    const { sim, host } = await freshTemplate();
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("I. Kết quả").name = "Số liệu";
      await ctx.sync();
    });
    const r = await applyLayout(host, layout);
    expect(r.created).toEqual([]);
    expect(r.kept).toContain("Số liệu");
  });

  it("says plainly when a sheet to write is protected, and writes nothing", async () => {
    const { sim, host } = await freshTemplate();
    await sim.run(async (ctx) => {
      ctx.workbook.names.getItem("NHIEM_VU").delete();
      await ctx.sync();
    });
    sim.workbook.setProtected("III. Nhiệm vụ", true);
    await expect(applyLayout(host, layout)).rejects.toThrow(/"III. Nhiệm vụ" đang được bảo vệ/);
  });

  it("explains a cell still in edit mode in Vietnamese", async () => {
    const sim = createSimHost();
    sim.simulateCellEditModeOnNextSync();
    const e = await applyLayout(simExcelHost(sim), layout).catch((x: unknown) => x);
    expect(describeError(e)).toMatch(/chế độ sửa ô/);
  });

  it("skips data validation where ExcelApi 1.8 is missing", async () => {
    const sim = createSimHost({ requirementSets: { ExcelApi: "1.7" } });
    const r = await applyLayout(simExcelHost(sim), layout);
    expect(r.validation).toBe(false);
    expect(sim.workbook.definedNames()).toHaveLength(def.fields.length + 1);
  });
});

describe("Kiểm tra in Excel", () => {
  it("marks each problem cell and writes its message beside it; after the fix restores the cell's own fill", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    const wb = sim.workbook;
    // pasted values bypass Excel's data validation: the add-in's own check must catch them
    wb.setCellValue("I. Kết quả", "C5", "ba", { force: true }); // text in a count
    wb.setCellValue("I. Kết quả", "C12", "1");
    wb.setCellValue("I. Kết quả", "C13", "2"); // đúng hạn 2 > tổng 1: an error
    const first = await checkAndMark(host, { def, layout }, { today });
    expect(first.problems.filter((p) => p.severity === "error").map((p) => `${p.sheet}!${p.cell}`)).toEqual(["I. Kết quả!C5", "I. Kết quả!C12"]);
    expect(wb.cell("I. Kết quả", "C5").fill).toBe(MARK_FILL.error);
    expect(wb.value("I. Kết quả", "E5")).toMatch(/^Lỗi: "Số TTHC đã đánh giá tác động" phải là số nguyên/);
    expect(wb.cell("I. Kết quả", "C12").fill).toBe(MARK_FILL.error);
    expect(wb.cell("Thông tin chung", "B28").fill).toBe(MARK_FILL.warning);
    expect(wb.value("I. Kết quả", "C5")).toBe("ba"); // the value is the user's: untouched

    wb.setCellValue("I. Kết quả", "C5", "3");
    wb.setCellValue("I. Kết quả", "C13", "1");
    const second = await checkAndMark(host, { def, layout }, { today });
    expect(second.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(second.cleared).toBe(2);
    expect(wb.cell("I. Kết quả", "C5").fill).toBe(INPUT_FILL);
    expect(wb.cell("I. Kết quả", "C12").fill).toBe(INPUT_FILL);
    expect(wb.value("I. Kết quả", "E5")).toBeNull();
    expect(wb.cell("Thông tin chung", "B28").fill).toBe(MARK_FILL.warning); // still a problem: still marked
  });

  it("leaves a fill the user chose after the mark", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    sim.workbook.setCellValue("I. Kết quả", "C5", "-1", { force: true });
    await checkAndMark(host, { def, layout }, { today });
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("I. Kết quả").getRange("C5").format.fill.color = "#00B050";
      await ctx.sync();
    });
    sim.workbook.setCellValue("I. Kết quả", "C5", "1");
    await checkAndMark(host, { def, layout }, { today });
    expect(sim.workbook.cell("I. Kết quả", "C5").fill).toBe("#00B050");
  });

  it("uses the same number of syncs (at most 4) for 1 and for 200 unit sheets", async () => {
    const counts: number[] = [];
    for (const n of [1, 200]) {
      const { sim, host } = await freshTemplate();
      typeSample(sim);
      await addUnits(
        host,
        def,
        layout,
        Array.from({ length: n }, (_, i) => ({ name: `Xã Số ${i + 1}`, values: { DGTD_TTHC: i % 2 ? "x" : 1 } })),
      );
      counts.push(await syncsOf(sim, () => checkAndMark(host, { def, layout }, { today })));
      const second = await syncsOf(sim, () => checkAndMark(host, { def, layout }, { today }));
      expect(second).toBeLessThanOrEqual(4);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  it("checks every unit sheet too and marks its cells", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    await addUnits(host, def, layout, [{ name: "Phường Dị Sử", values: { DGTD_TTHC: 1.5 } }]);
    const r = await checkAndMark(host, { def, layout }, { today });
    expect(r.problems.find((p) => p.sheet === "Phường Dị Sử" && p.cell === "C5")).toMatchObject({ code: "count.notWhole", severity: "error" });
    expect(r.unitSheets).toEqual([{ sheet: "Phường Dị Sử", unitName: "Phường Dị Sử", position: sim.workbook.sheetNames().indexOf("Phường Dị Sử") }]);
    expect(sim.workbook.cell("Phường Dị Sử", "C5").fill).toBe(MARK_FILL.error);
    expect(String(sim.workbook.value("Phường Dị Sử", "E5"))).toMatch(/^Lỗi:/);
  });

  it("takes a lĩnh vực inserted just above 'Tổng cộng' into the table: grows BIEU_06, BIEU_06_DONG and the total row's SUMs, in the same syncs", async () => {
    const dl = dossierLayout;
    const { sim, host } = await freshTemplate(dl);
    const wb = sim.workbook;
    for (const v of inputValues(dossiers, dl, sampleData(dossiers.id))) wb.setCellValue(v.sheet, v.address, String(v.value), { force: true });
    const syncs = await syncsOf(sim, () => checkAndMark(host, { def: dossiers, layout: dl }, { today }));
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Biểu 06").getRange("16:16").insert("Down");
      await ctx.sync();
    });
    expect(wb.cell("Biểu 06", "C17").formula).toBe("=SUM(C6:C15)"); // Excel grows neither the SUM nor the names
    ["Nông nghiệp", 50, 50, 0, 0, 50, 0, 50, 0, 0, 0, 0].forEach((v, k) => wb.setCellValue("Biểu 06", `${String.fromCharCode(66 + k)}16`, String(v)));
    let r!: Awaited<ReturnType<typeof checkAndMark>>;
    expect(await syncsOf(sim, async () => (r = await checkAndMark(host, { def: dossiers, layout: dl }, { today })))).toBe(syncs);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(r.problems.filter((p) => p.code === "table.totalShort")).toEqual([]); // fixed now
    expect((r.data.values.BIEU_06 as { rows: string[] }).rows[10]).toBe("Nông nghiệp");
    expect(r.grown.names).toEqual(["BIEU_06", "BIEU_06_DONG"]);
    const names = wb.definedNames();
    expect(names.find((n) => n.name === "BIEU_06")?.formula).toBe("='Biểu 06'!$C$6:$M$16");
    expect(names.find((n) => n.name === "BIEU_06_DONG")?.formula).toBe("='Biểu 06'!$B$6:$B$16");
    expect(wb.cell("Biểu 06", "C17").formula).toBe("=SUM(C6:C16)");
    expect(wb.cell("Biểu 06", "M17").formula).toBe("=SUM(M6:M16)");
    expect(wb.value("Biểu 06", "C17")).toBe(11_042 + 50);
    expect(wb.value("Biểu 06", "B16")).toBe("Nông nghiệp"); // the office's cells untouched
    // once grown, nothing more to grow
    const again = await checkAndMark(host, { def: dossiers, layout: dl }, { today });
    expect(again.grown).toEqual({ names: [], formulas: [] });
  });

  it("takes a task typed just under the 'Nhiệm vụ' list into the list and grows its name", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    sim.workbook.setCellValue("III. Nhiệm vụ", "B17", "Rà soát TTHC lĩnh vực đất đai.");
    const r = await checkAndMark(host, { def, layout }, { today });
    expect((r.data.values.NHIEM_VU as string[]).at(-1)).toBe("Rà soát TTHC lĩnh vực đất đai.");
    expect(r.grown.names).toEqual(["NHIEM_VU"]);
    expect(sim.workbook.definedNames().find((n) => n.name === "NHIEM_VU")?.formula).toBe("='III. Nhiệm vụ'!$B$5:$B$17");
  });

  it("selects a problem's cell in one sync", async () => {
    const { sim, host } = await freshTemplate();
    expect(await syncsOf(sim, () => selectCell(host, "I. Kết quả", "C12"))).toBe(1);
    expect(sim.workbook.activeSheet()?.name).toBe("I. Kết quả");
    expect(sim.workbook.sheet("I. Kết quả")!.selection).toEqual({ r1: 11, c1: 2, r2: 11, c2: 2 });
  });
});

describe("units and Tổng hợp in Excel", () => {
  it("adds unit sheets between the bookends, with Excel's name rules, in two syncs", async () => {
    const { sim, host } = await freshTemplate();
    sim.resetSyncCount();
    const r = await addUnits(host, def, layout, [
      { name: "Phường Bần Yên Nhân" },
      { name: "Xã O'Brien: mới / thử" },
      { name: "phường bần yên nhân" },
      { name: " ?? " },
    ]);
    expect(sim.syncCount).toBe(2);
    expect(r.added.map((a) => a.sheet)).toEqual(["Phường Bần Yên Nhân", "Xã O'Brien mới thử", "phường bần yên nhân (2)"]);
    expect(r.refused).toHaveLength(1);
    const names = sim.workbook.sheetNames();
    expect(names.slice(names.indexOf("DonViDau"), names.indexOf("DonViCuoi") + 1)).toEqual([
      "DonViDau",
      "Phường Bần Yên Nhân",
      "Xã O'Brien mới thử",
      "phường bần yên nhân (2)",
      "DonViCuoi",
    ]);
    expect(sim.workbook.value("Xã O'Brien mới thử", "F2")).toBe("Xã O'Brien: mới / thử");
  });

  it("Tổng hợp writes span formulas whose values are the units' sums, with a constant number of syncs", async () => {
    const counts: number[] = [];
    for (const n of [1, 300]) {
      const { sim, host } = await freshTemplate();
      typeSample(sim);
      const units = Array.from({ length: n }, (_, i) => ({ name: `Xã O'Brien có tên dài số ${i + 1}`, values: { PAKN_TONG: i + 1, DGTD_TTHC: 2 } }));
      await addUnits(host, def, layout, units);
      sim.resetSyncCount();
      const r = await rollupInExcel(host, def, layout, { confirmOverwrite: async () => true });
      counts.push(sim.syncCount);
      expect(r.units).toHaveLength(n);
      expect(sim.workbook.cell("I. Kết quả", "C12").formula).toBe("=SUM(DonViDau:DonViCuoi!C12)");
      expect(sim.workbook.cell("I. Kết quả", "C12").fill).toBe(STYLES.computed.fill); // no longer looks like an input
      expect(sim.workbook.value("I. Kết quả", "C12")).toBe((n * (n + 1)) / 2);
      expect(sim.workbook.value("I. Kết quả", "C5")).toBe(2 * n);
      expect(r.crossCheck).toEqual([]);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(4);
  });

  it("asks before replacing a summary value the user typed, and keeps it when told to", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    sim.workbook.setCellValue("I. Kết quả", "C12", "9");
    await addUnits(host, def, layout, [{ name: "Xã A", values: { PAKN_TONG: 1 } }]);
    const asked: string[] = [];
    const r = await rollupInExcel(host, def, layout, {
      confirmOverwrite: async (cells) => {
        asked.push(...cells.map((c) => `${c.cell}=${c.value}`));
        return false;
      },
    });
    expect(asked).toEqual(expect.arrayContaining(["C12=9"]));
    expect(sim.workbook.value("I. Kết quả", "C12")).toBe(9);
    expect(r.kept.map((k) => k.cell)).toContain("C12");
  });

  it("puts a unit dragged outside the bookends back and moves a foreign sheet out", async () => {
    const { sim, host } = await freshTemplate();
    await addUnits(host, def, layout, [{ name: "Xã A" }, { name: "Xã B" }]);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.add("Ghi chú").position = sim.workbook.sheetNames().indexOf("Xã B");
      await ctx.sync();
    });
    await sim.run(async (ctx) => {
      const b = ctx.workbook.worksheets.getItem("Xã B");
      b.position = 0;
      await ctx.sync();
    });
    const r = await rollupInExcel(host, def, layout, { confirmOverwrite: async () => true });
    const names = sim.workbook.sheetNames();
    expect(names.slice(names.indexOf("DonViDau"), names.indexOf("DonViCuoi") + 1)).toEqual(["DonViDau", "Xã B", "Xã A", "DonViCuoi"]); // units keep their relative order
    expect(names.indexOf("Ghi chú")).toBeGreaterThan(names.indexOf("DonViCuoi"));
    expect(r.moved.length).toBeGreaterThan(0);
  });

  it("Tổng hợp cross-checks what Excel computed in its third sync: nothing when every unit is in place", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    await addUnits(host, def, layout, [
      { name: "Xã A", values: { DGTD_TTHC: 3, PAKN_TONG: 5 } },
      { name: "Xã B", values: { DGTD_TTHC: 1, PAKN_TONG: 2 } },
    ]);
    sim.resetSyncCount();
    const r = await rollupInExcel(host, def, layout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    expect(r.crossCheck).toEqual([]);
  });

  it("Tổng hợp's cross-check catches a figure out of place (a row inserted into a unit sheet), and Kiểm tra reports the shifted sheet", async () => {
    const { sim, host } = await freshTemplate();
    typeSample(sim);
    await addUnits(host, def, layout, [
      { name: "Xã A", values: { DGTD_TTHC: 3, PAKN_TONG: 5 } },
      { name: "Phường Dị Sử", values: { DGTD_TTHC: 7, PAKN_TONG: 3 } },
    ]);
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Phường Dị Sử").getRange("5:5").insert("Down");
      await ctx.sync();
    });
    expect(sim.workbook.value("Phường Dị Sử", "C6")).toBe(7);
    sim.resetSyncCount();
    const r = await rollupInExcel(host, def, layout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    expect(sim.workbook.value("I. Kết quả", "C5")).toBe(3); // Excel adds the inserted row's blank C5
    const c5 = r.crossCheck.find((p) => p.cell === "C5")!;
    expect(c5).toMatchObject({ sheet: "I. Kết quả", severity: "error", code: "units.crossCheck", fieldId: "DGTD_TTHC" });
    expect(c5.message).toContain("là 3, nhưng cộng số liệu của các đơn vị được 10");
    expect(c5.message).toContain('trang "Phường Dị Sử" ô đó là 0 còn số liệu nằm ở ô C6 (7)');

    sim.resetSyncCount();
    const check = await checkAndMark(host, { def, layout }, { today });
    expect(sim.syncCount).toBeLessThanOrEqual(4);
    expect(check.problems.filter((p) => p.sheet === "Phường Dị Sử")).toEqual([
      expect.objectContaining({ code: "units.shifted", cell: "A5", severity: "error" }),
    ]);
    expect(check.problems.find((p) => p.sheet === "I. Kết quả" && p.cell === "C5")).toMatchObject({ code: "units.crossCheck", message: c5.message });
  });

  it("refuses to roll up without units", async () => {
    const { host } = await freshTemplate();
    await expect(rollupInExcel(host, def, layout, { confirmOverwrite: async () => true })).rejects.toThrow(/Chưa có trang đơn vị/);
  });
});

it("the layout's input addresses are what the edge writes to", () => {
  expect(inputOf(layout, "PAKN_TONG").input.first).toBe("C12");
});
