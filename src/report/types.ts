/**
 * Types of the report domain. Nothing here knows about Excel, the DOM or Node.
 *
 * A report definition (one per report kind: templates/<id>.definition.json, described by
 * templates/report-definition.schema.json) is the single source of truth: every input of
 * the report is a *field* with an id, and that id is also the workbook-level defined name
 * of the field's cell, list of cells or table body. The sheets, the checks, the roll-up and
 * the Word document are all derived from the definition; the document's frame asks it
 * which field plays which role (issuing agency, signer, …), so no code names a field.
 */

export type Severity = "error" | "warning";

/**
 * - text:   one cell of free text
 * - lines:  a list of paragraphs / lines, one per row (blank rows are ignored)
 * - count:  a whole number ≥ 0 (an indicator of the report)
 * - day, month, year: parts of the report's date and period
 * - period: the report's period in words, chosen from a list ("Quý III", "6 tháng đầu năm", "Năm")
 * - date:   a date typed as d/m/yyyy (or an Excel date); the cut-off dates of the period
 * - table:  a table of whole numbers ≥ 0, one row per item (lĩnh vực) and fixed columns
 */
export type FieldKind = "text" | "lines" | "count" | "day" | "month" | "year" | "period" | "date" | "table";

/** A numeric column of a table field. */
export interface TableColumnDef {
  /** Upper-case id, unique in the table; used by rules and document values ("BIEU_06.TONG_NHAN"). */
  id: string;
  /** The column's own header ("Tổng số"). */
  label: string;
  /** The header of the group the column belongs to, shown over consecutive columns of the same group. */
  group?: string;
  /** Width in the Word table, relative to the other columns' (default 1). */
  width?: number;
  /**
   * A computed column: in every row, the sum of these columns of the same table (input
   * columns, not computed themselves). The sheet holds the formula ("=D6+E6+F6"), not an
   * input; the reader takes the value Excel computed.
   */
  sumOf?: string[];
  /**
   * Other words for the column's own header in tables exported by other systems ("Qua mạng"
   * for "Trực tuyến"), for the import of such a table (src/import/). Matched ignoring case,
   * spacing and Unicode composition, as whole words.
   */
  words?: string[];
}

/** Words the import of an exported table (src/import/) recognises, besides the definition's own labels. */
export interface TableSourceWords {
  /** other words for each group header, by the group's label ("Số hồ sơ đã giải quyết": ["Đã xử lý"]) */
  groups?: Record<string, string[]>;
  /** other words for the row-label column's header ("Lĩnh vực", "Tên lĩnh vực") */
  rowHeader?: string[];
  /** other words for the total row's label ("Tổng số", "Cộng") */
  total?: string[];
  /** words of a serial-number column's header ("STT", "TT") */
  serial?: string[];
  /** words of columns that are left out (rates: "Tỷ lệ", "%") */
  skip?: string[];
  /** words of header cells that only join others ("Trong đó", "Chia ra") */
  filler?: string[];
}

/** What a table field adds to a field. */
export interface TableDef {
  /** Header of the row-label column ("Lĩnh vực, công việc giải quyết theo cấp"). */
  rowHeader: string;
  columns: TableColumnDef[];
  /** The rows offered in a new workbook (the office edits them in the sheet). */
  rows: string[];
  /** Label of the total row ("Tổng cộng"). */
  totalLabel: string;
  /** Unit of measure (đơn vị tính) of every figure ("Số hồ sơ TTHC"), printed above the Word table. */
  measure?: string;
  /** Words for importing the table from another system's export (src/import/). */
  sourceWords?: TableSourceWords;
}

export interface FieldDef {
  /** Upper-case id, also the workbook-level defined name (e.g. "PAKN_TONG"). */
  id: string;
  kind: FieldKind;
  /** Vietnamese label shown beside the input on the sheet and used in messages. */
  label: string;
  /** Help text shown on the sheet. */
  hint?: string;
  /** A blank value is an error. */
  required?: boolean;
  /** lines: a blank list is a warning (the section would be empty in the report). */
  warnIfEmpty?: boolean;
  /** lines: rows laid out for input (users may insert more rows inside the list). */
  rows?: number;
  /**
   * count: the figure's unit of measure (đơn vị tính: "TTHC", "PAKN"), shown beside it on the
   * sheet. Not a unit in the sense of this project (a commune, ward or town office sending its
   * figures). Definitions written before this name say "unit": src/report/definition-schema.ts
   * reads that key as this one.
   */
  measure?: string;
  /** count: minimum number of digits in the document (2 gives "00", "05"; 0 or 1 gives "0"). */
  pad?: number;
  /** count: the sentence (or phrase) the indicator produces; "{value}" is replaced. */
  sentence?: string;
  /** count, table: the figures are added up across units (communes, wards) in a roll-up. */
  rollup?: boolean;
  /** table: its columns and rows. */
  table?: TableDef;
}

