/**
 * `bao-cao import-figures <sổ.xlsx> <bảng-nguồn> -o <sổ-mới.xlsx> [--force]`: the one-stop
 * system's exported table (.xlsx, .csv, or the HTML table saved as .xls) read by its headers
 * (src/import/figures.ts) into the report workbook's table (src/import/plan.ts), written as a
 * new workbook: the office's own file with the table's cells changed (src/import/write.ts).
 * Neither input is written; nothing is written when the source cannot be mapped.
 */
import * as path from "node:path";
import { importFirstTable } from "../../import/figures";
import { MSG_IMPORT } from "../../import/messages";
import { importSummary, planFiguresImport } from "../../import/plan";
import { readSourceTables } from "../../import/source";
import { importedWorkbookBytes } from "../../import/write";
import { requireExtension } from "../args";
import { defineCommand } from "../command";
import { EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, refuseDirectory, refuseInputAsOutput, snapshotOfFile, writeOutput } from "../files";
import { MSG_IMPORT_CLI, USAGE_OF } from "../messages";
import { kindOfWorkbook } from "../report-kind";

export const importFiguresCommand = defineCommand({
  name: "import-figures",
  options: { output: { type: "string", short: "o" }, force: { type: "boolean", short: "f" } },
  usage: USAGE_OF["import-figures"],
  async run(ctx, { values, positionals }) {
    if (positionals.length < 2) throw usageError(MSG_IMPORT_CLI.needFiles);
    if (positionals.length > 2) throw usageError(MSG_IMPORT_CLI.tooMany(positionals.slice(2)));
    const [book, sourceFile] = positionals;
    if (!values.output) throw usageError(MSG_IMPORT_CLI.needOutput);
    const output = values.output;
    await refuseInputAsOutput(output, book);
    await refuseInputAsOutput(output, sourceFile);
    await refuseDirectory(output, "so-moi.xlsx");
    requireExtension(output, ".xlsx");
    await checkOutput(output, { mayExist: Boolean(values.force) });

    const original = await readInput(book);
    const snapshot = await snapshotOfFile(book, original);
    const kind = await kindOfWorkbook(snapshot);
    const read = await readSourceTables(new Uint8Array(await readInput(sourceFile)), path.basename(sourceFile));
    if (!read.ok) throw failure(MSG_IMPORT.source[read.problem](sourceFile));
    const imported = importFirstTable(kind.definition, read.tables, path.basename(sourceFile));
    if (!imported.ok) throw failure(MSG_IMPORT_CLI.failed(sourceFile, imported.message));
    const plan = planFiguresImport(kind.definition, kind.layout, snapshot, imported);
    if (!plan.ok) throw failure(MSG_IMPORT_CLI.failed(book, plan.message));
    for (const line of importSummary(imported, plan)) ctx.io.out(line);
    for (const w of imported.warnings) ctx.io.err(`Cảnh báo: ${w}`);
    // the office's own file with the table's cells changed: its additions stay
    const written = await importedWorkbookBytes(plan, original);
    await writeOutput(output, written.bytes);
    ctx.io.out(MSG_IMPORT_CLI.written(output));
    if (written.notKept) ctx.io.err(`Cảnh báo: ${written.notKept}`);
    ctx.io.out(MSG_IMPORT_CLI.next(output));
    return EXIT.ok;
  },
});
