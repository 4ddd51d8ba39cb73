/**
 * The simulated Excel (src/excel-sim) as an ExcelHost, for tests and the sandbox.
 */
import type { SimHost } from "../excel-sim";
import type { ExcelHost } from "./host";

export function simExcelHost(sim: SimHost): ExcelHost {
  return {
    run: (batch) => sim.run(batch),
    isSetSupported: (name, version) => sim.requirementSets.isSetSupported(name, version),
  };
}
