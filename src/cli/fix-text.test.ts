/**
 * `bao-cao fix-text`: a repaired copy with the TCVN3 and VNI cells in Unicode and Times New
 * Roman, one line per cell, nothing else changed, never over its input.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ExcelJS from "exceljs";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { toTcvn3, toVni } from "../text/legacy-vn";
import { buildLayout, inputOf } from "../workbook/layout";
import { runCli, type CliRun } from "./testing";
import { buildWorkbook, readSnapshot, workbookBuffer } from "./xlsx";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);
const CAN_CU = "Thực hiện Kế hoạch của UBND tỉnh về cải cách thủ tục hành chính, như sau:";
const NHIEM_VU = "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.";

function at(fieldId: string, row = 0): { sheet: string; address: string } {
  const { sheet, input } = inputOf(layout, fieldId);
  const col = input.first.replace(/[0-9]+$/, "");
  return { sheet: sheet.name, address: `${col}${Number(input.first.replace(/^[A-Z]+/, "")) + row}` };
}
const run = (...argv: string[]): Promise<CliRun> => runCli(argv, { today });

let dir: string;
let legacy: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-fix-text-"));
  const wb = buildWorkbook(def, layout, sampleData());
  const a = at("CAN_CU");
  const b = at("NHIEM_VU", 1);
  const ca = wb.getWorksheet(a.sheet)!.getCell(a.address);
  ca.value = toTcvn3(CAN_CU);
  ca.font = { ...ca.font, name: ".VnTime" };
  const cb = wb.getWorksheet(b.sheet)!.getCell(b.address);
  cb.value = toVni(NHIEM_VU);
  cb.font = { ...cb.font, name: "VNI-Times" };
  legacy = join(dir, "cu.xlsx");
  writeFileSync(legacy, await workbookBuffer(wb));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bao-cao fix-text", () => {
  it("converts the TCVN3 and the VNI cell, prints one line each, keeps everything else", async () => {
    const out = join(dir, "moi.xlsx");
    const r = await run("fix-text", legacy, "-o", out);
    expect(r.code).toBe(0);
    const a = at("CAN_CU");
    const b = at("NHIEM_VU", 1);
    expect(r.out.slice(0, 2)).toEqual([`'${a.sheet}'!${a.address}: TCVN3 → Unicode`, `'${b.sheet}'!${b.address}: VNI → Unicode`]);
    expect(r.out[2]).toMatch(/^Đã chuyển 2 ô sang Unicode/);

    const before = await readSnapshot(legacy);
    const after = await readSnapshot(out);
    expect(after.names).toEqual(before.names);
    for (const sheet of before.sheets) {
      const s = after.sheets.find((x) => x.name === sheet.name)!;
      const expected = { ...sheet.cells };
      if (sheet.name === a.sheet) expected[a.address] = CAN_CU;
      if (sheet.name === b.sheet) expected[b.address] = NHIEM_VU;
      expect(s.cells).toEqual(expected);
    }
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after.sheets.find((s) => s.name === a.sheet)!.fonts?.[a.address]).toBe("Times New Roman");
    expect(after.sheets.find((s) => s.name === b.sheet)!.fonts?.[b.address]).toBe("Times New Roman");

    // styles survive: fills, borders, number formats, validations of every cell but the font name of the two
    const load = async (f: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(f) as unknown as ArrayBuffer);
      return wb;
    };
    const [w0, w1] = await Promise.all([load(legacy), load(out)]);
    w0.eachSheet((ws0) => {
      const ws1 = w1.getWorksheet(ws0.name)!;
      expect(ws1.columns.map((c) => c.width)).toEqual(ws0.columns.map((c) => c.width));
      expect(ws1.model.merges).toEqual(ws0.model.merges);
      ws0.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (c0) => {
          const c1 = ws1.getCell(c0.address);
          const changed = (ws0.name === a.sheet && c0.address === a.address) || (ws0.name === b.sheet && c0.address === b.address);
          const style = (c: ExcelJS.Cell) => ({
            fill: c.fill,
            border: c.border,
            numFmt: c.numFmt,
            alignment: c.alignment,
            protection: c.protection,
            dv: c.dataValidation,
            font: changed ? { ...c.font, name: undefined } : c.font,
          });
          expect({ at: `${ws0.name}!${c0.address}`, ...style(c1) }).toEqual({ at: `${ws0.name}!${c0.address}`, ...style(c0) });
        }),
      );
    });

    // and check no longer warns
    const check = await run("check", out);
    expect(check.stdout).not.toMatch(/TCVN3|VNI/);
  });

  it("refuses to write over its input, and wants -o", async () => {
    const same = await run("fix-text", legacy, "-o", legacy);
    expect(same.code).toBe(1);
    expect(same.stderr).toMatch(/^bao-cao: /);
    const none = await run("fix-text", legacy);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("Thiếu tệp ghi ra");
  });

  it("writes nothing when there is nothing to convert", async () => {
    const clean = join(dir, "sach.xlsx");
    writeFileSync(clean, await workbookBuffer(buildWorkbook(def, layout, sampleData())));
    const r = await run("fix-text", clean, "-o", join(dir, "sach-2.xlsx"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Không có ô nào chứa chữ mã TCVN3 hay VNI/);
  });
});
