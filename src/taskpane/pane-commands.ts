/**
 * The shared commands as the pane calls them, loaded when the first one runs: the Excel
 * code, the checks and the layout (src/commands, src/excel, src/workbook, src/report) are not
 * needed to draw the pane, so they are a chunk of their own ("pane-commands"), fetched on the first
 * click. Only the list of kinds for the picker is at hand at once (ids and titles, read from
 * templates/ as the full registry does).
 */
import type * as Shared from "../commands/addin-commands";
import type { PaneCommands } from "./App";

const load = () => import(/* webpackChunkName: "pane-commands" */ "../commands/addin-commands");

type AsyncName = Exclude<keyof PaneCommands, "reportKinds">;

function later<K extends AsyncName>(name: K): PaneCommands[K] {
  return ((...args: unknown[]) => load().then((m) => (m[name] as (...a: unknown[]) => unknown)(...args))) as PaneCommands[K];
}

interface KindFile {
  id: string;
  title: string;
}

declare const __webpack_require__: unknown;
type Context = { keys(): string[]; (key: string): unknown };
type RequireWithContext = NodeRequire & { context(dir: string, deep: boolean, match: RegExp): Context };

let kinds: { id: string; title: string }[] | undefined;

/** Ids and titles of the built-in kinds, in file-name order (as `reportKinds` gives them). */
function reportKinds(): ReturnType<typeof Shared.reportKinds> {
  if (!kinds && typeof __webpack_require__ === "undefined") {
    // Node (the tests): the full registry; webpack drops this branch from the bundle
    kinds = (require("../report/kinds") as typeof import("../report/kinds")).builtInKinds().map(({ id, title }) => ({ id, title }));
  }
  if (!kinds) {
    const context = (require as RequireWithContext).context("../../templates", false, /\.definition\.json$/);
    kinds = context
      .keys()
      .sort()
      .map((key) => {
        const { id, title } = context(key) as KindFile;
        return { id, title };
      });
  }
  return kinds;
}

export const paneCommands: PaneCommands = {
  reportKinds,
  createTemplate: later("createTemplate"),
  checkWorkbookInExcel: later("checkWorkbookInExcel"),
  selectProblem: later("selectProblem"),
  exportReport: later("exportReport"),
  addUnit: later("addUnit"),
  importUnits: later("importUnits"),
  rollup: later("rollup"),
  definitionFromFile: later("definitionFromFile"),
  convertLegacyText: later("convertLegacyText"),
  nextPeriodWorkbook: later("nextPeriodWorkbook"),
  previewReport: later("previewReport"),
  importFigures: later("importFigures"),
};
