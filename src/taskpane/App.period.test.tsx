/**
 * @jest-environment jsdom
 */
/** The pane's "Kỳ mới" (with "Giữ lời văn") and "Xem trước" (docx-preview, loaded lazily; faked here). */
import { MSG_NEXT_PERIOD_FILE } from "../workbook/next-period-xlsx";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { loadDefinition } from "../report/kinds";
import { App } from "./App";
import { ERROR_INFO, fakeCommands, fakeHost, failOnReactWarnings } from "./testing";

const rendered: Blob[] = [];
jest.mock("docx-preview", () => ({
  renderAsync: jest.fn(async (doc: Blob, box: HTMLElement) => {
    rendered.push(doc);
    const page = document.createElement("section");
    page.className = "tthc-docx";
    page.textContent = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BÁO CÁO";
    box.appendChild(page);
  }),
}));

failOnReactWarnings();

function setup() {
  const commands = fakeCommands();
  const host = fakeHost();
  const deliver = jest.fn();
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} commands={commands} deliver={deliver} today={() => new Date(2024, 11, 5)} />
    </FluentProvider>,
  );
  return { commands, host, deliver, user: userEvent.setup() };
}

describe("Kỳ mới", () => {
  it("makes next period's workbook, with the text sections when Giữ lời văn is ticked, and says where it is", async () => {
    const { commands, host, user } = setup();
    commands.nextPeriodWorkbook.mockResolvedValue({
      status: "opened",
      fileName: "x.xlsx",
      from: "tháng 11 năm 2024",
      to: "tháng 12 năm 2024",
      units: 2,
      rewrites:
        'Đã sửa chữ chỉ kỳ sang tháng 12 năm 2024 trong 1 chỗ: "Câu mở đầu": "tháng 11 năm 2024" → "tháng 12 năm 2024". Xem lại các câu này trong sổ mới.',
      definition: loadDefinition(),
    });
    await user.click(screen.getByRole("checkbox", { name: /Giữ lời văn/ }));
    await user.click(screen.getByRole("button", { name: "Kỳ mới" }));
    expect(commands.nextPeriodWorkbook).toHaveBeenCalledWith(host, expect.objectContaining({ keepText: true }));
    expect(
      await screen.findByText(
        /Đã mở sổ tháng 12 năm 2024 trong một cửa sổ Excel mới .* Giữ 2 trang đơn vị.* Đã sửa chữ chỉ kỳ sang tháng 12 năm 2024 trong 1 chỗ: "Câu mở đầu": "tháng 11 năm 2024" → "tháng 12 năm 2024"\./,
      ),
    ).toBeTruthy();
  });

  it("says what the new workbook does not carry when the workbook had to be rebuilt", async () => {
    const { commands, user } = setup();
    commands.nextPeriodWorkbook.mockResolvedValue({
      status: "opened",
      fileName: "x.xlsx",
      from: "tháng 11 năm 2024",
      to: "tháng 12 năm 2024",
      units: 0,
      rewrites: "",
      definition: loadDefinition(),
      notKept: MSG_NEXT_PERIOD_FILE.noFile,
    });
    await user.click(screen.getByRole("button", { name: "Kỳ mới" }));
    expect(await screen.findByText(/Đã mở sổ tháng 12 năm 2024/)).toBeTruthy();
    expect(await screen.findByText(MSG_NEXT_PERIOD_FILE.noFile)).toBeTruthy();
  });

  it("shows why it cannot", async () => {
    const { commands, user } = setup();
    commands.nextPeriodWorkbook.mockResolvedValue({ status: "refused", message: "Chưa đọc được kỳ báo cáo của sổ." });
    await user.click(screen.getByRole("button", { name: "Kỳ mới" }));
    expect(commands.nextPeriodWorkbook).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ keepText: false }));
    expect(await screen.findByText("Chưa đọc được kỳ báo cáo của sổ.")).toBeTruthy();
  });
});

describe("Xem trước", () => {
  it("renders the report's .docx in the pane, lists the problems above it, and refreshes on request", async () => {
    const { commands, user } = setup();
    const doc = new Blob(["docx"]);
    commands.previewReport.mockResolvedValue({ document: doc, fileName: "x.docx", problems: [ERROR_INFO], unitSheets: [], definition: loadDefinition() });
    await user.click(screen.getByRole("button", { name: "Xem trước" }));
    const region = await screen.findByRole("region", { name: "Xem trước báo cáo" });
    await waitFor(() => expect(region.textContent).toContain("BÁO CÁO"));
    expect(rendered).toEqual([doc]);
    expect(screen.getByText(/Sổ còn 1 lỗi/)).toBeTruthy();
    expect(screen.getByText(ERROR_INFO.message)).toBeTruthy();
    // the problem list comes before the preview
    const problem = screen.getByText(ERROR_INFO.message);
    expect(problem.compareDocumentPosition(region) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Làm mới" }));
    await waitFor(() => expect(commands.previewReport).toHaveBeenCalledTimes(2));
    await user.click(screen.getByRole("button", { name: "Đóng" }));
    expect(screen.queryByRole("region", { name: "Xem trước báo cáo" })).toBeNull();
  });
});
