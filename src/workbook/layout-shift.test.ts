import { loadDefinition } from "../report/kinds";
import { cellAddress, parseCell } from "../report/refs";
import { UNIT_MARKER } from "../report/rollup";
import { findLayoutShift, findMarker, hasShiftedUnits, locateRow, normalText, shiftProblem } from "./layout-shift";
import type { SheetSnapshot } from "./snapshot";
import { rollupFields, unitSheetLayout } from "./units";

const def = loadDefinition();
const SHEET = "Phường Dị Sử";
const layout = unitSheetLayout(def, SHEET, SHEET);
const tolerate = { tolerate: ["F2"] };

/** A unit sheet as the add-in writes it, with figures 1, 2, 3… in its input cells. */
function written(): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  for (const c of layout.cells) if (c.value !== null) cells[c.address] = c.value;
  layout.inputs.forEach((i, n) => (cells[i.first] = n + 1));
  return { name: SHEET, cells };
}

/** The sheet after Excel's "Insert" (n > 0) or "Delete" (n < 0) of whole rows at `at`. */
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

function shiftColumns(s: SheetSnapshot, at: number, n: number): SheetSnapshot {
  const cells: SheetSnapshot["cells"] = {};
  for (const [a, v] of Object.entries(s.cells)) {
    const p = parseCell(a);
    if (p.col < at) cells[a] = v;
    else if (n < 0 && p.col < at - n) continue;
    else cells[cellAddress({ row: p.row, col: p.col + n })] = v;
  }
  return { ...s, cells };
}

describe("a unit sheet that kept its layout", () => {
  it("is not shifted, whatever its figures", () => {
    expect(findLayoutShift(layout, written(), tolerate)).toBeNull();
    const s = written();
    for (const i of layout.inputs) delete s.cells[i.first];
    expect(findLayoutShift(layout, s, tolerate)).toBeNull();
  });

  it("tolerates edits of the title, the hint, the unit's name, the status column and retyped labels", () => {
    const s = written();
    s.cells.A1 = "Số liệu xã tôi";
    delete s.cells.A2;
    s.cells.F2 = "Tên khác";
    s.cells.E5 = "Đã kiểm tra";
    s.cells.E12 = "Chưa nhập";
    s.cells.B5 = "Số TTHC đã đánh giá tác động (sửa lời)";
    s.cells.A6 = "2"; // a number stored as text
    s.cells.B8 = "  số   TTHC nội bộ đã công bố  ";
    expect(findLayoutShift(layout, s, tolerate)).toBeNull();
  });

  it("tolerates a row below the layout, or a row whose texts were cleared in place", () => {
    expect(findLayoutShift(layout, shiftRows(written(), layout.lastRow + 1, 3), tolerate)).toBeNull();
    const s = written();
    for (const col of ["A", "B", "C", "D"]) delete s.cells[`${col}5`];
    expect(findLayoutShift(layout, s, tolerate)).toBeNull();
  });

  it("compares text with Unicode normalisation, spaces and case set aside", () => {
    expect(normalText("Số  TTHC\n".normalize("NFD"))).toBe(normalText("số tthc"));
    expect(normalText(1)).toBe(normalText(" 1 "));
    expect(normalText(null)).toBe("");
  });
});

describe('a unit sheet made before the column "Đơn vị tính" was so called ("Đơn vị")', () => {
  const before = (s: SheetSnapshot): SheetSnapshot => {
    expect(s.cells.D3).toBe("Đơn vị tính");
    return { ...s, cells: { ...s.cells, D3: "Đơn vị" } };
  };

  it("kept its layout", () => {
    expect(findLayoutShift(layout, before(written()), tolerate)).toBeNull();
  });

  it("still tells inserted and deleted rows and columns", () => {
    expect(findLayoutShift(layout, shiftRows(before(written()), 5, 1), tolerate)).toMatchObject({ firstMovedRow: 5, movedBy: 1, cell: "A5" });
    expect(findLayoutShift(layout, shiftRows(before(written()), 1, 1), tolerate)).toMatchObject({ firstMovedRow: 1, movedBy: 1, cell: "A1" });
    expect(findLayoutShift(layout, shiftRows(before(written()), 5, -1), tolerate)).toMatchObject({ firstMovedRow: 6, movedBy: -1, cell: "A5" });
    expect(findLayoutShift(layout, shiftColumns(before(written()), 3, 1), tolerate)).toMatchObject({ movedColumnsBy: 1, cell: "C1" });
  });
});

