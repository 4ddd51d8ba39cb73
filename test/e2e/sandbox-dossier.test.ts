/**
 * End to end, the second report kind: the dossier-settlement report with its Biểu số 06
 * table, in the REAL task pane of the sandbox page (Debian's Chromium, playwright-core).
 * Tạo mẫu of the chosen kind, the table typed (a figure that breaks an identity by hand, the
 * rest pasted), Kiểm tra marking that cell, two units, Tổng hợp (a formula in every cell of the
 * table body), Xuất báo cáo of the sums. Same conventions as sandbox-flow.test.ts.
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { paragraphs, unpackDocx } from "../../src/docx/docx-xml.testutil";
import { MARK_FILL } from "../../src/workbook/marks";
import { loadDefinition } from "../../src/report/kinds";
import { sampleData } from "../../src/report/sample";
import type { TableValue } from "../../src/report/types";
import { buildLayout, inputValues, STYLES } from "../../src/workbook/layout";
import {
  describeE2e,
  gridCell,
  hookCell,
  lastCommand,
  pasteCells,
  renderedFill,
  runPaneCommand,
  runPaneCommandAnswering,
  sandboxSession,
  screenshot,
  showSheet,
  tabNames,
  typeInCell,
  waitCommandDone,
} from "./harness";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const layout = buildLayout(def);
const sample = sampleData(def.id);
const table = sample.values.BIEU_06 as TableValue;
const BIEU = "Biểu 06";
const UNITS = [
  { name: "Phường Một", k: 1 },
  { name: "Phường Hai", k: 2 },
];
/** the address of a table cell (row r, column c, 0-based) on a sheet laid out like "Biểu 06" */
const at = (r: number, c: number) => `${String.fromCharCode(67 + c)}${6 + r}`;

