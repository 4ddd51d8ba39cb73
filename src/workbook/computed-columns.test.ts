/**
 * A table's computed column ("sumOf"): the reader takes the value of its formula — computed
 * here for a file without cached results — and says when the formula was typed over or cleared.
 */
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { ReportDefinition, TableValue } from "../report/types";
import { checkWorkbook, formatProblem } from "./check-workbook";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout } from "./layout";
import { findSheet, setSnapshotCell, type WorkbookSnapshot } from "./snapshot";
import { rolledUpWorkbook } from "./unit-workbook";
import { evaluateCellSums, evaluateFormulas } from "./units";

const def: ReportDefinition = structuredClone(loadDefinition("bao-cao-giai-quyet-tthc"));
def.fields.find((f) => f.id === "BIEU_06")!.table!.columns[0].sumOf = ["TRUC_TUYEN", "TRUC_TIEP", "TU_KY_TRUOC"];
const layout = buildLayout(def);
const today = new Date(2025, 9, 1);
const SHEET = "Biểu 06";

const sample = (): WorkbookSnapshot => snapshotFromData(def, layout, sampleData(def.id));
const check = (s: WorkbookSnapshot) => checkWorkbook(def, layout, s, { today });
const sheetOf = (s: WorkbookSnapshot) => findSheet(s, SHEET)!;
/** types a value over a cell, as a user does: the formula goes */
const typeOver = (s: WorkbookSnapshot, cell: string, value: number | string | null) => {
  delete sheetOf(s).formulas![cell];
  setSnapshotCell(s, SHEET, cell, value);
};

