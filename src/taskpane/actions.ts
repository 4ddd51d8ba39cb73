/**
 * The pane's actions, in the order they appear, each with its button label and the short
 * line under it. App.tsx maps every id to the command it runs (a Record over PaneActionId,
 * so a new action cannot be listed without a handler).
 * "Thêm đơn vị" and "Nhập từ tệp" are not listed here: they sit in the pane's "Đơn vị" section
 * (UnitsSection.tsx), beside the unit name field.
 */
export type PaneActionId = "createTemplate" | "importFigures" | "check" | "rollUp" | "preview" | "export" | "nextPeriod";

export interface PaneAction {
  id: PaneActionId;
  /** the button's text, also its accessible name */
  label: string;
  /** one short line under the button */
  description: string;
  primary?: boolean;
}

export const PANE_ACTIONS: readonly PaneAction[] = [
  {
    id: "createTemplate",
    label: "Tạo mẫu",
    description: "Tạo các trang tính để nhập số liệu báo cáo. Trang tính đã có được giữ nguyên.",
  },
  {
    id: "importFigures",
    label: "Nhận số liệu từ bảng",
    description:
      "Đọc bảng Biểu 06 xuất từ hệ thống một cửa mà bạn đã dán vào một trang tính (hoặc vùng đang chọn), cho xem cột nào ứng với cột nào, rồi ghi vào bảng của sổ khi bạn đồng ý.",
  },
  {
    id: "check",
    label: "Kiểm tra",
    description: "Kiểm tra số liệu đã nhập; ô có lỗi hoặc cần xem lại sẽ được tô màu.",
  },
  {
    id: "rollUp",
    label: "Tổng hợp",
    description: "Cộng số liệu các trang đơn vị vào trang số liệu của mẫu (I. Kết quả, Biểu 06…) bằng công thức Excel; hỏi trước khi thay số bạn đã nhập.",
  },
  {
    id: "preview",
    label: "Xem trước",
    description: "Xem báo cáo như tệp Word ngay tại đây, cả khi sổ còn lỗi; chọn và sao chép được chữ.",
  },
  {
    id: "export",
    label: "Xuất báo cáo",
    description: "Kiểm tra rồi tạo tệp Word báo cáo theo thể thức Nghị định 30/2020/NĐ-CP.",
    primary: true,
  },
  {
    id: "nextPeriod",
    label: "Kỳ mới",
    description: "Tạo sổ kỳ sau từ sổ này (sổ này giữ nguyên): giữ cơ quan, người ký, nơi nhận, lĩnh vực, đơn vị; xóa số liệu.",
  },
];
