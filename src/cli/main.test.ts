import fsp = require("node:fs/promises"); // the module object itself, so that jest.spyOn can replace its functions
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { loadDefinition } from "../report/kinds";
import { buildLayout, inputOf } from "../workbook/layout";
import { main, problemSummary, USAGE, type CliIO } from "./main";
import { runCli, type CliRun } from "./testing";
import * as xlsx from "./xlsx";

const layout = buildLayout(loadDefinition());
const today = new Date(2024, 11, 1);
const asRoot = process.getuid?.() === 0; // root reads and writes whatever the permissions say
const NOI_NHAN_WARNING = 'Thông tin chung!B28: [Cảnh báo] Dòng nơi nhận "Chủ tịch, các Phó Chủ tịch UBND thị xã" nên kết thúc bằng dấu chấm phẩy (;).';

let dir: string;
let sample: string; // a sample workbook, never modified
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-cli-"));
  sample = join(dir, "mau.xlsx");
  expect((await run("template", "-o", sample, "--sample")).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => jest.restoreAllMocks());

function run(...argv: string[]): Promise<CliRun> {
  return runCli(argv, { today });
}
function runWith(extra: Partial<CliIO>, ...argv: string[]): Promise<CliRun> {
  return runCli(argv, { today, ...extra });
}
let n = 0;
const fresh = (name: string) => join(dir, `${++n}-${name}`);
function copyOfSample(): string {
  const file = fresh("so.xlsx");
  writeFileSync(file, readFileSync(sample));
  return file;
}
/** A copy of the sample workbook with some cells changed. */
async function editedSample(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  edit(wb);
  const file = fresh("sua.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}
async function docxText(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  return zip.file("word/document.xml")!.async("string");
}
const errnoError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe("help and version", () => {
  it.each([["--help"], ["-h"], ["help"], ["check", "--help"], ["export", "-h"], ["rollup", "--help"]])("%s %s prints the usage", async (...argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(USAGE);
    expect(r.stdout).toContain("Cách dùng:");
    for (const c of [
      "template -o",
      'template --unit "<tên đơn vị>" -o <sổ-đơn-vị.xlsx>',
      "rollup -o <tổng-hợp.xlsx> <sổ-đơn-vị.xlsx>... [--base <sổ.xlsx>]",
      "check <sổ.xlsx> [--json]",
      "export <sổ.xlsx> [-o <báo-cáo.docx>]",
    ])
      expect(r.stdout).toContain(c);
  });

  it("without arguments prints the usage on stderr, exit 2", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Chưa nhập lệnh.");
    expect(r.stderr).toContain("Cách dùng:");
  });

  it("--version prints the package's version", async () => {
    const r = await run("--version");
    expect(r.code).toBe(0);
    const pkg = JSON.parse(readFileSync(resolve(__dirname, "../../package.json"), "utf8"));
    expect(r.out).toEqual([`bao-cao ${pkg.version}`]);
  });
});

describe("template", () => {
  it("writes a blank workbook and prints its path", async () => {
    const file = fresh("trong.xlsx");
    const r = await run("template", "-o", file);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`Đã tạo sổ báo cáo: ${resolve(file)}`);
    const snapshot = await xlsx.readSnapshot(file);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
    expect(Object.keys(snapshot.names)).toHaveLength(layout.names.length);
    // blank: the required fields are errors
    const check = await run("check", file);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/\d+ lỗi, \d+ cảnh báo\./);
  });

  it("--sample fills in the sample data", async () => {
    const r = await run("check", sample);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([NOI_NHAN_WARNING, "Không có lỗi, 1 cảnh báo."]);
  });

  it("does not overwrite an existing file without --force", async () => {
    const file = copyOfSample();
    const before = readFileSync(file);
    const r = await run("template", "-o", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("đã có");
    expect(r.stderr).toContain("--force");
    expect(readFileSync(file).equals(before)).toBe(true);
    const forced = await run("template", "-o", file, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(false);
  });
});

describe("check", () => {
  it("prints errors first, one line each, and a summary; exit 1", async () => {
    const file = await editedSample((wb) => {
      const a = inputOf(layout, "PAKN_TONG");
      wb.getWorksheet(a.sheet.name)!.getCell(a.input.first).value = "mười";
    });
    const r = await run("check", file);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(/^I\. Kết quả!C12: \[Lỗi\] "Tổng số PAKN đã tiếp nhận" phải là số nguyên/);
    expect(r.out.slice(1)).toEqual([NOI_NHAN_WARNING, "1 lỗi, 1 cảnh báo."]);
  });

  it("--json prints the problems and the counts", async () => {
    const r = await run("check", sample, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toEqual({
      kind: "report",
      units: [],
      problems: [{ sheet: "Thông tin chung", cell: "B28", severity: "warning", code: expect.any(String), message: expect.stringContaining("dấu chấm phẩy") }],
      errors: 0,
      warnings: 1,
    });
  });

  it("uses today's date by default: a report year far from it is a warning", async () => {
    const r = await runWith({ today: new Date(2030, 0, 1) }, "check", sample);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Năm 2024 cách xa năm hiện tại (2030)");
  });
});

describe("export", () => {
  it("writes the report beside the workbook under its default name and prints the warnings", async () => {
    const sub = fresh("xa");
    mkdirSync(sub);
    const file = join(sub, "so.xlsx");
    writeFileSync(file, readFileSync(sample));
    const r = await run("export", file);
    expect(r.code).toBe(0);
    const docx = join(sub, "bao-cao-cctthc-thang-11-2024.docx");
    expect(r.out).toEqual([NOI_NHAN_WARNING, "Không có lỗi, 1 cảnh báo.", `Đã ghi báo cáo: ${docx}`]);
    const xml = await docxText(docx);
    expect(xml).toContain("BÁO CÁO");
    expect(xml).toContain("Mỹ Hào");
  });

  it("writes where -o says", async () => {
    const out = fresh("bao-cao.docx");
    const r = await run("export", sample, "-o", out);
    expect(r.code).toBe(0);
    expect(await docxText(out)).toContain("BÁO CÁO");
  });

  it("refuses a workbook with errors, printing them; writes nothing", async () => {
    const file = await editedSample((wb) => {
      const a = inputOf(layout, "THANG");
      wb.getWorksheet(a.sheet.name)!.getCell(a.input.first).value = 13;
    });
    const out = fresh("khong.docx");
    const r = await run("export", file, "-o", out);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^Thông tin chung!B13: \[Lỗi\] Tháng phải là số nguyên từ 1 đến 12/);
    expect(r.stderr).toContain("Chưa xuất báo cáo: sổ còn 1 lỗi.");
    expect(r.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe("usage errors: exit 2", () => {
  it.each<[string[], string]>([
    [["lap-bao-cao"], 'Lệnh không hợp lệ: "lap-bao-cao"'],
    [["--x"], "Tùy chọn không hợp lệ: --x"],
    [["check", "a.xlsx", "--sample"], "Tùy chọn không hợp lệ: --sample"],
    [["export", "a.xlsx", "--force"], "Tùy chọn không hợp lệ: --force"],
    [["check"], "cần đúng một tệp sổ .xlsx"],
    [["export"], "cần đúng một tệp sổ .xlsx"],
    [["check", "a.xlsx", "b.xlsx"], "thừa: b.xlsx"],
    [["template"], "cần tên tệp sẽ tạo"],
    [["template", "so.xlsx"], "ghi tên tệp sau -o"],
    [["template", "-o"], "Tùy chọn -o thiếu giá trị"],
    [["template", "--sample=1", "-o", "a.xlsx"], "Tùy chọn --sample"],
    [["template", "-o", "so.txt"], "phải có đuôi .xlsx"],
  ])("%j", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("bao-cao --help");
    expect(r.out).toEqual([]);
  });

  it("export -o must be a .docx", async () => {
    const r = await run("export", sample, "-o", fresh("bao-cao.pdf"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("phải có đuôi .docx");
  });
});

describe("files that cannot be used: exit 1 with a clear message", () => {
  it.each(["check", "export"])("%s: a missing file", async (cmd) => {
    const r = await run(cmd, join(dir, "khong-co.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`bao-cao: Không tìm thấy tệp "${join(dir, "khong-co.xlsx")}".`);
  });

  it("a directory given as the workbook", async () => {
    const r = await run("check", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("là một thư mục");
  });

  it("an unreadable file", async () => {
    const file = copyOfSample();
    if (asRoot) jest.spyOn(fsp, "readFile").mockRejectedValueOnce(errnoError("EACCES"));
    else chmodSync(file, 0o000);
    const r = await run("check", file);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Không có quyền đọc tệp "${file}"`);
  });

  it.each<[string, () => Promise<Buffer> | Buffer, string]>([
    ["a Word document renamed .xlsx", async () => readFileSync(await exportedDocx()), "là văn bản Word (.docx)"],
    ["a text file renamed .xlsx", () => Buffer.from("STT;Chỉ tiêu;Số liệu\n1;PAKN;3\n"), "không phải sổ Excel .xlsx"],
    ["an Excel 97-2003 file", () => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)]), "Excel 97-2003 (.xls)"],
    ["an empty file", () => Buffer.alloc(0), "rỗng (0 byte)"],
    ["a truncated .xlsx", () => readFileSync(sample).subarray(0, 2000), "bị hỏng hoặc chưa chép, tải về hết"],
  ])("%s", async (_name, bytes, message) => {
    for (const cmd of ["check", "export"]) {
      const file = fresh(cmd === "check" ? "tep.xlsx" : "tep.xls");
      writeFileSync(file, await bytes());
      const r = await run(cmd, file);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain(file);
    }
  });

  it("a workbook without the standard sheets", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").getCell("A1").value = "Danh sách cán bộ";
    const file = fresh("khac.xlsx");
    await wb.xlsx.writeFile(file);
    for (const cmd of ["check", "export"]) {
      const r = await run(cmd, file);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Tệp "${file}" không phải sổ báo cáo: không có trang tính nào của mẫu (Thông tin chung, I. Kết quả,`);
      expect(r.stderr).toContain("Tạo sổ mẫu bằng: bao-cao template -o");
    }
  });
});

let docxFile: string | undefined;
async function exportedDocx(): Promise<string> {
  if (!docxFile) {
    docxFile = fresh("that.docx");
    expect((await run("export", sample, "-o", docxFile)).code).toBe(0);
  }
  return docxFile;
}

describe("outputs that cannot be written: exit 1", () => {
  it.each<[string, (out: string) => string[]]>([
    ["template", (out) => ["template", "-o", out]],
    ["export", (out) => ["export", sample, "-o", out.replace(/\.xlsx$/, ".docx")]],
  ])("%s: a missing directory, a directory", async (_cmd, argv) => {
    const missing = await run(...argv(join(dir, "khong-co", "ra.xlsx")));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Thư mục "${join(dir, "khong-co")}" không tồn tại`);

    const folder = fresh("thu-muc.xlsx"); // a directory whose name looks like a file
    mkdirSync(folder);
    mkdirSync(folder.replace(/\.xlsx$/, ".docx"));
    const isDir = await run(...argv(folder));
    expect(isDir.code).toBe(1);
    expect(isDir.stderr).toContain("là một thư mục");
    expect(statSync(folder).isDirectory()).toBe(true);
  });

  it.each<[string, (out: string) => string[]]>([
    ["template", (out) => ["template", "-o", `${out}.xlsx`]],
    ["export", (out) => ["export", sample, "-o", `${out}.docx`]],
  ])("%s: no permission to write", async (_cmd, argv) => {
    const locked = fresh("khoa");
    mkdirSync(locked);
    if (asRoot) jest.spyOn(fsp, "writeFile").mockRejectedValueOnce(errnoError("EACCES"));
    else chmodSync(locked, 0o555);
    const r = await run(...argv(join(locked, "ra")));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("không có quyền ghi");
  });

  it("export refuses to overwrite the workbook itself, also through another path", async () => {
    const file = copyOfSample();
    const before = readFileSync(file);
    for (const out of [file, join(dir, ".", file.slice(dir.length + 1))]) {
      const r = await run("export", file, "-o", out);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("Không ghi đè lên chính tệp đầu vào");
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("an unexpected error", () => {
  it("prints one Vietnamese line with the detail and no stack; exit 1", async () => {
    jest.spyOn(xlsx, "readSnapshot").mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'x')"));
    const r = await run("check", sample);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(["bao-cao gặp lỗi không mong muốn, xin báo cho người phát triển. Chi tiết: Cannot read properties of undefined (reading 'x')"]);
  });

  it("prints the stack too with BAO_CAO_DEBUG=1", async () => {
    jest.spyOn(xlsx, "readSnapshot").mockRejectedValueOnce(new Error("hỏng"));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(["check", sample], { out: (s) => out.push(s), err: (s) => err.push(s), env: { BAO_CAO_DEBUG: "1" } });
    expect(code).toBe(1);
    expect(err[0]).toContain(". Chi tiết: hỏng");
    expect(err[1]).toMatch(/^Error: hỏng\n\s+at /);
  });
});

describe("problemSummary", () => {
  const p = (severity: "error" | "warning") => ({ sheet: "S", cell: "A1", severity, code: "c", message: "m" });
  it.each<[("error" | "warning")[], string]>([
    [[], "Không có lỗi."],
    [["warning"], "Không có lỗi, 1 cảnh báo."],
    [["error", "error"], "2 lỗi."],
    [["error", "error", "warning"], "2 lỗi, 1 cảnh báo."],
  ])("%j → %s", (severities, text) => {
    expect(problemSummary(severities.map(p))).toBe(text);
  });
});