describe("a computed column", () => {
  it("of a file without cached results: the reader computes each row's sum, and the sample checks clean", () => {
    const s = sample();
    expect(sheetOf(s).cells.C6).toBeNull();
    expect(sheetOf(s).formulas!.C6).toBe("=D6+E6+F6");
    const result = check(s);
    expect((result.data.values.BIEU_06 as TableValue).cells).toEqual((sampleData(def.id).values.BIEU_06 as TableValue).cells);
    expect(result.problems.filter((p) => p.fieldId === "BIEU_06")).toEqual([]);
  });

  it("a cached value (Excel computed it) is read as it is, not recomputed", () => {
    const s = sample();
    sheetOf(s).cells.C6 = 1;
    expect(sheetOf(evaluateCellSums(s)).cells.C6).toBe(1);
    expect(check(s).problems.map((p) => [p.cell, p.code])).toEqual([
      ["C6", "table.rowSum"],
      ["C6", "table.rowBalance"],
    ]);
  });

  it("computes like Excel's +: blank is 0, numeric text counts, other text gives #VALUE!, an error passes through", () => {
    const s: WorkbookSnapshot = {
      sheets: [
        {
          name: "A",
          cells: { B1: null, C1: 2, D1: "3", B2: null, C2: "ba", B3: null, C3: { error: "#REF!" }, B4: null },
          formulas: { B1: "=C1+D1+E1", B2: "=C2+D2", B3: "=$C$3+D3", B4: "=B1+B1" },
        },
      ],
      names: {},
    };
    expect(evaluateCellSums(s).sheets[0].cells).toMatchObject({ B1: 5, B2: { error: "#VALUE!" }, B3: { error: "#REF!" }, B4: 10 });
  });

  it("computes a total row's SUM of a range like Excel's SUM: text and blanks skipped, computed cells first, an error passes through", () => {
    const s: WorkbookSnapshot = {
      sheets: [
        {
          name: "A",
          cells: { C6: 4, C7: "7", C8: null, D8: 1, E8: 2, C9: null, C10: null, F1: null, F2: { error: "#N/A" }, F3: null },
          formulas: { C8: "=D8+E8", C10: "=SUM(C6:C9)", F3: "=SUM($F$1:$F$2)" },
        },
      ],
      names: {},
    };
    expect(evaluateCellSums(s).sheets[0].cells).toMatchObject({ C8: 3, C10: 7, F3: { error: "#N/A" } });
  });

  it("in a roll-up's summary, adds the parts the roll-up computed", () => {
    const s: WorkbookSnapshot = {
      sheets: [
        {
          name: SHEET,
          cells: { C6: null, D6: null, E6: null },
          formulas: { C6: "=D6+E6", D6: "=SUM(DonViDau:DonViCuoi!D6)", E6: "=SUM(DonViDau:DonViCuoi!E6)" },
        },
        { name: "DonViDau", cells: {} },
        { name: "Xã A", cells: { D6: 1, E6: 2 } },
        { name: "Xã B", cells: { D6: 10, E6: 20 } },
        { name: "DonViCuoi", cells: {} },
      ],
      names: {},
    };
    expect(evaluateFormulas(s).sheets[0].cells).toEqual({ C6: 33, D6: 11, E6: 22 });
  });

  it("typed over with a number: a warning on that cell, and the number is still judged by the rules", () => {
    const s = sample();
    typeOver(s, "C7", 1750);
    expect(check(s).problems.map(formatProblem)).toEqual([
      'Biểu 06!C7: [Lỗi] Dòng "Hộ tịch": (3) là 1750, nhưng (4) + (5) + (6) là 1745; hai bên phải bằng nhau.',
      'Biểu 06!C7: [Cảnh báo] Dòng "Hộ tịch", cột (3) Số hồ sơ nhận giải quyết – Tổng số: ô tính bằng công thức đã bị gõ đè (số 1750 gõ tay, không tự cộng nữa). Xóa số đã gõ và nhập lại công thức =D7+E7+F7.',
      // (3) more than (7) + (11): returned or withdrawn dossiers, a warning
      'Biểu 06!C7: [Cảnh báo] Dòng "Hộ tịch": (3) là 1.750, lớn hơn (7) + (11) là 1.745: chênh lệch 5 được tính là hồ sơ trả lại hoặc rút. Nếu không phải vậy, sửa số liệu cho hai bên bằng nhau.',
    ]);
    // typed over with the right sum: only the warning
    const right = sample();
    typeOver(right, "C7", 1745);
    expect(check(right).problems.map((p) => [p.cell, p.severity, p.code])).toEqual([["C7", "warning", "table.formulaOverwritten"]]);
  });

  it("cleared in a row with figures: an error that gives the formula back", () => {
    const s = sample();
    typeOver(s, "C7", null);
    expect(check(s).problems.map(formatProblem)).toEqual([
      'Biểu 06!C7: [Lỗi] Dòng "Hộ tịch", cột (3) Số hồ sơ nhận giải quyết – Tổng số: ô tính bằng công thức đã bị xóa. Nhập lại công thức =D7+E7+F7.',
    ]);
  });

  it("a part typed as text is reported on the part only, not again as the sum's #VALUE!", () => {
    const s = sample();
    setSnapshotCell(s, SHEET, "D7", "nhiều");
    expect(check(s).problems.map((p) => [p.cell, p.code])).toEqual([["D7", "table.text"]]);
  });

  it("a row whose inputs are all blank is empty, whatever the computed cell's 0", () => {
    const s = sample();
    for (const col of "DEFGHIJKLM") setSnapshotCell(s, SHEET, `${col}14`, null);
    expect(check(s).problems.map((p) => [p.cell, p.code])).toEqual([["C14", "table.rowEmpty"]]);
    // half filled: the blank inputs are named, not the computed column
    setSnapshotCell(s, SHEET, "D14", 1);
    expect(check(s).problems.map((p) => p.message)).toEqual([expect.stringMatching(/còn trống ở cột \(5\), \(6\), \(7\)/)]);
  });

  describe("in a roll-up", () => {
    /** the rolled-up workbook as ExcelJS writes it: the layout's formulas and the roll-up's, no results */
    function rolledUp(): WorkbookSnapshot {
      const t = sampleData(def.id).values.BIEU_06 as TableValue;
      const unit = (name: string, k: number) => ({
        sheet: name,
        unitName: name,
        values: {},
        tables: { BIEU_06: { rows: t.rows, cells: t.cells.map((row) => row.map((v) => (v ?? 0) * k)) } },
      });
      const planned = rolledUpWorkbook(def, [unit("Xã A", 1), unit("Xã B", 2)], sampleData(def.id));
      const s = snapshotFromData(planned.def, planned.layout, planned.data);
      // the layout's texts too: the units' markers and names, the headers
      for (const sheet of planned.layout.sheets)
        for (const c of sheet.cells) if (c.value !== null && !c.formula) setSnapshotCell(s, sheet.name, c.address, c.value);
      for (const v of planned.values) setSnapshotCell(s, v.sheet, v.address, v.value);
      for (const f of planned.formulas) {
        const sheet = findSheet(s, f.sheet)!;
        sheet.formulas = { ...sheet.formulas, [f.cell]: f.formula };
        sheet.cells[f.cell] = null;
      }
      return s;
    }

    it("the summary's computed cells keep their row formula, the units' computed cells are not written over, and all checks clean", () => {
      const s = rolledUp();
      expect(sheetOf(s).formulas).toMatchObject({ C6: "=D6+E6+F6", D6: "=SUM(DonViDau:DonViCuoi!D6)" });
      expect(findSheet(s, "Xã B")!.formulas!.C6).toBe("=D6+E6+F6");
      expect(findSheet(s, "Xã B")!.cells.C6).toBeNull();
      const result = check(s);
      expect(result.problems).toEqual([]);
      expect((result.data.values.BIEU_06 as TableValue).cells[0][0]).toBe(8377 * 3);
    });

    it("a summary's computed cell typed over is one warning (not also a typed summary cell or a cross-check error)", () => {
      const s = rolledUp();
      typeOver(s, "C6", 8377 * 3);
      expect(check(s).problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([[SHEET, "C6", "table.formulaOverwritten"]]);
    });

    it("a unit's computed cell typed over is a warning on the unit's sheet", () => {
      const s = rolledUp();
      delete findSheet(s, "Xã A")!.formulas!.C7;
      setSnapshotCell(s, "Xã A", "C7", 1745);
      expect(check(s).problems.map((p) => [p.sheet, p.cell, p.code])).toEqual([["Xã A", "C7", "table.formulaOverwritten"]]);
    });
  });
});
