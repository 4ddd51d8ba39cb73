/**
 * `bao-cao import-figures`: the one-stop system's export read into the sample workbook, as a
 * user runs it. The HTML table saved as .xls (templates/samples/…) and an .xlsx of another
 * system (written by ExcelJS: other wording, columns in another order, a rate column, rows in
 * another order, a lĩnh vực the sample lacks) are each imported; `check` finds no error and
 * the exported Biểu 06 carries exactly the source's numbers, row by row (0 where the source
 * has no such row). What cannot be mapped stops the command and writes nothing.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { paragraphs, tables, unpackDocx } from "../docx/docx-xml.testutil";
import { loadDefinition } from "../report/kinds";
import { rowLabelKey } from "../report/row-labels";
import { EXIT } from "./errors";
import { runCli, type CliRun } from "./testing";
import { loadExcelJs } from "../workbook/xlsx-write";
import { buildUnitWorkbook, workbookBuffer } from "./xlsx";

const KIND = "bao-cao-giai-quyet-tthc";
const def = loadDefinition(KIND);
const SAMPLE_EXPORT = join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls");
const today = new Date(2025, 9, 1);
const run = (...argv: string[]): Promise<CliRun> => runCli(argv, { today });

let dir: string;
let book: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-import-"));
  book = join(dir, "so.xlsx");
  expect((await run("template", "--kind", KIND, "--sample", "-o", book)).code).toBe(EXIT.ok);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string) => join(dir, `${++n}-${name}`);
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** The rows of the exported Biểu 06: label → its 11 numbers; and the total row. */
async function exportedTable(workbook: string): Promise<{ rows: Map<string, number[]>; order: string[]; total: number[] }> {
  const docx = fresh("bao-cao.docx");
  const r = await run("export", workbook, "-o", docx);
  expect(r.err.filter((l) => l.includes("Lỗi"))).toEqual([]);
  expect(r.code).toBe(EXIT.ok);
  const doc = (await unpackDocx(readFileSync(docx)))["word/document.xml"];
  const table = tables(doc).find((t) => t.includes("Số hồ sơ nhận giải quyết"))!;
  const cells = [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      paragraphs(tc[0])
        .map((p) => p.text)
        .join(" "),
    ),
  );
  const body = cells.slice(3);
  const number = (s: string) => Number(s.replace(/\./g, ""));
  const total = body.pop()!;
  expect(total[1]).toBe("Tổng cộng");
  return {
    rows: new Map(body.map((r) => [rowLabelKey(r[1]), r.slice(2).map(number)])),
    order: body.map((r) => r[1]),
    total: total.slice(2).map(number),
  };
}

/** Asserts the exported table holds exactly `expected` (label → numbers), 0 in every other row, and a total row of the sums. */
function expectTable(t: { rows: Map<string, number[]>; total: number[] }, expected: [string, number[]][]) {
  const want = new Map(expected.map(([label, v]) => [rowLabelKey(label), v]));
  for (const [key, v] of want) expect([key, t.rows.get(key)]).toEqual([key, v]);
  for (const [key, v] of t.rows) if (!want.has(key)) expect([key, v]).toEqual([key, Array(11).fill(0)]);
  expect(t.total).toEqual(Array.from({ length: 11 }, (_, c) => expected.reduce((s, [, v]) => s + v[c], 0)));
}

async function checkHasNoError(workbook: string) {
  const r = await run("check", workbook);
  expect(r.out.filter((l) => l.includes("[Lỗi]"))).toEqual([]);
  expect(r.code).toBe(EXIT.ok);
}