/** A rule that relates several fields. */
export type CrossRule =
  | {
      kind: "sumEquals";
      /** the total, e.g. PAKN_TONG */
      total: string;
      /** the parts that must add up to the total */
      parts: string[];
      /** severity when the parts add up to more than the total */
      whenGreater: Severity;
      /** severity when the parts add up to less than the total */
      whenLess: Severity;
    }
  | {
      kind: "nonIncreasing";
      /** each field must be ≤ the one before it */
      fields: string[];
      severity: Severity;
    }
  | {
      /** in every row of a table: total column = sum of the part columns */
      kind: "rowSum";
      table: string;
      total: string;
      parts: string[];
      severity: Severity;
    }
  | {
      /** in every row of a table: the columns of `left` add up to those of `right` */
      kind: "rowBalance";
      table: string;
      left: string[];
      right: string[];
      /** severity when the two sides differ (the default of `whenGreater` and `whenLess`) */
      severity?: Severity;
      /** severity when `left` adds up to more than `right` */
      whenGreater?: Severity;
      /** severity when `left` adds up to less than `right` */
      whenLess?: Severity;
      /**
       * what the excess of `left` over `right` is, named in the message of that case
       * ("hồ sơ trả lại hoặc rút": received = settled + pending + returned or withdrawn)
       */
      excess?: string;
    }
  | {
      /** a recipients (Nơi nhận) list: each line ends with ";", the last with "." (Decree 30) */
      kind: "recipientPunctuation";
      field: string;
      severity: Severity;
    };

/** A row of a sheet: a heading line or a field. */
export type SheetItem = { heading: string } | { field: string };

/**
 * How a sheet is arranged:
 * - form:       label | value | check column (header information)
 * - indicators: STT | indicator | figure | unit of measure | check column (section I)
 * - paragraphs: STT | paragraph | check column (text sections, one paragraph per row)
 * - table:      one table field: header rows, STT | row label | figures… | check column, total row
 */
export type SheetArrangement = "form" | "indicators" | "paragraphs" | "table";

export interface SheetDef {
  id: string;
  /** Worksheet name (≤ 31 characters, Excel's rules). */
  name: string;
  /** Title written in the sheet's first row. */
  title: string;
  /** One line of guidance under the title. */
  hint: string;
  arrangement: SheetArrangement;
  items: SheetItem[];
}

/** A block of the report body, in document order. */
export type BodyBlock =
  /** A heading; level decides the style (muc: "I. …", khoan: "1. …", tieuKhoan: "1.1. …"). */
  | { type: "heading"; level: "muc" | "khoan" | "tieuKhoan"; text: string }
  /** A fixed line of text. */
  | { type: "text"; text: string; bullet?: string }
  /** One count field's sentence. */
  | { type: "count"; field: string; bullet?: string }
  /** Several count fields' phrases joined into one paragraph. */
  | { type: "counts"; intro: string; fields: string[]; separator: string; end: string; bullet?: string }
  /** A lines field, one paragraph per line. */
  | { type: "lines"; field: string; bullet?: string }
  /**
   * A labelled lines field: "label." when empty, otherwise "label:" followed by the
   * lines, each with the item bullet.
   */
  | { type: "labelledLines"; field: string; label: string; bullet?: string; itemBullet?: string }
  /**
   * A paragraph whose placeholders are filled: "{FIELD_ID}", a period word ("{ky}",
   * "{kyNgan}", "{tuNgay}", "{denNgay}") or a computed value of `document.values` ("{tyLeDungHan}").
   * With `unlessZero` (the name of a computed value of `document.values`), the paragraph is
   * left out when that value is 0, or cannot be computed while a figure is missing ("… 170 hồ sơ
   * trả lại hoặc rút" only when there are any).
   */
  | { type: "paragraph"; text: string; bullet?: string; unlessZero?: string };

/** The period kinds of Decree 09/2019: month, quarter, six months, year. */
export type PeriodType = "thang" | "quy" | "6thang" | "nam";

/** Where a report's period is kept. */
export interface PeriodDef {
  /** the period kinds the report may have (one for a monthly report) */
  types: PeriodType[];
  /** a month field: the period is that month (monthly reports) */
  month?: string;
  /** a period field ("Quý III", "6 tháng đầu năm", "Năm") when the report may have several kinds */
  field?: string;
  /** the year field */
  year: string;
  /** date fields of the data cut-off, blank for the rule of Decree 09/2019 */
  from?: string;
  to?: string;
}

