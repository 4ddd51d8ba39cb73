/**
 * The header of the report (Decree 30, ô 1–4): a borderless two-column table with fixed
 * widths. Row 1: the agency (ô 2) | Quốc hiệu and Tiêu ngữ (ô 1); row 2: số, ký hiệu (ô 3) |
 * place and date (ô 4), so that the two sit on the same line.
 */
import type { Paragraph, Table } from "docx";
import { linesValue, numberValue, textValue } from "../report/definition";
import type { ReportData, ReportDefinition } from "../report/types";
import { formatDateLine, formatSoKyHieu, splitLines } from "../report/wording";
import { textWidthTwips } from "./metrics";
import { CELL_SIDE_MARGIN, HEADER_COLUMNS, SHORT_RULE_RATIO, SIZE, line, shortRule, twoColumnTable } from "./layout";

export const QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const TIEU_NGU = "Độc lập - Tự do - Hạnh phúc";

const upper = (s: string) => s.toLocaleUpperCase("vi");
const inner = (columnWidth: number) => columnWidth - 2 * CELL_SIDE_MARGIN;

/** ô 2: cơ quan chủ quản (upright), cơ quan ban hành (bold), and a short line under it. */
export function agencyParagraphs(def: ReportDefinition, data: ReportData): Paragraph[] {
  const frame = def.document.frame;
  const chuQuan = textValue(data, frame.agencyParent);
  const banHanh = splitLines(linesValue(data, frame.agency)).map(upper);
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
export function soKyHieuParagraph(def: ReportDefinition, data: ReportData): Paragraph {
  const frame = def.document.frame;
  return line(formatSoKyHieu(textValue(data, frame.number), textValue(data, frame.symbol)), { size: SIZE.so }, { spacing: { before: 120 } });
}

/** ô 4: "Mỹ Hào, ngày … tháng … năm …", italic. */
export function dateLineParagraph(def: ReportDefinition, data: ReportData): Paragraph {
  const { place, date } = def.document.frame;
  const text = formatDateLine(textValue(data, place), numberValue(data, date.day), numberValue(data, date.month) ?? 0, numberValue(data, date.year) ?? 0);
  return line(text, { size: SIZE.dateLine, italics: true }, { spacing: { before: 120 } });
}

/** The whole header table. */
export function headerTable(def: ReportDefinition, data: ReportData): Table {
  return twoColumnTable(HEADER_COLUMNS, [
    [agencyParagraphs(def, data), nationalParagraphs()],
    [[soKyHieuParagraph(def, data)], [dateLineParagraph(def, data)]],
  ]);
}
