/**
 * A table printed as an appendix (phụ lục) after the report, on a page of its own, in
 * landscape when the definition asks for it (Decree 30 allows an appendix or a wide table
 * on a landscape page): the form's code, the reporting and receiving units in the corners,
 * the title, the period lines, the unit of measure, then a real Word table — header rows
 * with merged group cells, the column numbers (1)…(n), one row per item and a total row —
 * with fixed column widths in Times New Roman 11 pt.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
  type ISectionOptions,
} from "docx";
import { fieldById, tableValue } from "../report/definition";
import type { AppendixDef, ReportData, ReportDefinition, TableDef, TableValue } from "../report/types";
import { documentPlaceholders } from "../report/values";
import { fillTemplate, formatNumber } from "../report/wording";
import { BLACK, CELL_SIDE_MARGIN, PAGE, SIZE, line, run, twoColumnTable, type RunStyle } from "./layout";
import { pageNumberHeader } from "./page-number";

/** Size of the table's text, in points (Decree 30 allows 11–12 pt in a table). */
export const TABLE_SIZE = 11;

/** Width between the margins of a page in the given orientation. */
export function textWidthOf(orientation: "portrait" | "landscape"): number {
  const width = orientation === "landscape" ? PAGE.height : PAGE.width;
  return width - PAGE.margin.left - PAGE.margin.right;
}

/** Column widths (dxa) of a table: STT, the row label, then the figures by their relative widths; they add up to `total`. */
export function tableColumnWidths(table: TableDef, total: number): number[] {
  const stt = 600;
  const figures = table.columns.map((c) => c.width ?? 1);
  const shares = figures.reduce((a, b) => a + b, 0);
  // the label gets what three figure columns would, but at least a fifth of the width
  const labelShare = Math.max(total / 5, ((total - stt) * 3) / (shares + 3));
  const perShare = Math.floor((total - stt - labelShare) / shares);
  const widths = [stt, 0, ...figures.map((w) => Math.floor(w * perShare))];
  widths[1] = total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: BLACK };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function cellParagraph(text: string, style: RunStyle, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph {
  return new Paragraph({
    alignment,
    spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO },
    children: text ? [run(text, style)] : [],
  });
}

interface CellSpec {
  text: string;
  width: number;
  style?: RunStyle;
  align?: "left" | "center" | "right";
  span?: number;
  vMerge?: "restart" | "continue";
}

function tableCell(c: CellSpec): TableCell {
  const alignment = c.align === "left" ? AlignmentType.LEFT : c.align === "right" ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return new TableCell({
    children: [cellParagraph(c.text, c.style ?? { size: TABLE_SIZE }, alignment)],
    width: { size: c.width, type: WidthType.DXA },
    columnSpan: c.span,
    verticalMerge: c.vMerge === "restart" ? VerticalMergeType.RESTART : c.vMerge === "continue" ? VerticalMergeType.CONTINUE : undefined,
    verticalAlign: VerticalAlign.CENTER,
    borders: BORDERS,
    margins: { left: CELL_SIDE_MARGIN, right: CELL_SIDE_MARGIN, top: 0, bottom: 0 },
  });
}

/** The rows of a table value that the document shows: every row with a label or a figure. */
export function shownRows(table: TableValue): { label: string; cells: (number | null)[] }[] {
  return table.rows
    .map((label, r) => ({ label: label.trim(), cells: table.cells[r] ?? [] }))
    .filter((row) => row.label !== "" || row.cells.some((v) => v !== null && v !== undefined));
}

