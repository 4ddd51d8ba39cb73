/**
 * The whole check of a workbook: read the snapshot, apply the report's rules, and order
 * the problems (errors first, then sheet by sheet, row by row). Used by the CLI, the
 * task pane and the ribbon alike.
 */
import { checkReport } from "../report/check";
import { MSG_UNITS } from "../report/messages";
import { parseCell } from "../report/refs";
import type { Problem, ReportData, ReportDefinition } from "../report/types";
import type { WorkbookLayout } from "./layout";
import { checkExpectedUnits } from "./expected-units";
import { legacyTextProblems } from "./legacy-check";
import { previousTotalsOf } from "./previous-totals";
import { readUnitResults, unitResultsProblems } from "./unit-results";
import { readWorkbook, type FieldLocation, type Growth } from "./read";
import { crossCheckRollup } from "./rollup-cross-check";
import type { WorkbookSnapshot } from "./snapshot";
import { checkUnits, evaluateFormulas, findUnitSheets, typedSummaryCells } from "./units";

export interface WorkbookCheck {
  data: ReportData;
  problems: Problem[];
  locations: Record<string, FieldLocation>;
  missingSheets: string[];
  /** false when no field of the report could be found: not a report workbook */
  isReportWorkbook: boolean;
  /** the names and total-row formulas to grow over rows added at the end of a table or a list ("Kiểm tra" writes them) */
  growth: Growth;
}

export function checkWorkbook(def: ReportDefinition, layout: WorkbookLayout, snapshot: WorkbookSnapshot, options: { today?: Date } = {}): WorkbookCheck {
  snapshot = evaluateFormulas(snapshot);
  const read = readWorkbook(def, layout, snapshot);
  const rules = checkReport(def, {
    data: read.data,
    locations: read.locations,
    lineCells: read.lineCells,
    unreadable: read.unreadable,
    unreadableCells: read.unreadableCells,
    today: options.today,
  });
  const units = checkUnits(def, snapshot, options);
  const hasUnits = findUnitSheets(snapshot, def).length > 0;
  const typed = hasUnits
    ? typedSummaryCells(def, layout, snapshot, (id) => ({ sheet: read.locations[id]?.sheet ?? "", cell: read.locations[id]?.first ?? "" })).map(
        (t): Problem => ({
          sheet: t.sheet,
          cell: t.cell,
          severity: "warning",
          code: "units.typedSummary",
          fieldId: t.fieldId,
          message: MSG_UNITS.typedSummary(def.fields.find((f) => f.id === t.fieldId)!.label),
        }),
      )
    : [];
  // each summary cell against the sum of the units' figures read through their own layout
  const cross = hasUnits ? crossCheckRollup(def, snapshot) : [];
  const legacy = legacyTextProblems(def, layout, snapshot, read.locations);
  // a summary's per-unit sheet, for the sentences and the appendix about units, and whether it lists the unit sheets
  const unitResults = readUnitResults(def, snapshot);
  const stale = unitResultsProblems(def, snapshot, unitResults);
  // the list of units expected to send: who has not, and the unit sheets not on it
  const expected = checkExpectedUnits(def, snapshot);
  const problems = sortProblems([...read.problems, ...rules, ...units, ...typed, ...cross, ...legacy, ...stale, ...expected.problems], layout, snapshot);
  // a workbook made by "Kỳ mới" keeps the previous period's totals, for the sentences that compare
  const previous = previousTotalsOf(snapshot);
  const data = {
    ...read.data,
    ...(previous ? { previous } : {}),
    ...(unitResults ? { units: unitResults } : {}),
    ...(expected.units ? { expectedUnits: expected.units } : {}),
  };
  return { data, problems, locations: read.locations, missingSheets: read.missingSheets, isReportWorkbook: read.located > 0, growth: read.growth };
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Errors first; then by the sheet's place (standard order, then workbook order), row and column. */
export function sortProblems(problems: Problem[], layout: WorkbookLayout, snapshot?: WorkbookSnapshot): Problem[] {
  const order = new Map<string, number>();
  layout.sheets.forEach((s, i) => order.set(s.name.toLowerCase(), i));
  snapshot?.sheets.forEach((s, i) => {
    if (!order.has(s.name.toLowerCase())) order.set(s.name.toLowerCase(), layout.sheets.length + i);
  });
  const pos = (p: Problem) => {
    try {
      return parseCell(p.cell);
    } catch {
      return { row: 0, col: 0 };
    }
  };
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      const sev = (a.p.severity === "error" ? 0 : 1) - (b.p.severity === "error" ? 0 : 1);
      if (sev) return sev;
      const sa = order.get(a.p.sheet.toLowerCase()) ?? 999;
      const sb = order.get(b.p.sheet.toLowerCase()) ?? 999;
      if (sa !== sb) return sa - sb;
      const pa = pos(a.p);
      const pb = pos(b.p);
      return pa.row - pb.row || pa.col - pb.col || a.i - b.i;
    })
    .map((x) => x.p);
}

/** "Sheet!A1: message" — the one-line form the CLI prints. */
export function formatProblem(p: Problem): string {
  const level = p.severity === "error" ? "Lỗi" : "Cảnh báo";
  return `${p.sheet}!${p.cell}: [${level}] ${p.message}`;
}
