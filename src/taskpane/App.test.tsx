/**
 * @jest-environment jsdom
 */
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { StrictMode } from "react";
import type { ExportHooks, ExportOutcome } from "../commands/addin-commands";
import { UserFacingError } from "../excel/errors";
import type { ExcelHost } from "../excel/host";
import { App } from "./App";
import { renderApp as renderPane } from "./render-app.testutil";
import {
  checkResult,
  deferred,
  ERROR_COUNT,
  ERROR_INFO,
  fakeCommands,
  fakeHost,
  FILE_NAME,
  MIXED,
  refused,
  SHEETS,
  templateResult,
  WARNING_INFO,
  WARNING_TASKS,
  failOnReactWarnings,
} from "./testing";

const TODAY = new Date(2024, 11, 5);
const ACTION_NAMES = ["Tạo mẫu", "Nhận số liệu từ bảng", "Kiểm tra", "Tổng hợp", "Xem trước", "Xuất báo cáo", "Kỳ mới"];

failOnReactWarnings();

const renderApp = (props: Parameters<typeof renderPane>[0] = {}) => renderPane({ todayIs: TODAY, ...props });

const actionButtons = () => ACTION_NAMES.map((name) => screen.getByRole("button", { name }));
const entryNames = (container: HTMLElement) =>
  within(container)
    .getAllByRole("button")
    .map((b) => b.getAttribute("aria-label"));

