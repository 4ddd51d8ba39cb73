/**
 * The web page's "Tải sổ đã đánh dấu" on workbooks as offices have them — written by our
 * template, with the office's own additions (a sheet, a chart, a comment, a conditional
 * format), and saved again by LibreOffice Calc (its own styles.xml): the marked copy is valid
 * Open XML (0 errors from Microsoft's validator), keeps every value and the office's
 * additions, and LibreOffice opens it and computes the same figures as from the original.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { runCli } from "../src/cli/testing";
import { loadDefinition } from "../src/report/kinds";
import { sampleData } from "../src/report/sample";
import { buildLayout } from "../src/workbook/layout";
import { officeAdditionsOf, withOfficeAdditions } from "../src/workbook/office-additions-testing";
import type { WorkbookSnapshot } from "../src/workbook/snapshot";
import { readXlsxSnapshot } from "../src/workbook/xlsx-read";
import { buildWorkbook, workbookBytes } from "../src/workbook/xlsx-write";
import { markedOpened, openWorkbook } from "../src/web/web-commands";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";
import { describeErrors, validate } from "./ooxml-validator";

const today = new Date(2024, 11, 5);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-web-marked-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The marked copy of a file, written beside it. */
async function markedCopy(file: string): Promise<{ out: string; marked: number }> {
  const opened = await openWorkbook({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) });
  if (!opened.ok) throw new Error(opened.outcome.lines.join("\n"));
  const result = await markedOpened(opened.workbook, today);
  expect(result.download).toBeDefined();
  const out = join(dir, result.download!.fileName);
  writeFileSync(out, result.download!.bytes);
  return { out, marked: Number(/đánh dấu (\d+) ô/.exec(result.lines[1])![1]) };
}

/** Every value of `before` in `after`; what `after` adds is only the check column's texts. */
function expectSameValues(before: WorkbookSnapshot, after: WorkbookSnapshot): number {
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  let texts = 0;
  before.sheets.forEach((sheet, i) => {
    const cells = after.sheets[i].cells;
    for (const address of new Set([...Object.keys(sheet.cells), ...Object.keys(cells)])) {
      if (sheet.cells[address] === cells[address]) continue;
      expect([sheet.name, address, sheet.cells[address] ?? null]).toEqual([sheet.name, address, null]);
      expect(cells[address]).toMatch(/^(Lỗi|Cảnh báo): /);
      texts++;
    }
  });
  return texts;
}

function expectValid(file: string) {
  const result = validate(file, "Microsoft365");
  if (result.errors.length) console.error(`${file}:\n${describeErrors(result)}`);
  expect(result.errors).toEqual([]);
}

(hasSoffice ? describe : describe.skip)("Tải sổ đã đánh dấu on real workbooks", () => {
  it("a blank template of each kind and a monthly workbook with the office's additions and a wrong figure, as written and as saved by LibreOffice", async () => {
    const files: string[] = [];
    for (const kind of ["bao-cao-cctthc-thang", "bao-cao-giai-quyet-tthc"]) {
      const file = join(dir, `trong-${kind}.xlsx`);
      expect((await runCli(["template", "-k", kind, "-o", file], { today })).code).toBe(0);
      files.push(file);
    }
    const def = loadDefinition();
    const data = sampleData();
    Object.assign(data.values, { PAKN_TONG: 12, PAKN_DUNG_HAN: 5, PAKN_QUA_HAN: 0, PAKN_DANG_XU_LY: 0 }); // 5 + 0 + 0 ≠ 12
    const office = join(dir, "van-phong.xlsx");
    writeFileSync(office, await withOfficeAdditions(await workbookBytes(buildWorkbook(def, buildLayout(def), data))));
    files.push(office);
    const saved = convertWithLibreOffice(dir, ...files);
    files.push(...files.map((f) => join(saved, basename(f))));

    for (const file of files) {
      const { out, marked } = await markedCopy(file);
      expect(marked).toBeGreaterThan(0);
      expectValid(out);
      const [before, after] = await Promise.all([readXlsxSnapshot(readFileSync(file)), readXlsxSnapshot(readFileSync(out))]);
      expect(after.sheets.map((s) => s.formulas)).toEqual(before.sheets.map((s) => s.formulas));
      expect(expectSameValues(before, after)).toBeGreaterThan(0);
      if (file === office) {
        const kept = await officeAdditionsOf(readFileSync(out));
        expect(kept.ownSheet).toMatchObject({ landscape: true, chart: true, formula: "'I. Kết quả'!C12*2" });
        expect(kept.comment).toBe("Ghi chú của văn phòng: số liệu lấy từ phần mềm một cửa");
        expect(kept.conditionalFormat).toBe(true);
      }
      // LibreOffice opens the copy and computes the figures the original gives
      const again = convertWithLibreOffice(dir, file, out);
      const [a, b] = await Promise.all([basename(file), basename(out)].map((n) => readXlsxSnapshot(readFileSync(join(again, n)))));
      expectSameValues(a, b);
    }
  }, 600_000);
});
