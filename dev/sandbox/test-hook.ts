/**
 * TEST HOOK — `window.tthcSandbox`, for the end-to-end tests (test/e2e) and for poking at the
 * sandbox from the browser console. Not part of the add-in. A person uses the page instead.
 *
 *   lastCommand()        the last command started from the pane: label, syncCount, roundTrips,
 *                        runs, running (Excel.run calls not finished), serial, error
 *   setCells(cells)      puts values into cells as a paste would (setCellValue with force),
 *                        for the bulk of the texts a test does not type by hand; returns how
 *                        many cells were accepted
 *   cell(sheet, a1)      a cell as the grid shows it: value, formula, text, fill, bold, italic
 *   sheetNames()         the sheets in tab order
 *   activeSheet()        the sheet shown
 *   selection()          the selected range of the active sheet ("C12")
 *   snapshot()           the workbook as JSON (what localStorage keeps)
 */
import { cellAddress, type CellValue, type SimWorkbookJSON } from "../excel-sim";
import { commandStats, sim, type CommandStats } from "./boot";
import { displayText } from "./cells";

export interface SandboxCellInput {
  sheet: string;
  address: string;
  value: string | number | boolean | null;
}

export interface SandboxCellView {
  value: CellValue;
  formula: string | null;
  text: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
}

export interface SandboxTestHook {
  lastCommand(): CommandStats;
  setCells(cells: SandboxCellInput[]): number;
  cell(sheet: string, address: string): SandboxCellView;
  sheetNames(): string[];
  activeSheet(): string;
  selection(): string;
  snapshot(): SimWorkbookJSON;
}

export function installTestHook(): SandboxTestHook {
  const wb = sim.workbook;
  const hook: SandboxTestHook = {
    lastCommand: commandStats,
    setCells(cells) {
      let accepted = 0;
      for (const c of cells) {
        const value = typeof c.value === "number" || typeof c.value === "boolean" ? String(c.value) : c.value;
        if (wb.setCellValue(c.sheet, c.address, value, { force: true }).accepted) accepted++;
      }
      return accepted;
    },
    cell(sheet, address) {
      const c = wb.cell(sheet, address);
      return { value: c.value, formula: c.formula, text: displayText(c), fill: c.fill, bold: c.font.bold, italic: c.font.italic };
    },
    sheetNames: () => wb.sheetNames(),
    activeSheet: () => wb.activeSheet()?.name ?? "",
    selection() {
      const r = wb.activeSheet()?.selection;
      if (!r) return "";
      const a = cellAddress(r.r1, r.c1);
      return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${cellAddress(r.r2, r.c2)}`;
    },
    snapshot: () => wb.toJSON(),
  };
  (window as unknown as { tthcSandbox: SandboxTestHook }).tthcSandbox = hook;
  return hook;
}
