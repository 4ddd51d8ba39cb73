/**
 * One unit's .xlsx file read for a roll-up: the command line's `bao-cao rollup` (from disk)
 * and the task pane's "Nhập từ tệp" (from the file picker) both hand its bytes here. Pure: no
 * file system, no Excel. The file is read with the guarded reader (zip bombs, broken or
 * foreign files), its kind of report identified, and it is classified: a unit workbook (with
 * its units' figures), a report workbook, neither, a workbook of another kind, or unreadable
 * with the reason in Vietnamese (file-messages.ts). Never throws for a bad file.
 */
import type { ReportDefinition } from "../report/types";
import { MSG_XLSX_FILE, type FileSurface } from "./file-messages";
import { definitionOfWorkbook, WorkbookKindError } from "./kind-of";
import { kindMarkOf } from "./kind-sheet";
import { buildLayout, type WorkbookLayout } from "./layout";
import type { WorkbookSnapshot } from "./snapshot";
import { checkAnyWorkbook, unitFiguresOf, type RollupSource } from "./unit-workbook";
import { unitSpec } from "./units";
import { readXlsxSnapshot, XlsxFormatError } from "./xlsx-read";

/** A kind of report and its workbook layout. */
export interface UnitFileKind {
  definition: ReportDefinition;
  layout: WorkbookLayout;
}

export interface UnitFile {
  /** the file's name as the user gave it (a path on the command line, the picked name in the pane) */
  name: string;
  bytes: Uint8Array;
}

export interface UnitFileRead {
  source: RollupSource;
  /** for a unit workbook: the kind it was read as (`expected`, or its own when none was given) */
  kind?: UnitFileKind;
  /** the workbook as read, when it could be read */
  snapshot?: WorkbookSnapshot;
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * What a unit's file holds. `expected` is the roll-up's kind when it is known: a workbook of
 * another kind is then left out ("otherKind"); without it, the file's own kind is used and
 * returned. `surface` says who shows the messages (file-messages.ts).
 */
export async function readUnitFile(file: UnitFile, expected: UnitFileKind | undefined, surface: FileSurface): Promise<UnitFileRead> {
  const unreadable = (message: string): UnitFileRead => ({ source: { file: file.name, kind: "unreadable", message } });
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsxSnapshot(file.bytes);
  } catch (e) {
    const problem = e instanceof XlsxFormatError ? e.problem : "corruptWorkbook";
    const message = MSG_XLSX_FILE.unreadable(
      problem,
      file.name,
      surface,
      e instanceof XlsxFormatError ? e.info : {},
      e instanceof XlsxFormatError ? e.detail : errText(e),
    );
    // a damaged file can be sent again; a file of another format is for the unit to save again
    return unreadable(problem === "corruptZip" || problem === "corruptWorkbook" ? `${message} ${MSG_XLSX_FILE.askUnitAgain}` : message);
  }
  const marked = kindMarkOf(snapshot).kind !== "none";
  let own: ReportDefinition | undefined;
  if (marked || !expected) {
    try {
      own = await definitionOfWorkbook(snapshot);
    } catch (e) {
      // a kind this version does not have, or an office's own definition that is broken
      if (e instanceof WorkbookKindError) return unreadable(MSG_XLSX_FILE.about(file.name, surface, e.message));
      return unreadable(`${MSG_XLSX_FILE.unreadable("corruptWorkbook", file.name, surface, {}, errText(e))} ${MSG_XLSX_FILE.askUnitAgain}`);
    }
  }
  if (expected && own && marked && own.id !== expected.definition.id) {
    return { source: { file: file.name, kind: "otherKind", found: own.title, expected: expected.definition.title }, snapshot };
  }
  const use = expected ?? { definition: own!, layout: buildLayout(own!) };
  const found = checkAnyWorkbook(use.definition, use.layout, snapshot).kind;
  if (found === "none")
    return { source: { file: file.name, kind: found, marker: unitSpec(use.definition).marker, cell: unitSpec(use.definition).markerCell }, snapshot };
  if (found === "report") return { source: { file: file.name, kind: found }, snapshot };
  return { source: { file: file.name, kind: found, units: unitFiguresOf(use.definition, snapshot) }, kind: use, snapshot };
}
