/**
 * `bao-cao next-period <sổ.xlsx> -o <sổ-kỳ-sau.xlsx> [--keep-text] [--force]`: next
 * period's workbook made from this one (src/workbook/next-period.ts says what is kept,
 * cleared and carried over). The input is only read, never written: the output may not be
 * the input, even through a link.
 *
 * The file handling is main.ts's, lent to the command, so that its messages and exit codes
 * are those of the other commands.
 */
import { periodWords } from "../report/period";
import type { ReportDefinition } from "../report/types";
import type { WorkbookLayout } from "../workbook/layout";
import { planNextPeriod } from "../workbook/next-period";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { buildNextPeriodWorkbook, workbookBytes } from "../workbook/xlsx-write";

export interface NextPeriodIO {
  out(s: string): void;
  err(s: string): void;
}

/** What main.ts lends the command (its errors carry the exit code; main prints them). */
export interface NextPeriodTools {
  /** main's argument parsing and checks, with the messages every command shares */
  parse: (typeof import("./main"))["parse"];
  oneInput: (typeof import("./main"))["oneInput"];
  requireExtension: (typeof import("./main"))["requireExtension"];
  usageError(message: string): Error;
  failure(message: string): Error;
  readWorkbookFile(file: string): Promise<WorkbookSnapshot>;
  kindOfWorkbook(snapshot: WorkbookSnapshot): Promise<{ definition: ReportDefinition; layout: WorkbookLayout }>;
  refuseInputAsOutput(output: string, input: string): Promise<void>;
  refuseDirectory(output: string, example: string): Promise<void>;
  checkOutput(output: string, options: { mayExist: boolean }): Promise<void>;
  writeOutput(file: string, bytes: Uint8Array): Promise<void>;
}

export const USAGE_NEXT_PERIOD = `  bao-cao next-period <sổ.xlsx> -o <sổ-kỳ-sau.xlsx> [--keep-text] [--force]
      Tạo sổ của kỳ báo cáo sau từ sổ kỳ này (sổ kỳ này giữ nguyên): kỳ báo cáo
      chuyển sang kỳ sau (tháng 12/2024 → tháng 1/2025, quý IV → quý I năm sau,
      6 tháng đầu năm → cuối năm, năm → năm sau), ngày số liệu theo quy tắc.
      Giữ: cơ quan, ký hiệu, địa danh, phạm vi, kính gửi, câu mở đầu, người ký,
      nơi nhận, các dòng (lĩnh vực) của bảng, các trang đơn vị.
      Xóa: số văn bản, ngày ký, mọi số liệu (cả trang đơn vị), các phần lời văn.
      Chuyển sang kỳ sau những gì loại báo cáo quy định (ví dụ "Từ kỳ trước" =
      "Đang giải quyết" của kỳ này); số liệu tổng của kỳ này được giữ trong sổ
      mới để câu văn so sánh với kỳ trước.
      --keep-text  giữ các phần lời văn để sửa lại (mặc định: xóa)
      --force      ghi đè nếu tệp sổ kỳ sau đã có`;

export const MSG_NEXT_PERIOD_CLI = {
  needOutput: "Thiếu tệp sổ kỳ sau: thêm -o <sổ-kỳ-sau.xlsx> (sổ kỳ này không bị ghi đè).",
  failed: (file: string, message: string) => `Tệp "${file}": ${message}`,
  written: (from: string, to: string, file: string) => `Đã tạo sổ ${to} (từ sổ ${from}): ${file}`,
  units: (n: number) => `Giữ ${n} trang đơn vị, số liệu đã xóa để các đơn vị nhập kỳ mới.`,
  next: (file: string) => `Nhập số liệu kỳ mới vào các ô nền vàng, rồi kiểm tra: bao-cao check "${file}"`,
} as const;

export async function nextPeriodCommand(io: NextPeriodIO, args: string[], tools: NextPeriodTools, help: () => number): Promise<number> {
  const { values, positionals } = tools.parse(args, {
    output: { type: "string", short: "o" },
    "keep-text": { type: "boolean" },
    force: { type: "boolean", short: "f" },
  } as const);
  if (values.help) return help();
  const input = tools.oneInput("next-period", positionals);
  if (!values.output) throw tools.usageError(MSG_NEXT_PERIOD_CLI.needOutput);
  const output = values.output;
  await tools.refuseInputAsOutput(output, input);
  await tools.refuseDirectory(output, "so-ky-sau.xlsx");
  tools.requireExtension(output, ".xlsx");
  await tools.checkOutput(output, { mayExist: Boolean(values.force) });

  const snapshot = await tools.readWorkbookFile(input);
  const kind = await tools.kindOfWorkbook(snapshot);
  const plan = planNextPeriod(kind.definition, kind.layout, snapshot, { keepText: Boolean(values["keep-text"]) });
  if (!plan.ok) throw tools.failure(MSG_NEXT_PERIOD_CLI.failed(input, plan.message));
  const bytes = await workbookBytes(buildNextPeriodWorkbook(plan));
  await tools.writeOutput(output, bytes);
  io.out(MSG_NEXT_PERIOD_CLI.written(periodWords(plan.from), periodWords(plan.to), output));
  if (plan.units.length) io.out(MSG_NEXT_PERIOD_CLI.units(plan.units.length));
  io.out(MSG_NEXT_PERIOD_CLI.next(output));
  return 0;
}
