/**
 * Every text the task pane shows, in Vietnamese, in one place so that it can be read and
 * corrected together. Messages about Excel errors come from src/excel/errors.ts
 * (describeError); messages about the data come from the report's checks.
 */

export const TEXT = {
  title: "Báo cáo CCTTHC",
  subtitle: "Báo cáo tháng về cải cách thủ tục hành chính",
  actionsLabel: "Các thao tác",

  progress: {
    createTemplate: "Đang tạo các trang tính mẫu…",
    check: "Đang kiểm tra số liệu…",
    confirm: "Đang chờ bạn xác nhận…",
    addUnit: "Đang thêm trang đơn vị…",
    openFiles: (n: number) => `Đang mở ${n} tệp…`,
    readingFile: (i: number, n: number) => `Đang đọc tệp ${i}/${n}…`,
    writingUnits: (n: number) => `Đang đưa ${n} đơn vị vào sổ…`,
    rollup: "Đang tổng hợp các đơn vị…",
  },

  units: {
    heading: "Đơn vị",
    intro: 'Mỗi xã, phường có một trang tính riêng; "Tổng hợp" cộng số liệu các trang đơn vị vào trang I. Kết quả.',
    nameLabel: "Tên đơn vị",
    namePlaceholder: "Ví dụ: Phường Bần Yên Nhân",
    nameEmpty: "Hãy nhập tên đơn vị.",
    add: "Thêm đơn vị",
    import: "Nhập từ tệp",
    importDescription: "Chọn một hoặc nhiều tệp .xlsx các đơn vị đã điền theo mẫu đơn vị.",
    fileInputLabel: "Chọn tệp .xlsx của các đơn vị",
    added: (sheet: string) => `Đã thêm trang đơn vị "${sheet}".`,
    addedRenamed: (unitName: string, sheet: string) =>
      `Đã thêm đơn vị "${unitName}" vào trang tính "${sheet}": tên trang tính được rút gọn hoặc đổi theo quy tắc của Excel (tối đa 31 ký tự, không có các ký tự : \\ / ? * [ ], không trùng trang tính đã có).`,
    addNext: 'Nhập số liệu của đơn vị vào các ô nền vàng của trang đó, rồi bấm "Tổng hợp".',
    refusedTitle: "Không thêm được đơn vị",
  },

  importResult: {
    imported: (units: number, files: number) => `Đã nhập ${units} đơn vị từ ${files} tệp.`,
    nothing: (files: number) => (files === 1 ? "Không nhập được tệp đã chọn." : `Không nhập được tệp nào trong ${files} tệp đã chọn.`),
    rejected: (files: number) => `${files} tệp không nhập được, xem lý do bên dưới.`,
    methodInsert: "Các trang đơn vị được chèn nguyên từ tệp.",
    methodCopy:
      "Phiên bản Excel này không chèn được trang tính từ tệp (cần ExcelApi 1.13), nên mỗi trang đơn vị được tạo theo mẫu rồi chép số liệu từ tệp vào.",
    methodFallback: (reason: string) =>
      `Excel không chèn được trang tính từ tệp (${reason}), nên mỗi trang đơn vị được tạo theo mẫu rồi chép số liệu từ tệp vào.`,
    next: 'Bấm "Tổng hợp" để cộng các đơn vị vào trang I. Kết quả.',
    newRows: (rows: { label: string; unitName: string }[]) =>
      `Bảng tổng hợp chưa có ${rows.length} lĩnh vực của các đơn vị vừa nhập: ${rows.map((r) => `"${r.label}" (của ${r.unitName})`).join(", ")}. ` +
      `Bấm "Tổng hợp" để thêm các dòng này vào bảng tổng hợp và mọi trang đơn vị (đơn vị không có lĩnh vực đó ghi 0).`,
    heading: "Kết quả nhập tệp",
    importedHeading: (n: number) => `Đã nhập (${n})`,
    rejectedHeading: (n: number) => `Không nhập được (${n})`,
    sheetNote: (sheet: string) => `trang "${sheet}"`,
  },

  rollup: {
    done: (units: number, sheet: string) => `Đã tổng hợp ${units} đơn vị vào trang ${sheet}.`,
    nothingWritten: "Không ghi công thức nào: các ô tổng hợp đều giữ số bạn đã nhập.",
    kept: (cells: string[]) => `Giữ nguyên ${cells.length} ô bạn đã nhập số, không cộng từ các đơn vị: ${cells.join(", ")}.`,
    rowsAdded: (rows: { label: string; unitName: string }[]) =>
      `Đã thêm ${rows.length} dòng lĩnh vực vào bảng tổng hợp và mọi trang đơn vị (đơn vị không có lĩnh vực đó ghi 0): ` +
      `${rows.map((r) => `"${r.label}" (của ${r.unitName})`).join(", ")}.`,
    unitResults: (sheet: string) => `Trang "${sheet}" ghi số liệu, tỷ lệ và xếp hạng của từng đơn vị bằng công thức (theo đúng thứ tự các trang đơn vị).`,
    listAdded: (sheet: string) =>
      `Đã tạo trang "${sheet}": dán tên các đơn vị phải gửi số liệu vào cột A (mỗi dòng một đơn vị), rồi bấm "Kiểm tra" để biết đơn vị nào chưa gửi số liệu.`,
    moved: (n: number) => `Đã xếp lại ${n} trang tính để mọi trang đơn vị nằm giữa "DonViDau" và "DonViCuoi".`,
    crossCheck: (n: number, first: string) =>
      `Có ${n} ô tổng hợp không bằng tổng số liệu của các đơn vị. ${first} Bấm "Kiểm tra" để đánh dấu từng ô và trang đơn vị bị lệch dòng.`,
  },

  overwrite: {
    title: "Thay số đã nhập bằng công thức?",
    intro: (n: number) =>
      `${n} ô tổng hợp đang có số nhập tay. "Tổng hợp" sẽ thay ${n === 1 ? "số này" : "các số này"} bằng công thức cộng số liệu các đơn vị:`,
    replace: "Thay bằng công thức",
    keep: "Giữ số đã nhập",
  },

  template: {
    created: (names: string[]) => `Đã tạo ${names.length} trang tính: ${names.join(", ")}.`,
    createdMissing: (names: string[]) => `Đã tạo ${names.length} trang tính còn thiếu: ${names.join(", ")}. Các trang tính đã có được giữ nguyên.`,
    nextStep: 'Nhập số liệu vào các trang tính này rồi bấm "Kiểm tra".',
    nothingToDo: "Các trang tính mẫu đã có sẵn, không thay đổi gì.",
    noValidation: 'Phiên bản Excel này không tự kiểm tra số liệu khi nhập, nên hãy bấm "Kiểm tra" trước khi xuất báo cáo.',
    noFreezePanes: "Phiên bản Excel này không cho phần bổ trợ cố định các dòng tiêu đề; nếu cần, chọn View > Freeze Panes (Xem > Cố định Ngăn) để cố định.",
  },

  check: {
    clean: "Không có lỗi.",
    cleared: (n: number) => `Đã bỏ tô màu ${n} ô đã được sửa.`,
    errorsAndWarnings: (e: number, w: number) => `Có ${e} lỗi và ${w} cảnh báo; các ô có vấn đề đã được tô màu.`,
    errorsOnly: (e: number) => `Có ${e} lỗi; các ô có lỗi đã được tô màu.`,
    warningsOnly: (w: number) => `Không có lỗi, chỉ có ${w} cảnh báo; các ô cần xem lại đã được tô màu.`,
    missingSheets: (names: string[]) => `Sổ làm việc còn thiếu trang tính của mẫu: ${names.join(", ")}.`,
    /** rows added at the end of a table or a list were taken in: names grown, total-row SUMs rewritten */
    grown: (names: string[], formulas: number) =>
      `Đã đưa các dòng mới thêm vào bảng, danh sách (tên vùng ${names.join(", ")})` +
      (formulas ? ` và sửa công thức của ${formulas} ô ở dòng tổng để cộng cả các dòng đó.` : "."),
  },

  recreate: "Tạo lại trang tính còn thiếu",

  exportResult: {
    refused: (errors: number) => `Chưa xuất được: còn ${errors} lỗi, xem danh sách bên dưới.`,
    cancelled: "Chưa xuất báo cáo. Bấm vào từng cảnh báo bên dưới để đến ô cần xem lại.",
    exported: (fileName: string) => `Đã tạo tệp ${fileName}.`,
    withWarnings: (w: number) => `Báo cáo còn ${w} cảnh báo (xem danh sách bên dưới).`,
    notDownloadedTitle: "Chưa tải được tệp về máy",
  },

  errorTitle: "Không thực hiện được",

  confirm: {
    title: "Số liệu còn cảnh báo",
    intro: (w: number) => `Có ${w} cảnh báo. Báo cáo vẫn xuất được, nhưng nên xem lại trước:`,
    proceed: "Vẫn xuất báo cáo",
    goBack: "Quay lại sửa",
  },

  problems: {
    heading: "Các ô cần xem lại",
    hint: "Bấm vào một mục (hoặc chọn rồi nhấn Enter) để đến ô đó trong Excel.",
    error: "Lỗi",
    warning: "Cảnh báo",
    cell: (cell: string) => `ô ${cell}`,
    unit: (unitName: string, sheet: string) => (unitName === sheet ? `Đơn vị: ${unitName}` : `Đơn vị: ${unitName} — trang ${sheet}`),
    counts: (e: number, w: number) => [e ? `${e} lỗi` : "", w ? `${w} cảnh báo` : ""].filter(Boolean).join(", "),
  },

  startup: {
    notExcel: 'Phần bổ trợ "Báo cáo CCTTHC" chỉ chạy trong Excel. Vui lòng mở nó từ thẻ Trang đầu (Home) trong Excel.',
    noOfficeJs: "Không tải được thư viện Office (office.js). Vui lòng kiểm tra kết nối Internet rồi đóng và mở lại bảng này.",
  },

  download: {
    /** shown as three lines (the pane keeps the line breaks) */
    mac: (fileName: string) =>
      [
        `Excel trên máy Mac không cho phần bổ trợ tải tệp xuống, nên chưa lưu được tệp ${fileName}. Có hai cách làm:`,
        '• Lưu sổ làm việc lên OneDrive hoặc SharePoint, mở sổ bằng Excel trên web (trong trình duyệt) rồi bấm "Xuất báo cáo".',
        "• Hoặc lưu sổ làm việc, rồi trên máy tính có cài Node.js chạy lệnh: bao-cao export <tệp.xlsx>",
      ].join("\n"),
  },
} as const;

