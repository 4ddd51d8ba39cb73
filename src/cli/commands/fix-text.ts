/**
 * `bao-cao fix-text <sổ.xlsx> -o <bản-sửa.xlsx> [--force]`: a copy of the workbook with the
 * text of every cell in TCVN3 (ABC) or VNI-Windows converted to Unicode (NFC) and its font set
 * to Times New Roman; nothing else is changed (ExcelJS loads and saves the rest: sheets,
 * styles, defined names, validations). One line per changed cell ("Sheet!A1: TCVN3 →
 * Unicode"). It never writes over its input.
 */
import { applyLegacyTextFix, FixTextLoadError, legacyTextFix } from "../../workbook/fix-text-xlsx";
import { oneInput, requireExtension } from "../args";
import { defineCommand } from "../command";
import { EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, readWorkbookFile, refuseInputAsOutput, writeOutput } from "../files";
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

    // the guarded reader first (zip bombs, broken files), then ExcelJS for the copy
    const snapshot = await readWorkbookFile(input);
    const { toFix, skipped } = legacyTextFix(snapshot);
    if (toFix.length === 0) {
      io.out(MSG_FIX_TEXT.nothing(input));
      if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
      return EXIT.ok;
    }
    let bytes: Uint8Array;
    try {
      bytes = await applyLegacyTextFix(await readInput(input), toFix);
    } catch (e) {
      if (e instanceof FixTextLoadError) throw failure(MSG_FIX_TEXT.cannotLoad(input, e.detail));
      throw e;
    }
    for (const c of toFix) io.out(c.cliLine);
    await writeOutput(output, bytes);
    if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
    io.out(MSG_FIX_TEXT.written(toFix.length, output));
    return EXIT.ok;
  },
});
