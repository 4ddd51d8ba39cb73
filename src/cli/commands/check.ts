/** `bao-cao check <sổ.xlsx> [--json]`: the problems of a report, roll-up or unit workbook, errors first. */
import { formatProblem } from "../../workbook/check-workbook";
import { checkAnyWorkbook } from "../../workbook/unit-workbook";
import { oneInput } from "../args";
import { defineCommand } from "../command";
import { EXIT } from "../errors";
import { readWorkbookFile } from "../files";
import { M, problemSummary, USAGE_OF } from "../messages";
import { kindOfWorkbook, notReportWorkbook } from "../report-kind";

export const checkCommand = defineCommand({
  name: "check",
  options: { json: { type: "boolean" } },
  usage: USAGE_OF.check,
  async run(ctx, { values, positionals }) {
    const input = oneInput("check", positionals);
    const snapshot = await readWorkbookFile(input);
    const kind = await kindOfWorkbook(snapshot);
    const result = checkAnyWorkbook(kind.definition, kind.layout, snapshot, { today: ctx.today });
    if (result.kind === "none") throw notReportWorkbook(kind, input);
    const problems = result.kind === "report" ? result.check.problems : result.problems;
    const errors = problems.filter((p) => p.severity === "error").length;
    if (values.json) {
      const list = problems.map(({ sheet, cell, severity, code, message }) => ({ sheet, cell, severity, code, message }));
      const units = result.units.map((u) => ({ unit: u.unitName, sheet: u.sheet }));
      ctx.io.out(JSON.stringify({ kind: result.kind, units, problems: list, errors, warnings: list.length - errors }, null, 2));
    } else {
      if (result.kind === "unit") ctx.io.out(M.unitWorkbook(result.units.map((u) => u.unitName)));
      for (const p of problems) ctx.io.out(formatProblem(p));
      ctx.io.out(problemSummary(problems));
    }
    return errors ? EXIT.failed : EXIT.ok;
  },
});
