/**
 * Every text the reader takes from a workbook goes through normalizeCellText: NFC, CR as a line
 * feed, a vertical tab (a soft line break pasted from Word) as SOFT_BREAK, other control
 * characters dropped. The add-in's reader and the .xlsx reader both end in readWorkbook, so this
 * covers both. A soft break in a list cell stays inside its item, a w:br in the same paragraph
 * of the .docx; a line feed (Alt+Enter) starts a new item.
 */
import { packReport } from "../docx";
import { paragraphWithText, paragraphs, unpackDocx } from "../docx/docx-xml.testutil";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout, inputOf } from "./layout";
import { SOFT_BREAK } from "../text/normalize";
import { readWorkbook } from "./read";
import { setSnapshotCell, type CellValue, type WorkbookSnapshot } from "./snapshot";

const def = loadDefinition();
const layout = buildLayout(def);

function set(s: WorkbookSnapshot, fieldId: string, value: CellValue, row = 0): void {
  const { sheet, input } = inputOf(layout, fieldId);
  const col = input.first.replace(/[0-9]+$/, "");
  const r = Number(input.first.replace(/^[A-Z]+/, "")) + row;
  setSnapshotCell(s, sheet.name, `${col}${r}`, value);
}

const NFD = "Vie\u0302\u0323t Nam";

describe("the text read from a workbook", () => {
  it("is NFC, with soft breaks kept apart from line feeds and control characters dropped, in text and list fields", () => {
    const s = snapshotFromData(def, layout, sampleData());
    set(s, "CAN_CU", ` Thực hiện Công văn\u000Bcủa UBND tỉnh\u0001, ${NFD}\r\n `);
    set(s, "NGUOI_KY", "Nguye\u0302\u0303n Va\u0306n A\u0007");
    set(s, "NHIEM_VU", `Dòng một\u000Bdòng hai của ${NFD}\u0085`);
    set(s, "DIA_DANH", "Mỹ Hào\u0000");
    const { data } = readWorkbook(def, layout, s);
    expect(data.values.CAN_CU).toBe(`Thực hiện Công văn${SOFT_BREAK}của UBND tỉnh, Việt Nam`);
    expect(data.values.NGUOI_KY).toBe("Nguyễn Văn A");
    expect((data.values.NHIEM_VU as string[])[0]).toBe(`Dòng một${SOFT_BREAK}dòng hai của Việt Nam`);
    expect(data.values.DIA_DANH).toBe("Mỹ Hào");
    for (const v of Object.values(data.values)) {
      const texts = typeof v === "string" ? [v] : Array.isArray(v) ? v : [];
      for (const t of texts) {
        expect(t).toBe(t.normalize("NFC"));
        expect(t).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u0080-\u009F]/);
      }
    }
  });

  it("a soft break in a list cell is a w:br inside the item's paragraph; Alt+Enter still starts a new item", async () => {
    const s = snapshotFromData(def, layout, sampleData());
    set(s, "TON_TAI", "Còn chậm số hóa hồ sơ\u000Bdo thiếu máy quét;", 0);
    set(s, "TON_TAI", "Dòng một\nDòng hai", 1);
    set(s, "NOI_NHAN", "Như trên;\u000B(để báo cáo)", 0);
    const { data } = readWorkbook(def, layout, s);
    expect((data.values.TON_TAI as string[]).slice(0, 2)).toEqual([`Còn chậm số hóa hồ sơ${SOFT_BREAK}do thiếu máy quét;`, "Dòng một\nDòng hai"]);

    const doc = (await unpackDocx(await packReport(def, data)))["word/document.xml"];
    const ps = paragraphs(doc);
    const soft = paragraphWithText(ps, "- Còn chậm số hóa hồ sơ\ndo thiếu máy quét;");
    expect(soft.xml).toContain('<w:t xml:space="preserve">- Còn chậm số hóa hồ sơ</w:t><w:br/><w:t xml:space="preserve">do thiếu máy quét;</w:t>');
    expect(soft.runs).toHaveLength(1);
    // Alt+Enter: two items, each its own paragraph with its bullet
    paragraphWithText(ps, "- Dòng một");
    paragraphWithText(ps, "- Dòng hai");
    // in a list of the frame too (Nơi nhận): one recipient line with a break
    expect(paragraphWithText(ps, "- Như trên;\n(để báo cáo)").xml).toContain("<w:br/>");
    expect(doc).not.toContain(SOFT_BREAK);
  });

  it("treats a cell holding only control characters as blank", () => {
    const s = snapshotFromData(def, layout, sampleData());
    set(s, "NHIEM_VU", "\u0001\u0002", 0);
    const { data, lineCells } = readWorkbook(def, layout, s);
    expect((data.values.NHIEM_VU as string[]).some((l) => l === "")).toBe(false);
    expect(lineCells.NHIEM_VU).not.toContain(inputOf(layout, "NHIEM_VU").input.first);
  });
});
