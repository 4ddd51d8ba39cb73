/** `bao-cao export <sổ.xlsx> [-o <báo-cáo.docx>]`: the Word report of a workbook without errors. */
import * as path from "node:path";
import { prepareExport } from "../../commands/export-report";
import { formatProblem } from "../../workbook/check-workbook";
import { checkAnyWorkbook } from "../../workbook/unit-workbook";
import { oneInput, requireExtension } from "../args";
import { defineCommand } from "../command";
import { EXIT, failure } from "../errors";
import { checkOutput, readWorkbookFile, refuseDirectory, refuseInputAsOutput, writeOutput } from "../files";
import { M, problemSummary, USAGE_OF } from "../messages";
import { kindOfWorkbook, notReportWorkbook } from "../report-kind";

export const exportCommand = defineCommand({
  name: "export",
  options: { output: { type: "string", short: "o" } },
  usage: USAGE_OF.export,
  async run(ctx, { values, positionals }) {
    const input = oneInput("export", positionals);
    if (values.output !== undefined) {
      await refuseInputAsOutput(values.output, input);
      await refuseDirectory(values.output, "bao-cao.docx");
      requireExtension(values.output, ".docx");
      await checkOutput(values.output, { mayExist: true });
    }
    const snapshot = await readWorkbookFile(input);
    const kind = await kindOfWorkbook(snapshot);
    const any = checkAnyWorkbook(kind.definition, kind.layout, snapshot, { today: ctx.today });
    if (any.kind === "unit")
      throw failure(
        M.unitNotExportable(
          input,
          any.units.map((u) => u.unitName),
        ),
      );
    const prepared = prepareExport(kind.definition, kind.layout, snapshot, { today: ctx.today, check: any.kind === "report" ? any.check : undefined });
    if (!prepared.ok) {
      if (prepared.reason === "notReportWorkbook") throw notReportWorkbook(kind, input);
      for (const p of prepared.problems) ctx.io.err(formatProblem(p));
      ctx.io.err(problemSummary(prepared.problems));
      ctx.io.err(M.exportRefused(prepared.problems.filter((p) => p.severity === "error").length));
      return EXIT.failed;
    }
    const output = path.resolve(values.output ?? path.join(path.dirname(input), prepared.fileName));
    await refuseInputAsOutput(output, input);
    if (values.output === undefined) await checkOutput(output, { mayExist: true });
    // docx is loaded only here: no other command needs it
    const { packReportNode } = await import("../docx-zip");
    const bytes = packReportNode(kind.definition, prepared.data);
    await writeOutput(output, bytes);
    for (const p of prepared.warnings) ctx.io.out(formatProblem(p));
    ctx.io.out(problemSummary(prepared.warnings));
    ctx.io.out(M.exportWritten(output));
    return EXIT.ok;
  },
});
