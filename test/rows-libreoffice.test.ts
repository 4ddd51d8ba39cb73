/**
 * Rows added at the end of a table or a list are in the report, through the command line, on
 * workbooks saved by LibreOffice Calc.
 *
 * - The dossier sample (`template --kind bao-cao-giai-quyet-tthc --sample`) gets a row inserted
 *   just above "Tổng cộng" (as a spreadsheet app inserts it: the defined names BIEU_06 and
 *   BIEU_06_DONG and the total row's SUMs do not grow over it) holding a new lĩnh vực
 *   "Nông nghiệp", 50 dossiers received and settled on time; LibreOffice saves it. `check` has
 *   no error (one warning on the total row, whose SUM misses the row), and the exported .docx
 *   has the row in Biểu 06, a total row that is the sum of all rows, and section I's received
 *   total with the 50 (11.042 + 50 = 11.092).
 * - The monthly sample gets a task typed in B17 of "III. Nhiệm vụ", the row just under the
 *   list; LibreOffice saves it; the exported report has the task.
 *
 * Skips when `soffice` is not installed.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../src/cli/testing";
import { readSnapshot } from "../src/cli/xlsx";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";

const today = new Date(2025, 9, 1);
const cli = (...argv: string[]) => runCli(argv, { today });
const itWithLibreOffice = hasSoffice ? it : it.skip;
const NEW_ROW = ["Nông nghiệp", 50, 50, 0, 0, 50, 0, 50, 0, 0, 0, 0];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-rows-lo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Edits a workbook with ExcelJS (as a user would in a spreadsheet app), then saves it with LibreOffice. */
async function editAndSaveWithLibreOffice(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  const edited = join(dir, `sua-${basename(file)}`);
  await wb.xlsx.writeFile(edited);
  return join(convertWithLibreOffice(dir, edited), basename(edited));
}

/** The paragraphs of a .docx's body, and its tables as rows of cell texts. */
async function docxContent(file: string): Promise<{ text: string; tables: string[][][] }> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  const textOf = (x: string) =>
    x
      .split("</w:p>")
      .map((p) => p.replace(/<[^>]+>/g, ""))
      .join("\n")
      .trim();
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1].matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]))),
  );
  return { text: textOf(xml), tables };
}

const number = (s: string) => Number(s.replace(/\./g, ""));

describe("rows added at the end of a table or a list, saved by LibreOffice", () => {
  itWithLibreOffice(
    "a lĩnh vực inserted just above 'Tổng cộng' is in check, in Biểu 06, in its total row and in section I's total",
    async () => {
      const sample = join(dir, "giai-quyet.xlsx");
      expect((await cli("template", "--kind", "bao-cao-giai-quyet-tthc", "--sample", "-o", sample)).code).toBe(0);
      const saved = await editAndSaveWithLibreOffice(sample, (wb) => {
        const ws = wb.getWorksheet("Biểu 06")!;
        expect(ws.getCell("B16").value).toBe("Tổng cộng");
        ws.spliceRows(16, 0, [null, ...NEW_ROW]);
      });
      // what LibreOffice kept: the row above the total row, the names and the SUMs not grown over it
      const snapshot = await readSnapshot(saved);
      const sheet = snapshot.sheets.find((s) => s.name === "Biểu 06")!;
      expect(sheet.cells.B16).toBe("Nông nghiệp");
      expect(sheet.cells.B17).toBe("Tổng cộng");
      expect(snapshot.names.BIEU_06).toMatch(/\$C\$6:\$M\$15$/);
      expect(sheet.formulas!.C17).toMatch(/SUM\(C6:C15\)/i);

      const check = await cli("check", saved);
      expect(check.code).toBe(0);
      expect(check.stdout).not.toContain("[Lỗi]");
      expect(check.stdout).toContain('Biểu 06!C17: [Cảnh báo] Dòng "Tổng cộng" chưa cộng dòng 16 vừa thêm vào bảng');

      const out = join(dir, "giai-quyet.docx");
      expect((await cli("export", saved, "-o", out)).code).toBe(0);
      const { text, tables } = await docxContent(out);
      const table = tables.find((t) => t.some((r) => r.includes("Nông nghiệp")))!;
      expect(table).toBeDefined();
      const rowAt = table.findIndex((r) => r.includes("Nông nghiệp"));
      expect(table[rowAt].slice(2).map(number)).toEqual(NEW_ROW.slice(1));
      const total = table.find((r) => r.some((c) => c === "Tổng cộng"))!;
      const body = table.slice(
        table.findIndex((r) => r[1] === "Chứng thực"),
        table.indexOf(total),
      );
      expect(body).toHaveLength(11);
      for (let c = 2; c < total.length; c++) expect(number(total[c])).toBe(body.reduce((sum, r) => sum + number(r[c]), 0));
      expect(number(total[2])).toBe(11_092);
      expect(text).toContain("Tổng số hồ sơ tiếp nhận trong kỳ: 11.092 hồ sơ");
    },
    240_000,
  );

  itWithLibreOffice(
    "a task typed in the row just under the 'Nhiệm vụ' list is in the exported report",
    async () => {
      const sample = join(dir, "thang.xlsx");
      expect((await cli("template", "--sample", "-o", sample)).code).toBe(0);
      const task = "Rà soát, công bố lại TTHC lĩnh vực đất đai trước ngày 15.";
      const saved = await editAndSaveWithLibreOffice(sample, (wb) => {
        const ws = wb.getWorksheet("III. Nhiệm vụ")!;
        expect(ws.getCell("B17").value).toBeNull();
        ws.getCell("B17").value = task;
      });
      const check = await cli("check", saved);
      expect(check.stdout).not.toContain("[Lỗi]");
      const out = join(dir, "thang.docx");
      expect((await cli("export", saved, "-o", out)).code).toBe(0);
      const { text } = await docxContent(out);
      expect(text).toContain(task);
    },
    240_000,
  );
});
