/**
 * LibreOffice for the tests that use it (helper, not a test): whether `soffice` is there, and
 * converting .xlsx files as a user of LibreOffice Calc saves them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

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
