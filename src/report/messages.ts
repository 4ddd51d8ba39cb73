/**
 * Every message the checks show to users, in Vietnamese, in one place so that wording
 * can be read and corrected together.
 */
const fmt = (v: unknown): string => (typeof v === "string" ? `"${v}"` : String(v));

export const MSG = {
  missingSheet: (sheet: string) => `Thiếu trang tính "${sheet}" của mẫu báo cáo. Bấm "Tạo mẫu" để tạo lại (dữ liệu đã nhập ở các trang khác được giữ nguyên).`,
  brokenName: (label: string, name: string) =>
    `Tên vùng ${name} (${label}) không còn trỏ tới ô nào (#REF!), có thể do đã xóa dòng hoặc trang tính. Bấm "Tạo mẫu" để tạo lại.`,
  required: (label: string) => `Chưa nhập "${label}".`,
  errorValue: (label: string, err: string) => `Ô "${label}" đang báo lỗi ${err}. Sửa công thức hoặc nhập lại giá trị.`,
  countEmpty: (label: string) => `Chưa nhập "${label}". Không có thì nhập 0.`,
  countText: (label: string, v: unknown) => `"${label}" phải là số nguyên, không phải chữ: ${fmt(v)}.`,
  countNotWhole: (label: string, v: number) => `"${label}" phải là số nguyên, không được có phần thập phân: ${v}.`,
  countNegative: (label: string, v: number) => `"${label}" không được là số âm: ${v}.`,
  notNumber: (label: string, v: unknown) => `"${label}" phải là một số: ${fmt(v)}.`,
  monthRange: (v: unknown) => `Tháng phải là số nguyên từ 1 đến 12, không phải ${fmt(v)}.`,
  yearRange: (v: unknown) => `Năm ${fmt(v)} không hợp lệ: nhập năm có bốn chữ số, từ 2000 đến 2100.`,
  yearFar: (v: number, now: number) => `Năm ${v} cách xa năm hiện tại (${now}); kiểm tra lại năm báo cáo.`,
  dayRange: (v: unknown) => `Ngày phải là số nguyên từ 1 đến 31, hoặc để trống, không phải ${fmt(v)}.`,
  dayNotInMonth: (d: number, m: number, y: number) => `Tháng ${m} năm ${y} không có ngày ${d}.`,
  textNotText: (label: string, v: unknown) => `"${label}" phải là chữ: ${fmt(v)}.`,
  emptyList: (label: string) => `Phần "${label}" chưa có nội dung; mục này sẽ để trống trong báo cáo.`,
  sumGreater: (totalLabel: string, total: number, parts: string, sum: number) => `Tổng ${parts} là ${sum}, lớn hơn "${totalLabel}" (${total}).`,
  sumLess: (totalLabel: string, total: number, parts: string, sum: number) =>
    `Tổng ${parts} là ${sum}, nhỏ hơn "${totalLabel}" (${total}); còn ${total - sum} chưa được phân loại.`,
  notIncreasing: (label: string, v: number, prevLabel: string, prev: number) => `"${label}" (${v}) lớn hơn "${prevLabel}" (${prev}).`,
  noiNhanEnd: (line: string) => `Dòng nơi nhận "${line}" nên kết thúc bằng dấu chấm phẩy (;).`,
  periodUnknown: (v: string, choices: string[]) => `Kỳ báo cáo "${v}" không hợp lệ; chọn một trong: ${choices.join(", ")}.`,
  dateInvalid: (label: string, v: unknown) =>
    `"${label}" phải là ngày tháng dạng ngày/tháng/năm (ví dụ 15/6/2025), không phải ${fmt(v)}; để trống thì tính theo Nghị định 09/2019.`,
  dateOrder: () => `Ngày kết thúc kỳ số liệu trước ngày bắt đầu.`,
  periodStale: (label: string, words: string[], period: string) =>
    `"${label}" ghi ${words.map((w) => `"${w}"`).join(", ")}, không phải kỳ của báo cáo này (${period}). Sửa lại cho đúng kỳ; sổ tạo bằng "Kỳ mới" được sửa tự động.`,
  noiNhanLast: (line: string) => `Dòng nơi nhận cuối cùng "${line}" nên kết thúc bằng dấu chấm (.), ví dụ "Lưu: VT.".`,
} as const;

