/** `bao-cao template -o <sổ.xlsx> [...]`: the standard workbook of a kind, or a unit's workbook (--unit). */
import * as path from "node:path";
import { sampleDataOf } from "../../report/sample";
import type { ReportData } from "../../report/types";
import { defineCommand } from "../command";
import { DataFileError, parseDataFile, reportValuesOf, unitValuesOf } from "../data-file";
import { CliFailure, errText, EXIT, failure, usageError } from "../errors";
import { checkOutput, readInput, refuseDirectory, writeOutput } from "../files";
import { requireExtension } from "../args";
import { M, USAGE_OF } from "../messages";
import { chosenKind } from "../report-kind";
import { buildUnitWorkbook, buildWorkbook, workbookBuffer } from "../xlsx";

/** The data file of --data, parsed; its problems are failures (exit 1). */
async function readDataFile(file: string) {
  let text: string;
  try {
    text = (await readInput(file)).toString("utf8");
  } catch (e) {
    if (e instanceof CliFailure) throw e;
    throw failure(M.cannotReadData(file, errText(e)));
  }
  try {
    return parseDataFile(text, file);
  } catch (e) {
    if (e instanceof DataFileError) throw failure(e.message);
    throw e;
  }
}

/** Runs a data-file step; its DataFileError becomes a failure. */
function withData<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DataFileError) throw failure(e.message);
    throw e;
  }
}

export const templateCommand = defineCommand({
  name: "template",
  options: {
    output: { type: "string", short: "o" },
    sample: { type: "boolean" },
    unit: { type: "string", short: "u" },
    data: { type: "string" },
    kind: { type: "string", short: "k" },
    definition: { type: "string" },
    force: { type: "boolean", short: "f" },
  },
  usage: USAGE_OF.template,
  async run(ctx, { values, positionals }) {
    if (positionals.length) throw usageError(M.templateNoPositional(positionals[0]));
    if (!values.output) throw usageError(M.templateNeedsOutput);
    if (values.unit !== undefined && !values.unit.trim()) throw usageError(M.unitNameEmpty);
    if (values.unit !== undefined && values.sample) throw usageError(M.unitNoSample);
    const output = values.output;
    await refuseDirectory(output, values.unit !== undefined ? "don-vi.xlsx" : "so-bao-cao.xlsx");
    requireExtension(output, ".xlsx");
    await checkOutput(output, { mayExist: Boolean(values.force) });
    const kind = await chosenKind(values);
    const dataFile = values.data !== undefined ? await readDataFile(values.data) : undefined;

    if (values.unit !== undefined) {
      const unitName = values.unit;
      const figures = dataFile ? withData(() => unitValuesOf(kind.definition, dataFile, values.data!, unitName)) : {};
      let built: ReturnType<typeof buildUnitWorkbook>;
      try {
        built = buildUnitWorkbook(kind.definition, unitName, figures);
      } catch (e) {
        throw failure(errText(e));
      }
      await writeOutput(output, await workbookBuffer(built.workbook));
      ctx.io.out(M.unitWritten(built.unitName, built.sheet, path.resolve(output)));
      if (built.renamed) ctx.io.out(M.unitRenamed(built.unitName, built.sheet));
      ctx.io.out(M.unitNext(path.resolve(output)));
      return EXIT.ok;
    }

    let data: ReportData | undefined;
    if (values.sample) {
      data = sampleDataOf(kind.definition.id) ?? undefined;
      if (!data) throw usageError(M.noSample(kind.definition.id));
    }
    if (dataFile) {
      const given = withData(() => reportValuesOf(kind.definition, dataFile, values.data!));
      data = { values: { ...(data?.values ?? {}), ...given } };
    }
    const wb = buildWorkbook(kind.definition, kind.layout, data);
    await writeOutput(output, await workbookBuffer(wb));
    ctx.io.out(M.templateWritten(path.resolve(output), Boolean(values.sample || dataFile)));
    ctx.io.out(M.templateNext(path.resolve(output)));
    return EXIT.ok;
  },
});
