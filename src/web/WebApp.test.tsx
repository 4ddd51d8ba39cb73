/**
 * @jest-environment jsdom
 */
/**
 * The web page in jsdom, with its real commands (src/web/web-commands.ts) on real workbook
 * bytes: labelled file choosers, the live region, Kiểm tra's lines, Xuất báo cáo's download
 * and its refusal, the marked copy, the import of the one-stop system's table, the messages
 * for a missing or wrong file and for an unexpected failure.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { failOnReactWarnings } from "../taskpane/testing";
import { readXlsxSnapshot } from "../workbook/xlsx-read";
import * as webCommands from "./web-commands";
import { WebApp, type WebCommands } from "./WebApp";

failOnReactWarnings();

// jsdom has no structuredClone (the sample figures are cloned with it); JSON is enough for them
globalThis.structuredClone ??= <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const today = new Date(2024, 11, 5);

function renderPage(commands: WebCommands = webCommands) {
  const save = jest.fn<void, [webCommands.WebDownload]>();
  // the page's own check of the name is under test, not the browser's filter of `accept`
  const user = userEvent.setup({ applyAccept: false });
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp commands={() => Promise.resolve(commands)} save={save} today={() => today} />
    </FluentProvider>,
  );
  return { save, user };
}

const status = () => screen.getByRole("status", { name: "Trạng thái" });

async function xlsxFile(name: string, sample: boolean): Promise<File> {
  const made = await webCommands.blankWorkbook("bao-cao-cctthc-thang", { sample });
  return new File([made.download!.bytes as BlobPart], name, { type: webCommands.XLSX_MIME });
}

test("the file choosers and the inputs have their Vietnamese names; the status is a live region", () => {
  renderPage();
  expect(screen.getByLabelText("Chọn sổ báo cáo")).toHaveProperty("type", "file");
  expect(screen.getByLabelText("Chọn sổ các đơn vị")).toHaveProperty("multiple", true);
  expect(screen.getByLabelText("Sổ báo cáo làm nền (không bắt buộc)")).toHaveProperty("type", "file");
  expect(screen.getByRole("combobox", { name: "Loại báo cáo" })).toBeTruthy();
  expect(status().getAttribute("aria-live")).toBe("polite");
});

test("Kiểm tra before a workbook is opened says how to open one", async () => {
  const { user } = renderPage();
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await within(status()).findByText(/^Chưa mở sổ báo cáo: bấm "Chọn sổ báo cáo"/)).toBeTruthy();
});

test("the sample workbook: Kiểm tra lists `check`'s lines; Xuất báo cáo saves the .docx", async () => {
  const { user, save } = renderPage();
  await user.upload(screen.getByLabelText("Chọn sổ báo cáo"), await xlsxFile("so.xlsx", true));
  await within(status()).findByText(/^Đã mở "so\.xlsx"/);
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  const opened = await webCommands.openWorkbook({
    name: "so.xlsx",
    bytes: (await webCommands.blankWorkbook("bao-cao-cctthc-thang", { sample: true })).download!.bytes,
  });
  const expected = webCommands.checkOpened(opened.ok ? opened.workbook : (undefined as never), today);
  await within(status()).findByText(expected.lines.at(-1)!);
  const items = within(screen.getByRole("region", { name: "Kết quả kiểm tra" })).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual(webCommands.problemLines(expected.problems!));

  await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
  await within(status()).findByText(/^Đã tải báo cáo Word "bao-cao-cctthc-thang-.*\.docx"/);
  expect(save).toHaveBeenCalledTimes(1);
  expect(save.mock.calls[0][0]).toMatchObject({ fileName: expect.stringMatching(/\.docx$/), mime: webCommands.DOCX_MIME });
  expect(save.mock.calls[0][0].bytes.length).toBeGreaterThan(1000);
});

test("a blank workbook: Xuất báo cáo is refused with its errors, nothing saved", async () => {
  const { user, save } = renderPage();
  await user.upload(screen.getByLabelText("Chọn sổ báo cáo"), await xlsxFile("trong.xlsx", false));
  await within(status()).findByText(/^Đã mở "trong\.xlsx"/);
  await user.click(screen.getByRole("button", { name: "Xuất báo cáo" }));
  await within(status()).findByText(/^Chưa xuất báo cáo: sổ còn \d+ lỗi/);
  const items = within(screen.getByRole("region", { name: "Kết quả kiểm tra" })).getAllByRole("listitem");
  expect(items[0].textContent).toMatch(/^[^!]+![A-Z]+\d+: \[Lỗi\] /);
  expect(save).not.toHaveBeenCalled();
});

test("a file that is not .xlsx, and a command that fails unexpectedly, get Vietnamese messages", async () => {
  const failing = {
    ...webCommands,
    checkOpened: () => {
      throw new TypeError("x is undefined");
    },
  } as WebCommands;
  const { user } = renderPage(failing);
  await user.upload(screen.getByLabelText("Chọn sổ báo cáo"), new File(["a;b"], "so.csv", { type: "text/csv" }));
  expect(await within(status()).findByText('Tệp "so.csv" không phải tệp .xlsx. Hãy lưu sổ dạng "Sổ làm việc Excel (*.xlsx)" rồi chọn lại.')).toBeTruthy();
  await user.upload(screen.getByLabelText("Chọn sổ báo cáo"), await xlsxFile("so.xlsx", true));
  await within(status()).findByText(/^Đã mở "so\.xlsx"/);
  jest.spyOn(console, "error").mockImplementation(() => undefined);
  await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
  expect(await within(status()).findByText(/^Không làm được việc "Kiểm tra" do một lỗi ngoài dự kiến/)).toBeTruthy();
  expect(status().textContent).not.toMatch(/undefined/);
});

test("Tải sổ đã đánh dấu saves the marked copy and lists the problems it marks", async () => {
  const { user, save } = renderPage();
  await user.upload(screen.getByLabelText("Chọn sổ báo cáo"), await xlsxFile("trong.xlsx", false));
  await within(status()).findByText(/^Đã mở "trong\.xlsx"/);
  await user.click(screen.getByRole("button", { name: "Tải sổ đã đánh dấu" }));
  await within(status()).findByText(/Đã tải bản sổ đánh dấu \d+ ô có vấn đề: "trong-da-danh-dau\.xlsx"/);
  expect(save).toHaveBeenCalledTimes(1);
  const saved = save.mock.calls[0][0];
  expect(saved).toMatchObject({ fileName: "trong-da-danh-dau.xlsx", mime: webCommands.XLSX_MIME });
  const items = within(screen.getByRole("region", { name: "Kết quả kiểm tra" })).getAllByRole("listitem");
  expect(items[0].textContent).toMatch(/^[^!]+![A-Z]+\d+: \[Lỗi\] /);
  // the saved copy holds the marks: its check column has the messages
  const copy = await webCommands.openWorkbook({ name: "x.xlsx", bytes: saved.bytes });
  const texts = copy.ok
    ? copy.workbook.snapshot.sheets.flatMap((sh) => Object.values(sh.cells)).filter((v) => typeof v === "string" && v.startsWith("Lỗi: "))
    : [];
  expect(texts.length).toBeGreaterThan(0);
});

test("Nhận số liệu từ hệ thống một cửa: before a workbook is opened it says how; then it saves the workbook with the imported figures", async () => {
  const source = path.join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls");
  const sourceFile = () => new File([readFileSync(source)], "bieu-06.xls", { type: "application/vnd.ms-excel" });
  const { user, save } = renderPage();
  const chooser = screen.getByLabelText("Chọn bảng xuất từ hệ thống một cửa");
  expect(chooser.getAttribute("accept")).toContain(".csv");
  await user.upload(chooser, sourceFile());
  expect(await within(status()).findByText(/^Chưa mở sổ báo cáo: bấm "Chọn sổ báo cáo"/)).toBeTruthy();
  expect(save).not.toHaveBeenCalled();

  const bookBytes = (await webCommands.blankWorkbook("bao-cao-giai-quyet-tthc", { sample: true })).download!.bytes;
  await user.upload(screen.getByLabelText("Chọn sổ báo cáo"), new File([bookBytes as BlobPart], "so-quy.xlsx", { type: webCommands.XLSX_MIME }));
  await within(status()).findByText(/^Đã mở "so-quy\.xlsx"/);
  await user.upload(screen.getByLabelText("Chọn bảng xuất từ hệ thống một cửa"), sourceFile());
  await within(status()).findByText(/Đã tải sổ có số liệu mới: "so-quy-so-lieu-moi\.xlsx"/);
  // the same lines as the command itself on the same files
  const opened = await webCommands.openWorkbook({ name: "so-quy.xlsx", bytes: bookBytes });
  const expected = await webCommands.importOpened(opened.ok ? opened.workbook : (undefined as never), {
    name: "bieu-06.xls",
    bytes: new Uint8Array(readFileSync(source)),
  });
  expect(status().textContent).toContain(expected.lines.join("\n"));
  expect(save).toHaveBeenCalledTimes(1);
  expect(save.mock.calls[0][0]).toMatchObject({ fileName: "so-quy-so-lieu-moi.xlsx", mime: webCommands.XLSX_MIME });
  const [a, b] = await Promise.all([readXlsxSnapshot(save.mock.calls[0][0].bytes), readXlsxSnapshot(expected.download!.bytes)]);
  expect(a.sheets.map((sh) => [sh.name, sh.cells])).toEqual(b.sheets.map((sh) => [sh.name, sh.cells]));
});
