import { loadDefinition } from "../report/kinds";
import { cellAddress, parseCell } from "../report/refs";
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { sampleData } from "../report/sample";
import { rejectionMessage } from "./file-messages";
import { snapshotFromData } from "./data-snapshot";
import { crossCheckRollup } from "./rollup-cross-check";
import { alignTable, mergeUnitRows, rowLabelProblem, sameRows, tableCells, withTableRows } from "./rollup-rows";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { planRollup, rolledUpWorkbook, unitFiguresOf, type RollupSource } from "./unit-workbook";
import { checkUnitSheets, unitSheetLayout, unitTablesOn } from "./units";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const table = def.fields.find((f) => f.id === "BIEU_06")!.table!;
const ROWS = table.rows;
const COLUMNS = table.columns.length;

/** Figures of a row that satisfy the table's rules: n received online, all settled on time. */
const rowOf = (n: number) => [n, n, 0, 0, n, 0, n, 0, 0, 0, 0];

/** A unit sheet as the add-in writes it, with `rows` (label, received) in its table. */
function unitSheet(name: string, rows: [string, number][]): SheetSnapshot {
  const l = unitSheetLayout(withTableRows(def, { BIEU_06: rows.map(([label]) => label) }), name, name);
  const cells: SheetSnapshot["cells"] = {};
  for (const c of l.cells) if (c.value !== null) cells[c.address] = c.value;
  const input = l.inputs[0];
  const first = parseCell(input.first);
  rows.forEach(([label, n], r) => {
    cells[cellAddress({ row: first.row + r, col: first.col - 1 })] = label;
    rowOf(n).forEach((v, c) => (cells[cellAddress({ row: first.row + r, col: first.col + c })] = v));
  });
  return { name, cells };
}

const standard: [string, number][] = ROWS.map((label, i) => [label, i + 1]);

describe("a unit's table on its sheet", () => {
  it("is read between its header and its total row: a row inserted inside it, or just above the total, belongs to it", () => {
    const inside: [string, number][] = [...standard.slice(0, 3), ["Nông nghiệp", 50], ...standard.slice(3)];
    const sheet = unitSheet("Xã A", inside);
    const at = unitTablesOn(def, sheet)!.BIEU_06;
    expect([at.first, at.last, at.rows.length]).toEqual([6, 16, 11]);
    expect(at.rows[3]).toBe("Nông nghiệp");
    expect(sheet.cells.B17).toBe("Tổng cộng");
    // the unit's own check sees no moved rows and no error
    const snapshot: WorkbookSnapshot = { sheets: [sheet], names: {} };
    expect(checkUnitSheets(def, snapshot)).toEqual([]);
    const figures = unitFiguresOf(def, snapshot)[0].tables!.BIEU_06;
    expect(figures.rows).toEqual(inside.map(([l]) => l));
    expect(figures.cells[3]).toEqual(rowOf(50));
    expect(figures.labelsAt).toBe("B6");
  });

  it("is not found when rows were inserted above it (the sheet moved): layout-shift.ts tells that", () => {
    const sheet = unitSheet("Xã A", standard);
    const moved: SheetSnapshot = { name: sheet.name, cells: {} };
    for (const [a, v] of Object.entries(sheet.cells)) {
      const p = parseCell(a);
      moved.cells[p.row >= 3 ? cellAddress({ row: p.row + 1, col: p.col }) : a] = v;
    }
    expect(unitTablesOn(def, moved)).toBeNull();
    expect(checkUnitSheets(def, { sheets: [moved], names: {} }).map((p) => p.code)).toEqual(["units.shifted"]);
  });
});

