/**
 * Types of the report domain. Nothing here knows about Excel, the DOM or Node.
 *
 * The report definition (templates/report-definition.json) is the single source of
 * truth: every input of the report is a *field* with an id, and that id is also the
 * workbook-level defined name of the field's cell or list of cells. The sheets, the
 * checks, the roll-up and the Word document are all derived from the definition.
 */

export type Severity = "error" | "warning";

/**
 * - text:  one cell of free text
 * - lines: a list of paragraphs / lines, one per row (blank rows are ignored)
 * - count: a whole number ≥ 0 (an indicator of the report)
 * - day, month, year: parts of the report's date and period
 */
export type FieldKind = "text" | "lines" | "count" | "day" | "month" | "year";

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
  /** count: unit shown on the sheet ("TTHC", "PAKN"). */
  unit?: string;
  /** count: minimum number of digits in the document (2 gives "00", "05"; 0 or 1 gives "0"). */
  pad?: number;
  /** count: the sentence (or phrase) the indicator produces; "{value}" is replaced. */
  sentence?: string;
  /** count: the indicator is added up across units in a roll-up. */
  rollup?: boolean;
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
    };

/** A row of a sheet: a heading line or a field. */
export type SheetItem = { heading: string } | { field: string };

/**
 * How a sheet is arranged:
 * - form:       label | value | check column (header information)
 * - indicators: STT | indicator | figure | unit | check column (section I)
 * - paragraphs: STT | paragraph | check column (text sections, one paragraph per row)
 */
export type SheetArrangement = "form" | "indicators" | "paragraphs";

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
  | { type: "labelledLines"; field: string; label: string; bullet?: string; itemBullet?: string };

export interface DocumentDef {
  /** Tên loại văn bản, e.g. "BÁO CÁO". */
  docType: string;
  /** Trích yếu; "{FIELD_ID}" is replaced by the field's value. */
  trichYeu: string;
  body: BodyBlock[];
}

export interface ReportDefinition {
  id: string;
  version: number;
  title: string;
  fields: FieldDef[];
  rules: CrossRule[];
  sheets: SheetDef[];
  document: DocumentDef;
}

/** The value of one field in the report data. */
export type FieldValue = string | number | string[] | null;

/** The report's data: one value per field id. */
export interface ReportData {
  values: Record<string, FieldValue>;
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
