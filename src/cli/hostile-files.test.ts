/**
 * Hostile or broken .xlsx files at the command line: `check` refuses them with a Vietnamese
 * message naming the file and the reason, and `rollup` rolls up the good units' files and
 * names the bad ones. In-process, through `main`.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadDefinition } from "../report/kinds";
import { checkWorkbook } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import { rollupFields } from "../workbook/units";
import { deflatedZeros, sheetXml, workbookParts, writeZip } from "../workbook/zip-testing";
import { runCli } from "./testing";
import { buildUnitWorkbook, readSnapshot, workbookBuffer } from "./xlsx";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2025, 3, 1);
const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet1.xml";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const f = join(dir, name);
  writeFileSync(f, bytes);
  return f;
}
const oneSheet = (sheet: Parameters<typeof writeZip>[0][number]) => writeZip([...workbookParts([{ name: "A", part: SHEET }]), { ...sheet, name: SHEET }]);
/** a sheet declaring 800 MB: a few hundred bytes on disk */
const declaredBomb = () => oneSheet({ name: SHEET, data: sheetXml(""), declareSize: 800 * MB, declareCompressed: 800 * 1024 });
const doctype = () => oneSheet({ name: SHEET, data: `<!DOCTYPE x [<!ENTITY a "aaaa">]>${sheetXml("")}` });

describe("check on a hostile file", () => {
  it("refuses a sheet declaring 800 MB: the file, the part, the sizes, exit 1", async () => {
    const bomb = file("bom.xlsx", declaredBomb());
    const r = await runCli(["check", bomb], { today });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `Tệp "${bomb}" bị từ chối: phần "${SHEET}" khai báo 800 MB khi giải nén, vượt giới hạn 50 MB của một sổ báo cáo (sổ thật dưới 1 MB).`,
    );
  });

  it("refuses a part with a DOCTYPE", async () => {
    const f = file("doctype.xlsx", doctype());
    const r = await runCli(["check", f], { today });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Tệp "${f}" bị từ chối: phần "${SHEET}" có khai báo DOCTYPE hoặc ENTITY`);
  });
});

describe("rollup with good and hostile files", () => {
  it("rolls up the two good units and names each bad file with its reason", async () => {
    const zeros = Object.fromEntries(rollupFields(def).map((f) => [f.id, 0]));
    const a = file("xa-a.xlsx", await workbookBuffer(buildUnitWorkbook(def, "Xã A", { ...zeros, DGTD_TTHC: 1 }).workbook));
    const b = file("xa-b.xlsx", await workbookBuffer(buildUnitWorkbook(def, "Xã B", { ...zeros, DGTD_TTHC: 2 }).workbook));
    const bomb = file("bom.xlsx", declaredBomb());
    const liar = file("noi-doi.xlsx", oneSheet({ name: SHEET, deflated: await deflatedZeros(100 * MB), declareSize: 4096 }));
    const ent = file("doctype.xlsx", doctype());
    const many = file("nhieu-phan.xlsx", writeZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}.xml`, method: 0 as const }))));
    const out = join(dir, "tong-hop.xlsx");

    const r = await runCli(["rollup", "-o", out, a, bomb, liar, b, ent, many], { today });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `Bỏ qua: Tệp "${bomb}" bị từ chối: phần "${SHEET}" khai báo 800 MB khi giải nén, vượt giới hạn 50 MB của một sổ báo cáo (sổ thật dưới 1 MB).`,
      `Bỏ qua: Tệp "${liar}" bị từ chối: phần "${SHEET}" giải nén ra hơn 4 KB đã khai báo trong tệp nén: tệp bị làm giả (có thể là "bom nén") hoặc bị hỏng.`,
      `Bỏ qua: Tệp "${ent}" bị từ chối: phần "${SHEET}" có khai báo DOCTYPE hoặc ENTITY, thứ Excel không bao giờ ghi: tệp có thể đã bị làm giả để tấn công nên không được đọc.`,
      `Bỏ qua: Tệp "${many}" bị từ chối: tệp nén có 10.001 phần, vượt giới hạn 10.000 phần của một sổ báo cáo (sổ thật chỉ có vài chục phần).`,
      `Đã ghi sổ tổng hợp nhưng bỏ qua 4 trong 6 tệp (xem các dòng "Bỏ qua" ở trên); sửa hoặc thay các tệp đó rồi tổng hợp lại.`,
    ]);
    expect(r.out).toContain(`Đã tổng hợp 2 đơn vị vào sổ: ${resolve(out)}`);
    const s = await readSnapshot(out);
    expect(s.sheets.map((x) => x.name)).toEqual(expect.arrayContaining(["Xã A", "Xã B"]));
    expect(checkWorkbook(def, layout, s, { today }).data.values.DGTD_TTHC).toBe(3);
  });
});
