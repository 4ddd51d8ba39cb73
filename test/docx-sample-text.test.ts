/**
 * The sample report, exported and read back by LibreOffice as plain text, must say word
 * for word what the real report of Mỹ Hào (tháng 11/2024) says.
 *
 * The reference is test/fixtures/bao-cao-mau-my-hao-thang-11-2024.md, a copy of
 * ../shared/reference/ (kept here so that the test runs on its own). Markdown marks
 * (#, **, *, the two trailing spaces of a line break) are removed and whitespace is
 * collapsed on both sides before lines are compared.
 *
 * The same file rendered to PDF by LibreOffice is also read back page by page with
 * pdftotext -layout, to check that the two-column header and closing block and the page
 * numbers survive rendering.
 *
 * Needs LibreOffice (`soffice`, Debian: libreoffice-writer-nogui, fonts-liberation2) and
 * pdftotext (Debian: poppler-utils).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { packReport } from "../src/docx";
import { loadDefinition } from "../src/report/kinds";
import { sampleData } from "../src/report/sample";

const FIXTURE = path.resolve(__dirname, "fixtures/bao-cao-mau-my-hao-thang-11-2024.md");
const SHARED_REFERENCE = path.resolve(__dirname, "../../shared/reference/bao-cao-mau-my-hao-thang-11-2024.md");

/** A line of markdown as plain text. */
function markdownLineText(line: string): string {
  return line
    .replace(/^\s*#+\s*/, "")
    .replace(/\*+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

const collapse = (s: string) =>
  s
    .replace(/\uFEFF/g, "")
    .replace(/\s+/g, " ")
    .trim();

function referenceLines(): string[] {
  return readFileSync(FIXTURE, "utf8").split(/\r?\n/).map(markdownLineText).filter(Boolean);
}

/**
 * Converts a .docx with LibreOffice (`filter` e.g. "pdf" or "txt:Text (encoded):UTF8"), in a
 * private profile so that parallel runs do not clash. Returns the output file's path.
 */
function libreOfficeConvert(docx: string, dir: string, filter: string, extension: string): string {
  const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
  const res = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", dir, docx], {
    encoding: "utf8",
    timeout: 90_000,
  });
  if (res.error) throw res.error;
  const out = path.join(dir, path.basename(docx).replace(/\.docx$/, `.${extension}`));
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${docx} (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  return out;
}

/** The text of one page of a PDF, laid out as on the page (pdftotext -layout). */
function pdfPageText(pdf: string, page: number): string {
  const res = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8", timeout: 30_000 });
  if (res.error) throw new Error(`pdftotext (poppler-utils) is needed: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`pdftotext failed: ${res.stderr}`);
  return res.stdout;
}

describe("markdownLineText", () => {
  it("removes the marks of the reference's markdown", () => {
    expect(markdownLineText("## **2. Tồn tại, hạn chế**")).toBe("2. Tồn tại, hạn chế");
    expect(markdownLineText("***Nơi nhận:***")).toBe("Nơi nhận:");
    expect(markdownLineText("**TM. ỦY BAN NHÂN DÂN  ")).toBe("TM. ỦY BAN NHÂN DÂN");
    expect(markdownLineText("Mỹ Hào, ngày tháng 11 năm 2024")).toBe("Mỹ Hào, ngày tháng 11 năm 2024");
    expect(markdownLineText("- Như trên;")).toBe("- Như trên;");
  });
});

describe("the sample report read back by LibreOffice", () => {
  let dir: string;
  let lines: string[];
  const reference = referenceLines();

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bao-cao-text-"));
    const docx = path.join(dir, "bao-cao-mau.docx");
    writeFileSync(docx, await packReport(loadDefinition(), sampleData()));
    const text = readFileSync(libreOfficeConvert(docx, dir, "txt:Text (encoded):UTF8", "txt"), "utf8");
    lines = text.split(/\r?\n/).map(collapse).filter(Boolean);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("uses a fixture identical to the shared reference, when the shared folder is there", () => {
    expect(reference.length).toBeGreaterThan(40);
    if (existsSync(SHARED_REFERENCE)) expect(readFileSync(FIXTURE, "utf8")).toBe(readFileSync(SHARED_REFERENCE, "utf8"));
  });

  it("has every line of the reference report, word for word and in order", () => {
    let next = 0;
    for (const [n, want] of reference.entries()) {
      const found = lines.indexOf(want, next);
      if (found < 0) {
        const near = lines.slice(Math.max(0, next - 1), next + 3).join("\n  ");
        throw new Error(`reference line ${n + 1} not found after converted line ${next}:\n  "${want}"\nnext converted lines:\n  ${near}`);
      }
      next = found + 1;
    }
  });

  it("has the Quốc hiệu, Tiêu ngữ and agency in the header, above 'Số:'", () => {
    const so = lines.indexOf("Số: /BC-UBND");
    expect(so).toBeGreaterThan(0);
    for (const want of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "THỊ XÃ MỸ HÀO"]) {
      const at = lines.indexOf(want);
      expect({ want, found: at >= 0 && at < so }).toEqual({ want, found: true });
    }
  });

  it("has no text besides the reference and the header lines", () => {
    const header = new Set(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "THỊ XÃ MỸ HÀO"]);
    expect(lines.filter((l) => !header.has(l))).toEqual(reference);
  });
});

describe("the sample report rendered to PDF by LibreOffice", () => {
  let dir: string;
  let pdf: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bao-cao-pdf-"));
    const docx = path.join(dir, "bao-cao-mau.docx");
    writeFileSync(docx, await packReport(loadDefinition(), sampleData()));
    pdf = libreOfficeConvert(docx, dir, "pdf", "pdf");
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const pageLines = (page: number) =>
    pdfPageText(pdf, page)
      .split(/\r?\n/)
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== "");

  it("lays the header out in two columns: agency beside Quốc hiệu, 'Số' beside the date", () => {
    const page1 = pageLines(1);
    expect(page1[0]).toMatch(/^\s*ỦY BAN NHÂN DÂN\s{2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/);
    expect(page1[1]).toMatch(/^\s*THỊ XÃ MỸ HÀO\s{2,}Độc lập - Tự do - Hạnh phúc$/);
    expect(page1[2]).toMatch(/^\s*Số:\s+\/BC-UBND\s{2,}Mỹ Hào, ngày\s+tháng 11 năm 2024$/);
  });

  it("shows no page number on page 1 and the number 2 at the top of page 2", () => {
    expect(pageLines(1)[0]).not.toMatch(/^\s*\d+\s*$/);
    expect(pageLines(2)[0].trim()).toBe("2");
  });

  it("puts 'Nơi nhận:' level with the signer's authority, in two columns", () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout)?.[1] ?? "0");
    expect(pages).toBeGreaterThanOrEqual(2);
    const last = pageLines(pages);
    const row = last.find((l) => l.includes("Nơi nhận:"));
    expect(row).toMatch(/^\s*Nơi nhận:\s{2,}TM\. ỦY BAN NHÂN DÂN$/);
    expect(last[last.length - 1].trim()).toBe("Nguyễn Quốc Khánh");
  });
});
