/**
 * The report's rules as the checks apply them, through a workbook made from the sample.
 */
import { checkWorkbook, formatProblem, hasErrors } from "../workbook/check-workbook";
import { snapshotFromData } from "../workbook/data-snapshot";
import { buildLayout } from "../workbook/layout";
import { loadDefinition } from "./kinds";
import { sampleData } from "./sample";
import type { ReportData, TableValue } from "./types";

const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
const dossierLayout = buildLayout(dossier);
const today = new Date(2025, 9, 1);

/** the dossier sample with a row changed: `change(cells)` edits the row's 11 figures */
function dossierWith(row: string, change: (cells: (number | null)[]) => void): ReportData {
  const data = sampleData(dossier.id);
  const table = data.values.BIEU_06 as TableValue;
  change(table.cells[table.rows.indexOf(row)]);
  return data;
}
const col = (id: string) => dossier.fields.find((f) => f.id === "BIEU_06")!.table!.columns.findIndex((c) => c.id === id);

describe("returned and withdrawn dossiers (received (3) more than settled (7) + pending (11))", () => {
  it("is a warning on the row's (3) cell stating the number, not an error", () => {
    // Hộ tịch: 170 more received online than settled + pending
    const data = dossierWith("Hộ tịch", (cells) => {
      cells[col("TONG_NHAN")]! += 170;
      cells[col("TRUC_TUYEN")]! += 170;
    });
    const { problems } = checkWorkbook(dossier, dossierLayout, snapshotFromData(dossier, dossierLayout, data), { today });
    expect(hasErrors(problems)).toBe(false);
    const excess = problems.filter((p) => p.code === "table.rowExcess");
    expect(excess.map(formatProblem)).toEqual([
      'Biểu 06!C7: [Cảnh báo] Dòng "Hộ tịch": (3) là 1.915, lớn hơn (7) + (11) là 1.745: chênh lệch 170 được tính là hồ sơ trả lại hoặc rút. Nếu không phải vậy, sửa số liệu cho hai bên bằng nhau.',
    ]);
  });

  it("stays an error where (3) is less than (7) + (11)", () => {
    const data = dossierWith("Hộ tịch", (cells) => {
      cells[col("TONG_NHAN")]! -= 5;
      cells[col("TRUC_TUYEN")]! -= 5;
    });
    const { problems } = checkWorkbook(dossier, dossierLayout, snapshotFromData(dossier, dossierLayout, data), { today });
    expect(problems.filter((p) => p.severity === "error").map(formatProblem)).toEqual([
      'Biểu 06!C7: [Lỗi] Dòng "Hộ tịch": (3) là 1740, nhưng (7) + (11) là 1745; hai bên phải bằng nhau.',
    ]);
  });

  it("keeps a rowBalance with one severity (no whenGreater) as before: an error either way", () => {
    const def = structuredClone(dossier);
    const rule = def.rules.find((r) => r.kind === "rowBalance")!;
    Object.assign(rule, { severity: "error", whenGreater: undefined, whenLess: undefined, excess: undefined });
    const data = dossierWith("Hộ tịch", (cells) => {
      cells[col("TONG_NHAN")]! += 170;
      cells[col("TRUC_TUYEN")]! += 170;
    });
    const { problems } = checkWorkbook(def, dossierLayout, snapshotFromData(def, dossierLayout, data), { today });
    expect(problems.filter((p) => p.severity === "error").map((p) => [p.cell, p.code])).toEqual([["C7", "table.rowBalance"]]);
  });
});

describe("period words in the texts kept from period to period", () => {
  const monthly = loadDefinition();
  const monthlyLayout = buildLayout(monthly);
  const check = (data: ReportData) =>
    checkWorkbook(monthly, monthlyLayout, snapshotFromData(monthly, monthlyLayout, data), { today: new Date(2024, 11, 1) }).problems.filter(
      (p) => p.code === "period.staleWords",
    );

  it("warns on the cell of a text naming a month other than the report's (tháng 10 in a November report), naming both", () => {
    const data = sampleData();
    data.values.CAN_CU = "UBND thị xã Mỹ Hào báo cáo kết quả thực hiện tháng 10 năm 2024 (số liệu đến ngày 14 tháng 11 năm 2024), như sau:";
    data.values.KINH_GUI = ["Văn phòng UBND tỉnh Hưng Yên", "Báo cáo tháng 10"];
    expect(check(data).map(formatProblem)).toEqual([
      'Thông tin chung!B18: [Cảnh báo] "Kính gửi" ghi "tháng 10", không phải kỳ của báo cáo này (tháng 11 năm 2024). Sửa lại cho đúng kỳ; sổ tạo bằng "Kỳ mới" được sửa tự động.',
      'Thông tin chung!B20: [Cảnh báo] "Câu mở đầu (căn cứ báo cáo)" ghi "tháng 10 năm 2024", không phải kỳ của báo cáo này (tháng 11 năm 2024). Sửa lại cho đúng kỳ; sổ tạo bằng "Kỳ mới" được sửa tự động.',
    ]);
  });

  it("says nothing of the report's own period, a date, or a comparison", () => {
    const data = sampleData();
    data.values.CAN_CU =
      "Thực hiện Công văn ngày 07 tháng 9 năm 2023, UBND thị xã báo cáo kết quả tháng 11 năm 2024 (tăng so với tháng 10), quý IV năm 2024 như sau:";
    expect(check(data)).toEqual([]);
  });
});
