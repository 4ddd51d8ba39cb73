/**
 * "Thêm đơn vị" and "Tổng hợp" of the dossier kind (a table, Biểu 06) against the simulated
 * Excel: unit sheets carry the definition's lĩnh vực, and Tổng hợp adds by lĩnh vực — a row
 * inserted inside a unit's table becomes a row of the summary and of every unit sheet.
 */
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { loadDefinition } from "../report/kinds";
import { buildLayout } from "../workbook/layout";
import { unitSpec } from "../workbook/units";
import { applyLayout } from "./apply-layout";
import { checkAndMark } from "./check-and-mark";
import { UserFacingError } from "./errors";
import { addUnits, rollupInExcel } from "./units";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const layout = buildLayout(def);
const ROWS = def.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
const COLUMNS = "CDEFGHIJKLM".split("");
/** A row that satisfies the table's rules: n received online, all settled on time. */
const rowOf = (n: number) => [n, n, 0, 0, n, 0, n, 0, 0, 0, 0];

async function withUnits(names: string[]): Promise<SimHost> {
  const sim = createSimHost({ sheets: ["Sheet1"] });
  await applyLayout(simExcelHost(sim), layout);
  await addUnits(
    simExcelHost(sim),
    def,
    layout,
    names.map((name) => ({ name })),
  );
  return sim;
}

/** Types a row's figures as the office would. */
function typeRow(sim: SimHost, sheet: string, row: number, n: number): void {
  rowOf(n).forEach((v, c) => sim.workbook.setCellValue(sheet, `${COLUMNS[c]}${row}`, String(v), { force: true }));
}

/** Inserts a whole row above `row` on a sheet, as Excel's Insert > Sheet Rows does. */
async function insertRow(sim: SimHost, sheet: string, row: number): Promise<void> {
  await sim.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(`${row}:${row}`).insert("Down");
    await ctx.sync();
  });
}

describe("Thêm đơn vị of the dossier kind", () => {
  it("gives a unit sheet whose lĩnh vực column holds the definition's rows", async () => {
    const sim = await withUnits(["Xã A"]);
    expect(ROWS.map((_, r) => sim.workbook.value("Xã A", `B${6 + r}`))).toEqual(ROWS);
    expect(sim.workbook.value("Xã A", `B${6 + ROWS.length}`)).toBe("Tổng cộng");
  });
});