describe("the task pane", () => {
  test("shows the title and the four actions by their exact names, in order, each with its explanation", () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Báo cáo CCTTHC");
    expect(screen.getByRole("button", { name: "Tạo mẫu", description: /Tạo các trang tính để nhập số liệu/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Kiểm tra", description: /ô có lỗi hoặc cần xem lại sẽ được tô màu/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Xuất báo cáo", description: /tệp Word báo cáo/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tổng hợp", description: /Cộng số liệu các trang đơn vị vào trang số liệu của mẫu/ })).toBeTruthy();
    const actions = screen.getByRole("list", { name: "Các thao tác" });
    expect(
      within(actions)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(ACTION_NAMES);
    expect(actionButtons().every((b) => b.getAttribute("aria-disabled") !== "true")).toBe(true);
  });

  test("Kiểm tra shows the progress state until the check ends, then the summary and the grouped problem list", async () => {
    const { commands, host, user } = renderApp();
    const pending = deferred<ReturnType<typeof checkResult>>();
    commands.checkWorkbookInExcel.mockReturnValue(pending.promise);

    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));

    expect(commands.checkWorkbookInExcel).toHaveBeenCalledWith(host, TODAY);
    // aria-disabled and still focusable (the focus stays on the button while its command runs)
    expect(actionButtons().map((b) => [b.getAttribute("aria-disabled"), (b as HTMLButtonElement).disabled])).toEqual(ACTION_NAMES.map(() => ["true", false]));
    expect(screen.getByRole("status").textContent).toBe("Đang kiểm tra số liệu…");
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("true");
    // a click on a busy button starts nothing
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(commands.exportReport).not.toHaveBeenCalled();
    expect(commands.checkWorkbookInExcel).toHaveBeenCalledTimes(1);

    await act(async () => pending.resolve(checkResult(MIXED)));

    expect(actionButtons().map((b) => b.getAttribute("aria-disabled"))).toEqual(ACTION_NAMES.map(() => null));
    expect(screen.getByRole("status").textContent).toBe("");
    expect(screen.getByRole("main").getAttribute("aria-busy")).toBe("false");
    expect(screen.getByText("Có 2 lỗi và 2 cảnh báo; các ô có vấn đề đã được tô màu.")).toBeTruthy();

    // one heading per sheet with its counts; sheets with errors first
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Thông tin chung (1 lỗi, 1 cảnh báo)",
      "I. Kết quả (1 lỗi)",
      "III. Nhiệm vụ (1 cảnh báo)",
    ]);
    // errors before warnings inside a sheet; severity in words, the cell and the message
    const info = screen.getByRole("group", { name: "Thông tin chung (1 lỗi, 1 cảnh báo)" });
    expect(entryNames(info)).toEqual([`Lỗi, ô C6: ${ERROR_INFO.message}`, `Cảnh báo, ô C4: ${WARNING_INFO.message}`]);
    // what is seen matches what is read: the word (beside the icon), the cell, the message
    expect(
      within(info)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual([`Lỗiô C6${ERROR_INFO.message}`, `Cảnh báoô C4${WARNING_INFO.message}`]);
    expect(entryNames(screen.getByRole("group", { name: /^I\. Kết quả/ }))).toEqual([`Lỗi, ô C7: ${ERROR_COUNT.message}`]);
    expect(entryNames(screen.getByRole("group", { name: /^III\. Nhiệm vụ/ }))).toEqual([`Cảnh báo, ô B5: ${WARNING_TASKS.message}`]);
  });

  test("a clean check says so and shows no list", async () => {
    const { commands, user } = renderApp();
    commands.checkWorkbookInExcel.mockResolvedValue(checkResult([], { cleared: 3 }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText("Không có lỗi. Đã bỏ tô màu 3 ô đã được sửa.")).toBeTruthy();
    expect(screen.queryByRole("heading", { name: "Các ô cần xem lại" })).toBeNull();
  });

  test("clicking an entry, or Enter on it, selects its cell in Excel", async () => {
    const { commands, host, user } = renderApp();
    commands.checkWorkbookInExcel.mockResolvedValue(checkResult(MIXED));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));

    const countEntry = await screen.findByRole("button", { name: /^Lỗi, ô C7:/ });
    await user.click(countEntry);
    expect(commands.selectProblem).toHaveBeenLastCalledWith(host, expect.objectContaining({ sheet: "I. Kết quả", cell: "C7" }));
    expect(countEntry.getAttribute("aria-current")).toBe("true");

    const warningEntry = screen.getByRole("button", { name: /^Cảnh báo, ô B5:/ });
    warningEntry.focus();
    await user.keyboard("{Enter}");
    expect(commands.selectProblem).toHaveBeenLastCalledWith(host, expect.objectContaining({ sheet: "III. Nhiệm vụ", cell: "B5" }));
    expect(commands.selectProblem).toHaveBeenCalledTimes(2);
  });

  test("an entry whose sheet is gone gives the Vietnamese message and keeps the list", async () => {
    const { commands, user } = renderApp();
    commands.checkWorkbookInExcel.mockResolvedValue(checkResult(MIXED));
    commands.selectProblem.mockRejectedValue({ code: "ItemNotFound", message: "The requested resource doesn't exist." });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await user.click(await screen.findByRole("button", { name: /^Lỗi, ô C6:/ }));
    expect(await screen.findByText(/Không tìm thấy trang tính hoặc vùng dữ liệu cần dùng/)).toBeTruthy();
    expect(screen.queryByText(/requested resource/)).toBeNull();
    expect(screen.getByText("Có 2 lỗi và 2 cảnh báo; các ô có vấn đề đã được tô màu.")).toBeTruthy();
    expect(screen.getAllByRole("heading", { level: 3 })).toHaveLength(3);
  });

  test("Tạo mẫu reports the sheets it created, or that nothing changed", async () => {
    const { commands, host, user } = renderApp();
    commands.createTemplate.mockResolvedValueOnce(templateResult(SHEETS)).mockResolvedValueOnce(templateResult([], SHEETS));
    const button = screen.getByRole("button", { name: "Tạo mẫu" });

    await user.click(button);
    expect(commands.createTemplate).toHaveBeenCalledWith(host, "bao-cao-cctthc-thang"); // the monthly report, preselected
    expect(await screen.findByText(/^Đã tạo 5 trang tính: Thông tin chung, I\. Kết quả, II\. Đánh giá, III\. Nhiệm vụ, IV\. Kiến nghị\./)).toBeTruthy();

    await user.click(button);
    expect(await screen.findByText("Các trang tính mẫu đã có sẵn, không thay đổi gì.")).toBeTruthy();
    expect(screen.queryByText(/^Đã tạo 5 trang tính/)).toBeNull();
  });

  test("an Excel error shows describeError's Vietnamese message, never the raw one (real commands, failing host)", async () => {
    const host: ExcelHost = fakeHost(() =>
      Promise.reject({
        name: "RichApi.Error",
        code: "InvalidOperationInCellEditMode",
        message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
        stack: "RichApi.Error: Excel is in cell-editing mode\n    at Excel.run",
      }),
    );
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} today={() => TODAY} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText("Excel đang ở chế độ sửa ô. Nhấn Enter (hoặc Esc) để kết thúc việc sửa ô rồi thử lại.")).toBeTruthy();
    expect(screen.getByText("Không thực hiện được")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/cell-editing|RichApi|at Excel\.run/);
    expect(actionButtons().every((b) => b.getAttribute("aria-disabled") !== "true")).toBe(true);
  });

  test("a 'recreate' error offers Tạo lại trang tính còn thiếu, which runs Tạo mẫu", async () => {
    const { commands, host, user } = renderApp();
    commands.checkWorkbookInExcel.mockRejectedValue(
      new UserFacingError('Sổ làm việc này chưa có các trang tính của mẫu báo cáo. Bấm "Tạo mẫu" để tạo.', "recreate"),
    );
    commands.createTemplate.mockResolvedValue(templateResult(SHEETS));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText(/chưa có các trang tính của mẫu báo cáo/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Tạo lại trang tính còn thiếu" }));
    expect(commands.createTemplate).toHaveBeenCalledWith(host, "bao-cao-cctthc-thang"); // the monthly report, preselected
    expect(await screen.findByText(/^Đã tạo 5 trang tính:/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tạo lại trang tính còn thiếu" })).toBeNull();
  });

  test("an error without the recreate action offers no recreate button", async () => {
    const { commands, user } = renderApp();
    commands.checkWorkbookInExcel.mockRejectedValue({ code: "AccessDenied" });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText(/đang được bảo vệ/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Tạo lại trang tính còn thiếu" })).toBeNull();
  });

  test("a check that finds missing sheets offers to recreate them", async () => {
    const { commands, user } = renderApp();
    const missing = { ...ERROR_COUNT, sheet: "II. Đánh giá", cell: "A1", code: "sheet.missing", message: 'Thiếu trang tính "II. Đánh giá" của mẫu báo cáo.' };
    commands.checkWorkbookInExcel.mockResolvedValue(checkResult([missing], { missingSheets: ["II. Đánh giá"] }));
    commands.createTemplate.mockResolvedValue(templateResult(["II. Đánh giá"], ["Thông tin chung"]));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByText("Sổ làm việc còn thiếu trang tính của mẫu: II. Đánh giá.")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Tạo lại trang tính còn thiếu" }));
    expect(commands.createTemplate).toHaveBeenCalledTimes(1);
    expect(await screen.findByText(/^Đã tạo 1 trang tính còn thiếu: II\. Đánh giá\. Các trang tính đã có được giữ nguyên\./)).toBeTruthy();
  });
});

describe("Xuất báo cáo in the pane", () => {
  /** Behaves like the real exportReport once the check has found only `warnings`. */
  function exportWithWarnings(warnings = [WARNING_INFO, WARNING_TASKS]) {
    return async (_host: ExcelHost, hooks: ExportHooks): Promise<ExportOutcome> => {
      hooks.progress?.("Đang kiểm tra số liệu…");
      if (!(await hooks.confirmWarnings(warnings))) return { status: "cancelled", warnings };
      hooks.progress?.("Đang tạo tệp Word…");
      const blob = new Blob(["docx"]);
      const delivery = await hooks.deliver(blob, FILE_NAME);
      return { status: "exported", fileName: FILE_NAME, warnings, delivery, size: blob.size };
    };
  }

  test("refused: says how many errors remain and lists them", async () => {
    const { commands, host, deliver, user } = renderApp();
    commands.exportReport.mockResolvedValue(refused([ERROR_INFO, ERROR_COUNT, WARNING_INFO]));
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));

    expect(commands.exportReport).toHaveBeenCalledWith(host, expect.objectContaining({ today: TODAY }));
    expect(await screen.findByText("Chưa xuất được: còn 2 lỗi, xem danh sách bên dưới.")).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Lỗi, ô C6:/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Lỗi, ô C7:/ })).toBeTruthy();
    expect(deliver).not.toHaveBeenCalled();
  });

  test("with warnings: the dialog lists them; Quay lại sửa cancels without delivering", async () => {
    const { commands, deliver, user } = renderApp();
    commands.exportReport.mockImplementation(exportWithWarnings());
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));

    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Số liệu còn cảnh báo")).toBeTruthy();
    expect(within(dialog).getByText(/Có 2 cảnh báo/)).toBeTruthy();
    expect(within(dialog).getByText(WARNING_INFO.message)).toBeTruthy();
    expect(within(dialog).getByText(WARNING_TASKS.message)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Đang chờ bạn xác nhận…");

    await user.click(within(dialog).getByRole("button", { name: "Quay lại sửa" }));
    expect(await screen.findByText(/^Chưa xuất báo cáo\./)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(deliver).not.toHaveBeenCalled();
    // the warnings stay listed so the user can go to them
    expect(screen.getByRole("button", { name: /^Cảnh báo, ô C4:/ })).toBeTruthy();
  });

  test("with warnings: Vẫn xuất báo cáo builds and delivers the file", async () => {
    const { commands, deliver, user } = renderApp();
    commands.exportReport.mockImplementation(exportWithWarnings([WARNING_INFO]));
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));

    await user.click(await screen.findByRole("button", { name: "Vẫn xuất báo cáo" }));
    expect(await screen.findByText(`Đã tạo tệp ${FILE_NAME}. Báo cáo còn 1 cảnh báo (xem danh sách bên dưới).`)).toBeTruthy();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver).toHaveBeenCalledWith(expect.any(Blob), FILE_NAME);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("no warnings: the file is delivered with the success message 'Đã tạo tệp …'", async () => {
    const { commands, user } = renderApp();
    // the real exportReport does not ask when there is nothing to confirm
    commands.exportReport.mockImplementation(async (host, hooks) => {
      const delivery = await hooks.deliver(new Blob(["docx"]), FILE_NAME);
      return { status: "exported", fileName: FILE_NAME, warnings: [], delivery, size: 4 };
    });
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    expect(await screen.findByText("Đã tạo tệp bao-cao-cctthc-thang-11-2024.docx.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("on Excel for Mac the pane explains how to get the file instead (default delivery)", async () => {
    const commands = fakeCommands();
    commands.exportReport.mockImplementation(async (host, hooks) => {
      const delivery = await hooks.deliver(new Blob(["docx"]), FILE_NAME);
      return { status: "exported", fileName: FILE_NAME, warnings: [], delivery, size: 4 };
    });
    const user = userEvent.setup();
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={fakeHost()} platform="Mac" commands={commands} />
      </FluentProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
    expect(await screen.findByText("Chưa tải được tệp về máy")).toBeTruthy();
    expect(screen.getByText(/Excel trên máy Mac không cho phần bổ trợ tải tệp xuống/)).toBeTruthy();
    expect(screen.getByText(/bao-cao export <tệp\.xlsx>/)).toBeTruthy();
  });

  test("?lenh=xuat-bao-cao starts the export once on load (also under StrictMode and re-renders)", async () => {
    const commands = fakeCommands();
    commands.exportReport.mockResolvedValue(refused([ERROR_INFO]));
    const host = fakeHost();
    const ui = () => (
      <StrictMode>
        <FluentProvider theme={webLightTheme}>
          <App host={host} today={() => TODAY} launchCommand="xuat-bao-cao" commands={commands} />
        </FluentProvider>
      </StrictMode>
    );
    const { rerender } = render(ui());
    expect(await screen.findByText("Chưa xuất được: còn 1 lỗi, xem danh sách bên dưới.")).toBeTruthy();
    rerender(ui());
    await act(async () => undefined);
    expect(commands.exportReport).toHaveBeenCalledTimes(1);
    expect(commands.checkWorkbookInExcel).not.toHaveBeenCalled();
  });

  test("without ?lenh nothing starts on load", async () => {
    const { commands } = renderApp();
    await act(async () => undefined);
    expect(commands.exportReport).not.toHaveBeenCalled();
  });
});
