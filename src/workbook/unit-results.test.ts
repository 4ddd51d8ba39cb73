import { loadDefinition } from "../report/kinds";
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { cellAddress, parseCell, parseRange } from "../report/refs";
import { unitRanks, unitRate, unitResultColumns } from "../report/unit-results";
import type { ReportDefinition } from "../report/types";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { readUnitResults, unitFigureCells, unitResultsLayout, unitResultsProblems } from "./unit-results";
import { unitSheetLayout, unitSpec } from "./units";

const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
const monthly = loadDefinition("bao-cao-cctthc-thang");

/**
 * A dossier unit sheet as a unit fills it: its lĩnh vực rows (each row's figures), and the total
 * row as Excel computes it; `inserted` rows pushed in inside the table (the total row moves down).
 */
function dossierUnit(name: string, rows: number[][], inserted = 0): SheetSnapshot {
  const l = unitSheetLayout(dossier, name, name);
  const spec = unitSpec(dossier);
  const input = l.inputs.find((i) => i.kind === "table")!;
  const { start } = parseRange(input.ref);
  const cells: SheetSnapshot["cells"] = { [spec.markerCell]: spec.marker, [spec.nameCell]: name };
  const all = [...rows, ...Array.from({ length: inserted }, () => rows[0].map(() => 0))];
  all.forEach((figures, r) => {
    cells[cellAddress({ row: start.row + r, col: start.col - 1 })] = `Lĩnh vực ${r + 1}`;
    figures.forEach((v, c) => (cells[cellAddress({ row: start.row + r, col: start.col + c })] = v));
  });
  const layoutRows = parseRange(input.ref).end.row - start.row + 1;
  const totalRow = start.row + Math.max(layoutRows, rows.length) + inserted;
  cells[cellAddress({ row: totalRow, col: start.col - 1 })] = "Tổng cộng";
  rows[0].forEach((_, c) => (cells[cellAddress({ row: totalRow, col: start.col + c })] = all.reduce((s, f) => s + f[c], 0)));
  return { name, cells };
}

/** One lĩnh vực row of Biểu 06, columns (3)–(13), from received online/direct/carried and settled early/on time/late and pending in time/late. */
function row(online: number, direct: number, carried: number, early: number, onTime: number, late: number, inTime: number, pendingLate: number): number[] {
  const settled = early + onTime + late;
  const pending = inTime + pendingLate;
  return [online + direct + carried, online, direct, carried, settled, early, onTime, late, pending, inTime, pendingLate];
}

function summary(def: ReportDefinition, units: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets: [{ name: "Biểu 06", cells: {} }, { name: BOOKEND_START, cells: {} }, ...units, { name: BOOKEND_END, cells: {} }], names: {} };
}

/** The per-unit sheet as a writer would leave it: formulas only (no results yet), texts as values. */
function writtenSheet(def: ReportDefinition, s: WorkbookSnapshot): SheetSnapshot {
  const layout = unitResultsLayout(def, s)!;
  const sheet: SheetSnapshot = { name: layout.name, cells: {}, formulas: {} };
  for (const c of layout.cells) {
    if (c.formula) sheet.formulas![c.address] = c.formula;
    else if (c.value !== null) sheet.cells[c.address] = c.value;
  }
  return sheet;
}

const xaA = dossierUnit("Xã An Bình", [row(40, 10, 2, 20, 28, 2, 1, 1), row(5, 5, 0, 4, 4, 0, 2, 0)]);
const phuongB = dossierUnit("Phường O'Brien", [row(100, 0, 0, 90, 10, 0, 0, 0)], 3);

describe("the per-unit sheet's columns", () => {
  it("are the eleven columns (3)–(13) of Biểu 06, then the declared rates and the rank", () => {
    const cols = unitResultColumns(dossier);
    expect(cols.filter((c) => c.kind === "figure").map((c) => c.key)).toEqual(
      dossier.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => `BIEU_06.${c.id}`),
    );
    expect(cols.filter((c) => c.kind !== "figure").map((c) => [c.kind, c.key])).toEqual([
      ["rate", "tyLeDungHan"],
      ["rate", "tyLeTrucTuyen"],
      ["rank", "tyLeDungHan"],
    ]);
  });

  it("are the roll-up counts for the monthly kind, with no rate", () => {
    expect(unitResultColumns(monthly).map((c) => c.key)).toEqual(monthly.fields.filter((f) => f.rollup).map((f) => f.id));
  });
});