describe("Tổng hợp by lĩnh vực", () => {
  it("aligns a row inserted inside a unit's table: a summary row and a row on every unit sheet, each figure in the row of its lĩnh vực", async () => {
    const sim = await withUnits(["Xã A", "Xã B", "Xã C"]);
    ROWS.forEach((_, r) => {
      typeRow(sim, "Xã A", 6 + r, r + 1);
      typeRow(sim, "Xã B", 6 + r, 10 * (r + 1));
      typeRow(sim, "Xã C", 6 + r, 100 * (r + 1));
    });
    // Xã B inserts "Nông nghiệp" inside its table, above "Xây dựng" (row 9)
    await insertRow(sim, "Xã B", 9);
    sim.workbook.setCellValue("Xã B", "B9", "Nông nghiệp", { force: true });
    typeRow(sim, "Xã B", 9, 50);
    // Xã C writes "Lĩnh vực hộ tịch"
    sim.workbook.setCellValue("Xã C", "B7", "Lĩnh vực hộ tịch", { force: true });

    // the unit's own check: no moved rows
    const before = await checkAndMark(simExcelHost(sim), { def, layout }, { today: new Date(2025, 9, 20) });
    expect(before.problems.filter((p) => p.code === "units.shifted")).toEqual([]);

    sim.resetSyncCount();
    const r = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    expect(r.addedRows).toEqual([{ fieldId: "BIEU_06", label: "Nông nghiệp", unitName: "Xã B" }]);
    expect(r.aligned).toEqual(["Biểu 06", "Xã A", "Xã B", "Xã C"]);
    expect(r.crossCheck).toEqual([]);

    const merged = [...ROWS.slice(0, -1), "Nông nghiệp", ROWS[ROWS.length - 1]];
    const farm = 6 + merged.indexOf("Nông nghiệp");
    for (const sheet of ["Biểu 06", "Xã A", "Xã B", "Xã C"]) {
      expect(merged.map((_, i) => sim.workbook.value(sheet, `B${6 + i}`))).toEqual(merged);
      expect(sim.workbook.value(sheet, `B${6 + merged.length}`)).toBe("Tổng cộng");
      expect(sim.workbook.value(sheet, `A${6 + merged.length - 1}`)).toBe(merged.length);
    }
    // figures moved with their lĩnh vực; 0 where a unit has none
    expect(["Xã A", "Xã B", "Xã C"].map((s) => sim.workbook.value(s, `C${farm}`))).toEqual([0, 50, 0]);
    expect(sim.workbook.value("Xã B", "C9")).toBe(40); // "Xây dựng", back in its row
    // the summary: one 3-D SUM per cell, each row the sum of the units' rows of its lĩnh vực
    expect(sim.workbook.cell("Biểu 06", `C${farm}`).formula).toBe(`=SUM(DonViDau:DonViCuoi!C${farm})`);
    merged.forEach((label, i) => {
      const k = ROWS.indexOf(label) + 1;
      expect([label, sim.workbook.value("Biểu 06", `C${6 + i}`)]).toEqual([label, label === "Nông nghiệp" ? 50 : 111 * k]);
    });
    // the total row adds the new row too
    const total = 6 + merged.length;
    expect(sim.workbook.value("Biểu 06", `C${total}`)).toBe(111 * 55 + 50);
    expect(sim.workbook.value("Xã A", `C${total}`)).toBe(55);

    // done again, nothing moves
    sim.resetSyncCount();
    const again = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    expect([again.addedRows, again.aligned, again.crossCheck]).toEqual([[], [], []]);
    const check = await checkAndMark(simExcelHost(sim), { def, layout }, { today: new Date(2025, 9, 20) });
    expect(check.problems.filter((p) => p.code.startsWith("units."))).toEqual([]);
  });

  it("refuses, before writing anything, a unit table with a lĩnh vực twice, naming the sheet and the cell", async () => {
    const sim = await withUnits(["Xã A"]);
    sim.workbook.setCellValue("Xã A", "B9", "Lĩnh vực hộ tịch", { force: true });
    const p = rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    await expect(p).rejects.toBeInstanceOf(UserFacingError);
    await expect(rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true })).rejects.toThrow(
      'Trang "Xã A", ô B9: lĩnh vực "Lĩnh vực hộ tịch" ghi hai lần trong bảng (dòng 2 và dòng 4 của bảng), nên không biết cộng dòng nào vào tổng hợp. Gộp số liệu của hai dòng vào một dòng, xóa dòng kia, rồi bấm "Tổng hợp" lại.',
    );
    expect(sim.workbook.cell("Biểu 06", "C6").formula ?? "").not.toContain("DonViDau");
  });
});

