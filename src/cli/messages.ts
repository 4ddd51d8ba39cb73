/**
 * Every message of the command line, in Vietnamese, in one place: the usage text of each
 * command (the registry puts them together for `bao-cao --help`), the failures, the results.
 * Why an .xlsx file cannot be read, or a unit's file is left out of a roll-up, is said in
 * src/workbook/file-messages.ts, shared with the task pane.
 */
import * as path from "node:path";
import type { Problem } from "../report/types";

export const q = (file: string) => `"${file}"`;

/** The usage text's first lines, before the commands. */
export const USAGE_HEAD = `bao-cao — lập báo cáo về thủ tục hành chính (báo cáo tháng về cải cách TTHC,
báo cáo quý, 6 tháng, năm về giải quyết TTHC, …) từ sổ Excel (.xlsx), trình bày theo
Nghị định 30/2020/NĐ-CP.`;

/** The usage text's last lines, after the commands. */
export const USAGE_TAIL = `  bao-cao --help       in hướng dẫn này
  bao-cao --version    in số phiên bản

Mã thoát: 0 thành công; 1 sổ có lỗi hoặc không đọc, ghi được tệp; 2 gọi lệnh sai cách.`;

/** Each command's lines in the usage text. */
export const USAGE_OF = {
  kinds: `  bao-cao kinds
      In các loại báo cáo có sẵn: mỗi dòng một mã loại và tên.`,
  definition: `  bao-cao definition <mã loại>
      In định nghĩa (JSON) của một loại báo cáo: điểm xuất phát để cơ quan tự
      sửa đề cương, chỉ tiêu của mình rồi dùng với template --definition.`,
  template: `  bao-cao template -o <sổ.xlsx> [--kind <mã loại> | --definition <tệp.json>]
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
                 {"units": [{"name": ..., "values": {...}}]}, hoặc {"values": {...}}`,
  rollup: `  bao-cao rollup -o <tổng-hợp.xlsx> <sổ-đơn-vị.xlsx>... [--base <sổ.xlsx>] [--expected <danh-sách.txt>] [--force]
      Tổng hợp sổ của các đơn vị: sổ mới có các trang của mẫu, mỗi đơn vị một
      trang nằm giữa hai trang mốc DonViDau và DonViCuoi, và công thức cộng
      =SUM(DonViDau:DonViCuoi!C5) ở mọi ô số liệu được tổng hợp (cả từng ô của bảng).
      Loại báo cáo lấy theo --base, hoặc theo sổ đơn vị đầu tiên; sổ đơn vị
      của loại khác bị bỏ qua. Bảng được cộng theo lĩnh vực: lĩnh vực đơn vị
      có mà sổ tổng hợp chưa có thành dòng mới (trước "Lĩnh vực khác"), mọi
      trang đơn vị có cùng danh sách dòng, đơn vị không có lĩnh vực đó ghi 0.
      Có thể ghi một thư mục (lấy mọi tệp .xlsx trong đó) hoặc mẫu như don-vi/*.xlsx.
      Tệp không phải sổ đơn vị, đơn vị trùng tên, tệp hỏng được báo rồi bỏ qua;
      các tệp còn lại vẫn được tổng hợp (mã thoát 1 nếu có tệp bị bỏ qua).
      --base     lấy phần thông tin chung và các phần lời văn từ sổ báo cáo này
      --expected danh sách đơn vị phải gửi số liệu (tệp văn bản, mỗi dòng một tên):
                 ghi vào trang "Danh sách đơn vị" của sổ tổng hợp, báo đơn vị
                 chưa có sổ hoặc sổ chưa có số liệu, và đơn vị không có trong danh
                 sách (tên so không phân biệt hoa thường, khoảng trắng, có hay không
                 "Xã", "Phường", "Thị trấn", "UBND")
      --kind, --definition  loại báo cáo của sổ tổng hợp (như ở lệnh template)
      --force    ghi đè nếu tệp tổng hợp đã có`,
  check: `  bao-cao check <sổ.xlsx> [--json]
      Kiểm tra sổ báo cáo, sổ tổng hợp (cả từng trang đơn vị) hoặc sổ đơn vị:
      mỗi lỗi, cảnh báo một dòng "Trang tính!Ô: nội dung", lỗi trước.
      --json     in kết quả dạng JSON`,
  export: `  bao-cao export <sổ.xlsx> [-o <báo-cáo.docx>]
      Xuất báo cáo Word khi sổ (sổ báo cáo hoặc sổ tổng hợp) không còn lỗi.
      Không có -o: ghi tệp theo loại và kỳ báo cáo (ví dụ bao-cao-cctthc-thang-11-2024.docx)
      cùng thư mục với sổ.`,
  "next-period": `  bao-cao next-period <sổ.xlsx> -o <sổ-kỳ-sau.xlsx> [--keep-text] [--force]
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
      --force      ghi đè nếu tệp sổ kỳ sau đã có`,
  "fix-text": `  bao-cao fix-text <sổ.xlsx> -o <bản-sửa.xlsx> [--force]
      Chuyển chữ mã cũ TCVN3 (ABC, phông .VnTime) và VNI-Windows (phông VNI-Times)
      sang Unicode, đặt phông Times New Roman cho các ô đó; mọi thứ khác giữ nguyên.
      Ghi ra bản sao (không bao giờ ghi đè tệp gốc); in mỗi ô đã đổi một dòng.
      --force    ghi đè nếu tệp bản sửa đã có`,
  "import-figures": `  bao-cao import-figures <sổ.xlsx> <bảng-nguồn> -o <sổ-mới.xlsx> [--force]
      Nhận số liệu Biểu 06 từ bảng xuất của hệ thống một cửa (.xlsx, .csv, hoặc
      bảng HTML lưu tên .xls) vào sổ báo cáo: cột nhận theo chữ ở tiêu đề (thứ tự,
      cách ghi tùy hệ thống), dòng nhận theo tên lĩnh vực; lĩnh vực mới thêm dòng,
      lĩnh vực không có trong bảng nguồn ghi 0. Bỏ qua STT, cột tỷ lệ, dòng nhóm,
      dòng tổng (đối chiếu với tổng các dòng). Bảng nguồn có chỗ không nhận được
      thì dừng, không ghi gì. Sổ gốc giữ nguyên.
      --force    ghi đè nếu tệp sổ mới đã có`,
} as const;

