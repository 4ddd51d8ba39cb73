/**
 * The web page's commands against the command line's on the same files: the same problem
 * lines as `bao-cao check`, the same Word document as `bao-cao export`, the same summary
 * workbook as `bao-cao rollup`, the same imported workbook as `bao-cao import-figures`, the
 * next period's and the Unicode copy, and the marked copy (the cells `bao-cao check` lists).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli } from "../cli/testing";
import { paragraphs, unpackDocx } from "../docx/docx-xml.testutil";
import { readXlsxSnapshot } from "../workbook/xlsx-read";
import { loadExcelJs, workbookBytes } from "../workbook/xlsx-write";
import {
  blankWorkbook,
  checkOpened,
  exportOpened,
  fixTextOpened,
  importOpened,
  markedOpened,
  nextPeriodOpened,
  openWorkbook,
  problemLines,
  rollupFiles,
  unitFileStem,
  unitWorkbook,
  type OpenedWorkbook,
  type WebFile,
} from "./web-commands";

const today = new Date(2024, 11, 5);
const MONTHLY = "bao-cao-cctthc-thang";
const DOSSIER = "bao-cao-giai-quyet-tthc";
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "tthc-web-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliFile(name: string, argv: string[]): Promise<WebFile> {
  const file = path.join(dir, name);
  const r = await runCli([...argv, "-o", file], { today });
  expect(r.code).toBe(0);
  return { name, bytes: new Uint8Array(readFileSync(file)) };
}

async function opened(file: WebFile): Promise<OpenedWorkbook> {
  const r = await openWorkbook(file);
  if (!r.ok) throw new Error(r.outcome.lines.join("\n"));
  return r.workbook;
}

const docText = async (bytes: Uint8Array) => paragraphs((await unpackDocx(bytes))["word/document.xml"]).map((p) => p.text);

describe.each([MONTHLY, DOSSIER])("kind %s", (kind) => {
  test("Kiểm tra lists the lines `bao-cao check` prints, errors first; Xuất báo cáo gives the document `bao-cao export` writes", async () => {
    const sample = await cliFile(`mau-${kind}.xlsx`, ["template", "--sample", "-k", kind]);
    const wb = await opened(sample);
    const checked = checkOpened(wb, today);
    const cli = await runCli(["check", path.join(dir, sample.name)], { today });
    expect(problemLines(checked.problems!)).toEqual(cli.out.slice(0, -1));
    expect(checked.lines.at(-1)).toBe(cli.out.at(-1));

    const exported = await exportOpened(wb, today);
    expect(exported.download).toBeDefined();
    const cliDocx = path.join(dir, `${kind}.docx`);
    expect((await runCli(["export", path.join(dir, sample.name), "-o", cliDocx], { today })).code).toBe(0);
    const expected = await docText(new Uint8Array(readFileSync(cliDocx)));
    expect(expected.filter(Boolean).length).toBeGreaterThan(10);
    expect(await docText(exported.download!.bytes)).toEqual(expected);
    expect(exported.download!.fileName).toMatch(/^bao-cao-.*\.docx$/);
  });

  test("a blank workbook: its errors listed, no report", async () => {
    const blank = await blankWorkbook(kind);
    const cli = await cliFile(`trong-${kind}.xlsx`, ["template", "-k", kind]);
    // the same sheets and cells as `bao-cao template`
    const [a, b] = await Promise.all([readXlsxSnapshot(blank.download!.bytes), readXlsxSnapshot(cli.bytes)]);
    expect(a.sheets.map((s) => [s.name, s.cells])).toEqual(b.sheets.map((s) => [s.name, s.cells]));
    const wb = await opened({ name: "trong.xlsx", bytes: blank.download!.bytes });
    const checked = checkOpened(wb, today);
    expect(checked.tone).toBe("error");
    expect(checked.problems!.filter((p) => p.severity === "error").length).toBeGreaterThan(0);
    const exported = await exportOpened(wb, today);
    expect(exported.download).toBeUndefined();
    expect(exported.lines[0]).toMatch(/^Chưa xuất báo cáo: sổ còn \d+ lỗi/);
    expect(exported.problems!.map((p) => p.severity)[0]).toBe("error");
  });
});

test("Tổng hợp gives the summary `bao-cao rollup` writes: the units' sheets, the same formulas", async () => {
  const units = await Promise.all(["Xã An Bình", "Xã Tân Lập", "Phường Hòa Bình"].map((u) => unitWorkbook(MONTHLY, u)));
  const files = units.map((u) => ({ name: u.download!.fileName, bytes: u.download!.bytes }));
  files.forEach((f) => writeFileSync(path.join(dir, f.name), f.bytes));
  const base = await cliFile("nen.xlsx", ["template", "--sample"]);
  const web = await rollupFiles([...files, { name: "rac.xlsx", bytes: new TextEncoder().encode("không phải sổ") }], base, today);
  expect(web.tone).toBe("warning");
  expect(web.lines).toContain('Bỏ qua: Tệp "rac.xlsx" không phải sổ Excel .xlsx (có thể là tệp văn bản, CSV, HTML hay PDF bị đổi đuôi).');
  const cliOut = path.join(dir, "tong-hop.xlsx");
  const cli = await runCli(["rollup", "-o", cliOut, ...files.map((f) => path.join(dir, f.name)), "--base", path.join(dir, base.name)], { today });
  expect(cli.code).toBe(0);
  const [a, b] = await Promise.all([readXlsxSnapshot(web.download!.bytes), readXlsxSnapshot(readFileSync(cliOut))]);
  expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
  expect(a.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Xã An Bình", "Xã Tân Lập", "Phường Hòa Bình"]));
  expect(a.sheets.map((s) => s.formulas)).toEqual(b.sheets.map((s) => s.formulas));
  expect(Object.keys(a.sheets.flatMap((s) => Object.keys(s.formulas ?? {}))).length).toBeGreaterThan(0);
});

test("Tổng hợp without units, or with a base that is not a report, says what to do", async () => {
  expect((await rollupFiles([], undefined, today)).lines).toEqual(['Chưa chọn sổ đơn vị nào: bấm "Chọn sổ các đơn vị" và chọn một hay nhiều tệp .xlsx.']);
  const unit = await unitWorkbook(MONTHLY, "Xã A");
  const file = { name: "a.xlsx", bytes: unit.download!.bytes };
  expect((await rollupFiles([file], file, today)).lines).toEqual([
    'Tệp "a.xlsx" không phải sổ báo cáo nên không dùng làm nền được. Bỏ chọn tệp đó hoặc chọn sổ báo cáo của kỳ này.',
  ]);
});

test("Kỳ mới gives the next period's workbook; Chuyển sang Unicode a copy with the old-code text converted", async () => {
  const sample = await opened(await cliFile("mau.xlsx", ["template", "--sample"]));
  const next = await nextPeriodOpened(sample);
  expect(next.tone).toBe("success");
  expect(next.download!.fileName).toMatch(/^bao-cao-cctthc-thang-\d+-\d{4}\.xlsx$/);
  expect(next.lines[0]).toMatch(/^Đã tải sổ tháng \d+ năm \d{4} \(từ sổ tháng \d+ năm \d{4}\)/);
  expect((await fixTextOpened(sample)).lines).toEqual(['Không có ô nào chứa chữ mã TCVN3 hay VNI trong "mau.xlsx"; không tải tệp mới.']);
});

test("unreadable files and names are refused with their messages", async () => {
  const bad = await openWorkbook({ name: "x.xlsx", bytes: new Uint8Array(0) });
  expect(bad.ok).toBe(false);
  expect(!bad.ok && bad.outcome.lines).toEqual(['Tệp "x.xlsx" rỗng (0 byte), không phải sổ Excel .xlsx.']);
  expect((await unitWorkbook(MONTHLY, "  ")).lines[0]).toMatch(/^Chưa nhập tên đơn vị/);
  expect(unitFileStem("Phường Đông Hòa")).toBe("don-vi-phuong-dong-hoa");
});

test("Chuyển sang Unicode converts the TCVN3 text of a workbook and leaves every other cell as it was", async () => {
  const wb = new (loadExcelJs().Workbook)();
  const ws = wb.addWorksheet("Ghi chú");
  ws.getCell("A1").value = "Thùc hiÖn";
  ws.getCell("B2").value = 42;
  ws.getCell("C3").value = "Đã đúng Unicode";
  const file = { name: "cu.xlsx", bytes: await workbookBytes(wb) };
  const fixed = await fixTextOpened(await opened(file));
  expect(fixed.download!.fileName).toBe("cu-unicode.xlsx");
  expect(fixed.lines[0]).toBe('Đã chuyển 1 ô sang Unicode; đã tải "cu-unicode.xlsx".');
  const [before, after] = await Promise.all([readXlsxSnapshot(file.bytes), readXlsxSnapshot(fixed.download!.bytes)]);
  expect(after.sheets[0].cells).toEqual({ ...before.sheets[0].cells, A1: "Thực hiện" });
});

/** Every cell's solid fill colour ("FFRRGGBB"), read by ExcelJS (another reader than ours): "Trang!Ô" → colour. */
async function fillsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const wb = new (loadExcelJs().Workbook)();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const out = new Map<string, string>();
  wb.eachSheet((ws) =>
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
        if (fill?.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb) out.set(`${ws.name}!${cell.address}`, fill.fgColor.argb.toUpperCase());
      }),
    ),
  );
  return out;
}

