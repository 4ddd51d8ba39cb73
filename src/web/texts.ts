/**
 * The web page's own words (Vietnamese). What a check finds, why a file cannot be read and why
 * a unit's file is left out of a roll-up are the shared messages of src/report and
 * src/workbook (the same as the command line's and the task pane's); only what the page
 * itself does (its buttons, what was downloaded, what to do next on the page) is said here.
 */
const q = (s: string) => `"${s}"`;

export const TEXT_WEB = {
  title: "Báo cáo CCTTHC trên trình duyệt",
  intro:
    "Dành cho cơ quan dùng Office 2016/2019, LibreOffice Calc hay WPS Office (không chạy được phần bổ trợ): " +
    "kiểm tra sổ, xuất báo cáo Word, tổng hợp sổ các đơn vị ngay trên trình duyệt. Tệp không được gửi đi đâu: " +
    "mọi việc làm trên máy này, kể cả khi đã rút mạng sau khi trang tải xong.",
  status: "Trạng thái",
  busy: (what: string) => `${what}…`,
  unexpected: (what: string) =>
    `Không làm được việc "${what}" do một lỗi ngoài dự kiến. Hãy tải lại trang rồi thử lại; nếu vẫn lỗi, gửi tệp cho người quản trị.`,

  template: {
    heading: "1. Tạo sổ mẫu",
    kind: "Loại báo cáo",
    unit: "Tên đơn vị (để trống nếu tạo sổ báo cáo)",
    unitHint: "Điền tên xã, phường để tạo sổ dành cho đơn vị đó nhập số liệu và gửi lại.",
    blank: "Tải sổ báo cáo mẫu",
    unitButton: "Tải sổ đơn vị",
    unitEmpty: 'Chưa nhập tên đơn vị: điền tên xã, phường vào ô "Tên đơn vị" rồi bấm lại.',
    written: (file: string) =>
      `Đã tải sổ báo cáo mẫu ${q(file)}. Mở bằng Excel, LibreOffice hoặc WPS, nhập số liệu vào các ô nền vàng, lưu dạng .xlsx rồi mở lại ở đây để kiểm tra.`,
    unitWritten: (unit: string, sheet: string, file: string) =>
      `Đã tải sổ đơn vị ${q(unit)} (trang tính ${q(sheet)}): ${q(file)}. Gửi sổ cho đơn vị nhập số liệu vào các ô nền vàng; khi nhận lại, tổng hợp ở mục 3.`,
    unitRenamed: (unit: string, sheet: string) =>
      `Tên trang tính được đặt lại theo quy tắc của Excel (tối đa 31 ký tự, không có : \\ / ? * [ ]): ${q(unit)} → ${q(sheet)}.`,
  },

  open: {
    heading: "2. Sổ báo cáo",
    chooser: "Chọn sổ báo cáo",
    drop: "Hoặc kéo thả tệp .xlsx vào khung này.",
    opened: (file: string, kind: string) => `Đã mở ${q(file)} (${kind}).`,
    none: "Chưa mở sổ nào.",
    needFile: 'Chưa mở sổ báo cáo: bấm "Chọn sổ báo cáo" hoặc kéo thả tệp .xlsx vào khung.',
    notXlsx: (file: string) => `Tệp ${q(file)} không phải tệp .xlsx. Hãy lưu sổ dạng "Sổ làm việc Excel (*.xlsx)" rồi chọn lại.`,
    oneFile: "Chỉ kéo thả một sổ báo cáo mỗi lần.",
    check: "Kiểm tra",
    export: "Xuất báo cáo",
    preview: "Xem trước",
    nextPeriod: "Kỳ mới",
    keepText: "Giữ phần lời văn khi tạo sổ kỳ mới",
    unicode: "Chuyển sang Unicode",
    marked: "Tải sổ đã đánh dấu",
    importFigures: "Nhận số liệu từ hệ thống một cửa",
    problemsHeading: "Kết quả kiểm tra",
  },

  check: {
    summary: (errors: number, warnings: number) => `${errors ? `${errors} lỗi` : "Không có lỗi"}${warnings ? `, ${warnings} cảnh báo` : ""}.`,
    unitWorkbook: (units: string[]) => `Sổ đơn vị: ${units.map(q).join(", ")}.`,
    notReport: (file: string, sheets: string[]) =>
      `Tệp ${q(file)} không phải sổ báo cáo: không có trang tính nào của mẫu (${sheets.join(", ")}). Tạo sổ mẫu ở mục 1.`,
  },

  export: {
    refused: (errors: number) => `Chưa xuất báo cáo: sổ còn ${errors} lỗi (danh sách bên dưới). Sửa các lỗi trong sổ, lưu lại rồi mở lại sổ ở đây.`,
    unitNotExportable: (file: string, units: string[]) =>
      `Tệp ${q(file)} là sổ đơn vị (${units.map(q).join(", ")}), không có phần thông tin chung của báo cáo nên không xuất được báo cáo Word. ` +
      "Hãy tổng hợp trước (mục 3, chọn thêm sổ báo cáo), rồi mở sổ tổng hợp để xuất.",
    written: (file: string) => `Đã tải báo cáo Word ${q(file)}.`,
    withWarnings: (file: string, n: number) => `Đã tải báo cáo Word ${q(file)}; sổ còn ${n} cảnh báo (danh sách bên dưới), hãy xem lại trước khi gửi.`,
  },

  nextPeriod: {
    written: (from: string, to: string, file: string) =>
      `Đã tải sổ ${to} (từ sổ ${from}): ${q(file)}. Nhập số liệu kỳ mới vào các ô nền vàng rồi mở lại ở đây để kiểm tra.`,
    failed: (file: string, message: string) => `Tệp ${q(file)}: ${message}`,
    units: (n: number) => `Giữ ${n} trang đơn vị, số liệu đã xóa để các đơn vị nhập kỳ mới.`,
  },

  marked: {
    written: (n: number, file: string) =>
      `Đã tải bản sổ đánh dấu ${n} ô có vấn đề: ${q(file)} (ô tô đỏ là lỗi, ô tô vàng là cảnh báo; nội dung ghi ở cột "Kiểm tra" cùng dòng). ` +
      "Số liệu trong sổ giữ nguyên. Sửa các ô đó, lưu lại rồi mở lại sổ ở đây để kiểm tra.",
    nothing: (file: string) => `Sổ ${q(file)} không có lỗi hay cảnh báo nào; không cần tải bản đánh dấu.`,
    unitWorkbook: (file: string, units: string[]) =>
      `Tệp ${q(file)} là sổ đơn vị (${units.map(q).join(", ")}): bản đánh dấu chỉ làm cho sổ báo cáo. Các vấn đề của sổ đơn vị ở danh sách bên dưới.`,
    cannotLoad: (file: string) =>
      `Không mở được ${q(file)} để đánh dấu: sổ có phần không đọc được. Hãy mở sổ bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi thử lại.`,
  },

  importFigures: {
    chooser: "Chọn bảng xuất từ hệ thống một cửa",
    hint: "Bảng Biểu 06 xuất từ hệ thống một cửa (.xlsx, .csv, hoặc bảng HTML lưu tên .xls) được nhận vào sổ đang mở; tải về sổ mới, sổ gốc giữ nguyên.",
    failed: (file: string, message: string) => `Tệp ${q(file)}: ${message}`,
    warning: (text: string) => `Cảnh báo: ${text}`,
    written: (file: string) => `Đã tải sổ có số liệu mới: ${q(file)}. Mở lại sổ mới ở đây và bấm "Kiểm tra".`,
  },

  unicode: {
    nothing: (file: string) => `Không có ô nào chứa chữ mã TCVN3 hay VNI trong ${q(file)}; không tải tệp mới.`,
    formulas: (n: number) => `${n} ô chữ mã cũ là kết quả của công thức nên không đổi; hãy sửa ô nguồn của công thức.`,
    written: (n: number, file: string) => `Đã chuyển ${n} ô sang Unicode; đã tải ${q(file)}.`,
    cannotLoad: (file: string) =>
      `Không mở được ${q(file)} để sửa: sổ có phần không đọc được. Hãy mở sổ bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi thử lại.`,
  },

  rollup: {
    heading: "3. Tổng hợp sổ các đơn vị",
    units: "Chọn sổ các đơn vị",
    base: "Sổ báo cáo làm nền (không bắt buộc)",
    baseHint: "Sổ báo cáo làm nền cho phần thông tin chung và lời văn của sổ tổng hợp.",
    run: "Tổng hợp",
    chosen: (n: number) => `Đã chọn ${n} sổ đơn vị.`,
    needUnits: 'Chưa chọn sổ đơn vị nào: bấm "Chọn sổ các đơn vị" và chọn một hay nhiều tệp .xlsx.',
    baseNotReport: (file: string) => `Tệp ${q(file)} không phải sổ báo cáo nên không dùng làm nền được. Bỏ chọn tệp đó hoặc chọn sổ báo cáo của kỳ này.`,
    skipped: "Bỏ qua",
    nothing: (total: number) => `Không có đơn vị nào dùng được trong ${total} tệp; chưa tạo sổ tổng hợp.`,
    written: (n: number, file: string) => `Đã tổng hợp ${n} đơn vị; đã tải sổ tổng hợp ${q(file)}.`,
    renamed: (unit: string, sheet: string) => `Đơn vị ${q(unit)} nằm ở trang tính ${q(sheet)} (tên trang tính theo quy tắc của Excel).`,
    noBase: "Sổ tổng hợp chưa có phần thông tin chung và lời văn: nhập vào các trang của mẫu, hoặc tổng hợp lại có chọn sổ báo cáo làm nền.",
    partial: (skipped: number, total: number) =>
      `Đã tạo sổ tổng hợp nhưng bỏ qua ${skipped} trong ${total} tệp (xem các dòng "Bỏ qua"); sửa hoặc thay các tệp đó rồi tổng hợp lại.`,
    fileName: "tong-hop.xlsx",
  },
} as const;
