import { loadDefinition } from "../report/kinds";
import { cellAddress, parseCell } from "../report/refs";
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { sampleData } from "../report/sample";
import { checkWorkbook } from "./check-workbook";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout } from "./layout";
import { hasShiftedUnits, locateRow } from "./layout-shift";
import { crossCheckRollup, rollupMismatches } from "./rollup-cross-check";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { findUnitSheets, rollupFields, summaryFormulas, unitSheetLayout } from "./units";

const def = loadDefinition();
const layout = buildLayout(def);
const SUMMARY = "I. Kết quả";

/** A unit sheet as the add-in writes it: the layout's texts, the marker and the figures. */
function unitSheet(name: string, figures: Record<string, number>): SheetSnapshot {
  const l = unitSheetLayout(def, name, name);
  const cells: SheetSnapshot["cells"] = {};
  for (const c of l.cells) if (c.value !== null) cells[c.address] = c.value;
  for (const i of l.inputs) cells[i.first] = figures[i.fieldId] ?? 0;
  return { name, cells };
}

/** Whole rows inserted (n > 0) or deleted (n < 0) at `at`, as Excel does. */
function shiftRows(s: SheetSnapshot, at: number, n: number): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  for (const [a, v] of Object.entries(s.cells)) {
    const p = parseCell(a);
    if (p.row < at) cells[a] = v;
    else if (n < 0 && p.row < at - n) continue;
    else cells[cellAddress({ row: p.row + n, col: p.col })] = v;
  }
  return { ...s, cells };
}

/** The sample report with the units between the bookends and the roll-up formulas (spelt by `spell`), without cached results. */
function rolledUp(units: SheetSnapshot[], spell: (f: string) => string = (f) => f): WorkbookSnapshot {
  const s = snapshotFromData(def, layout, sampleData());
  const summary = s.sheets.find((x) => x.name === SUMMARY)!;
  summary.formulas = {};
  for (const f of summaryFormulas(def, layout)) {
    delete summary.cells[f.cell];
    summary.formulas[f.cell] = spell(f.formula);
  }
  s.sheets.push({ name: BOOKEND_START, cells: {} }, ...units, { name: BOOKEND_END, cells: {} });
  return s;
}

const A = { DGTD_TTHC: 3, THAM_DINH_TTHC: 2, TTHC_NB_CONG_BO: 4, PAKN_TONG: 5, PAKN_DUNG_HAN: 4, PAKN_DANG_XU_LY: 1 };
const B = { DGTD_TTHC: 1, THAM_DINH_TTHC: 1, TTHC_NB_CONG_BO: 2, PAKN_TONG: 2, PAKN_DUNG_HAN: 1, PAKN_QUA_HAN: 1 };
const C = { DGTD_TTHC: 7, THAM_DINH_TTHC: 6, TTHC_NB_CONG_BO: 1, PAKN_TONG: 3, PAKN_DUNG_HAN: 3 };

