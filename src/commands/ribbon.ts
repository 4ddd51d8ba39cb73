/// <reference types="office-js" />
/*
 * Ribbon commands (manifest.xml FunctionFile -> commands.html). The function names must stay
 * "kiemTra" and "xuatBaoCao" (manifest.xml <FunctionName>).
 *
 * A function command has no UI: it cannot ask a question, show a message or download a
 * file. So both buttons run the shared "Kiểm tra" command (which colours the cells with a
 * problem and writes each problem's message in the sheet's check column) and then select
 * the cell the user should look at. Errors are logged with console.error, and
 * event.completed() is always called, or Office would show the button as busy.
 *
 * "Xuất báo cáo" from the ribbon: with errors, the first error's cell is selected; without
 * errors it opens the task pane (Office.addin.showAsTaskpane, SharedRuntime 1.1) where the
 * export can ask about warnings and deliver the file. Without a shared runtime it cannot
 * open the pane and does nothing more than the check.
 * The manifest may instead make "Xuất báo cáo" a ShowTaskpane button whose SourceLocation is
 * taskpane.html?lenh=xuat-bao-cao: the pane then starts the export once on load
 * (src/taskpane/launch.ts). The coordinator decides the manifest.
 */
import { describeError } from "../excel/errors";
import { officeHost, type ExcelHost } from "../excel/host";
import type { Problem } from "../report/types";
import { checkWorkbookInExcel, selectProblem } from "./addin-commands";

export interface RibbonDeps {
  /** the Excel host; created at click time (Excel.run) */
  host(): ExcelHost;
  /** opens the task pane; resolves false when this Office cannot */
  showTaskpane(host: ExcelHost): Promise<boolean>;
  /** "now" for the date checks */
  today?(): Date;
  log?(message: string, error?: unknown): void;
}

/** The problem to land on: the first error, else the first warning. */
export function firstProblem(problems: Problem[]): Problem | undefined {
  return problems.find((p) => p.severity === "error") ?? problems[0];
}

/** Office.addin.showAsTaskpane where a shared runtime makes it work. */
export async function showTaskpaneIfSupported(host: ExcelHost): Promise<boolean> {
  const addin = typeof Office !== "undefined" ? Office.addin : undefined;
  if (!host.isSetSupported("SharedRuntime", "1.1") || typeof addin?.showAsTaskpane !== "function") return false;
  await addin.showAsTaskpane();
  return true;
}

export function ribbonCommands(deps: RibbonDeps) {
  const log = deps.log ?? ((message: string, error?: unknown) => console.error(message, error));
  const today = () => deps.today?.() ?? new Date();

  /** Runs a command body and always completes the event. */
  async function complete(name: string, event: Office.AddinCommands.Event, body: () => Promise<void>) {
    try {
      await body();
    } catch (e) {
      log(`Báo cáo CCTTHC: lệnh "${name}" không thực hiện được: ${describeError(e)}`, e);
    } finally {
      event.completed();
    }
  }

  return {
    /** "Kiểm tra": check and mark, then select the first problem's cell. */
    kiemTra(event: Office.AddinCommands.Event): Promise<void> {
      return complete("Kiểm tra", event, async () => {
        const host = deps.host();
        const result = await checkWorkbookInExcel(host, today());
        const first = firstProblem(result.problems);
        if (first) await selectProblem(host, first);
      });
    },

    /** "Xuất báo cáo": check and mark; on errors select the first; otherwise open the pane. */
    xuatBaoCao(event: Office.AddinCommands.Event): Promise<void> {
      return complete("Xuất báo cáo", event, async () => {
        const host = deps.host();
        const result = await checkWorkbookInExcel(host, today());
        const firstError = result.problems.find((p) => p.severity === "error");
        if (firstError) await selectProblem(host, firstError);
        else await deps.showTaskpane(host);
      });
    },
  };
}

// In Office (commands.html loads office.js first). Registered at load time, as in Microsoft's
// template, so a click never finds them missing.
if (typeof Office !== "undefined" && Office.actions) {
  const commands = ribbonCommands({ host: officeHost, showTaskpane: showTaskpaneIfSupported });
  Office.onReady(() => undefined);
  Office.actions.associate("kiemTra", commands.kiemTra);
  Office.actions.associate("xuatBaoCao", commands.xuatBaoCao);
}
