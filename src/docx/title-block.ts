/**
 * Tên loại and trích yếu (Decree 30, ô 5a) and the "Kính gửi" lines (ô 9a).
 */
import { AlignmentType, Paragraph } from "docx";
import { linesValue } from "../report/definition";
import type { ReportData, ReportDefinition } from "../report/types";
import { documentPlaceholders } from "../report/values";
import { fillTemplate, formatKinhGui, splitLines } from "../report/wording";
import { textWidthTwips } from "./metrics";
import { SHORT_RULE_RATIO, SIZE, TEXT_WIDTH, line, shortRule } from "./layout";

/** Side indents of the trích yếu, so that a long one wraps into balanced, centred lines. */
const TRICH_YEU_INDENT = 567;

/** "BÁO CÁO": upper case, bold, centred. */
export function docTypeParagraph(def: ReportDefinition): Paragraph {
  return line(def.document.docType.toLocaleUpperCase("vi"), { size: SIZE.docType, bold: true }, { spacing: { before: 360 }, keepNext: true });
}

/** The trích yếu (bold, centred) and a short line under it. */
export function trichYeuParagraphs(def: ReportDefinition, data: ReportData): Paragraph[] {
  const text = fillTemplate(def.document.trichYeu, data, documentPlaceholders(def, data));
  const available = TEXT_WIDTH - 2 * TRICH_YEU_INDENT;
  const longestLine = Math.min(available, textWidthTwips(text, SIZE.trichYeu, true));
  return [
    line(text, { size: SIZE.trichYeu, bold: true }, { indent: { left: TRICH_YEU_INDENT, right: TRICH_YEU_INDENT }, keepNext: true }),
    shortRule(Math.round(longestLine * SHORT_RULE_RATIO), TEXT_WIDTH),
  ];
}

/**
 * "Kính gửi: X." centred for one recipient; for several, "Kính gửi:" and then one
 * "- X;" line each under it.
 */
export function kinhGuiParagraphs(def: ReportDefinition, data: ReportData): Paragraph[] {
  const lines = formatKinhGui(splitLines(linesValue(data, def.document.frame.addressees)));
  const style = { size: SIZE.body };
  if (lines.length === 1) {
    return [line(lines[0], style, { spacing: { before: 240, after: 240 } })];
  }
  const labelIndent = 1701;
  const listIndent = labelIndent + 1304;
  return lines.map((l, i) =>
    line(l, style, {
      alignment: AlignmentType.LEFT,
      indent: { left: i === 0 ? labelIndent : listIndent },
      spacing: { before: i === 0 ? 240 : 0, after: i === lines.length - 1 ? 240 : 0 },
    }),
  );
}