/** Which field plays which role in the document's frame (Decree 30). */
export interface FrameRoles {
  /** cơ quan chủ quản (text, optional) */
  agencyParent?: string;
  /** cơ quan ban hành (lines) */
  agency: string;
  /** số văn bản (text) */
  number?: string;
  /** ký hiệu (text) */
  symbol: string;
  /** địa danh (text) */
  place: string;
  /** the signing date: day (may be blank), month and year fields */
  date: { day?: string; month: string; year: string };
  /** Kính gửi (lines) */
  addressees: string;
  /** the opening sentence, căn cứ (text) */
  opening?: string;
  /** quyền hạn, chức vụ người ký (lines) */
  signerAuthority: string;
  /** họ tên người ký (text) */
  signerName: string;
  /** Nơi nhận (lines) */
  recipients: string;
}

/** An operand of a computed value: a count field ("PAKN_TONG") or a table column's total ("BIEU_06.TONG_NHAN"). */
export type ValueRef = string;

/** A number computed from the data for the document's sentences. */
export type ComputedValue =
  /** a sum, written as a whole number ("12.345") */
  | { sum: ValueRef[] }
  /** a difference sum(difference) − sum(minus), written as a whole number ("170") */
  | { difference: ValueRef[]; minus: ValueRef[] }
  /** a percentage sum(of) / sum(over) with one decimal ("95,2%"); `whenZero` when the denominator is 0 */
  | { percent: ValueRef[]; over: ValueRef[]; whenZero?: string }
  /**
   * the change of a figure against the previous period, as "Kỳ mới" left it in the workbook
   * (src/workbook/previous-totals.ts): `text` with "{change}" replaced by "tăng 12,5%", "giảm 3,0%"
   * or "không đổi" (default text: "{change} so với kỳ trước"); `whenNoPrevious` (default "")
   * when the workbook has no previous period, or its figure was 0 or missing
   */
  | { change: ValueRef; text?: string; whenNoPrevious?: string }
  /**
   * the change of a figure against earlier periods "Kỳ mới" kept in the workbook, in one phrase:
   * `before` + each part said (`with`, in order) joined by `separator` + `after`, or "" when none
   * is. A part compares with the previous period ("previous") or the same period of last year
   * ("lastYear", left out in a yearly report, where it is the previous one); its `text` has
   * "{change}" ("tăng 10,0%", "giảm 3,0%", "không đổi") and may have "{year}" (the compared
   * period's year); it is said only when that period is kept and its figure was not 0.
   * " (tăng 10,0% so với kỳ trước; tăng 19,8% so với cùng kỳ năm 2025)"
   */
  | { compare: ValueRef; with: { against: "previous" | "lastYear"; text: string }[]; before?: string; separator?: string; after?: string }
  /** the number of units of a summary workbook (its per-unit sheet: src/workbook/unit-results.ts); 0 without units */
  | { unitCount: true }
  /** the number of units whose rate (a `percent` value's name) is at least `atLeast` percent ("98") */
  | { unitsReaching: string; atLeast: number }
  /** the number of units with a figure: the sum of `unitsWith` above 0 (units with overdue dossiers) */
  | { unitsWith: ValueRef[] }
  /**
   * the unit(s) with the highest or the lowest rate (a `percent` value's name), in words: `text`
   * with "{name}" (names of tied units joined, the first three and "và N đơn vị khác") and
   * "{rate}" ("99,2%"); default "{name} ({rate})"; "" without units
   */
  | { unitAt: string; end: "highest" | "lowest"; text?: string }
  /**
   * the units on the workbook's list of expected units (`units.expected`) that have sent nothing:
   * "count" their number ("2"), "names" their names as the list writes them ("Xã An Bình, Phường Đông").
   * Cannot be computed when the workbook has no list, so a paragraph gated by it (`unlessZero`) is
   * left out then, and when nobody is missing.
   */
  | { missingUnits: "count" | "names" };

/**
 * A figure carried from one period into the next by "Kỳ mới": in every row of `table`, the
 * new period's column `to` gets this period's column `from` ("Từ kỳ trước" = "Đang giải quyết");
 * without `table`, the count field `to` gets the count field `from`.
 */
export interface CarryOverDef {
  table?: string;
  from: string;
  to: string;
}

/** A table printed as an appendix (phụ lục) after the closing block, on its own page. */
export interface AppendixDef {
  /** the table field (or `units`) */
  table?: string;
  /**
   * instead of a table field: the per-unit results of a summary workbook (`unitResults`), one
   * row per unit; the appendix is left out when the workbook has no units
   */
  units?: boolean;
  /** lines above the title, right-aligned ("Biểu số 06/VPCP/KSTT") */
  code?: string;
  /** title, bold upper case ("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT …") */
  title: string;
  /** lines under the title, centred italic; placeholders as in a paragraph ("({kyKhoang})") */
  subtitles?: string[];
  /** the reporting and the receiving unit, above the table's left and right corners */
  corners?: [string, string];
  /** the page's orientation (landscape for a wide table, as Decree 30 allows for an appendix) */
  orientation?: "portrait" | "landscape";
}

