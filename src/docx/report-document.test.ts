/**
 * The Word document of the sample report checked against Decree 30/2020/NĐ-CP, Appendix I,
 * in the XML that docx writes (word/document.xml, styles.xml and the header parts).
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { FieldValue, ReportData } from "../report/types";
import {
  alignment,
  attr,
  numAttr,
  paragraphRunProps,
  paragraphWithText,
  paragraphs,
  tables,
  unpackDocx,
  type Parts,
  type XmlParagraph,
} from "./docx-xml.testutil";
import { textWidthTwips } from "./metrics";
import { CLOSING_COLUMNS, HEADER_COLUMNS, PAGE, TEXT_WIDTH, mm } from "./layout";
import { bodyLines, packReport, packReportBlob } from "./index";

const def = loadDefinition();

function dataWith(values: Record<string, FieldValue>): ReportData {
  const data = sampleData();
  Object.assign(data.values, values);
  return data;
}

async function partsOf(data: ReportData): Promise<Parts> {
  return unpackDocx(await packReport(def, data));
}

/** The header part a section's headerReference of `type` points to. */
function headerPart(parts: Parts, type: "default" | "first"): string {
  const doc = parts["word/document.xml"];
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"/>`).exec(doc)?.[1];
  expect(id).toBeDefined();
  const rels = parts["word/_rels/document.xml.rels"];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  expect(target).toBeDefined();
  return parts[`word/${target}`];
}

const TEXT_OF = {
  quocHieu: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  tieuNgu: "Độc lập - Tự do - Hạnh phúc",
  so: "Số:      /BC-UBND",
  dateLine: "Mỹ Hào, ngày      tháng 11 năm 2024",
  trichYeu: "Tình hình, kết quả thực hiện công tác cải cách thủ tục hành chính tháng 11 năm 2024 trên địa bàn thị xã Mỹ Hào",
};

