/**
 * LibreOffice for the tests that use it (helper, not a test): whether `soffice` is there, and
 * converting .xlsx files as a user of LibreOffice Calc saves them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";

export const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

/**
 * Converts files to .xlsx with LibreOffice into a new folder under `dir` (returned), with a
 * profile of its own so that runs do not collide.
 */
export function convertWithLibreOffice(dir: string, ...files: string[]): string {
  const outDir = mkdtempSync(join(dir, "lo-"));
  const profile = mkdtempSync(join(tmpdir(), "bao-cao-lo-profile-"));
  const r = spawnSync("soffice", ["--headless", `-env:UserInstallation=${pathToFileURL(profile).href}`, "--convert-to", "xlsx", "--outdir", outDir, ...files], {
    encoding: "utf8",
    timeout: 110_000,
  });
  rmSync(profile, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`soffice exited with ${r.status}: ${r.stderr}`);
  return outDir;
}

/** The XML of a sheet of an .xlsx, by the sheet's name. */
export async function sheetXml(file: string, sheet: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rid = [...workbook.matchAll(/<sheet [^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${sheet}"`))!
    .match(/r:id="([^"]+)"/)![1];
  const target = rels.match(new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*>`))![0].match(/Target="([^"]+)"/)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, "")}`)!.async("string");
}
