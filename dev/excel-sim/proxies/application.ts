/**
 * Excel.Application: suspendApiCalculationUntilNextSync.
 */
import type { SimRequestContext } from "../context";
import { SimObject } from "../proxy-base";
import { seal } from "./shared";

export class SimApplication extends SimObject {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "Application";
  }
  protected get _scalarNames() {
    return [];
  }
  protected _resolve() {
    return true;
  }
  protected _read() {
    return undefined;
  }
  /** ExcelApi 1.6. Recorded in host.calculationSuspensions; the simulator recalculates anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._enqueueOp("Application.suspendApiCalculationUntilNextSync", "call", false, () => {
      this.context._host.calculationSuspensions += 1;
    });
  }
}
