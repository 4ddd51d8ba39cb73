/**
 * The Decree 30/2020/NĐ-CP page and type settings (Appendix I), in Word's units, and the
 * small builders every block of the report uses. Sizes of runs are in half-points, lengths
 * in twips (dxa): 1 pt = 20 twips, 1 mm = 1440 / 25.4 twips.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type IRunOptions,
} from "docx";
import { runChildren } from "./text-run";

/** Millimetres to twips, rounded to the nearest twip (20 mm → 1134, 30 mm → 1701, 15 mm → 850). */
export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);
/** Points to half-points (the unit of `size`). */
export const pt = (points: number): number => Math.round(points * 2);

export const FONT = "Times New Roman";
export const BLACK = "000000";
export const LANGUAGE = "vi-VN";

/** A4 portrait and the decree's default margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;

/** Width of the text between the margins. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Font sizes of the elements, in points (the decree's defaults). */
export const SIZE = {
  body: 14,
  quocHieu: 13,
  tieuNgu: 14,
  coQuan: 13,
  so: 13,
  dateLine: 14,
  docType: 14,
  trichYeu: 14,
  noiNhanLabel: 12,
  noiNhan: 11,
  chucVu: 14,
  nguoiKy: 14,
  pageNumber: 14,
} as const;

/** Body paragraphs: first-line indent 1.27 cm, 6 pt after, 1.15 lines. */
export const BODY = {
  firstLine: 720,
  after: 120,
  line: 276,
} as const;

/** Share of the text's length drawn as the short line under the agency and the trích yếu (1/3–1/2). */
export const SHORT_RULE_RATIO = 0.4;

/** Widths (dxa) of the two columns of the header and of the closing block; each pair adds up to the text width. */
export const HEADER_COLUMNS = [3544, TEXT_WIDTH - 3544] as const;
export const CLOSING_COLUMNS = [4394, TEXT_WIDTH - 4394] as const;
/** Left and right cell margins of both tables. */
export const CELL_SIDE_MARGIN = 57;

export const NO_BORDERS = TableBorders.NONE;

const SOLID_LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: BLACK, space: 0 };

export type RunStyle = Pick<IRunOptions, "bold" | "italics" | "allCaps"> & { size: number };

/**
 * A run of text in Times New Roman, black, at `size` points. A line break in the text (a
 * single-text field typed with Alt+Enter, a soft break pasted from Word) is a line break
 * in the same paragraph (w:br), a tab a w:tab; the lines of a list are separate
 * paragraphs before they get here (splitLines).
 */
export function run(text: string, style: RunStyle): TextRun {
  const children = runChildren(text);
  return new TextRun({
    ...(children.length ? { children } : { text: "" }),
    font: FONT,
    color: BLACK,
    size: pt(style.size),
    bold: style.bold ?? false,
    italics: style.italics ?? false,
  });
}

/** A paragraph of one run, single-spaced, without space after (the lines of the header and closing blocks). */
export function line(text: string, style: RunStyle, options: Omit<IParagraphOptions, "children" | "text"> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    ...options,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO, ...options.spacing },
    children: [run(text, style)],
  });
}

/** Height of the paragraph that carries a short line: the gap between the text above and the line. */
export const RULE_GAP = 100;

/**
 * A solid line `length` twips long, centred in a space `available` twips wide, a few
 * points under the text above: an empty paragraph of exact height whose bottom border is
 * limited by its indents. LibreOffice and Word both draw a paragraph border between the indents.
 */
export function shortRule(length: number, available: number): Paragraph {
  const side = Math.max(0, Math.floor((available - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: RULE_GAP, lineRule: LineRuleType.EXACT },
    border: { bottom: SOLID_LINE },
    run: { size: pt(2), font: FONT },
    children: [],
  });
}

/**
 * A borderless two-column table with fixed widths in DXA for the table and every cell
 * (LibreOffice ignores percent widths); each row is a pair of cell contents, kept on one page.
 */
export function twoColumnTable(columns: readonly [number, number], rows: [Paragraph[], Paragraph[]][]): Table {
  const [left, right] = columns;
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.TOP,
      margins: { left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN, top: 0, bottom: 0 },
    });
  return new Table({
    width: { size: left + right, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(([a, b]) => new TableRow({ cantSplit: true, children: [cell(a, left), cell(b, right)] })),
  });
}
