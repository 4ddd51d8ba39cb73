/**
 * Errors shaped like office.js's `OfficeExtension.Error` (name "RichApi.Error", a `code` from
 * `Excel.ErrorCodes` or `OfficeExtension.ErrorCodes`, a `message`, a `debugInfo`).
 *
 * Messages are Excel's English messages where we know them; code that branches on errors
 * should branch on `code`, never on the message.
 */

/** Codes of `Excel.ErrorCodes` the simulator raises, plus the client-side ones of `OfficeExtension.ErrorCodes`. */
export type SimErrorCode =
  | "AccessDenied"
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidReference"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "NotImplemented"
  | "PropertyNotLoaded"
  | "ValueNotLoaded"
  | "InvalidObjectPath"
  | "InvalidRequestContext"
  | "RunMustReturnPromise"
  | "FormulaLengthExceedsLimit";

export const MESSAGES: Record<SimErrorCode, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel. Please see the Excel JavaScript API requirement sets documentation for more information.",
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is invalid.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference isn't valid for the current operation.",
  ItemAlreadyExists: "A resource with the same name or identifier already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded: "The property is not available.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
  InvalidObjectPath: "The object path isn't working for what you're trying to do.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  FormulaLengthExceedsLimit: "The bytecode length of the formula exceeds the limit.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
};

/** Excel's message for a write to a protected sheet (code AccessDenied). */
export const PROTECTED_SHEET_MESSAGE =
  "The cell or chart you're trying to change is on a protected sheet. To make a change, unprotect the sheet. You might be requested to enter a password.";

/** Excel's message for a values/formulas/numberFormat array of the wrong size (code InvalidArgument). */
export const ARRAY_SIZE_MESSAGE = "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

export interface SimDebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
  innerError?: SimDebugInfo | string;
}

/**
 * Structurally compatible with `OfficeExtension.Error`. It extends `Error`, so `instanceof Error`
 * holds; when globals are installed, `OfficeExtension.Error` is this class, so
 * `e instanceof OfficeExtension.Error` holds too.
 */
export class SimOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: SimDebugInfo;
  readonly traceMessages: string[] = [];
  readonly innerError: SimOfficeError | null = null;
  readonly httpStatusCode: number;

  constructor(code: SimErrorCode | string, message?: string, location?: string, statement?: string) {
    const msg = message ?? MESSAGES[code as SimErrorCode] ?? code;
    super(msg);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = code === "ItemNotFound" ? 404 : code === "AccessDenied" ? 403 : 400;
    this.debugInfo = { code, message: msg };
    if (location !== undefined) this.debugInfo.errorLocation = location;
    if (statement !== undefined) {
      this.debugInfo.statement = statement;
      this.debugInfo.surroundingStatements = [statement];
    }
  }
}

export function simError(code: SimErrorCode, message?: string, location?: string): SimOfficeError {
  return new SimOfficeError(code, message, location);
}

/** The error office.js throws when code reads a scalar property it did not load and sync. */
export function propertyNotLoaded(property: string, location?: string): SimOfficeError {
  return new SimOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    location,
  );
}

/** office.js's `OfficeExtension.ErrorCodes` (client-side codes). */
export const OfficeExtensionErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  activityLimitReached: "ActivityLimitReached",
  invalidObjectPath: "InvalidObjectPath",
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidRequestContext: "InvalidRequestContext",
  invalidArgument: "InvalidArgument",
  runMustReturnPromise: "RunMustReturnPromise",
  cannotRegisterEvent: "CannotRegisterEvent",
  apiNotFound: "ApiNotFound",
  connectionFailure: "ConnectionFailure",
} as const;