describe("rows merged by lĩnh vực", () => {
  const a = { unitName: "Xã A", tables: { BIEU_06: tableCells(unitSheet("Xã A", standard), unitTablesOn(def, unitSheet("Xã A", standard))!.BIEU_06) } };
  const withFarm: [string, number][] = [...standard.slice(0, 3), ["Nông nghiệp", 50], ...standard.slice(3)];
  const b = { unitName: "Xã B", tables: { BIEU_06: tableCells(unitSheet("Xã B", withFarm), unitTablesOn(def, unitSheet("Xã B", withFarm))!.BIEU_06) } };
  const renamed: [string, number][] = standard.map(([l, n]) => [l === "Hộ tịch" ? "Lĩnh vực hộ tịch" : l, n * 10]).reverse() as [string, number][];
  const c = { unitName: "Xã C", tables: { BIEU_06: tableCells(unitSheet("Xã C", renamed), unitTablesOn(def, unitSheet("Xã C", renamed))!.BIEU_06) } };

  it("adds a unit's lĩnh vực the summary lacks before 'Lĩnh vực khác', naming the unit; another spelling is the same row", () => {
    const { rows, added } = mergeUnitRows(def, {}, [a, c, b]);
    expect(rows.BIEU_06).toEqual([...ROWS.slice(0, -1), "Nông nghiệp", "Lĩnh vực khác"]);
    expect(added).toEqual([{ fieldId: "BIEU_06", label: "Nông nghiệp", unitName: "Xã B" }]);
    // the base's own rows come first, in its order
    expect(mergeUnitRows(def, { BIEU_06: ["Hộ tịch", "Chứng thực", ""] }, [a]).rows.BIEU_06).toEqual([
      "Hộ tịch",
      "Chứng thực",
      ...ROWS.filter((r) => r !== "Hộ tịch" && r !== "Chứng thực"),
    ]);
  });

  it("puts each figure into the row of its lĩnh vực, 0 where a unit has none", () => {
    const { rows } = mergeUnitRows(def, {}, [a, b, c]);
    const farm = rows.BIEU_06.indexOf("Nông nghiệp");
    const alignedA = alignTable(a.tables.BIEU_06, rows.BIEU_06, COLUMNS);
    expect(alignedA.cells[farm]).toEqual(Array(COLUMNS).fill(0));
    expect(alignedA.cells[1]).toEqual(rowOf(2));
    const alignedC = alignTable(c.tables.BIEU_06, rows.BIEU_06, COLUMNS);
    expect(alignedC.cells[1]).toEqual(rowOf(20)); // "Lĩnh vực hộ tịch", last but one in its file
    expect(alignedC.cells[0]).toEqual(rowOf(10));
    expect(alignTable(b.tables.BIEU_06, rows.BIEU_06, COLUMNS).cells[farm]).toEqual(rowOf(50));
    expect(sameRows(alignedC.rows, rows.BIEU_06)).toBe(true);
    expect(sameRows(c.tables.BIEU_06.rows, rows.BIEU_06)).toBe(false);
  });

  it("refuses a table with a lĩnh vực twice, or figures without a lĩnh vực, naming the cell", () => {
    const twice = { rows: ["Hộ tịch", "Đất đai", "LĨNH VỰC HỘ TỊCH"], cells: [rowOf(1), rowOf(2), rowOf(3)] };
    expect(rowLabelProblem(twice)).toEqual({ row: 3, kind: "duplicate", label: "LĨNH VỰC HỘ TỊCH", firstRow: 1 });
    expect(rowLabelProblem({ rows: ["Hộ tịch", "", ""], cells: [rowOf(1), [null], rowOf(3)] })).toEqual({ row: 3, kind: "unlabeled" });
    const source: RollupSource = {
      file: "xa-d.xlsx",
      kind: "unit",
      units: [{ sheet: "Xã D", unitName: "Xã D", values: {}, tables: { BIEU_06: { ...twice, labelsAt: "B6" } } }],
    };
    const plan = planRollup([source], [], { def });
    expect(plan.units).toEqual([]);
    expect(rejectionMessage(plan.rejected[0], "cli")).toBe(
      'Tệp "xa-d.xlsx", đơn vị "Xã D": bảng "Biểu số 06: tình hình, kết quả giải quyết TTHC" ghi lĩnh vực "LĨNH VỰC HỘ TỊCH" hai lần (dòng 1 và dòng 3 của bảng, trang "Xã D", ô B8), nên không biết cộng dòng nào vào tổng hợp. Gộp số liệu của hai dòng vào một dòng, xóa dòng kia, rồi tổng hợp lại.',
    );
  });
});

