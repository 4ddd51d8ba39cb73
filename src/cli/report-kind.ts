/** The kind of report a command works with: the one a workbook says it is, or the one chosen by --kind or --definition. */
import { DefinitionError } from "../report/definition";
import { DEFAULT_KIND_ID, loadDefinition, UnknownKindError } from "../report/kinds";
import type { ReportDefinition } from "../report/types";
import { definitionOfWorkbook, WorkbookKindError } from "../workbook/kind-of";
import { buildLayout, type WorkbookLayout } from "../workbook/layout";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { CliFailure, failure, usageError } from "./errors";
import { readInput } from "./files";
import { M, q } from "./messages";

/** A kind of report and its workbook layout. */
export interface Kind {
  definition: ReportDefinition;
  layout: WorkbookLayout;
}

export const kindOf = (definition: ReportDefinition): Kind => ({ definition, layout: buildLayout(definition) });

/** The kind a workbook says it is (its hidden kind sheet; the monthly report for an older workbook). */
export async function kindOfWorkbook(snapshot: WorkbookSnapshot): Promise<Kind> {
  try {
    return kindOf(await definitionOfWorkbook(snapshot));
  } catch (e) {
    if (e instanceof WorkbookKindError) throw failure(e.message);
    throw e;
  }
}

/** The kind chosen by --kind or --definition (the monthly report when neither is given). */
export async function chosenKind(options: { kind?: string; definition?: string }): Promise<Kind> {
  if (options.kind !== undefined && options.definition !== undefined) throw usageError(M.kindAndDefinition);
  if (options.definition !== undefined) {
    const text = (await readInput(options.definition)).toString("utf8");
    // the schema checker (Ajv) is loaded only for an office's own definition
    const { parseDefinitionText } = await import("../report/definition-schema");
    try {
      return kindOf(parseDefinitionText(text, q(options.definition)));
    } catch (e) {
      if (e instanceof DefinitionError) throw failure(e.message);
      throw e;
    }
  }
  try {
    return kindOf(loadDefinition(options.kind ?? DEFAULT_KIND_ID));
  } catch (e) {
    if (e instanceof UnknownKindError) throw usageError(e.message);
    throw e;
  }
}

/** The file is not a workbook of this kind: none of its sheets is there. */
export function notReportWorkbook(kind: Kind, file: string): CliFailure {
  return failure(
    M.notReportWorkbook(
      file,
      kind.layout.sheets.filter((s) => !s.hidden).map((s) => s.name),
    ),
  );
}
