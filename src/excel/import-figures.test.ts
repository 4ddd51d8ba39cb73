/**
 * "Nhận số liệu từ bảng" against the simulated Excel: a table pasted into a sheet of a
 * dossier workbook (Tạo mẫu), read by its headers, shown, written in one batch after a yes;
 * a new lĩnh vực inserted inside the table (defined names and the total row's formulas follow);
 * nothing written after a no or when something cannot be mapped (a "1.234" Excel read as the
 * decimal 1,234 is named, never multiplied); three syncs whatever the number of rows.
 */
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { tableRowsName } from "../report/definition";
import { loadDefinition } from "../report/kinds";
import { columnLetter, parseRange, parseSheetRef } from "../report/refs";
import { buildLayout } from "../workbook/layout";
import { applyLayout } from "./apply-layout";
import { checkAndMark } from "./check-and-mark";
import { importFiguresInExcel, type ImportFiguresPreview } from "./import-figures";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const layout = buildLayout(def);
const table = def.fields.find((f) => f.id === "BIEU_06")!.table!;
const today = new Date(2025, 9, 1);

const nameRange = (sim: SimHost, name: string) => {
  const ref = parseSheetRef(sim.workbook.definedName(name)!)!;
  return { sheet: ref.sheet, ...parseRange(ref.ref) };
};

/** A dossier workbook made by Tạo mẫu, its lĩnh vực typed in (the definition's rows). */
async function workbook(excelApi = "1.14", typed = true): Promise<SimHost> {
  const sim = createSimHost({ sheets: ["Sheet1"], requirementSets: { ExcelApi: excelApi } });
  await applyLayout(simExcelHost(sim), layout);
  const labels = nameRange(sim, tableRowsName("BIEU_06"));
  const col = columnLetter(labels.start.col);
  for (let r = labels.start.row; r <= labels.end.row; r++) sim.workbook.setCellValue(labels.sheet, `${col}${r}`, null);
  if (typed) table.rows.forEach((label, i) => sim.workbook.setCellValue(labels.sheet, `${columnLetter(labels.start.col)}${labels.start.row + i}`, label));
  return sim;
}

/** Pastes rows into a new sheet, as Excel takes them when the office pastes (a user's input: "1.234" becomes 1.234 under an English locale). */
function paste(sim: SimHost, sheet: string, rows: (string | number | null)[][], fromRow = 1) {
  if (!sim.workbook.sheet(sheet)) sim.workbook.addSheet(sheet);
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && sim.workbook.setCellValue(sheet, `${columnLetter(c + 1)}${r + fromRow}`, v)));
}

const HEADER: (string | null)[][] = [
  ["Biểu số 06/VPCP/KSTT"],
  ["STT", "Lĩnh vực", "Số hồ sơ nhận giải quyết", null, null, null, "Số hồ sơ đã giải quyết", null, null, null, "Số hồ sơ đang giải quyết", null, null],
  [null, null, "Tổng số", "Trong đó", null, null, "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Trong hạn", "Quá hạn"],
  [null, null, null, "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", "Từ kỳ trước", null, null, null, null, null, null, null],
  ["Xã, phường, thị trấn"],
];
const row = (stt: number, label: string, n: number) => [stt, label, 3 * n, n, 2 * n, 0, 2 * n, n, n, 0, n, n, 0];

/** The figures of the table's row whose label is `label`. */
function figuresOf(sim: SimHost, label: string): unknown[] {
  const labels = nameRange(sim, tableRowsName("BIEU_06"));
  const body = nameRange(sim, "BIEU_06");
  for (let r = labels.start.row; r <= labels.end.row; r++) {
    if (sim.workbook.value(labels.sheet, `${columnLetter(labels.start.col)}${r}`) !== label) continue;
    return table.columns.map((_, c) => sim.workbook.value(body.sheet, `${columnLetter(body.start.col + c)}${r}`));
  }
  throw new Error(`no row ${label}`);
}

