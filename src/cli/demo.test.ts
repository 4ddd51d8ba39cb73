import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { DEMO_WORKBOOK, demoSteps, runDemo } from "./demo";

describe("the demo", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-demo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the sample workbook, then exports it through `bao-cao export`", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDemo(dir, { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const workbook = join(dir, DEMO_WORKBOOK);
    const docx = join(dir, "bao-cao-cctthc-thang-11-2024.docx");
    expect(out).toContain(`Đã tạo sổ báo cáo (có số liệu mẫu): ${workbook}`);
    expect(out).toContain("Không có lỗi, 1 cảnh báo.");
    expect(out).toContain(`Đã ghi báo cáo: ${docx}`);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    expect(xml).toContain("BÁO CÁO");
    // running it again overwrites its own output
    expect(await runDemo(dir, { out: () => undefined, err: (s) => err.push(s) })).toBe(0);
  });

  it("its export step is the command line's export of the file it wrote", () => {
    const [template, exportStep] = demoSteps("/x");
    expect(template.argv).toEqual(["template", "-o", join("/x", DEMO_WORKBOOK), "--sample", "--force"]);
    expect(exportStep.argv).toEqual(["export", join("/x", DEMO_WORKBOOK)]);
  });
});
