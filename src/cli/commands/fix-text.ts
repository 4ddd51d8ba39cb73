/**
 * `bao-cao fix-text <sổ.xlsx> -o <bản-sửa.xlsx> [--force]`: a copy of the workbook with the
 * text of every cell in TCVN3 (ABC) or VNI-Windows converted to Unicode (NFC) and its font set
 * to Times New Roman; nothing else is changed (ExcelJS loads and saves the rest: sheets,
 * styles, defined names, validations). One line per changed cell ("Sheet!A1: TCVN3 →
 * Unicode"). It never writes over its input.
 */
import { scanLegacyText } from "../../text/legacy-scan";
import { textCellsOf } from "../../workbook/legacy-check";
import { loadExcelJs } from "../../workbook/xlsx-write";
import { oneInput, requireExtension } from "../args";
import { defineCommand } from "../command";
import { EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, readWorkbookFile, refuseInputAsOutput, writeOutput } from "../files";
import { MSG_FIX_TEXT, USAGE_OF } from "../messages";

/** The font converted cells get. */
export const UNICODE_FONT = "Times New Roman";

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
    const found = scanLegacyText(snapshot.sheets.flatMap((s) => textCellsOf(s)));
    const formulaCell = (sheet: string, address: string) => !!snapshot.sheets.find((s) => s.name === sheet)?.formulas?.[address];
    const toFix = found.filter((c) => !formulaCell(c.sheet, c.address));
    const skipped = found.length - toFix.length;
    if (toFix.length === 0) {
      io.out(MSG_FIX_TEXT.nothing(input));
      if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
      return EXIT.ok;
    }
    const wb = new (loadExcelJs().Workbook)();
    try {
      await wb.xlsx.load((await readInput(input)) as unknown as ArrayBuffer);
    } catch (e) {
      throw failure(MSG_FIX_TEXT.cannotLoad(input, e instanceof Error ? e.message : String(e)));
    }
    for (const c of toFix) {
      const cell = wb.getWorksheet(c.sheet)!.getCell(c.address);
      cell.value = c.converted;
      cell.font = { ...(cell.font ?? {}), name: UNICODE_FONT };
      io.out(c.cliLine);
    }
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    await writeOutput(output, bytes);
    if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
    io.out(MSG_FIX_TEXT.written(toFix.length, output));
    return EXIT.ok;
  },
});
