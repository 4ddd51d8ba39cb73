/**
 * End to end: a person uses the REAL task pane in the sandbox page (npm run sandbox), in
 * Debian's Chromium driven by playwright-core, against the simulated Excel workbook shown
 * beside it. Every step goes through the pane's buttons and fields (by accessible name) and
 * the grid (click a cell, type, Enter); only the bulk of the sample's long texts is pasted
 * through the page's test hook (window.tthcSandbox.setCells, see dev/sandbox/README.md).
 *
 * The steps run in order on one page; after a failed step the later ones fail at once.
 * Each step saves a screenshot (see SCREENSHOTS in harness.ts); a failed step saves one of
 * the page as it was under test-output/e2e-failures/.
 *
 * The sync counts are those src/excel/edge.test.ts claims: Tạo mẫu 2, Thêm đơn vị 2, selecting
 * a problem's cell 1, Kiểm tra at most 4 (4 when it marks or unmarks cells, 3 when nothing
 * changes) and the same with or without unit sheets, Tổng hợp at most 4, Xuất báo cáo as a
 * Kiểm tra of the same workbook.
 *
 * Without /usr/bin/chromium the tests fail when $CI is set (.ci/run installs Debian's
 * chromium) and are skipped elsewhere.
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { paragraphs, unpackDocx } from "../../src/docx/docx-xml.testutil";
import { MARK_FILL } from "../../src/workbook/marks";
import { loadDefinition } from "../../src/report/kinds";
import { sampleData } from "../../src/report/sample";
import { buildLayout, inputValues, INPUT_FILL, STYLES } from "../../src/workbook/layout";
import {
  CHROMIUM,
  chromiumAvailable,
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
  SCREENSHOTS,
  sheetNames,
  showSheet,
  tabNames,
  typeInCell,
  waitCommandDone,
} from "./harness";

const def = loadDefinition();
const layout = buildLayout(def);
const sample = sampleData();
/** the report's sheets, then the list of units expected to send (empty until a summary office pastes one) */
const STANDARD_SHEETS = [...def.sheets.map((s) => s.name), ...(def.units.expected ? [def.units.expected.sheet] : [])];
const KQ = "I. Kết quả";
const TTC = "Thông tin chung";
const DG = "II. Đánh giá";
const KN = "IV. Kiến nghị";

/** The figures typed by hand on "I. Kết quả" (the sample's are all 0; these are worth checking). */
const FIGURES: Record<string, number> = { C5: 3, C6: 2, C8: 5, C9: 4, C10: 4, C12: 12, C13: 10, C14: 1, C15: 1 };
/** Header fields typed by hand on "Thông tin chung". */
const HEADER_TYPED: Record<string, string> = { B9: "BC-UBND", B11: "Mỹ Hào", B13: "11", B14: "2024", B25: "Nguyễn Quốc Khánh" };
const PARAGRAPH_DG = (sample.values.DANH_GIA_CHUNG as string[])[0];
const PARAGRAPH_KN = (sample.values.KIEN_NGHI as string[])[0];

/** Three units and the figures typed into their sheets (the same cells as "I. Kết quả"). */
const UNITS: Array<{ name: string; figures: Record<string, number> }> = [
  { name: "Phường Bần Yên Nhân", figures: { C5: 1, C6: 1, C8: 2, C9: 1, C10: 1, C12: 5, C13: 4, C14: 1, C15: 0 } },
  { name: "Xã Hòa Phong", figures: { C5: 2, C6: 0, C8: 2, C9: 2, C10: 1, C12: 4, C13: 3, C14: 0, C15: 1 } },
  { name: "Phường Dị Sử", figures: { C5: 0, C6: 3, C8: 3, C9: 1, C10: 0, C12: 6, C13: 6, C14: 0, C15: 0 } },
];
const unitSum = (cell: string) => UNITS.reduce((a, u) => a + u.figures[cell], 0);

