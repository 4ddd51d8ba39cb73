/**
 * Why an .xlsx file cannot be used, in Vietnamese, in one place for the command line and the
 * task pane: a file that is not a readable workbook, and a unit's file left out of a roll-up
 * (`bao-cao rollup`) or an import ("Nhập từ tệp").
 *
 * The sentences are the same for both; only who the file is differs. The command line names
 * the file in the sentence (`Tệp "don-vi/xa-a.xlsx" ...`); the pane shows the file's name
 * before the message, so the sentence says "Tệp này". What to do next is said in each one's
 * own terms (a command to run, a button or the unit's template).
 */
import { MSG_FILE } from "../report/messages";
import type { RollupRejection } from "./unit-workbook";
import type { XlsxFormatError, XlsxFormatProblem } from "./xlsx-read";

/** Where a message is shown: "cli" names the file in the sentence, "pane" shows its name before it. */
export type FileSurface = "cli" | "pane";

const quote = (s: string) => `"${s}"`;

/** The file as the sentence's subject. */
const subject = (file: string, surface: FileSurface) => (surface === "cli" ? `Tệp ${quote(file)}` : "Tệp này");
/** Before a message that is not about the file (a unit name Excel refuses, an unknown kind): the file, on the command line. */
const about = (file: string, surface: FileSurface) => (surface === "cli" ? `Tệp ${quote(file)}: ` : "");
/** The workbook the units go into. */
const target = (surface: FileSurface) => (surface === "cli" ? "sổ tổng hợp" : "sổ đang mở");
/** Doing it again. */
const again = (surface: FileSurface) => (surface === "cli" ? "tổng hợp lại" : "nhập lại");
/** How a unit's workbook is made. */
const howUnit = (surface: FileSurface) =>
  surface === "cli" ? 'Sổ đơn vị tạo bằng: bao-cao template --unit "Tên đơn vị" -o don-vi.xlsx' : "Đơn vị cần điền số liệu vào sổ mẫu dành cho đơn vị.";

const FORMAT: Record<XlsxFormatProblem, (s: string, info: XlsxFormatError["info"], detail?: string) => string> = {
  empty: (s) => `${s} rỗng (0 byte), không phải sổ Excel .xlsx.`,
  ole: (s) =>
    `${s} là sổ Excel 97-2003 (.xls) hoặc sổ .xlsx có đặt mật khẩu; chỉ đọc được sổ .xlsx không mật khẩu. ` +
    `Hãy mở tệp bằng Excel, bỏ mật khẩu nếu có, rồi Lưu thành (Save As) kiểu "Sổ làm việc Excel (*.xlsx)".`,
  notZip: (s) => `${s} không phải sổ Excel .xlsx (có thể là tệp văn bản, CSV, HTML hay PDF bị đổi đuôi).`,
  corruptZip: (s) => `${s} bị hỏng hoặc chưa chép, tải về hết: không mở được như một sổ Excel .xlsx.`,
  docx: (s) => `${s} là văn bản Word (.docx), không phải sổ Excel .xlsx.`,
  pptx: (s) => `${s} là bản trình chiếu PowerPoint, không phải sổ Excel .xlsx.`,
  ods: (s) => `${s} là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx.`,
  xlsb: (s) => `${s} là sổ Excel nhị phân (.xlsb). Hãy mở bằng Excel và lưu lại dạng .xlsx.`,
  notWorkbook: (s) => `${s} là tệp nén nhưng không chứa sổ Excel, không phải .xlsx.`,
  corruptWorkbook: (s, _info, detail) => `${s} có cấu trúc sổ Excel bị hỏng, không đọc được.${detail ? ` Chi tiết: ${detail}` : ""}`,
  tooLarge: (s, info) => `${s} bị từ chối: ${MSG_FILE.tooLarge(info.breach)}`,
  unsafeXml: (s, info) => `${s} bị từ chối: ${MSG_FILE.unsafeXml(info.part)}`,
};

export const MSG_XLSX_FILE = {
  /**
   * A file that is not a readable .xlsx workbook. `detail` (what the XML or zip reader said)
   * is shown on the command line only, where it helps a report to the developers.
   */
  unreadable: (problem: XlsxFormatProblem, file: string, surface: FileSurface, info: XlsxFormatError["info"] = {}, detail?: string) =>
    FORMAT[problem](subject(file, surface), info, surface === "cli" ? detail : undefined),
  /** after a broken unit's file: what can be done about it */
  askUnitAgain: "Hãy xin đơn vị gửi lại tệp.",
  /** a message about the file that does not name it (an unknown kind of report) */
  about: (file: string, surface: FileSurface, message: string) => `${about(file, surface)}${message}`,
} as const;

/** Why a unit's file, or one unit of it, is left out of a roll-up or an import. */
export function rejectionMessage(r: RollupRejection, surface: FileSurface): string {
  const s = subject(r.file, surface);
  switch (r.reason) {
    case "unreadable":
      return r.message;
    case "report":
      return `${s} là sổ báo cáo (có các trang tính của mẫu báo cáo), không phải sổ số liệu của một đơn vị. ${howUnit(surface)}`;
    case "none":
      return (
        `${s} không phải sổ số liệu của đơn vị: không có trang tính nào mang dấu nhận biết trang đơn vị` +
        `${r.marker ? ` (${quote(r.marker)} ở ô ${r.cell ?? "F1"})` : ` (ô ${r.cell ?? "F1"})`}. ${howUnit(surface)}`
      );
    case "otherKind":
      return (
        `${s} là sổ của loại báo cáo ${quote(r.found)}, không cùng loại với ${target(surface)} (${quote(r.expected)}); ` +
        `không trộn các loại báo cáo trong một lần tổng hợp.`
      );
    case "rows": {
      const where = `trang ${quote(r.sheet)}${r.cell ? `, ô ${r.cell}` : `, dòng ${r.row} của bảng`}`;
      return r.kind === "duplicate"
        ? `${s}, đơn vị ${quote(r.unitName)}: bảng ${quote(r.table)} ghi lĩnh vực ${quote(r.label ?? "")} hai lần (dòng ${r.firstRow} và dòng ${r.row} của bảng, ${where}), ` +
            `nên không biết cộng dòng nào vào tổng hợp. Gộp số liệu của hai dòng vào một dòng, xóa dòng kia, rồi ${again(surface)}.`
        : `${s}, đơn vị ${quote(r.unitName)}: bảng ${quote(r.table)} có số liệu ở dòng chưa ghi tên lĩnh vực (${where}), ` +
            `nên không biết cộng vào dòng nào của tổng hợp. Ghi tên lĩnh vực vào ô đó (hoặc xóa số liệu của dòng), rồi ${again(surface)}.`;
    }
    case "duplicate":
      return `${s} có đơn vị ${quote(r.unitName)} trùng với tệp ${quote(r.firstFile)} (đã lấy số liệu từ tệp đó).`;
    case "badName":
      return `${about(r.file, surface)}${r.message}`;
  }
}
