/**
 * The closing block (Decree 30, ô 9b and 7a–7b): a borderless two-column table with fixed
 * widths. Left: "Nơi nhận:" and the recipients; right: the signer's authority and title,
 * room for the signature and seal, and the signer's name.
 */
import { AlignmentType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from "docx";
import { linesValue, textValue } from "../report/definition";
import type { ReportData } from "../report/types";
import { formatNoiNhan, splitLines } from "../report/wording";
import { CELL_SIDE_MARGIN, CLOSING_COLUMNS, NO_BORDERS, SIZE, line } from "./layout";

/** Empty lines left for the signature and the seal. */
export const SIGNATURE_SPACE_LINES = 4;
/** Space between the last body paragraph and the closing block (twips). */
const SPACE_ABOVE = 240;

/** "Nơi nhận:" (12 pt bold italic) and each recipient (11 pt, "- " + the line as typed). */
export function noiNhanParagraphs(data: ReportData): Paragraph[] {
  const left = { alignment: AlignmentType.LEFT } as const;
  return [
    line("Nơi nhận:", { size: SIZE.noiNhanLabel, bold: true, italics: true }, { ...left, spacing: { before: SPACE_ABOVE } }),
    ...formatNoiNhan(splitLines(linesValue(data, "NOI_NHAN"))).map((l) => line(l, { size: SIZE.noiNhan }, left)),
  ];
}

/** Quyền hạn, chức vụ (upper case, bold), the blank for signature and seal, the name (bold). */
export function signatureParagraphs(data: ReportData): Paragraph[] {
  const chucVu = splitLines(linesValue(data, "CHUC_VU")).map((l, i) =>
    line(l.toLocaleUpperCase("vi"), { size: SIZE.chucVu, bold: true }, { spacing: { before: i === 0 ? SPACE_ABOVE : 0 } }),
  );
  const blank = Array.from({ length: SIGNATURE_SPACE_LINES }, () => line("", { size: SIZE.chucVu }));
  const name = textValue(data, "NGUOI_KY");
  return [...chucVu, ...blank, line(name, { size: SIZE.nguoiKy, bold: true })];
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    children,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    margins: { left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN, top: 0, bottom: 0 },
  });
}

/** The whole closing table; its single row is kept on one page. */
export function closingTable(data: ReportData): Table {
  const [left, right] = CLOSING_COLUMNS;
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(noiNhanParagraphs(data), left), cell(signatureParagraphs(data), right)] })],
  });
}
