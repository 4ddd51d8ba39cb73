/**
 * LibreOffice for the tests that use it (helper, not a test): whether `soffice` is there, and
 * converting .xlsx files as a user of LibreOffice Calc saves them.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
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

/**
 * Unit workbooks of a kind, each made by `bao-cao template --unit NAME --kind KIND --data …` with
 * its own table, then saved by LibreOffice as a commune using it would; returns the saved files.
 */
export async function unitWorkbooksSavedByLibreOffice(
  dir: string,
  kind: string,
  units: { name: string; tables: Record<string, { rows: string[]; cells: number[][] }> }[],
  cli: (...argv: string[]) => Promise<{ code: number; err: string[] }>,
): Promise<string[]> {
  const made = join(dir, "don-vi");
  mkdirSync(made);
  const files: string[] = [];
  for (const [i, u] of units.entries()) {
    const data = join(dir, `don-vi-${i + 1}.json`);
    writeFileSync(data, JSON.stringify({ values: u.tables }));
    files.push(join(made, `don-vi-${i + 1}.xlsx`));
    const r = await cli("template", "--unit", u.name, "--kind", kind, "--data", data, "-o", files[i]);
    if (r.code !== 0 || r.err.length) throw new Error(`template --unit ${u.name}: ${r.err.join(" ")}`);
  }
  const saved = convertWithLibreOffice(dir, ...files);
  return files.map((f) => join(saved, basename(f)));
}

/** `bao-cao rollup --base` of unit files onto the kind's sample (`template --sample`), into DIR/tong-hop.xlsx. */
export async function rollupOnSample<R extends { code: number; err: string[] }>(
  dir: string,
  kind: string,
  files: string[],
  cli: (...argv: string[]) => Promise<R>,
): Promise<{ summary: string; rolled: R }> {
  const base = join(dir, "mau.xlsx");
  const made = await cli("template", "--kind", kind, "--sample", "-o", base);
  if (made.code !== 0) throw new Error(`template --sample: ${made.err.join(" ")}`);
  const summary = join(dir, "tong-hop.xlsx");
  return { summary, rolled: await cli("rollup", "-o", summary, "--base", base, ...files) };
}