/** Messages of the roll-up of units. */
/** The per-unit sheet of a summary (src/workbook/unit-results.ts). */
export const MSG_UNIT_RESULTS = {
  outOfStep: (sheet: string, missing: string[], extra: string[]) => {
    const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
    const parts = [
      ...(missing.length ? [`chưa có đơn vị ${list(missing)}`] : []),
      ...(extra.length ? [`còn đơn vị ${list(extra)} không có trang đơn vị`] : []),
    ];
    return (
      `Trang "${sheet}" không khớp với các trang đơn vị: ${parts.join("; ")}. Các câu và phụ lục theo đơn vị của báo cáo lấy số từ trang này. ` +
      `Tổng hợp lại bằng lệnh "bao-cao rollup", hoặc xóa trang "${sheet}" (báo cáo khi đó không có phần theo đơn vị).`
    );
  },
} as const;

export const MSG_UNITS = {
  expectedMissing: (unit: string, list: string) =>
    `Đơn vị "${unit}" có trong danh sách ở trang "${list}" nhưng chưa có trang số liệu trong sổ (chưa gửi số liệu). Thêm số liệu của đơn vị (nút "Nhập từ tệp" hoặc "Thêm đơn vị"), hoặc xóa tên khỏi danh sách nếu đơn vị không phải gửi.`,
  expectedEmpty: (unit: string, sheet: string) =>
    `Đơn vị "${unit}" đã có trang "${sheet}" nhưng chưa nhập số liệu nào (chưa gửi số liệu). Nhập số liệu của đơn vị vào các ô nền vàng của trang "${sheet}".`,
  notExpected: (unit: string, list: string) =>
    `Đơn vị "${unit}" không có trong danh sách đơn vị ở trang "${list}". Sửa tên đơn vị ở ô này cho đúng tên trong danh sách, hoặc thêm đơn vị vào danh sách.`,
  bookendsMissing: () =>
    'Thiếu trang mốc "DonViDau" hoặc "DonViCuoi" (hoặc đặt sai thứ tự): các trang đơn vị phải nằm giữa hai trang này để được cộng. Bấm "Tổng hợp" để sắp xếp lại.',
  unitOutside: (sheet: string) =>
    `Trang đơn vị "${sheet}" nằm ngoài khoảng giữa "DonViDau" và "DonViCuoi" nên không được cộng vào tổng hợp. Kéo trang vào giữa hai trang mốc hoặc bấm "Tổng hợp" để sắp xếp lại.`,
  intruder: (sheet: string) =>
    `Trang tính "${sheet}" không phải trang đơn vị nhưng nằm giữa "DonViDau" và "DonViCuoi", nên số liệu của nó sẽ bị cộng vào tổng hợp. Kéo trang ra ngoài khoảng này.`,
  bookendValue: (sheet: string) => `Trang mốc "${sheet}" có số liệu ở ô số liệu; số này sẽ bị cộng vào tổng hợp. Xóa số liệu ở trang mốc.`,
  typedSummary: (label: string) =>
    `Ô tổng hợp "${label}" đang là số nhập tay, không phải công thức cộng các đơn vị. Bấm "Tổng hợp" để thay bằng công thức (add-in sẽ hỏi trước khi ghi đè).`,
  formulaNotComputed: (label: string) => `Ô "${label}" có công thức chưa được tính (tệp chưa mở bằng Excel). Mở tệp bằng Excel, lưu lại rồi thử lại.`,
} as const;