export const M = {
  seeHelp: "Xem hướng dẫn: bao-cao --help",
  noCommand: "Chưa nhập lệnh.",
  unknownCommand: (c: string, commands: string[]) => `Lệnh không hợp lệ: ${q(c)}. Các lệnh: ${commands.join(", ")}.`,
  definitionNeedsId: "Lệnh definition cần mã loại báo cáo, ví dụ: bao-cao definition bao-cao-cctthc-thang (xem bao-cao kinds).",
  kindAndDefinition: "Chỉ dùng một trong hai: --kind (loại có sẵn) hoặc --definition (định nghĩa riêng).",
  noSample: (id: string) => `Loại báo cáo ${q(id)} không có số liệu mẫu; bỏ --sample hoặc dùng --data.`,
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
  cannotRead: (f: string, detail: string) => `Không đọc được tệp ${q(f)}. Chi tiết: ${detail}`,
  notReportWorkbook: (f: string, sheets: string[]) =>
    `Tệp ${q(f)} không phải sổ báo cáo: không có trang tính nào của mẫu (${sheets.join(", ")}). ` + `Tạo sổ mẫu bằng: bao-cao template -o so-bao-cao.xlsx`,
  unitNotExportable: (f: string, units: string[]) =>
    `Tệp ${q(f)} là sổ đơn vị (${units.map(q).join(", ")}), không có phần thông tin chung của báo cáo nên không xuất được báo cáo Word. ` +
    `Hãy tổng hợp trước: bao-cao rollup -o tong-hop.xlsx ${q(f)} --base so-bao-cao.xlsx, rồi xuất sổ tổng hợp.`,
  baseNotReport: (f: string) => `Sổ nền ${q(f)} (--base) không phải sổ báo cáo; --base cần một sổ tạo bằng bao-cao template.`,
  cannotReadData: (f: string, detail: string) => `Không đọc được tệp dữ liệu ${q(f)}. Chi tiết: ${detail}`,

  outputIsInput: (f: string) => `Không ghi đè lên chính tệp đầu vào ${q(f)}. Chọn tên tệp khác sau -o.`,
  outputIsDirectory: (f: string, example: string) => `${q(f)} là một thư mục; ghi cả tên tệp sau -o, ví dụ ${path.join(f, example)}.`,
  outputExists: (f: string) => `Tệp ${q(f)} đã có. Thêm --force để ghi đè (dữ liệu trong tệp cũ sẽ mất), hoặc chọn tên khác.`,
  noDirectory: (d: string) => `Thư mục ${q(d)} không tồn tại; hãy tạo thư mục trước hoặc chọn nơi ghi khác.`,
  noWritePermission: (f: string) => `Không ghi được tệp ${q(f)}: không có quyền ghi, hoặc tệp đang mở trong Word, Excel.`,
  diskFull: (f: string) => `Không ghi được tệp ${q(f)}: ổ đĩa đã đầy.`,
  cannotWrite: (f: string, detail: string) => `Không ghi được tệp ${q(f)}. Chi tiết: ${detail}`,

  templateWritten: (f: string, sample: boolean) => `Đã tạo sổ báo cáo${sample ? " (có số liệu mẫu)" : ""}: ${f}`,
  templateNext: (f: string) => `Nhập số liệu vào các ô nền vàng, rồi kiểm tra: bao-cao check ${q(f)}`,
  unitWritten: (unit: string, sheet: string, f: string) => `Đã tạo sổ đơn vị ${q(unit)} (trang tính ${q(sheet)}): ${f}`,
  unitRenamed: (unit: string, sheet: string) =>
    `Tên trang tính được đặt lại theo quy tắc của Excel (tối đa 31 ký tự, không có : \\ / ? * [ ]): ${q(unit)} → ${q(sheet)}.`,
  unitNext: (f: string) => `Gửi sổ cho đơn vị nhập số liệu vào các ô nền vàng; khi nhận lại, tổng hợp: bao-cao rollup -o tong-hop.xlsx ${q(f)} ...`,
  unitWorkbook: (units: string[]) => `Sổ đơn vị: ${units.map(q).join(", ")}.`,
  rollupProgress: (done: number, total: number) => `Đã đọc ${done}/${total} tệp…`,
  skipped: (message: string) => `Bỏ qua: ${message}`,
  noFileMatches: (pattern: string) => `Không có tệp .xlsx nào khớp với ${q(pattern)}.`,
  emptyDirectory: (d: string) => `Thư mục ${q(d)} không có tệp .xlsx nào.`,
  rollupWritten: (n: number, f: string) => `Đã tổng hợp ${n} đơn vị vào sổ: ${f}`,
  rollupSheetRenamed: (unit: string, sheet: string) => `Đơn vị ${q(unit)} nằm ở trang tính ${q(sheet)} (tên trang tính theo quy tắc của Excel).`,
  rollupNoBase: "Sổ tổng hợp chưa có phần thông tin chung và lời văn: nhập vào các trang của mẫu, hoặc tạo lại với --base <sổ báo cáo>.",
  rollupNext: (f: string) => `Kiểm tra sổ tổng hợp (cả từng đơn vị): bao-cao check ${q(f)}`,
  rollupPartial: (skipped: number, total: number) =>
    `Đã ghi sổ tổng hợp nhưng bỏ qua ${skipped} trong ${total} tệp (xem các dòng "Bỏ qua" ở trên); sửa hoặc thay các tệp đó rồi tổng hợp lại.`,
  expectedNotText: (f: string) =>
    `Tệp danh sách đơn vị ${q(f)} không phải văn bản UTF-8. Lưu lại tệp dạng văn bản (Notepad: Lưu thành, Mã hóa UTF-8), mỗi dòng một tên đơn vị, rồi chạy lại.`,
  expectedNotDeclared: (f: string, kind: string) =>
    `Cảnh báo: loại báo cáo "${kind}" không khai báo trang danh sách đơn vị ("units.expected" trong định nghĩa), nên danh sách ${q(f)} không được dùng.`,
  expectedEmptyList: (f: string) => `Tệp danh sách đơn vị ${q(f)} không có tên đơn vị nào. Ghi mỗi dòng một tên đơn vị, rồi chạy lại.`,
  expectedDuplicate: (f: string, name: string, line: number, first: number) =>
    `Cảnh báo: tệp ${q(f)}, dòng ${line}: đơn vị ${q(name)} đã có ở dòng ${first}; chỉ tính một lần.`,
  expectedMissing: (name: string, f: string) =>
    `Cảnh báo: đơn vị ${q(name)} có trong danh sách ${q(f)} nhưng không có sổ nào trong các tệp đã tổng hợp (chưa gửi số liệu).`,
  expectedEmpty: (name: string, file: string) =>
    `Cảnh báo: đơn vị ${q(name)} có trong danh sách nhưng sổ của đơn vị (${q(file)}) chưa nhập số liệu nào (chưa gửi số liệu).`,
  notExpected: (name: string, file: string, f: string) =>
    `Cảnh báo: đơn vị ${q(name)} (tệp ${q(file)}) không có trong danh sách ${q(f)}: kiểm tra lại tên đơn vị trong sổ hoặc thêm vào danh sách. Số liệu của đơn vị vẫn được tổng hợp.`,
  expectedWritten: (n: number, sheet: string, notSent: number) =>
    `Đã ghi danh sách ${n} đơn vị vào trang ${q(sheet)} của sổ tổng hợp; ${notSent ? `còn ${notSent} đơn vị chưa gửi số liệu.` : "đơn vị nào cũng đã gửi số liệu."}`,
  rollupNothing: (total: number) => `Không có đơn vị nào dùng được trong ${total} tệp; chưa ghi sổ tổng hợp.`,
  exportRefused: (n: number) => `Chưa xuất báo cáo: sổ còn ${n} lỗi. Sửa các lỗi trên rồi chạy lại.`,
  exportWritten: (f: string) => `Đã ghi báo cáo: ${f}`,
  unexpected: (detail: string) => `bao-cao gặp lỗi không mong muốn, xin báo cho người phát triển. Chi tiết: ${detail}`,
};

