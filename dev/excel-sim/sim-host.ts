/**
 * The simulated Excel (dev/excel-sim) as an ExcelHost, for tests and the sandbox.
 */
import type { SimHost } from ".";
import { readDocumentFile } from "../../src/excel/document-file";
import type { ExcelHost } from "../../src/excel/host";

export function simExcelHost(sim: SimHost): ExcelHost {
  return {
    run: (batch) => sim.run(batch),
    isSetSupported: (name, version) => sim.requirementSets.isSetSupported(name, version),
    documentFile: () => readDocumentFile(sim.document),
  };
}