export interface DocumentDef {
  /** Tên loại văn bản, e.g. "BÁO CÁO". */
  docType: string;
  /** Stem of the Word file's name, ASCII ("bao-cao-cctthc" gives "bao-cao-cctthc-thang-11-2024.docx"). */
  fileName: string;
  /** Trích yếu; placeholders as in a paragraph block. */
  trichYeu: string;
  /** which field plays which role in the frame */
  frame: FrameRoles;
  /** numbers computed for the sentences, by name */
  values?: Record<string, ComputedValue>;
  body: BodyBlock[];
  appendices?: AppendixDef[];
}

/** How units' (communes', wards') sheets of this kind are recognised. */
export interface UnitsDef {
  /** text written on a unit sheet, whatever the sheet is called */
  marker: string;
  /** text written on the two bookend sheets */
  bookendMarker: string;
  /**
   * The sheet of the units expected to send their figures (src/workbook/expected-list.ts): one
   * name per row under `header`; Kiểm tra names the units of the list without a sheet or
   * figures, and the unit sheets not on the list.
   */
  expected?: ExpectedListDef;
}

/** The sheet of the expected units' names. */
export interface ExpectedListDef {
  /** worksheet name ("Danh sách đơn vị") */
  sheet: string;
  title: string;
  hint: string;
  /** header of the names' column ("Tên đơn vị") */
  header: string;
}

/**
 * The per-unit sheet of a summary workbook (src/workbook/unit-results.ts): one row per unit,
 * in the order of the unit sheets — the unit's name, its totals for every roll-up figure
 * (a count field, each column of a table's total row) by formula, then `rates` and `rank`.
 */
export interface UnitResultsDef {
  /** worksheet name ("Kết quả đơn vị") */
  sheet: string;
  /** title in the sheet's first row */
  title: string;
  /** one line of guidance under the title */
  hint: string;
  /** header of the unit's name column ("Đơn vị") */
  nameHeader: string;
  /** rate columns: a `percent` value of `document.values` by name, with its header */
  rates?: { value: string; label: string }[];
  /** the unit's rank by one of `rates` (the highest rate is 1) */
  rank?: { value: string; label: string };
  /** label of the total row of the report's per-unit appendix ("Tổng cộng"); no total row without it */
  totalLabel?: string;
}

/** One unit's figures, as the per-unit sheet holds them: by value reference ("BIEU_06.TONG_NHAN", "PAKN_TONG"). */
export interface UnitResult {
  name: string;
  figures: Record<ValueRef, number | null>;
}

export interface ReportDefinition {
  id: string;
  version: number;
  title: string;
  period: PeriodDef;
  units: UnitsDef;
  fields: FieldDef[];
  rules: CrossRule[];
  /** figures "Kỳ mới" carries into the next period's workbook (every other figure is cleared) */
  carryOver?: CarryOverDef[];
  /** the per-unit sheet of a summary workbook, and the rates and rank it shows */
  unitResults?: UnitResultsDef;
  sheets: SheetDef[];
  document: DocumentDef;
}

/** A table's value: its row labels and, for each row, one cell per column (null when blank). */
export interface TableValue {
  rows: string[];
  cells: (number | null)[][];
}

/** The value of one field in the report data. */
export type FieldValue = string | number | string[] | TableValue | null;

/** The previous period's totals, as "Kỳ mới" left them in the next period's workbook. */
export interface PreviousTotals {
  /** the previous period in words ("tháng 11 năm 2024") */
  period: string;
  /** the period itself, when its words say it (read back from `period`) */
  at?: { type: PeriodType; number: number; year: number };
  /** by value reference: a count field ("PAKN_TONG") or a table column's total ("BIEU_06.TONG_NHAN") */
  totals: Record<string, number>;
  /** every period before it that "Kỳ mới" kept, the most recent first (for "cùng kỳ năm 2025") */
  earlier?: PreviousTotals[];
}

/** The report's data: one value per field id. */
export interface ReportData {
  values: Record<string, FieldValue>;
  /** the previous period's totals, when the workbook was made by "Kỳ mới" */
  previous?: PreviousTotals;
  /** each unit's figures, from the per-unit sheet of a summary workbook (src/workbook/unit-results.ts) */
  units?: UnitResult[];
  /** the workbook's list of expected units (when it has one), and those of them that have sent nothing */
  expectedUnits?: { expected: string[]; missing: string[] };
}

/** A problem found in the workbook, placed on its cell. */
export interface Problem {
  /** Worksheet name as it is in the workbook. */
  sheet: string;
  /** A1 address of the cell (for a list, its first cell). */
  cell: string;
  severity: Severity;
  /** Vietnamese message for the user. */
  message: string;
  /** Stable machine-readable code, e.g. "count.notWhole". */
  code: string;
  fieldId?: string;
}
