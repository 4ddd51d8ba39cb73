/**
 * The command line's units: `template --unit`, `--data`, `rollup` (import cases: a good
 * file, a non-unit workbook, a duplicate unit, a damaged file in one batch), and `check` /
 * `export` on unit and rolled-up workbooks. In-process, through `main`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { loadDefinition } from "../report/kinds";
import type { ReportData } from "../report/types";
import { sampleData } from "../report/sample";
import { BOOKEND_END, BOOKEND_START, UNIT_MARKER } from "../report/rollup";
import { checkWorkbook } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import { findUnitSheets, rollupFields } from "../workbook/units";
import { runCli, type CliRun } from "./testing";
import { buildUnitWorkbook, readSnapshot, workbookBuffer } from "./xlsx";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2025, 3, 1);
const STANDARD = layout.sheets.map((s) => s.name);

let dir: string;
let n = 0;
const fresh = (name: string) => join(dir, `${++n}-${name}`);
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-rollup-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...argv: string[]): Promise<CliRun> {
  return runCli(argv, { today });
}

type Figures = Record<string, number>;
const zeros = (): Figures => Object.fromEntries(rollupFields(def).map((f) => [f.id, 0]));
/** valid figures: PAKN parts add up to the total, thực thi ≤ phê duyệt ≤ công bố */
function figures(seed: number): Figures {
  const [d, q, x] = [seed % 7, seed % 3, (seed * 5) % 4];
  return {
    DGTD_TTHC: seed % 2,
    THAM_DINH_TTHC: seed % 3,
    TTHC_NB_CONG_BO: 4 + (seed % 3),
    TTHC_NB_PHE_DUYET: 3,
    TTHC_NB_THUC_THI: 1 + (seed % 2),
    PAKN_TONG: d + q + x,
    PAKN_DUNG_HAN: d,
    PAKN_QUA_HAN: q,
    PAKN_DANG_XU_LY: x,
  };
}
/** A unit's workbook as a unit would send it back (made directly, faster than the CLI). */
async function unitFile(name: string, unitName: string, values: Figures = zeros()): Promise<string> {
  const file = fresh(name);
  writeFileSync(file, await workbookBuffer(buildUnitWorkbook(def, unitName, values).workbook));
  return file;
}
async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  return xml
    .split(/<\/w:p>/)
    .map((p) => p.replace(/<w:tab\/>/g, " ").replace(/<[^>]+>/g, ""))
    .join("\n");
}
function dataFile(json: unknown): string {
  const file = fresh("du-lieu.json");
  writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
  return file;
}
const sum = (list: Figures[], id: string) => list.reduce((a, f) => a + f[id], 0);

