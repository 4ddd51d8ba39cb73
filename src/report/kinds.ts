/**
 * The registry of report kinds: every `templates/<id>.definition.json` is a kind, loaded by
 * its id. Adding a kind is adding such a file (and its `<id>.sample.json`), not code.
 *
 * The task pane's bundle gets the files through webpack's `require.context` (built in at
 * build time); Node (the CLI, tests, scripts) reads the templates folder. Each built-in
 * definition is checked for coherence when loaded (src/report/definition.ts); its shape is
 * checked against the JSON Schema by the tests and by the CLI (src/report/definition-schema.ts).
 * Built-in definitions use today's key names (a test checks), so unlike an office's own they
 * are not read through upgradeDefinitionJson.
 */
import { validateDefinition } from "./definition";
import type { ReportDefinition } from "./types";

/** The kind a workbook without a kind is read as (every workbook made before kinds existed). */
export const DEFAULT_KIND_ID = "bao-cao-cctthc-thang";

const DEFINITION_SUFFIX = ".definition.json";

type JsonFiles = Record<string, unknown>;

declare const __webpack_require__: unknown;
export interface WebpackContext {
  keys(): string[];
  (key: string): unknown;
}

type RequireWithContext = NodeRequire & { context(dir: string, deep: boolean, match: RegExp): WebpackContext };

/** Whether this code runs in a webpack bundle (the task pane, the sandbox). */
export const IN_BUNDLE = typeof __webpack_require__ !== "undefined";

/** The files of a webpack context, by file name. */
export function contextFiles(context: WebpackContext): JsonFiles {
  const out: JsonFiles = {};
  for (const key of context.keys()) out[key.replace(/^\.\//, "")] = context(key);
  return out;
}

/** The JSON files of templates/ whose name ends with `suffix`, by file name (Node only). */
export function templateFiles(suffix: string): JsonFiles {
  const out: JsonFiles = {};
  const fs = require("fs") as typeof import("fs");
  const path = require("path") as typeof import("path");
  const dir = templatesDir(fs, path);
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.endsWith(suffix)) out[name] = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
  }
  return out;
}

/** templates/ of the package, from src/report (tsx, jest); the bundled CLI has them built in. */
function templatesDir(fs: typeof import("fs"), path: typeof import("path")): string {
  for (const up of [
    ["..", ".."],
    ["..", "..", ".."],
  ]) {
    const dir = path.join(__dirname, ...up, "templates");
    if (fs.existsSync(path.join(dir, `${DEFAULT_KIND_ID}${DEFINITION_SUFFIX}`))) return dir;
  }
  throw new Error(`templates/ not found from ${__dirname}`);
}

let kinds: Map<string, ReportDefinition> | undefined;

/** Every built-in kind, by id, in file-name order; each checked once. */
export function builtInKinds(): ReportDefinition[] {
  if (!kinds) {
    const loaded = new Map<string, ReportDefinition>();
    const files = IN_BUNDLE
      ? contextFiles((require as RequireWithContext).context("../../templates", false, /\.definition\.json$/))
      : templateFiles(DEFINITION_SUFFIX);
    for (const [file, json] of Object.entries(files)) {
      const def = json as ReportDefinition;
      validateDefinition(def, `templates/${file}`);
      if (`${def.id}${DEFINITION_SUFFIX}` !== file) throw new Error(`templates/${file}: id "${def.id}" does not match the file name`);
      loaded.set(def.id, def);
    }
    kinds = loaded;
  }
  return [...kinds.values()];
}

const origins = new WeakMap<ReportDefinition, ReportDefinition>();

/**
 * Records that `derived` is `from` fitted to a workbook's data (lists or table rows longer
 * than the standard ones): it is still the same kind, and a workbook made from it says so.
 */
export function derivedDefinition(from: ReportDefinition, derived: ReportDefinition): ReportDefinition {
  if (derived !== from) origins.set(derived, originOf(from));
  return derived;
}

/** The definition a derived one was fitted from (itself when it was not derived). */
export function originOf(def: ReportDefinition): ReportDefinition {
  return origins.get(def) ?? def;
}

/** Whether a definition is one of the built-in kinds as shipped (an office's own copy, even under the same id, is not). */
export function isBuiltIn(def: ReportDefinition): boolean {
  return builtInKinds().includes(originOf(def));
}

/** Whether `id` is a built-in kind. */
export function isKind(id: string): boolean {
  return builtInKinds().some((k) => k.id === id);
}

/** The built-in kind of the given id (the monthly report by default); throws for an unknown id. */
export function loadDefinition(id: string = DEFAULT_KIND_ID): ReportDefinition {
  builtInKinds();
  const def = kinds!.get(id);
  if (!def) throw new UnknownKindError(id, [...kinds!.keys()]);
  return def;
}

export class UnknownKindError extends Error {
  constructor(
    readonly id: string,
    readonly known: string[],
  ) {
    super(`Không có loại báo cáo "${id}". Các loại có sẵn: ${known.join(", ")}.`);
    this.name = "UnknownKindError";
  }
}
