/**
 * End to end, in Chromium against the sandbox (npm run sandbox): "Xem trước" shows the report
 * inside the pane, laid out from the same .docx "Xuất báo cáo" builds (Quốc hiệu, "BÁO CÁO"),
 * also while the workbook still has errors; "Kỳ mới" makes next period's workbook — the
 * simulated Excel has no Excel.createWorkbook, so the pane hands the .xlsx over as a download,
 * which is read back here (tháng 12/2024, figures cleared). No page error on the way.
 *
 * Screenshots: see SCREENSHOTS in harness.ts (UPDATE_SCREENSHOTS=1 writes docs/screenshots/).
 */
import { readFileSync } from "fs";
import type { Page } from "playwright-core";
import { loadDefinition } from "../../src/report/kinds";
import { sampleData } from "../../src/report/sample";
import { checkWorkbook } from "../../src/workbook/check-workbook";
import { buildLayout, inputValues } from "../../src/workbook/layout";
import { readXlsxSnapshot } from "../../src/workbook/xlsx-read";
import { describeE2e, pasteCells, runPaneCommand, sandboxSession, screenshot } from "./harness";

const def = loadDefinition();
const layout = buildLayout(def);

describeE2e("Xem trước and Kỳ mới in the sandbox (Chromium)", () => {
  const pageErrors: string[] = [];
  const { page: loaded } = sandboxSession({ onPageError: (m) => pageErrors.push(m) });
  let page: Page;
  beforeAll(() => {
    page = loaded();
  });

  const preview = () => page.getByRole("region", { name: "Xem trước báo cáo" });

  test("after Tạo mẫu, Xem trước shows the report with Quốc hiệu and BÁO CÁO, and the problems above it", async () => {
    await runPaneCommand(page, "Tạo mẫu");
    await runPaneCommand(page, "Xem trước");
    const region = preview();
    await region.getByText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").first().waitFor({ timeout: 30_000 });
    expect(await region.textContent()).toContain("BÁO CÁO");
    // the workbook is empty: errors are listed, the preview is there all the same
    expect(await page.getByText(/Sổ còn \d+ lỗi/).count()).toBe(1);
    // every page fits the pane's width
    const fit = await page.evaluate(() => {
      const frame = document.querySelector<HTMLElement>('[data-testid="report-preview"]')!;
      const pages = Array.from(frame.querySelectorAll<HTMLElement>("section.tthc-docx"));
      return { frame: frame.getBoundingClientRect().width, widest: Math.max(...pages.map((p) => p.getBoundingClientRect().width)), pages: pages.length };
    });
    expect(fit.pages).toBeGreaterThan(0);
    expect(fit.widest).toBeLessThanOrEqual(fit.frame + 1);
    await screenshot(page, "xem-truoc-mau-trong.png");
  }, 120_000);

  test("with the sample filled in, Làm mới shows its text, selectable", async () => {
    await pasteCells(
      page,
      inputValues(def, layout, sampleData()).map((v) => ({ sheet: v.sheet, address: v.address, value: v.value })),
    );
    await runPaneCommand(page, "Làm mới");
    const region = preview();
    await region
      .getByText(/Nguyễn Quốc Khánh/)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(await region.textContent()).toContain("THỊ XÃ MỸ HÀO");
    const selectable = await page.evaluate(
      () => getComputedStyle(document.querySelector('[data-testid="report-preview"] section.tthc-docx p') ?? document.body).userSelect,
    );
    expect(selectable).not.toBe("none");
    await region.scrollIntoViewIfNeeded();
    await screenshot(page, "xem-truoc-bao-cao.png");
  }, 120_000);

  test("Kỳ mới (with its Giữ lời văn box) makes tháng 12/2024's workbook, handed over as a download here", async () => {
    expect(await page.getByRole("checkbox", { name: /Giữ lời văn/ }).isChecked()).toBe(false);
    const download = page.waitForEvent("download", { timeout: 60_000 });
    const stats = await runPaneCommand(page, "Kỳ mới");
    expect(stats.syncCount).toBe(2);
    const file = await download;
    expect(file.suggestedFilename()).toBe("bao-cao-cctthc-thang-12-2024.xlsx");
    const data = checkWorkbook(def, layout, await readXlsxSnapshot(readFileSync((await file.path())!))).data;
    expect([data.values.THANG, data.values.NAM, data.values.NGUOI_KY]).toEqual([12, 2024, "Nguyễn Quốc Khánh"]);
    expect(data.values.PAKN_TONG).toBeNull();
    await page.getByText(/Đã tạo sổ tháng 12 năm 2024/).waitFor();
    await screenshot(page, "ky-moi.png");
  }, 120_000);

  test("no page error", () => {
    expect(pageErrors).toEqual([]);
  });
});