describe("the cross-check of the roll-up", () => {
  it("finds nothing when every unit keeps its layout, computed here or cached by Excel", () => {
    const s = rolledUp([unitSheet("Xã A", A), unitSheet("Xã B", B), unitSheet("Phường Dị Sử", C)]);
    expect(crossCheckRollup(def, s)).toEqual([]);
    const summary = s.sheets.find((x) => x.name === SUMMARY)!;
    for (const f of summaryFormulas(def, layout)) {
      const id = f.fieldId as keyof typeof A;
      summary.cells[f.cell] = ((A as Record<string, number>)[id] ?? 0) + ((B as Record<string, number>)[id] ?? 0) + ((C as Record<string, number>)[id] ?? 0);
    }
    expect(crossCheckRollup(def, s)).toEqual([]);
  });

  it("names the unit whose figure is not where the formula looks (a row inserted into its sheet)", () => {
    const s = rolledUp([unitSheet("Xã A", A), shiftRows(unitSheet("Phường Dị Sử", C), 5, 1)]);
    const mismatches = rollupMismatches(def, s);
    // every figure of the shifted unit moved one row down: each summary cell where that changes what is added
    const dgtd = mismatches.find((m) => m.fieldId === "DGTD_TTHC")!;
    expect(dgtd).toMatchObject({ sheet: SUMMARY, cell: "C5", unitCell: "C5", value: 3, expected: 10 });
    expect(dgtd.misplaced).toEqual([{ sheet: "Phường Dị Sử", unitName: "Phường Dị Sử", added: 0, figure: 7, figureCell: "C6" }]);
    expect(mismatches.map((m) => m.fieldId)).toEqual(expect.arrayContaining(["DGTD_TTHC", "THAM_DINH_TTHC", "PAKN_TONG"]));

    const problems = crossCheckRollup(def, s);
    const p = problems.find((x) => x.cell === "C5")!;
    expect(p).toMatchObject({ sheet: SUMMARY, severity: "error", code: "units.crossCheck", fieldId: "DGTD_TTHC" });
    expect(p.message).toBe(
      'Ô tổng hợp "Số TTHC đã đánh giá tác động" là 3, nhưng cộng số liệu của các đơn vị được 10: công thức cộng ô C5 của từng trang, mà ở trang "Phường Dị Sử" ô đó là 0 còn số liệu nằm ở ô C6 (7). Sửa các trang đó (xem lỗi trên từng trang) hoặc nhập lại đơn vị từ tệp.',
    );
  });

  it("is not fooled by a 0 typed where the formula looks, as the old message advised", () => {
    const shifted = shiftRows(unitSheet("Phường Dị Sử", C), 5, 1);
    shifted.cells.C5 = 0;
    const p = crossCheckRollup(def, rolledUp([unitSheet("Xã A", A), shifted])).find((x) => x.cell === "C5");
    expect(p?.message).toContain('trang "Phường Dị Sử" ô đó là 0 còn số liệu nằm ở ô C6 (7)');
  });

  it("names a unit whose figure's row was deleted", () => {
    const s = rolledUp([unitSheet("Xã A", A), shiftRows(unitSheet("Xã B", B), 5, -1)]);
    const m = rollupMismatches(def, s).find((x) => x.fieldId === "DGTD_TTHC")!;
    expect(m.misplaced).toEqual([{ sheet: "Xã B", unitName: "Xã B", added: 1, figure: null, figureCell: null }]);
    expect(crossCheckRollup(def, s).find((x) => x.cell === "C5")?.message).toContain('trang "Xã B" ô đó là 1 và không tìm thấy dòng của chỉ tiêu này');
  });

  it("names a sheet between the bookends that is not a unit but adds a number", () => {
    const s = rolledUp([unitSheet("Xã A", A), { name: "Ghi chú", cells: { C12: 9 } }]);
    const p = crossCheckRollup(def, s);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ cell: "C12", fieldId: "PAKN_TONG" });
    expect(p[0].message).toContain("là 14, nhưng cộng số liệu của các đơn vị được 5");
    expect(p[0].message).toContain('trang "Ghi chú" không phải trang đơn vị nhưng có số 9 ở ô đó');
  });

  it("says the workbook was not recalculated when Excel's cached total is not the sum", () => {
    const s = rolledUp([unitSheet("Xã A", A), unitSheet("Xã B", B)]);
    s.sheets.find((x) => x.name === SUMMARY)!.cells.C12 = 6;
    const p = crossCheckRollup(def, s);
    expect(p).toEqual([expect.objectContaining({ cell: "C12", code: "units.crossCheck" })]);
    expect(p[0].message).toContain("là 6, nhưng cộng số liệu của các đơn vị được 7: bảng tính chưa được tính lại");
  });

  it("leaves typed totals, other formulas and error values to the other checks", () => {
    const s = rolledUp([unitSheet("Xã A", A)]);
    const summary = s.sheets.find((x) => x.name === SUMMARY)!;
    summary.formulas = { C5: "=SUM(C6:C7)", C12: "=SUM(DonViDau:DonViCuoi!C12)" };
    summary.cells.C5 = 99;
    summary.cells.C12 = { error: "#REF!" };
    expect(crossCheckRollup(def, s)).toEqual([]);
  });
});

