/**
 * A summary saved by LibreOffice, and a unit sheet whose rows moved, through the command line.
 *
 * - Three unit workbooks are made and rolled up with `bao-cao`; LibreOffice converts the
 *   summary (`soffice --headless --convert-to xlsx`). LibreOffice 7.4 writes every roll-up
 *   formula as `SUM(DonViDau:DonViCuoi!C5:C5)` (no "=", a single cell as a range; `$C$5`
 *   becomes `$C$5:$C$5`; a span with quoted names as `'Xã A':'Xã B'!C5:C5`): the summary
 *   checks exactly as before it was saved, and the cross-check finds nothing.
 * - A row is inserted into one unit sheet of that summary (ExcelJS, as a user would in a
 *   spreadsheet app; the cached results dropped so that LibreOffice computes the totals
 *   again): `check` exits 1 with one error on that sheet naming the moved rows, and the
 *   cross-check names the unit on the summary cells LibreOffice now adds wrongly.
 *
 * - Three unit files filled in LibreOffice (made blank by `bao-cao template --unit`, their
 *   figures written, a note row inserted at the top of one unit's sheet, then saved by
 *   LibreOffice), rolled up by the CLI: LibreOffice's recalculated totals are the sums, and
 *   that summary saved again by LibreOffice gets no more warnings on "I. Kết quả" from
 *   `check` than before.
 *
 * Skips the LibreOffice part when `soffice` is not installed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { parseRollupFormula } from "../src/report/rollup";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout, inputOf } from "../src/workbook/layout";
import { crossCheckRollup, rollupMismatches } from "../src/workbook/rollup-cross-check";
import { rollupFields, unitSheetLayout } from "../src/workbook/units";
import { runCli } from "../src/cli/testing";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2025, 3, 1);
const SUMMARY = inputOf(layout, rollupFields(def)[0].id).sheet.name;
const itWithLibreOffice = hasSoffice ? it : it.skip;

const UNITS: Record<string, Record<string, number>> = {
  "Xã A": {
    DGTD_TTHC: 3,
    THAM_DINH_TTHC: 2,
    TTHC_NB_CONG_BO: 4,
    TTHC_NB_PHE_DUYET: 2,
    TTHC_NB_THUC_THI: 1,
    PAKN_TONG: 5,
    PAKN_DUNG_HAN: 4,
    PAKN_QUA_HAN: 0,
    PAKN_DANG_XU_LY: 1,
  },
  "Phường Dị Sử": {
    DGTD_TTHC: 7,
    THAM_DINH_TTHC: 6,
    TTHC_NB_CONG_BO: 1,
    TTHC_NB_PHE_DUYET: 1,
    TTHC_NB_THUC_THI: 0,
    PAKN_TONG: 3,
    PAKN_DUNG_HAN: 3,
    PAKN_QUA_HAN: 0,
    PAKN_DANG_XU_LY: 0,
  },
  "Xã O'Brien": {
    DGTD_TTHC: 1,
    THAM_DINH_TTHC: 1,
    TTHC_NB_CONG_BO: 2,
    TTHC_NB_PHE_DUYET: 0,
    TTHC_NB_THUC_THI: 0,
    PAKN_TONG: 2,
    PAKN_DUNG_HAN: 1,
    PAKN_QUA_HAN: 1,
    PAKN_DANG_XU_LY: 0,
  },
};

const cli = (...argv: string[]) => runCli(argv, { today });

const convert = convertWithLibreOffice;

async function summaryXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const index = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].findIndex((m) => m[1] === SUMMARY);
  return zip.file(`xl/worksheets/sheet${index + 1}.xml`)!.async("string");
}

describe("a summary saved by LibreOffice, and a unit sheet whose rows moved", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-shift-"));
  const summary = join(dir, "tong-hop.xlsx");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    mkdirSync(join(dir, "don-vi"));
    const files = [];
    for (const [i, [name, values]] of Object.entries(UNITS).entries()) {
      const data = join(dir, `${i}.json`);
      writeFileSync(data, JSON.stringify({ values }));
      files.push(join(dir, "don-vi", `${i}.xlsx`));
      expect(await cli("template", "--unit", name, "--data", data, "-o", files[i])).toMatchObject({ code: 0, err: [] });
    }
    expect((await cli("rollup", "-o", summary, ...files)).code).toBe(0);
  }, 60_000);

  itWithLibreOffice(
    "checks exactly as before once saved by LibreOffice; a row inserted into a unit sheet is one error and the cross-check names the unit",
    async () => {
      const saved = join(convert(dir, summary), "tong-hop.xlsx");

      // what LibreOffice writes
      const xml = await summaryXml(saved);
      for (const f of rollupFields(def)) {
        const cell = inputOf(layout, f.id).input.first;
        expect(xml).toMatch(new RegExp(`<c r="${cell}"[^>]*><f aca="false">SUM\\(DonViDau:DonViCuoi!${cell}:${cell}\\)</f>`));
      }
      const after = await readSnapshot(readFileSync(saved));
      const formulas = after.sheets.find((s) => s.name === SUMMARY)!.formulas!;
      expect(Object.values(formulas).every((f) => parseRollupFormula(f) !== null)).toBe(true);

      // checks as before: no "số nhập tay" warning, the same problems on the summary sheet
      const onSummary = (s: Awaited<ReturnType<typeof readSnapshot>>) =>
        checkWorkbook(def, layout, s, { today })
          .problems.filter((p) => p.sheet === SUMMARY)
          .map(({ cell, code, message }) => ({ cell, code, message }));
      const before = onSummary(await readSnapshot(readFileSync(summary)));
      expect(onSummary(after)).toEqual(before);
      expect(before.filter((p) => p.code === "units.typedSummary")).toEqual([]);
      expect(crossCheckRollup(def, after)).toEqual([]);
      for (const f of rollupFields(def)) {
        const total = Object.values(UNITS).reduce((a, u) => a + u[f.id], 0);
        expect([f.id, after.sheets.find((s) => s.name === SUMMARY)!.cells[inputOf(layout, f.id).input.first]]).toEqual([f.id, total]);
      }

      // a row inserted into one unit sheet, above its first figure; the totals left for LibreOffice to compute
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(saved);
      wb.getWorksheet("Phường Dị Sử")!.spliceRows(5, 0, []);
      wb.getWorksheet(SUMMARY)!.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value as ExcelJS.CellFormulaValue;
          if (v && typeof v === "object" && "formula" in v) c.value = { formula: v.formula } as ExcelJS.CellFormulaValue;
        }),
      );
      const shifted = join(dir, "chen-dong.xlsx");
      await wb.xlsx.writeFile(shifted);

      const r = await cli("check", shifted);
      expect(r.code).toBe(1);
      const onUnit = r.out.filter((l) => l.startsWith("Phường Dị Sử!"));
      expect(onUnit).toEqual([
        'Phường Dị Sử!A5: [Lỗi] Trang "Phường Dị Sử" đã bị chèn 1 dòng từ dòng 5: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Xóa dòng đã chèn, hoặc nhập lại đơn vị từ tệp.',
      ]);

      // and `check` itself, through the cross-check, names the unit on the summary cell it makes wrong
      expect(r.out.find((l) => l.startsWith(`${SUMMARY}!C5: [Lỗi]`))).toContain('trang "Phường Dị Sử" ô đó là 0 còn số liệu nằm ở ô C6 (7)');

      const recalculated = await readSnapshot(readFileSync(join(convert(dir, shifted), "chen-dong.xlsx")));
      const dgtd = rollupMismatches(def, recalculated).find((m) => m.fieldId === "DGTD_TTHC")!;
      // LibreOffice adds the inserted row's blank C5 for this unit; its figure is now in C6
      expect(dgtd).toMatchObject({ value: 3 + 1, expected: 3 + 7 + 1 });
      expect(dgtd.misplaced).toEqual([{ sheet: "Phường Dị Sử", unitName: "Phường Dị Sử", added: 0, figure: 7, figureCell: "C6" }]);
      expect(crossCheckRollup(def, recalculated).find((p) => p.cell === "C5")?.message).toContain('trang "Phường Dị Sử" ô đó là 0 còn số liệu nằm ở ô C6 (7)');
    },
    240_000,
  );

  itWithLibreOffice(
    "three unit files filled in LibreOffice, one with a note row at the top: the CLI's summary has LibreOffice's totals equal to the sums, and LibreOffice's save adds no warning",
    async () => {
      mkdirSync(join(dir, "blank"));
      const filled: string[] = [];
      for (const [i, [name, values]] of Object.entries(UNITS).entries()) {
        const blank = join(dir, "blank", `don-vi-${i + 1}.xlsx`);
        expect(await cli("template", "--unit", name, "-o", blank)).toMatchObject({ code: 0, err: [] });
        // the commune types its figures (and one of them a note above everything)
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(blank);
        const ws = wb.worksheets.find(
          (w) => w.getCell(unitSheetLayout(def, "x", "x").cells.find((c) => c.value === def.units.marker)!.address).value === def.units.marker,
        )!;
        for (const input of unitSheetLayout(def, ws.name, name).inputs) ws.getCell(input.first).value = values[input.fieldId];
        if (name === "Phường Dị Sử") ws.spliceRows(1, 0, ["Ghi chú: số liệu đến ngày 25 của tháng"]);
        const typed = join(dir, "blank", `typed-${i + 1}.xlsx`);
        await wb.xlsx.writeFile(typed);
        filled.push(typed);
      }
      const savedDir = convert(dir, ...filled);
      const saved = filled.map((f) => join(savedDir, basename(f)));
      const noted = await readSnapshot(readFileSync(saved[1]));
      expect(noted.sheets[0].cells.A1).toBe("Ghi chú: số liệu đến ngày 25 của tháng");
      expect(noted.sheets[0].cells.C6).toBe(UNITS["Phường Dị Sử"].DGTD_TTHC); // one row down, where LibreOffice keeps it

      const rolled = join(dir, "tong-hop-lo.xlsx");
      expect(await cli("rollup", "-o", rolled, ...saved)).toMatchObject({ code: 0, err: [] });
      const warningsOnSummary = async (file: string) => (await cli("check", file)).out.filter((l) => l.startsWith(`${SUMMARY}!`) && l.includes("[Cảnh báo]"));
      const before = await warningsOnSummary(rolled);

      // LibreOffice computes the totals (the CLI's file has no cached result) and saves the summary again
      const resaved = join(convert(dir, rolled), "tong-hop-lo.xlsx");
      const recalculated = await readSnapshot(readFileSync(resaved));
      const sheet = recalculated.sheets.find((s) => s.name === SUMMARY)!;
      for (const f of rollupFields(def)) {
        const total = Object.values(UNITS).reduce((a, u) => a + u[f.id], 0);
        expect([f.id, sheet.cells[inputOf(layout, f.id).input.first]]).toEqual([f.id, total]);
      }
      const after = await warningsOnSummary(resaved);
      expect(after.length).toBeLessThanOrEqual(before.length);
      expect(after).toEqual(before);
      expect(after.filter((l) => l.includes("số nhập tay"))).toEqual([]);
      const check = await cli("check", resaved);
      // no cross-check error, no typed-total warning, no unit sheet reported as moved: the CLI rebuilt the noted one
      expect(check.out.filter((l) => l.includes('Ô tổng hợp "') || l.includes("đã bị chèn"))).toEqual([]);
      expect(crossCheckRollup(def, recalculated)).toEqual([]);
    },
    240_000,
  );
});
