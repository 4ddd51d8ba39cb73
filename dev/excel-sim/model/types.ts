/**
 * The data the simulated workbook holds: cells and their formats, borders, validation, defined
 * names, and the defaults of a new cell.
 */
import { Rect } from "../address";
import { CellValue } from "../formula";

export interface SimFont {
  bold: boolean;
  italic: boolean;
  color: string;
  size: number;
  name: string;
  underline: string;
  strikethrough: boolean;
}

export type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "DiagonalDown" | "DiagonalUp";

export interface SimBorder {
  style: string;
  color: string;
  weight: string;
}

/** The format part of a cell. */
export interface SimCellFormat {
  numberFormat: string;
  /** "#RRGGBB", or null for no fill (office.js reads "#FFFFFF"). */
  fill: string | null;
  font: SimFont;
  wrap: boolean;
  /** Excel.HorizontalAlignment: "General", "Left", "Center", "Right", … */
  hAlign: string;
  /** Excel.VerticalAlignment: "Bottom", "Center", "Top", … */
  vAlign: string;
  /** Only the edges that have a line. */
  borders?: Partial<Record<BorderEdge, SimBorder>>;
}

export interface SimCell extends SimCellFormat {
  /** The literal value, or for a formula cell its last computed result. null = empty. */
  value: CellValue;
  /** "=SUM(C5:C9)", or null. */
  formula: string | null;
}

export interface FormatPatch {
  numberFormat?: string;
  fill?: string | null;
  font?: Partial<SimFont>;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
}

export interface SimValidationRule {
  wholeNumber?: { formula1: string; formula2?: string; operator: string };
  decimal?: { formula1: string; formula2?: string; operator: string };
  textLength?: { formula1: string; formula2?: string; operator: string };
  date?: { formula1: string; formula2?: string; operator: string };
  time?: { formula1: string; formula2?: string; operator: string };
  list?: { inCellDropDown: boolean; source: string };
  custom?: { formula: string };
}

export interface SimErrorAlert {
  message: string;
  showAlert: boolean;
  style: string;
  title: string;
}

export interface SimPrompt {
  message: string;
  showPrompt: boolean;
  title: string;
}

/** Data validation of one rectangle (a range with validation is a list of these). */
export interface SimValidation {
  rect: Rect;
  /** null: "any value" (only an error alert or prompt was set). */
  rule: SimValidationRule | null;
  errorAlert: SimErrorAlert;
  prompt: SimPrompt;
  ignoreBlanks: boolean;
}

export interface SimName {
  name: string;
  /** "='I. Kết quả'!$C$5" */
  formula: string;
  comment: string;
  visible: boolean;
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface SimChangeEvent {
  /** "sync": a context.sync() that changed something; "direct": a helper such as setCellValue or load. */
  source: "sync" | "direct";
}

export type SetCellResult = { accepted: true } | { accepted: false; reason: "protected" | "validation" | "invalid"; message: string };

// ---------------------------------------------------------------------------------------------
// Defaults

export const DEFAULT_FONT: SimFont = {
  bold: false,
  italic: false,
  color: "#000000",
  size: 11,
  name: "Calibri",
  underline: "None",
  strikethrough: false,
};

/** Points; Excel's default for Calibri 11 (8.43 characters, 64 px). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Points; Excel's default for Calibri 11 (20 px). */
export const DEFAULT_ROW_HEIGHT = 15;

export const DEFAULT_ERROR_ALERT: SimErrorAlert = { message: "", showAlert: true, style: "Stop", title: "" };
export const DEFAULT_PROMPT: SimPrompt = { message: "", showPrompt: false, title: "" };

/** Cell-by-cell operations on more cells than this are refused (whole rows/columns use row/column formats). */
export const MAX_CELL_OPERATION = 1_000_000;
