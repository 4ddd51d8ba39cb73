/**
 * The definition is the single source of truth: no code outside templates/ and the tests
 * names a field of any kind (comments and doc examples aside). Each hit would be a place where
 * an office's own definition, or a new kind, breaks.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import path from "path";
import { builtInKinds } from "./kinds";

const SRC = path.join(__dirname, "..");

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return codeFiles(p); // the tools that stand in for Excel and the user live in dev/
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$|testing\.ts$|testutil\.ts$/.test(name) ? [p] : [];
  });
}

/** The code without its comments. */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

it("no product code names a field id of any built-in kind", () => {
  const ids = new Set(builtInKinds().flatMap((k) => k.fields.map((f) => f.id)));
  expect(ids.size).toBeGreaterThan(30);
  const hits: string[] = [];
  for (const file of codeFiles(SRC)) {
    const code = withoutComments(readFileSync(file, "utf8"));
    // an id as a string ("NOI_NHAN", `THANG`) or as a property (values.THANG)
    for (const m of code.matchAll(/["'`]([A-Z][A-Z0-9_]*)["'`]|\.([A-Z][A-Z0-9_]*)\b/g)) {
      const id = m[1] ?? m[2];
      if (ids.has(id)) hits.push(`${path.relative(SRC, file)}: ${id}`);
    }
  }
  expect(hits).toEqual([]);
});
