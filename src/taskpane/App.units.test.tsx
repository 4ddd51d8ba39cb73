/**
 * @jest-environment jsdom
 */
import { act, screen, waitFor, within } from "@testing-library/react";
import type { ImportFile, ImportResult, ImportStep, RollupHooks, RollupOutcome } from "../commands/addin-commands";
import type { ExcelHost } from "../excel/host";
import {
  checkResult,
  deferred,
  IMPORT_MIXED,
  MIXED,
  OTHER_UNIT_WARNING,
  rolledUp,
  UNIT_ERROR,
  UNIT_ERROR_2,
  type FakeCommands,
  failOnReactWarnings,
} from "./testing";

import { renderApp } from "./render-app.testutil";

failOnReactWarnings();

const nameField = () => screen.getByRole("textbox", { name: "Tên đơn vị" });
const addButton = () => screen.getByRole("button", { name: "Thêm đơn vị" });
const status = () => screen.getByRole("status").textContent;

describe("Thêm đơn vị", () => {
  test("sits in the Đơn vị section with its field; adds the unit and clears the field", async () => {
    const { commands, host, user } = renderApp();
    commands.addUnit.mockResolvedValue({ status: "added", unitName: "Phường Dị Sử", sheet: "Phường Dị Sử", renamed: false });
    const section = screen.getByRole("region", { name: "Đơn vị" });
    expect(within(section).getByRole("textbox", { name: "Tên đơn vị" })).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Thêm đơn vị" })).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Nhập từ tệp", description: /một hoặc nhiều tệp \.xlsx/ })).toBeTruthy();

    await user.type(nameField(), "Phường Dị Sử");
    await user.click(addButton());
    expect(commands.addUnit).toHaveBeenCalledWith(host, "Phường Dị Sử", undefined); // no kind seen yet: the monthly report
    expect(
      await screen.findByText('Đã thêm trang đơn vị "Phường Dị Sử". Nhập số liệu của đơn vị vào các ô nền vàng của trang đó, rồi bấm "Tổng hợp".'),
    ).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe("");
  });

  test("Enter in the field adds too; a shortened sheet name is shown", async () => {
    const { commands, user } = renderApp();
    const long = "Xã Có Một Cái Tên Rất Dài Quá Mức Cho Phép";
    commands.addUnit.mockResolvedValue({ status: "added", unitName: long, sheet: "Xã Có Một Cái Tên Rất Dài Quá", renamed: true });
    await user.type(nameField(), `${long}{Enter}`);
    expect(commands.addUnit).toHaveBeenCalledWith(expect.anything(), long, undefined);
    expect(
      await screen.findByText(new RegExp(`^Đã thêm đơn vị "${long}" vào trang tính "Xã Có Một Cái Tên Rất Dài Quá": tên trang tính được rút gọn`)),
    ).toBeTruthy();
  });

  test("a refused name: the message, and the field keeps what was typed", async () => {
    const { commands, user } = renderApp();
    const message = 'Tên đơn vị " ?? " không dùng được làm tên trang tính: hãy nhập tên có chữ cái.';
    commands.addUnit.mockResolvedValue({ status: "refused", message });
    await user.type(nameField(), " ?? ");
    await user.click(addButton());
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getByText("Không thêm được đơn vị")).toBeTruthy();
    expect((nameField() as HTMLInputElement).value).toBe(" ?? ");
  });

  test("an empty name asks for one and calls nothing", async () => {
    const { commands, user } = renderApp();
    await user.click(addButton());
    expect(screen.getByText("Hãy nhập tên đơn vị.")).toBeTruthy();
    expect(nameField().getAttribute("aria-invalid")).toBe("true");
    expect(commands.addUnit).not.toHaveBeenCalled();
  });
});