describe("Nhận số liệu từ bảng", () => {
  it("reads the pasted table, shows what maps to what, writes it after a yes, in three syncs", async () => {
    const sim = await workbook();
    paste(sim, "Dán", [...HEADER, row(2, "Lĩnh vực Hộ tịch", 10), row(3, "Chứng thực", 4)]);
    sim.syncCount = 0;
    let shown: ImportFiguresPreview | undefined;
    const outcome = await importFiguresInExcel(simExcelHost(sim), {
      confirm: async (p) => {
        shown = p;
        return true;
      },
    });
    expect(sim.syncCount).toBe(3);
    expect(outcome.status).toBe("imported");
    expect(shown!.from).toBe('trang tính "Dán"');
    expect(shown!.lines).toContain('  "Số hồ sơ nhận giải quyết / Trong đó / Trực tuyến" → Số hồ sơ nhận giải quyết — Trực tuyến');
    expect(shown!.lines).toContain("Nhận 2 dòng lĩnh vực.");
    expect(figuresOf(sim, "Hộ tịch")).toEqual([30, 10, 20, 0, 20, 10, 10, 0, 10, 10, 0]);
    expect(figuresOf(sim, "Chứng thực")).toEqual([12, 4, 8, 0, 8, 4, 4, 0, 4, 4, 0]);
    expect(figuresOf(sim, "Đất đai")).toEqual(Array(11).fill(0));
    const check = await checkAndMark(simExcelHost(sim), "fromWorkbook", { today });
    expect(check.problems.filter((p) => p.severity === "error" && p.fieldId === "BIEU_06")).toEqual([]);
  });

  it("inserts a new lĩnh vực inside the table, before 'Lĩnh vực khác': the names and the total row's formulas cover it", async () => {
    const sim = await workbook();
    const before = nameRange(sim, "BIEU_06");
    paste(sim, "Dán", [...HEADER, row(2, "Nông nghiệp", 5), row(3, "Hộ tịch", 1)]);
    const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(outcome.status === "imported" && outcome.added).toEqual(["Nông nghiệp"]);
    const after = nameRange(sim, "BIEU_06");
    expect(after.end.row).toBe(before.end.row + 1);
    expect(nameRange(sim, tableRowsName("BIEU_06")).end.row).toBe(before.end.row + 1);
    const labels = nameRange(sim, tableRowsName("BIEU_06"));
    const col = columnLetter(labels.start.col);
    expect(sim.workbook.value(labels.sheet, `${col}${after.end.row - 1}`)).toBe("Nông nghiệp");
    expect(sim.workbook.value(labels.sheet, `${col}${after.end.row}`)).toBe("Lĩnh vực khác");
    expect(figuresOf(sim, "Nông nghiệp")).toEqual([15, 5, 10, 0, 10, 5, 5, 0, 5, 5, 0]);
    // the total row (under the table) adds the new row too
    const total = columnLetter(after.start.col);
    expect(sim.workbook.value(after.sheet, `${total}${after.end.row + 1}`)).toBe(18);
    const check = await checkAndMark(simExcelHost(sim), "fromWorkbook", { today });
    expect(check.problems.filter((p) => p.severity === "error" && p.fieldId === "BIEU_06")).toEqual([]);
    expect(check.data.values.BIEU_06).toMatchObject({ rows: [...table.rows.slice(0, -1), "Nông nghiệp", "Lĩnh vực khác"] });
  });

  it("puts the source's rows into the empty rows of a new table, inserting none", async () => {
    const sim = await workbook("1.14", false);
    const before = nameRange(sim, "BIEU_06");
    paste(sim, "Dán", [...HEADER, row(2, "Lĩnh vực Hộ tịch", 10), row(3, "Chứng thực", 4)]);
    const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(outcome.status === "imported" && outcome.added).toEqual(["Lĩnh vực Hộ tịch", "Chứng thực"]);
    expect(nameRange(sim, "BIEU_06").end.row).toBe(before.end.row);
    expect(figuresOf(sim, "Lĩnh vực Hộ tịch")).toEqual([30, 10, 20, 0, 20, 10, 10, 0, 10, 10, 0]);
    expect(figuresOf(sim, "Chứng thực")).toEqual([12, 4, 8, 0, 8, 4, 4, 0, 4, 4, 0]);
  });

  it("reads the selected block when one is selected on such a sheet: two tables on one sheet are told apart", async () => {
    const sim = await workbook();
    paste(sim, "Dán", [...HEADER, row(2, "Hộ tịch", 1)]);
    paste(sim, "Dán", [...HEADER, row(2, "Hộ tịch", 7)], 20);
    // the whole sheet read as one table: "Hộ tịch" twice, nothing written
    const whole = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(whole.status === "refused" && whole.message).toContain('lĩnh vực "Hộ tịch" có hai dòng (dòng 6 và dòng 25)');
    expect(figuresOf(sim, "Hộ tịch")).toEqual(Array(11).fill(null));
    await sim.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Dán").getRange("A20:M25").select();
      await ctx.sync();
    });
    sim.syncCount = 0;
    const second = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(second.status === "imported" && second.from).toBe("vùng chọn Dán!A20:M25");
    expect(figuresOf(sim, "Hộ tịch")[0]).toBe(21);
    expect(sim.syncCount).toBe(3);
  });

  it("works at the manifest's floor (ExcelApi 1.4)", async () => {
    const sim = await workbook("1.4");
    paste(sim, "Dán", [...HEADER, row(2, "Nông nghiệp", 5), row(3, "Hộ tịch", 1)]);
    const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(outcome.status).toBe("imported");
    expect(figuresOf(sim, "Nông nghiệp")).toEqual([15, 5, 10, 0, 10, 5, 5, 0, 5, 5, 0]);
  });

  it("uses the same three syncs for 2 and for 200 rows", async () => {
    const counts: number[] = [];
    for (const n of [2, 200]) {
      const sim = await workbook();
      paste(sim, "Dán", [...HEADER, ...Array.from({ length: n }, (_, i) => row(i + 2, `Lĩnh vực số ${i + 1}`, i))]);
      sim.syncCount = 0;
      const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
      expect(outcome.status === "imported" && outcome.added.length).toBe(n);
      counts.push(sim.syncCount);
    }
    expect(counts).toEqual([3, 3]);
  });

  it("writes nothing after a no", async () => {
    const sim = await workbook();
    paste(sim, "Dán", [...HEADER, row(2, "Hộ tịch", 10)]);
    sim.syncCount = 0;
    const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => false });
    expect(outcome.status).toBe("cancelled");
    expect(sim.syncCount).toBe(2);
    expect(figuresOf(sim, "Hộ tịch")).toEqual(Array(11).fill(null));
  });

  it("flags a whole number Excel read as a decimal (1.234 → 1,234 under an English locale), never multiplies it, writes nothing", async () => {
    const sim = await workbook();
    const r = row(2, "Hộ tịch", 1);
    r[2] = "1.234";
    paste(sim, "Dán", [...HEADER, r]);
    expect(sim.workbook.value("Dán", "C6")).toBe(1.234);
    let asked = false;
    const outcome = await importFiguresInExcel(simExcelHost(sim), {
      confirm: async () => {
        asked = true;
        return true;
      },
    });
    expect(asked).toBe(false);
    expect(outcome.status).toBe("refused");
    expect(outcome.status === "refused" && outcome.message).toContain('ô C6 (cột "Số hồ sơ nhận giải quyết / Tổng số"): "1,234" không phải số nguyên');
    expect(figuresOf(sim, "Hộ tịch")).toEqual(Array(11).fill(null));
  });

  it("says so in a workbook of a kind without a table (the monthly report)", async () => {
    const sim = createSimHost({ sheets: ["Sheet1"] });
    await applyLayout(simExcelHost(sim), buildLayout(loadDefinition("bao-cao-cctthc-thang")));
    paste(sim, "Dán", [...HEADER, row(2, "Hộ tịch", 1)]);
    const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(outcome.status === "refused" && outcome.message).toBe(
      'Loại báo cáo "Báo cáo tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng" không có bảng số liệu nào để nhận.',
    );
  });

  it("says where to paste the table when there is none", async () => {
    const sim = await workbook();
    const outcome = await importFiguresInExcel(simExcelHost(sim), { confirm: async () => true });
    expect(outcome.status === "refused" && outcome.message).toMatch(/^Chưa thấy bảng số liệu nào để nhận\. Hãy dán bảng xuất từ hệ thống một cửa/);
  });
});
