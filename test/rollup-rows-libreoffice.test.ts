/**
 * The dossier kind's Biểu 06 rolled up by lĩnh vực, with unit files filled and saved by
 * LibreOffice whose lists of lĩnh vực differ.
 *
 * - Three blank unit files are made by `bao-cao template --unit … --kind bao-cao-giai-quyet-tthc`
 *   (their lĩnh vực column holds the definition's rows); their figures are typed (ExcelJS, as a
 *   user would in a spreadsheet app), and:
 *   - "Phường Dị Sử" inserts a row inside its table, above "Xây dựng", for "Nông nghiệp" (its
 *     total row and defined names grown over it, as a spreadsheet app does);
 *   - "Xã O'Brien" writes "Lĩnh vực hộ tịch" for "Hộ tịch";
 *   then LibreOffice saves the three (`soffice --headless --convert-to xlsx`).
 * - `bao-cao rollup --base <the sample>` takes the three, none skipped, and names the row added.
 * - The summary's table body holds formulas only (no cached value, checked on its XML); once
 *   LibreOffice converts it, every row — "Nông nghiệp" included — equals the sum of the units'
 *   rows of the same lĩnh vực, and the total row the sum of all rows; `check` finds no
 *   cross-check or moved-rows error.
 *
 * Skips the LibreOffice part when `soffice` is not installed. About 30 s.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as ExcelJS from "exceljs";
import { readSnapshot } from "../src/cli/xlsx";
import { runCli } from "../src/cli/testing";
import { loadDefinition } from "../src/report/kinds";
import { parseRollupFormula } from "../src/report/rollup";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout } from "../src/workbook/layout";
import { convertWithLibreOffice, hasSoffice, sheetXml } from "./libreoffice";

const KIND = "bao-cao-giai-quyet-tthc";
const def = loadDefinition(KIND);
const layout = buildLayout(def);
const table = def.fields.find((f) => f.id === "BIEU_06")!.table!;
const ROWS = table.rows;
const COLS = "CDEFGHIJKLM".split("");
const today = new Date(2025, 9, 1);
const itWithLibreOffice = hasSoffice ? it : it.skip;
const cli = (...argv: string[]) => runCli(argv, { today });

/** A row of Biểu 06 that satisfies its rules: received = settled + pending, parts add up. */
function rowOf(seed: number): number[] {
  const truocHan = seed % 7;
  const dungHan = 3 * seed + 1;
  const quaHan = seed % 3;
  const trongHan = seed % 5;
  const daGq = truocHan + dungHan + quaHan;
  const tong = daGq + trongHan;
  const tuKyTruoc = Math.min(tong, seed % 4);
  const trucTuyen = Math.floor((tong - tuKyTruoc) / 2);
  return [tong, trucTuyen, tong - tuKyTruoc - trucTuyen, tuKyTruoc, daGq, truocHan, dungHan, quaHan, trongHan, trongHan, 0];
}

