/**
 * The dossier report of a summary workbook (units): section I says how many units reach 98% on
 * time, names the best and the worst unit with their rates and counts the units with overdue
 * dossiers; a landscape appendix "Kết quả theo đơn vị" has one row per unit (name, its eleven
 * totals, its rates and rank) and the total row. None of it without units.
 */
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { ReportData, UnitResult } from "../report/types";
import { attr, paragraphs, tableRows, tables, unpackDocx } from "./docx-xml.testutil";
import { packReport } from "./index";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const columns = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => `BIEU_06.${c.id}`);

/** A unit with Biểu 06 totals (3)–(13) from received online/direct/carried, settled early/on time/late, pending in time/late. */
function unit(name: string, [online, direct, carried, early, onTime, late, inTime, pendingLate]: number[]): UnitResult {
  const settled = early + onTime + late;
  const pending = inTime + pendingLate;
  const figures = [online + direct + carried, online, direct, carried, settled, early, onTime, late, pending, inTime, pendingLate];
  return { name, figures: Object.fromEntries(columns.map((c, i) => [c, figures[i]])) };
}

const units: UnitResult[] = [
  unit("Xã An Bình", [600, 400, 20, 500, 490, 10, 15, 5]), // 990/1000 = 99,0%
  unit("Phường Đông Hải", [1200, 300, 0, 1000, 480, 20, 0, 0]), // 1480/1500 = 98,7%
  unit("Xã Tân Lập", [50, 150, 0, 90, 80, 30, 0, 0]), // 170/200 = 85,0%
  unit("Thị trấn Hòa Mỹ", [10, 2000, 4, 1000, 1000, 0, 14, 0]), // 100%
  unit("Xã Không Phát Sinh", [0, 0, 0, 0, 0, 0, 0, 0]), // no rate
];

async function documentOf(data: ReportData): Promise<{ doc: string; texts: string[] }> {
  const doc = (await unpackDocx(await packReport(def, data)))["word/document.xml"];
  return { doc, texts: paragraphs(doc).map((p) => p.text) };
}

describe("the dossier report of a summary workbook", () => {
  let doc: string;
  let texts: string[];
  beforeAll(async () => ({ doc, texts } = await documentOf({ ...sampleData(def.id), units })));

  it("says in section I how many units reach 98%, the best and the worst by name with their rates, and the units with overdue dossiers", () => {
    expect(texts).toContain("- Có 3/5 đơn vị đạt tỷ lệ giải quyết hồ sơ trước hạn, đúng hạn từ 98% trở lên.");
    expect(texts).toContain("- Đơn vị có tỷ lệ giải quyết hồ sơ trước hạn, đúng hạn cao nhất: Thị trấn Hòa Mỹ (100%); thấp nhất: Xã Tân Lập (85%).");
    expect(texts).toContain("- Số đơn vị có hồ sơ quá hạn (đã giải quyết quá hạn hoặc đang giải quyết quá hạn): 3/5 đơn vị.");
    expect(texts).toContain("- Kết quả của từng đơn vị tại Phụ lục kết quả theo đơn vị kèm theo Báo cáo này.");
    // in section I, before section II
    expect(texts.findIndex((t) => t.startsWith("- Có 3/5"))).toBeLessThan(texts.indexOf("II. ĐÁNH GIÁ"));
  });

  it("adds a landscape appendix with one row per unit: name, its eleven totals, its rates and rank, and the total row", () => {
    const sections = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(3);
    expect(attr(sections[2], "w:pgSz", "w:orient")).toBe("landscape");
    expect(texts).toContain("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO ĐƠN VỊ");
    const table = tables(doc).find((t) => t.includes("Xã An Bình"))!;
    const rows = tableRows(table);
    // header rows repeated on every page
    expect((table.match(/<w:tblHeader\/>/g) ?? []).length).toBe(3);
    expect(rows[0].slice(0, 3)).toEqual(["STT", "Đơn vị", "Số hồ sơ nhận giải quyết"]);
    expect(rows[0].slice(-3)).toEqual(["Tỷ lệ giải quyết trước hạn, đúng hạn", "Tỷ lệ tiếp nhận trực tuyến", "Xếp hạng theo tỷ lệ đúng hạn"]);
    expect(rows[2]).toEqual(Array.from({ length: 16 }, (_, i) => `(${i + 1})`));
    expect(rows.slice(3, 8).map((r) => r[1])).toEqual(units.map((u) => u.name));
    expect(rows[3]).toEqual(["1", "Xã An Bình", "1.020", "600", "400", "20", "1.000", "500", "490", "10", "20", "15", "5", "99%", "60%", "2"]);
    expect(rows[4]).toEqual(["2", "Phường Đông Hải", "1.500", "1.200", "300", "0", "1.500", "1.000", "480", "20", "0", "0", "0", "98,7%", "80%", "3"]);
    expect(rows[6].slice(-3)).toEqual(["100%", "0,5%", "1"]);
    // no rate, no rank
    expect(rows[7].slice(-3)).toEqual(["", "", ""]);
    // total row: sums, and the rates of the sums (4.640/4.700 on time; 1.860/4.710 online)
    expect(rows[8]).toEqual(["", "Tổng cộng", "4.734", "1.860", "2.850", "24", "4.700", "2.590", "2.050", "60", "34", "29", "5", "98,7%", "39,5%", ""]);
  });

  it("names tied units together, three then how many more", async () => {
    const tied = ["Xã A", "Xã B", "Xã C", "Xã D", "Xã E"].map((n) => unit(n, [1, 0, 0, 1, 0, 0, 0, 0]));
    const { texts: t } = await documentOf({ ...sampleData(def.id), units: [...tied, unit("Xã F", [2, 0, 0, 1, 0, 1, 0, 0])] });
    expect(t).toContain("- Đơn vị có tỷ lệ giải quyết hồ sơ trước hạn, đúng hạn cao nhất: Xã A, Xã B, Xã C và 2 đơn vị khác (100%); thấp nhất: Xã F (50%).");
    expect(t).toContain("- Số đơn vị có hồ sơ quá hạn (đã giải quyết quá hạn hoặc đang giải quyết quá hạn): 1/6 đơn vị.");
  });

  it("leaves the best and the worst out when no unit settled a dossier", async () => {
    const { texts: t } = await documentOf({ ...sampleData(def.id), units: [units[4]] });
    expect(t).toContain("- Có 0/1 đơn vị đạt tỷ lệ giải quyết hồ sơ trước hạn, đúng hạn từ 98% trở lên.");
    expect(t.some((x) => x.includes("cao nhất"))).toBe(false);
  });

  it("says nothing about units, and has no such appendix, in a workbook without units", async () => {
    for (const data of [sampleData(def.id), { ...sampleData(def.id), units: [] }]) {
      const { doc: d, texts: t } = await documentOf(data);
      expect(t.some((x) => x.includes("đơn vị đạt") || x.includes("cao nhất") || x.includes("Phụ lục kết quả theo đơn vị") || x.includes("THEO ĐƠN VỊ"))).toBe(
        false,
      );
      expect([...d.matchAll(/<w:sectPr\b/g)]).toHaveLength(2);
    }
  });
});
