import type { ExportOutcome } from "../commands/addin-commands";
import { UserFacingError } from "../excel/errors";
import { addUnitNotices, checkNotices, checkSummary, errorNotice, exportNotices, importNotices, rollupNotices, templateNotices } from "./notices";
import {
  checkResult,
  ERROR_COUNT,
  ERROR_INFO,
  FILE_NAME,
  IMPORT_MIXED,
  refused,
  rolledUp,
  SHEETS,
  templateResult,
  WARNING_INFO,
  WARNING_TASKS,
} from "./testing";

describe("what the pane says", () => {
  test("Tạo mẫu: all created, some created, nothing to do, no data validation", () => {
    expect(templateNotices(templateResult(SHEETS))[0].text).toBe(
      "Đã tạo 5 trang tính: Thông tin chung, I. Kết quả, II. Đánh giá, III. Nhiệm vụ, IV. Kiến nghị. " +
        'Nhập số liệu vào các trang tính này rồi bấm "Kiểm tra".',
    );
    expect(templateNotices(templateResult(["III. Nhiệm vụ"], ["Thông tin chung"]))[0].text).toMatch(
      /^Đã tạo 1 trang tính còn thiếu: III\. Nhiệm vụ\. Các trang tính đã có được giữ nguyên\./,
    );
    expect(templateNotices(templateResult([], SHEETS))).toEqual([{ id: "template", intent: "info", text: "Các trang tính mẫu đã có sẵn, không thay đổi gì." }]);
    const old = templateNotices({ ...templateResult(SHEETS), validation: false });
    expect(old.map((n) => n.intent)).toEqual(["success", "info"]);
    expect(old[1].text).toMatch(/không tự kiểm tra số liệu khi nhập/);
    // ExcelApi 1.4 to 1.6: no freezePanes either
    const older = templateNotices({ ...templateResult(SHEETS), validation: false, frozenPanes: false });
    expect(older.map((n) => n.id)).toEqual(["template", "template-validation", "template-freeze"]);
    expect(older[2].text).toMatch(/Freeze Panes/);
  });

  test("Kiểm tra: the summary for each mix of errors and warnings", () => {
    expect(checkSummary([])).toBe("Không có lỗi.");
    expect(checkSummary([ERROR_INFO, ERROR_COUNT, WARNING_INFO])).toBe("Có 2 lỗi và 1 cảnh báo; các ô có vấn đề đã được tô màu.");
    expect(checkSummary([ERROR_INFO])).toBe("Có 1 lỗi; các ô có lỗi đã được tô màu.");
    expect(checkSummary([WARNING_INFO, WARNING_TASKS])).toBe("Không có lỗi, chỉ có 2 cảnh báo; các ô cần xem lại đã được tô màu.");
    expect(checkNotices(checkResult([ERROR_INFO]))[0].intent).toBe("error");
    expect(checkNotices(checkResult([WARNING_INFO]))[0].intent).toBe("warning");
    expect(checkNotices(checkResult([]))).toEqual([{ id: "check", intent: "success", text: "Không có lỗi." }]);
  });

  test("Kiểm tra: missing sheets come with the recreate offer", () => {
    const grown = checkNotices(checkResult([], { grown: { names: ["BIEU_06", "BIEU_06_DONG"], formulas: ["Biểu 06!C17", "Biểu 06!D17"] } }));
    expect(grown.find((n) => n.id === "grown")).toEqual({
      id: "grown",
      intent: "info",
      text: "Đã đưa các dòng mới thêm vào bảng, danh sách (tên vùng BIEU_06, BIEU_06_DONG) và sửa công thức của 2 ô ở dòng tổng để cộng cả các dòng đó.",
    });
    expect(checkNotices(checkResult([])).some((n) => n.id === "grown")).toBe(false);
    const notices = checkNotices(checkResult([], { missingSheets: ["II. Đánh giá", "IV. Kiến nghị"] }));
    expect(notices[1]).toEqual({
      id: "missing",
      intent: "warning",
      text: "Sổ làm việc còn thiếu trang tính của mẫu: II. Đánh giá, IV. Kiến nghị.",
      offerRecreate: true,
    });
  });

  test("Xuất báo cáo: refused, cancelled, exported, exported but not downloadable", () => {
    expect(exportNotices(refused([ERROR_INFO, ERROR_COUNT, WARNING_INFO]))[0]).toEqual({
      id: "export",
      intent: "error",
      text: "Chưa xuất được: còn 2 lỗi, xem danh sách bên dưới.",
    });
    expect(exportNotices({ status: "cancelled", warnings: [WARNING_INFO] })[0].intent).toBe("info");
    const exported: ExportOutcome = { status: "exported", fileName: FILE_NAME, warnings: [], size: 1, delivery: { kind: "downloaded" } };
    expect(exportNotices(exported)[0].text).toBe("Đã tạo tệp bao-cao-cctthc-thang-11-2024.docx.");
    const mac = exportNotices({ ...exported, delivery: { kind: "unsupported", message: "Excel trên máy Mac …" } })[0];
    expect(mac).toMatchObject({ intent: "warning", title: "Chưa tải được tệp về máy", text: "Excel trên máy Mac …" });
  });

  test("errors: describeError's words; the recreate offer only for action 'recreate'", () => {
    const raw = errorNotice({ code: "InvalidOperationInCellEditMode", message: "Excel is in cell-editing mode." });
    expect(raw.text).toBe("Excel đang ở chế độ sửa ô. Nhấn Enter (hoặc Esc) để kết thúc việc sửa ô rồi thử lại.");
    expect(raw.offerRecreate).toBe(false);
    expect(errorNotice(new UserFacingError("Chưa có mẫu.", "recreate"))).toMatchObject({ text: "Chưa có mẫu.", offerRecreate: true });
    expect(errorNotice(new UserFacingError("Trang tính đang được bảo vệ.")).offerRecreate).toBe(false);
  });

  test("Thêm đơn vị: added, renamed, refused", () => {
    expect(addUnitNotices({ status: "added", unitName: "Xã A", sheet: "Xã A", renamed: false })).toEqual([
      { id: "unit", intent: "success", text: 'Đã thêm trang đơn vị "Xã A". Nhập số liệu của đơn vị vào các ô nền vàng của trang đó, rồi bấm "Tổng hợp".' },
    ]);
    expect(addUnitNotices({ status: "added", unitName: "Xã O'Brien: mới", sheet: "Xã O'Brien mới", renamed: true })[0].text).toMatch(
      /^Đã thêm đơn vị "Xã O'Brien: mới" vào trang tính "Xã O'Brien mới": .*không có các ký tự : \\ \/ \? \* \[ \]/,
    );
    expect(addUnitNotices({ status: "refused", message: "Tên dành riêng." })).toEqual([
      { id: "unit", intent: "error", title: "Không thêm được đơn vị", text: "Tên dành riêng." },
    ]);
  });

  test("Nhập từ tệp: a file losing several units counts once; the path used; Excel's refusal explained", () => {
    const twice = { ...IMPORT_MIXED, rejected: [...IMPORT_MIXED.rejected, { file: "hong.xlsx", message: "x" }] };
    expect(importNotices(twice, 4)[0]).toMatchObject({ intent: "warning", text: expect.stringContaining("3 tệp không nhập được") });
    expect(importNotices({ ...IMPORT_MIXED, rejected: [] }, 2)[0].intent).toBe("success");
    const fallback = importNotices({ ...IMPORT_MIXED, method: "copy", insertError: "Excel báo lỗi GeneralException" }, 4)[1].text;
    expect(fallback).toBe(
      "Excel không chèn được trang tính từ tệp (Excel báo lỗi GeneralException), nên mỗi trang đơn vị được tạo theo mẫu rồi chép số liệu từ tệp vào.",
    );
    expect(importNotices({ imported: [], rejected: [], method: "insert" }, 3)).toEqual([
      { id: "import", intent: "error", text: "Không nhập được tệp nào trong 3 tệp đã chọn." },
    ]);
  });

  test("Tổng hợp: done, all typed values kept, moved sheets, no unit", () => {
    expect(rollupNotices(rolledUp(2))).toEqual([{ id: "rollup", intent: "success", text: "Đã tổng hợp 2 đơn vị vào trang I. Kết quả." }]);
    const allKept = rollupNotices(rolledUp(2, { written: 0, kept: [{ sheet: "I. Kết quả", cell: "C5", label: "Số TTHC" }] }));
    expect(allKept.map((n) => n.text)).toEqual([
      "Không ghi công thức nào: các ô tổng hợp đều giữ số bạn đã nhập.",
      "Giữ nguyên 1 ô bạn đã nhập số, không cộng từ các đơn vị: C5 (Số TTHC).",
    ]);
    const rows = rollupNotices(rolledUp(3, { addedRows: [{ label: "Nông nghiệp", unitName: "Xã B" }] }));
    expect(rows.find((n) => n.id === "rollup-rows")).toEqual({
      id: "rollup-rows",
      intent: "info",
      text: 'Đã thêm 1 dòng lĩnh vực vào bảng tổng hợp và mọi trang đơn vị (đơn vị không có lĩnh vực đó ghi 0): "Nông nghiệp" (của Xã B).',
    });
    expect(rollupNotices(rolledUp(3, { unitResults: "Kết quả đơn vị" })).find((n) => n.id === "rollup-units")).toEqual({
      id: "rollup-units",
      intent: "info",
      text: 'Trang "Kết quả đơn vị" ghi số liệu, tỷ lệ và xếp hạng của từng đơn vị bằng công thức (theo đúng thứ tự các trang đơn vị).',
    });
    expect(rollupNotices(rolledUp(3)).some((n) => n.id === "rollup-units")).toBe(false);
    expect(rollupNotices({ status: "noUnits", message: "Chưa có trang đơn vị." })).toEqual([
      { id: "rollup", intent: "warning", text: "Chưa có trang đơn vị." },
    ]);
  });

  test("Nhập từ tệp: units rebuilt from the layout (their file had moved rows) in one warning naming the files", () => {
    const rebuilt = [
      { file: "a.xlsx", unitName: "Xã A", sheet: "Xã A", message: "Tệp a.xlsx: …" },
      { file: "b.xlsx", unitName: "Xã B", sheet: "Xã B", message: "Tệp b.xlsx: …" },
    ];
    expect(importNotices({ ...IMPORT_MIXED, rebuilt }, 4)[2]).toEqual({ id: "import-rebuilt", intent: "warning", text: "Tệp a.xlsx: … Tệp b.xlsx: …" });
    expect(importNotices(IMPORT_MIXED, 4).map((n) => n.id)).not.toContain("import-rebuilt");
    expect(importNotices({ ...IMPORT_MIXED, newRows: [{ label: "Nông nghiệp", unitName: "Xã B" }] }, 4).find((n) => n.id === "import-rows")).toEqual({
      id: "import-rows",
      intent: "info",
      text: 'Bảng tổng hợp chưa có 1 lĩnh vực của các đơn vị vừa nhập: "Nông nghiệp" (của Xã B). Bấm "Tổng hợp" để thêm các dòng này vào bảng tổng hợp và mọi trang đơn vị (đơn vị không có lĩnh vực đó ghi 0).',
    });
  });

  test("Tổng hợp: the cross-check's errors in one notice, with the first message", () => {
    const problem = {
      sheet: "I. Kết quả",
      cell: "C5",
      severity: "error" as const,
      code: "units.crossCheck",
      message: 'Ô tổng hợp "Số TTHC" là 3, nhưng cộng số liệu của các đơn vị được 10.',
    };
    expect(rollupNotices(rolledUp(2, { crossCheck: [problem, { ...problem, cell: "C6" }] }))[1]).toEqual({
      id: "rollup-cross",
      intent: "error",
      text: 'Có 2 ô tổng hợp không bằng tổng số liệu của các đơn vị. Ô tổng hợp "Số TTHC" là 3, nhưng cộng số liệu của các đơn vị được 10. Bấm "Kiểm tra" để đánh dấu từng ô và trang đơn vị bị lệch dòng.',
    });
  });
});
