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
import type { AppendixDef, ReportData, ReportDefinition, TableDef, TableValue, UnitResult } from "../report/types";
import { unitRate, unitResultColumns, unitRow, type UnitColumn } from "../report/unit-results";
import { documentPlaceholders } from "../report/values";
import { fillTemplate, formatNumber, formatPercent } from "../report/wording";
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
export function tableColumnWidths(table: { columns: { width?: number }[] }, total: number): number[] {
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

/** A table of figures as the Word table shows it: header, then rows of texts (numbers already written), then the total row. */
export interface WordTableSpec {
  /** header of the row-label column */
  rowHeader: string;
  columns: { label: string; group?: string; width?: number }[];
  rows: { label: string; cells: string[] }[];
  total?: { label: string; cells: string[] };
}

/** The Word table of a figure table: header rows (repeated on every page), column numbers, rows, total row. */
export function wordTable(spec: WordTableSpec, totalWidth: number): Table {
  const widths = tableColumnWidths(spec, totalWidth);
  const cols = spec.columns;
  const head: RunStyle = { size: TABLE_SIZE, bold: true };
  const spanOf = (i: number) => widths.slice(2 + i).slice(0, 1)[0];
  // header row 1: groups over their columns; STT, label and ungrouped columns merged down into row 2
  const row1: CellSpec[] = [
    { text: "STT", width: widths[0], style: head, vMerge: "restart" },
    { text: spec.rowHeader, width: widths[1], style: head, vMerge: "restart" },
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
  const body: CellSpec[][] = spec.rows.map((row, r) => [
    { text: String(r + 1), width: widths[0] },
    { text: row.label, width: widths[1], align: "left" },
    ...cols.map((_, c) => ({ text: row.cells[c] ?? "", width: widths[2 + c], align: "right" as const })),
  ]);
  const total: CellSpec[] | null = spec.total
    ? [
        { text: "", width: widths[0], style: head },
        { text: spec.total.label, width: widths[1], style: head, align: "left" },
        ...cols.map((_, c) => ({ text: spec.total!.cells[c] ?? "", width: widths[2 + c], style: head, align: "right" as const })),
      ]
    : null;
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
      ...(total ? [new TableRow({ cantSplit: true, children: total.map(tableCell) })] : []),
    ],
  });
}

const numberText = (v: number | null | undefined) => (v === null || v === undefined ? "" : formatNumber(v));

/** The Word table of a table field: header rows, column numbers, rows, total row. */
export function figureTable(def: TableDef, value: TableValue, totalWidth: number): Table {
  const rows = shownRows(value);
  const totals = def.columns.map((_, c) => rows.reduce((sum, row) => sum + (row.cells[c] ?? 0), 0));
  return wordTable(
    {
      rowHeader: def.rowHeader,
      columns: def.columns,
      rows: rows.map((row) => ({ label: row.label, cells: def.columns.map((_, c) => numberText(row.cells[c])) })),
      total: { label: def.totalLabel, cells: totals.map(numberText) },
    },
    totalWidth,
  );
}

/**
 * The Word table of each unit's results (the per-unit sheet of a summary workbook): one row per
 * unit — its name, its figures, its rates ("98,5%") and rank — and, when the definition names
 * it, a total row: the figures' sums and the rates of the sums.
 */
export function unitsTable(def: ReportDefinition, units: UnitResult[], totalWidth: number): Table {
  const u = def.unitResults!;
  const columns = unitResultColumns(def);
  const text = (c: UnitColumn, v: number | null) => (v === null ? "" : c.kind === "rate" ? formatPercent(v) : formatNumber(v));
  const sums: UnitResult = { name: "", figures: {} };
  for (const c of columns) {
    if (c.kind !== "figure") continue;
    const values = units.map((unit) => unit.figures[c.key]);
    sums.figures[c.key] = values.some((v) => v === null || v === undefined) ? null : values.reduce<number>((a, b) => a + (b as number), 0);
  }
  return wordTable(
    {
      rowHeader: u.nameHeader,
      columns,
      rows: units.map((unit, i) => ({ label: unit.name, cells: unitRow(def, units, i).map((v, c) => text(columns[c], v)) })),
      ...(u.totalLabel
        ? {
            total: {
              label: u.totalLabel,
              cells: columns.map((c) => (c.kind === "figure" ? numberText(sums.figures[c.key]) : c.kind === "rate" ? text(c, unitRate(def, sums, c.key)) : "")),
            },
          }
        : {}),
    },
    totalWidth,
  );
}

/** The appendices the report has: each of the definition's, but one about units only when the workbook has units. */
export function reportAppendices(def: ReportDefinition, data: ReportData): AppendixDef[] {
  return (def.document.appendices ?? []).filter((a) => !a.units || (data.units?.length ?? 0) > 0);
}

/** One appendix as a section of its own: a new page, landscape when asked, page numbers continued. */
export function appendixSection(def: ReportDefinition, data: ReportData, appendix: AppendixDef): ISectionOptions {
  const field = appendix.table === undefined ? undefined : fieldById(def, appendix.table);
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
  if (field?.table!.measure) {
    children.push(
      line(
        `Đơn vị tính: ${field.table!.measure}`,
        { size: SIZE.noiNhan + 1, italics: true },
        { alignment: AlignmentType.RIGHT, spacing: { before: 120, after: 60 }, keepNext: true },
      ),
    );
  }
  children.push(field ? figureTable(field.table!, tableValue(data, field.id), width) : unitsTable(def, data.units ?? [], width));
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