if (!chromiumAvailable() && !process.env.CI) {
  console.warn(`End-to-end tests skipped: ${CHROMIUM} is missing (apt-get install chromium). In CI they fail instead.`);
}

describeE2e("the sandbox, clicked through like a user (Chromium)", () => {
  const { page: loaded, url, step, failed } = sandboxSession();
  let page: Page;
  beforeAll(() => {
    page = loaded();
  });
  /** Kiểm tra's syncs when nothing is marked or unmarked, before the units exist */
  let checkSyncs = 0;

  afterAll(() => {
    if (!failed()) console.log(`e2e screenshots: ${SCREENSHOTS}`);
  });

  step("the page shows the real pane and an empty simulated workbook, without office.js", async () => {
    expect(await tabNames(page)).toEqual(["Sheet1"]);
    for (const name of ["Tạo mẫu", "Kiểm tra", "Tổng hợp", "Xuất báo cáo", "Thêm đơn vị"]) {
      await expect(page.getByRole("button", { name, exact: true }).isEnabled()).resolves.toBe(true);
    }
    const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
    expect(scripts.filter((s) => !s.startsWith(url()))).toEqual([]);
  });

  step("Tạo mẫu: the five standard sheets appear as tabs, in two syncs", async () => {
    const stats = await runPaneCommand(page, "Tạo mẫu");
    expect(stats).toMatchObject({ label: "Tạo mẫu", syncCount: 2, error: null });
    expect(await tabNames(page)).toEqual([...STANDARD_SHEETS, "Sheet1"]);
    await expect(page.getByText(/Đã tạo 6 trang tính/).isVisible()).resolves.toBe(true);
    await expect(page.locator(".sb-status").innerText()).resolves.toContain("2 lần context.sync()");
    await showSheet(page, KQ);
    expect(await gridCell(page, "B12").innerText()).toBe("Tổng số PAKN đã tiếp nhận");
    expect(await renderedFill(page, "C12")).toBe(INPUT_FILL);
    await screenshot(page, "01-tao-mau.png");
  });

  step(
    "type the report (figures, header fields, two paragraphs by hand; the other texts pasted), with a text in a count and a PAKN total that does not add up",
    async () => {
      for (const [address, text] of Object.entries(HEADER_TYPED)) await typeInCell(page, TTC, address, text);
      await typeInCell(page, DG, "B5", PARAGRAPH_DG);
      await typeInCell(page, KN, "B5", PARAGRAPH_KN);
      // the rest of the sample's texts, as a paste (TEST HOOK)
      const byHand = new Set([...Object.keys(HEADER_TYPED).map((a) => `${TTC}!${a}`), `${DG}!B5`, `${KN}!B5`]);
      const rest = inputValues(def, layout, sample).filter((v) => typeof v.value === "string" && !byHand.has(`${v.sheet}!${v.address}`));
      expect(await pasteCells(page, rest)).toBe(rest.length);
      // the figures: "ba" (a word) in a count, and a total of 11 for parts that add up to 12
      for (const [address, n] of Object.entries(FIGURES)) {
        await typeInCell(page, KQ, address, address === "C5" ? "ba" : address === "C12" ? "11" : String(n));
      }
      expect(await hookCell(page, KQ, "C5")).toMatchObject({ value: "ba" });
      expect(await hookCell(page, KQ, "C12")).toMatchObject({ value: 11 });
      expect(await hookCell(page, TTC, "B25")).toMatchObject({ value: "Nguyễn Quốc Khánh" });
      expect(await hookCell(page, DG, "B5")).toMatchObject({ value: PARAGRAPH_DG });
      expect(await hookCell(page, KN, "B5")).toMatchObject({ value: PARAGRAPH_KN });
      // the grid shows what was typed, the formula bar the selected cell's content
      await showSheet(page, KQ);
      expect(await gridCell(page, "C13").innerText()).toBe("10");
      await gridCell(page, "C5").click();
      await expect(page.getByLabel("Ô đang chọn").inputValue()).resolves.toBe("C5");
      await expect(page.getByLabel("Thanh công thức").inputValue()).resolves.toBe("ba");
      await screenshot(page, "02-nhap-so-lieu.png");
    },
    120_000,
  );

  step("Kiểm tra: the wrong count and the PAKN total are marked in the grid and listed in the pane", async () => {
    const stats = await runPaneCommand(page, "Kiểm tra");
    // cells to mark, whose own fill is read first: 4, the most a check takes
    expect(stats).toMatchObject({ label: "Kiểm tra", syncCount: 4, error: null });

    await showSheet(page, KQ);
    expect(await renderedFill(page, "C5")).toBe(MARK_FILL.error);
    expect(await renderedFill(page, "C12")).toBe(MARK_FILL.error);
    expect(await renderedFill(page, "C13")).toBe(INPUT_FILL); // a correct cell keeps its own fill
    expect(await gridCell(page, "E5").innerText()).toMatch(/^Lỗi: "Số TTHC đã đánh giá tác động" phải là số nguyên/);
    expect(await gridCell(page, "E12").innerText()).toMatch(/^Lỗi:/);

    const group = page.getByRole("group", { name: /^I\. Kết quả/ });
    await expect(group.getByRole("button", { name: /^Lỗi, ô C5:/ }).isVisible()).resolves.toBe(true);
    await expect(group.getByRole("button", { name: /^Lỗi, ô C12:/ }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(/^Có 2 lỗi và \d+ cảnh báo/).isVisible()).resolves.toBe(true); // date warnings depend on today
    await screenshot(page, "03-kiem-tra-loi.png");
  });

  step("clicking a list entry selects its cell in the grid (switching the tab) in one sync", async () => {
    await showSheet(page, TTC);
    const before = (await lastCommand(page)).serial;
    await page
      .getByRole("group", { name: /^I\. Kết quả/ })
      .getByRole("button", { name: /^Lỗi, ô C12:/ })
      .click();
    const stats = await waitCommandDone(page, before);
    expect(stats).toMatchObject({ label: "Chọn ô C12", syncCount: 1, error: null });
    await expect(page.getByRole("tab", { name: KQ, exact: true }).getAttribute("aria-selected")).resolves.toBe("true");
    await expect(gridCell(page, "C12").getAttribute("data-anchor")).resolves.toBe("true");
    await expect(page.getByLabel("Ô đang chọn").inputValue()).resolves.toBe("C12");
    await expect(page.getByLabel("Thanh công thức").inputValue()).resolves.toBe("11");
    await screenshot(page, "04-chon-o-loi.png");
  });

  step("fix both, Kiểm tra again: the marks are gone and the cells' yellow input fill is back", async () => {
    await typeInCell(page, KQ, "C5", "3");
    await typeInCell(page, KQ, "C12", "12");
    // two marks to take off: their fills are read first, as when marking
    expect(await runPaneCommand(page, "Kiểm tra")).toMatchObject({ syncCount: 4, error: null });
    await showSheet(page, KQ);
    for (const a of ["C5", "C12"]) expect(await renderedFill(page, a)).toBe(INPUT_FILL);
    expect(await gridCell(page, "E5").innerText()).toBe("");
    expect(await gridCell(page, "E12").innerText()).toBe("");
    expect(await hookCell(page, KQ, "C5")).toMatchObject({ value: 3, fill: INPUT_FILL });
    await expect(page.getByRole("group", { name: /^I\. Kết quả/ }).count()).resolves.toBe(0);
    // the sample's own warning stays listed (a "nơi nhận" line without its semicolon)
    await expect(page.getByRole("button", { name: /^Cảnh báo, ô B28:/ }).isVisible()).resolves.toBe(true);
    await screenshot(page, "05-da-sua.png");
    // once more, with nothing to mark or unmark: no fills to read, one round trip less
    checkSyncs = (await runPaneCommand(page, "Kiểm tra")).syncCount;
    expect(checkSyncs).toBe(3);
  });

  step(
    "Thêm đơn vị three times: each unit gets its sheet between DonViDau and DonViCuoi, in two syncs; type their figures",
    async () => {
      const nameField = page.getByRole("textbox", { name: "Tên đơn vị" });
      for (const u of UNITS) {
        await nameField.fill(u.name);
        expect(await runPaneCommand(page, "Thêm đơn vị")).toMatchObject({ label: "Thêm đơn vị", syncCount: 2, error: null });
        await expect(nameField.inputValue()).resolves.toBe("");
      }
      const tabs = await tabNames(page);
      expect(tabs.slice(tabs.indexOf("DonViDau"), tabs.indexOf("DonViCuoi") + 1)).toEqual(["DonViDau", ...UNITS.map((u) => u.name), "DonViCuoi"]);
      for (const u of UNITS) {
        for (const [address, n] of Object.entries(u.figures)) await typeInCell(page, u.name, address, String(n));
      }
      for (const u of UNITS) expect(await hookCell(page, u.name, "C12")).toMatchObject({ value: u.figures.C12 });
      await showSheet(page, UNITS[0].name);
      await gridCell(page, "C12").click();
      await screenshot(page, "06-them-don-vi.png");
    },
    120_000,
  );

  step("Tổng hợp: after asking, the summary cells get =SUM(DonViDau:DonViCuoi!…) formulas that show the units' sums", async () => {
    // the figures typed on "I. Kết quả" earlier are replaced only once the user agrees
    const stats = await runPaneCommandAnswering(page, "Tổng hợp", "Thay bằng công thức");
    expect(stats).toMatchObject({ label: "Tổng hợp", error: null });
    expect(stats.syncCount).toBeLessThanOrEqual(4);
    await expect(page.getByText(/Đã tổng hợp 3 đơn vị/).isVisible()).resolves.toBe(true);

    await showSheet(page, KQ);
    for (const cell of Object.keys(FIGURES)) {
      // computed now: the cell loses the input's yellow for the computed green
      expect(await hookCell(page, KQ, cell)).toMatchObject({ formula: `=SUM(DonViDau:DonViCuoi!${cell})`, value: unitSum(cell), fill: STYLES.computed.fill });
      expect(await renderedFill(page, cell)).toBe(STYLES.computed.fill);
      expect(await gridCell(page, cell).innerText()).toBe(String(unitSum(cell)));
    }
    await gridCell(page, "C12").click();
    await expect(page.getByLabel("Ô đang chọn").inputValue()).resolves.toBe("C12");
    await expect(page.getByLabel("Thanh công thức").inputValue()).resolves.toBe("=SUM(DonViDau:DonViCuoi!C12)");
    await screenshot(page, "07-tong-hop.png");

    // a figure changed on a unit's sheet: the sum follows
    await typeInCell(page, UNITS[2].name, "C6", "5");
    await showSheet(page, KQ);
    expect(await gridCell(page, "C6").innerText()).toBe(String(unitSum("C6") + 2));
    await typeInCell(page, UNITS[2].name, "C6", String(UNITS[2].figures.C6));
    await showSheet(page, KQ);
    expect(await gridCell(page, "C6").innerText()).toBe(String(unitSum("C6")));

    // Kiểm tra reads three more sheets now, in as many syncs as without them
    expect(await runPaneCommand(page, "Kiểm tra")).toMatchObject({ label: "Kiểm tra", syncCount: checkSyncs, error: null });
    await expect(page.getByText(/^Có \d+ lỗi/).count()).resolves.toBe(0);
  });

  step("the warnings dialog by keyboard: it takes the focus and keeps it (Tab), Esc answers no and gives the focus back", async () => {
    const exportButton = page.getByRole("button", { name: "Xuất báo cáo", exact: true });
    const before = (await lastCommand(page)).serial;
    await exportButton.click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ timeout: 30_000 });
    const focusInDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    expect(await focusInDialog()).toBe(true);
    const focused: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInDialog()).toBe(true);
      focused.push(await page.evaluate(() => document.activeElement?.textContent ?? ""));
    }
    // both answers are reached by Tab, and Tab goes round inside the dialog
    expect(focused).toEqual(expect.arrayContaining(["Vẫn xuất báo cáo", "Quay lại sửa"]));
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached", timeout: 10_000 });
    await waitCommandDone(page, before);
    expect(await exportButton.evaluate((b) => b === document.activeElement)).toBe(true);
    await expect(page.getByText(/Đã tạo tệp/).count()).resolves.toBe(0);
  });

  step("Xuất báo cáo: after the warnings dialog, a .docx is downloaded that holds the figures and texts", async () => {
    const before = (await lastCommand(page)).serial;
    const download = page.waitForEvent("download", { timeout: 60_000 });
    // by keyboard: Enter on the focused button, then Enter on the dialog's "yes"
    await page.getByRole("button", { name: "Xuất báo cáo", exact: true }).focus();
    await page.keyboard.press("Enter");
    const proceed = page.getByRole("button", { name: "Vẫn xuất báo cáo" });
    await proceed.waitFor({ timeout: 30_000 });
    await screenshot(page, "08-canh-bao-xuat.png");
    await proceed.focus();
    await page.keyboard.press("Enter");
    const file = await download;
    expect(file.suggestedFilename()).toBe("bao-cao-cctthc-thang-11-2024.docx");
    const stats = await waitCommandDone(page, before);
    // the export checks first and syncs nothing more: the round trips of a Kiểm tra
    expect(stats).toMatchObject({ label: "Xuất báo cáo", syncCount: checkSyncs, error: null });

    const parts = await unpackDocx(readFileSync(await file.path()));
    const text = paragraphs(parts["word/document.xml"]).map((p) => p.text);
    const all = text.join("\n");
    // the PAKN sentence with the units' sums (15 = 5 + 4 + 6, …)
    expect(all).toContain(
      `Tổng số PAKN đã tiếp nhận: ${unitSum("C12")}; số PAKN đã xử lý đúng hạn: ${unitSum("C13")}; ` +
        `số PAKN đã xử lý quá hạn: ${unitSum("C14")}; số PAKN đang xử lý: ${unitSum("C15")}.`,
    );
    // paragraphs and header fields typed in the grid
    expect(text.find((p) => p.includes(PARAGRAPH_DG))).toBeDefined();
    expect(all).toContain(PARAGRAPH_KN);
    expect(all).toContain("Nguyễn Quốc Khánh");
    expect(all).toContain("Mỹ Hào, ngày");
    expect(all).toContain("/BC-UBND");
    await expect(page.getByText(/Đã tạo tệp bao-cao-cctthc-thang-11-2024\.docx/).isVisible()).resolves.toBe(true);
    await screenshot(page, "09-xuat-bao-cao.png");
  });

  step("the workbook is kept in the browser: a reload shows it again; Làm mới sổ starts over", async () => {
    await page.reload();
    await page.getByRole("button", { name: "Tạo mẫu", exact: true }).waitFor();
    expect(await sheetNames(page)).toEqual(expect.arrayContaining([...STANDARD_SHEETS, ...UNITS.map((u) => u.name)]));
    expect(await hookCell(page, KQ, "C12")).toMatchObject({ formula: "=SUM(DonViDau:DonViCuoi!C12)", value: unitSum("C12"), fill: STYLES.computed.fill });
    await page.getByRole("button", { name: "Làm mới sổ" }).click();
    await page.getByRole("button", { name: "Tạo mẫu", exact: true }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[role="tab"]').length === 1);
    expect(await tabNames(page)).toEqual(["Sheet1"]);
  });
});
