import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { UNIT_MARKER } from "../report/rollup";
import { checkWorkbook } from "./check-workbook";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout, inputOf } from "./layout";
import type { SheetSnapshot } from "./snapshot";
import { rolledUpSnapshot, unitSheetSnapshot } from "./units-testing";
import { checkUnits, evaluateRollups, findUnitSheets, rollupFields, summaryFormulas, unitSheetLayout } from "./units";

const def = loadDefinition();
const layout = buildLayout(def);

const unitSheet = (name: string, figures: Record<string, number | string>, unitName = name) => unitSheetSnapshot(def, name, figures, unitName);
const zeros = () => Object.fromEntries(rollupFields(def).map((f) => [f.id, 0]));

const rolledUp = (units: SheetSnapshot[]) => rolledUpSnapshot(def, layout, units);

describe("unit sheets", () => {
  it("put every roll-up figure in the same cell as the report's section I", () => {
    const unit = unitSheetLayout(def, "Xã Hòa Phong", "Xã Hòa Phong");
    expect(unit.inputs.map((i) => i.fieldId)).toEqual(rollupFields(def).map((f) => f.id));
    for (const i of unit.inputs) expect(i.first).toBe(inputOf(layout, i.fieldId).input.first);
    expect(unit.cells.find((c) => c.address === "F1")?.value).toBe(UNIT_MARKER);
    expect(unit.cells.find((c) => c.address === "A1")?.value).toBe("SỐ LIỆU CỦA ĐƠN VỊ: XÃ HÒA PHONG");
  });

  it("are recognised by their marker, not their name", () => {
    const s = rolledUp([unitSheet("Tên đổi tùy ý", zeros(), "Phường Bần Yên Nhân"), { name: "Ghi chú", cells: { A1: "x" } }]);
    expect(findUnitSheets(s, def).map((u) => [u.sheet, u.unitName])).toEqual([["Tên đổi tùy ý", "Phường Bần Yên Nhân"]]);
  });

  it("summary formulas add the same cell between the bookends", () => {
    expect(summaryFormulas(def, layout).find((f) => f.fieldId === "PAKN_TONG")).toEqual({
      fieldId: "PAKN_TONG",
      sheet: "I. Kết quả",
      cell: "C12",
      formula: "=SUM(DonViDau:DonViCuoi!C12)",
    });
  });
});

describe("evaluating the roll-up without Excel", () => {
  it("sums the units between the bookends for formulas without a cached result", () => {
    const s = evaluateRollups(rolledUp([unitSheet("Xã A", { ...zeros(), PAKN_TONG: 3 }), unitSheet("Xã O'Brien", { ...zeros(), PAKN_TONG: 4 })]));
    expect(s.sheets.find((x) => x.name === "I. Kết quả")!.cells.C12).toBe(7);
  });

  it("gives the report its totals through the normal check", () => {
    const a = { ...zeros(), PAKN_TONG: 5, PAKN_DUNG_HAN: 4, PAKN_DANG_XU_LY: 1, TTHC_NB_CONG_BO: 2 };
    const b = { ...zeros(), PAKN_TONG: 2, PAKN_DUNG_HAN: 1, PAKN_QUA_HAN: 1, TTHC_NB_CONG_BO: 1 };
    const r = checkWorkbook(def, layout, rolledUp([unitSheet("Xã A", a), unitSheet("Xã B", b)]));
    expect(r.data.values.PAKN_TONG).toBe(7);
    expect(r.data.values.PAKN_DUNG_HAN).toBe(5);
    expect(r.data.values.TTHC_NB_CONG_BO).toBe(3);
    expect(r.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("propagates an error value of a unit, as Excel does", () => {
    const s = evaluateRollups(rolledUp([unitSheet("Xã A", { ...zeros(), PAKN_TONG: 1 })]));
    s.sheets.find((x) => x.name === "Xã A")!.cells.C5 = { error: "#REF!" };
    delete s.sheets.find((x) => x.name === "I. Kết quả")!.cells.C5;
    expect(evaluateRollups(s).sheets.find((x) => x.name === "I. Kết quả")!.cells.C5).toEqual({ error: "#REF!" });
  });
});

describe("checks across units", () => {
  it("check each unit with the count rules, on the unit's own cells", () => {
    const bad = { ...zeros(), DGTD_TTHC: "ba", PAKN_TONG: 1, PAKN_DUNG_HAN: 2 };
    const problems = checkUnits(def, rolledUp([unitSheet("Xã A", zeros()), unitSheet("Phường Dị Sử", bad)]));
    expect(problems.map((p) => `${p.severity} ${p.sheet}!${p.cell} ${p.code}`)).toEqual([
      "error Phường Dị Sử!C5 count.text",
      "error Phường Dị Sử!C12 sum.greater",
    ]);
  });

  it("flag a unit outside the bookends and a foreign sheet inside them", () => {
    const s = rolledUp([unitSheet("Xã A", zeros()), { name: "Ghi chú", cells: { A1: "x" } }]);
    s.sheets.push(unitSheet("Xã Muộn", zeros()));
    const codes = checkUnits(def, s).map((p) => `${p.sheet} ${p.code}`);
    expect(codes).toEqual(["Xã Muộn units.outside", "Ghi chú units.intruder"]);
  });

  it("warn when a summary cell holds a typed number while units exist", () => {
    const s = rolledUp([unitSheet("Xã A", zeros())]);
    const summary = s.sheets.find((x) => x.name === "I. Kết quả")!;
    delete summary.formulas!.C5;
    summary.cells.C5 = 9;
    const r = checkWorkbook(def, layout, s);
    expect(r.problems.find((p) => p.code === "units.typedSummary")).toMatchObject({ severity: "warning", sheet: "I. Kết quả", cell: "C5" });
    expect(r.data.values.DGTD_TTHC).toBe(9);
  });

  it("a formula the reader cannot compute is an error, not a silent blank", () => {
    const s = snapshotFromData(def, layout, sampleData());
    const summary = s.sheets.find((x) => x.name === "I. Kết quả")!;
    delete summary.cells.C5;
    summary.formulas = { C5: "=VLOOKUP(A1,B:C,2,0)" };
    expect(checkWorkbook(def, layout, s).problems[0]).toMatchObject({ cell: "C5", code: "formula.notComputed", severity: "error" });
  });
});
