/**
 * excel-sim: an in-memory simulation of the part of the Excel JavaScript API (office.js) the
 * add-in uses, for jest tests of src/excel/ and for the browser sandbox. See README.md.
 */
export { createSimHost, installSimGlobals, uninstallSimGlobals, compareVersions, SimHost, SimRequirementSets } from "./host";
export type { SimHostOptions, SimRun } from "./host";
export { SimRequestContext } from "./context";
export type { SimRunOptions } from "./context";
export { SimOfficeError, PROTECTED_SHEET_MESSAGE, ARRAY_SIZE_MESSAGE } from "./errors";
export type { SimErrorCode, SimDebugInfo } from "./errors";
export { SimWorkbook, SimSheet, DEFAULT_FONT, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, defaultFormat } from "./model";
export type {
  SimCell,
  SimCellFormat,
  SimFont,
  SimBorder,
  BorderEdge,
  SimName,
  SimValidation,
  SimValidationRule,
  SimChangeEvent,
  SetCellResult,
  SimWorkbookJSON,
  SimSheetJSON,
  SheetVisibility,
} from "./model";
export { evaluateFormula, tokenize, mapReferences, referencesOf, singleReference, isCellError, SUPPORTED_FUNCTIONS } from "./formula";
export type { CellValue, CellError, ErrorCode, FormulaEnv, Reference } from "./formula";
export {
  columnLetters,
  columnIndex,
  parseRect,
  formatRect,
  cellAddress,
  quoteSheetName,
  sheetPrefix,
  qualifiedAddress,
  sheetNameProblem,
  definedNameProblem,
  MAX_ROWS,
  MAX_COLUMNS,
} from "./address";
export type { Rect } from "./address";
export { formatValue, parseInput, normalizeColor } from "./values";
