/**
 * The dossier-settlement report (kind bao-cao-giai-quyet-tthc) as Word writes it: the same
 * Decree 30 frame as the monthly report, period words and cut-off from the period, rates
 * with a decimal comma, thousands with a dot, and Biểu số 06 as a real table on a landscape
 * appendix page whose total row is the column sums and whose rows keep the form's identities.
 */
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { ReportData, TableValue } from "../report/types";
import { attr, numAttr, paragraphRunProps, paragraphWithText, paragraphs, tableRows, tables, unpackDocx, type Parts } from "./docx-xml.testutil";
import { packReport } from "./index";
import { PAGE } from "./layout";

const def = loadDefinition("bao-cao-giai-quyet-tthc");

async function partsOf(data: ReportData): Promise<Parts> {
  return unpackDocx(await packReport(def, data));
}

const number = (s: string) => Number(s.replace(/\./g, ""));

describe("the dossier-settlement report", () => {
  let doc: string;
  let texts: string[];
  beforeAll(async () => {
    doc = (await partsOf(sampleData(def.id)))["word/document.xml"];
    texts = paragraphs(doc).map((p) => p.text);
  });

  it("keeps the Decree 30 frame: first section A4 portrait, 20/20/30/15 mm, Quốc hiệu and Tiêu ngữ, Times New Roman", () => {
    const sections = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    const first = sections[0];
    expect(numAttr(first, "w:pgSz", "w:w")).toBe(PAGE.width);
    expect(numAttr(first, "w:pgSz", "w:h")).toBe(PAGE.height);
    expect(attr(first, "w:pgSz", "w:orient")).not.toBe("landscape");
    expect([
      numAttr(first, "w:pgMar", "w:top"),
      numAttr(first, "w:pgMar", "w:bottom"),
      numAttr(first, "w:pgMar", "w:left"),
      numAttr(first, "w:pgMar", "w:right"),
    ]).toEqual([1134, 1134, 1701, 850]);
    expect(texts).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(texts).toContain("Độc lập - Tự do - Hạnh phúc");
    const fonts = new Set([...doc.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)].map((m) => m[1]));
    expect(fonts).toEqual(new Set(["Times New Roman"]));
  });

  it("writes the period and its cut-off, computed by Decree 09/2019", () => {
    expect(texts).toContain("Tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2025 trên địa bàn phường Mỹ Hào");
    expect(texts).toContain("Kỳ báo cáo: quý III năm 2025");
    expect(texts).toContain("(Từ ngày 15/6/2025 đến ngày 14/9/2025)");
  });

  it("puts Biểu số 06 on a landscape page of its own", () => {
    const second = [...doc.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)][1][0];
    expect(attr(second, "w:pgSz", "w:orient")).toBe("landscape");
    expect(numAttr(second, "w:pgSz", "w:w")).toBe(PAGE.height);
    expect(texts).toContain("Biểu số 06/VPCP/KSTT");
    expect(texts).toContain("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC");
    expect(texts).toContain("Đơn vị tính: Số hồ sơ TTHC");
  });

  it("draws the table with merged group headers, column numbers, ≥ 8 rows, a total row equal to the column sums, identities kept", () => {
    const table = tables(doc).find((t) => t.includes("Số hồ sơ nhận giải quyết"))!;
    const rows = tableRows(table);
    expect(rows[0]).toEqual([
      "STT",
      "Lĩnh vực, công việc giải quyết theo cấp",
      "Số hồ sơ nhận giải quyết",
      "Số hồ sơ đã giải quyết",
      "Số hồ sơ đang giải quyết",
    ]);
    expect((table.match(/<w:gridSpan w:val="4"\/>/g) ?? []).length).toBe(2);
    expect(rows[1].slice(2)).toEqual([
      "Tổng số",
      "Trực tuyến",
      "Trực tiếp và dịch vụ bưu chính",
      "Từ kỳ trước",
      "Tổng số",
      "Trước hạn",
      "Đúng hạn",
      "Quá hạn",
      "Tổng số",
      "Trong hạn",
      "Quá hạn",
    ]);
    expect(rows[2]).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));
    const data = rows.slice(3, -1);
    const total = rows[rows.length - 1];
    expect(data.length).toBeGreaterThanOrEqual(8);
    expect(total[1]).toBe("Tổng cộng");
    for (let c = 2; c < 13; c++) expect(number(total[c])).toBe(data.reduce((s, r) => s + number(r[c]), 0));
    for (const r of [...data, total]) {
      const v = r.map(number);
      expect(v[2]).toBe(v[3] + v[4] + v[5]);
      expect(v[6]).toBe(v[7] + v[8] + v[9]);
      expect(v[10]).toBe(v[11] + v[12]);
      expect(v[2]).toBe(v[6] + v[10]);
    }
    expect(total[2]).toBe("11.042");
    // fixed widths that fill the landscape text width; 11 pt
    expect(attr(table, "w:tblLayout", "w:type")).toBe("fixed");
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(PAGE.height - PAGE.margin.left - PAGE.margin.right);
    expect(paragraphRunProps(paragraphWithText(paragraphs(table), "Chứng thực")).size).toBe(22);
  });

  it("writes rates with a decimal comma and numbers of a thousand or more with a dot, nowhere five digits without one", () => {
    expect(texts).toContain("- Tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận mới trong kỳ: 64,5%.");
    expect(texts.find((t) => t.startsWith("- Số hồ sơ đã giải quyết"))).toBe(
      "- Số hồ sơ đã giải quyết: 10.887 hồ sơ, trong đó: trước hạn 8.724 hồ sơ; đúng hạn 2.140 hồ sơ; quá hạn 23 hồ sơ. Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt 99,8%.",
    );
    expect(texts.join("\n")).not.toMatch(/(?<![\d./])\d{5,}(?![\d/])/);
  });

  it("shows a missing figure as '…' and a rate without dossiers as the definition says", async () => {
    const data = sampleData(def.id);
    const t = data.values.BIEU_06 as TableValue;
    t.cells = t.cells.map((row) => row.map(() => 0));
    let ps = paragraphs((await partsOf(data))["word/document.xml"]).map((p) => p.text);
    expect(ps).toContain("- Tỷ lệ hồ sơ tiếp nhận trực tuyến trên tổng số hồ sơ tiếp nhận mới trong kỳ: không phát sinh.");
    t.cells[0][1] = null;
    ps = paragraphs((await partsOf(data))["word/document.xml"]).map((p) => p.text);
    expect(ps.find((p) => p.startsWith("- Tổng số hồ sơ tiếp nhận"))).toContain("tiếp nhận trực tuyến … hồ sơ");
  });

  it("says how many dossiers were returned or withdrawn only when there are any (unlessZero)", async () => {
    const sentence = (ps: string[]) => ps.filter((p) => p.includes("trả lại hoặc rút"));
    const data = sampleData(def.id);
    expect(sentence(texts)).toEqual([]);
    const t = data.values.BIEU_06 as TableValue;
    // Lĩnh vực khác: 12 received in person that are neither settled nor pending; Hộ tịch: 158 more online
    t.cells[9][0]! += 12;
    t.cells[9][2]! += 12;
    t.cells[1][0]! += 158;
    t.cells[1][1]! += 158;
    const ps = paragraphs((await partsOf(data))["word/document.xml"]).map((p) => p.text);
    expect(sentence(ps)).toEqual(["- Số hồ sơ trả lại hoặc rút (không thuộc số đã giải quyết và đang giải quyết): 170 hồ sơ."]);
    // a figure missing: no sentence built on "…"
    t.cells[1][4] = null;
    expect(sentence(paragraphs((await partsOf(data))["word/document.xml"]).map((p) => p.text))).toEqual([]);
  });

  it("takes a cut-off typed by hand over the rule's, and other periods' words", async () => {
    const data = sampleData(def.id);
    Object.assign(data.values, { KY_BAO_CAO: "6 tháng đầu năm", TU_NGAY: "1/1/2025", DEN_NGAY: "30/6/2025" });
    let ps = paragraphs((await partsOf(data))["word/document.xml"]).map((p) => p.text);
    expect(ps).toContain("(Từ ngày 1/1/2025 đến ngày 30/6/2025)");
    expect(ps.some((p) => p.includes("giải quyết thủ tục hành chính 6 tháng đầu năm 2025 trên địa bàn"))).toBe(true);
    Object.assign(data.values, { KY_BAO_CAO: "Năm", TU_NGAY: null, DEN_NGAY: null });
    ps = paragraphs((await partsOf(data))["word/document.xml"]).map((p) => p.text);
    expect(ps).toContain("(Từ ngày 15/12/2024 đến ngày 14/12/2025)");
    expect(ps.some((p) => p.includes("giải quyết thủ tục hành chính năm 2025 trên địa bàn"))).toBe(true);
  });
});
