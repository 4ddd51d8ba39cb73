/**
 * "Kiểm tra" in Excel: reads the standard sheets, checks them, restores the cells whose
 * problem is gone and marks the cells with a problem. Rows added at the end of a table or a
 * list are the report's (the reader takes them): their defined names and the table's total-row
 * SUMs are grown over them in the same batch of writes. At most four round trips, however
 * many sheets or cells: names and settings, values, the fills to remember, the writes.
 */
import type { ReportDefinition } from "../report/types";
import { checkWorkbook, type WorkbookCheck } from "../workbook/check-workbook";
import { TOTAL_SHORT_CODE } from "../workbook/read";
import { buildLayout, type WorkbookLayout } from "../workbook/layout";
import { definitionOfWorkbook, WorkbookKindError } from "../workbook/kind-of";
import { findUnitSheets, type UnitSheet } from "../workbook/units";
import { UserFacingError } from "./errors";
import type { ExcelHost } from "./host";
import { isNoFill, MARKS_SETTING, parseMarks, planMarks, serializeMarks, type Mark } from "../workbook/marks";
import { readSnapshot } from "./read-snapshot";

export interface CheckAndMarkResult extends WorkbookCheck {
  /** the definition the workbook was checked with (its own kind, when read from it) */
  definition: ReportDefinition;
  /** cells marked now */
  marked: number;
  /** marks removed because the problem was fixed */
  cleared: number;
  /** the unit sheets found (by their marker), in workbook order: the pane groups their problems by unit */
  unitSheets: UnitSheet[];
  /** defined names grown over rows added at the end of a table or a list, and total-row cells whose SUM was grown with them */
  grown: { names: string[]; formulas: string[] };
}

/**
 * `kind`: the definition and layout to check with, or "fromWorkbook" to take the kind the
 * workbook says it is (its hidden kind sheet; the monthly report for an older workbook),
 * read within the same round trips.
 */
export async function checkAndMark(
  host: ExcelHost,
  kind: { def: ReportDefinition; layout: WorkbookLayout } | "fromWorkbook",
  options: { today?: Date } = {},
): Promise<CheckAndMarkResult> {
  return host.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
    // the cells' fonts (for the legacy-encoding check) come in the same round trip, where Excel can give them
    const { snapshot, state } = await readSnapshot(context, kind === "fromWorkbook" ? "unknown" : kind.layout, () => setting.load("value"), {
      fonts: host.isSetSupported("ExcelApi", "1.9"),
    });
    let def: ReportDefinition;
    let layout: WorkbookLayout;
    if (kind === "fromWorkbook") {
      try {
        def = await definitionOfWorkbook(snapshot);
      } catch (e) {
        if (e instanceof WorkbookKindError) throw new UserFacingError(e.message);
        throw e;
      }
      layout = buildLayout(def);
    } else ({ def, layout } = kind);
    const previous = setting.isNullObject ? [] : parseMarks(setting.value);
    let result = checkWorkbook(def, layout, snapshot, options);
    if (!result.isReportWorkbook) {
      throw new UserFacingError('Sổ làm việc này chưa có các trang tính của mẫu báo cáo. Bấm "Tạo mẫu" để tạo.', "recreate");
    }
    // rows added at the end of a table or a list: their names and the total row's SUMs grow over them
    // (not on a protected sheet: the warning then stays, saying how to fix it by hand)
    const { growth } = result;
    const growing = [...growth.names, ...growth.formulas].every((g) => !state.protectedSheets.has(g.sheet));
    if (growing && growth.formulas.length) result = { ...result, problems: result.problems.filter((p) => p.code !== TOTAL_SHORT_CODE) };
    const exists = (sheet: string) => state.sheets.some((s) => s.toLowerCase() === sheet.toLowerCase());
    const plan = planMarks(
      previous.filter((m) => exists(m.sheet)),
      result.problems,
      layout,
    );
    const touched = [...new Set([...plan.restore.map((m) => m.sheet), ...plan.place.map((p) => p.sheet)])];
    const blocked = touched.filter((s) => state.protectedSheets.has(s));
    if (blocked.length) {
      throw new UserFacingError(
        `Không đánh dấu được vì trang tính ${blocked.map((s) => `"${s}"`).join(", ")} đang được bảo vệ. Bỏ bảo vệ rồi bấm "Kiểm tra" lại.`,
      );
    }

    // third round trip: the current fill of every cell whose fill we may change
    const sheetOf = (name: string) => context.workbook.worksheets.getItem(name);
    const fills = new Map<string, Excel.RangeFill>();
    const loadFill = (sheet: string, cell: string) => {
      const fill = sheetOf(sheet).getRange(cell).format.fill;
      fill.load("color");
      fills.set(`${sheet}!${cell}`, fill);
    };
    plan.restore.forEach((m) => loadFill(m.sheet, m.cell));
    plan.place.filter((p) => !p.previous).forEach((p) => loadFill(p.sheet, p.cell));
    if (fills.size) await context.sync();
    const currentFill = (sheet: string, cell: string) => fills.get(`${sheet}!${cell}`)?.color ?? null;

    // fourth: all writes
    for (const m of plan.restore) {
      const range = sheetOf(m.sheet).getRange(m.cell);
      // restore only what is still our mark: a fill the user chose since is theirs
      if ((currentFill(m.sheet, m.cell) ?? "").toUpperCase() === m.markFill.toUpperCase()) {
        if (isNoFill(m.fill)) range.format.fill.clear();
        else range.format.fill.color = m.fill!;
      }
      if (m.status) {
        const status = sheetOf(m.sheet).getRange(m.status);
        status.values = [[""]];
        status.format.font.color = "#000000";
      }
    }
    const marks: Mark[] = [];
    for (const p of plan.place) {
      const original = p.previous ? p.previous.fill : currentFill(p.sheet, p.cell);
      sheetOf(p.sheet).getRange(p.cell).format.fill.color = p.fill;
      if (p.status) {
        const status = sheetOf(p.sheet).getRange(p.status.cell);
        status.values = [[p.status.text]];
        status.format.font.color = p.status.color;
        status.format.wrapText = true;
      }
      marks.push({ sheet: p.sheet, cell: p.cell, fill: isNoFill(original) ? null : original, status: p.status?.cell, markFill: p.fill });
    }
    const grown = { names: [] as string[], formulas: [] as string[] };
    if (growing) {
      for (const n of growth.names) {
        if (n.name in state.names) context.workbook.names.getItem(n.name).delete();
        context.workbook.names.add(n.name, sheetOf(n.sheet).getRange(n.ref));
        grown.names.push(n.name);
      }
      for (const f of growth.formulas) {
        sheetOf(f.sheet).getRange(f.cell).formulas = [[f.formula]];
        grown.formulas.push(`${f.sheet}!${f.cell}`);
      }
    }
    context.workbook.settings.add(MARKS_SETTING, serializeMarks(marks));
    await context.sync();
    return { ...result, definition: def, marked: marks.length, cleared: plan.restore.length, unitSheets: findUnitSheets(snapshot, def), grown };
  });
}

/** Selects a problem's cell (activating its sheet): one round trip. */
export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<void> {
  await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}
