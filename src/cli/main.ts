/**
 * The `bao-cao` command line: create the standard workbook or a unit's workbook, check a
 * filled one, roll up units' workbooks into a town's or province's, export the Word report. The logic lives in the shared modules (layout, reader, checks, the export
 * command, the Word builder); this file parses arguments, reads and writes files, and turns
 * every foreseeable failure into a Vietnamese message and an exit code, never a stack trace.
 *
 * Exit codes: 0 success; 1 the workbook has errors, or a file cannot be read or written;
 * 2 the command was called wrongly (unknown command or option, missing argument).
 */
import { fixTextCommand, USAGE_FIX_TEXT } from "./fix-text";
import { nextPeriodCommand, USAGE_NEXT_PERIOD } from "./next-period";
import { readFileSync } from "node:fs";
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { prepareExport } from "../commands/export-report";
import { DefinitionError } from "../report/definition";
import { builtInKinds, DEFAULT_KIND_ID, loadDefinition, UnknownKindError } from "../report/kinds";
import { MSG_FILE } from "../report/messages";
import { sampleDataOf } from "../report/sample";
import type { Problem, ReportData, ReportDefinition } from "../report/types";
import { formatProblem } from "../workbook/check-workbook";
import { buildLayout, type WorkbookLayout } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { checkAnyWorkbook, planRollup, unitFiguresOf, type RollupRejection, type RollupSource } from "../workbook/unit-workbook";
import { definitionOfWorkbook, WorkbookKindError } from "../workbook/kind-of";
import { kindMarkOf } from "../workbook/kind-sheet";
import { unitSpec } from "../workbook/units";
import { DataFileError, parseDataFile, reportValuesOf, unitValuesOf } from "./data-file";
import { buildRollupWorkbook, buildUnitWorkbook, buildWorkbook, readSnapshot, workbookBuffer, XlsxFormatError, type XlsxFormatProblem } from "./xlsx";

