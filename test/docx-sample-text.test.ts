/**
 * The sample report, exported and read back by LibreOffice as plain text, must say word
 * for word what the real report of Mỹ Hào (tháng 11/2024) says.
 *
 * The reference is test/fixtures/bao-cao-mau-my-hao-thang-11-2024.md, a copy of
 * ../shared/reference/ (kept here so that the test runs on its own). Markdown marks
 * (#, **, *, the two trailing spaces of a line break) are removed and whitespace is
 * collapsed on both sides before lines are compared.
 *
 * Needs LibreOffice (`soffice`, Debian: libreoffice-writer-nogui).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";
import { packReport } from "../src/docx";
import { loadDefinition, sampleData } from "../src/report/definition";

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

const collapse = (s: string) => s.replace(/\uFEFF/g, "").replace(/\s+/g, " ").trim();

function referenceLines(): string[] {
  return readFileSync(FIXTURE, "utf8").split(/\r?\n/).map(markdownLineText).filter(Boolean);
}

/** Converts a .docx to UTF-8 text with LibreOffice, in a private profile so that parallel runs do not clash. */
function libreOfficeText(docx: string, dir: string): string {
  const profile = pathToFileURL(path.join(dir, "lo-profile")).href;
  const res = spawnSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, docx],
    { encoding: "utf8", timeout: 90_000 },
  );
  if (res.error) throw res.error;
  const out = path.join(dir, path.basename(docx).replace(/\.docx$/, ".txt"));
  if (!existsSync(out)) throw new Error(`LibreOffice did not convert ${docx} (exit ${res.status}):\n${res.stdout}\n${res.stderr}`);
  return readFileSync(out, "utf8");
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
    lines = libreOfficeText(docx, dir).split(/\r?\n/).map(collapse).filter(Boolean);
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
