/**
 * The report's .docx checked by Microsoft's Open XML SDK validator (test/ooxml-validator.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { packReport } from "../src/docx";
import { loadDefinition } from "../src/report/kinds";
import { sampleData } from "../src/report/sample";
import type { FieldValue, ReportData } from "../src/report/types";
import { describeErrors, validate } from "./ooxml-validator";

describe("Open XML SDK validation of the report", () => {
  const def = loadDefinition();
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bao-cao-ooxml-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function write(name: string, data: ReportData, kind = def): Promise<string> {
    const file = path.join(dir, name);
    writeFileSync(file, await packReport(kind, data));
    return file;
  }

  function variant(values: Record<string, FieldValue>): ReportData {
    const data = sampleData();
    Object.assign(data.values, values);
    return data;
  }

  const cases: Array<[string, () => ReportData]> = [
    ["the sample report", () => sampleData()],
    [
      "a signed report with a parent agency, several recipients and a filled labelled list",
      () =>
        variant({
          CO_QUAN_CHU_QUAN: "UBND tỉnh Hưng Yên",
          CO_QUAN_BAN_HANH: ["Sở Nội vụ"],
          SO: "5",
          NGAY: 5,
          THANG: 1,
          NAM: 2025,
          KINH_GUI: ["Văn phòng UBND tỉnh", "Sở Tư pháp"],
          KQ_RA_SOAT_KH_TINH: ["Đã rà soát 03 TTHC."],
        }),
    ],
  ];

  it.each(cases)("finds no error in %s (Microsoft 365 and Office 2016 schemas)", async (name, data) => {
    const file = await write(`${name.replace(/\W+/g, "-")}.docx`, data());
    for (const version of ["Microsoft365", "Office2016"]) {
      const result = validate(file, version);
      if (result.errors.length > 0) console.error(`${name} (${version}):\n${describeErrors(result)}`);
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it("finds no error in the dossier-settlement report with its Biểu 06 appendix on a landscape page", async () => {
    const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
    const file = await write("giai-quyet-tthc.docx", sampleData(dossiers.id), dossiers);
    for (const version of ["Microsoft365", "Office2016"]) {
      const result = validate(file, version);
      if (result.errors.length > 0) console.error(`dossiers (${version}):\n${describeErrors(result)}`);
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it("finds no error in a summary's dossier report with the per-unit appendix", async () => {
    const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
    const refs = dossiers.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => `BIEU_06.${c.id}`);
    // received 100 + u (online 60, direct 40 + u), settled early 90 and late u, 10 pending
    const row = (u: number) => [100 + u, 60, 40 + u, 0, 90 + u, 90, 0, u, 10, 10, 0];
    const units = ["Xã Tân Hưng", "Phường Đông Thành", "Xã Ea H'leo"].map((name, u) => ({
      name,
      figures: Object.fromEntries(refs.map((r, c) => [r, row(u)[c]])),
    }));
    const file = await write("giai-quyet-tthc-don-vi.docx", { ...sampleData(dossiers.id), units }, dossiers);
    for (const version of ["Microsoft365", "Office2016"]) {
      const result = validate(file, version);
      if (result.errors.length > 0) console.error(`units (${version}):\n${describeErrors(result)}`);
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it("does report an error in a broken file (the check is not vacuous)", async () => {
    const zip = await JSZip.loadAsync(await packReport(def, sampleData()));
    const xml = await zip.file("word/document.xml")!.async("string");
    zip.file("word/document.xml", xml.replace('<w:jc w:val="center"/>', '<w:jc w:val="middle"/>'));
    const file = path.join(dir, "broken.docx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const result = validate(file, "Microsoft365");
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.xPath)).toEqual([expect.stringMatching(/w:jc\[1\]$/)]);
  });
});