describe.each([MONTHLY, DOSSIER])("Tải sổ đã đánh dấu (%s)", (kind) => {
  test("marks exactly the cells `bao-cao check` lists, by severity, with the messages in the check column; every value and formula stays", async () => {
    // a blank workbook: its required cells are errors
    const file = await cliFile(`loi-${kind}.xlsx`, ["template", "-k", kind]);
    const wb = await opened(file);
    const result = await markedOpened(wb, today);
    expect(result.tone).toBe("error");
    expect(result.download!.fileName).toBe(`loi-${kind}-da-danh-dau.xlsx`);
    const cli = await runCli(["check", path.join(dir, file.name)], { today });
    const listed = new Map<string, string>();
    for (const line of cli.out.slice(0, -1)) {
      const m = /^(.+?)!([A-Z]+[0-9]+): \[(Lỗi|Cảnh báo)\] /.exec(line)!;
      const key = `${m[1]}!${m[2]}`;
      if (listed.get(key) !== "FFFFC7CE") listed.set(key, m[3] === "Lỗi" ? "FFFFC7CE" : "FFFFEB9C");
    }
    expect(listed.size).toBeGreaterThan(3);
    expect(result.lines[0]).toBe(cli.out.at(-1));
    expect(result.lines[1]).toMatch(new RegExp(`^Đã tải bản sổ đánh dấu ${listed.size} ô có vấn đề: "loi-${kind}-da-danh-dau.xlsx"`));

    const [before, after] = await Promise.all([fillsOf(file.bytes), fillsOf(result.download!.bytes)]);
    const changed = new Map([...after].filter(([k, v]) => before.get(k) !== v));
    expect(changed).toEqual(listed);
    for (const [k, v] of before) if (!listed.has(k)) expect([k, after.get(k)]).toEqual([k, v]);

    // values: the same, but for the check column's texts (empty before), one per marked row
    const [a, b] = await Promise.all([readXlsxSnapshot(file.bytes), readXlsxSnapshot(result.download!.bytes)]);
    expect(b.sheets.map((s) => s.formulas)).toEqual(a.sheets.map((s) => s.formulas));
    const written: string[] = [];
    a.sheets.forEach((sheet, i) => {
      const cells = b.sheets[i].cells;
      for (const address of new Set([...Object.keys(sheet.cells), ...Object.keys(cells)])) {
        if (sheet.cells[address] === cells[address]) continue;
        expect([address, sheet.cells[address] ?? null]).toEqual([address, null]);
        expect(cells[address]).toMatch(/^(Lỗi|Cảnh báo): /);
        written.push(`${sheet.name}!${address.replace(/^[A-Z]+/, "")}`);
      }
    });
    expect(written.sort()).toEqual([...new Set([...listed.keys()].map((k) => k.replace(/![A-Z]+/, "!")))].sort());
    // the copy opens as the same report: the same problems
    expect(problemLines(checkOpened(await opened({ name: "b.xlsx", bytes: result.download!.bytes }), today).problems!)).toEqual(cli.out.slice(0, -1));
  });
});

