/**
 * 300 units through the command line, recalculated by LibreOffice.
 *
 * 300 unit workbooks are made with `bao-cao template --unit … --data …` (distinct names of
 * exactly 31 characters with spaces, Vietnamese diacritics and an apostrophe; random whole
 * figures that satisfy the report's rules), rolled up with `bao-cao rollup --base …`, and:
 *
 * - every summary formula stays within Excel's limits (8,192 characters, 255 arguments);
 * - our own reader (`checkWorkbook`) and `bao-cao export` get the JavaScript sums from the
 *   file as written, which holds no cached result;
 * - LibreOffice, converting the file (`soffice --headless --convert-to xlsx`), computes
 *   every summary cell, and each equals the JavaScript sum.
 *
 * Why the values are LibreOffice's: the rolled-up file has no cached value in any formula
 * cell (checked on its XML), so whatever value a formula cell has after the conversion was
 * computed by LibreOffice. LibreOffice 7.4 computes, on load, the formula cells of an .xlsx
 * that have no cached value, and keeps a cached value as it is unless told to recalculate
 * (Tools ▸ Options ▸ Calc ▸ Formula ▸ "Recalculation on file load"); a control file with a
 * deliberately wrong cached value, converted in the same run, shows the latter.
 *
 * Skips the LibreOffice part when `soffice` is not installed. Takes about a minute on 2 cores.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { main, type CliIO } from "../src/cli/main";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { argumentCount, EXCEL_FORMULA_MAX_CHARS, EXCEL_FUNCTION_MAX_ARGS, parseRollupFormula, unitSheetName } from "../src/report/rollup";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout, inputOf } from "../src/workbook/layout";
import type { WorkbookSnapshot } from "../src/workbook/snapshot";
import { findUnitSheets, rollupFields } from "../src/workbook/units";

const UNITS = 300;
const BATCH = 10;
const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2025, 3, 1);
const fields = rollupFields(def).map((f) => f.id);
const SUMMARY_SHEET = inputOf(layout, fields[0]).sheet.name;

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const itWithLibreOffice = hasSoffice ? it : it.skip;

/** Distinct unit names of exactly 31 characters: spaces, diacritics, an apostrophe. */
function unitNames(count: number): string[] {
  const words = ["Hòa", "Phong", "Đông", "Mỹ", "Hào", "Dương", "Quang", "Nhân", "Bạch", "Sam", "Cẩm", "Xá", "Ngọc", "Lâm", "Dị", "Sử", "Hưng", "Long"];
  return Array.from({ length: count }, (_, i) => {
    const head = "Xã O'Brien ";
    const tail = ` ${String(i + 1).padStart(3, "0")}`;
    let middle = "";
    for (let k = 0; middle.length < 31 - head.length - tail.length; k++) middle += (middle ? " " : "") + words[(i + k * 7) % words.length];
    middle = middle
      .slice(0, 31 - head.length - tail.length)
      .trimEnd()
      .padEnd(31 - head.length - tail.length, "ễ");
    return head + middle + tail;
  });
}

/** A small seeded generator, so that a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Whole figures that satisfy the rules: PAKN parts add up to the total, thực thi ≤ phê duyệt ≤ công bố. */
function randomFigures(rnd: () => number): Record<string, number> {
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const [dungHan, quaHan, dangXuLy] = [int(60), int(9), int(15)];
  const congBo = int(40);
  const pheDuyet = int(congBo);
  return {
    DGTD_TTHC: int(5),
    THAM_DINH_TTHC: int(5),
    TTHC_NB_CONG_BO: congBo,
    TTHC_NB_PHE_DUYET: pheDuyet,
    TTHC_NB_THUC_THI: int(pheDuyet),
    PAKN_TONG: dungHan + quaHan + dangXuLy,
    PAKN_DUNG_HAN: dungHan,
    PAKN_QUA_HAN: quaHan,
    PAKN_DANG_XU_LY: dangXuLy,
  };
}

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (s) => out.push(s), err: (s) => err.push(s), today, env: {} };
  return { code: await main(argv, io), out, err };
}

