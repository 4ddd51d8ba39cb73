/**
 * `bao-cao next-period <sổ.xlsx> -o <sổ-kỳ-sau.xlsx> [--keep-text] [--force]`: next
 * period's workbook made from this one (src/workbook/next-period.ts says what is kept,
 * cleared and carried over), written over a copy of this workbook's own bytes so that what
 * the office added stays (src/workbook/next-period-xlsx.ts). The input is only read, never
 * written: the output may not be the input, even through a link.
 */
import { periodWords } from "../../report/period";
import { MSG_NEXT_PERIOD, planNextPeriod } from "../../workbook/next-period";
import { writeNextPeriod } from "../../workbook/next-period-xlsx";
import { oneInput, requireExtension } from "../args";
import { defineCommand } from "../command";
import { EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, refuseDirectory, refuseInputAsOutput, snapshotOfFile, writeOutput } from "../files";
import { MSG_NEXT_PERIOD_CLI, USAGE_OF } from "../messages";
import { kindOfWorkbook } from "../report-kind";

export const nextPeriodCommand = defineCommand({
  name: "next-period",
  options: {
    output: { type: "string", short: "o" },
    "keep-text": { type: "boolean" },
    force: { type: "boolean", short: "f" },
  },
  usage: USAGE_OF["next-period"],
  async run(ctx, { values, positionals }) {
    const input = oneInput("next-period", positionals);
    if (!values.output) throw usageError(MSG_NEXT_PERIOD_CLI.needOutput);
    const output = values.output;
    await refuseInputAsOutput(output, input);
    await refuseDirectory(output, "so-ky-sau.xlsx");
    requireExtension(output, ".xlsx");
    await checkOutput(output, { mayExist: Boolean(values.force) });

    const original = await readInput(input);
    const snapshot = await snapshotOfFile(input, original);
    const kind = await kindOfWorkbook(snapshot);
    const plan = planNextPeriod(kind.definition, kind.layout, snapshot, { keepText: Boolean(values["keep-text"]) });
    if (!plan.ok) throw failure(MSG_NEXT_PERIOD_CLI.failed(input, plan.message));
    // this workbook's own bytes with the product's cells changed: the office's additions stay
    const written = await writeNextPeriod(plan, original);
    await writeOutput(output, written.bytes);
    if (written.notKept) ctx.io.out(written.notKept);
    ctx.io.out(MSG_NEXT_PERIOD_CLI.written(periodWords(plan.from), periodWords(plan.to), output));
    if (plan.rewrites.length) ctx.io.out(MSG_NEXT_PERIOD.rewrites(plan.rewrites, periodWords(plan.to)));
    if (plan.units.length) ctx.io.out(MSG_NEXT_PERIOD_CLI.units(plan.units.length));
    ctx.io.out(MSG_NEXT_PERIOD_CLI.next(output));
    return EXIT.ok;
  },
});