export interface CliIO {
  out(s: string): void;
  err(s: string): void;
  /** environment (BAO_CAO_DEBUG=1 prints the stack of an unexpected error); defaults to process.env */
  env?: Record<string, string | undefined>;
  /** "now" for the date checks (a report year far from it is a warning); defaults to the current date */
  today?: Date;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/* ------------------------------------------------------------------ messages */

const q = (file: string) => `"${file}"`;

export const USAGE = `bao-cao — lập báo cáo về thủ tục hành chính (báo cáo tháng về cải cách TTHC,
báo cáo quý, 6 tháng, năm về giải quyết TTHC, …) từ sổ Excel (.xlsx), trình bày theo
Nghị định 30/2020/NĐ-CP.

Cách dùng:
  bao-cao kinds
      In các loại báo cáo có sẵn: mỗi dòng một mã loại và tên.

  bao-cao definition <mã loại>
      In định nghĩa (JSON) của một loại báo cáo: điểm xuất phát để cơ quan tự
      sửa đề cương, chỉ tiêu của mình rồi dùng với template --definition.

  bao-cao template -o <sổ.xlsx> [--kind <mã loại> | --definition <tệp.json>]
                   [--sample] [--data <tệp.json>] [--force]
      Tạo sổ Excel theo mẫu báo cáo (các trang tính, ô nhập nền vàng, tên vùng).
      Sổ ghi nhớ loại báo cáo (và định nghĩa riêng, nếu có): các lệnh khác không
      cần chỉ lại.
      --kind     loại báo cáo (mặc định bao-cao-cctthc-thang; xem bao-cao kinds)
      --definition  định nghĩa riêng của cơ quan (tệp JSON, xem bao-cao definition)
      --sample   điền sẵn số liệu mẫu của loại báo cáo (báo cáo tháng: UBND thị xã
                 Mỹ Hào, tháng 11 năm 2024)
      --data     điền sẵn từ tệp JSON {"values": {"MÃ_TRƯỜNG": giá trị, ...}}
                 (cùng --sample: thay các trường có trong tệp)
      --force    ghi đè nếu tệp đã có (dữ liệu trong tệp cũ sẽ mất)

  bao-cao template --unit "<tên đơn vị>" -o <sổ-đơn-vị.xlsx> [--kind … | --definition …]
                   [--data <tệp.json>] [--force]
      Tạo sổ số liệu của một đơn vị (xã, phường) để gửi đơn vị điền rồi tổng hợp:
      một trang đơn vị, các ô số liệu mang cùng tên vùng với ô tổng hợp.
      --data     số liệu của đơn vị: mục có "name" trùng tên đơn vị trong
                 {"units": [{"name": ..., "values": {...}}]}, hoặc {"values": {...}}

  bao-cao rollup -o <tổng-hợp.xlsx> <sổ-đơn-vị.xlsx>... [--base <sổ.xlsx>] [--force]
      Tổng hợp sổ của các đơn vị: sổ mới có các trang của mẫu, mỗi đơn vị một
      trang nằm giữa hai trang mốc DonViDau và DonViCuoi, và công thức cộng
      =SUM(DonViDau:DonViCuoi!C5) ở mọi ô số liệu được tổng hợp (cả từng ô của bảng).
      Loại báo cáo lấy theo --base, hoặc theo sổ đơn vị đầu tiên; sổ đơn vị
      của loại khác, hoặc có danh sách dòng (lĩnh vực) khác, bị bỏ qua.
      Có thể ghi một thư mục (lấy mọi tệp .xlsx trong đó) hoặc mẫu như don-vi/*.xlsx.
      Tệp không phải sổ đơn vị, đơn vị trùng tên, tệp hỏng được báo rồi bỏ qua;
      các tệp còn lại vẫn được tổng hợp (mã thoát 1 nếu có tệp bị bỏ qua).
      --base     lấy phần thông tin chung và các phần lời văn từ sổ báo cáo này
      --force    ghi đè nếu tệp tổng hợp đã có

  bao-cao check <sổ.xlsx> [--json]
      Kiểm tra sổ báo cáo, sổ tổng hợp (cả từng trang đơn vị) hoặc sổ đơn vị:
      mỗi lỗi, cảnh báo một dòng "Trang tính!Ô: nội dung", lỗi trước.
      --json     in kết quả dạng JSON

  bao-cao export <sổ.xlsx> [-o <báo-cáo.docx>]
      Xuất báo cáo Word khi sổ (sổ báo cáo hoặc sổ tổng hợp) không còn lỗi.
      Không có -o: ghi tệp theo loại và kỳ báo cáo (ví dụ bao-cao-cctthc-thang-11-2024.docx)
      cùng thư mục với sổ.

${USAGE_NEXT_PERIOD}

${USAGE_FIX_TEXT}

  bao-cao --help       in hướng dẫn này
  bao-cao --version    in số phiên bản

Mã thoát: 0 thành công; 1 sổ có lỗi hoặc không đọc, ghi được tệp; 2 gọi lệnh sai cách.`;

const FORMAT: Record<XlsxFormatProblem, (f: string, detail?: string, info?: XlsxFormatError["info"]) => string> = {
  empty: (f) => `Tệp ${q(f)} rỗng (0 byte), không phải sổ Excel .xlsx.`,
  ole: (f) =>
    `Tệp ${q(f)} là sổ Excel 97-2003 (.xls) hoặc sổ .xlsx có đặt mật khẩu; bao-cao chỉ đọc được sổ .xlsx không mật khẩu. ` +
    `Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi Lưu thành (Save As) kiểu "Sổ làm việc Excel (*.xlsx)".`,
  notZip: (f) => `Tệp ${q(f)} không phải sổ Excel .xlsx (có thể là tệp văn bản, CSV, HTML hay PDF bị đổi đuôi).`,
  corruptZip: (f) => `Tệp ${q(f)} bị hỏng hoặc chưa chép, tải về hết: không mở được như một sổ Excel .xlsx.`,
  docx: (f) => `Tệp ${q(f)} là văn bản Word (.docx), không phải sổ Excel .xlsx.`,
  pptx: (f) => `Tệp ${q(f)} là bản trình chiếu PowerPoint, không phải sổ Excel .xlsx.`,
  ods: (f) => `Tệp ${q(f)} là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx.`,
  xlsb: (f) => `Tệp ${q(f)} là sổ Excel nhị phân (.xlsb). Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  notWorkbook: (f) => `Tệp ${q(f)} là tệp nén nhưng không chứa sổ Excel, không phải .xlsx.`,
  corruptWorkbook: (f, detail) => `Tệp ${q(f)} có cấu trúc sổ Excel bị hỏng, không đọc được.${detail ? ` chi tiết: ${detail}` : ""}`,
  tooLarge: (f, _detail, info) => `Tệp ${q(f)} bị từ chối: ${MSG_FILE.tooLarge(info?.breach)}`,
  unsafeXml: (f, _detail, info) => `Tệp ${q(f)} bị từ chối: ${MSG_FILE.unsafeXml(info?.part)}`,
};

const M = {
  seeHelp: "Xem hướng dẫn: bao-cao --help",
  noCommand: "Chưa nhập lệnh.",
  unknownCommand: (c: string) => `Lệnh không hợp lệ: ${q(c)}. Các lệnh: kinds, definition, template, rollup, check, export, next-period, fix-text.`,
  definitionNeedsId: "Lệnh definition cần mã loại báo cáo, ví dụ: bao-cao definition bao-cao-cctthc-thang (xem bao-cao kinds).",
  kindAndDefinition: "Chỉ dùng một trong hai: --kind (loại có sẵn) hoặc --definition (định nghĩa riêng).",
  noSample: (id: string) => `Loại báo cáo ${q(id)} không có số liệu mẫu; bỏ --sample hoặc dùng --data.`,
  otherKind: (f: string, kind: string, expected: string) =>
    `Tệp ${q(f)} là sổ của loại báo cáo ${q(kind)}, không cùng loại với sổ tổng hợp (${q(expected)}); không trộn các loại báo cáo trong một lần tổng hợp.`,
  rejectedRows: (f: string, unit: string, table: string, row: number, found: string, expected: string) =>
    `Tệp ${q(f)}, đơn vị ${q(unit)}: bảng ${table} dòng ${row} là ${found ? q(found) : "(trống)"} nhưng ở sổ tổng hợp là ${expected ? q(expected) : "(không có)"}; ` +
    `số liệu sẽ bị cộng sai dòng. Sửa danh sách lĩnh vực của đơn vị cho giống sổ tổng hợp rồi tổng hợp lại.`,
  unknownOption: (o: string) => `Tùy chọn không hợp lệ: ${o}.`,
  badOptionValue: (o: string) => `Tùy chọn ${o} thiếu giá trị hoặc không nhận giá trị.`,
  needInput: (cmd: string) => `Lệnh ${cmd} cần đúng một tệp sổ .xlsx, ví dụ: bao-cao ${cmd} so-bao-cao.xlsx`,
  tooMany: (cmd: string, extra: string[]) => `Lệnh ${cmd} nhận một tệp sổ, thừa: ${extra.join(" ")}.`,
  templateNeedsOutput: "Lệnh template cần tên tệp sẽ tạo: bao-cao template -o so-bao-cao.xlsx",
  templateNoPositional: (a: string) => `Lệnh template không nhận đối số ${q(a)}; ghi tên tệp sau -o: bao-cao template -o ${a}`,
  unitNameEmpty: 'Tên đơn vị sau --unit đang để trống, ví dụ: bao-cao template --unit "Xã Hòa Phong" -o xa-hoa-phong.xlsx',
  unitNoSample: "--sample chỉ dùng cho sổ báo cáo, không dùng cùng --unit (số liệu của đơn vị: --data).",
  rollupNeedsOutput: "Lệnh rollup cần tên tệp tổng hợp sẽ tạo: bao-cao rollup -o tong-hop.xlsx don-vi/*.xlsx",
  rollupNeedsInputs: "Lệnh rollup cần ít nhất một sổ đơn vị, ví dụ: bao-cao rollup -o tong-hop.xlsx don-vi/*.xlsx",
  extension: (f: string, ext: string) => `Tên tệp ${q(f)} phải có đuôi ${ext}.`,

  notFound: (f: string) => `Không tìm thấy tệp ${q(f)}.`,
  inputIsDirectory: (f: string) => `${q(f)} là một thư mục, không phải tệp sổ .xlsx.`,
  noReadPermission: (f: string) => `Không có quyền đọc tệp ${q(f)}.`,
  cannotRead: (f: string, detail: string) => `Không đọc được tệp ${q(f)}. chi tiết: ${detail}`,
  notReportWorkbook: (f: string, sheets: string[]) =>
    `Tệp ${q(f)} không phải sổ báo cáo: không có trang tính nào của mẫu (${sheets.join(", ")}). ` + `Tạo sổ mẫu bằng: bao-cao template -o so-bao-cao.xlsx`,
  unitNotExportable: (f: string, units: string[]) =>
    `Tệp ${q(f)} là sổ đơn vị (${units.map(q).join(", ")}), không có phần thông tin chung của báo cáo nên không xuất được báo cáo Word. ` +
    `Hãy tổng hợp trước: bao-cao rollup -o tong-hop.xlsx ${q(f)} --base so-bao-cao.xlsx, rồi xuất sổ tổng hợp.`,
  baseNotReport: (f: string) => `Sổ nền ${q(f)} (--base) không phải sổ báo cáo; --base cần một sổ tạo bằng bao-cao template.`,
  cannotReadData: (f: string, detail: string) => `Không đọc được tệp dữ liệu ${q(f)}. chi tiết: ${detail}`,

  outputIsInput: (f: string) => `Không ghi đè lên chính tệp đầu vào ${q(f)}. Chọn tên tệp khác sau -o.`,
  outputIsDirectory: (f: string, example: string) => `${q(f)} là một thư mục; ghi cả tên tệp sau -o, ví dụ ${path.join(f, example)}.`,
  outputExists: (f: string) => `Tệp ${q(f)} đã có. Thêm --force để ghi đè (dữ liệu trong tệp cũ sẽ mất), hoặc chọn tên khác.`,
  noDirectory: (d: string) => `Thư mục ${q(d)} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi ghi khác.`,
  noWritePermission: (f: string) => `Không ghi được tệp ${q(f)}: không có quyền ghi, hoặc tệp đang mở trong Word, Excel.`,
  diskFull: (f: string) => `Không ghi được tệp ${q(f)}: ổ đĩa đã đầy.`,
  cannotWrite: (f: string, detail: string) => `Không ghi được tệp ${q(f)}. chi tiết: ${detail}`,

  templateWritten: (f: string, sample: boolean) => `Đã tạo sổ báo cáo${sample ? " (có số liệu mẫu)" : ""}: ${f}`,
  templateNext: (f: string) => `Nhập số liệu vào các ô nền vàng, rồi kiểm tra: bao-cao check ${q(f)}`,
  unitWritten: (unit: string, sheet: string, f: string) => `Đã tạo sổ đơn vị ${q(unit)} (trang tính ${q(sheet)}): ${f}`,
  unitRenamed: (unit: string, sheet: string) =>
    `Tên trang tính được đặt lại theo quy tắc của Excel (tối đa 31 ký tự, không có : \\ / ? * [ ]): ${q(unit)} → ${q(sheet)}.`,
  unitNext: (f: string) => `Gửi sổ cho đơn vị nhập số liệu vào các ô nền vàng; khi nhận lại, tổng hợp: bao-cao rollup -o tong-hop.xlsx ${q(f)} ...`,
  unitWorkbook: (units: string[]) => `Sổ đơn vị: ${units.map(q).join(", ")}.`,
  rollupProgress: (done: number, total: number) => `Đã đọc ${done}/${total} tệp…`,
  skipped: (message: string) => `Bỏ qua: ${message}`,
  rejectedReport: (f: string) => `Tệp ${q(f)} là sổ báo cáo, không phải sổ đơn vị. Sổ đơn vị tạo bằng: bao-cao template --unit "Tên đơn vị" -o don-vi.xlsx`,
  rejectedNone: (f: string, marker: string, cell: string) => `Tệp ${q(f)} không phải sổ đơn vị: không có trang tính nào mang dấu ${marker} ở ô ${cell}.`,
  rejectedDuplicate: (f: string, unit: string, first: string) => `Tệp ${q(f)}: đơn vị ${q(unit)} trùng với tệp ${q(first)} (đã lấy số liệu từ tệp đó).`,
  rejectedName: (f: string, message: string) => `Tệp ${q(f)}: ${message}`,
  noFileMatches: (pattern: string) => `Không có tệp .xlsx nào khớp với ${q(pattern)}.`,
  emptyDirectory: (d: string) => `Thư mục ${q(d)} không có tệp .xlsx nào.`,
  rollupWritten: (n: number, f: string) => `Đã tổng hợp ${n} đơn vị vào sổ: ${f}`,
  rollupSheetRenamed: (unit: string, sheet: string) => `Đơn vị ${q(unit)} nằm ở trang tính ${q(sheet)} (tên trang tính theo quy tắc của Excel).`,
  rollupNoBase: "Sổ tổng hợp chưa có phần thông tin chung và lời văn: nhập vào các trang của mẫu, hoặc tạo lại với --base <sổ báo cáo>.",
  rollupNext: (f: string) => `Kiểm tra sổ tổng hợp (cả từng đơn vị): bao-cao check ${q(f)}`,
  rollupPartial: (skipped: number, total: number) =>
    `Đã ghi sổ tổng hợp nhưng bỏ qua ${skipped} trong ${total} tệp (xem các dòng "Bỏ qua" ở trên); sửa hoặc thay các tệp đó rồi tổng hợp lại.`,
  rollupNothing: (total: number) => `Không có đơn vị nào dùng được trong ${total} tệp; chưa ghi sổ tổng hợp.`,
  exportRefused: (n: number) => `Chưa xuất báo cáo: sổ còn ${n} lỗi. Sửa các lỗi trên rồi chạy lại.`,
  exportWritten: (f: string) => `Đã ghi báo cáo: ${f}`,
  unexpected: (detail: string) => `bao-cao gặp lỗi không mong muốn, xin báo cho người phát triển. chi tiết: ${detail}`,
};

/** "2 lỗi, 1 cảnh báo." / "Không có lỗi." / "Không có lỗi, 1 cảnh báo." */
export function problemSummary(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const head = errors ? `${errors} lỗi` : "Không có lỗi";
  return warnings ? `${head}, ${warnings} cảnh báo.` : `${head}.`;
}

/* ------------------------------------------------------------------ failures */

/** A foreseen failure: its message is shown as is, with its exit code. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
const usageError = (message: string) => new CliFailure(`${message}\n${M.seeHelp}`, EXIT.usage);
const failure = (message: string) => new CliFailure(message, EXIT.failed);

const errCode = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | undefined)?.code;
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/* ------------------------------------------------------------------ arguments */

type Options = NonNullable<Parameters<typeof parseArgs>[0]>["options"];

/** parseArgs for one command (with -h/--help), its errors turned into usage errors. */
export function parse<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: "boolean", short: "h" } } as T & { help: { type: "boolean"; short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const option = /'(-[^' ,]+)/.exec(errText(e))?.[1] ?? "";
    if (errCode(e) === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw usageError(M.unknownOption(option));
    if (errCode(e) === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") throw usageError(M.badOptionValue(option));
    throw usageError(errText(e));
  }
}

export function oneInput(cmd: string, positionals: string[]): string {
  if (positionals.length === 0) throw usageError(M.needInput(cmd));
  if (positionals.length > 1) throw usageError(M.tooMany(cmd, positionals.slice(1)));
  return positionals[0];
}

export function requireExtension(file: string, ext: string): void {
  if (!file.toLowerCase().endsWith(ext)) throw usageError(M.extension(file, ext));
}

/* ------------------------------------------------------------------ files */

async function readInput(file: string): Promise<Buffer> {
  const fail = (e: unknown): CliFailure => {
    const code = errCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") return failure(M.notFound(file));
    if (code === "EACCES" || code === "EPERM") return failure(M.noReadPermission(file));
    if (code === "EISDIR") return failure(M.inputIsDirectory(file));
    return failure(M.cannotRead(file, errText(e)));
  };
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(file)).isDirectory();
  } catch (e) {
    throw fail(e);
  }
  if (isDirectory) throw failure(M.inputIsDirectory(file));
  try {
    return await readFile(file);
  } catch (e) {
    throw fail(e);
  }
}

async function readWorkbookFile(file: string): Promise<WorkbookSnapshot> {
  const bytes = await readInput(file);
  try {
    return await readSnapshot(bytes);
  } catch (e) {
    if (e instanceof XlsxFormatError) throw failure(FORMAT[e.problem](file, e.detail, e.info));
    throw e;
  }
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/** Refuses an output that is the input itself (same path, or same file through a link). */
async function refuseInputAsOutput(output: string, input: string): Promise<void> {
  if (path.resolve(output) === path.resolve(input)) throw failure(M.outputIsInput(input));
  const [a, b] = await Promise.all([statOrNull(output), statOrNull(input)]);
  if (a && b && a.dev === b.dev && a.ino === b.ino) throw failure(M.outputIsInput(input));
}

/** An example file name for each kind of output, used in messages. */
const exampleName = (output: string) => (output.toLowerCase().endsWith(".docx") ? "bao-cao.docx" : "so-bao-cao.xlsx");

async function refuseDirectory(output: string, example: string): Promise<void> {
  if ((await statOrNull(output))?.isDirectory()) throw failure(M.outputIsDirectory(output, example));
}

/** What can be known about an output before any work: an existing directory, a missing parent. */
async function checkOutput(output: string, options: { mayExist: boolean }): Promise<void> {
  const target = await statOrNull(output);
  if (target?.isDirectory()) throw failure(M.outputIsDirectory(output, exampleName(output)));
  if (target && !options.mayExist) throw failure(M.outputExists(output));
  const dir = path.dirname(path.resolve(output));
  const parent = await statOrNull(dir);
  if (!parent || !parent.isDirectory()) throw failure(M.noDirectory(dir));
}

async function writeOutput(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(file, bytes);
  } catch (e) {
    const code = errCode(e);
    if (code === "ENOENT" || code === "ENOTDIR") throw failure(M.noDirectory(path.dirname(path.resolve(file))));
    if (code === "EISDIR") throw failure(M.outputIsDirectory(file, exampleName(file)));
    if (code === "EACCES" || code === "EPERM" || code === "EROFS" || code === "EBUSY") throw failure(M.noWritePermission(file));
    if (code === "ENOSPC" || code === "EDQUOT") throw failure(M.diskFull(file));
    throw failure(M.cannotWrite(file, errText(e)));
  }
}

/* ------------------------------------------------------------------ commands */

interface Context {
  io: CliIO;
  today: Date;
}

/** A kind of report and its workbook layout. */
interface Kind {
  definition: ReportDefinition;
  layout: WorkbookLayout;
}

const kindOf = (definition: ReportDefinition): Kind => ({ definition, layout: buildLayout(definition) });

/** The kind a workbook says it is (its hidden kind sheet; the monthly report for an older workbook). */
async function kindOfWorkbook(snapshot: WorkbookSnapshot): Promise<Kind> {
  try {
    return kindOf(await definitionOfWorkbook(snapshot));
  } catch (e) {
    if (e instanceof WorkbookKindError) throw failure(e.message);
    throw e;
  }
}

/** The kind chosen by --kind or --definition (the monthly report when neither is given). */
async function chosenKind(options: { kind?: string; definition?: string }): Promise<Kind> {
  if (options.kind !== undefined && options.definition !== undefined) throw usageError(M.kindAndDefinition);
  if (options.definition !== undefined) {
    const text = (await readInput(options.definition)).toString("utf8");
    // the schema checker (Ajv) is loaded only for an office's own definition
    const { parseDefinitionText } = await import("../report/definition-schema");
    try {
      return kindOf(parseDefinitionText(text, q(options.definition)));
    } catch (e) {
      if (e instanceof DefinitionError) throw failure(e.message);
      throw e;
    }
  }
  try {
    return kindOf(loadDefinition(options.kind ?? DEFAULT_KIND_ID));
  } catch (e) {
    if (e instanceof UnknownKindError) throw usageError(e.message);
    throw e;
  }
}

function notReportWorkbook(kind: Kind, file: string): CliFailure {
  return failure(
    M.notReportWorkbook(
      file,
      kind.layout.sheets.filter((s) => !s.hidden).map((s) => s.name),
    ),
  );
}

/** The data file of --data, parsed; its problems are failures (exit 1). */
async function readDataFile(file: string) {
  let text: string;
  try {
    text = (await readInput(file)).toString("utf8");
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    throw failure(M.cannotReadData(file, errText(e)));
  }
  try {
    return parseDataFile(text, file);
  } catch (e) {
    if (e instanceof DataFileError) throw failure(e.message);
    throw e;
  }
}

/** Runs a data-file step; its DataFileError becomes a failure. */
function withData<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DataFileError) throw failure(e.message);
    throw e;
  }
}

async function templateCommand(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: "string", short: "o" },
    sample: { type: "boolean" },
    unit: { type: "string", short: "u" },
    data: { type: "string" },
    kind: { type: "string", short: "k" },
    definition: { type: "string" },
    force: { type: "boolean", short: "f" },
  } as const);
  if (values.help) return help(ctx.io);
  if (positionals.length) throw usageError(M.templateNoPositional(positionals[0]));
  if (!values.output) throw usageError(M.templateNeedsOutput);
  if (values.unit !== undefined && !values.unit.trim()) throw usageError(M.unitNameEmpty);
  if (values.unit !== undefined && values.sample) throw usageError(M.unitNoSample);
  const output = values.output;
  await refuseDirectory(output, values.unit !== undefined ? "don-vi.xlsx" : "so-bao-cao.xlsx");
  requireExtension(output, ".xlsx");
  await checkOutput(output, { mayExist: Boolean(values.force) });
  const kind = await chosenKind(values);
  const ctxKind = kind;
  const dataFile = values.data !== undefined ? await readDataFile(values.data) : undefined;

  if (values.unit !== undefined) {
    const unitName = values.unit;
    const figures = dataFile ? withData(() => unitValuesOf(ctxKind.definition, dataFile, values.data!, unitName)) : {};
    let built: ReturnType<typeof buildUnitWorkbook>;
    try {
      built = buildUnitWorkbook(ctxKind.definition, unitName, figures);
    } catch (e) {
      throw failure(errText(e));
    }
    await writeOutput(output, await workbookBuffer(built.workbook));
    ctx.io.out(M.unitWritten(built.unitName, built.sheet, path.resolve(output)));
    if (built.renamed) ctx.io.out(M.unitRenamed(built.unitName, built.sheet));
    ctx.io.out(M.unitNext(path.resolve(output)));
    return EXIT.ok;
  }

  let data: ReportData | undefined;
  if (values.sample) {
    data = sampleDataOf(kind.definition.id) ?? undefined;
    if (!data) throw usageError(M.noSample(kind.definition.id));
  }
  if (dataFile) {
    const given = withData(() => reportValuesOf(kind.definition, dataFile, values.data!));
    data = { values: { ...(data?.values ?? {}), ...given } };
  }
  const wb = buildWorkbook(kind.definition, kind.layout, data);
  await writeOutput(output, await workbookBuffer(wb));
  ctx.io.out(M.templateWritten(path.resolve(output), Boolean(values.sample || dataFile)));
  ctx.io.out(M.templateNext(path.resolve(output)));
  return EXIT.ok;
}

async function checkCommand(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: "boolean" } } as const);
  if (values.help) return help(ctx.io);
  const input = oneInput("check", positionals);
  const snapshot = await readWorkbookFile(input);
  const kind = await kindOfWorkbook(snapshot);
  const result = checkAnyWorkbook(kind.definition, kind.layout, snapshot, { today: ctx.today });
  if (result.kind === "none") throw notReportWorkbook(kind, input);
  const problems = result.kind === "report" ? result.check.problems : result.problems;
  const errors = problems.filter((p) => p.severity === "error").length;
  if (values.json) {
    const list = problems.map(({ sheet, cell, severity, code, message }) => ({ sheet, cell, severity, code, message }));
    const units = result.units.map((u) => ({ unit: u.unitName, sheet: u.sheet }));
    ctx.io.out(JSON.stringify({ kind: result.kind, units, problems: list, errors, warnings: list.length - errors }, null, 2));
  } else {
    if (result.kind === "unit") ctx.io.out(M.unitWorkbook(result.units.map((u) => u.unitName)));
    for (const p of problems) ctx.io.out(formatProblem(p));
    ctx.io.out(problemSummary(problems));
  }
  return errors ? EXIT.failed : EXIT.ok;
}

async function exportCommand(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, { output: { type: "string", short: "o" } } as const);
  if (values.help) return help(ctx.io);
  const input = oneInput("export", positionals);
  if (values.output !== undefined) {
    await refuseInputAsOutput(values.output, input);
    await refuseDirectory(values.output, "bao-cao.docx");
    requireExtension(values.output, ".docx");
    await checkOutput(values.output, { mayExist: true });
  }
  const snapshot = await readWorkbookFile(input);
  const kind = await kindOfWorkbook(snapshot);
  const any = checkAnyWorkbook(kind.definition, kind.layout, snapshot, { today: ctx.today });
  if (any.kind === "unit")
    throw failure(
      M.unitNotExportable(
        input,
        any.units.map((u) => u.unitName),
      ),
    );
  const prepared = prepareExport(kind.definition, kind.layout, snapshot, { today: ctx.today, check: any.kind === "report" ? any.check : undefined });
  if (!prepared.ok) {
    if (prepared.reason === "notReportWorkbook") throw notReportWorkbook(kind, input);
    for (const p of prepared.problems) ctx.io.err(formatProblem(p));
    ctx.io.err(problemSummary(prepared.problems));
    ctx.io.err(M.exportRefused(prepared.problems.filter((p) => p.severity === "error").length));
    return EXIT.failed;
  }
  const output = path.resolve(values.output ?? path.join(path.dirname(input), prepared.fileName));
  await refuseInputAsOutput(output, input);
  if (values.output === undefined) await checkOutput(output, { mayExist: true });
  // docx is loaded only here: no other command needs it
  const { packReportNode } = await import("./docx-zip");
  const bytes = packReportNode(kind.definition, prepared.data);
  await writeOutput(output, bytes);
  for (const p of prepared.warnings) ctx.io.out(formatProblem(p));
  ctx.io.out(problemSummary(prepared.warnings));
  ctx.io.out(M.exportWritten(output));
  return EXIT.ok;
}

/* ------------------------------------------------------------------ rollup */

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

function rejectionMessage(r: RollupRejection): string {
  switch (r.reason) {
    case "unreadable":
      return r.message;
    case "report":
      return M.rejectedReport(r.file);
    case "none":
      return M.rejectedNone(r.file, r.marker ?? "", r.cell ?? "");
    case "otherKind":
      return M.otherKind(r.file, r.found, r.expected);
    case "rows":
      return M.rejectedRows(r.file, r.unitName, r.table, r.row, r.found, r.expected);
    case "duplicate":
      return M.rejectedDuplicate(r.file, r.unitName, r.firstFile);
    case "badName":
      return M.rejectedName(r.file, r.message);
  }
}

/** What one input file holds, for the roll-up plan; never throws for a bad file. `kind` is the roll-up's, when known. */
async function rollupSource(file: string, kind: Kind | undefined): Promise<{ source: RollupSource; kind?: Kind }> {
  let snapshot: WorkbookSnapshot;
  let own: Kind;
  try {
    snapshot = await readWorkbookFile(file);
    own = await kindOfWorkbook(snapshot);
  } catch (e) {
    return { source: { file, kind: "unreadable", message: e instanceof CliFailure ? e.message : FORMAT.corruptWorkbook(file, errText(e)) } };
  }
  if (kind && own.definition.id !== kind.definition.id && kindMarkOf(snapshot).kind !== "none") {
    return { source: { file, kind: "otherKind", found: own.definition.title, expected: kind.definition.title } };
  }
  const use = kind ?? own;
  const found = checkAnyWorkbook(use.definition, use.layout, snapshot).kind;
  if (found !== "unit") return { source: { file, kind: found, marker: unitSpec(use.definition).marker, cell: unitSpec(use.definition).markerCell } };
  return { source: { file, kind: found, units: unitFiguresOf(use.definition, snapshot) }, kind: use };
}

/** The rows each roll-up table must have: the base's when there is one (else the first unit sets them). */
function expectedRowsOf(def: ReportDefinition, base: ReportData | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of def.fields) {
    const v = base?.values[f.id];
    if (f.kind === "table" && v && typeof v === "object" && !Array.isArray(v)) {
      const rows = [...v.rows];
      while (rows.length && rows[rows.length - 1] === "") rows.pop();
      out[f.id] = rows;
    }
  }
  return out;
}

/** Every this many files read, the roll-up says how far it is. */
export const ROLLUP_PROGRESS_EVERY = 25;

async function rollupCommand(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    output: { type: "string", short: "o" },
    base: { type: "string", short: "b" },
    kind: { type: "string", short: "k" },
    definition: { type: "string" },
    force: { type: "boolean", short: "f" },
  } as const);
  if (values.help) return help(ctx.io);
  if (!values.output) throw usageError(M.rollupNeedsOutput);
  if (!positionals.length) throw usageError(M.rollupNeedsInputs);
  const output = values.output;
  await refuseDirectory(output, "tong-hop.xlsx");
  requireExtension(output, ".xlsx");
  const { files, problems } = await rollupInputs(positionals, [output, ...(values.base ? [values.base] : [])]);
  for (const f of [...files, ...(values.base ? [values.base] : [])]) await refuseInputAsOutput(output, f);
  await checkOutput(output, { mayExist: Boolean(values.force) });

  // the roll-up's kind: the base's, else the one asked for, else the first unit file's
  let base: ReportData | undefined;
  let kind: Kind | undefined = values.kind !== undefined || values.definition !== undefined ? await chosenKind(values) : undefined;
  if (values.base !== undefined) {
    const snapshot = await readWorkbookFile(values.base);
    kind ??= await kindOfWorkbook(snapshot);
    const checked = checkAnyWorkbook(kind.definition, kind.layout, snapshot, { today: ctx.today });
    if (checked.kind !== "report") throw failure(M.baseNotReport(values.base));
    base = checked.check.data;
  }

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
  const plan = planRollup(
    sources,
    kind.layout.sheets.map((s) => s.name),
    expectedRowsOf(kind.definition, base),
  );
  for (const r of plan.rejected) ctx.io.err(M.skipped(rejectionMessage(r)));
  if (!plan.units.length) {
    ctx.io.err(M.rollupNothing(total));
    return EXIT.failed;
  }

  const wb = buildRollupWorkbook(kind.definition, plan.units, base);
  await writeOutput(output, await workbookBuffer(wb));
  for (const u of plan.units) if (u.renamed) ctx.io.out(M.rollupSheetRenamed(u.unitName, u.sheet));
  ctx.io.out(M.rollupWritten(plan.units.length, path.resolve(output)));
  if (!base) ctx.io.out(M.rollupNoBase);
  ctx.io.out(M.rollupNext(path.resolve(output)));
  const rejectedFiles = new Set(plan.rejected.map((r) => path.resolve(r.file))).size;
  if (rejectedFiles) {
    ctx.io.err(M.rollupPartial(rejectedFiles, total));
    return EXIT.failed;
  }
  return EXIT.ok;
}

function help(io: CliIO): number {
  io.out(USAGE);
  return EXIT.ok;
}

/** The package's version, from the package.json above this file (src/cli, or lib/ for the bundle). */
export function version(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "bao-cao-tthc" && pkg.version) return pkg.version;
    } catch {
      // not here: look one level up
    }
    dir = path.dirname(dir);
  }
  return "không rõ";
}

/** `bao-cao kinds`: one line per built-in kind, its id then its title. */
async function kindsCommand(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {} as const);
  if (values.help) return help(ctx.io);
  if (positionals.length) throw usageError(M.tooMany("kinds", positionals));
  for (const k of builtInKinds()) ctx.io.out(`${k.id}\t${k.title}`);
  return EXIT.ok;
}

/** `bao-cao definition ID`: the kind's definition as JSON on standard output. */
async function definitionCommand(ctx: Context, args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {} as const);
  if (values.help) return help(ctx.io);
  if (positionals.length === 0) throw usageError(M.definitionNeedsId);
  if (positionals.length > 1) throw usageError(M.tooMany("definition", positionals.slice(1)));
  const { definition } = await chosenKind({ kind: positionals[0] });
  ctx.io.out(JSON.stringify(definition, null, 2));
  return EXIT.ok;
}

const COMMANDS: Record<string, (ctx: Context, args: string[]) => Promise<number>> = {
  kinds: kindsCommand,
  definition: definitionCommand,
  template: templateCommand,
  rollup: rollupCommand,
  check: checkCommand,
  export: exportCommand,
  "next-period": (ctx, args) =>
    nextPeriodCommand(
      ctx.io,
      args,
      {
        parse,
        oneInput,
        requireExtension,
        usageError,
        failure,
        readWorkbookFile,
        kindOfWorkbook,
        refuseInputAsOutput,
        refuseDirectory,
        checkOutput,
        writeOutput,
      },
      () => help(ctx.io),
    ),
  "fix-text": (ctx, args) =>
    fixTextCommand(
      ctx.io,
      args,
      { parse, oneInput, requireExtension, usageError, failure, readInput, readWorkbookFile, refuseInputAsOutput, checkOutput, writeOutput },
      () => help(ctx.io),
    ),
};

/** Runs the command line; returns the exit code. Never throws. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const env = io.env ?? process.env;
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err(`${M.noCommand}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (command === "--help" || command === "-h" || command === "help") return help(io);
    if (command === "--version" || command === "-v" || command === "-V") {
      io.out(`bao-cao ${version()}`);
      return EXIT.ok;
    }
    const run = COMMANDS[command];
    if (!run) throw usageError(command.startsWith("-") ? M.unknownOption(command) : M.unknownCommand(command));
    return await run({ io, today: io.today ?? new Date() }, rest);
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(`bao-cao: ${e.message}`);
      return e.exitCode;
    }
    io.err(M.unexpected(errText(e).split("\n")[0]));
    if (env.BAO_CAO_DEBUG === "1" && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT.failed;
  }
}

/* ------------------------------------------------------------------ as a program */

const processIO: CliIO = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
};

let started = false;

/** Runs `main` on the process's arguments and sets process.exitCode (once). */
export function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  if (started) return Promise.resolve();
  started = true;
  return main(argv, processIO).then((code) => {
    process.exitCode = code;
  });
}

// Run directly (tsx src/cli/main.ts); bin/bao-cao.js calls run() of the bundle, lib/bao-cao.js.
if (require.main === module) void run();
