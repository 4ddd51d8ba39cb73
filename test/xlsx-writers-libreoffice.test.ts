/**
 * Every .xlsx the product writes is valid Open XML (0 errors from Microsoft's validator, no
 * attribute "Infinity" or "NaN"), and the commands that write a workbook the office made —
 * `next-period`, `fix-text`, `rollup --base` — keep what the office added to it (an own sheet
 * with values, a formula into "I. Kết quả", a bar chart and a landscape page; a comment on
 * 'I. Kết quả'!A1; column B 77 wide; a conditional format; a TCVN3 cell in .VnTime; an own
 * defined name) while still doing their job, checked after LibreOffice has recalculated.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { createSimHost } from "../dev/excel-sim";
import { simExcelHost } from "../dev/excel-sim/sim-host";
import { runCli } from "../src/cli/testing";
import { createTemplate, nextPeriodWorkbook } from "../src/commands/addin-commands";
import { builtInKinds, loadDefinition } from "../src/report/kinds";
import { rollupFields } from "../src/workbook/units";
import { sampleData } from "../src/report/sample";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout, inputOf, inputValues } from "../src/workbook/layout";
import { officeAdditionsOf, OWN_NAME, OWN_SHEET, OWN_TEXT, withOfficeAdditions } from "../src/workbook/office-additions-testing";
import { readXlsxSnapshot } from "../src/workbook/xlsx-read";
import { buildUnitWorkbook, buildWorkbook, workbookBytes } from "../src/workbook/xlsx-write";
import { toTcvn3 } from "../src/text/legacy-vn";
import { convertWithLibreOffice, hasSoffice } from "./libreoffice";
import { describeErrors, validate } from "./ooxml-validator";

const today = new Date(2024, 11, 1);
const def = loadDefinition();
const layout = buildLayout(def);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-writers-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (...argv: string[]) => {
  const r = await runCli(argv, { today });
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return r;
};

/** 0 errors from the validator, and no attribute holding Infinity or NaN in any part. */
async function expectValid(file: string): Promise<void> {
  const result = validate(file, "Microsoft365");
  if (result.errors.length) console.error(`${file}:\n${describeErrors(result)}`);
  expect(result.errors).toEqual([]);
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels|vml)$/.test(name)) continue;
    expect({ part: name, bad: (await zip.file(name)!.async("string")).match(/="[^"]*(?:Infinity|NaN)[^"]*"/g) }).toEqual({ part: name, bad: null });
  }
}

describe("every .xlsx written is valid Open XML", () => {
  it.each(builtInKinds().map((k) => [k.id]))("template, template --sample, template --unit and next-period of %s", async (id) => {
    const files = ["mau", "mau-so-lieu", "don-vi"].map((n) => join(dir, `${id}-${n}.xlsx`));
    await run("template", "--kind", id, "-o", files[0]);
    await run("template", "--kind", id, "--sample", "-o", files[1]);
    await run("template", "--kind", id, "--unit", "Xã A", "-o", files[2]);
    const next = join(dir, `${id}-ky-sau.xlsx`);
    await run("next-period", files[1], "-o", next);
    for (const f of [...files, next]) await expectValid(f);
  });

  it("the pane's Kỳ mới download, written on the open file's bytes and rebuilt where the host cannot hand them over", async () => {
    const sim = createSimHost({ sheets: ["Sheet1"], requirementSets: { ExcelApi: "1.7" } }); // no createWorkbook: a download
    const host = simExcelHost(sim);
    await createTemplate(host);
    for (const v of inputValues(def, layout, sampleData())) sim.workbook.setCellValue(v.sheet, v.address, v.value);
    for (const bytes of [await withOfficeAdditions(await workbookBytes(buildWorkbook(def, layout, sampleData()))), undefined]) {
      sim.documentBytes = bytes;
      const file = join(dir, `pane-${bytes ? "patched" : "rebuilt"}.xlsx`);
      const outcome = await nextPeriodWorkbook(host, {
        keepText: false,
        deliver: async (blob) => {
          writeFileSync(file, new Uint8Array(await blob.arrayBuffer()));
          return { kind: "downloaded" };
        },
      });
      expect(outcome).toMatchObject({ status: "delivered", to: "tháng 12 năm 2024" });
      expect("notKept" in outcome).toBe(!bytes);
      await expectValid(file);
    }
  });

  it("rollup of two units", async () => {
    const units = await twoUnits("rollup");
    const out = join(dir, "tong-hop.xlsx");
    await run("rollup", "-o", out, ...units.files);
    await expectValid(out);
  });
});

