/**
 * A workbook saved by LibreOffice Calc reads back like the one we wrote: same cells, same
 * defined names (LibreOffice rewrites workbook.xml with its own attributes and order).
 * Skipped when LibreOffice (soffice) is not installed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { buildWorkbook, readSnapshot, workbookBuffer } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { sampleData } from "../src/report/sample";
import { checkWorkbook } from "../src/workbook/check-workbook";
import { buildLayout } from "../src/workbook/layout";

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const maybe = hasSoffice ? describe : describe.skip;

maybe("a workbook saved by LibreOffice", () => {
  const def = loadDefinition();
  const layout = buildLayout(def);
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads back with the same cells and defined names", async () => {
    const ours = await workbookBuffer(buildWorkbook(def, layout, sampleData()));
    writeFileSync(join(dir, "mau.xlsx"), ours);
    const outDir = join(dir, "lo");
    mkdirSync(outDir);
    const profile = pathToFileURL(join(dir, "profile")).href;
    const r = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, join(dir, "mau.xlsx")], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    const theirs = readFileSync(join(outDir, "mau.xlsx"));

    // it really is LibreOffice's file, not a copy of ours
    const workbookXml = await (await JSZip.loadAsync(theirs)).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toMatch(/<definedName [^>]*name="PAKN_TONG"[^>]*>&apos;I\. Kết quả&apos;!\$C\$12<\/definedName>/);
    expect(workbookXml).toContain('vbProcedure="false"');

    const a = await readSnapshot(ours);
    const b = await readSnapshot(theirs);
    expect(b.names).toEqual(a.names);
    expect(b.sheets).toEqual(a.sheets);
    const check = checkWorkbook(def, layout, b, { today: new Date(2024, 11, 1) });
    expect(check.data.values).toEqual(sampleData().values);
    expect(check.problems).toEqual([expect.objectContaining({ severity: "warning", sheet: "Thông tin chung", cell: "B28" })]);
  }, 180_000);
});