describe("the sample report as a Decree 30 document", () => {
  let parts: Parts;
  let doc: string;
  let ps: XmlParagraph[];

  beforeAll(async () => {
    parts = await partsOf(sampleData());
    doc = parts["word/document.xml"];
    ps = paragraphs(doc);
  });

  const props = (text: string) => paragraphRunProps(paragraphWithText(ps, text));
  /** The paragraph right after the one whose text is `text`. */
  const after = (text: string) => ps[ps.indexOf(paragraphWithText(ps, text)) + 1];
  /** Width between the indents of a paragraph in a space `available` wide. */
  const ruleWidth = (p: XmlParagraph, available: number) => available - (numAttr(p.pPr, "w:ind", "w:left") ?? 0) - (numAttr(p.pPr, "w:ind", "w:right") ?? 0);
  const hasSolidBottomLine = (p: XmlParagraph) => attr(p.pPr, "w:bottom", "w:val") === "single" && p.text === "" && /<w:pBdr>/.test(p.pPr);

  it("is A4 portrait with margins 20/20/30/15 mm", () => {
    expect([mm(20), mm(30), mm(15)]).toEqual([1134, 1701, 850]);
    expect(numAttr(doc, "w:pgSz", "w:w")).toBe(11906);
    expect(numAttr(doc, "w:pgSz", "w:h")).toBe(16838);
    expect(attr(doc, "w:pgSz", "w:orient")).not.toBe("landscape");
    expect(numAttr(doc, "w:pgMar", "w:top")).toBe(1134);
    expect(numAttr(doc, "w:pgMar", "w:bottom")).toBe(1134);
    expect(numAttr(doc, "w:pgMar", "w:left")).toBe(1701);
    expect(numAttr(doc, "w:pgMar", "w:right")).toBe(850);
    expect(TEXT_WIDTH).toBe(11906 - 1701 - 850);
  });

  it("uses Times New Roman, black, 14 pt, Vietnamese as the document default", () => {
    const defaults = /<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/.exec(parts["word/styles.xml"])?.[1] ?? "";
    for (const a of ["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"]) expect(attr(defaults, "w:rFonts", a)).toBe("Times New Roman");
    expect(attr(defaults, "w:color", "w:val")).toBe("000000");
    expect(numAttr(defaults, "w:sz", "w:val")).toBe(28);
    expect(attr(defaults, "w:lang", "w:val")).toBe("vi-VN");
  });

  it("writes every run in Times New Roman and black, headers included, and Word's heading styles too", () => {
    const xmls = [doc, headerPart(parts, "default"), parts["word/styles.xml"]];
    for (const xml of xmls) {
      const fontNames = [...xml.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)].map((m) => m[1]);
      expect(fontNames.length).toBeGreaterThan(0);
      expect(new Set(fontNames)).toEqual(new Set(["Times New Roman"]));
    }
    const colours = [...doc.matchAll(/<w:color w:val="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(colours)).toEqual(new Set(["000000"]));
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">([\s\S]*?)<\/w:style>/.exec(parts["word/styles.xml"])?.[1] ?? "";
    expect(attr(heading1, "w:color", "w:val")).toBe("000000");
  });

  it("sets the Quốc hiệu 13 pt bold upright and the Tiêu ngữ 14 pt bold, centred", () => {
    expect(props(TEXT_OF.quocHieu)).toMatchObject({ size: 26, bold: true, italics: false });
    expect(props(TEXT_OF.tieuNgu)).toMatchObject({ size: 28, bold: true, italics: false });
    expect(alignment(paragraphWithText(ps, TEXT_OF.quocHieu))).toBe("center");
    expect(alignment(paragraphWithText(ps, TEXT_OF.tieuNgu))).toBe("center");
  });

  it("draws a solid line under the Tiêu ngữ as long as the text", () => {
    const rule = after(TEXT_OF.tieuNgu);
    expect(hasSolidBottomLine(rule)).toBe(true);
    const available = HEADER_COLUMNS[1] - 2 * 57;
    const textWidth = textWidthTwips(TEXT_OF.tieuNgu, 14, true);
    expect(Math.abs(ruleWidth(rule, available) - textWidth)).toBeLessThanOrEqual(2);
  });

  it("sets the agency 13 pt bold upper case with a line of 1/3 to 1/2 of its length below", () => {
    expect(props("ỦY BAN NHÂN DÂN")).toMatchObject({ size: 26, bold: true, italics: false });
    expect(props("THỊ XÃ MỸ HÀO")).toMatchObject({ size: 26, bold: true, italics: false });
    const rule = after("THỊ XÃ MỸ HÀO");
    expect(hasSolidBottomLine(rule)).toBe(true);
    const width = ruleWidth(rule, HEADER_COLUMNS[0] - 2 * 57);
    const text = textWidthTwips("ỦY BAN NHÂN DÂN", 13, true);
    expect(width).toBeGreaterThanOrEqual(text / 3);
    expect(width).toBeLessThanOrEqual(text / 2);
  });

  it("sets the cơ quan chủ quản, when there is one, 13 pt upper case not bold above the agency", async () => {
    const ps2 = paragraphs(
      (await partsOf(dataWith({ CO_QUAN_CHU_QUAN: "Ủy ban nhân dân tỉnh Hưng Yên", CO_QUAN_BAN_HANH: ["Sở Nội vụ"] })))["word/document.xml"],
    );
    const chuQuan = paragraphWithText(ps2, "ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN");
    expect(paragraphRunProps(chuQuan)).toMatchObject({ size: 26, bold: false, italics: false });
    expect(ps2[ps2.indexOf(chuQuan) + 1].text).toBe("SỞ NỘI VỤ");
    expect(paragraphRunProps(ps2[ps2.indexOf(chuQuan) + 1])).toMatchObject({ size: 26, bold: true });
  });

  it("sets 'Số: …' 13 pt upright and the date line 14 pt italic, on the same row", () => {
    expect(props(TEXT_OF.so)).toMatchObject({ size: 26, bold: false, italics: false });
    expect(props(TEXT_OF.dateLine)).toMatchObject({ size: 28, bold: false, italics: true });
    const header = tables(doc)[0];
    const rows = [...header.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(2);
    expect(paragraphs(rows[1]).map((p) => p.text)).toEqual([TEXT_OF.so, TEXT_OF.dateLine]);
    expect(
      paragraphs(rows[0])
        .map((p) => p.text)
        .filter(Boolean),
    ).toEqual(["ỦY BAN NHÂN DÂN", "THỊ XÃ MỸ HÀO", TEXT_OF.quocHieu, TEXT_OF.tieuNgu]);
  });

  it("sets BÁO CÁO and the trích yếu 14 pt bold centred, with a short line under the trích yếu", () => {
    expect(props("BÁO CÁO")).toMatchObject({ size: 28, bold: true, italics: false });
    expect(alignment(paragraphWithText(ps, "BÁO CÁO"))).toBe("center");
    expect(props(TEXT_OF.trichYeu)).toMatchObject({ size: 28, bold: true, italics: false });
    expect(alignment(paragraphWithText(ps, TEXT_OF.trichYeu))).toBe("center");
    const rule = after(TEXT_OF.trichYeu);
    expect(hasSolidBottomLine(rule)).toBe(true);
    const width = ruleWidth(rule, TEXT_WIDTH);
    expect(width).toBeGreaterThan(TEXT_WIDTH / 4);
    expect(width).toBeLessThan(TEXT_WIDTH / 2);
  });

  it("keeps one recipient on the Kính gửi line, upright, ending with '.'", () => {
    expect(props("Kính gửi: Văn phòng UBND tỉnh Hưng Yên.")).toMatchObject({ size: 28, bold: false, italics: false });
  });

  it("lists several recipients under 'Kính gửi:', the last ending with '.'", async () => {
    const texts = paragraphs((await partsOf(dataWith({ KINH_GUI: ["Văn phòng UBND tỉnh Hưng Yên", "Sở Nội vụ"] })))["word/document.xml"]).map((p) => p.text);
    const i = texts.indexOf("Kính gửi:");
    expect(texts.slice(i, i + 3)).toEqual(["Kính gửi:", "- Văn phòng UBND tỉnh Hưng Yên;", "- Sở Nội vụ."]);
  });

  it("sets body paragraphs 14 pt, justified, indent 1.27 cm, ≥ 6 pt after, 1.15 lines", () => {
    const canCu = paragraphWithText(ps, sampleData().values.CAN_CU as string);
    const pakn = ps.find((p) => p.text.startsWith("Tình hình tiếp nhận"))!;
    for (const p of [canCu, pakn, paragraphWithText(ps, "- Đã thẩm định đối với 00 TTHC.")]) {
      expect(paragraphRunProps(p)).toMatchObject({ size: 28, bold: false, italics: false });
      expect(alignment(p)).toBe("both");
      expect(numAttr(p.pPr, "w:ind", "w:firstLine")).toBe(720);
      expect(numAttr(p.pPr, "w:spacing", "w:after")).toBeGreaterThanOrEqual(120);
      expect(attr(p.pPr, "w:spacing", "w:lineRule")).toBe("auto");
      const line = numAttr(p.pPr, "w:spacing", "w:line")!;
      expect(line).toBeGreaterThanOrEqual(240);
      expect(line).toBeLessThanOrEqual(360);
    }
  });

  it("sets mục headings bold upper case, khoản bold, tiểu khoản bold italic", () => {
    for (const t of ["I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. NHIỆM VỤ TRỌNG TÂM CỦA THÁNG TIẾP THEO", "IV. KIẾN NGHỊ VÀ ĐỀ XUẤT"]) {
      expect(props(t)).toMatchObject({ size: 28, bold: true, italics: false });
    }
    for (const t of ["1. Về cải cách việc quy định TTHC", "2. Kết quả tiếp nhận và xử lý phản ánh, kiến nghị", "3. Nguyên nhân"]) {
      expect(props(t)).toMatchObject({ size: 28, bold: true, italics: false });
    }
    expect(props("1.2. Kết quả cắt giảm, đơn giản hóa quy định, TTHC")).toMatchObject({ size: 28, bold: true, italics: true });
    expect(paragraphWithText(ps, "I. KẾT QUẢ THỰC HIỆN").pPr).toMatch(/<w:keepNext\/>/);
  });

  it("pads TTHC counts to two digits and writes PAKN counts as they are", () => {
    expect(ps.map((p) => p.text)).toContain("- Đã đánh giá tác động đối với 00 TTHC.");
    expect(ps.map((p) => p.text)).toContain("+ Số lượng TTHC nội bộ đã công bố: 00 TTHC.");
    const pakn = ps.find((p) => p.text.startsWith("Tình hình tiếp nhận"))!.text;
    expect(pakn).toContain("Tổng số PAKN đã tiếp nhận: 0; số PAKN đã xử lý đúng hạn: 0;");
    expect(pakn).not.toContain(": 00");
  });

  it("pads 5 to '05' TTHC and leaves 12 and 3 PAKN unpadded", async () => {
    const texts = paragraphs((await partsOf(dataWith({ DGTD_TTHC: 5, PAKN_TONG: 12, PAKN_DUNG_HAN: 3 })))["word/document.xml"]).map((p) => p.text);
    expect(texts).toContain("- Đã đánh giá tác động đối với 05 TTHC.");
    expect(texts.find((t) => t.startsWith("Tình hình tiếp nhận"))).toContain("Tổng số PAKN đã tiếp nhận: 12; số PAKN đã xử lý đúng hạn: 3;");
  });

  it("writes one paragraph per line, with no raw line break in any text", () => {
    expect(doc).not.toMatch(/<w:t[^>]*>[^<]*\n/);
    for (const line of sampleData().values.DANH_GIA_CHUNG as string[]) expect(ps.map((p) => p.text)).toContain(`- ${line}`);
  });

  it("ends the body with './.' once, on the last body paragraph", () => {
    const texts = ps.map((p) => p.text);
    const marked = texts.filter((t) => t.endsWith("./."));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toMatch(/theo quy định của pháp luật\.\/\.$/);
    expect(texts.indexOf(marked[0])).toBe(texts.indexOf("Nơi nhận:") - 1);
  });

  it("sets 'Nơi nhận:' 12 pt bold italic and the recipients 11 pt, each as typed after '- '", () => {
    expect(props("Nơi nhận:")).toMatchObject({ size: 24, bold: true, italics: true });
    const i = ps.indexOf(paragraphWithText(ps, "Nơi nhận:"));
    const recipients = ps.slice(i + 1, i + 5);
    expect(recipients.map((p) => p.text)).toEqual([
      "- Như trên;",
      "- Trung tâm PVHCC và KSTTHC tỉnh;",
      "- Chủ tịch, các Phó Chủ tịch UBND thị xã",
      "- Lưu: VT.",
    ]);
    for (const p of recipients) {
      expect(paragraphRunProps(p)).toMatchObject({ size: 22, bold: false, italics: false });
      expect(alignment(p)).toBe("left");
    }
  });

  it("sets the signer's title and name 14 pt bold centred, with room for signature and seal", () => {
    const texts = ps.map((p) => p.text);
    const start = texts.indexOf("TM. ỦY BAN NHÂN DÂN");
    expect(texts.slice(start, start + 3)).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]);
    for (const t of ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Quốc Khánh"]) {
      expect(props(t)).toMatchObject({ size: 28, bold: true, italics: false });
      expect(alignment(paragraphWithText(ps, t))).toBe("center");
    }
    const name = texts.indexOf("Nguyễn Quốc Khánh");
    expect(name - (start + 3)).toBeGreaterThanOrEqual(4);
    expect(texts.slice(start + 3, name).every((t) => t === "")).toBe(true);
  });

  it("numbers pages 2 and after, centred 14 pt in the header, and not page 1", () => {
    expect(doc).toMatch(/<w:titlePg\/>/);
    const first = headerPart(parts, "first");
    const other = headerPart(parts, "default");
    expect(first).not.toMatch(/PAGE/);
    expect(first).not.toMatch(/<w:fldChar|<w:fldSimple/);
    expect(paragraphs(first).every((p) => p.text === "")).toBe(true);
    expect(other).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>|<w:fldSimple w:instr="\s*PAGE/);
    const numbered = paragraphs(other).find((p) => /PAGE/.test(p.xml))!;
    expect(alignment(numbered)).toBe("center");
    expect(numbered.runs.every((r) => r.props.size === 28 && !r.props.italics)).toBe(true);
  });

  it("gives both tables and every cell fixed widths in twips, no percentages, no borders", () => {
    expect(doc).not.toMatch(/w:type="pct"/);
    const [header, closing] = tables(doc);
    expect(tables(doc)).toHaveLength(2);
    for (const [table, columns] of [
      [header, HEADER_COLUMNS],
      [closing, CLOSING_COLUMNS],
    ] as const) {
      expect(attr(table, "w:tblW", "w:type")).toBe("dxa");
      expect(numAttr(table, "w:tblW", "w:w")).toBe(columns[0] + columns[1]);
      expect(columns[0] + columns[1]).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(attr(table, "w:tblLayout", "w:type")).toBe("fixed");
      expect([...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([...columns]);
      const cells = [...table.matchAll(/<w:tcW w:type="(\w+)" w:w="(\d+)"\/>/g)];
      expect(cells.length).toBe((table.match(/<w:tc>/g) ?? []).length);
      for (const c of cells) expect(c[1]).toBe("dxa");
      expect(new Set(cells.map((c) => Number(c[2])))).toEqual(new Set(columns));
      const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(table)?.[1] ?? "";
      expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1]).every((v) => v === "none" || v === "nil")).toBe(true);
    }
    expect(PAGE.width).toBe(11906);
  });
});

