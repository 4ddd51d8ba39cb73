/**
 * End to end, the web page (src/web, web.html of the production build) in Debian's Chromium:
 * `npm run web`'s server on a free port, the sample workbook of `bao-cao template --sample`
 * chosen through "Chọn sổ báo cáo", Kiểm tra listing the lines `bao-cao check` prints,
 * Xuất báo cáo downloading a .docx whose paragraphs are those of `bao-cao export`; a blank
 * workbook refused with its errors, and its marked copy (Tải sổ đã đánh dấu) holding the
 * original's values; three units' workbooks chosen through "Chọn sổ các đơn
 * vị" and rolled up, offline, into a summary with the units' sheets and formulas, which LibreOffice Calc
 * computes to the units' sums. Throughout, no
 * request leaves the page's origin and no page error is raised.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import type { Download, Page } from "playwright-core";
import { runCli } from "../../src/cli/testing";
import { paragraphs, unpackDocx } from "../../src/docx/docx-xml.testutil";
import { readXlsxSnapshot } from "../../src/workbook/xlsx-read";
import { convertWithLibreOffice } from "../libreoffice";
import { chromiumAvailable, CHROMIUM, describeE2e, launchBrowser, screenshot, startWeb, type Browser, type SandboxServer } from "./harness";

const today = new Date();
const UNITS = ["Xã An Bình", "Xã Tân Lập", "Phường Hòa Bình"];
/** a field the roll-up sums, and each unit's figure */
const FIELD = "PAKN_TONG";
const FIGURES = [4, 7, 11];

