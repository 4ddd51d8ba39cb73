/**
 * A roll-up of units' workbooks into a summary workbook, from the files' contents to the
 * summary's bytes: one implementation for `bao-cao rollup` and the web page (each edge reads
 * its files, says what happened in its own words, and writes or offers the result).
 *
 * The units are placed (planRollup: names, duplicates, rows merged by lĩnh vực), the list of
 * units expected to send (when given) replaces the base's, and the summary is written on the
 * base's own bytes when there are any (src/workbook/rollup-xlsx.ts), else built from the layout.
 */
import type { ReportData, ReportDefinition } from "../report/types";
import { compareExpected, hasNoFigure, type ExpectedComparison } from "./expected-list";
import type { WorkbookLayout } from "./layout";
import { expectedRowsOf } from "./rollup-rows";
import { writeRollup } from "./rollup-xlsx";
import { planRollup, type RollupPlan, type RollupSource } from "./unit-workbook";

export interface RollupFileInput {
  kind: { definition: ReportDefinition; layout: WorkbookLayout };
  sources: RollupSource[];
  /** the report workbook the summary is built on: its data, and its bytes to write on */
  base?: { data: ReportData; bytes?: Uint8Array };
  /** names of the units expected to send, when a list is given */
  expected?: string[];
}

export interface RollupFileResult {
  plan: RollupPlan;
  /** the summary's bytes; absent when no unit could be rolled up */
  written?: { bytes: Uint8Array; notKept?: string };
  /** the expected list and how the units compare with it, when a list was given and the kind declares one */
  expected?: { sheet: string; comparison: ExpectedComparison<{ name: string }> };
  /** a list was given but the kind declares no list sheet */
  listNotDeclared: boolean;
}

/** Sheet names a unit sheet may not take: the standard sheets' and the per-unit results sheet's. */
export function reservedSheetNames(def: ReportDefinition, layout: WorkbookLayout): string[] {
  return [...layout.sheets.map((s) => s.name), ...(def.unitResults ? [def.unitResults.sheet] : [])];
}

export async function rollupFile(input: RollupFileInput): Promise<RollupFileResult> {
  const { definition: def, layout } = input.kind;
  const plan = planRollup(input.sources, reservedSheetNames(def, layout), { def, rows: expectedRowsOf(def, input.base?.data) });
  const list = input.expected ? def.units.expected : undefined;
  const listNotDeclared = !!input.expected && !list;
  if (!plan.units.length) return { plan, listNotDeclared };
  const data =
    list && input.expected ? { ...(input.base?.data ?? { values: {} }), expectedUnits: { expected: input.expected, missing: [] } } : input.base?.data;
  const written = await writeRollup(def, plan.units, data ? { data, bytes: input.base?.bytes } : undefined);
  const expected =
    list && input.expected
      ? {
          sheet: list.sheet,
          comparison: compareExpected(
            input.expected.map((name) => ({ name })),
            plan.units.map((u) => ({ unitName: u.unitName, sheet: u.sheet, empty: hasNoFigure(def, u) })),
          ),
        }
      : undefined;
  return { plan, written, expected, listNotDeclared };
}

/** One line per lĩnh vực the roll-up added to a summary table (the CLI prints them, the web page shows them). */
export function rowsAddedLines(def: ReportDefinition, plan: RollupPlan): string[] {
  const table = (id: string) => def.fields.find((f) => f.id === id)?.label ?? id;
  return plan.added.map(
    (a) => `Thêm dòng "${a.label}" (của đơn vị "${a.unitName}") vào bảng "${table(a.fieldId)}" của sổ tổng hợp; các đơn vị không có lĩnh vực này ghi 0.`,
  );
}