describe("the date line and the number in variants of the data", () => {
  const headerTexts = async (values: Record<string, FieldValue>) =>
    paragraphs(tables((await partsOf(dataWith(values)))["word/document.xml"])[0]).map((p) => p.text);

  it("pads the day and month 1: 'ngày 05 tháng 01'", async () => {
    expect(await headerTexts({ NGAY: 5, THANG: 1, NAM: 2025 })).toContain("Mỹ Hào, ngày 05 tháng 01 năm 2025");
  });

  it("does not pad month 6: 'ngày 29 tháng 6'", async () => {
    const texts = await headerTexts({ NGAY: 29, THANG: 6, NAM: 2024 });
    expect(texts).toContain("Mỹ Hào, ngày 29 tháng 6 năm 2024");
    expect(texts.join("\n")).not.toContain("tháng 06");
  });

  it("pads a number under 10: 'Số: 05/BC-UBND'", async () => {
    expect(await headerTexts({ SO: "5" })).toContain("Số: 05/BC-UBND");
  });
});

describe("body wording from the definition", () => {
  it("writes a filled labelled list as 'Label:' and '+ ' items, without doubling a typed bullet", () => {
    const lines = bodyLines(def, dataWith({ KQ_RA_SOAT_KH_TINH: ["Đã rà soát 03 TTHC;", "+ Đề xuất đơn giản hóa 01 TTHC."] })).map((l) => l.text);
    const i = lines.indexOf("- Kết quả rà soát, đánh giá TTHC theo Kế hoạch của UBND tỉnh:");
    expect(lines.slice(i, i + 3)).toEqual([
      "- Kết quả rà soát, đánh giá TTHC theo Kế hoạch của UBND tỉnh:",
      "+ Đã rà soát 03 TTHC;",
      "+ Đề xuất đơn giản hóa 01 TTHC.",
    ]);
  });

  it("writes an empty labelled list as 'Label.'", () => {
    expect(bodyLines(def, sampleData()).map((l) => l.text)).toContain("- Kết quả rà soát, đánh giá TTHC theo Kế hoạch của UBND tỉnh.");
  });

  it("does not give a second bullet to a line typed with '- '", () => {
    const lines = bodyLines(def, dataWith({ NHIEM_VU: ["- Tiếp tục rà soát.", "Tăng cường hướng dẫn."] })).map((l) => l.text);
    expect(lines).toContain("- Tiếp tục rà soát.");
    expect(lines).toContain("- Tăng cường hướng dẫn.");
    expect(lines).not.toContain("- - Tiếp tục rà soát.");
  });

  it("puts the closing mark on the last line even when it has no final period", () => {
    const lines = bodyLines(def, dataWith({ KIEN_NGHI: ["Không có kiến nghị"] }));
    expect(lines[lines.length - 1]).toEqual({ kind: "text", text: "Không có kiến nghị./." });
  });
});

