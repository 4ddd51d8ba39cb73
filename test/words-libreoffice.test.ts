/**
 * Returned dossiers, period words and soft breaks in workbooks saved by LibreOffice Calc, through
 * the command line, as an office using LibreOffice would meet them:
 *
 * - the dossier sample with 170 more received than settled + pending in one row, a soft break
 *   pasted from Word (vertical tab) in a list cell and an Alt+Enter line feed in another: `check`
 *   finds no error and warns with the number, `export` writes "… 170 hồ sơ", the soft break as a
 *   w:br inside one item and the line feed as two items;
 * - that workbook moved on by `next-period` no longer says "quý III năm 2025" on any sheet the
 *   office sees, and `check` finds no stale period words in it;
 * - the sample whose period was moved on by hand to quý IV, its opening sentence not: `check`
 *   names the cell.
 *
 * Skipped without LibreOffice (soffice). About 30 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { paragraphWithText, paragraphs } from "../src/docx/docx-xml.testutil";
import { runCli } from "../src/cli/testing";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { buildLayout, inputOf } from "../src/workbook/layout";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";

const KIND = "bao-cao-giai-quyet-tthc";
const layout = buildLayout(loadDefinition(KIND));
const today = new Date(2025, 9, 1);
const itWithLibreOffice = hasSoffice || process.env.CI ? it : it.skip;

/** where a field's input is (its first cell, or its n-th line) */
const at = (id: string, line = 0) => {
  const { sheet, input } = inputOf(layout, id);
  return { sheet: sheet.name, address: `${input.first.replace(/\d+$/, "")}${Number(input.first.replace(/^[A-Z]+/, "")) + line}` };
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-words-lo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (...argv: string[]) => runCli(argv, { today });

async function docxXml(file: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
}

itWithLibreOffice(
  "170 returned dossiers, a soft break in a list cell, and period words, in workbooks saved by LibreOffice",
  async () => {
    if (!hasSoffice) throw new Error("soffice is missing: .ci/run installs LibreOffice");
    const made = join(dir, "mau.xlsx");
    expect((await run("template", "--kind", KIND, "--sample", "-o", made)).code).toBe(0);

    // the office's edits: Hộ tịch (row 7) gets 170 more received online (C7 is (3), D7 is (4));
    // a soft break pasted from Word in a Tồn tại line, an Alt+Enter line feed in a Nguyên nhân line
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made);
    const biểu = wb.getWorksheet("Biểu 06")!;
    biểu.getCell("C7").value = 1745 + 170;
    biểu.getCell("D7").value = 1406 + 170;
    const tonTai = at("TON_TAI");
    wb.getWorksheet(tonTai.sheet)!.getCell(tonTai.address).value = "Còn 23 hồ sơ quá hạn,[VT]chủ yếu thuộc lĩnh vực đất đai.";
    const nguyenNhan = at("NGUYEN_NHAN");
    wb.getWorksheet(nguyenNhan.sheet)!.getCell(nguyenNhan.address).value = "Hồ sơ đất đai tồn nhiều.\nHạ tầng mạng chưa ổn định.";
    // ExcelJS drops the vertical tab: a marker, then written as Excel writes it (_x000B_)
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("[VT]");
    zip.file("xl/sharedStrings.xml", strings.replace("[VT]", "_x000B_"));
    const edited = join(dir, "tra-lai.xlsx");
    writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));

    // the sample with its period moved on by hand to quý IV, the opening sentence left as it was
    const stale = new ExcelJS.Workbook();
    await stale.xlsx.readFile(made);
    const period = at("KY_BAO_CAO");
    stale.getWorksheet(period.sheet)!.getCell(period.address).value = "Quý IV";
    const staleFile = join(dir, "quy-4-cu.xlsx");
    await stale.xlsx.writeFile(staleFile);

    const saved = convertWithLibreOffice(dir, edited, staleFile);
    const savedBook = join(saved, "tra-lai.xlsx");

    // returned dossiers: no error, a warning stating the number, the export, the sentence
    const checked = await run("check", savedBook);
    expect(checked.code).toBe(0);
    expect(checked.out).toEqual([
      'Biểu 06!C7: [Cảnh báo] Dòng "Hộ tịch": (3) là 1.915, lớn hơn (7) + (11) là 1.745: chênh lệch 170 được tính là hồ sơ trả lại hoặc rút. Nếu không phải vậy, sửa số liệu cho hai bên bằng nhau.',
      "Không có lỗi, 1 cảnh báo.",
    ]);
    const docx = join(dir, "bao-cao.docx");
    expect((await run("export", savedBook, "-o", docx)).code).toBe(0);
    const ps = paragraphs(await docxXml(docx));
    const texts = ps.map((p) => p.text);
    expect(texts).toContain(
      "- Tổng số hồ sơ tiếp nhận trong kỳ: 11.212 hồ sơ, trong đó: tiếp nhận trực tuyến 7.217 hồ sơ; tiếp nhận trực tiếp và qua dịch vụ bưu chính công ích 3.880 hồ sơ; từ kỳ trước chuyển sang 115 hồ sơ.",
    );
    expect(texts).toContain("- Số hồ sơ trả lại hoặc rút (không thuộc số đã giải quyết và đang giải quyết): 170 hồ sơ.");

    // the soft break: one item with a w:br; the line feed: two items
    expect(paragraphWithText(ps, "- Còn 23 hồ sơ quá hạn,\nchủ yếu thuộc lĩnh vực đất đai.").xml).toContain("<w:br/>");
    paragraphWithText(ps, "- Hồ sơ đất đai tồn nhiều.");
    paragraphWithText(ps, "- Hạ tầng mạng chưa ổn định.");

    // Kỳ mới: quý III năm 2025 becomes quý IV năm 2025 in the opening sentence, and nowhere stays
    const next = join(dir, "quy-4.xlsx");
    const moved = await run("next-period", savedBook, "-o", next);
    expect(moved.code).toBe(0);
    expect(moved.out).toContain(
      'Đã sửa chữ chỉ kỳ sang quý IV năm 2025 trong 1 chỗ: "Câu mở đầu (căn cứ báo cáo)": "quý III năm 2025" → "quý IV năm 2025". Xem lại các câu này trong sổ mới.',
    );
    const snapshot = await readSnapshot(next);
    const shown = snapshot.sheets.filter((s) => s.name !== "BaoCaoLoai").flatMap((s) => Object.values(s.cells));
    expect(shown.filter((v) => typeof v === "string" && v.includes("quý III năm 2025"))).toEqual([]);
    expect((await run("check", next)).out.filter((l) => l.includes("không phải kỳ của báo cáo"))).toEqual([]);

    // moved on by hand: check names the cell that still says quý III
    const opening = at("CAN_CU");
    expect((await run("check", join(saved, "quy-4-cu.xlsx"))).out.filter((l) => l.includes("không phải kỳ của báo cáo"))).toEqual([
      `${opening.sheet}!${opening.address}: [Cảnh báo] "Câu mở đầu (căn cứ báo cáo)" ghi "quý III năm 2025", không phải kỳ của báo cáo này (quý IV năm 2025). Sửa lại cho đúng kỳ; sổ tạo bằng "Kỳ mới" được sửa tự động.`,
    ]);
  },
  240_000,
);
