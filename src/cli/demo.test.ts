import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import demoUnits from "../../templates/demo-units-my-hao-2025-03.json";
import { loadDefinition } from "../report/kinds";
import { checkWorkbook } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import { findUnitSheets, rollupFields } from "../workbook/units";
import {
  asciiSlug,
  DEMO_BASE,
  DEMO_DOSSIER_REPORT,
  DEMO_DOSSIER_WORKBOOK,
  DEMO_IMPORTED_REPORT,
  DEMO_IMPORTED_WORKBOOK,
  DEMO_ROLLUP,
  DEMO_ROLLUP_REPORT,
  DEMO_UNIT_DIR,
  DEMO_WORKBOOK,
  demoSteps,
  demoUnitNames,
  runDemo,
} from "./demo";
import { readSnapshot } from "./xlsx";

const UNITS_OF_MY_HAO = [
  "Phường Bần Yên Nhân",
  "Phường Phan Đình Phùng",
  "Xã Cẩm Xá",
  "Xã Dương Quang",
  "Xã Hòa Phong",
  "Phường Nhân Hòa",
  "Phường Dị Sử",
  "Phường Bạch Sam",
  "Phường Minh Đức",
  "Phường Phùng Chí Kiên",
  "Xã Xuân Dục",
  "Xã Ngọc Lâm",
  "Xã Hưng Long",
];
type UnitValues = Record<string, number>;
const unitValues = (): UnitValues[] => demoUnits.units.map((u) => u.values as UnitValues);
const total = (id: string) => unitValues().reduce((a, v) => a + v[id], 0);

async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  return xml
    .split(/<\/w:p>/)
    .map((p) => p.replace(/<[^>]+>/g, ""))
    .join("\n");
}

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
    // the second kind: its sample workbook and its report, with the period and Biểu số 06
    const dossiers = join(dir, DEMO_DOSSIER_REPORT);
    expect(out).toContain(`Đã ghi báo cáo: ${dossiers}`);
    expect(existsSync(join(dir, DEMO_DOSSIER_WORKBOOK))).toBe(true);
    const text = await docxText(dossiers);
    expect(text).toContain("(Từ ngày 15/6/2025 đến ngày 14/9/2025)");
    expect(text).toContain("Biểu số 06/VPCP/KSTT");
    // the figures taken from the one-stop system's export: its total of received dossiers (4.977) is the report's
    expect(out).toContain(`Đã ghi sổ có số liệu mới: ${join(dir, DEMO_IMPORTED_WORKBOOK)}`);
    expect(out).toContain('Lĩnh vực có trong sổ nhưng không có trong bảng nguồn, ghi 0: "Tôn giáo", "Lĩnh vực khác".');
    const imported = await docxText(join(dir, DEMO_IMPORTED_REPORT));
    expect(imported).toContain("4.977");
    expect(text).not.toContain("4.977");
    // running it again overwrites its own output
    expect(await runDemo(dir, { out: () => undefined, err: (s) => err.push(s) })).toBe(0);
  });

  it("its export step is the command line's export of the file it wrote", () => {
    const [template, exportStep] = demoSteps("/x");
    expect(template.argv).toEqual(["template", "-o", join("/x", DEMO_WORKBOOK), "--sample", "--force"]);
    expect(exportStep.argv).toEqual(["export", join("/x", DEMO_WORKBOOK)]);
  });

  it("rolls up the 13 units of Mỹ Hào for March 2025 and exports the town's report from their sums", async () => {
    const out: string[] = [];
    const err: string[] = [];
    expect(await runDemo(dir, { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(0);
    expect(err).toEqual([]);
    const unitFiles = UNITS_OF_MY_HAO.map((name) => join(dir, DEMO_UNIT_DIR, `${asciiSlug(name)}.xlsx`));
    const rollup = join(dir, DEMO_ROLLUP);
    const docx = join(dir, DEMO_ROLLUP_REPORT);
    // every path is printed
    for (const [i, f] of unitFiles.entries()) expect(out).toContain(`Đã tạo sổ đơn vị "${UNITS_OF_MY_HAO[i]}" (trang tính "${UNITS_OF_MY_HAO[i]}"): ${f}`);
    expect(out).toContain(`Đã tạo sổ báo cáo (có số liệu mẫu): ${join(dir, DEMO_BASE)}`);
    expect(out).toContain(`Đã tổng hợp 13 đơn vị vào sổ: ${rollup}`);
    expect(out).toContain(`Đã ghi báo cáo: ${docx}`);
    for (const f of [...unitFiles, rollup, docx]) expect(existsSync(f)).toBe(true);

    const snapshot = await readSnapshot(rollup);
    const def = loadDefinition();
    expect(findUnitSheets(snapshot, def).map((u) => u.unitName)).toEqual(UNITS_OF_MY_HAO);
    const check = checkWorkbook(def, buildLayout(def), snapshot, { today: new Date(2025, 3, 1) });
    for (const f of rollupFields(def)) expect(check.data.values[f.id]).toBe(total(f.id));

    const text = await docxText(docx);
    expect(text).toContain("tháng 3 năm 2025 trên địa bàn thị xã Mỹ Hào");
    expect(text).toContain(
      `Tổng số PAKN đã tiếp nhận: ${total("PAKN_TONG")}; số PAKN đã xử lý đúng hạn: ${total("PAKN_DUNG_HAN")}; số PAKN đã xử lý quá hạn: ${total("PAKN_QUA_HAN")}; số PAKN đang xử lý: ${total("PAKN_DANG_XU_LY")}.`,
    );
    expect(text).toContain(`Số lượng TTHC nội bộ đã công bố: ${total("TTHC_NB_CONG_BO")} TTHC.`);
  });
});

describe("the roll-up's data (templates/demo-units-my-hao-2025-03.json)", () => {
  it("holds the 13 real units of Mỹ Hào with plausible, non-zero figures that satisfy the report's rules", () => {
    expect(demoUnitNames()).toEqual(UNITS_OF_MY_HAO);
    expect(demoUnits.units.map((u) => u.code)).toEqual(Array.from({ length: 13 }, (_, i) => String(12103 + 3 * i)));
    const ids = rollupFields(loadDefinition()).map((f) => f.id);
    for (const v of unitValues()) {
      expect(Object.keys(v)).toEqual(ids);
      for (const id of ids) expect(Number.isInteger(v[id]) && v[id] >= 0).toBe(true);
      expect(v.PAKN_DUNG_HAN + v.PAKN_QUA_HAN + v.PAKN_DANG_XU_LY).toBe(v.PAKN_TONG);
      expect(v.TTHC_NB_THUC_THI).toBeLessThanOrEqual(v.TTHC_NB_PHE_DUYET);
      expect(v.TTHC_NB_PHE_DUYET).toBeLessThanOrEqual(v.TTHC_NB_CONG_BO);
    }
    for (const id of ids) expect(total(id)).toBeGreaterThan(0);
  });
});