describe("unit sheets whose rows moved, in the check", () => {
  it("give one error on the sheet instead of a problem per figure, and refuse export", () => {
    const shifted = shiftRows(unitSheet("Phường Dị Sử", C), 5, 1);
    const r = checkWorkbook(def, layout, rolledUp([unitSheet("Xã A", A), shifted]));
    const onSheet = r.problems.filter((p) => p.sheet === "Phường Dị Sử");
    expect(onSheet).toEqual([
      {
        sheet: "Phường Dị Sử",
        cell: "A5",
        severity: "error",
        code: "units.shifted",
        message: `Trang "Phường Dị Sử" đã bị chèn 1 dòng từ dòng 5: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Xóa dòng đã chèn, hoặc nhập lại đơn vị từ tệp.`,
      },
    ]);
    expect(hasShiftedUnits(r.problems)).toBe(true);
    expect(hasShiftedUnits(checkWorkbook(def, layout, rolledUp([unitSheet("Xã A", A)])).problems)).toBe(false);
  });

  it("still recognise a unit sheet whose marker moved down with a note row inserted at the top", () => {
    const top = shiftRows(unitSheet("Phường Dị Sử", C), 1, 1);
    top.cells.A1 = "Ghi chú: số liệu đến ngày 15/6";
    const s = rolledUp([unitSheet("Xã A", A), top]);
    expect(findUnitSheets(s, def).map((u) => [u.sheet, u.unitName])).toEqual([
      ["Xã A", "Xã A"],
      ["Phường Dị Sử", "Phường Dị Sử"],
    ]);
    const problems = checkWorkbook(def, layout, s).problems.filter((p) => p.sheet === "Phường Dị Sử");
    expect(problems).toEqual([expect.objectContaining({ code: "units.shifted", cell: "A1" })]);
    expect(problems[0].message).toContain("đã bị chèn 1 dòng từ dòng 1");
  });
});

describe("a summary saved by LibreOffice", () => {
  it("checks exactly as before it was saved (C5:C5, $C$5, quoted names)", () => {
    const units = () => [unitSheet("Xã A", A), unitSheet("Xã B", B)];
    const before = checkWorkbook(def, layout, rolledUp(units())).problems;
    expect(before.filter((p) => p.code === "units.typedSummary")).toEqual([]);
    for (const spell of [
      (f: string) => f.replace(/!(C\d+)\)$/, "!$1:$1)"), // what LibreOffice writes
      (f: string) => f.replace(/!C(\d+)\)$/, "!$$C$$$1:$$C$$$1)"),
      (f: string) => f.replace("DonViDau:DonViCuoi", "'DonViDau':'DonViCuoi'").toLowerCase(),
    ]) {
      const s = rolledUp(units(), spell);
      expect(s.sheets.find((x) => x.name === SUMMARY)!.formulas!.C5).not.toBe("=SUM(DonViDau:DonViCuoi!C5)");
      expect(checkWorkbook(def, layout, s).problems).toEqual(before);
      expect(crossCheckRollup(def, s)).toEqual([]);
    }
    expect(rollupFields(def).length).toBeGreaterThan(0);
  });
});