test("Tải sổ đã đánh dấu of a workbook without problems downloads nothing", async () => {
  const wb = await opened({ name: "tot.xlsx", bytes: (await blankWorkbook(DOSSIER, { sample: true })).download!.bytes });
  expect(checkOpened(wb, today).problems).toEqual([]);
  const result = await markedOpened(wb, today);
  expect(result.download).toBeUndefined();
  expect(result.lines).toEqual(["Không có lỗi.", 'Sổ "tot.xlsx" không có lỗi hay cảnh báo nào; không cần tải bản đánh dấu.']);
});

test("Tải sổ đã đánh dấu of a unit's workbook lists its problems and says the copy is for report workbooks", async () => {
  const unit = await unitWorkbook(MONTHLY, "Xã A");
  const wb = await opened({ name: "xa-a.xlsx", bytes: unit.download!.bytes });
  const result = await markedOpened(wb, today);
  expect(result.download).toBeUndefined();
  expect(result.lines).toEqual(['Tệp "xa-a.xlsx" là sổ đơn vị ("Xã A"): bản đánh dấu chỉ làm cho sổ báo cáo. Các vấn đề của sổ đơn vị ở danh sách bên dưới.']);
  expect(result.problems).toEqual(checkOpened(wb, today).problems);
});

const SAMPLE_EXPORT = path.join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls");

