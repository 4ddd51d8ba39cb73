/**
 * The definition a workbook was made from, as its kind sheet says (src/workbook/kind-sheet.ts):
 * a built-in kind by id, an office's own definition from the JSON it carries, or the
 * monthly kind for a workbook from before kinds. Shared by the CLI and the add-in; the
 * schema check of an own definition (Ajv) is loaded only when a workbook carries one.
 */
import { DefinitionError } from "../report/definition";
import { DEFAULT_KIND_ID, isKind, loadDefinition } from "../report/kinds";
import type { ReportDefinition } from "../report/types";
import { KIND_SHEET, kindMarkOf } from "./kind-sheet";
import type { WorkbookSnapshot } from "./snapshot";

/** A workbook whose kind cannot be used: its message says why, in Vietnamese. */
export class WorkbookKindError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookKindError";
  }
}

export async function definitionOfWorkbook(snapshot: WorkbookSnapshot): Promise<ReportDefinition> {
  const mark = kindMarkOf(snapshot);
  if (mark.kind === "none") return loadDefinition(DEFAULT_KIND_ID);
  if (mark.kind === "builtIn") {
    if (!isKind(mark.id)) {
      throw new WorkbookKindError(
        `Sổ thuộc loại báo cáo "${mark.id}" mà bản bao-cao này không có (trang ẩn ${KIND_SHEET}). Hãy cập nhật add-in hoặc công cụ dòng lệnh.`,
      );
    }
    return loadDefinition(mark.id);
  }
  const { parseDefinitionText } = await import(/* webpackChunkName: "definition-schema" */ "../report/definition-schema");
  try {
    return parseDefinitionText(mark.json, `riêng của sổ (trang ẩn ${KIND_SHEET})`);
  } catch (e) {
    if (e instanceof DefinitionError) throw new WorkbookKindError(e.message);
    throw e;
  }
}