describe("the per-unit sheet, kept in step by Tổng hợp", () => {
  const SHEET = def.unitResults!.sheet;
  const TOTAL = 6 + ROWS.length; // a unit's total row
  const LETTERS = "CDEFGHIJKLMNOP".split("");

  /** The per-unit sheet's rows from row 5 until a blank name: name, then the formula and value of (3). */
  function listed(sim: SimHost): [unknown, unknown, unknown, unknown][] {
    const out: [unknown, unknown, unknown, unknown][] = [];
    for (let row = 5; sim.workbook.value(SHEET, `B${row}`); row++)
      out.push([
        sim.workbook.value(SHEET, `A${row}`),
        sim.workbook.value(SHEET, `B${row}`),
        sim.workbook.cell(SHEET, `C${row}`).formula,
        sim.workbook.value(SHEET, `C${row}`),
      ]);
    return out;
  }

  async function rollup(sim: SimHost) {
    sim.resetSyncCount();
    const r = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    return r;
  }

  it("3 units, then 4, then one renamed: the sheet lists them in sheet order, each figure a formula on the unit's total row, in the same three syncs", async () => {
    const sim = await withUnits(["Xã A", "Xã B", "Xã C"]);
    const type = (sheet: string, n: number) => ROWS.forEach((_, r) => typeRow(sim, sheet, 6 + r, n));
    type("Xã A", 1);
    type("Xã B", 2);
    type("Xã C", 3);
    const sum = ROWS.length; // a unit typing n in every row totals n × rows

    expect((await rollup(sim)).unitResults).toBe(SHEET);
    expect(listed(sim)).toEqual([
      [1, "Xã A", `='Xã A'!C${TOTAL}`, sum],
      [2, "Xã B", `='Xã B'!C${TOTAL}`, 2 * sum],
      [3, "Xã C", `='Xã C'!C${TOTAL}`, 3 * sum],
    ]);
    // right after the units; every column of (3)–(13) points at the same total row; rates and rank by formula
    const names = sim.workbook.sheetNames();
    expect(names[names.indexOf("DonViCuoi") + 1]).toBe(SHEET);
    expect(LETTERS.slice(0, 11).map((l) => sim.workbook.cell(SHEET, `${l}6`).formula)).toEqual(COLUMNS.map((l) => `='Xã B'!${l}${TOTAL}`));
    expect(sim.workbook.cell(SHEET, "N7").formula).toBe('=IF(G7=0,"",(H7+I7)/G7)');
    expect(sim.workbook.cell(SHEET, "P7").formula).toBe('=IF(ISNUMBER(N7),RANK(N7,N$5:N$7),"")');
    expect(sim.workbook.value(SHEET, "B3")).toBe(def.unitResults!.nameHeader);

    // a fourth unit
    await addUnits(simExcelHost(sim), def, layout, [{ name: "Xã D" }]);
    type("Xã D", 4);
    await rollup(sim);
    expect(listed(sim).map((r) => r[1])).toEqual(["Xã A", "Xã B", "Xã C", "Xã D"]);
    expect(listed(sim)[3]).toEqual([4, "Xã D", `='Xã D'!C${TOTAL}`, 4 * sum]);
    expect(sim.workbook.cell(SHEET, "P8").formula).toBe('=IF(ISNUMBER(N8),RANK(N8,N$5:N$8),"")');

    // Xã B renamed (its tab and its name), Xã A removed: the sheet follows, nothing of theirs is left
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Xã B").name = "Phường Bình Minh";
      ctx.workbook.worksheets.getItem("Xã A").delete();
      await ctx.sync();
    });
    sim.workbook.setCellValue("Phường Bình Minh", unitSpec(def).nameCell, "Phường Bình Minh", { force: true });
    await rollup(sim);
    expect(listed(sim)).toEqual([
      [1, "Phường Bình Minh", `='Phường Bình Minh'!C${TOTAL}`, 2 * sum],
      [2, "Xã C", `='Xã C'!C${TOTAL}`, 3 * sum],
      [3, "Xã D", `='Xã D'!C${TOTAL}`, 4 * sum],
    ]);
    expect([sim.workbook.value(SHEET, "B8"), sim.workbook.cell(SHEET, "C8").formula]).toEqual([null, null]);
    expect(sim.workbook.sheetNames().filter((n) => n === SHEET)).toHaveLength(1);
    // Kiểm tra reads it back: every unit with its totals, and no warning that the sheet is out of step
    const check = await checkAndMark(simExcelHost(sim), { def, layout }, { today: new Date(2025, 9, 20) });
    expect(check.problems.filter((p) => p.code === "unitResults.outOfStep")).toEqual([]);
    expect(check.data?.units?.map((u) => [u.name, u.figures["BIEU_06.TONG_NHAN"], u.figures["BIEU_06.DUNG_HAN"]])).toEqual([
      ["Phường Bình Minh", 2 * sum, 2 * sum],
      ["Xã C", 3 * sum, 3 * sum],
      ["Xã D", 4 * sum, 4 * sum],
    ]);
  });

  it("writes one row per unit in three syncs for 1 unit as for 40", async () => {
    for (const n of [1, 40]) {
      const names = Array.from({ length: n }, (_, i) => `Xã Số ${i + 1}`);
      const sim = await withUnits(names);
      await rollup(sim);
      expect(listed(sim).map((r) => [r[1], r[2]])).toEqual(names.map((name) => [name, `='${name}'!C${TOTAL}`]));
    }
  }, 60_000);
});

