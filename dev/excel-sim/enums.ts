/// <reference types="office-js" />
/**
 * Run-time values of the Excel enums that add-in code reads (`Excel.BorderIndex.edgeBottom` …),
 * for `installSimGlobals`. Generated from @types/office-js 1.0.612;
 * the `EnumOf` type makes tsc fail if a member or a value drifts from the installed types.
 */

/** An object with exactly the members of a declared string enum, each with its string value. */
type EnumOf<E> = { [K in keyof E]: `${E[K] & string}` };

export const ErrorCodes: EnumOf<typeof Excel.ErrorCodes> = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  conflict: "Conflict",
  dirtySupportingFormula: "DirtySupportingFormula",
  emptyChartSeries: "EmptyChartSeries",
  filteredRangeConflict: "FilteredRangeConflict",
  formulaLengthExceedsLimit: "FormulaLengthExceedsLimit",
  generalException: "GeneralException",
  inactiveWorkbook: "InactiveWorkbook",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  openWorkbookLinksBlocked: "OpenWorkbookLinksBlocked",
  operationCellsExceedLimit: "OperationCellsExceedLimit",
  pivotTableRangeConflict: "PivotTableRangeConflict",
  powerQueryRefreshResourceChallenge: "PowerQueryRefreshResourceChallenge",
  rangeExceedsLimit: "RangeExceedsLimit",
  rangeImageExceedsLimit: "RangeImageExceedsLimit",
  refreshWorkbookLinksBlocked: "RefreshWorkbookLinksBlocked",
  requestAborted: "RequestAborted",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedFeature: "UnsupportedFeature",
  unsupportedFillType: "UnsupportedFillType",
  unsupportedOperation: "UnsupportedOperation",
  unsupportedSheet: "UnsupportedSheet",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
};

export const BorderIndex: EnumOf<typeof Excel.BorderIndex> = {
  edgeTop: "EdgeTop",
  edgeBottom: "EdgeBottom",
  edgeLeft: "EdgeLeft",
  edgeRight: "EdgeRight",
  insideVertical: "InsideVertical",
  insideHorizontal: "InsideHorizontal",
  diagonalDown: "DiagonalDown",
  diagonalUp: "DiagonalUp",
};

export const BorderLineStyle: EnumOf<typeof Excel.BorderLineStyle> = {
  none: "None",
  continuous: "Continuous",
  dash: "Dash",
  dashDot: "DashDot",
  dashDotDot: "DashDotDot",
  dot: "Dot",
  double: "Double",
  slantDashDot: "SlantDashDot",
};

export const BorderWeight: EnumOf<typeof Excel.BorderWeight> = {
  hairline: "Hairline",
  thin: "Thin",
  medium: "Medium",
  thick: "Thick",
};

export const HorizontalAlignment: EnumOf<typeof Excel.HorizontalAlignment> = {
  general: "General",
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerAcrossSelection: "CenterAcrossSelection",
  distributed: "Distributed",
};

export const VerticalAlignment: EnumOf<typeof Excel.VerticalAlignment> = {
  top: "Top",
  center: "Center",
  bottom: "Bottom",
  justify: "Justify",
  distributed: "Distributed",
};

export const InsertShiftDirection: EnumOf<typeof Excel.InsertShiftDirection> = {
  down: "Down",
  right: "Right",
};

export const DeleteShiftDirection: EnumOf<typeof Excel.DeleteShiftDirection> = {
  up: "Up",
  left: "Left",
};

export const ClearApplyTo: EnumOf<typeof Excel.ClearApplyTo> = {
  all: "All",
  formats: "Formats",
  contents: "Contents",
  hyperlinks: "Hyperlinks",
  removeHyperlinks: "RemoveHyperlinks",
  resetContents: "ResetContents",
};

export const SheetVisibility: EnumOf<typeof Excel.SheetVisibility> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

export const DataValidationOperator: EnumOf<typeof Excel.DataValidationOperator> = {
  between: "Between",
  notBetween: "NotBetween",
  equalTo: "EqualTo",
  notEqualTo: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqualTo: "GreaterThanOrEqualTo",
  lessThanOrEqualTo: "LessThanOrEqualTo",
};

export const DataValidationType: EnumOf<typeof Excel.DataValidationType> = {
  none: "None",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
  inconsistent: "Inconsistent",
  mixedCriteria: "MixedCriteria",
};

export const DataValidationAlertStyle: EnumOf<typeof Excel.DataValidationAlertStyle> = {
  stop: "Stop",
  warning: "Warning",
  information: "Information",
};

export const RangeValueType: EnumOf<typeof Excel.RangeValueType> = {
  unknown: "Unknown",
  empty: "Empty",
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  error: "Error",
  richValue: "RichValue",
};

export const NamedItemType: EnumOf<typeof Excel.NamedItemType> = {
  string: "String",
  integer: "Integer",
  double: "Double",
  boolean: "Boolean",
  range: "Range",
  error: "Error",
  array: "Array",
};

export const NamedItemScope: EnumOf<typeof Excel.NamedItemScope> = {
  worksheet: "Worksheet",
  workbook: "Workbook",
};

export const RangeUnderlineStyle: EnumOf<typeof Excel.RangeUnderlineStyle> = {
  none: "None",
  single: "Single",
  double: "Double",
  singleAccountant: "SingleAccountant",
  doubleAccountant: "DoubleAccountant",
};

export const CalculationType: EnumOf<typeof Excel.CalculationType> = {
  recalculate: "Recalculate",
  full: "Full",
  fullRebuild: "FullRebuild",
};

export const CalculationMode: EnumOf<typeof Excel.CalculationMode> = {
  automatic: "Automatic",
  automaticExceptTables: "AutomaticExceptTables",
  manual: "Manual",
};

export const WorksheetPositionType: EnumOf<typeof Excel.WorksheetPositionType> = {
  none: "None",
  before: "Before",
  after: "After",
  beginning: "Beginning",
  end: "End",
};