describe("line breaks typed in cells", () => {
  it("makes one paragraph per typed line in a list and a w:br inside the paragraph in a single text, never a raw newline", async () => {
    const parts = await partsOf(
      dataWith({ NHIEM_VU: ["Tiếp tục rà soát.\nTăng cường hướng dẫn."], CAN_CU: "Thực hiện Công văn số 323 \n của Văn phòng UBND tỉnh, như sau:" }),
    );
    const doc = parts["word/document.xml"];
    expect(doc).not.toMatch(/<w:t[^>]*>[^<]*[\r\n]/);
    const texts = paragraphs(doc).map((p) => p.text);
    expect(texts).toContain("- Tiếp tục rà soát.");
    expect(texts).toContain("- Tăng cường hướng dẫn.");
    const canCu = paragraphWithText(paragraphs(doc), "Thực hiện Công văn số 323\ncủa Văn phòng UBND tỉnh, như sau:");
    expect(canCu.xml).toContain(
      '<w:t xml:space="preserve">Thực hiện Công văn số 323</w:t><w:br/><w:t xml:space="preserve">của Văn phòng UBND tỉnh, như sau:</w:t>',
    );
    // one run: the break keeps the run's format
    expect(canCu.runs).toHaveLength(1);
  });

  it("writes a soft break pasted from Word as w:br and a tab as w:tab, in NFC, without control characters or _xHHHH_", async () => {
    const nfd = "Vie\u0302\u0323t Nam";
    const parts = await partsOf(
      dataWith({
        CAN_CU: `Căn cứ\u000Bkế hoạch của ${nfd}\u0001`,
        NGUOI_KY: "Nguye\u0302\u0303n\tVăn A\u000Bký thay",
        CO_QUAN_CHU_QUAN: "UBND TỈNH\uFFFF HƯNG YÊN\uD800",
      }),
    );
    const doc = parts["word/document.xml"];
    const texts = paragraphs(doc).map((p) => p.text);
    expect(texts).toContain("Căn cứ\nkế hoạch của Việt Nam");
    expect(texts).toContain("Nguyễn\tVăn A\nký thay");
    expect(texts).toContain("UBND TỈNH HƯNG YÊN");
    expect(doc).toContain("<w:tab/>");
    for (const xml of Object.values(parts)) {
      expect(xml).not.toMatch(/_x[0-9A-Fa-f]{4}_/);
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u0080-\u009F\uFFFE\uFFFF]/);
      expect(xml).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
      expect(xml).toBe(xml.normalize("NFC"));
      expect(xml).not.toMatch(/\p{M}/u);
    }
  });
});

describe("packaging", () => {
  it("packs a Blob for the browser with the same content", async () => {
    const blob = await packReportBlob(def, sampleData());
    expect(blob).toBeInstanceOf(Blob);
    const parts = await unpackDocx(new Uint8Array(await blob.arrayBuffer()));
    expect(parts["word/document.xml"]).toContain(TEXT_OF.quocHieu);
  });

  it("keeps src/docx free of Node imports (the browser bundle lazy-loads it)", () => {
    const sources = readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !/\.test(util)?\.ts$|\.testutil\.ts$/.test(f));
    expect(sources).toEqual(expect.arrayContaining(["index.ts", "report-document.ts"]));
    for (const f of sources) {
      const code = readFileSync(path.join(__dirname, f), "utf8");
      expect({ f, imports: [...code.matchAll(/from "([^"]+)"/g)].map((m) => m[1]).filter((m) => !m.startsWith(".") && m !== "docx") }).toEqual({
        f,
        imports: [],
      });
    }
  });
});