/** Two unit files with figures (PAKN_TONG 5 and 7 …). */
async function twoUnits(prefix: string): Promise<{ files: string[]; sums: Record<string, number> }> {
  const ids = rollupFields(def)
    .filter((f) => f.kind === "count")
    .map((f) => f.id);
  const sums: Record<string, number> = {};
  const files: string[] = [];
  for (const [i, name] of ["Xã A", "Xã B"].entries()) {
    const values = Object.fromEntries(ids.map((id) => [id, 0]));
    Object.assign(values, { PAKN_TONG: 5 + 2 * i, PAKN_DUNG_HAN: 5 + 2 * i, TTHC_NB_CONG_BO: 3 + i, TTHC_NB_PHE_DUYET: 2, TTHC_NB_THUC_THI: 1 });
    for (const id of ids) sums[id] = (sums[id] ?? 0) + values[id];
    const file = join(dir, `${prefix}-${i}.xlsx`);
    writeFileSync(file, await workbookBytes(buildUnitWorkbook(def, name, values).workbook));
    files.push(file);
  }
  return { files, sums };
}

/** The sample workbook with PAKN_TONG 12, made the office's own. */
async function officeWorkbook(name: string): Promise<string> {
  expect(inputOf(layout, "PAKN_TONG").input.first).toBe("C12"); // where the own sheet's formula reads
  const data = sampleData();
  Object.assign(data.values, { PAKN_TONG: 12, PAKN_DUNG_HAN: 12, PAKN_QUA_HAN: 0, PAKN_DANG_XU_LY: 0 });
  const file = join(dir, name);
  writeFileSync(file, await withOfficeAdditions(await workbookBytes(buildWorkbook(def, layout, data))));
  return file;
}

async function expectAdditionsKept(file: string, tcvn: "kept" | "converted"): Promise<void> {
  const kept = await officeAdditionsOf(readFileSync(file));
  expect(kept.ownSheet).toMatchObject({ landscape: true, chart: true, formula: "'I. Kết quả'!C12*2" });
  expect(kept.ownSheet.cells).toMatchObject({ A1: "Tháng", B1: "PAKN", A2: "Tháng 9", B2: "14", B3: "9" });
  expect(kept.comment).toBe("Ghi chú của văn phòng: số liệu lấy từ phần mềm một cửa");
  expect(kept.widthB).toBe(77);
  expect(kept.conditionalFormat).toBe(true);
  expect(kept.ownName).toBe(`'${OWN_SHEET}'!$B$2:$B$4`);
  expect(kept.tcvnCell).toEqual(tcvn === "kept" ? { text: toTcvn3(OWN_TEXT), font: ".VnTime" } : { text: OWN_TEXT, font: "Times New Roman" });
}

/**
 * Every part of `input` is in `output`, the same byte for byte, except the workbook part and
 * (for `styles`) the styles; a worksheet part may differ only inside its sheetData (cells).
 */
async function expectUntouchedOutsideCells(input: string, output: string, options: { styles?: boolean } = {}): Promise<void> {
  const [a, b] = await Promise.all([JSZip.loadAsync(readFileSync(input)), JSZip.loadAsync(readFileSync(output))]);
  const parts = Object.keys(a.files).filter((n) => !a.files[n].dir);
  expect(parts.filter((n) => !b.file(n) && !/calcChain/.test(n))).toEqual([]);
  for (const name of parts) {
    if (name === "xl/workbook.xml" || /calcChain/.test(name) || (options.styles && name === "xl/styles.xml")) continue;
    const [x, y] = [await a.file(name)!.async("string"), await b.file(name)!.async("string")];
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      const outside = (xml: string) => xml.replace(/<sheetData\b[\s\S]*?<\/sheetData>|<sheetData\/>/, "");
      expect({ name, xml: outside(y) }).toEqual({ name, xml: outside(x) });
    } else expect({ name, same: x === y }).toEqual({ name, same: true });
  }
}

/** The cells of a sheet after LibreOffice opened and saved the file (formulas recalculated). */
async function recalculated(file: string, sheet: string) {
  const out = convertWithLibreOffice(dir, file);
  const snapshot = await readXlsxSnapshot(readFileSync(join(out, file.split("/").pop()!)));
  return snapshot.sheets.find((s) => s.name === sheet)!.cells;
}

const maybe = hasSoffice ? describe : describe.skip;

