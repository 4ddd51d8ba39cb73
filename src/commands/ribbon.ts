/// <reference types="office-js" />
/*
 * Ribbon commands (manifest.xml FunctionFile -> commands.html). The function name must stay
 * "kiemTra" (manifest.xml <FunctionName>).
 *
 * A function command has no UI: it cannot ask a question, show a message or download a
 * file. So "Kiểm tra" runs the shared check command (which colours the cells with a problem
 * and writes each problem's message in the sheet's check column) and then selects the cell
 * the user should look at. Errors are logged with console.error, and event.completed() is
 * always called, or Office would show the button as busy.
 *
 * "Xuất báo cáo" on the ribbon is a ShowTaskpane button whose page is
 * taskpane.html?lenh=xuat-bao-cao: the pane opens and runs the same export command as its own
 * button, where it can ask about warnings and deliver the file (src/taskpane/launch.ts).
 * Limit: when the pane is already open, Office may only bring it forward without reloading
 * it; the pane's own "Xuất báo cáo" button is then one click away.
 */
import { describeError } from "../excel/errors";
import { officeHost, type ExcelHost } from "../excel/host";
import type { Problem } from "../report/types";
import { checkWorkbookInExcel, selectProblem } from "./addin-commands";

export interface RibbonDeps {
  /** the Excel host; created at click time (Excel.run) */
  host(): ExcelHost;
  /** "now" for the date checks */
  today?(): Date;
  log?(message: string, error?: unknown): void;
}

/** The problem to land on: the first error, else the first warning. */
export function firstProblem(problems: Problem[]): Problem | undefined {
  return problems.find((p) => p.severity === "error") ?? problems[0];
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
  };
}

// In Office (commands.html loads office.js first). Registered at load time, as in Microsoft's
// template, so a click never finds them missing.
if (typeof Office !== "undefined" && Office.actions) {
  const commands = ribbonCommands({ host: officeHost });
  Office.onReady(() => undefined);
  Office.actions.associate("kiemTra", commands.kiemTra);
}
