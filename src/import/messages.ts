/**
 * Messages of the import of an exported table ("Nhận số liệu từ bảng", `bao-cao
 * import-figures`), in Vietnamese, shared by the command line and the task pane.
 */
import type { SourceProblem } from "./source";

const q = (s: string) => `"${s}"`;

const NUMBER_PROBLEM = {
  decimal: (shown: string) => `${q(shown)} không phải số nguyên`,
  negative: (shown: string) => `${q(shown)} là số âm`,
  text: (shown: string) => `${q(shown)} không phải số`,
} as const;

/** At most this many cells are listed; the rest are counted. */
const LISTED = 12;

export const MSG_IMPORT = {
  source: {
    biff: (file: string) =>
      `Tệp ${q(file)} là tệp Excel 97-2003 (.xls) thật, chưa đọc được. Mở tệp bằng Excel (hoặc LibreOffice Calc), chọn Tệp → Lưu thành → ` +
      `"Sổ làm việc Excel (*.xlsx)", rồi nhận số liệu từ tệp .xlsx đó.`,
    empty: (file: string) => `Tệp ${q(file)} rỗng (0 byte): hãy xuất lại bảng từ hệ thống một cửa.`,
    badXlsx: (file: string) => `Tệp ${q(file)} không đọc được như sổ Excel (.xlsx): tệp hỏng hoặc không phải bảng tính. Hãy xuất lại bảng từ hệ thống.`,
    encoding: (file: string) =>
      `Tệp ${q(file)} không ở dạng chữ UTF-8 nên tiếng Việt có thể bị sai. Mở tệp bằng Excel rồi lưu thành "Sổ làm việc Excel (*.xlsx)" ` +
      `hoặc "CSV UTF-8", rồi nhận số liệu từ tệp đó.`,
    noTable: (file: string) => `Tệp ${q(file)} không có bảng số liệu nào.`,
  } satisfies Record<SourceProblem, (file: string) => string>,

  noTableField: (title: string) => `Loại báo cáo ${q(title)} không có bảng số liệu nào để nhận.`,
  noHeader: (source: string, table: string) => `Trong ${source} không thấy dòng tiêu đề của bảng ${q(table)}.`,
  noHeaderIn: (file: string, table: string) =>
    `Không thấy bảng ${q(table)} trong tệp ${q(file)}: không có dòng tiêu đề nào có các cột như "STT", "Lĩnh vực", "Số hồ sơ nhận giải quyết", ` +
    `"Đã giải quyết", "Đang giải quyết". Hãy kiểm tra đã xuất đúng biểu (Biểu số 06) từ hệ thống một cửa.`,
  cannotMap: (source: string, reason: string, headers: string[]) =>
    `Không nhận được số liệu từ ${source}: ${reason}\nCác tiêu đề cột đã thấy (theo cột):\n${headers.map((h) => `  ${h}`).join("\n")}\n` +
    `Không ghi gì vào sổ. Hãy sửa bảng nguồn (tiêu đề cột hoặc ô được nêu) rồi nhận lại.`,
  sameColumn: (column: string, headers: string[]) => `hai cột của bảng nguồn (${headers.map(q).join(" và ")}) cùng ứng với cột ${q(column)}.`,
  noFigureColumn: "không có cột nào ứng với các cột số liệu của biểu.",
  noLabelColumn: (rowHeader: string) => `không thấy cột tên lĩnh vực (${q(rowHeader)}).`,
  missingColumns: (columns: string[]) => `thiếu cột ${columns.map(q).join(", ")} và không tính được từ các cột khác.`,
  negativeComputed: (column: string, row: string, line: number) =>
    `cột ${q(column)} tính từ các cột khác ra số âm ở dòng ${line} (${row}): các số của dòng này không khớp nhau.`,
  badNumber: (cell: string, shown: string, problem: "decimal" | "negative" | "text", header: string) =>
    `ô ${cell} (cột ${q(header)}): ${NUMBER_PROBLEM[problem](shown)}`,
  noLabel: (line: number, cell: string) => `dòng ${line} có số liệu nhưng không có tên lĩnh vực (ô ${cell}).`,
  problems: (list: string[], decimals: boolean) =>
    `\n${list
      .slice(0, LISTED)
      .map((p) => `  - ${p}`)
      .join("\n")}` +
    (list.length > LISTED ? `\n  … và ${list.length - LISTED} ô khác.` : "") +
    (decimals
      ? `\n  Số thập phân ở đây thường là số nguyên có dấu chấm hàng nghìn ("3.120") mà Excel hoặc LibreOffice đã đọc thành 3,12 khi mở tệp xuất ` +
        `theo kiểu số tiếng Anh; số đó không được nhận, cũng không tự nhân lên. Hãy nhận thẳng từ tệp hệ thống xuất ra (không mở rồi lưu lại), ` +
        `hoặc sửa các ô đó thành số nguyên đúng.`
      : ""),
  sameRow: (a: { label: string; line: number }, b: { label: string; line: number }) =>
    `lĩnh vực ${q(b.label)} có hai dòng (dòng ${a.line} và dòng ${b.line}); bảng nguồn có thể gồm nhiều cấp (sở, huyện, xã): ` +
    `chỉ giữ các dòng của đơn vị mình rồi nhận lại.`,
  noRows: (rowHeader: string) => `không có dòng số liệu nào (mỗi dòng cần tên trong cột ${q(rowHeader)} và các số).`,
  totalDiffers: (line: number, header: string, stated: string, sum: string) =>
    `Dòng tổng của bảng nguồn (dòng ${line}) ghi ${stated} ở cột ${q(header)}, nhưng cộng các dòng đã nhận được ${sum}: đã nhận theo từng dòng, hãy đối chiếu lại với hệ thống.`,
  unknownColumn: (header: string) => `Bỏ qua cột ${q(header)}: không ứng với cột nào của biểu.`,

  notReport: "Sổ này không phải sổ báo cáo (không có trang tính nào của mẫu) nên không nhận số liệu vào được.",
  rollup: "Đây là sổ tổng hợp các đơn vị: bảng số liệu của sổ là công thức cộng các trang đơn vị. Hãy nhận số liệu vào sổ báo cáo của từng đơn vị.",

  // what was done
  mapped: (header: string, column: string) => `  ${q(header)} → ${column}`,
  mappedHead: (source: string) => `Đã đọc ${source}; các cột nhận được:`,
  computedHead: (columns: string[]) => `Tính từ các cột khác (bảng nguồn không có): ${columns.map(q).join(", ")}.`,
  groupsHead: (groups: string[]) => `Bỏ qua dòng nhóm: ${groups.map(q).join(", ")}.`,
  rowsRead: (n: number) => `Nhận ${n} dòng lĩnh vực.`,
  added: (rows: string[]) => `Lĩnh vực mới, thêm vào bảng: ${rows.map(q).join(", ")}.`,
  zeroed: (rows: string[]) => `Lĩnh vực có trong sổ nhưng không có trong bảng nguồn, ghi 0: ${rows.map(q).join(", ")}.`,
} as const;