/** "2 lỗi, 1 cảnh báo." / "Không có lỗi." / "Không có lỗi, 1 cảnh báo." */
export function problemSummary(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const head = errors ? `${errors} lỗi` : "Không có lỗi";
  return warnings ? `${head}, ${warnings} cảnh báo.` : `${head}.`;
}

export const MSG_NEXT_PERIOD_CLI = {
  needOutput: "Thiếu tệp sổ kỳ sau: thêm -o <sổ-kỳ-sau.xlsx> (sổ kỳ này không bị ghi đè).",
  failed: (file: string, message: string) => `Tệp "${file}": ${message}`,
  written: (from: string, to: string, file: string) => `Đã tạo sổ ${to} (từ sổ ${from}): ${file}`,
  units: (n: number) => `Giữ ${n} trang đơn vị, số liệu đã xóa để các đơn vị nhập kỳ mới.`,
  next: (file: string) => `Nhập số liệu kỳ mới vào các ô nền vàng, rồi kiểm tra: bao-cao check "${file}"`,
} as const;

export const MSG_IMPORT_CLI = {
  needFiles: "Lệnh import-figures cần sổ báo cáo và bảng nguồn, ví dụ: bao-cao import-figures so-bao-cao.xlsx bieu-06.xls -o so-moi.xlsx",
  tooMany: (extra: string[]) => `Lệnh import-figures nhận một sổ và một bảng nguồn, thừa: ${extra.join(" ")}.`,
  needOutput: "Thiếu tệp sổ mới: thêm -o <sổ-mới.xlsx> (sổ báo cáo gốc không bị ghi đè).",
  failed: (file: string, message: string) => `Tệp "${file}": ${message}`,
  written: (file: string) => `Đã ghi sổ có số liệu mới: ${file}`,
  next: (file: string) => `Kiểm tra lại: bao-cao check "${file}"`,
} as const;

export const MSG_FIX_TEXT = {
  needOutput: "Thiếu tệp ghi ra: thêm -o <bản-sửa.xlsx> (tệp gốc không bị ghi đè).",
  nothing: (file: string) => `Không có ô nào chứa chữ mã TCVN3 hay VNI trong "${file}"; không ghi tệp mới.`,
  formulas: (n: number) => `${n} ô chữ mã cũ là kết quả của công thức nên không đổi; hãy sửa ô nguồn của công thức.`,
  written: (n: number, file: string) => `Đã chuyển ${n} ô sang Unicode và ghi ra "${file}".`,
  cannotLoad: (file: string) =>
    `Không sửa được "${file}": một phần của tệp có dạng lạ nên không ghi được bản sửa. Mở tệp bằng Excel hoặc LibreOffice, lưu lại thành .xlsx rồi chạy lại lệnh.`,
} as const;
