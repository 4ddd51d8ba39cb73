/**
 * `bao-cao fix-text <sổ.xlsx> -o <bản-sửa.xlsx> [--force]`: a copy of the workbook with the
 * text of every cell in TCVN3 (ABC) or VNI-Windows converted to Unicode (NFC) and its font set
 * to Times New Roman; nothing else is changed (ExcelJS loads and saves the rest: sheets,
 * styles, defined names, validations). One line per changed cell ("Sheet!A1: TCVN3 →
 * Unicode"). It never writes over its input.
 *
 * The file handling (reading, refusing the input as output, writing) is main.ts's, passed in,
 * so that the messages and exit codes are those of the other commands.
 */
import { scanLegacyText } from "../text/legacy-scan";
import { textCellsOf } from "../workbook/legacy-check";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { loadExcelJs } from "../workbook/xlsx-write";

/** The font converted cells get. */
export const UNICODE_FONT = "Times New Roman";

export interface FixTextIO {
  out(s: string): void;
  err(s: string): void;
}

/** What main.ts lends the command (its errors carry the exit code; main prints them). */
export interface FixTextTools {
  /** main's argument parsing and checks, with the messages every command shares */
  parse: (typeof import("./main"))["parse"];
  oneInput: (typeof import("./main"))["oneInput"];
  requireExtension: (typeof import("./main"))["requireExtension"];
  usageError(message: string): Error;
  failure(message: string): Error;
  readInput(file: string): Promise<Uint8Array>;
  readWorkbookFile(file: string): Promise<WorkbookSnapshot>;
  refuseInputAsOutput(output: string, input: string): Promise<void>;
  checkOutput(output: string, options: { mayExist: boolean }): Promise<void>;
  writeOutput(file: string, bytes: Uint8Array): Promise<void>;
}

export const USAGE_FIX_TEXT = `  bao-cao fix-text <sổ.xlsx> -o <bản-sửa.xlsx> [--force]
      Chuyển chữ mã cũ TCVN3 (ABC, phông .VnTime) và VNI-Windows (phông VNI-Times)
      sang Unicode, đặt phông Times New Roman cho các ô đó; mọi thứ khác giữ nguyên.
      Ghi ra bản sao (không bao giờ ghi đè tệp gốc); in mỗi ô đã đổi một dòng.
      --force    ghi đè nếu tệp bản sửa đã có`;

export const MSG_FIX_TEXT = {
  needOutput: "Thiếu tệp ghi ra: thêm -o <bản-sửa.xlsx> (tệp gốc không bị ghi đè).",
  nothing: (file: string) => `Không có ô nào chứa chữ mã TCVN3 hay VNI trong "${file}"; không ghi tệp mới.`,
  formulas: (n: number) => `${n} ô chữ mã cũ là kết quả của công thức nên không đổi; hãy sửa ô nguồn của công thức.`,
  written: (n: number, file: string) => `Đã chuyển ${n} ô sang Unicode và ghi ra "${file}".`,
  cannotLoad: (file: string, detail: string) => `Không mở được "${file}" để sửa (${detail}).`,
} as const;

export async function fixTextCommand(io: FixTextIO, args: string[], tools: FixTextTools, help: () => number): Promise<number> {
  const { values, positionals } = tools.parse(args, { output: { type: "string", short: "o" }, force: { type: "boolean" } } as const);
  if (values.help) return help();
  const input = tools.oneInput("fix-text", positionals);
  if (!values.output) throw tools.usageError(MSG_FIX_TEXT.needOutput);
  const output = values.output;
  await tools.refuseInputAsOutput(output, input);
  tools.requireExtension(output, ".xlsx");
  await tools.checkOutput(output, { mayExist: !!values.force });

  // the guarded reader first (zip bombs, broken files), then ExcelJS for the copy
  const snapshot = await tools.readWorkbookFile(input);
  const found = scanLegacyText(snapshot.sheets.flatMap((s) => textCellsOf(s)));
  const formulaCell = (sheet: string, address: string) => !!snapshot.sheets.find((s) => s.name === sheet)?.formulas?.[address];
  const toFix = found.filter((c) => !formulaCell(c.sheet, c.address));
  const skipped = found.length - toFix.length;
  if (toFix.length === 0) {
    io.out(MSG_FIX_TEXT.nothing(input));
    if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
    return 0;
  }
  const wb = new (loadExcelJs().Workbook)();
  try {
    await wb.xlsx.load((await tools.readInput(input)) as unknown as ArrayBuffer);
  } catch (e) {
    throw tools.failure(MSG_FIX_TEXT.cannotLoad(input, e instanceof Error ? e.message : String(e)));
  }
  for (const c of toFix) {
    const cell = wb.getWorksheet(c.sheet)!.getCell(c.address);
    cell.value = c.converted;
    cell.font = { ...(cell.font ?? {}), name: UNICODE_FONT };
    io.out(c.cliLine);
  }
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  await tools.writeOutput(output, bytes);
  if (skipped) io.out(MSG_FIX_TEXT.formulas(skipped));
  io.out(MSG_FIX_TEXT.written(toFix.length, output));
  return 0;
}