describe("the roll-up of units whose lists of lĩnh vực differ", () => {
  const files: [string, [string, number][]][] = [
    ["Xã A", standard],
    ["Xã B", [...standard.slice(0, 3), ["Nông nghiệp", 50], ...standard.slice(3)]],
    ["Xã C", standard.map(([l, n]) => [l === "Hộ tịch" ? "Lĩnh vực hộ tịch" : l, n * 10] as [string, number]).reverse()],
  ];
  const sources: RollupSource[] = files.map(([name, rows]) => ({
    file: `${name}.xlsx`,
    kind: "unit",
    units: unitFiguresOf(def, { sheets: [unitSheet(name, rows)], names: {} }),
  }));

  it("takes every unit, adds the new lĩnh vực to the summary and gives every unit sheet the same rows", () => {
    const plan = planRollup(sources, ["Biểu 06"], { def });
    expect(plan.rejected).toEqual([]);
    expect(plan.units.map((u) => u.unitName)).toEqual(["Xã A", "Xã B", "Xã C"]);
    expect(plan.added).toEqual([{ fieldId: "BIEU_06", label: "Nông nghiệp", unitName: "Xã B" }]);
    for (const u of plan.units) expect(u.tables!.BIEU_06.rows).toEqual(plan.rows.BIEU_06);
  });

  it("writes one 3-D SUM per cell over rows that are the same on every unit sheet; the summary is the sum by lĩnh vực", () => {
    const plan = planRollup(sources, ["Biểu 06"], { def });
    const r = rolledUpWorkbook(def, plan.units, sampleData("bao-cao-giai-quyet-tthc"));
    const merged = plan.rows.BIEU_06;
    expect(r.def.fields.find((f) => f.id === "BIEU_06")!.table!.rows).toEqual(merged);
    expect(r.formulas).toHaveLength(merged.length * COLUMNS);
    expect(r.formulas.find((f) => f.cell === "C16")!.formula).toBe("=SUM(DonViDau:DonViCuoi!C16)");
    // each unit's figures in the row of their lĩnh vực
    const farm = 6 + merged.indexOf("Nông nghiệp");
    const at = (sheet: string, address: string) => r.values.find((v) => v.sheet === sheet && v.address === address)?.value;
    expect([at("Xã A", `C${farm}`), at("Xã B", `C${farm}`), at("Xã C", `C${farm}`)]).toEqual([0, 50, 0]);
    expect([at("Xã A", "C7"), at("Xã B", "C7"), at("Xã C", "C7"), at("Xã C", "B7")]).toEqual([2, 2, 20, "Hộ tịch"]);

    // evaluated as Excel would: every summary row is the sum of the units' rows of its lĩnh vực, and the cross-check agrees
    const s = snapshotFromData(r.def, r.layout, r.data);
    for (const l of r.layout.sheets) {
      const sheet = s.sheets.find((x) => x.name === l.name) ?? s.sheets[s.sheets.push({ name: l.name, cells: {} }) - 1];
      for (const c of l.cells) if (c.value !== null && sheet.cells[c.address] === undefined) sheet.cells[c.address] = c.value;
    }
    const summary = s.sheets.find((x) => x.name === "Biểu 06")!;
    summary.formulas = { ...summary.formulas };
    for (const f of r.formulas) {
      summary.formulas[f.cell] = f.formula;
      delete summary.cells[f.cell];
    }
    for (const v of r.values) s.sheets.find((x) => x.name === v.sheet)!.cells[v.address] = v.value as CellValue;
    expect(s.sheets.map((x) => x.name).slice(-6)).toEqual([BOOKEND_START, "Xã A", "Xã B", "Xã C", BOOKEND_END, def.unitResults!.sheet]);
    expect(crossCheckRollup(r.def, s)).toEqual([]);
    expect(crossCheckRollup(def, s)).toEqual([]);
  });
});