describe("units whose lists of lĩnh vực differ, rolled up by the CLI and recalculated by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-rows-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itWithLibreOffice(
    "no file skipped; every row of the summary, the added one included, is the sum of the units' rows of its lĩnh vực",
    async () => {
      // each unit's table as it ends up: [label, figures] per row, top to bottom
      const units: { name: string; rows: [string, number[]][] }[] = [
        { name: "Xã Hòa Phong", rows: ROWS.map((l, r) => [l, rowOf(r + 1)]) },
        {
          name: "Phường Dị Sử",
          rows: [
            ...ROWS.slice(0, 3).map((l, r): [string, number[]] => [l, rowOf(10 + r)]),
            ["Nông nghiệp", rowOf(50)],
            ...ROWS.slice(3).map((l, r): [string, number[]] => [l, rowOf(13 + r)]),
          ],
        },
        { name: "Xã O'Brien", rows: ROWS.map((l, r) => [l === "Hộ tịch" ? "Lĩnh vực hộ tịch" : l, rowOf(30 + r)]) },
      ];
      mkdirSync(join(dir, "don-vi"));
      const typed: string[] = [];
      for (const [i, u] of units.entries()) {
        const blank = join(dir, `blank-${i + 1}.xlsx`);
        expect(await cli("template", "--unit", u.name, "--kind", KIND, "-o", blank)).toMatchObject({ code: 0, err: [] });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(blank);
        const ws = wb.worksheets.find((s) => s.getCell("O1").value === def.units.marker)!;
        // the blank file carries the definition's lĩnh vực
        expect(ROWS.map((_, r) => ws.getCell(`B${6 + r}`).value)).toEqual(ROWS);
        if (u.rows.length > ROWS.length) {
          // a row inserted inside the table, above "Xây dựng" (row 9): the total row's SUMs and the table's names grow over it
          ws.spliceRows(9, 0, []);
          const total = 6 + u.rows.length;
          for (const c of COLS) ws.getCell(`${c}${total}`).value = { formula: `SUM(${c}6:${c}${total - 1})` } as ExcelJS.CellFormulaValue;
          const sheetRef = `'${ws.name}'`;
          wb.definedNames.model = wb.definedNames.model.map((n) =>
            n.name === "BIEU_06"
              ? { ...n, ranges: [`${sheetRef}!$C$6:$M$${total - 1}`] }
              : n.name === "BIEU_06_DONG"
                ? { ...n, ranges: [`${sheetRef}!$B$6:$B$${total - 1}`] }
                : n,
          );
          ws.getCell("A9").value = null;
        }
        u.rows.forEach(([label, figures], r) => {
          ws.getCell(`B${6 + r}`).value = label;
          figures.forEach((v, c) => (ws.getCell(`${COLS[c]}${6 + r}`).value = v));
        });
        typed.push(join(dir, "don-vi", `don-vi-${i + 1}.xlsx`));
        await wb.xlsx.writeFile(typed[i]);
      }
      // the units as LibreOffice saves them
      const savedDir = convertWithLibreOffice(dir, ...typed);
      const saved = typed.map((f) => join(savedDir, basename(f)));
      const unitCheck = await cli("check", saved[1]);
      expect(unitCheck.out.join("\n")).not.toContain("chèn");
      expect(unitCheck.code).toBe(0);

      const base = join(dir, "mau.xlsx");
      expect(await cli("template", "--kind", KIND, "--sample", "-o", base)).toMatchObject({ code: 0 });
      const summary = join(dir, "tong-hop.xlsx");
      const rolled = await cli("rollup", "-o", summary, "--base", base, ...saved);
      expect(rolled.err).toEqual([]);
      expect(rolled.code).toBe(0);
      expect(rolled.out).toContain(
        `Thêm dòng "Nông nghiệp" (của đơn vị "Phường Dị Sử") vào bảng "${def.fields.find((f) => f.id === "BIEU_06")!.label}" của sổ tổng hợp; các đơn vị không có lĩnh vực này ghi 0.`,
      );

      const merged = [...ROWS.slice(0, -1), "Nông nghiệp", ROWS[ROWS.length - 1]];
      const totalRow = 6 + merged.length;
      // every body cell holds the roll-up formula and no cached value
      const xml = await sheetXml(summary, "Biểu 06");
      for (let r = 0; r < merged.length; r++) {
        for (const c of COLS) {
          const cell = xml.match(new RegExp(`<c r="${c}${6 + r}"[^>]*>(.*?)</c>`))![1];
          expect([`${c}${6 + r}`, /<f>/.test(cell), /<v>/.test(cell)]).toEqual([`${c}${6 + r}`, true, false]);
        }
      }

      // LibreOffice computes them: each row the sum of the units' rows of its lĩnh vực
      const recalculated = await readSnapshot(readFileSync(join(convertWithLibreOffice(dir, summary), "tong-hop.xlsx")));
      const sheet = recalculated.sheets.find((s) => s.name === "Biểu 06")!;
      const key = (l: string) => l.replace(/^Lĩnh vực hộ tịch$/, "Hộ tịch");
      merged.forEach((label, r) => {
        expect(sheet.cells[`B${6 + r}`]).toBe(label);
        COLS.forEach((c, k) => {
          const expected = units.reduce((sum, u) => sum + (u.rows.find(([l]) => key(l) === label)?.[1][k] ?? 0), 0);
          expect([label, c, parseRollupFormula(sheet.formulas![`${c}${6 + r}`]) !== null, sheet.cells[`${c}${6 + r}`]]).toEqual([label, c, true, expected]);
        });
      });
      expect(sheet.cells[`C${6 + merged.indexOf("Nông nghiệp")}`]).toBe(rowOf(50)[0]);
      expect(sheet.cells[`B${totalRow}`]).toBe("Tổng cộng");
      COLS.forEach((c, k) => {
        const all = units.reduce((sum, u) => sum + u.rows.reduce((s, [, f]) => s + f[k], 0), 0);
        expect([c, sheet.cells[`${c}${totalRow}`]]).toEqual([c, all]);
      });
      const problems = checkWorkbook(def, layout, recalculated, { today }).problems;
      expect(problems.filter((p) => p.code === "units.crossCheck" || p.code === "units.shifted" || p.code === "units.typedSummary")).toEqual([]);
    },
    120_000,
  );
});
