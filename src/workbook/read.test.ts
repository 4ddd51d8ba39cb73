/**
 * The reader takes every row the office added at the end of a table (just above its total row)
 * and the lines typed just under a list, and says how the names and the total row's formulas
 * must grow to cover them.
 */
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { cellAddress, parseCell, parseRange } from "../report/refs";
import type { TableValue } from "../report/types";
import { checkWorkbook, hasErrors } from "./check-workbook";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout, inputOf } from "./layout";
import { readWorkbook, TOTAL_SHORT_CODE } from "./read";
import { findSheet, type WorkbookSnapshot } from "./snapshot";

const today = new Date(2025, 9, 1);
const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
const dossierLayout = buildLayout(dossiers);
const monthly = loadDefinition();
const monthlyLayout = buildLayout(monthly);
const TABLE_SHEET = "Biểu 06";

/** Inserts a blank row at `at` as Excel does for a row below a name's range: cells move down, names and formulas stay. */
function insertRow(s: WorkbookSnapshot, sheetName: string, at: number): void {
  const sheet = findSheet(s, sheetName)!;
  const move = <T>(cells: Record<string, T> | undefined) =>
    cells &&
    Object.fromEntries(
      Object.entries(cells).map(([a, v]) => {
        const p = parseCell(a);
        return [p.row >= at ? cellAddress({ row: p.row + 1, col: p.col }) : a, v];
      }),
    );
  sheet.cells = move(sheet.cells)!;
  sheet.formulas = move(sheet.formulas);
}

/** The dossier sample with "Nông nghiệp" (50 received, all settled on time) in a row inserted just above "Tổng cộng". */
function withNewRow(): WorkbookSnapshot {
  const s = snapshotFromData(dossiers, dossierLayout, sampleData(dossiers.id));
  const sheet = findSheet(s, TABLE_SHEET)!;
  sheet.cells.B16 = "Tổng cộng"; // the layout's label, left out by snapshotFromData
  insertRow(s, TABLE_SHEET, 16);
  const figures = [50, 50, 0, 0, 50, 0, 50, 0, 0, 0, 0];
  sheet.cells.B16 = "Nông nghiệp";
  figures.forEach((v, k) => (sheet.cells[cellAddress({ row: 16, col: 3 + k })] = v));
  return s;
}

