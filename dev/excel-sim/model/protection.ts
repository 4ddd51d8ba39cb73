/**
 * Sheet protection: which protected-sheet option allows which kind of change.
 */
import { PROTECTED_SHEET_MESSAGE, SimOfficeError } from "../errors";
import type { SimSheet } from "./sheet";

export type ProtectionNeed = "cells" | "formatCells" | "formatColumns" | "formatRows" | "insertRows" | "insertColumns" | "deleteRows" | "deleteColumns";

const PROTECTION_OPTION: Record<ProtectionNeed, string | null> = {
  cells: null,
  formatCells: "allowFormatCells",
  formatColumns: "allowFormatColumns",
  formatRows: "allowFormatRows",
  insertRows: "allowInsertRows",
  insertColumns: "allowInsertColumns",
  deleteRows: "allowDeleteRows",
  deleteColumns: "allowDeleteColumns",
};

// ----- protection ------------------------------------------------------------------------------

export function assertWritable(s: SimSheet, need: ProtectionNeed, location: string): void {
  if (!s.protected) return;
  const option = PROTECTION_OPTION[need];
  if (option && s.protectionOptions[option] === true) return;
  throw new SimOfficeError("AccessDenied", PROTECTED_SHEET_MESSAGE, location);
}
