/**
 * The check warns on every input text cell in TCVN3 or VNI (code "text.legacyEncoding"),
 * naming the encoding, the cell's font first (from the .xlsx styles) and its characters
 * second; never on the Unicode text of the sample reports.
 */
import { buildWorkbook, workbookBuffer } from "../cli/xlsx";
import { builtInKinds, loadDefinition } from "../report/kinds";
import { sampleData, sampleDataOf } from "../report/sample";
import { toTcvn3, toVni } from "../text/legacy-vn";
import { checkWorkbook } from "./check-workbook";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout, inputOf } from "./layout";
import { LEGACY_CODE } from "./legacy-check";
import { setSnapshotCell, type WorkbookSnapshot } from "./snapshot";
import { readXlsxSnapshot } from "./xlsx-read";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);

function at(fieldId: string, row = 0): { sheet: string; address: string } {
  const { sheet, input } = inputOf(layout, fieldId);
  const col = input.first.replace(/[0-9]+$/, "");
  return { sheet: sheet.name, address: `${col}${Number(input.first.replace(/^[A-Z]+/, "")) + row}` };
}
const legacy = (s: WorkbookSnapshot) => checkWorkbook(def, layout, s, { today }).problems.filter((p) => p.code === LEGACY_CODE);

const CAN_CU = "Thực hiện Kế hoạch của UBND tỉnh về cải cách thủ tục hành chính, như sau:";
const NHIEM_VU = "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.";

describe("legacy encodings in the check", () => {
  it("warns on a TCVN3 and a VNI cell by address, naming the encoding, and on nothing else", () => {
    const s = snapshotFromData(def, layout, sampleData());
    const a = at("CAN_CU");
    const b = at("NHIEM_VU", 1);
    setSnapshotCell(s, a.sheet, a.address, toTcvn3(CAN_CU));
    setSnapshotCell(s, b.sheet, b.address, toVni(NHIEM_VU));
    const found = legacy(s);
    expect(found.map((p) => [p.sheet, p.cell, p.severity])).toEqual([
      [a.sheet, a.address, "warning"],
      [b.sheet, b.address, "warning"],
    ]);
    expect(found[0].message).toMatch(/^Ô chứa chữ mã TCVN3 \(ABC\), không phải Unicode/);
    expect(found[1].message).toMatch(/^Ô chứa chữ mã VNI-Windows, không phải Unicode/);
    expect(found[0].fieldId).toBe("CAN_CU");
  });

  it("warns on a lĩnh vực in TCVN3 in a row added just above the table's total row, and on a line typed under a list", () => {
    const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
    const l = buildLayout(dossiers);
    const s = snapshotFromData(dossiers, l, sampleData(dossiers.id));
    // the total row moved one row down (C17's SUM still stops at row 15), a row typed above it
    const sheet = s.sheets.find((x) => x.name === "Biểu 06")!;
    sheet.formulas = Object.fromEntries(Object.entries(sheet.formulas!).map(([a, f]) => [a.replace(/16$/, "17"), f]));
    setSnapshotCell(s, "Biểu 06", "B17", "Tổng cộng");
    setSnapshotCell(s, "Biểu 06", "B16", toTcvn3("Nông nghiệp"));
    for (let c = 0; c < 11; c++) setSnapshotCell(s, "Biểu 06", `${String.fromCharCode(67 + c)}16`, 0);
    const problems = checkWorkbook(dossiers, l, s, { today: new Date(2025, 9, 1) }).problems;
    expect(problems.filter((p) => p.code === LEGACY_CODE).map((p) => `${p.sheet}!${p.cell}`)).toEqual(["Biểu 06!B16"]);
    const monthly = snapshotFromData(def, layout, sampleData());
    setSnapshotCell(monthly, "III. Nhiệm vụ", "B17", toVni(NHIEM_VU));
    expect(legacy(monthly).map((p) => `${p.sheet}!${p.cell}`)).toEqual(["III. Nhiệm vụ!B17"]);
  });

  it("gives no false alarm on any text of the sample reports of every kind", () => {
    for (const d of builtInKinds()) {
      const kind = d.id;
      const data = sampleDataOf(kind);
      if (!data) continue;
      const l = buildLayout(d);
      const problems = checkWorkbook(d, l, snapshotFromData(d, l, data), { today }).problems;
      expect({ kind, legacy: problems.filter((p) => p.code === LEGACY_CODE) }).toEqual({ kind, legacy: [] });
    }
  });

  it("trusts the font the .xlsx reader found: .VnTimeH text is upper case, plain-looking text in a .Vn font is TCVN3", async () => {
    const wb = buildWorkbook(def, layout, sampleData());
    const a = at("CO_QUAN_CHU_QUAN");
    const b = at("DIA_DANH");
    const ca = wb.getWorksheet(a.sheet)!.getCell(a.address);
    ca.value = toTcvn3("ủy ban nhân dân tỉnh hưng yên");
    ca.font = { name: ".VnTimeH", size: 13 };
    const cb = wb.getWorksheet(b.sheet)!.getCell(b.address);
    cb.value = "Mü Hµo";
    cb.font = { name: ".VnTime", size: 14 };
    const snapshot = await readXlsxSnapshot(await workbookBuffer(wb));
    const sheet = snapshot.sheets.find((x) => x.name === a.sheet)!;
    expect(sheet.fonts?.[a.address]).toBe(".VnTimeH");
    expect(snapshot.sheets.find((x) => x.name === b.sheet)!.fonts?.[b.address]).toBe(".VnTime");
    const found = legacy(snapshot);
    expect(found.map((p) => p.cell)).toEqual(expect.arrayContaining([a.address, b.address]));
    expect(found).toHaveLength(2);
  });
});
