/**
 * The history of totals in workbooks saved by LibreOffice Calc, through the command line: the
 * dossier sample (quý III năm 2025) moved on four times by `next-period`, the figures of each new
 * quarter typed into Biểu 06 and the workbook saved by LibreOffice each time. The quý III năm 2026
 * workbook keeps the totals of the four quarters before it on its hidden kind sheet, and its
 * report compares the total received with the previous quarter and with quý III năm 2025.
 *
 * Skipped without LibreOffice (soffice). About 40 s.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { paragraphs } from "../src/docx/docx-xml.testutil";
import { runCli } from "../src/cli/testing";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { cellAddress, parseRange } from "../src/report/refs";
import { buildLayout, inputOf } from "../src/workbook/layout";
import { previousTotalsOf } from "../src/workbook/previous-totals";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";

const KIND = "bao-cao-giai-quyet-tthc";
const def = loadDefinition(KIND);
const layout = buildLayout(def);
const today = new Date(2026, 9, 1);
const itWithLibreOffice = hasSoffice || process.env.CI ? it : it.skip;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-history-lo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]) => runCli(argv, { today });

/**
 * Types a quarter's figures into Biểu 06 as an office would: every dossier received online and
 * settled early, `received` of them in the first lĩnh vực, 0 in the others.
 */
async function typeFigures(file: string, received: number, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const { sheet, input } = inputOf(layout, "BIEU_06");
  const { start, end } = parseRange(input.ref);
  const columns = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => c.id);
  const filled = new Set(["TONG_NHAN", "TRUC_TUYEN", "DA_GQ", "TRUOC_HAN"]);
  for (let row = start.row; row <= end.row; row++) {
    columns.forEach((id, c) => {
      wb.getWorksheet(sheet.name)!.getCell(cellAddress({ row, col: start.col + c })).value = row === start.row && filled.has(id) ? received : 0;
    });
  }
  await wb.xlsx.writeFile(out);
}

itWithLibreOffice(
  "a quý III/2025 workbook moved on four times, saved by LibreOffice each time, compares quý III/2026 with the previous quarter and with quý III/2025",
  async () => {
    if (!hasSoffice) throw new Error("soffice is missing: .ci/run installs LibreOffice");
    let book = join(dir, "quy-3-2025.xlsx");
    expect((await run("template", "--kind", KIND, "--sample", "-o", book)).code).toBe(0); // 11.042 received
    const quarters = [
      { name: "quy-4-2025", received: 10000 },
      { name: "quy-1-2026", received: 11000 },
      { name: "quy-2-2026", received: 12000 },
      { name: "quy-3-2026", received: 13228 },
    ];
    for (const q of quarters) {
      const next = join(dir, `${q.name}-moi.xlsx`);
      const moved = await run("next-period", book, "-o", next);
      expect([q.name, moved.code]).toEqual([q.name, 0]);
      const typed = join(dir, `${q.name}.xlsx`);
      await typeFigures(next, q.received, typed);
      book = join(convertWithLibreOffice(dir, typed), `${q.name}.xlsx`);
    }

    // the history travelled through four LibreOffice saves
    const previous = previousTotalsOf(await readSnapshot(book))!;
    expect([previous, ...(previous.earlier ?? [])].map((p) => [p.period, p.totals["BIEU_06.TONG_NHAN"]])).toEqual([
      ["quý II năm 2026", 12000],
      ["quý I năm 2026", 11000],
      ["quý IV năm 2025", 10000],
      ["quý III năm 2025", 11042],
    ]);

    const checked = await run("check", book);
    expect(checked.code).toBe(0);
    const docx = join(dir, "bao-cao-quy-3-2026.docx");
    expect((await run("export", book, "-o", docx)).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    const texts = paragraphs(xml).map((p) => p.text);
    // 13.228 against 12.000: +10,2%; against 11.042: +19,8%
    expect(texts).toContain(
      "- Tổng số hồ sơ tiếp nhận trong kỳ: 13.228 hồ sơ (tăng 10,2% so với kỳ trước; tăng 19,8% so với cùng kỳ năm 2025), trong đó: tiếp nhận trực tuyến 13.228 hồ sơ; tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích 0 hồ sơ; từ kỳ trước chuyển sang 0 hồ sơ.",
    );
  },
  300_000,
);