describe("Nhập từ tệp", () => {
  const xlsx = (name: string, text: string) => new File([text], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  const fileInput = () => screen.getByLabelText("Chọn tệp .xlsx của các đơn vị") as HTMLInputElement;

  test("the button opens the picker: .xlsx, several files", async () => {
    const { user } = renderApp();
    const input = fileInput();
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toMatch(/\.xlsx/);
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    await user.click(screen.getByRole("button", { name: "Nhập từ tệp" }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  test("shows 'Đang đọc tệp i/n…' while reading, then the summary, the path used and the list of imported and rejected files", async () => {
    const { commands, host, user } = renderApp();
    const received: ImportFile[][] = [];
    const gate = deferred<void>();
    let report!: (step: ImportStep) => void;
    commands.importUnits.mockImplementation(async (_host: ExcelHost, files: ImportFile[], progress?: (s: ImportStep) => void): Promise<ImportResult> => {
      received.push(files);
      report = progress!;
      report({ kind: "reading", index: 1, total: 4, file: files[0].name });
      await gate.promise;
      return IMPORT_MIXED;
    });
    const files = [xlsx("phuong-di-su.xlsx", "A"), xlsx("xa-dai.xlsx", "BB"), xlsx("bao-cao-thi-xa.xlsx", "C"), xlsx("hong.xlsx", "D")];
    await user.upload(fileInput(), files);

    await waitFor(() => expect(status()).toBe("Đang đọc tệp 1/4…"));
    expect(commands.importUnits).toHaveBeenCalledWith(host, expect.any(Array), expect.any(Function), undefined);
    expect(received[0].map((f) => [f.name, Array.from(f.bytes)])).toEqual([
      ["phuong-di-su.xlsx", [65]],
      ["xa-dai.xlsx", [66, 66]],
      ["bao-cao-thi-xa.xlsx", [67]],
      ["hong.xlsx", [68]],
    ]);
    expect(screen.getByRole("button", { name: "Nhập từ tệp" }).getAttribute("aria-disabled")).toBe("true");
    act(() => report({ kind: "reading", index: 3, total: 4, file: "bao-cao-thi-xa.xlsx" }));
    expect(status()).toBe("Đang đọc tệp 3/4…");
    act(() => report({ kind: "writing", units: 2 }));
    expect(status()).toBe("Đang đưa 2 đơn vị vào sổ…");

    await act(async () => gate.resolve());
    await waitFor(() => expect(status()).toBe(""));
    expect(
      screen.getByText('Đã nhập 2 đơn vị từ 4 tệp. 3 tệp không nhập được, xem lý do bên dưới. Bấm "Tổng hợp" để cộng các đơn vị vào trang I. Kết quả.'),
    ).toBeTruthy();
    expect(screen.getByText("Các trang đơn vị được chèn nguyên từ tệp.")).toBeTruthy();

    const results = screen.getByRole("region", { name: "Kết quả nhập tệp" });
    const done = within(results).getByRole("list", { name: "Đã nhập (2)" });
    expect(
      within(done)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["phuong-di-su.xlsx: Phường Dị Sử", 'xa-dai.xlsx: Xã Có Một Cái Tên Rất Dài Quá Mức Cho Phép (trang "Xã Có Một Cái Tên Rất Dài Quá")']);
    const rejected = within(results).getByRole("list", { name: "Không nhập được (3)" });
    expect(
      within(rejected)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(IMPORT_MIXED.rejected.map((r) => `${r.file}: ${r.message}`));
  });

  test("on older Excel says the figures were copied; with nothing imported says so", async () => {
    const { commands, user } = renderApp();
    commands.importUnits
      .mockResolvedValueOnce({ ...IMPORT_MIXED, rejected: [], method: "copy" })
      .mockResolvedValueOnce({ imported: [], rejected: [IMPORT_MIXED.rejected[2]], method: "insert" });
    await user.upload(fileInput(), [xlsx("a.xlsx", "A"), xlsx("b.xlsx", "B")]);
    expect(await screen.findByText(/^Đã nhập 2 đơn vị từ 2 tệp\. Bấm "Tổng hợp"/)).toBeTruthy();
    expect(
      screen.getByText(
        /^Phiên bản Excel này không chèn được trang tính từ tệp \(cần ExcelApi 1\.13\), nên mỗi trang đơn vị được tạo theo mẫu rồi chép số liệu/,
      ),
    ).toBeTruthy();

    await user.upload(fileInput(), [xlsx("hong.xlsx", "D")]);
    expect(await screen.findByText("Không nhập được tệp đã chọn. 1 tệp không nhập được, xem lý do bên dưới.")).toBeTruthy();
    expect(screen.queryByRole("list", { name: /^Đã nhập/ })).toBeNull();
    expect(within(screen.getByRole("list", { name: "Không nhập được (1)" })).getByText(/Tệp này bị hỏng hoặc chưa chép, tải về hết/)).toBeTruthy();
  });
});

describe("Tổng hợp", () => {
  const TYPED = [{ sheet: "I. Kết quả", cell: "C12", value: 9, label: "Tổng số PAKN đã tiếp nhận" }];

  /** Behaves like the real rollup when C12 holds a typed 9. */
  function rollupWithTypedValue(commands: FakeCommands) {
    const answers: boolean[] = [];
    commands.rollup.mockImplementation(async (_host: ExcelHost, hooks: RollupHooks): Promise<RollupOutcome> => {
      const replace = await hooks.confirmOverwrite(TYPED);
      answers.push(replace);
      return rolledUp(13, replace ? {} : { written: 8, kept: [{ sheet: "I. Kết quả", cell: "C12", label: "Tổng số PAKN đã tiếp nhận" }] });
    });
    return answers;
  }

  test("success: 'Đã tổng hợp N đơn vị vào trang I. Kết quả.'", async () => {
    const { commands, host, user } = renderApp();
    commands.rollup.mockResolvedValue(rolledUp(13, { moved: ["Xã A"] }));
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(commands.rollup).toHaveBeenCalledWith(host, expect.objectContaining({ confirmOverwrite: expect.any(Function) }), undefined);
    expect(await screen.findByText("Đã tổng hợp 13 đơn vị vào trang I. Kết quả.")).toBeTruthy();
    expect(screen.getByText('Đã xếp lại 1 trang tính để mọi trang đơn vị nằm giữa "DonViDau" và "DonViCuoi".')).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("asks before replacing typed summary values, listing them; Giữ số đã nhập keeps them", async () => {
    const { commands, user } = renderApp();
    const answers = rollupWithTypedValue(commands);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));

    const dialog = await screen.findByRole("dialog");
    expect(within(dialog).getByText("Thay số đã nhập bằng công thức?")).toBeTruthy();
    expect(within(dialog).getByText(/^1 ô tổng hợp đang có số nhập tay\./)).toBeTruthy();
    expect(within(dialog).getByRole("listitem").textContent).toBe("I. Kết quả, ô C12 (Tổng số PAKN đã tiếp nhận): 9");
    expect(status()).toBe("Đang chờ bạn xác nhận…");

    await user.click(within(dialog).getByRole("button", { name: "Giữ số đã nhập" }));
    expect(await screen.findByText("Đã tổng hợp 13 đơn vị vào trang I. Kết quả.")).toBeTruthy();
    expect(screen.getByText("Giữ nguyên 1 ô bạn đã nhập số, không cộng từ các đơn vị: C12 (Tổng số PAKN đã tiếp nhận).")).toBeTruthy();
    expect(answers).toEqual([false]);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  test("Thay bằng công thức replaces them", async () => {
    const { commands, user } = renderApp();
    const answers = rollupWithTypedValue(commands);
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    await user.click(await screen.findByRole("button", { name: "Thay bằng công thức" }));
    expect(await screen.findByText("Đã tổng hợp 13 đơn vị vào trang I. Kết quả.")).toBeTruthy();
    expect(screen.queryByText(/^Giữ nguyên/)).toBeNull();
    expect(answers).toEqual([true]);
  });

  test("the problem list of an earlier Kiểm tra is dropped once the units are added up (its cells may be stale)", async () => {
    const { commands, user } = renderApp();
    commands.checkWorkbookInExcel.mockResolvedValue(checkResult([UNIT_ERROR_2]));
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    expect(await screen.findByRole("button", { name: /^Lỗi, ô C12:/ })).toBeTruthy();
    commands.rollup.mockResolvedValue(rolledUp(2));
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(await screen.findByText("Đã tổng hợp 2 đơn vị vào trang I. Kết quả.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Lỗi, ô C12:/ })).toBeNull();
  });

  test("without any unit: a clear message, no dialog", async () => {
    const { commands, user } = renderApp();
    commands.rollup.mockResolvedValue({ status: "noUnits", message: 'Chưa có trang đơn vị nào để tổng hợp. Bấm "Thêm đơn vị" hoặc "Nhập từ tệp" trước.' });
    await user.click(screen.getByRole("button", { name: "Tổng hợp" }));
    expect(await screen.findByText('Chưa có trang đơn vị nào để tổng hợp. Bấm "Thêm đơn vị" hoặc "Nhập từ tệp" trước.')).toBeTruthy();
    expect(screen.queryByText("Không thực hiện được")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("Kiểm tra with unit sheets", () => {
  test("groups a unit sheet's problems under its unit, after the standard sheets, units in workbook order", async () => {
    const { commands, user } = renderApp();
    commands.checkWorkbookInExcel.mockResolvedValue(
      checkResult(
        [...MIXED.filter((p) => p.severity === "error"), UNIT_ERROR, UNIT_ERROR_2, ...MIXED.filter((p) => p.severity === "warning"), OTHER_UNIT_WARNING],
        {
          unitSheets: [
            { sheet: "Xã Hòa Phong", unitName: "Xã Hòa Phong", position: 7 },
            { sheet: "Phường Dị Sử", unitName: "Phường Dị Sử", position: 8 },
          ],
        },
      ),
    );
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByText(/^Có 4 lỗi và 3 cảnh báo/);
    expect(screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent)).toEqual([
      "Thông tin chung (1 lỗi, 1 cảnh báo)",
      "I. Kết quả (1 lỗi)",
      "III. Nhiệm vụ (1 cảnh báo)",
      "Đơn vị: Xã Hòa Phong (1 cảnh báo)",
      "Đơn vị: Phường Dị Sử (2 lỗi)",
    ]);
    const unit = screen.getByRole("group", { name: "Đơn vị: Phường Dị Sử (2 lỗi)" });
    await user.click(within(unit).getByRole("button", { name: /^Lỗi, ô C12:/ }));
    expect(commands.selectProblem).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ sheet: "Phường Dị Sử", cell: "C12" }));
  });
});