/** The Word table of a table field: header rows, column numbers, rows, total row. */
export function figureTable(def: TableDef, value: TableValue, totalWidth: number): Table {
  const widths = tableColumnWidths(def, totalWidth);
  const cols = def.columns;
  const head: RunStyle = { size: TABLE_SIZE, bold: true };
  const spanOf = (i: number) => widths.slice(2 + i).slice(0, 1)[0];
  // header row 1: groups over their columns; STT, label and ungrouped columns merged down into row 2
  const row1: CellSpec[] = [
    { text: "STT", width: widths[0], style: head, vMerge: "restart" },
    { text: def.rowHeader, width: widths[1], style: head, vMerge: "restart" },
  ];
  const row2: CellSpec[] = [
    { text: "", width: widths[0], vMerge: "continue" },
    { text: "", width: widths[1], vMerge: "continue" },
  ];
  for (let i = 0; i < cols.length;) {
    const group = cols[i].group;
    let end = i;
    while (group && end + 1 < cols.length && cols[end + 1].group === group) end++;
    if (group) {
      const width = widths.slice(2 + i, 3 + end).reduce((a, b) => a + b, 0);
      row1.push({ text: group, width, style: head, span: end - i + 1 });
      for (let k = i; k <= end; k++) row2.push({ text: cols[k].label, width: spanOf(k), style: head });
    } else {
      row1.push({ text: cols[i].label, width: spanOf(i), style: head, vMerge: "restart" });
      row2.push({ text: "", width: spanOf(i), vMerge: "continue" });
    }
    i = end + 1;
  }
  const numbers: CellSpec[] = widths.map((w, i) => ({ text: `(${i + 1})`, width: w, style: { size: TABLE_SIZE, italics: true } }));
  const rows = shownRows(value);
  const body: CellSpec[][] = rows.map((row, r) => [
    { text: String(r + 1), width: widths[0] },
    { text: row.label, width: widths[1], align: "left" },
    ...cols.map((_, c) => {
      const v = row.cells[c];
      return { text: v === null || v === undefined ? "" : formatNumber(v), width: widths[2 + c], align: "right" as const };
    }),
  ]);
  const totals = cols.map((_, c) => rows.reduce((sum, row) => sum + (row.cells[c] ?? 0), 0));
  const total: CellSpec[] = [
    { text: "", width: widths[0], style: head },
    { text: def.totalLabel, width: widths[1], style: head, align: "left" },
    ...totals.map((t, c) => ({ text: formatNumber(t), width: widths[2 + c], style: head, align: "right" as const })),
  ];
  const header = (cells: CellSpec[]) => new TableRow({ tableHeader: true, cantSplit: true, children: cells.map(tableCell) });
  return new Table({
    width: { size: totalWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      header(row1),
      header(row2),
      header(numbers),
      ...body.map((cells) => new TableRow({ cantSplit: true, children: cells.map(tableCell) })),
      new TableRow({ cantSplit: true, children: total.map(tableCell) }),
    ],
  });
}

/** One appendix as a section of its own: a new page, landscape when asked, page numbers continued. */
export function appendixSection(def: ReportDefinition, data: ReportData, appendix: AppendixDef): ISectionOptions {
  const field = fieldById(def, appendix.table!);
  const orientation = appendix.orientation ?? "portrait";
  const width = textWidthOf(orientation);
  const fill = (t: string) => fillTemplate(t, data, documentPlaceholders(def, data));
  const children: ISectionOptions["children"][number][] = [];
  if (appendix.corners) {
    const half = Math.floor(width / 2);
    const corner = (t: string) => [line(fill(t), { size: SIZE.noiNhanLabel, bold: true }, { alignment: AlignmentType.LEFT })];
    children.push(twoColumnTable([half, width - half], [[corner(appendix.corners[0]), corner(appendix.corners[1])]]));
  }
  if (appendix.code) children.push(line(appendix.code, { size: SIZE.noiNhanLabel, bold: true }, { alignment: AlignmentType.RIGHT, spacing: { before: 120 } }));
  children.push(line(fill(appendix.title).toLocaleUpperCase("vi"), { size: SIZE.trichYeu - 1, bold: true }, { spacing: { before: 240 }, keepNext: true }));
  for (const s of appendix.subtitles ?? []) children.push(line(fill(s), { size: SIZE.noiNhanLabel + 1, italics: true }, { keepNext: true }));
  if (field.table!.measure) {
    children.push(
      line(
        `Đơn vị tính: ${field.table!.measure}`,
        { size: SIZE.noiNhan + 1, italics: true },
        { alignment: AlignmentType.RIGHT, spacing: { before: 120, after: 60 }, keepNext: true },
      ),
    );
  }
  children.push(figureTable(field.table!, tableValue(data, field.id), width));
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height, orientation: orientation === "landscape" ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { ...PAGE.margin },
      },
    },
    headers: { default: pageNumberHeader() },
    children,
  };
}
