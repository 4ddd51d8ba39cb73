/**
 * The in-memory workbook behind the simulated office.js proxies: sheets, cells, formats,
 * merges, defined names, data validation, protection, frozen panes, selection.
 *
 * One module per concern (see each file); this index is what the rest of the simulator imports.
 * Mutating methods used by the proxies throw `SimOfficeError`s with Excel's codes; they are
 * called while a `context.sync()` replays its queue. The "direct" helpers (`setCellValue`,
 * `cell`, `sheetNames`, `toJSON` …) are for tests and the sandbox page.
 */
export { DEFAULT_FONT, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, DEFAULT_ERROR_ALERT, DEFAULT_PROMPT, MAX_CELL_OPERATION } from "./types";
export type {
  SimFont,
  BorderEdge,
  SimBorder,
  SimCellFormat,
  SimCell,
  FormatPatch,
  SimValidationRule,
  SimErrorAlert,
  SimPrompt,
  SimValidation,
  SimName,
  SheetVisibility,
  SimChangeEvent,
  SetCellResult,
} from "./types";
export { SimSheet } from "./sheet";
export type { ProtectionOptions } from "./sheet";
export { SimWorkbook } from "./workbook";
export { defaultFormat } from "./format";
export { shiftRect } from "./shift";
export type { ShiftOp } from "./shift";
export type { ProtectionNeed } from "./protection";
export { absoluteReference } from "./names";
export type { SimSheetJSON, SimWorkbookJSON } from "./json";
