/**
 * The add-in's commands, one implementation each, used by the task pane and the ribbon.
 * They take an ExcelHost (Office's Excel.run, or the simulated host) and return plain
 * results; the pane and the ribbon only decide how to show them.
 */
import { loadDefinition } from "../report/definition";
import type { Problem, ReportData } from "../report/types";
import { applyLayout, type ApplyLayoutResult } from "../excel/apply-layout";
import { checkAndMark, selectCell, type CheckAndMarkResult } from "../excel/check-and-mark";
import type { ExcelHost, Progress } from "../excel/host";
import { hasErrors } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import { reportFileName } from "./export-report";

const def = loadDefinition();
const layout = buildLayout(def);

export type { ApplyLayoutResult, CheckAndMarkResult };

/** How the .docx reached the user. */
export type Delivery =
  | { kind: "downloaded" }
  /** the host cannot download from the pane (Excel for Mac): the message says what to do */
  | { kind: "unsupported"; message: string };

export type ExportOutcome =
  | { status: "refused"; problems: Problem[]; check: CheckAndMarkResult }
  | { status: "cancelled"; warnings: Problem[] }
  | { status: "exported"; fileName: string; warnings: Problem[]; delivery: Delivery; size: number };

export interface ExportHooks {
  /** asked when the workbook has only warnings; resolve true to go on */
  confirmWarnings(warnings: Problem[]): Promise<boolean>;
  /** hands the finished document to the user */
  deliver(document: Blob, fileName: string): Promise<Delivery>;
  progress?: Progress;
  today?: Date;
}

/** "Tạo mẫu": creates the missing standard sheets; never touches existing ones. */
export function createTemplate(host: ExcelHost): Promise<ApplyLayoutResult> {
  return applyLayout(host, layout);
}

/** "Kiểm tra": checks the standard sheets and marks each problem on its cell. */
export function checkWorkbookInExcel(host: ExcelHost, today?: Date): Promise<CheckAndMarkResult> {
  return checkAndMark(host, def, layout, { today });
}

/** Selects a problem's cell. */
export function selectProblem(host: ExcelHost, problem: Pick<Problem, "sheet" | "cell">): Promise<void> {
  return selectCell(host, problem.sheet, problem.cell);
}

/** Builds the Word document in the browser; docx is loaded only now, in its own chunk. */
export async function buildReportBlob(data: ReportData): Promise<Blob> {
  const { packReportBlob } = await import(/* webpackChunkName: "docx" */ "../docx");
  return packReportBlob(def, data);
}

/**
 * "Xuất báo cáo": checks (and marks) first; with errors it stops; with only warnings it
 * asks; then it builds the document with the same code as the CLI and delivers it.
 */
export async function exportReport(host: ExcelHost, hooks: ExportHooks): Promise<ExportOutcome> {
  const progress = hooks.progress ?? (() => undefined);
  progress("Đang kiểm tra số liệu…");
  const check = await checkAndMark(host, def, layout, { today: hooks.today });
  if (hasErrors(check.problems)) return { status: "refused", problems: check.problems, check };
  const warnings = check.problems;
  if (warnings.length && !(await hooks.confirmWarnings(warnings))) return { status: "cancelled", warnings };
  progress("Đang tạo tệp Word…");
  const blob = await buildReportBlob(check.data);
  const fileName = reportFileName(check.data);
  progress("Đang tải tệp về…");
  const delivery = await hooks.deliver(blob, fileName);
  return { status: "exported", fileName, warnings, delivery, size: blob.size };
}