/** Messages of table fields (e.g. Biểu số 06). */
export const MSG_TABLE = {
  rowNumber: (n: number) => `dòng thứ ${n}`,
  notWhole: (row: string, column: string, v: number) => `Dòng "${row}", cột ${column}: phải là số nguyên, không có phần thập phân: ${v}.`,
  negative: (row: string, column: string, v: number) => `Dòng "${row}", cột ${column}: không được là số âm: ${v}.`,
  tooLarge: (row: string, column: string, v: number) => `Dòng "${row}", cột ${column}: số ${v} quá lớn.`,
  text: (row: string, column: string, v: unknown) => `Dòng "${row}", cột ${column}: phải là số nguyên, không phải chữ: ${fmt(v)}.`,
  rowLabel: (n: number) => `Dòng thứ ${n} của bảng có số liệu nhưng chưa có tên lĩnh vực.`,
  rowEmpty: (row: string) => `Dòng "${row}" chưa có số liệu nào; không phát sinh hồ sơ thì nhập 0, không dùng thì xóa dòng.`,
  blank: (row: string, columns: string[]) => `Dòng "${row}" còn trống ở cột ${columns.join(", ")}; không có thì nhập 0.`,
  rowTwice: (row: string, first: number, again: number) => `Lĩnh vực "${row}" có hai lần trong bảng (dòng thứ ${first} và ${again}).`,
  overwritten: (row: string, column: string, v: unknown, formula: string) =>
    `Dòng "${row}", cột ${column}: ô tính bằng công thức đã bị gõ đè (số ${fmt(v)} gõ tay, không tự cộng nữa). Xóa số đã gõ và nhập lại công thức ${formula}.`,
  formulaDeleted: (row: string, column: string, formula: string) =>
    `Dòng "${row}", cột ${column}: ô tính bằng công thức đã bị xóa. Nhập lại công thức ${formula}.`,
  identity: (row: string, left: string, l: number, right: string, r: number) =>
    `Dòng "${row}": ${left} là ${l}, nhưng ${right} là ${r}; hai bên phải bằng nhau.`,
  /** left is more than right, and the rule says what the excess is ("hồ sơ trả lại hoặc rút") */
  excess: (row: string, left: string, l: number, right: string, r: number, excess: string) =>
    `Dòng "${row}": ${left} là ${count(l)}, lớn hơn ${right} là ${count(r)}: chênh lệch ${count(l - r)} được tính là ${excess}. Nếu không phải vậy, sửa số liệu cho hai bên bằng nhau.`,
  belowTotal: (total: string, row: number, label: string) =>
    `Dòng ${row}${label ? ` ("${label}")` : ""} nằm dưới dòng "${total}" nên không được tính vào bảng và báo cáo. Chèn một dòng ngay trên dòng "${total}", chuyển nội dung dòng ${row} lên đó rồi xóa dòng ${row}.`,
  totalShort: (total: string, from: number, to: number, formula: string) =>
    `Dòng "${total}" chưa cộng ${from === to ? `dòng ${from}` : `các dòng ${from}–${to}`} vừa thêm vào bảng (báo cáo vẫn tính các dòng này). Bấm "Kiểm tra" trong Excel để tự sửa, hoặc sửa công thức thành ${formula} và kéo sang các cột bên phải.`,
} as const;

/** A size in bytes as users read it: "800 MB", "1,5 MB", "20 KB", "300 byte". */
export function fileSize(n: number): string {
  const MB = 1024 * 1024;
  if (n >= MB) return `${n >= 10 * MB ? Math.round(n / MB) : String(Math.round((n / MB) * 10) / 10).replace(".", ",")} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} byte`;
}

const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** What a limit of the .xlsx reader's zip guard (src/workbook/zip-guard.ts) was gone beyond; mirrors ZipLimitBreach. */
export type FileLimitBreach =
  | { kind: "part"; part: string; size: number; limit: number }
  | { kind: "total"; size: number; limit: number }
  | { kind: "entries"; size: number; limit: number }
  | { kind: "ratio"; part: string; size: number; compressed: number; limit: number }
  | { kind: "inflated"; part: string; size: number; limit: number }
  | { kind: "budget"; size: number; limit: number };

/**
 * Why an .xlsx file is refused rather than read, for the command line ("Tệp "x.xlsx" bị từ
 * chối: …") and the task pane's import alike.
 */
export const MSG_FILE = {
  tooLarge: (b: FileLimitBreach | undefined): string => {
    const real = "(sổ thật dưới 1 MB)";
    switch (b?.kind) {
      case "part":
        return `phần "${b.part}" khai báo ${fileSize(b.size)} khi giải nén, vượt giới hạn ${fileSize(b.limit)} của một sổ báo cáo ${real}.`;
      case "total":
        return `các phần của tệp khai báo tổng cộng ${fileSize(b.size)} khi giải nén, vượt giới hạn ${fileSize(b.limit)} của một sổ báo cáo ${real}.`;
      case "entries":
        return `tệp nén có ${count(b.size)} phần, vượt giới hạn ${count(b.limit)} phần của một sổ báo cáo (sổ thật chỉ có vài chục phần).`;
      case "ratio":
        return `phần "${b.part}" khai báo ${fileSize(b.size)} khi giải nén nhưng chỉ chiếm ${fileSize(b.compressed)} trong tệp nén (gấp hơn ${b.limit} lần): dấu hiệu của "bom nén" (zip bomb) làm treo máy.`;
      case "inflated":
        return `phần "${b.part}" giải nén ra hơn ${fileSize(b.limit)} đã khai báo trong tệp nén: tệp bị làm giả (có thể là "bom nén") hoặc bị hỏng.`;
      case "budget":
        return `các phần cần đọc giải nén ra hơn ${fileSize(b.limit)}, vượt giới hạn của một sổ báo cáo ${real}.`;
      default:
        return `tệp quá lớn so với một sổ báo cáo ${real}.`;
    }
  },
  unsafeXml: (part: string | undefined): string =>
    `phần ${part ? `"${part}" ` : ""}có khai báo DOCTYPE hoặc ENTITY, thứ Excel không bao giờ ghi: tệp có thể đã bị làm giả để tấn công nên không được đọc.`,
} as const;