describeE2e("the web page (Chromium)", () => {
  let server: SandboxServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's chromium package.`);
    dir = mkdtempSync(path.join(os.tmpdir(), "tthc-web-e2e-"));
    server = await startWeb(400_000);
    browser = await launchBrowser();
    page = browser.page;
    page.on("request", (r) => requests.push(r.url()));
    page.on("pageerror", (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByRole("heading", { name: "Báo cáo CCTTHC trên trình duyệt" }).waitFor({ timeout: 30_000 });
  }, 460_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (argv: string[]) => {
    const r = await runCli(argv, { today });
    expect(r.code).toBeLessThanOrEqual(1);
    return r;
  };
  const docText = async (bytes: Uint8Array) => paragraphs((await unpackDocx(bytes))["word/document.xml"]).map((p) => p.text);
  const downloaded = async (d: Download) => new Uint8Array(readFileSync((await d.path())!));
  const status = () => page.getByRole("status", { name: "Trạng thái" });
  const open = async (file: string) => {
    await page.getByLabel("Chọn sổ báo cáo", { exact: true }).setInputFiles(file);
    await status()
      .getByText(`Đã mở "${path.basename(file)}"`)
      .waitFor({ timeout: 60_000 });
  };

  test("the sample workbook: Kiểm tra lists its problems as `bao-cao check`; Xuất báo cáo downloads the document `bao-cao export` writes", async () => {
    const sample = path.join(dir, "so-mau.xlsx");
    await cli(["template", "--sample", "-o", sample]);
    await open(sample);

    await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
    const checked = await cli(["check", sample]);
    await status().getByText(checked.out.at(-1)!, { exact: true }).waitFor({ timeout: 60_000 });
    const listed = await page.getByRole("region", { name: "Kết quả kiểm tra" }).getByRole("listitem").allInnerTexts();
    expect(listed).toEqual(checked.out.slice(0, -1));
    expect(listed.length).toBeGreaterThan(0);
    await screenshot(page, "web-kiem-tra.png");

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name: "Xuất báo cáo" }).click()]);
    const docx = path.join(dir, "cli.docx");
    await cli(["export", sample, "-o", docx]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-cctthc-thang-.*\.docx$/);
    const expected = await docText(new Uint8Array(readFileSync(docx)));
    expect(expected.filter(Boolean).length).toBeGreaterThan(10);
    expect(await docText(await downloaded(download))).toEqual(expected);
    await screenshot(page, "web-xuat-bao-cao.png");
  }, 240_000);

  test("a blank workbook: its errors listed, no report downloaded", async () => {
    const blank = path.join(dir, "so-trong.xlsx");
    await cli(["template", "-o", blank]);
    await open(blank);
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.getByRole("button", { name: "Xuất báo cáo" }).click();
    await status()
      .getByText(/^Chưa xuất báo cáo: sổ còn \d+ lỗi/)
      .waitFor({ timeout: 60_000 });
    const listed = await page.getByRole("region", { name: "Kết quả kiểm tra" }).getByRole("listitem").allInnerTexts();
    expect(listed[0]).toMatch(/^[^!]+![A-Z]+\d+: \[Lỗi\] /);
    expect(downloads).toBe(0);
  }, 120_000);

  test("Tải sổ đã đánh dấu of the blank workbook: a copy with the cells `bao-cao check` lists marked, its values the original's", async () => {
    const blank = path.join(dir, "so-trong.xlsx"); // still the opened workbook
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 120_000 }),
      page.getByRole("button", { name: "Tải sổ đã đánh dấu" }).click(),
    ]);
    const checked = await cli(["check", blank]);
    const cells = new Set(checked.out.slice(0, -1).map((l) => /^(.+?![A-Z]+\d+): /.exec(l)![1]));
    await status().getByText(`Đã tải bản sổ đánh dấu ${cells.size} ô có vấn đề: "so-trong-da-danh-dau.xlsx"`, { exact: false }).waitFor({ timeout: 60_000 });
    expect(download.suggestedFilename()).toBe("so-trong-da-danh-dau.xlsx");
    const [before, after] = await Promise.all([readXlsxSnapshot(readFileSync(blank)), readXlsxSnapshot(await downloaded(download))]);
    expect(after.sheets.map((s) => [s.name, s.formulas])).toEqual(before.sheets.map((s) => [s.name, s.formulas]));
    // every value as it was; the only new texts are the check column's messages
    const added = after.sheets.flatMap((s, i) =>
      Object.entries(s.cells).filter(([address, v]) => before.sheets[i].cells[address] !== v && !(typeof v === "string" && /^(Lỗi|Cảnh báo): /.test(v))),
    );
    expect(added).toEqual([]);
    for (const [i, s] of before.sheets.entries())
      for (const [address, v] of Object.entries(s.cells)) expect([s.name, address, after.sheets[i].cells[address]]).toEqual([s.name, address, v]);
  }, 120_000);

  test("Tổng hợp of three units' workbooks, with the network cut: a summary with their sheets and the roll-up formulas", async () => {
    // everything the page needs was fetched once it was drawn: it works offline from here on
    await browser.context.setOffline(true);
    const files = UNITS.map((u, i) => path.join(dir, `don-vi-${i}.xlsx`));
    const data = path.join(dir, "so-lieu.json");
    writeFileSync(data, JSON.stringify({ units: UNITS.map((name, i) => ({ name, values: { [FIELD]: FIGURES[i] } })) }));
    for (const [i, u] of UNITS.entries()) await cli(["template", "--unit", u, "--data", data, "-o", files[i]]);
    await page.getByLabel("Chọn sổ các đơn vị", { exact: true }).setInputFiles(files);
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), page.getByRole("button", { name: "Tổng hợp" }).click()]);
    await status().getByText("Đã tổng hợp 3 đơn vị", { exact: false }).waitFor({ timeout: 60_000 });
    await screenshot(page, "web-tong-hop.png");
    const summary = await readXlsxSnapshot(await downloaded(download));
    const cliOut = path.join(dir, "tong-hop-cli.xlsx");
    await cli(["rollup", "-o", cliOut, ...files]);
    const expected = await readXlsxSnapshot(readFileSync(cliOut));
    expect(summary.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(UNITS));
    expect(summary.sheets.map((s) => [s.name, s.formulas])).toEqual(expected.sheets.map((s) => [s.name, s.formulas]));
    expect(summary.sheets.map((s) => [s.name, s.cells])).toEqual(expected.sheets.map((s) => [s.name, s.cells]));
    // the roll-up cell of the field is a formula, and LibreOffice Calc computes it to the units' sum
    const ref = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(summary.names[FIELD])!;
    const [sheet, cell] = [ref[1], `${ref[2]}${ref[3]}`];
    expect(summary.sheets.find((s) => s.name === sheet)!.formulas![cell]).toMatch(/^=SUM\(/);
    const summaryFile = path.join(dir, "tong-hop.xlsx");
    writeFileSync(summaryFile, await downloaded(download));
    const recalculated = await readXlsxSnapshot(readFileSync(path.join(convertWithLibreOffice(dir, summaryFile), "tong-hop.xlsx")));
    expect(recalculated.sheets.find((s) => s.name === sheet)!.cells[cell]).toBe(FIGURES.reduce((a, b) => a + b, 0));
  }, 240_000);

  test("no request left the page's origin, no page error", () => {
    const origin = new URL(server.url).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