describe("rows added at the end of a table", () => {
  it("belong to the table: read, checked, and the names and the total row's SUMs are to grow over them", () => {
    const s = withNewRow();
    expect(findSheet(s, TABLE_SHEET)!.formulas!.C17).toBe("=SUM(C6:C15)");
    const read = readWorkbook(dossiers, dossierLayout, s);
    const table = read.data.values.BIEU_06 as TableValue;
    expect(table.rows).toHaveLength(11);
    expect(table.rows[10]).toBe("Nông nghiệp");
    expect(table.cells[10]).toEqual([50, 50, 0, 0, 50, 0, 50, 0, 0, 0, 0]);
    expect(read.locations.BIEU_06.ref).toBe("C6:M16");
    expect(read.growth.names).toEqual([
      { name: "BIEU_06", sheet: TABLE_SHEET, ref: "C6:M16" },
      { name: "BIEU_06_DONG", sheet: TABLE_SHEET, ref: "B6:B16" },
    ]);
    expect(read.growth.formulas).toHaveLength(11);
    expect(read.growth.formulas[0]).toEqual({ sheet: TABLE_SHEET, cell: "C17", formula: "=SUM(C6:C16)" });
    expect(read.growth.formulas[10]).toEqual({ sheet: TABLE_SHEET, cell: "M17", formula: "=SUM(M6:M16)" });
    const short = read.problems.filter((p) => p.code === TOTAL_SHORT_CODE);
    expect(short).toEqual([
      expect.objectContaining({
        sheet: TABLE_SHEET,
        cell: "C17",
        severity: "warning",
        message:
          'Dòng "Tổng cộng" chưa cộng dòng 16 vừa thêm vào bảng (báo cáo vẫn tính các dòng này). Bấm "Kiểm tra" trong Excel để tự sửa, hoặc sửa công thức thành =SUM(C6:C16) và kéo sang các cột bên phải.',
      }),
    ]);
    const check = checkWorkbook(dossiers, dossierLayout, s, { today });
    expect(hasErrors(check.problems)).toBe(false);
  });

  it("finds the total row by its label when its formulas are gone, and by its SUM when its label was retyped", () => {
    const byLabel = withNewRow();
    const sheet = findSheet(byLabel, TABLE_SHEET)!;
    sheet.cells.B17 = "TỔNG CỘNG:";
    sheet.formulas = {};
    for (let c = 3; c <= 13; c++) sheet.cells[cellAddress({ row: 17, col: c })] = 11_042; // numbers typed over the SUMs
    const read = readWorkbook(dossiers, dossierLayout, byLabel);
    expect((read.data.values.BIEU_06 as TableValue).rows).toHaveLength(11);
    expect(read.growth.formulas).toEqual([]); // a total typed by the office is theirs
    const bySum = withNewRow();
    findSheet(bySum, TABLE_SHEET)!.cells.B17 = "Cộng";
    expect((readWorkbook(dossiers, dossierLayout, bySum).data.values.BIEU_06 as TableValue).rows).toHaveLength(11);
    // as LibreOffice may write it: no "=", absolute references
    const saved = findSheet(bySum, TABLE_SHEET)!;
    saved.formulas = Object.fromEntries(Object.entries(saved.formulas!).map(([a, f]) => [a, f.replace(/^=SUM\(([A-Z]+)6:\1(15)\)$/, "SUM($$$1$$6:$$$1$$$2)")]));
    expect(saved.formulas.C17).toBe("SUM($C$6:$C$15)");
    const again = readWorkbook(dossiers, dossierLayout, bySum);
    expect((again.data.values.BIEU_06 as TableValue).rows).toHaveLength(11);
    expect(again.growth.formulas[0]).toEqual({ sheet: TABLE_SHEET, cell: "C17", formula: "=SUM(C6:C16)" });
  });

  it("without a total row, takes the rows typed just under the table, up to a blank row", () => {
    const s = snapshotFromData(dossiers, dossierLayout, sampleData(dossiers.id));
    const sheet = findSheet(s, TABLE_SHEET)!;
    for (let c = 3; c <= 13; c++) delete sheet.cells[cellAddress({ row: 16, col: c })];
    sheet.formulas = {};
    sheet.cells.B16 = "Nông nghiệp";
    sheet.cells.C16 = 50;
    sheet.cells.B18 = "Ghi chú: số liệu đến ngày 14/9";
    const read = readWorkbook(dossiers, dossierLayout, s);
    expect((read.data.values.BIEU_06 as TableValue).rows.slice(9)).toEqual(["Lĩnh vực khác", "Nông nghiệp"]);
  });

  it("names a row typed under the total row, which is not the table's: an error with figures, a warning for a note", () => {
    const s = snapshotFromData(dossiers, dossierLayout, sampleData(dossiers.id));
    const sheet = findSheet(s, TABLE_SHEET)!;
    sheet.cells.B16 = "Tổng cộng";
    sheet.cells.B17 = "Nông nghiệp";
    sheet.cells.D17 = 50;
    sheet.cells.B18 = "Ghi chú: số liệu đến ngày 14/9";
    const read = readWorkbook(dossiers, dossierLayout, s);
    expect((read.data.values.BIEU_06 as TableValue).rows).toHaveLength(10);
    expect(read.problems.filter((p) => p.code === "table.belowTotal").map((p) => [p.cell, p.severity, p.message])).toEqual([
      [
        "D17",
        "error",
        'Dòng 17 ("Nông nghiệp") nằm dưới dòng "Tổng cộng" nên không được tính vào bảng và báo cáo. Chèn một dòng ngay trên dòng "Tổng cộng", chuyển nội dung dòng 17 lên đó rồi xóa dòng 17.',
      ],
      ["B18", "warning", expect.stringContaining('Dòng 18 ("Ghi chú: số liệu đến ngày 14/9") nằm dưới dòng "Tổng cộng"')],
    ]);
  });

  it("reads the untouched sample as before: nothing to grow", () => {
    const read = readWorkbook(dossiers, dossierLayout, snapshotFromData(dossiers, dossierLayout, sampleData(dossiers.id)));
    expect(read.data.values.BIEU_06).toEqual(sampleData(dossiers.id).values.BIEU_06);
    expect(read.growth).toEqual({ names: [], formulas: [] });
  });
});

describe("lines typed just under a list", () => {
  it("are the list's: the task typed in B17 under 'Nhiệm vụ' is read, and its name is to grow", () => {
    const s = snapshotFromData(monthly, monthlyLayout, sampleData());
    const sheet = findSheet(s, "III. Nhiệm vụ")!;
    sheet.cells.B17 = "Rà soát TTHC lĩnh vực đất đai.";
    const read = readWorkbook(monthly, monthlyLayout, s);
    const lines = read.data.values.NHIEM_VU as string[];
    expect(lines[lines.length - 1]).toBe("Rà soát TTHC lĩnh vực đất đai.");
    expect(lines).toHaveLength((sampleData().values.NHIEM_VU as string[]).length + 1);
    expect(read.lineCells.NHIEM_VU[read.lineCells.NHIEM_VU.length - 1]).toBe("B17");
    expect(read.growth.names).toEqual([{ name: "NHIEM_VU", sheet: "III. Nhiệm vụ", ref: "B5:B17" }]);
  });

  it("stop at another field's cell: a list in a form does not take the next field's input", () => {
    const s = snapshotFromData(monthly, monthlyLayout, sampleData());
    const list = inputOf(monthlyLayout, "CO_QUAN_BAN_HANH");
    const next = inputOf(monthlyLayout, "SO").input.first;
    expect(parseCell(next)).toEqual({ row: parseRange(list.input.ref).end.row + 1, col: parseCell(list.input.first).col });
    findSheet(s, list.sheet.name)!.cells[next] = "15";
    const read = readWorkbook(monthly, monthlyLayout, s);
    expect(read.data.values.CO_QUAN_BAN_HANH).toEqual(sampleData().values.CO_QUAN_BAN_HANH);
    expect(read.data.values.SO).toBe("15");
    expect(read.growth.names).toEqual([]);
  });
});
