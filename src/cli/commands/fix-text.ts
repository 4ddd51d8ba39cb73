/**
 * `bao-cao fix-text <sổ.xlsx> -o <bản-sửa.xlsx> [--force]`: a copy of the workbook with the
 * text of every cell in TCVN3 (ABC) or VNI-Windows converted to Unicode (NFC) and its font set
 * to Times New Roman; nothing else is changed: the package is edited, not rebuilt
 * (src/workbook/fix-text-xlsx.ts, shared with the web page, on src/workbook/xlsx-patch.ts), so
 * the other cells, sheets, charts, comments, widths and formats stay as they were. One line
 * per changed cell ("Sheet!A1: TCVN3 → Unicode"). It never writes over its input.
 */
import { applyLegacyTextFix, FixTextLoadError, legacyTextFix } from "../../workbook/fix-text-xlsx";
import { oneInput, requireExtension } from "../args";
import { defineCommand } from "../command";
import { EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, refuseInputAsOutput, snapshotOfFile, writeOutput } from "../files";
import { MSG_FIX_TEXT, USAGE_OF } from "../messages";

export { UNICODE_FONT } from "../../workbook/fix-text-xlsx";

export const fixTextCommand = defineCommand({
  name: "fix-text",
  options: { output: { type: "string", short: "o" }, force: { type: "boolean" } },
  usage: USAGE_OF["fix-text"],
  async run(ctx, { values, positionals }) {
    const io = ctx.io;
    const input = oneInput("fix-text", positionals);
    if (!values.output) throw usageError(MSG_FIX_TEXT.needOutput);
    const output = values.output;
    await refuseInputAsOutput(output, input);
    requireExtension(output, ".xlsx");
    await checkOutput(output, { mayExist: !!values.force });

    // the guarded reader first (zip bombs, broken files), then the same bytes edited
    const original = await readInput(input);
    const snapshot = await snapshotOfFile(input, original);
    const { toFix, skipped } = legacyTextFix(snapshot);
    if (toFix.length === 0) {
      io.out(MSG_FIX_TEXT.nothing(input));
      if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
      return EXIT.ok;
    }
    let bytes: Uint8Array;
    try {
      bytes = await applyLegacyTextFix(original, toFix);
    } catch (e) {
      // the reader read this file already: what fails here is a part of an unusual shape
      if (e instanceof FixTextLoadError) throw failure(MSG_FIX_TEXT.cannotLoad(input));
      throw e;
    }
    for (const c of toFix) io.out(c.cliLine);
    await writeOutput(output, bytes);
    if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
    io.out(MSG_FIX_TEXT.written(toFix.length, output));
    return EXIT.ok;
  },
});