test("Nhận số liệu từ hệ thống một cửa gives the workbook `bao-cao import-figures` writes, with the same summary and warnings", async () => {
  const book = await cliFile("so-quy.xlsx", ["template", "--sample", "-k", DOSSIER]);
  const source = { name: path.basename(SAMPLE_EXPORT), bytes: new Uint8Array(readFileSync(SAMPLE_EXPORT)) };
  const web = await importOpened(await opened(book), source);
  const out = path.join(dir, "so-quy-moi.xlsx");
  const cli = await runCli(["import-figures", path.join(dir, book.name), SAMPLE_EXPORT, "-o", out], { today });
  expect(cli.code).toBe(0);
  const summary = cli.out.slice(0, -2);
  expect(summary.length).toBeGreaterThan(0);
  expect(web.lines).toEqual([...summary, 'Đã tải sổ có số liệu mới: "so-quy-so-lieu-moi.xlsx". Mở lại sổ mới ở đây và bấm "Kiểm tra".', ...cli.err]);
  expect(web.tone).toBe(cli.err.length ? "warning" : "success");
  expect(web.download!.fileName).toBe("so-quy-so-lieu-moi.xlsx");
  const [a, b] = await Promise.all([readXlsxSnapshot(web.download!.bytes), readXlsxSnapshot(readFileSync(out))]);
  expect(a.sheets.map((s) => [s.name, s.cells, s.formulas])).toEqual(b.sheets.map((s) => [s.name, s.cells, s.formulas]));
  // the figures did change
  const before = await readXlsxSnapshot(book.bytes);
  expect(a.sheets.map((s) => s.cells)).not.toEqual(before.sheets.map((s) => s.cells));
});

test("Nhận số liệu from a file that is no table of the one-stop system: the command line's message, nothing downloaded", async () => {
  const book = await cliFile("so-quy-2.xlsx", ["template", "--sample", "-k", DOSSIER]);
  const csv = path.join(dir, "khac.csv");
  writeFileSync(csv, "Họ tên,Tuổi\nAn,30\n");
  const web = await importOpened(await opened(book), { name: "khac.csv", bytes: new Uint8Array(readFileSync(csv)) });
  const cli = await runCli(["import-figures", path.join(dir, book.name), csv, "-o", path.join(dir, "khong.xlsx")], { today });
  expect(cli.code).not.toBe(0);
  expect(web.download).toBeUndefined();
  expect(web.tone).toBe("error");
  expect(web.lines.join("\n")).toBe(
    cli.err
      .join("\n")
      .replace(/^bao-cao: /, "")
      .split(csv)
      .join("khac.csv"),
  );
  const empty = await importOpened(await opened(book), { name: "rong.csv", bytes: new Uint8Array(0) });
  expect(empty.lines).toEqual(['Tệp "rong.csv" rỗng (0 byte): hãy xuất lại bảng từ hệ thống một cửa.']);
});
