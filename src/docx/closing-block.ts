/**
 * The closing block (Decree 30, ô 9b and 7a–7b): a borderless two-column table with fixed
 * widths. Left: "Nơi nhận:" and the recipients; right: the signer's authority and title,
 * room for the signature and seal, and the signer's name.
 */
import { AlignmentType, type Paragraph, type Table } from "docx";
import { linesValue, textValue } from "../report/definition";
import type { ReportData, ReportDefinition } from "../report/types";
import { formatNoiNhan, splitLines } from "../report/wording";
import { CLOSING_COLUMNS, SIZE, line, twoColumnTable } from "./layout";

/** Empty lines left for the signature and the seal. */
export const SIGNATURE_SPACE_LINES = 4;
/** Space between the last body paragraph and the closing block (twips). */
const SPACE_ABOVE = 240;

/** "Nơi nhận:" (12 pt bold italic) and each recipient (11 pt, "- " + the line as typed). */
export function noiNhanParagraphs(def: ReportDefinition, data: ReportData): Paragraph[] {
  const left = { alignment: AlignmentType.LEFT } as const;
  return [
    line("Nơi nhận:", { size: SIZE.noiNhanLabel, bold: true, italics: true }, { ...left, spacing: { before: SPACE_ABOVE } }),
    ...formatNoiNhan(splitLines(linesValue(data, def.document.frame.recipients))).map((l) => line(l, { size: SIZE.noiNhan }, left)),
  ];
}

/** Quyền hạn, chức vụ (upper case, bold), the blank for signature and seal, the name (bold). */
export function signatureParagraphs(def: ReportDefinition, data: ReportData): Paragraph[] {
  const chucVu = splitLines(linesValue(data, def.document.frame.signerAuthority)).map((l, i) =>
    line(l.toLocaleUpperCase("vi"), { size: SIZE.chucVu, bold: true }, { spacing: { before: i === 0 ? SPACE_ABOVE : 0 } }),
  );
  const blank = Array.from({ length: SIGNATURE_SPACE_LINES }, () => line("", { size: SIZE.chucVu }));
  const name = textValue(data, def.document.frame.signerName);
  return [...chucVu, ...blank, line(name, { size: SIZE.nguoiKy, bold: true })];
}

/** The whole closing table; its single row is kept on one page. */
export function closingTable(def: ReportDefinition, data: ReportData): Table {
  return twoColumnTable(CLOSING_COLUMNS, [[noiNhanParagraphs(def, data), signatureParagraphs(def, data)]]);
}
