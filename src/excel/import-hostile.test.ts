/** The task pane's import on hostile files: the file is refused with the reason in Vietnamese. */
import { loadDefinition } from "../report/kinds";
import { buildLayout } from "../workbook/layout";
import { sheetXml, workbookParts, writeZip } from "../workbook/zip-testing";
import { readImportFile } from "./import-units";

const def = loadDefinition();
const layout = buildLayout(def);
const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet1.xml";
const oneSheet = (sheet: Omit<Parameters<typeof writeZip>[0][number], "name">) =>
  writeZip([...workbookParts([{ name: "A", part: SHEET }]), { ...sheet, name: SHEET }]);

describe("importing a hostile file", () => {
  it.each<[string, Uint8Array, string]>([
    [
      "a sheet declaring 800 MB",
      oneSheet({ data: sheetXml(""), declareSize: 800 * MB, declareCompressed: 800 * 1024 }),
      `Tệp này bị từ chối: phần "${SHEET}" khai báo 800 MB khi giải nén, vượt giới hạn 50 MB của một sổ báo cáo (sổ thật dưới 1 MB).`,
    ],
    [
      "a 20 MB sheet from 20 KB",
      oneSheet({ data: sheetXml(""), declareSize: 20 * MB, declareCompressed: 20 * 1024 }),
      `Tệp này bị từ chối: phần "${SHEET}" khai báo 20 MB khi giải nén nhưng chỉ chiếm 20 KB trong tệp nén (gấp hơn 200 lần): dấu hiệu của "bom nén" (zip bomb) làm treo máy.`,
    ],
    [
      "a sheet with a DOCTYPE",
      oneSheet({ data: `<!DOCTYPE x [<!ENTITY a "b">]>${sheetXml("")}` }),
      `Tệp này bị từ chối: phần "${SHEET}" có khai báo DOCTYPE hoặc ENTITY, thứ Excel không bao giờ ghi: tệp có thể đã bị làm giả để tấn công nên không được đọc.`,
    ],
  ])("%s: unreadable, with the reason", async (_name, bytes, message) => {
    expect(await readImportFile(def, layout, { name: "xa-a.xlsx", bytes })).toEqual({ file: "xa-a.xlsx", kind: "unreadable", message });
  });
});