describeE2e("the sandbox with the dossier-settlement kind (Chromium)", () => {
  const { page: loaded, step } = sandboxSession({ failurePrefix: "bieu06-", stepTimeout: 90_000 });
  let page: Page;
  beforeAll(() => {
    page = loaded();
  });

  step("Tạo mẫu of the chosen kind: its sheets and the Biểu 06 table with the definition's lĩnh vực, in two syncs", async () => {
    await page.getByRole("combobox", { name: "Loại báo cáo" }).selectOption(def.id);
    const stats = await runPaneCommand(page, "Tạo mẫu");
    expect(stats).toMatchObject({ label: "Tạo mẫu", syncCount: 2, error: null });
    expect(await tabNames(page)).toEqual([...def.sheets.map((s) => s.name), ...(def.units.expected ? [def.units.expected.sheet] : []), "Sheet1"]);
    await expect(page.getByText(`Sổ này: ${def.title}`).isVisible()).resolves.toBe(true);
    await showSheet(page, BIEU);
    expect(await gridCell(page, "C3").innerText()).toBe("Số hồ sơ nhận giải quyết");
    expect(await gridCell(page, "M5").innerText()).toBe("(13)");
    // the lĩnh vực column holds the definition's rows, in input cells the office edits; no figure yet
    const rows = def.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
    for (let r = 0; r < rows.length; r++) {
      expect(await gridCell(page, `B${6 + r}`).innerText()).toBe(rows[r]);
      expect(await hookCell(page, BIEU, `B${6 + r}`)).toMatchObject({ value: rows[r], fill: STYLES.inputText.fill });
    }
    expect(await hookCell(page, BIEU, "C6")).toMatchObject({ value: null });
    await screenshot(page, "k2-01-tao-mau-bieu-06.png");
  });

  step(
    "type the report: the sample pasted, one figure of Hộ tịch typed by hand so that (3) ≠ (4)+(5)+(6)",
    async () => {
      const values = inputValues(def, layout, sample);
      expect(
        await pasteCells(
          page,
          values.filter((v) => !(v.sheet === BIEU && v.address === "C7")),
        ),
      ).toBe(values.length - 1);
      await typeInCell(page, BIEU, "C7", "1750");
      expect(await hookCell(page, BIEU, "C7")).toMatchObject({ value: 1750 });
      // the total row follows
      expect(await hookCell(page, BIEU, "C16")).toMatchObject({ formula: "=SUM(C6:C15)", value: 11042 + 5 });
    },
    120_000,
  );

  step(
    "Kiểm tra marks the broken identity on its cell and writes why beside it",
    async () => {
      const stats = await runPaneCommand(page, "Kiểm tra");
      expect(stats).toMatchObject({ label: "Kiểm tra", error: null });
      expect(stats.syncCount).toBeLessThanOrEqual(4);
      await showSheet(page, BIEU);
      expect(await renderedFill(page, "C7")).toBe(MARK_FILL.error);
      expect(await gridCell(page, "N7").innerText()).toMatch(/Dòng "Hộ tịch": \(3\) là 1750, nhưng \(4\) \+ \(5\) \+ \(6\) là 1745/);
      await expect(
        page
          .getByRole("group", { name: /^Biểu 06/ })
          .getByRole("button", { name: /^Lỗi, ô C7:/ })
          .first()
          .isVisible(),
      ).resolves.toBe(true);
      await screenshot(page, "k2-02-kiem-tra-bieu-06.png");
      await typeInCell(page, BIEU, "C7", "1745");
      expect((await runPaneCommand(page, "Kiểm tra")).error).toBeNull();
      await expect(page.getByText(/^Có \d+ lỗi/).count()).resolves.toBe(0);
    },
    120_000,
  );

  step(
    "two units, their tables typed; Tổng hợp puts a formula in every cell of the table body",
    async () => {
      const nameField = page.getByRole("textbox", { name: "Tên đơn vị" });
      for (const u of UNITS) {
        await nameField.fill(u.name);
        expect(await runPaneCommand(page, "Thêm đơn vị")).toMatchObject({ syncCount: 2, error: null });
      }
      for (const u of UNITS) {
        const cells = table.rows.flatMap((label, r) => [
          { sheet: u.name, address: `B${6 + r}`, value: label },
          ...table.cells[r].map((v, c) => ({ sheet: u.name, address: at(r, c), value: (v ?? 0) * u.k })),
        ]);
        expect(await pasteCells(page, cells)).toBe(cells.length);
      }
      const stats = await runPaneCommandAnswering(page, "Tổng hợp", "Thay bằng công thức");
      expect(stats).toMatchObject({ label: "Tổng hợp", error: null });
      expect(stats.syncCount).toBeLessThanOrEqual(4);
      for (const [r, c] of [
        [0, 0],
        [1, 6],
        [9, 10],
      ]) {
        expect(await hookCell(page, BIEU, at(r, c))).toMatchObject({
          formula: `=SUM(DonViDau:DonViCuoi!${at(r, c)})`,
          value: (table.cells[r][c] ?? 0) * 3,
          fill: STYLES.computed.fill,
        });
      }
      await showSheet(page, BIEU);
      await screenshot(page, "k2-03-tong-hop-bieu-06.png");
    },
    180_000,
  );

  step("Xuất báo cáo: the downloaded .docx has the period, the sums and Biểu 06", async () => {
    const before = (await lastCommand(page)).serial;
    const download = page.waitForEvent("download", { timeout: 60_000 });
    await page.getByRole("button", { name: "Xuất báo cáo", exact: true }).click();
    const proceed = page.getByRole("button", { name: "Vẫn xuất báo cáo" });
    // warnings (if any) are asked about first
    await Promise.race([proceed.waitFor({ timeout: 30_000 }).then(() => proceed.click()), download]);
    const file = await download;
    expect(file.suggestedFilename()).toBe("bao-cao-giai-quyet-tthc-quy-3-2025.docx");
    expect((await waitCommandDone(page, before)).error).toBeNull();
    const text = paragraphs((await unpackDocx(readFileSync(await file.path())))["word/document.xml"])
      .map((p) => p.text)
      .join("\n");
    expect(text).toContain("Tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2025 trên địa bàn phường Mỹ Hào");
    expect(text).toContain("Tổng số hồ sơ tiếp nhận trong kỳ: 33.126 hồ sơ");
    expect(text).toContain("Biểu số 06/VPCP/KSTT");
    await screenshot(page, "k2-04-xuat-bao-cao.png");
  });
});
