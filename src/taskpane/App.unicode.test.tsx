/**
 * @jest-environment jsdom
 */
import { screen, waitFor, within } from "@testing-library/react";
import type { LegacyFixOutcome } from "../commands/addin-commands";
import type { Problem } from "../report/types";
import { checkResult, fakeCommands, failOnReactWarnings, WARNING_INFO } from "./testing";

import { renderApp } from "./render-app.testutil";

failOnReactWarnings();

const LEGACY: Problem = {
  sheet: "Thông tin chung",
  cell: "B20",
  severity: "warning",
  code: "text.legacyEncoding",
  fieldId: "CAN_CU",
  message: 'Ô chứa chữ mã TCVN3 (ABC), không phải Unicode: "Thùc hiÖn" sẽ in ra sai. Bấm "Chuyển sang Unicode" hoặc chạy bao-cao fix-text.',
};

const converted: LegacyFixOutcome = { converted: [{ sheet: LEGACY.sheet, cell: LEGACY.cell, encoding: "tcvn3", text: "Thực hiện" }], skipped: [] };

describe("Chuyển sang Unicode", () => {
  test("is offered only when the check found legacy text", async () => {
    const commands = fakeCommands();
    commands.checkWorkbookInExcel.mockResolvedValueOnce(checkResult([WARNING_INFO]));
    const { user } = renderApp({ commands });
    expect(screen.queryByRole("button", { name: "Chuyển sang Unicode" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await screen.findByRole("button", { name: /Cảnh báo/ });
    expect(screen.queryByRole("button", { name: "Chuyển sang Unicode" })).toBeNull();
  });

  test("asks first, saying Office cannot undo it; no writes nothing", async () => {
    const commands = fakeCommands();
    commands.checkWorkbookInExcel.mockResolvedValueOnce(checkResult([LEGACY]));
    const { user } = renderApp({ commands });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await user.click(await screen.findByRole("button", { name: "Chuyển sang Unicode" }));
    const dialog = await screen.findByRole("dialog");
    expect(dialog.textContent).toMatch(/Office không hoàn tác/);
    expect(dialog.textContent).toContain("Thông tin chung, ô B20");
    await user.click(within(dialog).getByRole("button", { name: "Để nguyên" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(commands.convertLegacyText).not.toHaveBeenCalled();
    expect(await screen.findByText("Chưa chuyển ô nào.")).toBeTruthy();
  });

  test("on yes converts the cells, checks again and says how many", async () => {
    const commands = fakeCommands();
    commands.checkWorkbookInExcel.mockResolvedValueOnce(checkResult([LEGACY, WARNING_INFO])).mockResolvedValueOnce(checkResult([WARNING_INFO]));
    commands.convertLegacyText.mockResolvedValueOnce(converted);
    const { user, host } = renderApp({ commands });
    await user.click(screen.getByRole("button", { name: "Kiểm tra" }));
    await user.click(await screen.findByRole("button", { name: "Chuyển sang Unicode" }));
    const dialog = await screen.findByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Chuyển sang Unicode" }));
    expect(await screen.findByText("Đã chuyển 1 ô sang Unicode (phông Times New Roman).")).toBeTruthy();
    expect(commands.convertLegacyText).toHaveBeenCalledWith(host, [LEGACY]);
    expect(commands.checkWorkbookInExcel).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByRole("button", { name: "Chuyển sang Unicode" })).toBeNull());
  });
});
