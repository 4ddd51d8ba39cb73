/**
 * End to end, "Nhận số liệu từ bảng" in the REAL task pane of the sandbox page (Debian's
 * Chromium, playwright-core): a dossier workbook made by Tạo mẫu, the one-stop system's table
 * (templates/samples/…, its figures as plain numbers, as a paste into a Vietnamese-locale Excel
 * gives them) pasted into "Sheet1", the command started and answered from the keyboard (Tab
 * stays in the dialog, Enter on "Ghi số liệu"), the figures in the Biểu 06 table, three syncs.
 * Same conventions as sandbox-flow.test.ts.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { parseHtmlTables } from "../../src/import/source";
import { wholeNumberOf } from "../../src/import/numbers";
import { loadDefinition } from "../../src/report/kinds";
import { rowLabelKey } from "../../src/report/row-labels";
import { columnLetter } from "../../src/report/refs";
import { describeE2e, hookCell, lastCommand, pasteCells, runPaneCommand, sandboxSession, screenshot, showSheet, waitCommandDone } from "./harness";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const BIEU = "Biểu 06";
const html = readFileSync(join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls"), "utf8");
const grid = parseHtmlTables(html)[0].rows;
/** the source's data rows: label → its 11 figures (rows 10–17 of the export) */
const SOURCE = grid.slice(9, 17).map((r) => [String(r[1]), r.slice(2, 13).map((c) => (wholeNumberOf(c) as { value: number }).value)] as const);

describeE2e("the sandbox: Nhận số liệu từ bảng (Chromium)", () => {
  const { page: loaded, step } = sandboxSession({ failurePrefix: "nhan-so-lieu-", stepTimeout: 90_000 });
  let page: Page;
  beforeAll(() => {
    page = loaded();
  });

  step("Tạo mẫu of the dossier kind", async () => {
    await page.getByRole("combobox", { name: "Loại báo cáo" }).selectOption(def.id);
    expect(await runPaneCommand(page, "Tạo mẫu")).toMatchObject({ error: null });
  });

  step("the one-stop table pasted into Sheet1, read, shown, written after Enter on 'Ghi số liệu'", async () => {
    const cells = grid.flatMap((row, r) =>
      row.map((v, c) => {
        const n = typeof v === "string" ? wholeNumberOf(v) : null;
        // a figure as a paste into Excel under a Vietnamese locale leaves it: a number
        const value = r >= 9 && c >= 2 && n?.ok ? n.value : v;
        return { sheet: "Sheet1", address: `${columnLetter(c + 1)}${r + 1}`, value };
      }),
    );
    await pasteCells(
      page,
      cells.filter((c) => c.value !== null),
    );
    const before = (await lastCommand(page)).serial;
    const button = page.getByRole("button", { name: "Nhận số liệu từ bảng", exact: true });
    await button.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Ghi số liệu từ bảng đã dán?" });
    await dialog.waitFor({ timeout: 30_000 });
    const text = await dialog.innerText();
    expect(text).toContain('Đã đọc trang tính "Sheet1". Số liệu của bảng ở trang tính "Biểu 06" sẽ được thay như sau:');
    expect(text).toContain('"Số hồ sơ nhận giải quyết / Trong đó / Số mới tiếp nhận trực tuyến" → Số hồ sơ nhận giải quyết — Trực tuyến');
    expect(text).toContain('Bỏ qua dòng nhóm: "Xã, phường, thị trấn".');
    await screenshot(page, "k2-05-nhan-so-lieu-tu-bang.png");
    // the keyboard stays in the dialog until "Ghi số liệu" has the focus
    for (let i = 0; i < 6; i++) {
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
      if (focused === "Ghi số liệu") break;
      await page.keyboard.press("Tab");
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Ghi số liệu");
    await page.keyboard.press("Enter");
    const stats = await waitCommandDone(page, before);
    expect(stats).toMatchObject({ label: "Nhận số liệu từ bảng", syncCount: 3, error: null });
    await page.getByText(/Đã ghi số liệu vào bảng ở trang tính "Biểu 06"/).waitFor();
    // the focus back on the command's button
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  step("the Biểu 06 table holds the source's figures, row by row", async () => {
    await showSheet(page, BIEU);
    const found = new Map<string, number[]>();
    for (let row = 6; row < 40; row++) {
      const label = (await hookCell(page, BIEU, `B${row}`)).value;
      if (typeof label !== "string" || label === "Tổng cộng") continue;
      const values: number[] = [];
      for (let c = 0; c < 11; c++) values.push((await hookCell(page, BIEU, `${columnLetter(3 + c)}${row}`)).value as number);
      found.set(rowLabelKey(label), values);
    }
    for (const [label, values] of SOURCE) expect([label, found.get(rowLabelKey(label))]).toEqual([label, values]);
    await screenshot(page, "k2-06-bieu-06-da-nhan.png");
  });
});