describe("the cross-check of a table field (the dossier kind's Biểu 06), cell by cell", () => {
  const ddef = loadDefinition("bao-cao-giai-quyet-tthc");
  const dlayout = buildLayout(ddef);
  const rows = ddef.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
  const columns = ddef.fields.find((f) => f.id === "BIEU_06")!.table!.columns.length;
  const figuresOf = (seed: number) => rows.map((_, r) => Array.from({ length: columns }, (_, c) => (seed * 7 + r * 3 + c) % 11));

  function tableUnit(name: string, figures: number[][]): SheetSnapshot {
    const l = unitSheetLayout(ddef, name, name);
    const cells: SheetSnapshot["cells"] = {};
    for (const c of l.cells) if (c.value !== null) cells[c.address] = c.value;
    const input = l.inputs[0];
    const first = parseCell(input.first);
    const labelCol = parseCell(input.labels!.split(":")[0]).col;
    rows.forEach((label, r) => {
      cells[cellAddress({ row: first.row + r, col: labelCol })] = label;
      figures[r].forEach((v, c) => (cells[cellAddress({ row: first.row + r, col: first.col + c })] = v));
    });
    return { name, cells };
  }

  function tableSummary(units: SheetSnapshot[]): WorkbookSnapshot {
    const s = snapshotFromData(ddef, dlayout, sampleData("bao-cao-giai-quyet-tthc"));
    for (const f of summaryFormulas(ddef, dlayout)) {
      const sheet = s.sheets.find((x) => x.name === f.sheet)!;
      sheet.formulas = { ...sheet.formulas, [f.cell]: f.formula };
      delete sheet.cells[f.cell];
    }
    s.sheets.push({ name: BOOKEND_START, cells: {} }, ...units, { name: BOOKEND_END, cells: {} });
    return s;
  }

  it("finds nothing when every unit keeps its layout", () => {
    const s = tableSummary([tableUnit("Xã A", figuresOf(1)), tableUnit("Xã B", figuresOf(2))]);
    expect(summaryFormulas(ddef, dlayout)).toHaveLength(rows.length * columns);
    expect(crossCheckRollup(ddef, s)).toEqual([]);
    expect(checkWorkbook(ddef, dlayout, s).problems.filter((p) => p.code === "units.crossCheck")).toEqual([]);
  });

  it("names the unit whose table moved, on each summary cell it makes wrong, with the row and the column", () => {
    const a = figuresOf(1);
    const b = figuresOf(2);
    const s = tableSummary([tableUnit("Xã A", a), shiftRows(tableUnit("Phường Dị Sử", b), 7, 1)]);
    const mismatches = rollupMismatches(ddef, s);
    // rows 1 (above the inserted row) are in place; every other row of Phường Dị Sử moved one down
    expect(mismatches.every((m) => m.row! >= 1)).toBe(true);
    const m = mismatches.find((x) => x.row === 1 && x.column === 0)!;
    expect(m).toMatchObject({
      sheet: "Biểu 06",
      cell: "C7",
      fieldId: "BIEU_06",
      rowLabel: rows[1],
      unitCell: "C7",
      value: a[1][0],
      expected: a[1][0] + b[1][0],
    });
    expect(m.misplaced).toEqual([{ sheet: "Phường Dị Sử", unitName: "Phường Dị Sử", added: 0, figure: b[1][0], figureCell: "C8" }]);
    const last = mismatches.find((x) => x.row === rows.length - 1 && x.column === columns - 1)!;
    expect(last.misplaced[0]).toMatchObject({ figure: b[rows.length - 1][columns - 1], figureCell: `M${6 + rows.length}` });

    const p = crossCheckRollup(ddef, s).find((x) => x.cell === "C7")!;
    expect(p).toMatchObject({ sheet: "Biểu 06", severity: "error", code: "units.crossCheck", fieldId: "BIEU_06" });
    expect(p.message).toBe(
      `Ô tổng hợp "Biểu số 06: tình hình, kết quả giải quyết TTHC, dòng "Hộ tịch", cột (3) Số hồ sơ nhận giải quyết – Tổng số" là ${a[1][0]}, nhưng cộng số liệu của các đơn vị được ${a[1][0] + b[1][0]}: công thức cộng ô C7 của từng trang, mà ở trang "Phường Dị Sử" ô đó là 0 còn số liệu nằm ở ô C8 (${b[1][0]}). Sửa các trang đó (xem lỗi trên từng trang) hoặc nhập lại đơn vị từ tệp. Nếu đơn vị đã thêm, bớt hoặc đổi thứ tự lĩnh vực trong bảng, bấm "Tổng hợp" (hoặc chạy lại bao-cao rollup) để đưa mọi trang về cùng danh sách dòng.`,
    );
  });

  it("finds a table's rows by their label where a figure looks like a row number (four note rows at the top)", () => {
    const b = figuresOf(2);
    b[1][0] = 5; // four rows down, this figure is one row down and two columns right of where STT 5 was
    b[4][0] = 8;
    const top = shiftRows(tableUnit("Xã B", b), 1, 4);
    top.cells.A1 = "Ghi chú";
    const s = tableSummary([tableUnit("Xã A", figuresOf(3)), top]);
    const m = rollupMismatches(ddef, s).find((x) => x.row === 4 && x.column === 0)!;
    expect(m.misplaced).toEqual([{ sheet: "Xã B", unitName: "Xã B", added: b[0][0], figure: 8, figureCell: "C14" }]);
    // the unit layout writes the definition's lĩnh vực, so its own label finds the row too
    expect(locateRow(unitSheetLayout(ddef, "Xã B", "Xã B"), top, 10)).toEqual({ dr: 4, dc: 0 });
    expect(locateRow(unitSheetLayout(ddef, "Xã B", "Xã B"), top, 10, { texts: { B10: rows[4] } })).toEqual({ dr: 4, dc: 0 });
  });

  it("is wired into the check, with the shifted sheet's own error, and the export is refused", () => {
    const s = tableSummary([tableUnit("Xã A", figuresOf(1)), shiftRows(tableUnit("Xã B", figuresOf(2)), 7, 1)]);
    const problems = checkWorkbook(ddef, dlayout, s).problems;
    expect(problems.filter((p) => p.code === "units.shifted").map((p) => [p.sheet, p.cell])).toEqual([["Xã B", "A7"]]);
    expect(problems.filter((p) => p.code === "units.crossCheck").length).toBeGreaterThan(0);
    expect(problems.filter((p) => p.code === "units.crossCheck").every((p) => p.sheet === "Biểu 06" && p.severity === "error")).toBe(true);
  });
});
