/**
 * `bao-cao rollup -o <tổng-hợp.xlsx> <sổ-đơn-vị.xlsx>... [--base <sổ.xlsx>] [--force]`: units'
 * workbooks rolled up into a town's or province's. Bad files are named and skipped; the others
 * are rolled up (exit 1 when any was skipped).
 */
import { readdir } from "node:fs/promises";
import * as path from "node:path";
import type { ReportData } from "../../report/types";
import { parseExpectedList } from "../../workbook/expected-list";
import { rejectionMessage } from "../../workbook/file-messages";
import { rollupFile, rowsAddedLines } from "../../workbook/rollup-file";
import { readUnitFile } from "../../workbook/unit-file";
import { checkAnyWorkbook, type RollupSource } from "../../workbook/unit-workbook";
import { requireExtension } from "../args";
import { defineCommand } from "../command";
import { CliFailure, EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, refuseDirectory, refuseInputAsOutput, snapshotOfFile, statOrNull, writeOutput } from "../files";
import { M, USAGE_OF } from "../messages";
import { chosenKind, kindOfWorkbook, type Kind } from "../report-kind";

/** Excel's lock file beside an open workbook ("~$so.xlsx"): never a unit's workbook. */
const isLockFile = (name: string) => name.startsWith("~$");

/** A simple wildcard (* and ?) of a file name as a regular expression, ignoring case. */
function wildcard(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

async function xlsxFilesIn(dir: string, match: (name: string) => boolean): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && match(e.name) && !isLockFile(e.name))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, "vi"))
    .map((name) => path.join(dir, name));
}

/**
 * The input files of a roll-up: a directory gives its .xlsx files, a name with * or ? that
 * is not a file (a shell that does not expand wildcards, such as Windows's) gives the files
 * it matches; the same file given twice counts once. A pattern or directory without match
 * is a problem reported like an unreadable file. `skip` (the output, the base) is left out
 * of what a directory or pattern gives.
 */
async function rollupInputs(positionals: string[], skip: string[]): Promise<{ files: string[]; problems: { file: string; message: string }[] }> {
  const files: string[] = [];
  const problems: { file: string; message: string }[] = [];
  const seen = new Set<string>();
  const skipped = new Set(skip.map((f) => path.resolve(f)));
  const add = (file: string, expanded: boolean) => {
    const key = path.resolve(file);
    if (seen.has(key) || (expanded && skipped.has(key))) return;
    seen.add(key);
    files.push(file);
  };
  for (const p of positionals) {
    const st = await statOrNull(p);
    if (st?.isDirectory()) {
      const found = await xlsxFilesIn(p, (n) => n.toLowerCase().endsWith(".xlsx"));
      if (!found.length) problems.push({ file: p, message: M.emptyDirectory(p) });
      found.forEach((f) => add(f, true));
    } else if (!st && /[*?]/.test(path.basename(p))) {
      const dir = path.dirname(p);
      const re = wildcard(path.basename(p));
      const found = (await statOrNull(dir))?.isDirectory() ? await xlsxFilesIn(dir, (n) => re.test(n)) : [];
      if (!found.length) problems.push({ file: p, message: M.noFileMatches(p) });
      found.forEach((f) => add(f, true));
    } else add(p, false);
  }
  return { files, problems };
}

/** What one input file holds, for the roll-up plan; never throws for a bad file. `kind` is the roll-up's, when known. */
async function rollupSource(file: string, kind: Kind | undefined): Promise<{ source: RollupSource; kind?: Kind }> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(file);
  } catch (e) {
    if (e instanceof CliFailure) return { source: { file, kind: "unreadable", message: e.message } };
    throw e;
  }
  const { source, kind: used } = await readUnitFile({ name: file, bytes }, kind, "cli");
  return { source, kind: used };
}

/** The names of a list file (one per line, UTF-8); a file that is not text or names no unit is refused. */
async function readExpectedFile(ctx: { io: { err(s: string): void } }, file: string): Promise<string[]> {
  const bytes = await readInput(file);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw failure(M.expectedNotText(file));
  }
  if (text.includes("\u0000")) throw failure(M.expectedNotText(file));
  const parsed = parseExpectedList(text);
  if (!parsed.names.length) throw failure(M.expectedEmptyList(file));
  for (const d of parsed.duplicates) ctx.io.err(M.expectedDuplicate(file, d.name, d.line, d.firstLine));
  return parsed.names;
}

/** Every this many files read, the roll-up says how far it is. */
export const ROLLUP_PROGRESS_EVERY = 25;