/** The report kind chosen for "Tạo mẫu". */
export const TEXT_KINDS = {
  label: "Loại báo cáo",
  own: "Định nghĩa riêng của cơ quan (tệp JSON)…",
  ownNone: "Chưa chọn tệp định nghĩa.",
  ownChosen: (title: string, file: string) => `Định nghĩa riêng "${title}" (tệp ${file}).`,
  pickFile: "Chọn tệp định nghĩa",
  ownRead: (title: string) => `Đã đọc định nghĩa riêng "${title}". Bấm "Tạo mẫu" để tạo các trang tính theo định nghĩa này.`,
  ownNeeded: 'Chọn tệp định nghĩa riêng (JSON) trước khi bấm "Tạo mẫu", hoặc chọn một loại báo cáo có sẵn.',
  current: (title: string) => `Sổ này: ${title}`,
} as const;

/** What the first load needs of "Xem trước" and "Kỳ mới"; the rest of their words load with them. */
export const TEXT_PREVIEW = {
  progress: "Đang dựng bản xem trước…",
  withErrors: (n: number) => `Sổ còn ${n} lỗi (liệt kê bên dưới): chỗ thiếu số liệu để trống hoặc "…". "Xuất báo cáo" cần sửa hết lỗi.`,
} as const;

export const TEXT_NEXT_PERIOD = {
  progress: "Đang đọc sổ…",
  keepText: "Giữ lời văn (nhận xét, nhiệm vụ, kiến nghị)",
} as const;

/** "Nhận số liệu từ bảng": the pasted one-stop table into the report's table. */
export const TEXT_IMPORT_FIGURES = {
  progress: "Đang đọc bảng đã dán…",
  writing: "Đang ghi số liệu vào bảng…",
  title: "Ghi số liệu từ bảng đã dán?",
  intro: (from: string, to: string) => `Đã đọc ${from}. Số liệu của bảng ở trang tính "${to}" sẽ được thay như sau:`,
  warning: "Cảnh báo:",
  yes: "Ghi số liệu",
  no: "Không ghi",
  done: (to: string) => `Đã ghi số liệu vào bảng ở trang tính "${to}". Bấm "Kiểm tra" để xem lại.`,
  cancelled: "Chưa ghi gì vào sổ.",
} as const;
