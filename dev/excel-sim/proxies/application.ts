/**
 * Excel.Application: calculation mode and the suspend-until-next-sync calls.
 */
import type { SimRequestContext } from "../context";
import { SimObject } from "../proxy-base";
import { model, seal } from "./shared";

export class SimApplication extends SimObject {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "Application";
  }
  protected get _scalarNames() {
    return ["calculationMode"];
  }
  protected _resolve() {
    return true;
  }
  protected _read(_t: unknown, prop: string) {
    return prop === "calculationMode" ? "Automatic" : undefined;
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  /** ExcelApi 1.6. Recorded in host.calculationSuspensions; the simulator recalculates anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._enqueueOp("Application.suspendApiCalculationUntilNextSync", "call", false, () => {
      this.context._host.calculationSuspensions += 1;
    });
  }
  /** ExcelApi 1.9. Recorded in host.screenUpdatingSuspensions. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._enqueueOp("Application.suspendScreenUpdatingUntilNextSync", "call", false, () => {
      this.context._host.screenUpdatingSuspensions += 1;
    });
  }
  calculate(_calculationType?: string): void {
    this._enqueueOp("Application.calculate", "call", false, () => model(this.context).markDirty());
  }
}