describe("the list of units expected to send, in the pane", () => {
  const today = new Date(2025, 9, 20);
  const LIST = "Danh sách đơn vị";

  it("Tổng hợp makes the list sheet a workbook lacks (same three syncs); pasted names make Kiểm tra name who has not sent, in the same syncs", async () => {
    const sim = await withUnits(["Xã A", "Xã B", "Xã C"]);
    // a summary made before the list existed
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(LIST).delete();
      await ctx.sync();
    });
    ROWS.forEach((_, r) => {
      typeRow(sim, "Xã A", 6 + r, r + 1);
      typeRow(sim, "Xã B", 6 + r, 2);
    }); // Xã C types nothing

    sim.resetSyncCount();
    const r = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    expect(sim.syncCount).toBe(3);
    expect(r.listAdded).toBe(LIST);
    expect(sim.workbook.sheetNames().at(-1)).toBe(LIST);
    expect(sim.workbook.value(LIST, "A3")).toBe("Tên đơn vị");

    // without names: no warning about the list (the first Kiểm tra after Tổng hợp also writes what it grows)
    await checkAndMark(simExcelHost(sim), { def, layout }, { today });
    sim.resetSyncCount();
    const empty = await checkAndMark(simExcelHost(sim), { def, layout }, { today });
    const syncsWithoutList = sim.syncCount;
    expect(empty.problems.filter((p) => /expected|notExpected/.test(p.code))).toEqual([]);

    // the office pastes its list
    ["UBND xã A", "xã  c", "Xã D"].forEach((name, i) => sim.workbook.setCellValue(LIST, `A${4 + i}`, name, { force: true }));
    sim.resetSyncCount();
    const check = await checkAndMark(simExcelHost(sim), { def, layout }, { today });
    expect(sim.syncCount).toBe(syncsWithoutList);
    expect(check.problems.filter((p) => /expected|notExpected/.test(p.code)).map((p) => [p.sheet, p.cell, p.code, p.message])).toEqual([
      [
        LIST,
        "A5",
        "units.expectedEmpty",
        'Đơn vị "xã c" đã có trang "Xã C" nhưng chưa nhập số liệu nào (chưa gửi số liệu). Nhập số liệu của đơn vị vào các ô nền vàng của trang "Xã C".',
      ],
      [
        LIST,
        "A6",
        "units.expectedMissing",
        'Đơn vị "Xã D" có trong danh sách ở trang "Danh sách đơn vị" nhưng chưa có trang số liệu trong sổ (chưa gửi số liệu). Thêm số liệu của đơn vị (nút "Nhập từ tệp" hoặc "Thêm đơn vị"), hoặc xóa tên khỏi danh sách nếu đơn vị không phải gửi.',
      ],
      [
        "Xã B",
        "O2",
        "units.notExpected",
        'Đơn vị "Xã B" không có trong danh sách đơn vị ở trang "Danh sách đơn vị". Sửa tên đơn vị ở ô này cho đúng tên trong danh sách, hoặc thêm đơn vị vào danh sách.',
      ],
    ]);
    expect(check.data?.expectedUnits).toEqual({ expected: ["UBND xã A", "xã c", "Xã D"], missing: ["xã c", "Xã D"] });

    // done again, the list is kept as typed
    const again = await rollupInExcel(simExcelHost(sim), def, layout, { confirmOverwrite: async () => true });
    expect(again.listAdded).toBeNull();
    expect(sim.workbook.value(LIST, "A4")).toBe("UBND xã A");
  });
});