describe("a unit sheet whose rows moved", () => {
  it("names the inserted row and how to fix it", () => {
    const shift = findLayoutShift(layout, shiftRows(written(), 5, 1), tolerate);
    expect(shift).toEqual({
      firstMovedRow: 5,
      movedBy: 1,
      cell: "A5",
      message: `Trang "Phường Dị Sử" đã bị chèn 1 dòng từ dòng 5: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Xóa dòng đã chèn, hoặc nhập lại đơn vị từ tệp.`,
    });
  });

  it("finds a note row inserted at the top, rows inserted further down, and a pasted block", () => {
    const top = shiftRows(written(), 1, 1);
    top.cells.A1 = "Ghi chú: số liệu đến ngày 15/6";
    expect(findLayoutShift(layout, top, tolerate)).toMatchObject({ firstMovedRow: 1, movedBy: 1, cell: "A1" });
    expect(findLayoutShift(layout, shiftRows(written(), 12, 2), tolerate)).toMatchObject({ firstMovedRow: 12, movedBy: 2, cell: "A12" });
    expect(findLayoutShift(layout, shiftRows(written(), 4, 30), tolerate)).toMatchObject({ firstMovedRow: 4, movedBy: 30 });
  });

  it("names where rows were deleted", () => {
    const shift = findLayoutShift(layout, shiftRows(written(), 5, -1), tolerate);
    expect(shift).toMatchObject({ firstMovedRow: 6, movedBy: -1, cell: "A5" });
    expect(shift?.message).toBe(
      `Trang "Phường Dị Sử" đã bị xóa 1 dòng từ dòng 5: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Hoàn tác việc xóa (Ctrl+Z), hoặc nhập lại đơn vị từ tệp.`,
    );
    expect(findLayoutShift(layout, shiftRows(written(), 7, -2), tolerate)).toMatchObject({ firstMovedRow: 9, movedBy: -2, cell: "A7" });
  });

  it("names the first move when a row was deleted and another inserted further down", () => {
    const s = shiftRows(shiftRows(written(), 5, -1), 9, 1);
    expect(findLayoutShift(layout, s, tolerate)).toMatchObject({ firstMovedRow: 6, movedBy: -1, cell: "A5" });
  });

  it("finds an inserted or deleted column", () => {
    const inserted = findLayoutShift(layout, shiftColumns(written(), 1, 1), tolerate);
    expect(inserted).toMatchObject({ movedColumnsBy: 1, cell: "A1" });
    expect(inserted?.movedBy).toBeUndefined();
    expect(inserted?.message).toContain("đã bị chèn 1 cột từ cột A");
    // a column inserted before the figures: the labels stay, the column headers tell
    expect(findLayoutShift(layout, shiftColumns(written(), 3, 1), tolerate)).toMatchObject({ movedColumnsBy: 1, cell: "C1" });
    // the unit-of-measure column deleted: the figures stay, but the marker moved
    expect(findLayoutShift(layout, shiftColumns(written(), 4, -1), tolerate)?.message).toContain("đã bị xóa 1 cột từ cột D");
  });

  it("is one error with its own code, which refuses export", () => {
    const shift = findLayoutShift(layout, shiftRows(written(), 5, 1), tolerate)!;
    const p = shiftProblem(SHEET, shift);
    expect(p).toMatchObject({ sheet: SHEET, cell: "A5", severity: "error", code: "units.shifted" });
    expect(hasShiftedUnits([p])).toBe(true);
    expect(hasShiftedUnits([{ ...p, code: "count.empty" }])).toBe(false);
  });
});

describe("finding a row of the layout on a sheet", () => {
  it("gives the offset of the row's texts, or null when they are gone", () => {
    const pakn = layout.inputs.find((i) => i.fieldId === "PAKN_TONG")!;
    const row = parseCell(pakn.first).row;
    expect(locateRow(layout, written(), row)).toEqual({ dr: 0, dc: 0 });
    expect(locateRow(layout, shiftRows(written(), 5, 1), row)).toEqual({ dr: 1, dc: 0 });
    expect(locateRow(layout, shiftRows(written(), 5, -2), row)).toEqual({ dr: -2, dc: 0 });
    expect(locateRow(layout, shiftRows(written(), row, -1), row)).toBeNull();
    expect(rollupFields(def).length).toBe(layout.inputs.length);
  });

  it("finds a marker at its place, or moved", () => {
    expect(findMarker(written(), UNIT_MARKER, "F1")).toBe("F1");
    expect(findMarker(shiftRows(written(), 1, 2), UNIT_MARKER, "F1")).toBe("F3");
    expect(findMarker(shiftColumns(written(), 2, 1), UNIT_MARKER, "F1")).toBe("G1");
    expect(findMarker({ name: "x", cells: { A1: "y" } }, UNIT_MARKER, "F1")).toBeNull();
  });
});
