/**
 * Turns what Excel throws into a message a user can act on, in Vietnamese. The pane
 * shows these instead of raw exceptions.
 */

/** An error whose message is meant for the user as it is. */
export class UserFacingError extends Error {
  constructor(
    message: string,
    /** what the pane can offer: recreate the standard sheets */
    readonly action?: "recreate",
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: "Excel đang ở chế độ sửa ô. Nhấn Enter (hoặc Esc) để kết thúc việc sửa ô rồi thử lại.",
  AccessDenied: "Excel không cho phép sửa: có trang tính hoặc sổ làm việc đang được bảo vệ (Review > Unprotect Sheet). Bỏ bảo vệ rồi thử lại.",
  ItemNotFound: 'Không tìm thấy trang tính hoặc vùng dữ liệu cần dùng; có thể nó vừa bị xóa hoặc đổi tên. Bấm "Tạo mẫu" để tạo lại trang còn thiếu.',
  ItemAlreadyExists: "Đã có trang tính hoặc tên vùng trùng tên. Đổi tên trang tính đó rồi thử lại.",
  InvalidArgument: "Excel không chấp nhận dữ liệu gửi tới (tham số không hợp lệ).",
  RequestPayloadSizeLimitExceeded: "Dữ liệu quá lớn để Excel trên web xử lý trong một lần (giới hạn 5 MB).",
  ResponsePayloadSizeLimitExceeded: "Dữ liệu quá lớn để Excel trên web xử lý trong một lần (giới hạn 5 MB).",
  UnsupportedOperation: "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Hãy dùng Office 2021 trở lên, Microsoft 365 hoặc Excel trên web.",
  ApiNotFound: "Phiên bản Excel này không hỗ trợ thao tác cần thiết. Hãy dùng Office 2021 trở lên, Microsoft 365 hoặc Excel trên web.",
};

/** A Vietnamese message for any error thrown while running a command. */
export function describeError(e: unknown): string {
  if (e instanceof UserFacingError) return e.message;
  const err = e as { code?: string; message?: string } | undefined;
  const code = err?.code;
  if (code && BY_CODE[code]) return BY_CODE[code];
  const detail = err?.message ? ` (chi tiết: ${err.message})` : "";
  if (code) return `Excel báo lỗi ${code}${detail}. Thử lại; nếu vẫn lỗi, lưu sổ làm việc và mở lại Excel.`;
  return `Có lỗi không mong muốn${detail}.`;
}