describe("import-figures", () => {
  it("writes into the office's own file: its own sheet, values and widths stay, only the table's cells change", async () => {
    const ExcelJS = loadExcelJs();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const own = wb.addWorksheet("Ghi chép");
    own.getCell("A1").value = "Số liệu đối chiếu với phần mềm một cửa";
    own.getColumn(2).width = 77;
    const mine = fresh("so-cua-van-phong.xlsx");
    await wb.xlsx.writeFile(mine);
    const out = fresh("so-moi.xlsx");
    const r = await run("import-figures", mine, SAMPLE_EXPORT, "-o", out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet("Ghi chép")?.getCell("A1").value).toBe("Số liệu đối chiếu với phần mềm một cửa");
    expect(back.getWorksheet("Ghi chép")?.getColumn(2).width).toBe(77);
    await checkHasNoError(out);
    const t = await exportedTable(out);
    expect(t.rows.get(rowLabelKey("Hộ tịch"))).toEqual([1245, 188, 1034, 23, 1201, 402, 771, 28, 44, 41, 3]);
  });

  it("imports the HTML table saved as .xls: check finds no error, the report's Biểu 06 has the source's numbers row by row", async () => {
    const out = fresh("so-moi.xlsx");
    const before = hash(book);
    const r = await run("import-figures", book, SAMPLE_EXPORT, "-o", out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Bỏ qua dòng nhóm: "Xã, phường, thị trấn".');
    expect(r.out).toContain("Nhận 8 dòng lĩnh vực.");
    expect(r.out).toContain('Lĩnh vực có trong sổ nhưng không có trong bảng nguồn, ghi 0: "Tôn giáo", "Lĩnh vực khác".');
    expect(r.out).toContain(`Đã ghi sổ có số liệu mới: ${out}`);
    expect(hash(book)).toBe(before);
    await checkHasNoError(out);
    const t = await exportedTable(out);
    expect(t.order).toEqual(def.fields.find((f) => f.id === "BIEU_06")!.table!.rows);
    expectTable(t, [
      ["Chứng thực", [3120, 412, 2650, 58, 2980, 1210, 1702, 68, 140, 131, 9]],
      ["Hộ tịch", [1245, 188, 1034, 23, 1201, 402, 771, 28, 44, 41, 3]],
      ["Đất đai", [96, 12, 61, 23, 70, 8, 51, 11, 26, 19, 7]],
      ["Xây dựng", [41, 9, 27, 5, 35, 6, 27, 2, 6, 6, 0]],
      ["Bảo trợ xã hội", [268, 35, 221, 12, 251, 90, 158, 3, 17, 17, 0]],
      ["Người có công", [57, 4, 50, 3, 52, 14, 38, 0, 5, 5, 0]],
      ["Thành lập và hoạt động của hộ kinh doanh", [132, 71, 58, 3, 127, 41, 86, 0, 5, 5, 0]],
      ["Thi đua - khen thưởng", [18, 0, 18, 0, 18, 0, 18, 0, 0, 0, 0]],
    ]);
  });

  it("imports an .xlsx of another system: other words and order, a rate column, rows in another order, a new lĩnh vực added before 'Lĩnh vực khác'", async () => {
    const wb = new (loadExcelJs().Workbook)();
    const ws = wb.addWorksheet("Báo cáo");
    ws.addRows([
      ["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ QUÝ III/2025 (số liệu minh họa)"],
      [],
      ["TT", "Tên lĩnh vực", "Đã xử lý", null, null, null, "Tiếp nhận", null, null, null, "Tỷ lệ đúng hạn (%)", "Đang xử lý", null, null],
      [null, null, "Tổng", "Sớm hạn", "Đúng hạn", "Trễ hạn", "Tồn kỳ trước", "Qua BCCI", "Qua mạng", "Tổng", null, "Trễ hạn", "Chưa đến hạn", "Tổng"],
      [1, "Nông nghiệp", 45, 5, 38, 2, 3, 30, 20, 53, 95.56, 1, 7, 8],
      [2, "Lĩnh vực hộ tịch", 1180, 400, 770, 10, 20, 1000, 210, 1230, 99.15, 0, 50, 50],
      [3, "Chứng thực", 2500, 2000, 500, 0, 0, 1500, 1000, 2500, 100, 0, 0, 0],
      [null, "Cộng", 3725, 2405, 1308, 12, 23, 2530, 1230, 3783, null, 1, 57, 58],
    ]);
    ws.mergeCells("C3:F3");
    ws.mergeCells("G3:J3");
    ws.mergeCells("L3:N3");
    const source = fresh("bao-cao-he-thong.xlsx");
    await wb.xlsx.writeFile(source);
    const out = fresh("so-moi.xlsx");
    const r = await run("import-figures", book, source, "-o", out);
    // the table grows by a row, so the sheet is rebuilt: said by name, never silently
    expect(r.err).toEqual([
      expect.stringMatching(/^Cảnh báo: Bảng có thêm 1 lĩnh vực nên các dòng của trang "Biểu 06" phải dời xuống; sổ mới được làm lại từ mẫu/),
    ]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Lĩnh vực mới, thêm vào bảng: "Nông nghiệp".');
    await checkHasNoError(out);
    const t = await exportedTable(out);
    expect(t.order.slice(-2)).toEqual(["Nông nghiệp", "Lĩnh vực khác"]);
    expectTable(t, [
      ["Nông nghiệp", [53, 20, 30, 3, 45, 5, 38, 2, 8, 7, 1]],
      ["Hộ tịch", [1230, 210, 1000, 20, 1180, 400, 770, 10, 50, 50, 0]],
      ["Chứng thực", [2500, 1000, 1500, 0, 2500, 2000, 500, 0, 0, 0, 0]],
    ]);
  });

  it("imports a CSV (UTF-8 with BOM, semicolons) whose one header row names group and column together", async () => {
    const source = fresh("bieu-06.csv");
    const header =
      "STT;Lĩnh vực;Tổng số hồ sơ tiếp nhận;Qua mạng;Qua BCCI;Kỳ trước;Đã giải quyết;Đã giải quyết trước hạn;Đã giải quyết đúng hạn;" +
      "Đã giải quyết quá hạn;Đang giải quyết;Đang giải quyết trong hạn;Đang giải quyết quá hạn";
    writeFileSync(source, `\uFEFF${header}\r\n7;"Lĩnh vực Đất đai";"1.020";20;"1 000";0;1000;10;990;0;20;20;0\r\n`);
    const out = fresh("so-moi.xlsx");
    const r = await run("import-figures", book, source, "-o", out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(EXIT.ok);
    await checkHasNoError(out);
    expectTable(await exportedTable(out), [["Đất đai", [1020, 20, 1000, 0, 1000, 10, 990, 0, 20, 20, 0]]]);
  });

  it("says so when the workbook's kind has no table (the monthly report)", async () => {
    const monthly = fresh("thang.xlsx");
    expect((await run("template", "--sample", "-o", monthly)).code).toBe(EXIT.ok);
    const r = await run("import-figures", monthly, SAMPLE_EXPORT, "-o", fresh("x.xlsx"));
    expect(r.code).toBe(EXIT.failed);
    expect(r.err.join("\n")).toContain("không có bảng số liệu nào để nhận.");
  });

  it("stops on what it cannot map, lists the headers it saw and writes nothing", async () => {
    const source = fresh("thieu-cot.csv");
    writeFileSync(source, "\uFEFFSTT;Lĩnh vực;Tiếp nhận;Qua mạng\n1;Hộ tịch;1.234,5;3\n");
    const out = fresh("so-moi.xlsx");
    const r = await run("import-figures", book, source, "-o", out);
    expect(r.code).toBe(EXIT.failed);
    expect(existsSync(out)).toBe(false);
    const text = r.err.join("\n");
    expect(text).toContain(`Tệp "${source}": Không nhận được số liệu từ tệp "${basename(source)}":`);
    expect(text).toContain('ô C2 (cột "Tiếp nhận"): "1.234,5" không phải số nguyên');
    expect(text).toContain("Các tiêu đề cột đã thấy (theo cột):\n  A: STT\n  B: Lĩnh vực\n  C: Tiếp nhận\n  D: Qua mạng");
    expect(text).toContain("Không ghi gì vào sổ.");
  });

  it("says how to save a real Excel 97-2003 file as .xlsx", async () => {
    const source = fresh("bieu.xls");
    writeFileSync(source, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const out = fresh("so-moi.xlsx");
    const r = await run("import-figures", book, source, "-o", out);
    expect(r.code).toBe(EXIT.failed);
    expect(r.err.join("\n")).toContain(
      'là tệp Excel 97-2003 (.xls) thật, chưa đọc được. Mở tệp bằng Excel (hoặc LibreOffice Calc), chọn Tệp → Lưu thành → "Sổ làm việc Excel (*.xlsx)"',
    );
    expect(existsSync(out)).toBe(false);
  });

  it("refuses a roll-up summary: its table is formulas over the unit sheets", async () => {
    const unit = fresh("xa.xlsx");
    const rows = def.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
    const figures = { BIEU_06: { rows, cells: rows.map(() => Array<number>(11).fill(0)) } };
    writeFileSync(unit, await workbookBuffer(buildUnitWorkbook(def, "Xã Hòa Phong", figures).workbook));
    const summary = fresh("tong-hop.xlsx");
    expect((await run("rollup", "-o", summary, "--base", book, unit)).code).toBe(EXIT.ok);
    const r = await run("import-figures", summary, SAMPLE_EXPORT, "-o", fresh("x.xlsx"));
    expect(r.code).toBe(EXIT.failed);
    expect(r.err.join("\n")).toContain("Đây là sổ tổng hợp các đơn vị");
  });

  it("usage errors: one file only, no -o, an output that is the workbook itself", async () => {
    expect((await run("import-figures", book, "-o", fresh("x.xlsx"))).code).toBe(EXIT.usage);
    const noOut = await run("import-figures", book, SAMPLE_EXPORT);
    expect(noOut.code).toBe(EXIT.usage);
    expect(noOut.err.join("\n")).toContain("Thiếu tệp sổ mới: thêm -o <sổ-mới.xlsx>");
    const self = await run("import-figures", book, SAMPLE_EXPORT, "-o", book, "--force");
    expect(self.code).toBe(EXIT.failed);
    expect(self.err.join("\n")).toContain("Không ghi đè lên chính tệp đầu vào");
  });
});
