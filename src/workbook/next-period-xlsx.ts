/**
 * "Kỳ mới" in the task pane, the heavy half: plan next period's workbook from the snapshot
 * already read and write it as .xlsx with ExcelJS's browser build. Loaded by an import()
 * when the button is pressed, in its own chunk, so the pane's first load does not carry ExcelJS.
 */
import type { ReportDefinition } from "../report/types";
import type { WorkbookLayout } from "./layout";
import { planNextPeriod, type NextPeriodOptions, type NextPeriodPlan } from "./next-period";
export { MSG_NEXT_PERIOD } from "./next-period";
import type { WorkbookSnapshot } from "./snapshot";
import { buildNextPeriodWorkbook, workbookBytes } from "./xlsx-write";

export type NextPeriodFile = Exclude<NextPeriodPlan, { ok: true }> | (Extract<NextPeriodPlan, { ok: true }> & { bytes: Uint8Array });

/** The plan and, when it can be made, the new workbook's bytes. */
export async function nextPeriodFile(
  def: ReportDefinition,
  layout: WorkbookLayout,
  snapshot: WorkbookSnapshot,
  options: NextPeriodOptions,
): Promise<NextPeriodFile> {
  const plan = planNextPeriod(def, layout, snapshot, options);
  if (!plan.ok) return plan;
  return { ...plan, bytes: await workbookBytes(buildNextPeriodWorkbook(plan)) };
}

/** Bytes as base64 (what Excel.createWorkbook takes), in slices so a large workbook does not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
