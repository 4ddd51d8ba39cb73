/**
 * The roll-up of the dossier kind (bao-cao-giai-quyet-tthc, its Biểu 06 table) through the
 * command line, saved and recalculated by LibreOffice.
 *
 * - Six unit workbooks of the kind are made with `bao-cao template --unit … --kind … --data
 *   f.json`, each with the kind's default rows and seeded random whole figures that satisfy
 *   the table's rules (parts add up to each total, received = solved + in progress);
 * - LibreOffice saves them (`soffice --headless --convert-to xlsx`), as a commune using it would;
 * - `bao-cao rollup --base <template --kind … --sample>` rolls them up; the summary holds a
 *   formula and no cached value in every cell of the table's body (checked on its XML), so
 * - whatever value those cells have once LibreOffice converts the summary was computed by
 *   LibreOffice from the formulas alone: every one equals the sum over the six units, and
 *   the summary checks without a cross-check error.
 *
 * Skips the LibreOffice part when `soffice` is not installed. About 20 s.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { parseRollupFormula } from "../src/report/rollup";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout } from "../src/workbook/layout";
import { summaryFormulas } from "../src/workbook/units";
import { runCli } from "../src/cli/testing";
import { convertWithLibreOffice, hasSoffice, sheetXml } from "./libreoffice";

const KIND = "bao-cao-giai-quyet-tthc";
const def = loadDefinition(KIND);
const layout = buildLayout(def);
const table = def.fields.find((f) => f.id === "BIEU_06")!.table!;
const column = (id: string) => table.columns.findIndex((c) => c.id === id);
const today = new Date(2025, 9, 1);
const itWithLibreOffice = hasSoffice ? it : it.skip;

const UNITS = ["Xã Hòa Phong", "Phường Dị Sử", "Xã O'Brien", "Phường Bần Yên Nhân", "Xã Ngọc Lâm", "Xã Cẩm Xá"];

/** A small seeded generator, so that a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One row of Biểu 06 with random whole figures that satisfy its rules. */
function randomRow(rnd: () => number): number[] {
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const row = new Array<number>(table.columns.length).fill(0);
  const set = (id: string, v: number) => (row[column(id)] = v);
  const [truocHan, dungHan, quaHan, trongHan, dangQuaHan] = [int(80), int(200), int(12), int(40), int(6)];
  const daGq = truocHan + dungHan + quaHan;
  const dangGq = trongHan + dangQuaHan;
  const tong = daGq + dangGq;
  const tuKyTruoc = int(Math.min(tong, 30));
  const trucTuyen = int(tong - tuKyTruoc);
  set("TRUOC_HAN", truocHan);
  set("DUNG_HAN", dungHan);
  set("QUA_HAN", quaHan);
  set("DA_GQ", daGq);
  set("TRONG_HAN", trongHan);
  set("DANG_QUA_HAN", dangQuaHan);
  set("DANG_GQ", dangGq);
  set("TONG_NHAN", tong);
  set("TU_KY_TRUOC", tuKyTruoc);
  set("TRUC_TUYEN", trucTuyen);
  set("TRUC_TIEP", tong - tuKyTruoc - trucTuyen);
  return row;
}

const cli = (...argv: string[]) => runCli(argv, { today });

const convert = convertWithLibreOffice;

describe("the dossier kind's Biểu 06 rolled up by the CLI and recalculated by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-dossier-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  itWithLibreOffice(
    "every cell of the summary's table body, computed by LibreOffice from the formulas alone, is the sum over six units saved by LibreOffice",
    async () => {
      const rnd = random(20251001);
      const figures = UNITS.map(() => table.rows.map(() => randomRow(rnd)));
      mkdirSync(join(dir, "don-vi"));
      const made: string[] = [];
      for (const [i, name] of UNITS.entries()) {
        const data = join(dir, `${i}.json`);
        writeFileSync(data, JSON.stringify({ values: { BIEU_06: { rows: table.rows, cells: figures[i] } } }));
        made.push(join(dir, "don-vi", `don-vi-${i + 1}.xlsx`));
        expect(await cli("template", "--unit", name, "--kind", KIND, "--data", data, "-o", made[i])).toMatchObject({ code: 0, err: [] });
      }
      // the units as LibreOffice saves them
      const savedDir = convert(dir, ...made);
      const saved = made.map((f) => join(savedDir, basename(f)));
      expect(await cli("check", saved[0])).toMatchObject({ code: 0 });

      const base = join(dir, "mau.xlsx");
      expect(await cli("template", "--kind", KIND, "--sample", "-o", base)).toMatchObject({ code: 0 });
      const summary = join(dir, "tong-hop.xlsx");
      const rolled = await cli("rollup", "-o", summary, "--base", base, ...saved);
      expect(rolled.err).toEqual([]);
      expect(rolled.code).toBe(0);

      // every body cell holds the roll-up formula and no cached value
      const body = summaryFormulas(def, layout).filter((f) => f.fieldId === "BIEU_06");
      expect(body).toHaveLength(table.rows.length * table.columns.length);
      const written = await sheetXml(summary, body[0].sheet);
      for (const f of body) {
        const c = written.match(new RegExp(`<c r="${f.cell}"[^>]*>(.*?)</c>`))![1];
        expect([f.cell, /<f>/.test(c), /<v>/.test(c)]).toEqual([f.cell, true, false]);
      }

      // LibreOffice computes them
      const recalculated = await readSnapshot(readFileSync(join(convert(dir, summary), "tong-hop.xlsx")));
      const sheet = recalculated.sheets.find((s) => s.name === body[0].sheet)!;
      for (const f of body) {
        const sum = figures.reduce((a, u) => a + u[f.row!][f.column!], 0);
        expect([f.cell, parseRollupFormula(sheet.formulas![f.cell]) !== null, sheet.cells[f.cell]]).toEqual([f.cell, true, sum]);
      }
      expect(body.some((f) => (sheet.cells[f.cell] as number) > 100)).toBe(true);
      const problems = checkWorkbook(def, layout, recalculated, { today }).problems;
      expect(problems.filter((p) => p.code === "units.crossCheck" || p.code === "units.shifted" || p.code === "units.typedSummary")).toEqual([]);
    },
    90_000,
  );
});
