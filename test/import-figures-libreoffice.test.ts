/**
 * `bao-cao import-figures` with sources made by LibreOffice, as an office gets them:
 *
 * - another system's CSV (UTF-8, two header rows with the group's words in its first column
 *   only, other words, another column order, a rate column, rows in another order, a lĩnh
 *   vực the sample lacks) opened in Calc and saved as .xlsx: imported exactly, `check` finds
 *   no error, the exported Biểu 06 has the source's numbers row by row;
 * - the one-stop HTML export (templates/samples/…) opened in Calc under an English locale and
 *   saved as .xlsx: its "3.120" became the decimal 3,12, so the import stops, names the cells
 *   and says why, and writes nothing — a figure is never multiplied back.
 *
 * Skipped when `soffice` is not installed. About 15 s.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { EXIT } from "../src/cli/errors";
import { runCli } from "../src/cli/testing";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { rowLabelKey } from "../src/report/row-labels";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout } from "../src/workbook/layout";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";

const KIND = "bao-cao-giai-quyet-tthc";
const def = loadDefinition(KIND);
const today = new Date(2025, 9, 1);
const itWithLibreOffice = hasSoffice ? it : it.skip;
const SAMPLE_EXPORT = join(__dirname, "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls");

let dir: string;
let book: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-import-lo-"));
  book = join(dir, "so.xlsx");
  expect((await runCli(["template", "--kind", KIND, "--sample", "-o", book], { today })).code).toBe(EXIT.ok);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A UTF-8 CSV opened in LibreOffice Calc (comma, double quotes, UTF-8) and saved as .xlsx. */
function csvToXlsx(csv: string, name: string): string {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  const out = mkdtempSync(join(dir, "lo-csv-"));
  const profile = mkdtempSync(join(tmpdir(), "bao-cao-lo-profile-"));
  const r = spawnSync(
    "soffice",
    ["--headless", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", out, file],
    { encoding: "utf8", timeout: 110_000 },
  );
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice exited with ${r.status}: ${r.stderr}`);
  return join(out, `${name}.xlsx`);
}

const SOURCE: [string, number[]][] = [
  // label, then the definition's columns: received total, online, direct, carried; settled total, early, on time, late; pending total, in time, late
  ["Nông nghiệp", [53, 20, 30, 3, 45, 5, 38, 2, 8, 7, 1]],
  ["LĨNH VỰC HỘ TỊCH", [1230, 210, 1000, 20, 1180, 400, 770, 10, 50, 50, 0]],
  ["Đất đai", [88, 10, 70, 8, 60, 20, 30, 10, 28, 20, 8]],
  ["Chứng thực", [2500, 1000, 1500, 0, 2500, 2000, 500, 0, 0, 0, 0]],
];

describe("import-figures with sources saved by LibreOffice", () => {
  itWithLibreOffice("imports a CSV of another system saved as .xlsx: check finds no error, the table has the source's numbers", async () => {
    // columns: TT, Tên lĩnh vực, Đã xử lý (Tổng, Sớm hạn, Đúng hạn, Trễ hạn), Tỷ lệ,
    // Tiếp nhận (Qua mạng, Qua BCCI, Tồn kỳ trước, Tổng), Đang xử lý (Chưa đến hạn, Trễ hạn)
    const lines = [
      "Báo cáo tình hình giải quyết hồ sơ (số liệu minh họa)",
      "TT,Tên lĩnh vực,Đã xử lý,,,,Tỷ lệ đúng hạn (%),Tiếp nhận,,,,Đang xử lý,",
      ",,Tổng,Sớm hạn,Đúng hạn,Trễ hạn,,Qua mạng,Qua BCCI,Tồn kỳ trước,Tổng,Chưa đến hạn,Trễ hạn",
      ...SOURCE.map(([label, v], i) => {
        const rate = v[4] ? (((v[5] + v[6]) / v[4]) * 100).toFixed(2) : "";
        return [i + 3, `"${label}"`, v[4], v[5], v[6], v[7], rate, v[1], v[2], v[3], v[0], v[9], v[10]].join(",");
      }),
    ];
    const source = csvToXlsx(lines.join("\n") + "\n", "he-thong-khac");
    // LibreOffice stored the figures as numbers
    const snap = await readSnapshot(source);
    expect(snap.sheets[0].cells.K5).toBe(1230);
    const out = join(dir, "so-csv.xlsx");
    const r = await runCli(["import-figures", book, source, "-o", out], { today });
    // a lĩnh vực the workbook lacks: the rows under the table move, so the workbook is rebuilt, and said so
    expect(r.err).toEqual([expect.stringContaining('Cảnh báo: Bảng có thêm 1 lĩnh vực nên các dòng của trang "Biểu 06" phải dời xuống')]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toContain('Lĩnh vực mới, thêm vào bảng: "Nông nghiệp".');
    expect(r.out).toContain('Tính từ các cột khác (bảng nguồn không có): "Số hồ sơ đang giải quyết — Tổng số".');
    const check = checkWorkbook(def, buildLayout(def), await readSnapshot(out));
    expect(check.problems.filter((p) => p.severity === "error")).toEqual([]);
    const table = check.data.values.BIEU_06 as { rows: string[]; cells: (number | null)[][] };
    const want = new Map(SOURCE.map(([label, v]) => [rowLabelKey(label), v]));
    expect(table.rows.slice(-2)).toEqual(["Nông nghiệp", "Lĩnh vực khác"]);
    table.rows.forEach((label, i) => expect([label, table.cells[i]]).toEqual([label, want.get(rowLabelKey(label)) ?? Array(11).fill(0)]));
  });

  itWithLibreOffice("stops on the one-stop HTML export opened under an English locale (3.120 read as 3,12), naming the cells, writing nothing", async () => {
    const converted = convertWithLibreOffice(dir, SAMPLE_EXPORT);
    const source = join(converted, readdirSync(converted)[0]);
    const out = join(dir, "so-html.xlsx");
    const r = await runCli(["import-figures", book, source, "-o", out], { today });
    expect(r.code).toBe(EXIT.failed);
    expect(existsSync(out)).toBe(false);
    const text = r.err.join("\n");
    // the merged headers were read: the failure is the figures, not the columns
    expect(text).toContain("  C: Số hồ sơ nhận giải quyết / Tổng số\n");
    expect(text).toContain('ô C11 (cột "Số hồ sơ nhận giải quyết / Tổng số"): "3,12" không phải số nguyên');
    expect(text).toContain("không được nhận, cũng không tự nhân lên");
    expect(readFileSync(source).length).toBeGreaterThan(0);
  });
});