describe("the office's additions are kept", () => {
  it("by next-period: month 11 → 12, figures cleared, the rest untouched; valid", async () => {
    const input = await officeWorkbook("van-phong.xlsx");
    const out = join(dir, "van-phong-ky-sau.xlsx");
    const r = await run("next-period", input, "-o", out);
    expect(r.stdout).not.toMatch(/không được chép sang/);
    await expectAdditionsKept(out, "kept");
    await expectUntouchedOutsideCells(input, out);
    const data = checkWorkbook(def, layout, await readXlsxSnapshot(readFileSync(out))).data;
    expect([data.values.THANG, data.values.NAM, data.values.PAKN_TONG, data.values.SO]).toEqual([12, 2024, null, ""]);
    expect(data.previous?.totals.PAKN_TONG).toBe(12);
    await expectValid(out);
    // every part the command does not own is the same, byte for byte
    const [a, b] = await Promise.all([JSZip.loadAsync(readFileSync(input)), JSZip.loadAsync(readFileSync(out))]);
    for (const part of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/styles.xml",
      "xl/theme/theme1.xml",
    ])
      expect(await b.file(part)!.async("string")).toBe(await a.file(part)!.async("string"));
  });

  it("by fix-text: the TCVN3 cell in Unicode and Times New Roman, the rest untouched; valid", async () => {
    const input = await officeWorkbook("van-phong-tcvn3.xlsx");
    const out = join(dir, "van-phong-unicode.xlsx");
    const r = await run("fix-text", input, "-o", out);
    expect(r.out[0]).toBe(`'${OWN_SHEET}'!A6: TCVN3 → Unicode`);
    await expectAdditionsKept(out, "converted");
    await expectUntouchedOutsideCells(input, out, { styles: true });
    await expectValid(out);
  });

  it("by rollup --base with two unit files: the units summed into the office's workbook; valid", async () => {
    const base = await officeWorkbook("van-phong-goc.xlsx");
    const units = await twoUnits("base");
    const out = join(dir, "van-phong-tong-hop.xlsx");
    const r = await run("rollup", "-o", out, "--base", base, ...units.files);
    expect(r.stdout).not.toMatch(/không được chép sang/);
    await expectAdditionsKept(out, "kept");
    await expectValid(out);
    const snapshot = await readXlsxSnapshot(readFileSync(out));
    expect(snapshot.names[OWN_NAME]).toBe(`'${OWN_SHEET}'!$B$2:$B$4`);
    expect(snapshot.sheets.find((s) => s.name === "I. Kết quả")!.formulas?.C12).toMatch(/^=SUM\(/);
  });

  maybe("a workbook saved by LibreOffice Calc", () => {
    it("keeps every part outside the cells through next-period and fix-text, and both still do their job; valid", async () => {
      const saved = join(convertWithLibreOffice(dir, await officeWorkbook("lo-van-phong.xlsx")), "lo-van-phong.xlsx");
      const zip = await JSZip.loadAsync(readFileSync(saved));
      expect(Object.keys(zip.files).filter((n) => /^xl\/(charts\/chart|comments)/.test(n))).toHaveLength(2); // LibreOffice kept the chart and the comment
      const next = join(dir, "lo-ky-sau.xlsx");
      await run("next-period", saved, "-o", next);
      await expectUntouchedOutsideCells(saved, next);
      const data = checkWorkbook(def, layout, await readXlsxSnapshot(readFileSync(next))).data;
      expect([data.values.THANG, data.values.PAKN_TONG]).toEqual([12, null]);
      await expectValid(next);
      const fixed = join(dir, "lo-unicode.xlsx");
      const r = await run("fix-text", saved, "-o", fixed);
      expect(r.out[0]).toBe(`'${OWN_SHEET}'!A6: TCVN3 → Unicode`);
      await expectUntouchedOutsideCells(saved, fixed, { styles: true });
      const own = (await readXlsxSnapshot(readFileSync(fixed))).sheets.find((s) => s.name === OWN_SHEET)!;
      expect([own.cells.A6, own.fonts?.A6]).toEqual([OWN_TEXT, "Times New Roman"]);
      await expectValid(fixed);
    });
  });

  maybe("after LibreOffice recalculates", () => {
    it("next-period's own formula reads the cleared figure; fix-text's the kept one; rollup's summary cells sum the units", async () => {
      const next = await recalculated(join(dir, "van-phong-ky-sau.xlsx"), OWN_SHEET);
      expect(next.B4).toBe(0);
      const fixed = await recalculated(join(dir, "van-phong-unicode.xlsx"), OWN_SHEET);
      expect(fixed.B4).toBe(24);
      const rolled = join(dir, "van-phong-tong-hop.xlsx");
      const out = convertWithLibreOffice(dir, rolled);
      const snapshot = await readXlsxSnapshot(readFileSync(join(out, "van-phong-tong-hop.xlsx")));
      const data = checkWorkbook(def, layout, snapshot).data;
      const sums = (await twoUnits("sums")).sums;
      for (const [id, v] of Object.entries(sums)) expect({ id, v: data.values[id] }).toEqual({ id, v });
      expect(snapshot.sheets.find((s) => s.name === OWN_SHEET)!.cells.B4).toBe(2 * sums.PAKN_TONG);
    });
  });
});
