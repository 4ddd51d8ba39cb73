/**
 * What the add-in's commands need from their host: a way to run a batch against the
 * workbook (Excel.run in Office, the simulated host in tests and the sandbox) and the
 * requirement-set check. Passing it in keeps the commands testable without Office.
 */
import { readDocumentFile, type OfficeDocumentFiles } from "./document-file";

export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * Opens a new workbook made from .xlsx bytes (base64) in a new Excel window:
   * `Excel.createWorkbook`, ExcelApi 1.8. Absent where Excel has no such function (the
   * simulator); the caller also checks the requirement set.
   */
  createWorkbook?(base64: string): Promise<void>;
  /**
   * The open workbook's own .xlsx bytes (Office.context.document.getFileAsync, compressed,
   * in slices: src/excel/document-file.ts), or undefined where the host cannot hand them over.
   */
  documentFile?(): Promise<Uint8Array | undefined>;
}

/** The host inside Office: Excel.run and Office.context.requirements. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    ...(typeof Excel !== "undefined" && typeof Excel.createWorkbook === "function" ? { createWorkbook: (base64: string) => Excel.createWorkbook(base64) } : {}),
    documentFile: () => readDocumentFile(Office.context.document as unknown as OfficeDocumentFiles),
  };
}

export type Progress = (message: string) => void;
export const noProgress: Progress = () => undefined;