const sheetList = (sheets: string[]) => sheets.map((s) => `"${s}"`).join(", ");
const NOT_CARRIED = "những gì văn phòng thêm vào sổ (trang tính riêng, biểu đồ, ghi chú, độ rộng cột, định dạng) không được chép sang";

/** Why the workbook written by an import had to be rebuilt from the layout, and what that loses. */
export const MSG_IMPORT_FILE = {
  grown: (sheets: string[], added: number) =>
    `Bảng có thêm ${added} lĩnh vực nên các dòng của trang ${sheetList(sheets)} phải dời xuống; sổ mới được làm lại từ mẫu: ${NOT_CARRIED}. ` +
    'Muốn giữ chúng, hãy chèn trước vào bảng của sổ gốc các dòng lĩnh vực mới (ngay trên dòng "Tổng cộng") rồi nhận số liệu lại.',
  moved: (sheets: string[]) =>
    `Trang tính ${sheetList(sheets)} không còn khớp với mẫu (hàng hoặc ô đã dời chỗ), nên sổ mới được làm lại từ mẫu: ${NOT_CARRIED}.`,
  noFile: `Không có tệp sổ gốc, nên sổ mới được làm lại từ mẫu: ${NOT_CARRIED}.`,
  unreadable: `Tệp sổ gốc có phần không đọc được, nên sổ mới được làm lại từ mẫu: ${NOT_CARRIED}.`,
} as const;