async function sheetXml(file: string | Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(typeof file === "string" ? readFileSync(file) : file);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const sheet = new RegExp(`<sheet [^>]*name="(?:${escaped}|${sheetName.replace(/&/g, "&amp;")})"[^>]*r:id="([^"]+)"`).exec(workbook);
  const target =
    new RegExp(`<Relationship [^>]*Id="${sheet![1]}"[^>]*Target="([^"]+)"`).exec(rels) ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheet![1]}"`).exec(rels);
  return zip.file(`xl/${target![1].replace(/^\/?xl\//, "")}`)!.async("string");
}

describe(`${UNITS} units rolled up by the command line`, () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-300-"));
  const names = unitNames(UNITS);
  const rnd = random(20250331);
  const figures = names.map(() => randomFigures(rnd));
  const sums = Object.fromEntries(fields.map((id) => [id, figures.reduce((a, f) => a + f[id], 0)]));
  const town = join(dir, "tong-hop.xlsx");
  const timings: Record<string, number> = {};
  let written: WorkbookSnapshot;

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    process.stdout.write(`300 đơn vị — thời gian (ms): ${JSON.stringify(timings)}\n`);
  });

  beforeAll(async () => {
    const data = join(dir, "don-vi.json");
    writeFileSync(data, JSON.stringify({ values: { THANG: 3, NAM: 2025 }, units: names.map((name, i) => ({ name, values: figures[i] })) }));
    mkdirSync(join(dir, "don-vi"));
    let t = Date.now();
    const files: string[] = [];
    for (let i = 0; i < UNITS; i += BATCH) {
      const batch = names.slice(i, i + BATCH).map((name, k) => {
        const file = join(dir, "don-vi", `don-vi-${String(i + k + 1).padStart(3, "0")}.xlsx`);
        files.push(file);
        return cli("template", "--unit", name, "--data", data, "-o", file);
      });
      for (const r of await Promise.all(batch)) expect(r).toMatchObject({ code: 0, err: [] });
    }
    timings.template300 = Date.now() - t;

    const base = join(dir, "khung.xlsx");
    expect((await cli("template", "--sample", "--data", data, "-o", base)).code).toBe(0);
    t = Date.now();
    const r = await cli("rollup", "-o", town, "--base", base, ...files);
    timings.rollup = Date.now() - t;
    expect(r.code).toBe(0);
    expect(r.err).toEqual(Array.from({ length: UNITS / 25 }, (_, i) => `Đã đọc ${(i + 1) * 25}/${UNITS} tệp…`));
    expect(r.out[0]).toBe(`Đã tổng hợp ${UNITS} đơn vị vào sổ: ${town}`);
    written = await readSnapshot(town);
  }, 240_000);

  it("the names are distinct, 31 characters, with spaces, diacritics and an apostrophe, and are the sheets' names", () => {
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(UNITS);
    for (const n of names) {
      expect(n).toHaveLength(31);
      expect(n).toMatch(/^Xã O'Brien \S.* \d{3}$/u); // spaces, an apostrophe, diacritics (ã at least)
      expect(unitSheetName(n, [])).toEqual({ ok: true, name: n, changed: false });
    }
    expect(findUnitSheets(written, def).map((u) => [u.sheet, u.unitName])).toEqual(names.map((n) => [n, n]));
  });

  it("every summary formula stays within Excel's limits", () => {
    const formulas = written.sheets.find((s) => s.name === SUMMARY_SHEET)!.formulas ?? {};
    expect(Object.keys(formulas).sort()).toEqual(fields.map((id) => inputOf(layout, id).input.first).sort());
    for (const formula of Object.values(formulas)) {
      expect(parseRollupFormula(formula)).not.toBeNull();
      expect(formula.length).toBeLessThanOrEqual(EXCEL_FORMULA_MAX_CHARS);
      expect(argumentCount(formula)).toBeLessThanOrEqual(EXCEL_FUNCTION_MAX_ARGS);
    }
  });

  it("our own reader and `bao-cao export` get the JavaScript sums from the file as written (no cached results)", async () => {
    const xml = await sheetXml(town, SUMMARY_SHEET);
    for (const id of fields) {
      const cell = inputOf(layout, id).input.first;
      expect(xml).toMatch(new RegExp(`<c r="${cell}"[^>]*><f>SUM\\(DonViDau:DonViCuoi!${cell}\\)</f></c>`));
    }
    let t = Date.now();
    const check = checkWorkbook(def, layout, written, { today });
    timings.check = Date.now() - t;
    for (const id of fields) expect(check.data.values[id]).toBe(sums[id]);
    expect(check.problems.filter((p) => p.severity === "error")).toEqual([]);

    const docx = join(dir, "bao-cao.docx");
    t = Date.now();
    const r = await cli("export", town, "-o", docx);
    timings.export = Date.now() - t;
    expect(r.code).toBe(0);
    const doc = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    const text = doc
      .split("</w:p>")
      .map((p) => p.replace(/<[^>]+>/g, ""))
      .join("\n");
    // numbers of a thousand or more take the Vietnamese thousands dot ("13.165")
    const vn = (n: number) => n.toLocaleString("de-DE");
    expect(sums.PAKN_TONG).toBeGreaterThan(999);
    expect(text).toContain(`Tổng số PAKN đã tiếp nhận: ${vn(sums.PAKN_TONG)}; số PAKN đã xử lý đúng hạn: ${vn(sums.PAKN_DUNG_HAN)};`);
    expect(text).toContain(`Số lượng TTHC nội bộ đã công bố: ${vn(sums.TTHC_NB_CONG_BO)} TTHC.`);
  }, 60_000);

  itWithLibreOffice(
    "LibreOffice computes every summary cell, and each equals the JavaScript sum",
    async () => {
      // the control: a formula cell with a wrong cached value
      const control = join(dir, "doi-chung.xlsx");
      const wb = new ExcelJS.Workbook();
      const summary = wb.addWorksheet("Tong");
      wb.addWorksheet("DonViDau");
      wb.addWorksheet("Xã A").getCell("C5").value = 3;
      wb.addWorksheet("DonViCuoi");
      summary.getCell("C5").value = { formula: "SUM(DonViDau:DonViCuoi!C5)", result: 999 } as ExcelJS.CellFormulaValue;
      summary.getCell("C6").value = { formula: "SUM(DonViDau:DonViCuoi!C5)" } as ExcelJS.CellFormulaValue;
      await wb.xlsx.writeFile(control);

      const outDir = join(dir, "lo");
      mkdirSync(outDir);
      const profile = pathToFileURL(mkdtempSync(join(tmpdir(), "bao-cao-lo-profile-"))).href;
      const t = Date.now();
      const r = spawnSync("soffice", ["--headless", `-env:UserInstallation=${profile}`, "--convert-to", "xlsx", "--outdir", outDir, town, control], {
        encoding: "utf8",
        timeout: 170_000,
      });
      timings.libreOffice = Date.now() - t;
      expect(r.status).toBe(0);
      rmSync(new URL(profile), { recursive: true, force: true });

      // the control: a cached value is kept, a missing one is computed
      const controlXml = await sheetXml(join(outDir, basename(control)), "Tong");
      expect(controlXml).toMatch(/<c r="C5"[^>]*><f[^>]*>[^<]*<\/f><v>999<\/v>/);
      expect(controlXml).toMatch(/<c r="C6"[^>]*><f[^>]*>[^<]*<\/f><v>3<\/v>/);

      // LibreOffice's own file (its attributes), whose formula cells now hold values
      const recalculated = readFileSync(join(outDir, basename(town)));
      const xml = await sheetXml(recalculated, SUMMARY_SHEET);
      expect(xml).toContain('<f aca="false">SUM(DonViDau:DonViCuoi!');
      const snapshot = await readSnapshot(recalculated);
      expect(findUnitSheets(snapshot, def).map((u) => u.sheet)).toEqual(names);
      const sheet = snapshot.sheets.find((s) => s.name === SUMMARY_SHEET)!;
      for (const id of fields) {
        const cell = inputOf(layout, id).input.first;
        expect(xml).toMatch(new RegExp(`<c r="${cell}"[^>]*><f[^>]*>SUM\\(DonViDau:DonViCuoi![^<]*</f><v>${sums[id]}</v></c>`));
        expect([id, sheet.formulas?.[cell] !== undefined, sheet.cells[cell]]).toEqual([id, true, sums[id]]);
      }
    },
    180_000,
  );
});