describe("unitResultsLayout", () => {
  const s = summary(dossier, [xaA, phuongB]);
  const layout = unitResultsLayout(dossier, s)!;
  const at = (a: string) => layout.cells.find((c) => c.address === a);

  it("has one row per unit in the order of the unit sheets: STT, name, then formulas pointing at the unit's total row", () => {
    expect(layout.name).toBe("Kết quả đơn vị");
    expect([at("A5")?.value, at("B5")?.value, at("A6")?.value, at("B6")?.value]).toEqual([1, "Xã An Bình", 2, "Phường O'Brien"]);
    const total = (u: SheetSnapshot) => Object.entries(u.cells).find(([, v]) => v === "Tổng cộng")![0];
    const rowA = parseCell(total(xaA)).row;
    const rowB = parseCell(total(phuongB)).row;
    expect(rowB).toBe(rowA + 3); // three rows inserted inside B's table
    // C (3) … M (13)
    expect(at("C5")?.formula).toBe(`='Xã An Bình'!C${rowA}`);
    expect(at("M5")?.formula).toBe(`='Xã An Bình'!M${rowA}`);
    expect(at("C6")?.formula).toBe(`='Phường O''Brien'!C${rowB}`);
    expect(at("J6")?.formula).toBe(`='Phường O''Brien'!J${rowB}`);
  });

  it("computes the rates and the rank by formula as the definition declares them", () => {
    // on-time rate ((8)+(9))/(7): H, I over G; online share (4)/((4)+(5)): D over D+E
    expect(at("N5")?.formula).toBe('=IF(G5=0,"",(H5+I5)/G5)');
    expect(at("N5")?.style).toBe("computedRate");
    expect(at("O6")?.formula).toBe('=IF((D6+E6)=0,"",D6/(D6+E6))');
    expect(at("P5")?.formula).toBe('=IF(ISNUMBER(N5),RANK(N5,N$5:N$6),"")');
    expect([at("N3")?.value, at("P3")?.value]).toEqual(["Tỷ lệ giải quyết trước hạn, đúng hạn", "Xếp hạng theo tỷ lệ đúng hạn"]);
    expect([at("C3")?.value, at("C4")?.value, at("G3")?.value, at("G4")?.value]).toEqual([
      "Số hồ sơ nhận giải quyết",
      "Tổng số",
      "Số hồ sơ đã giải quyết",
      "Tổng số",
    ]);
    expect(layout.merges).toEqual(expect.arrayContaining(["C3:F3", "G3:J3", "K3:M3", "N3:N4", "A3:A4", "B3:B4"]));
  });

  it("points the monthly kind's counts at the unit's cells", () => {
    const l = unitSheetLayout(monthly, "Xã A", "Xã A");
    const spec = unitSpec(monthly);
    const unit: SheetSnapshot = { name: "Xã A", cells: { [spec.markerCell]: spec.marker, [spec.nameCell]: "Xã A" } };
    const m = unitResultsLayout(monthly, summary(monthly, [unit]))!;
    const pakn = l.inputs.find((i) => i.fieldId === "PAKN_TONG")!.first;
    const col = unitResultColumns(monthly).findIndex((c) => c.key === "PAKN_TONG") + 3;
    expect(m.cells.find((c) => c.address === cellAddress({ row: 5, col }))?.formula).toBe(`='Xã A'!${pakn}`);
  });

  it("follows a unit sheet moved down by rows inserted above its marker", () => {
    const shifted: SheetSnapshot = { name: "Xã An Bình", cells: {} };
    for (const [a, v] of Object.entries(xaA.cells)) {
      const p = parseCell(a);
      shifted.cells[cellAddress({ row: p.row + 2, col: p.col })] = v;
    }
    const cells = unitFigureCells(dossier, summary(dossier, [shifted]))[0].cells;
    const total = Object.entries(xaA.cells).find(([, v]) => v === "Tổng cộng")![0];
    expect(cells["BIEU_06.TONG_NHAN"]).toBe(`C${parseCell(total).row + 2}`);
  });

  it("has its headers only when there is no unit", () => {
    const empty = unitResultsLayout(dossier, summary(dossier, []))!;
    expect(empty.cells.filter((c) => parseCell(c.address).row >= 5)).toEqual([]);
  });

  it("is none when the definition declares no per-unit sheet", () => {
    const { unitResults: _, ...without } = dossier;
    expect(unitResultsLayout(without, summary(dossier, [xaA]))).toBeNull();
  });
});