/** Messages of a sheet whose rows or columns moved away from the layout the roll-up formulas assume. */
export const MSG_LAYOUT = {
  rowsMoved: (sheet: string, by: number, row: number) =>
    by > 0
      ? `Trang "${sheet}" đã bị chèn ${by} dòng từ dòng ${row}: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Xóa dòng đã chèn, hoặc nhập lại đơn vị từ tệp.`
      : `Trang "${sheet}" đã bị xóa ${-by} dòng từ dòng ${row}: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Hoàn tác việc xóa (Ctrl+Z), hoặc nhập lại đơn vị từ tệp.`,
  columnsMoved: (sheet: string, by: number, column: string) =>
    by > 0
      ? `Trang "${sheet}" đã bị chèn ${by} cột từ cột ${column}: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Xóa cột đã chèn, hoặc nhập lại đơn vị từ tệp.`
      : `Trang "${sheet}" đã bị xóa ${-by} cột từ cột ${column}: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Hoàn tác việc xóa (Ctrl+Z), hoặc nhập lại đơn vị từ tệp.`,
  moved: (sheet: string, cell: string) =>
    `Trang "${sheet}" đã bị chèn hoặc xóa dòng, cột từ ô ${cell}: các ô số liệu không còn ở chỗ công thức tổng hợp cộng. Hoàn tác thay đổi đó, hoặc nhập lại đơn vị từ tệp.`,
} as const;

/** Messages of the cross-check of the roll-up: a summary cell against the sum of the units' figures. */
export const MSG_CROSS = {
  misplaced: (label: string, value: number, expected: number, unitCell: string, named: string[], more: number) =>
    `Ô tổng hợp "${label}" là ${value}, nhưng cộng số liệu của các đơn vị được ${expected}: công thức cộng ô ${unitCell} của từng trang, mà ở ${named.join("; ")}${more > 0 ? ` và ${more} trang khác` : ""}. Sửa các trang đó (xem lỗi trên từng trang) hoặc nhập lại đơn vị từ tệp.`,
  figureElsewhere: (unit: string, added: number, figure: number, cell: string) => `trang "${unit}" ô đó là ${added} còn số liệu nằm ở ô ${cell} (${figure})`,
  figureNotFound: (unit: string, added: number) => `trang "${unit}" ô đó là ${added} và không tìm thấy dòng của chỉ tiêu này`,
  notUnit: (sheet: string, added: number) => `trang "${sheet}" không phải trang đơn vị nhưng có số ${added} ở ô đó`,
  /** a table's cell: its row by label ("Hộ tịch") or, without one, by number */
  tableCell: (label: string, row: string | number, column: string) =>
    `${label}, ${typeof row === "number" ? `dòng thứ ${row}` : `dòng "${row}"`}, cột ${column}`,
  /** after `misplaced`, for a table whose unit sheets do not all have the summary's lĩnh vực in the same order */
  realign:
    'Nếu đơn vị đã thêm, bớt hoặc đổi thứ tự lĩnh vực trong bảng, bấm "Tổng hợp" (hoặc chạy lại bao-cao rollup) để đưa mọi trang về cùng danh sách dòng.',
  notRecalculated: (label: string, value: number, expected: number) =>
    `Ô tổng hợp "${label}" là ${value}, nhưng cộng số liệu của các đơn vị được ${expected}: bảng tính chưa được tính lại. Bấm Công thức ▸ Tính toán ngay (F9) rồi kiểm tra lại.`,
} as const;
