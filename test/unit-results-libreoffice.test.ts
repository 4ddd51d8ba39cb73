/**
 * The per-unit sheet of a dossier roll-up through the command line, recalculated by LibreOffice:
 *
 * - six unit workbooks of bao-cao-giai-quyet-tthc made by `template --unit … --data`, one with a
 *   lĩnh vực of its own inserted inside its table (so its total row, and every unit sheet's in the
 *   summary, moves down), saved by LibreOffice as a commune using it would;
 * - `bao-cao rollup --base` writes the sheet "Kết quả đơn vị": one row per unit in the order of
 *   the unit sheets, the name then formulas with no cached value (checked on its XML);
 * - once LibreOffice converts the summary, every unit's row holds — computed from the formulas
 *   alone — its eleven totals (3)–(13), its on-time rate, online share and rank;
 * - `export` of that summary: the appendix "Kết quả theo đơn vị" has every unit's row (name, then
 *   its eleven totals) and section I names the best and the worst unit with their rates.
 *
 * Skipped without LibreOffice (soffice). About 25 s.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { paragraphs, tableRows, tables } from "../src/docx/docx-xml.testutil";
import { runCli } from "../src/cli/testing";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { formatNumber, formatPercent } from "../src/report/wording";
import { convertWithLibreOffice, hasSoffice, rollupOnSample, sheetXml, unitWorkbooksSavedByLibreOffice } from "./libreoffice";

const KIND = "bao-cao-giai-quyet-tthc";
const def = loadDefinition(KIND);
const table = def.fields.find((f) => f.id === "BIEU_06")!.table!;
const today = new Date(2025, 9, 1);
const itWithLibreOffice = hasSoffice || process.env.CI ? it : it.skip;
const cli = (...argv: string[]) => runCli(argv, { today });

const UNITS = ["Xã Tân Hưng", "Phường Đông Thành", "Xã Ea H'leo", "Thị trấn Phú Mỹ", "Xã Bình An Thượng", "Phường Hòa Lạc"];
const SHEET = def.unitResults!.sheet;

/**
 * Row `r` of unit `u`'s Biểu 06, columns (3)–(13), satisfying the table's rules: unit u settles u
 * dossiers late in every row (unit 0 none: 100% on time; the last the lowest rate).
 */
function rowOf(u: number, r: number): number[] {
  const [early, onTime, late, inTime, pendingLate] = [5 + u + r, 30 + 3 * r, u, 2, u % 2];
  const settled = early + onTime + late;
  const pending = inTime + pendingLate;
  const received = settled + pending;
  const carried = 1;
  const online = 10 + u * r;
  return [received, online, received - carried - online, carried, settled, early, onTime, late, pending, inTime, pendingLate];
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-unit-results-lo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

itWithLibreOffice(
  "the per-unit sheet of a roll-up recalculated by LibreOffice: every unit's name, eleven totals, rates and rank; the report's appendix has every unit, section I the best and the worst",
  async () => {
    // unit 0 has one more lĩnh vực, inserted inside its table
    const rowsOf = (u: number) => (u === 0 ? [...table.rows.slice(0, 3), "Nông nghiệp", ...table.rows.slice(3)] : table.rows);
    const figures = UNITS.map((_, u) => rowsOf(u).map((_, r) => rowOf(u, r)));
    const saved = await unitWorkbooksSavedByLibreOffice(
      dir,
      KIND,
      UNITS.map((name, u) => ({ name, tables: { BIEU_06: { rows: rowsOf(u), cells: figures[u] } } })),
      cli,
    );

    const { summary, rolled } = await rollupOnSample(dir, KIND, saved, cli);
    expect(rolled.err).toEqual([]);
    expect(rolled.code).toBe(0);

    // formulas, no cached value: whatever LibreOffice shows is its own computation
    const written = await sheetXml(summary, SHEET);
    for (const cell of ["C5", "M5", "N5", "P5", "C10", "M10"]) {
      const c = written.match(new RegExp(`<c r="${cell}"[^>]*>(.*?)</c>`))![1];
      expect([cell, /<f>/.test(c), /<v>/.test(c)]).toEqual([cell, true, false]);
    }

    const recalculated = readFileSync(join(convertWithLibreOffice(dir, summary), "tong-hop.xlsx"));
    const snapshot = await readSnapshot(recalculated);
    const sheet = snapshot.sheets.find((s) => s.name === SHEET)!;
    const totals = figures.map((rows) => table.columns.map((_, c) => rows.reduce((a, row) => a + row[c], 0)));
    const onTime = totals.map((t) => (t[5] + t[6]) / t[4]);
    const online = totals.map((t) => t[1] / (t[1] + t[2]));
    const letters = "CDEFGHIJKLM".split("");
    UNITS.forEach((name, u) => {
      const row = 5 + u;
      expect([sheet.cells[`A${row}`], sheet.cells[`B${row}`], ...letters.map((l) => sheet.cells[`${l}${row}`])]).toEqual([u + 1, name, ...totals[u]]);
      expect(sheet.cells[`N${row}`] as number).toBeCloseTo(onTime[u], 12);
      expect(sheet.cells[`O${row}`] as number).toBeCloseTo(online[u], 12);
      expect(sheet.cells[`P${row}`]).toBe(u + 1); // unit 0 has the highest rate, the last the lowest
    });
    expect(sheet.cells.B11).toBeUndefined();

    const docx = join(dir, "bao-cao.docx");
    const exportPath = join(dir, "tong-hop-lo.xlsx");
    writeFileSync(exportPath, recalculated);
    const checked = await cli("check", exportPath);
    expect(checked.code).toBe(0);
    expect(checked.out.filter((l) => l.includes(SHEET))).toEqual([]);
    expect((await cli("export", exportPath, "-o", docx)).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    const rows = tableRows(tables(xml).find((t) => t.includes(UNITS[1]))!);
    UNITS.forEach((name, u) => expect(rows[3 + u].slice(1, 13)).toEqual([name, ...totals[u].map(formatNumber)]));
    const texts = paragraphs(xml).map((p) => p.text);
    const last = UNITS.length - 1;
    expect(texts).toContain(
      `- Đơn vị có tỷ lệ giải quyết hồ sơ trước hạn, đúng hạn cao nhất: ${UNITS[0]} (100%); thấp nhất: ${UNITS[last]} (${formatPercent(onTime[last])}).`,
    );
    expect(texts).toContain(`- Số đơn vị có hồ sơ quá hạn (đã giải quyết quá hạn hoặc đang giải quyết quá hạn): 5/6 đơn vị.`);
  },
  120_000,
);