describe("readUnitResults", () => {
  it("reads each unit's totals back, following formulas written without results", () => {
    const s = summary(dossier, [xaA, phuongB]);
    s.sheets.push(writtenSheet(dossier, s));
    const units = readUnitResults(dossier, s)!;
    expect(units.map((u) => u.name)).toEqual(["Xã An Bình", "Phường O'Brien"]);
    expect(units[0].figures["BIEU_06.TONG_NHAN"]).toBe(62);
    expect(units[0].figures["BIEU_06.DA_GQ"]).toBe(58);
    expect(units[0].figures["BIEU_06.DANG_QUA_HAN"]).toBe(1);
    expect(units[1].figures["BIEU_06.TONG_NHAN"]).toBe(100);
    // on-time rate ((8)+(9))/(7): (24+32)/58 and 100/100; ranks
    expect(unitRate(dossier, units[0], "tyLeDungHan")).toBeCloseTo(56 / 58, 10);
    expect(unitRate(dossier, units[1], "tyLeDungHan")).toBe(1);
    expect(unitRate(dossier, units[0], "tyLeTrucTuyen")).toBeCloseTo(45 / 60, 10);
    expect(unitRanks(dossier, units, "tyLeDungHan")).toEqual([2, 1]);
  });

  it("takes the values a spreadsheet computed, and a non-number as missing", () => {
    const s = summary(dossier, [xaA]);
    const sheet = writtenSheet(dossier, s);
    sheet.cells.C5 = 7;
    sheet.cells.D5 = { error: "#REF!" };
    s.sheets.push(sheet);
    const [u] = readUnitResults(dossier, s)!;
    expect(u.figures["BIEU_06.TONG_NHAN"]).toBe(7);
    expect(u.figures["BIEU_06.TRUC_TUYEN"]).toBeNull();
    expect(unitRate(dossier, u, "tyLeTrucTuyen")).toBeNull();
  });

  it("is undefined for a workbook without the sheet", () => {
    expect(readUnitResults(dossier, summary(dossier, [xaA]))).toBeUndefined();
  });
});

describe("unitResultsProblems", () => {
  it("says nothing while the sheet lists the unit sheets, whatever the spelling", () => {
    const s = summary(dossier, [xaA, phuongB]);
    const sheet = writtenSheet(dossier, s);
    sheet.cells.B5 = "xã  an bình";
    s.sheets.push(sheet);
    expect(unitResultsProblems(dossier, s)).toEqual([]);
  });

  it("warns, naming the units, when a unit was added or removed since the roll-up wrote the sheet", () => {
    const s = summary(dossier, [xaA, phuongB]);
    const sheet = writtenSheet(dossier, s);
    sheet.cells.B6 = "Phường Cũ";
    s.sheets.push(sheet);
    expect(unitResultsProblems(dossier, s)).toEqual([
      {
        sheet: "Kết quả đơn vị",
        cell: "B5",
        severity: "warning",
        code: "unitResults.outOfStep",
        message:
          'Trang "Kết quả đơn vị" không khớp với các trang đơn vị: chưa có đơn vị "Phường O\'Brien"; còn đơn vị "Phường Cũ" không có trang đơn vị. Các câu và phụ lục theo đơn vị của báo cáo lấy số từ trang này. Tổng hợp lại bằng lệnh "bao-cao rollup", hoặc xóa trang "Kết quả đơn vị" (báo cáo khi đó không có phần theo đơn vị).',
      },
    ]);
  });
});
