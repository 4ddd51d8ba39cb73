/**
 * @jest-environment jsdom
 */
/** The pane's "Nhận số liệu từ bảng": started from the keyboard, the preview in a dialog (Esc writes nothing), then what was done. */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ImportFiguresHooks, ImportFiguresOutcome, ImportFiguresPreview } from "../commands/addin-commands";
import { loadDefinition } from "../report/kinds";
import { App } from "./App";
import { fakeCommands, fakeHost, failOnReactWarnings } from "./testing";

failOnReactWarnings();

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const PREVIEW: ImportFiguresPreview = {
  from: 'trang tính "Dán"',
  to: "Biểu 06",
  lines: [
    'Đã đọc trang tính "Dán"; các cột nhận được:',
    '  "Tiếp nhận / Qua mạng" → Số hồ sơ nhận giải quyết — Trực tuyến',
    "Nhận 2 dòng lĩnh vực.",
    'Lĩnh vực mới, thêm vào bảng: "Nông nghiệp".',
  ],
  warnings: ['Bỏ qua cột "Sắp trễ": không ứng với cột nào của biểu.'],
};

function setup() {
  const commands = fakeCommands();
  const host = fakeHost();
  commands.importFigures.mockImplementation(async (_host, hooks: ImportFiguresHooks): Promise<ImportFiguresOutcome> => {
    if (!(await hooks.confirm(PREVIEW))) return { status: "cancelled", definition: def };
    return { status: "imported", ...PREVIEW, added: ["Nông nghiệp"], zeroed: [], definition: def };
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} commands={commands} today={() => new Date(2025, 9, 1)} />
    </FluentProvider>,
  );
  return { commands, host, user: userEvent.setup() };
}

describe("Nhận số liệu từ bảng", () => {
  it("shows what maps to what and writes after 'Ghi số liệu', then says what was done", async () => {
    const { commands, host, user } = setup();
    const button = screen.getByRole("button", { name: "Nhận số liệu từ bảng", description: /dán vào một trang tính/ });
    button.focus();
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Ghi số liệu từ bảng đã dán?" });
    expect(dialog.textContent).toContain('Đã đọc trang tính "Dán". Số liệu của bảng ở trang tính "Biểu 06" sẽ được thay như sau:');
    expect(dialog.textContent).toContain('"Tiếp nhận / Qua mạng" → Số hồ sơ nhận giải quyết — Trực tuyến');
    expect(dialog.textContent).toContain('Cảnh báo: Bỏ qua cột "Sắp trễ"');
    await user.click(screen.getByRole("button", { name: "Ghi số liệu" }));
    expect(await screen.findByText(/Đã ghi số liệu vào bảng ở trang tính "Biểu 06"\. Bấm "Kiểm tra" để xem lại\./)).toBeTruthy();
    expect(screen.getByText(/Lĩnh vực mới, thêm vào bảng: "Nông nghiệp"\./)).toBeTruthy();
    expect(screen.getByText('Bỏ qua cột "Sắp trễ": không ứng với cột nào của biểu.')).toBeTruthy();
    expect(commands.importFigures).toHaveBeenCalledWith(host, expect.anything());
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it("writes nothing when the dialog is closed with Esc", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("button", { name: "Nhận số liệu từ bảng" }));
    await screen.findByRole("dialog", { name: "Ghi số liệu từ bảng đã dán?" });
    await user.keyboard("{Escape}");
    expect(await screen.findByText("Chưa ghi gì vào sổ.")).toBeTruthy();
  });

  it("shows why nothing can be imported", async () => {
    const { commands, user } = setup();
    commands.importFigures.mockResolvedValue({ status: "refused", message: "Chưa thấy bảng số liệu nào để nhận." });
    await user.click(screen.getByRole("button", { name: "Nhận số liệu từ bảng" }));
    expect(await screen.findByText("Chưa thấy bảng số liệu nào để nhận.")).toBeTruthy();
  });
});