export const rollupCommand = defineCommand({
  name: "rollup",
  options: {
    output: { type: "string", short: "o" },
    base: { type: "string", short: "b" },
    kind: { type: "string", short: "k" },
    definition: { type: "string" },
    expected: { type: "string", short: "e" },
    force: { type: "boolean", short: "f" },
  },
  usage: USAGE_OF.rollup,
  async run(ctx, { values, positionals }) {
    if (!values.output) throw usageError(M.rollupNeedsOutput);
    if (!positionals.length) throw usageError(M.rollupNeedsInputs);
    const output = values.output;
    await refuseDirectory(output, "tong-hop.xlsx");
    requireExtension(output, ".xlsx");
    const { files, problems } = await rollupInputs(positionals, [output, ...(values.base ? [values.base] : [])]);
    for (const f of [...files, ...(values.base ? [values.base] : []), ...(values.expected ? [values.expected] : [])]) await refuseInputAsOutput(output, f);
    await checkOutput(output, { mayExist: Boolean(values.force) });

    // the roll-up's kind: the base's, else the one asked for, else the first unit file's
    let base: ReportData | undefined;
    let baseBytes: Uint8Array | undefined;
    let kind: Kind | undefined = values.kind !== undefined || values.definition !== undefined ? await chosenKind(values) : undefined;
    if (values.base !== undefined) {
      baseBytes = await readInput(values.base);
      const snapshot = await snapshotOfFile(values.base, baseBytes);
      kind ??= await kindOfWorkbook(snapshot);
      const checked = checkAnyWorkbook(kind.definition, kind.layout, snapshot, { today: ctx.today });
      if (checked.kind !== "report") throw failure(M.baseNotReport(values.base));
      base = checked.check.data;
    }

    const expected = values.expected !== undefined ? await readExpectedFile(ctx, values.expected) : undefined;

    const sources: RollupSource[] = problems.map((p) => ({ file: p.file, kind: "unreadable", message: p.message }));
    const total = files.length + problems.length;
    for (const [i, file] of files.entries()) {
      const read = await rollupSource(file, kind);
      sources.push(read.source);
      kind ??= read.kind;
      const done = problems.length + i + 1;
      if (total > ROLLUP_PROGRESS_EVERY && (done % ROLLUP_PROGRESS_EVERY === 0 || done === total)) ctx.io.err(M.rollupProgress(done, total));
    }
    kind ??= await chosenKind({});
    const result = await rollupFile({ kind, sources, base: base ? { data: base, bytes: baseBytes } : undefined, expected });
    const { plan } = result;
    for (const r of plan.rejected) ctx.io.err(M.skipped(rejectionMessage(r, "cli")));
    if (!result.written) {
      ctx.io.err(M.rollupNothing(total));
      return EXIT.failed;
    }
    if (result.listNotDeclared) ctx.io.err(M.expectedNotDeclared(values.expected!, kind.definition.title));
    // on the base's own bytes, so that what the office added to it stays (src/workbook/rollup-xlsx.ts)
    await writeOutput(output, result.written.bytes);
    if (result.written.notKept) ctx.io.out(result.written.notKept);
    for (const u of plan.units) if (u.renamed) ctx.io.out(M.rollupSheetRenamed(u.unitName, u.sheet));
    for (const line of rowsAddedLines(kind.definition, plan)) ctx.io.out(line);
    ctx.io.out(M.rollupWritten(plan.units.length, path.resolve(output)));
    if (result.expected && expected && values.expected !== undefined) {
      const cmp = result.expected.comparison;
      const fileOf = (sheet: string) => plan.units.find((u) => u.sheet === sheet)?.file ?? "";
      for (const m of cmp.missing) ctx.io.err(M.expectedMissing(m.name, values.expected));
      for (const m of cmp.empty) ctx.io.err(M.expectedEmpty(m.name, fileOf(m.sheet)));
      for (const u of cmp.extra) ctx.io.err(M.notExpected(u.unitName, fileOf(u.sheet), values.expected));
      ctx.io.out(M.expectedWritten(expected.length, result.expected.sheet, cmp.notSent.length));
    }
    if (!base) ctx.io.out(M.rollupNoBase);
    ctx.io.out(M.rollupNext(path.resolve(output)));
    const rejectedFiles = new Set(plan.rejected.map((r) => path.resolve(r.file))).size;
    if (rejectedFiles) {
      ctx.io.err(M.rollupPartial(rejectedFiles, total));
      return EXIT.failed;
    }
    return EXIT.ok;
  },
});
