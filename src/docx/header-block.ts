/**
 * The header of the report (Decree 30, ô 1–4): a borderless two-column table with fixed
 * widths. Row 1: the agency (ô 2) | Quốc hiệu and Tiêu ngữ (ô 1); row 2: số, ký hiệu (ô 3) |
 * place and date (ô 4), so that the two sit on the same line.
 */
import type { Paragraph, Table } from "docx";
import { linesValue, numberValue, textValue } from "../report/definition";
import type { ReportData } from "../report/types";
import { formatDateLine, formatSoKyHieu, splitLines } from "../report/wording";
import { textWidthTwips } from "./metrics";
import { CELL_SIDE_MARGIN, HEADER_COLUMNS, SHORT_RULE_RATIO, SIZE, line, shortRule, twoColumnTable } from "./layout";

export const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";

const upper = (s: string) => s.toLocaleUpperCase("vi");
const inner = (columnWidth: number) => columnWidth - 2 * CELL_SIDE_MARGIN;

/** ô 2: cơ quan chủ quản (upright), cơ quan ban hành (bold), and a short line under it. */
export function agencyParagraphs(data: ReportData): Paragraph[] {
  const chuQuan = textValue(data, "CO_QUAN_CHU_QUAN");
  const banHanh = splitLines(linesValue(data, "CO_QUAN_BAN_HANH")).map(upper);
  const paragraphs: Paragraph[] = [];
  if (chuQuan) paragraphs.push(line(upper(chuQuan), { size: SIZE.coQuan }));
  for (const l of banHanh) paragraphs.push(line(l, { size: SIZE.coQuan, bold: true }));
  const longest = Math.max(0, ...banHanh.map((l) => textWidthTwips(l, SIZE.coQuan, true)));
  const available = inner(HEADER_COLUMNS[0]);
  if (longest > 0) paragraphs.push(shortRule(Math.round(Math.min(longest, available) * SHORT_RULE_RATIO), available));
  return paragraphs;
}

/** ô 1: Quốc hiệu, Tiêu ngữ and a line under the Tiêu ngữ as long as the text. */
export function nationalParagraphs(): Paragraph[] {
  const available = inner(HEADER_COLUMNS[1]);
  return [
    line(QUOC_HIEU, { size: SIZE.quocHieu, bold: true }),
    line(TIEU_NGU, { size: SIZE.tieuNgu, bold: true }),
    shortRule(Math.min(available, textWidthTwips(TIEU_NGU, SIZE.tieuNgu, true)), available),
  ];
}

/** ô 3: "Số: …/BC-UBND". */
export function soKyHieuParagraph(data: ReportData): Paragraph {
  return line(formatSoKyHieu(textValue(data, "SO"), textValue(data, "KY_HIEU")), { size: SIZE.so }, { spacing: { before: 120 } });
}

/** ô 4: "Mỹ Hào, ngày … tháng … năm …", italic. */
export function dateLineParagraph(data: ReportData): Paragraph {
  const text = formatDateLine(
    textValue(data, "DIA_DANH"),
    numberValue(data, "NGAY"),
    numberValue(data, "THANG") ?? 0,
    numberValue(data, "NAM") ?? 0,
  );
  return line(text, { size: SIZE.dateLine, italics: true }, { spacing: { before: 120 } });
}

/** The whole header table. */
export function headerTable(data: ReportData): Table {
  return twoColumnTable(HEADER_COLUMNS, [
    [agencyParagraphs(data), nationalParagraphs()],
    [[soKyHieuParagraph(data)], [dateLineParagraph(data)]],
  ]);
}