describe("template --unit", () => {
  it("writes a unit workbook: one unit sheet, its marker and name, the summary cells' names on its cells", async () => {
    const file = fresh("xa-hoa-phong.xlsx");
    const r = await run("template", "--unit", "Xã Hòa Phong", "-o", file);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(`Đã tạo sổ đơn vị "Xã Hòa Phong" (trang tính "Xã Hòa Phong"): ${resolve(file)}`);
    expect(r.out[1]).toContain("bao-cao rollup -o tong-hop.xlsx");
    const s = await readSnapshot(file);
    expect(s.sheets.map((x) => x.name)).toEqual(["Xã Hòa Phong", "BaoCaoLoai"]); // the unit sheet, and the hidden sheet of its kind
    expect(s.sheets[0].cells.F1).toBe(UNIT_MARKER);
    expect(s.names.DGTD_TTHC).toBe("'Xã Hòa Phong'!$C$5");
    expect(s.names.PAKN_DANG_XU_LY).toBe("'Xã Hòa Phong'!$C$15");
    expect(Object.keys(s.names)).toEqual([...rollupFields(def).map((f) => f.id), "BaoCaoLoai.bao_cao_cctthc_thang"]); // and the kind
  });

  it("says when the sheet name had to follow Excel's rules", async () => {
    const r = await run("template", "--unit", "Phường Phùng Chí Kiên, thị xã Mỹ Hào, tỉnh Hưng Yên", "-o", fresh("dai.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out[1]).toMatch(/^Tên trang tính được đặt lại theo quy tắc của Excel .*→ "Phường Phùng Chí Kiên, thị xã"\.$/);
  });

  it("refuses a name that cannot name a sheet, --unit without a name, and --sample with --unit", async () => {
    const bad = await run("template", "--unit", "[*]", "-o", fresh("x.xlsx"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("không dùng được làm tên trang tính");
    const empty = await run("template", "--unit", " ", "-o", fresh("x.xlsx"));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain("Tên đơn vị sau --unit đang để trống");
    const sample = await run("template", "--unit", "Xã A", "--sample", "-o", fresh("x.xlsx"));
    expect(sample.code).toBe(2);
    expect(sample.stderr).toContain("không dùng cùng --unit");
  });
});

describe("--data", () => {
  it("fills a unit workbook from the unit's entry (matched ignoring case and spacing) and a report from values", async () => {
    const data = dataFile({
      values: { THANG: 3, NAM: 2025 },
      units: [
        { name: "Xã Hòa Phong", values: figures(3) },
        { name: "Xã Cẩm Xá", values: figures(4) },
      ],
    });
    const unit = fresh("hp.xlsx");
    expect((await run("template", "--unit", "  xã hòa PHONG", "--data", data, "-o", unit)).code).toBe(0);
    const s = await readSnapshot(unit);
    expect(s.sheets[0].cells.F2).toBe("xã hòa PHONG"); // the name as given, the figures of the matching entry
    expect(s.sheets[0].cells.C12).toBe(figures(3).PAKN_TONG);
    const check = await run("check", unit);
    expect(check.out).toEqual(['Sổ đơn vị: "xã hòa PHONG".', "Không có lỗi."]);
    expect(check.code).toBe(0);

    const report = fresh("bao-cao.xlsx");
    expect((await run("template", "--sample", "--data", data, "-o", report)).code).toBe(0);
    const read = checkWorkbook(def, layout, await readSnapshot(report));
    expect(read.data.values).toEqual({ ...sampleData().values, THANG: 3, NAM: 2025 });
  });

  it.each<[string, unknown, string[], string]>([
    ["not JSON", "{ values: ", [], "không phải JSON hợp lệ"],
    ["neither values nor units", { ten: "x" }, [], 'không có "values" hay "units"'],
    ["an unknown field", { values: { PAKN: 1 } }, [], 'không có trường "PAKN" trong mẫu báo cáo'],
    ["a count given as text", { values: { PAKN_TONG: "5" } }, ["--unit", "Xã A"], '"PAKN_TONG" (Tổng số PAKN đã tiếp nhận) phải là một số'],
    ["a report field for a unit", { values: { THANG: 3 } }, ["--unit", "Xã A"], "không thuộc trang số liệu của đơn vị"],
    ["a unit missing from units", { units: [{ name: "Xã B", values: {} }] }, ["--unit", "Xã A"], 'không có đơn vị "Xã A". Các đơn vị trong tệp: Xã B.'],
    ["a unit without values", { units: [{ name: "Xã B" }] }, ["--unit", "Xã B"], 'đơn vị thứ 1 của "units" cần "name"'],
    ["lines that are not text", { values: { KINH_GUI: [1, 2] } }, [], "phải là một danh sách chuỗi chữ"],
  ])("%s: exit 1, nothing written", async (_name, json, extra, message) => {
    const out = fresh("khong.xlsx");
    const r = await run("template", ...extra, "--data", dataFile(json), "-o", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  it("a missing data file", async () => {
    const r = await run("template", "--data", join(dir, "khong-co.json"), "-o", fresh("x.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Không tìm thấy tệp");
  });
});

describe("check and export on a unit workbook", () => {
  it("check applies the unit rules, grouped on the unit's sheet; --json says the kind", async () => {
    const file = await unitFile("dv.xlsx", "Phường Dị Sử", { ...zeros(), PAKN_TONG: 1, PAKN_DUNG_HAN: 2 });
    const r = await run("check", file);
    expect(r.code).toBe(1);
    expect(r.out[0]).toBe('Sổ đơn vị: "Phường Dị Sử".');
    expect(r.out[1]).toMatch(/^Phường Dị Sử!C12: \[Lỗi\] Tổng "Số PAKN đã xử lý đúng hạn"/);
    expect(r.out[2]).toBe("1 lỗi.");
    const json = JSON.parse((await run("check", file, "--json")).stdout);
    expect(json).toMatchObject({ kind: "unit", units: [{ unit: "Phường Dị Sử", sheet: "Phường Dị Sử" }], errors: 1, warnings: 0 });
  });

  it("export refuses it: no report header, roll it up first; nothing written", async () => {
    const file = await unitFile("dv.xlsx", "Xã Cẩm Xá", figures(1));
    const out = fresh("bc.docx");
    const r = await run("export", file, "-o", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Tệp "${file}" là sổ đơn vị ("Xã Cẩm Xá"), không có phần thông tin chung`);
    expect(r.stderr).toContain("bao-cao rollup -o tong-hop.xlsx");
    expect(existsSync(out)).toBe(false);
  });
});

describe("rollup", () => {
  let base: string;
  beforeAll(async () => {
    base = fresh("khung.xlsx");
    expect((await run("template", "--sample", "--data", dataFile({ values: { THANG: 3, NAM: 2025 } }), "-o", base)).code).toBe(0);
  });

  it("one batch: a good file, a non-unit workbook, a duplicate unit, a damaged file → the good one rolled up, the three reported by name", async () => {
    const good = await unitFile("xa-hoa-phong.xlsx", "Xã Hòa Phong", figures(5));
    const duplicate = await unitFile("xa-hoa-phong-lan-2.xlsx", "  XÃ HÒA   phong ", figures(6));
    const damaged = fresh("hong.xlsx");
    writeFileSync(damaged, readFileSync(good).subarray(0, 1500)); // a truncated zip
    const out = fresh("tong-hop.xlsx");
    const r = await run("rollup", "-o", out, good, base, duplicate, damaged);

    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `Bỏ qua: Tệp "${base}" là sổ báo cáo (có các trang tính của mẫu báo cáo), không phải sổ số liệu của một đơn vị. Sổ đơn vị tạo bằng: bao-cao template --unit "Tên đơn vị" -o don-vi.xlsx`,
      `Bỏ qua: Tệp "${duplicate}" có đơn vị "XÃ HÒA phong" trùng với tệp "${good}" (đã lấy số liệu từ tệp đó).`,
      `Bỏ qua: Tệp "${damaged}" bị hỏng hoặc chưa chép, tải về hết: không mở được như một sổ Excel .xlsx. Hãy xin đơn vị gửi lại tệp.`,
      `Đã ghi sổ tổng hợp nhưng bỏ qua 3 trong 4 tệp (xem các dòng "Bỏ qua" ở trên); sửa hoặc thay các tệp đó rồi tổng hợp lại.`,
    ]);
    expect(r.out).toContain(`Đã tổng hợp 1 đơn vị vào sổ: ${resolve(out)}`);
    const s = await readSnapshot(out);
    expect(s.sheets.map((x) => x.name)).toEqual([...STANDARD, BOOKEND_START, "Xã Hòa Phong", BOOKEND_END, def.unitResults!.sheet]);
    const check = checkWorkbook(def, layout, s, { today });
    for (const f of rollupFields(def)) expect(check.data.values[f.id]).toBe(figures(5)[f.id]);
  });

  it("a unit named like the per-unit sheet gets a sheet of its own name, and the per-unit sheet lists it", async () => {
    const named = await unitFile("ket-qua.xlsx", def.unitResults!.sheet, figures(2));
    const out = fresh("tong-hop-ten.xlsx");
    const r = await run("rollup", "-o", out, named);
    expect(r.code).toBe(0);
    const s = await readSnapshot(out);
    const sheets = s.sheets.map((x) => x.name);
    expect(sheets.filter((n) => n.toLowerCase() === def.unitResults!.sheet.toLowerCase())).toHaveLength(1);
    expect(sheets).toHaveLength(STANDARD.length + 4);
    expect(sheets[sheets.length - 1]).toBe(def.unitResults!.sheet);
    expect(s.sheets[s.sheets.length - 1].cells.B5).toBe(def.unitResults!.sheet);
  });

  it("no usable unit: exit 1 and nothing written", async () => {
    const damaged = fresh("hong.xlsx");
    writeFileSync(damaged, "PK\u0003\u0004 không phải zip");
    const out = fresh("tong-hop.xlsx");
    const r = await run("rollup", "-o", out, base, damaged, join(dir, "khong-co.xlsx"));
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(4);
    expect(r.err[2]).toBe(`Bỏ qua: Không tìm thấy tệp "${join(dir, "khong-co.xlsx")}".`);
    expect(r.err[3]).toBe("Không có đơn vị nào dùng được trong 3 tệp; chưa ghi sổ tổng hợp.");
    expect(r.out).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it("with --base: the town's workbook checks clean and exports the units' sums", async () => {
    const names = ["Phường Bần Yên Nhân", "Xã O'Brien Hòa Phong", "Phường Dị Sử"];
    const values = names.map((_, i) => figures(i + 10));
    const files = await Promise.all(names.map((name, i) => unitFile(`u${i}.xlsx`, name, values[i])));
    const out = fresh("tong-hop.xlsx");
    const r = await run("rollup", "-o", out, "--base", base, ...files);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([`Đã tổng hợp 3 đơn vị vào sổ: ${resolve(out)}`, `Kiểm tra sổ tổng hợp (cả từng đơn vị): bao-cao check "${resolve(out)}"`]);

    const check = await run("check", out);
    expect(check.code).toBe(0);
    const docx = fresh("bao-cao.docx");
    const exported = await run("export", out, "-o", docx);
    expect(exported.code).toBe(0);
    const text = await docxText(docx);
    expect(text).toContain("tháng 3 năm 2025");
    expect(text).toContain(`Tổng số PAKN đã tiếp nhận: ${sum(values, "PAKN_TONG")}; số PAKN đã xử lý đúng hạn: ${sum(values, "PAKN_DUNG_HAN")};`);
    expect(text).toContain(`Số lượng TTHC nội bộ đã công bố: ${String(sum(values, "TTHC_NB_CONG_BO")).padStart(2, "0")} TTHC.`);
  });

  it("a unit's bad figure is found by check on the unit's own sheet, and blocks the export", async () => {
    const good = await unitFile("a.xlsx", "Xã A", figures(1));
    const bad = await unitFile("b.xlsx", "Xã B", { ...figures(2), DGTD_TTHC: -1 });
    const out = fresh("tong-hop.xlsx");
    expect((await run("rollup", "-o", out, "--base", base, good, bad)).code).toBe(0);
    const check = await run("check", out);
    expect(check.code).toBe(1);
    expect(check.out[0]).toMatch(/^Xã B!C5: \[Lỗi\] "Số TTHC đã đánh giá tác động" không được là số âm: -1\./);
    expect((await run("export", out, "-o", fresh("x.docx"))).code).toBe(1);
  });

  it("without --base the header is blank: it says so, and export refuses until it is filled", async () => {
    const out = fresh("tong-hop.xlsx");
    const r = await run("rollup", "-o", out, await unitFile("a.xlsx", "Xã A", figures(1)));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Sổ tổng hợp chưa có phần thông tin chung và lời văn");
    const exported = await run("export", out, "-o", fresh("x.docx"));
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain('Chưa nhập "Ký hiệu văn bản".');
  });

  it("takes a directory's .xlsx files and a wildcard itself (for shells that do not expand it), skipping Excel's lock files and its own output", async () => {
    const folder = fresh("don-vi");
    mkdirSync(folder);
    const one = await unitFile("x.xlsx", "Xã Một", figures(1));
    const two = await unitFile("y.xlsx", "Xã Hai", figures(2));
    writeFileSync(join(folder, "xa-mot.xlsx"), readFileSync(one));
    writeFileSync(join(folder, "xa-hai.xlsx"), readFileSync(two));
    writeFileSync(join(folder, "~$xa-mot.xlsx"), "khóa của Excel");
    writeFileSync(join(folder, "ghi-chu.txt"), "không phải sổ");
    const out = join(folder, "tong-hop.xlsx");
    const first = await run("rollup", "-o", out, folder);
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(findUnitSheets(await readSnapshot(out), def).map((u) => u.unitName)).toEqual(["Xã Hai", "Xã Một"]);
    // again, into the same folder: its own output is not an input
    const again = await run("rollup", "-o", out, join(folder, "*.XLSX"), "--force");
    expect(again.err).toEqual([]);
    expect(again.code).toBe(0);
    const none = await run("rollup", "-o", fresh("t.xlsx"), join(folder, "khong-*.xlsx"));
    expect(none.code).toBe(1);
    expect(none.err[0]).toBe(`Bỏ qua: Không có tệp .xlsx nào khớp với "${join(folder, "khong-*.xlsx")}".`);
  });

  it("reports its progress on stderr every 25 files", async () => {
    const files = await Promise.all(Array.from({ length: 26 }, (_, i) => unitFile(`p${i}.xlsx`, `Xã Số ${i + 1}`, figures(i))));
    const r = await run("rollup", "-o", fresh("t.xlsx"), ...files);
    expect(r.code).toBe(0);
    expect(r.err).toEqual(["Đã đọc 25/26 tệp…", "Đã đọc 26/26 tệp…"]);
  });

  it("refuses an existing output without --force, an input as output, a --base that is not a report", async () => {
    const unit = await unitFile("a.xlsx", "Xã A", figures(1));
    const existing = fresh("co-roi.xlsx");
    writeFileSync(existing, "cũ");
    const exists = await run("rollup", "-o", existing, unit);
    expect(exists.code).toBe(1);
    expect(exists.stderr).toContain("đã có");
    expect(readFileSync(existing, "utf8")).toBe("cũ");

    const itself = await run("rollup", "-o", unit, unit, "--force");
    expect(itself.code).toBe(1);
    expect(itself.stderr).toContain("Không ghi đè lên chính tệp đầu vào");

    const out = fresh("t.xlsx");
    const badBase = await run("rollup", "-o", out, "--base", unit, unit);
    expect(badBase.code).toBe(1);
    expect(badBase.stderr).toContain(`Sổ nền "${unit}" (--base) không phải sổ báo cáo`);
    expect(existsSync(out)).toBe(false);
  });

  it.each<[string[], string]>([
    [["rollup", "a.xlsx"], "cần tên tệp tổng hợp"],
    [["rollup", "-o", "t.xlsx"], "cần ít nhất một sổ đơn vị"],
    [["rollup", "-o", "t.txt", "a.xlsx"], "phải có đuôi .xlsx"],
    [["rollup", "-o", "t.xlsx", "--sample", "a.xlsx"], "Tùy chọn không hợp lệ: --sample"],
  ])("usage error %j: exit 2", async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe("rollup --expected (who has not sent)", () => {
  const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
  const sample = sampleData("bao-cao-giai-quyet-tthc");
  let base: string;
  beforeAll(async () => {
    base = fresh("khung-quy.xlsx");
    expect((await run("template", "--kind", "bao-cao-giai-quyet-tthc", "--sample", "-o", base)).code).toBe(0);
  });
  async function dossierUnit(name: string, unitName: string, withFigures: boolean): Promise<string> {
    const file = fresh(name);
    const values: ReportData["values"] = withFigures ? { BIEU_06: sample.values.BIEU_06 } : {};
    writeFileSync(file, await workbookBuffer(buildUnitWorkbook(dossier, unitName, values).workbook));
    return file;
  }
  function listFile(text: string): string {
    const file = fresh("danh-sach.txt");
    writeFileSync(file, text);
    return file;
  }

  it("a missing unit, an empty unit and a unit not on the list: named by rollup and by check; the report says who has not sent", async () => {
    const files = [
      await dossierUnit("an-binh.xlsx", "UBND xã An Bình", true),
      await dossierUnit("dong.xlsx", "Phường Đông", false),
      await dossierUnit("nam.xlsx", "Xã Nam", true),
    ];
    const list = listFile("\uFEFFXã An Bình\r\nphường  đông\r\n\r\nXã Tây\r\n");
    const out = fresh("tong-hop-quy.xlsx");
    const r = await run("rollup", "-o", out, "--base", base, "--expected", list, ...files);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([
      `Cảnh báo: đơn vị "Xã Tây" có trong danh sách "${list}" nhưng không có sổ nào trong các tệp đã tổng hợp (chưa gửi số liệu).`,
      `Cảnh báo: đơn vị "phường đông" có trong danh sách nhưng sổ của đơn vị ("${files[1]}") chưa nhập số liệu nào (chưa gửi số liệu).`,
      `Cảnh báo: đơn vị "Xã Nam" (tệp "${files[2]}") không có trong danh sách "${list}": kiểm tra lại tên đơn vị trong sổ hoặc thêm vào danh sách. Số liệu của đơn vị vẫn được tổng hợp.`,
    ]);
    expect(r.out).toContain('Đã ghi danh sách 3 đơn vị vào trang "Danh sách đơn vị" của sổ tổng hợp; còn 2 đơn vị chưa gửi số liệu.');

    // the list is in the summary, one name per row under its header
    const s = await readSnapshot(out);
    const sheet = s.sheets.find((x) => x.name === "Danh sách đơn vị")!;
    expect([sheet.cells.A3, sheet.cells.A4, sheet.cells.A5, sheet.cells.A6]).toEqual(["Tên đơn vị", "Xã An Bình", "phường đông", "Xã Tây"]);

    const check = await run("check", out);
    expect(check.stdout).toContain(
      'Danh sách đơn vị!A5: [Cảnh báo] Đơn vị "phường đông" đã có trang "Phường Đông" nhưng chưa nhập số liệu nào (chưa gửi số liệu).',
    );
    expect(check.stdout).toContain(
      'Danh sách đơn vị!A6: [Cảnh báo] Đơn vị "Xã Tây" có trong danh sách ở trang "Danh sách đơn vị" nhưng chưa có trang số liệu trong sổ',
    );
    expect(check.stdout).toContain('Xã Nam!O2: [Cảnh báo] Đơn vị "Xã Nam" không có trong danh sách đơn vị ở trang "Danh sách đơn vị".');

    // Kỳ mới keeps the list for the next period
    const next = fresh("ky-sau.xlsx");
    expect((await run("next-period", out, "-o", next)).code).toBe(0);
    const kept = (await readSnapshot(next)).sheets.find((x) => x.name === "Danh sách đơn vị")!;
    expect([kept.cells.A4, kept.cells.A5, kept.cells.A6]).toEqual(["Xã An Bình", "phường đông", "Xã Tây"]);
  });

  it("the .docx says 'Còn … đơn vị chưa gửi số liệu: …' only with a list and someone missing", async () => {
    const files = [await dossierUnit("a.xlsx", "Xã An Bình", true), await dossierUnit("b.xlsx", "Phường Đông", true)];
    const text = async (extra: string[]) => {
      const out = fresh("tong-hop.xlsx");
      expect((await run("rollup", "-o", out, "--base", base, ...extra, ...files)).code).toBe(0);
      const docx = fresh("bao-cao.docx");
      const exported = await run("export", out, "-o", docx);
      expect(exported.stderr).toBe("");
      expect(exported.code).toBe(0);
      return docxText(docx);
    };
    const missing = await text(["--expected", listFile("Xã An Bình\nXã Tây\nPhường Đông\nThị trấn Bắc\n")]);
    expect(missing).toContain("- Còn 2 đơn vị chưa gửi số liệu: Xã Tây, Thị trấn Bắc.");
    // each unit's figures come from its sheet's total row, computed by the reader in a file no spreadsheet has opened
    expect(missing).toContain("- Có 2/2 đơn vị đạt tỷ lệ giải quyết hồ sơ trước hạn, đúng hạn từ 98% trở lên.");
    for (const none of [await text(["--expected", listFile("Xã An Bình\nPhường Đông\n")]), await text([])]) {
      expect(none).toContain("Số liệu chi tiết theo từng lĩnh vực tại Biểu số 06");
      expect(none).not.toContain("chưa gửi số liệu");
    }
  });

  it("a list file that is not text, or names no unit, is refused before anything is written", async () => {
    const unit = await dossierUnit("c.xlsx", "Xã An Bình", true);
    const out = fresh("tong-hop.xlsx");
    const binary = fresh("danh-sach.txt");
    writeFileSync(binary, Buffer.from([0x58, 0xe3, 0xff, 0x00]));
    const bad = await run("rollup", "-o", out, "--expected", binary, unit);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain(`Tệp danh sách đơn vị "${binary}" không phải văn bản UTF-8.`);
    const empty = await run("rollup", "-o", out, "--expected", listFile("\n  \n"), unit);
    expect(empty.stderr).toContain("không có tên đơn vị nào. Ghi mỗi dòng một tên đơn vị, rồi chạy lại.");
    expect(existsSync(out)).toBe(false);
  });
});
