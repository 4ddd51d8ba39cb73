/**
 * Excel.Runtime: enableEvents (ExcelApi 1.8).
 */
import type { SimRequestContext } from "../context";
import { SimObject } from "../proxy-base";
import { bool, seal } from "./shared";

export class SimRuntime extends SimObject {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "Runtime";
  }
  protected get _scalarNames() {
    return ["enableEvents"];
  }
  protected _resolve() {
    return true;
  }
  protected _read(_t: unknown, prop: string) {
    return prop === "enableEvents" ? this.context._host.eventsEnabled : undefined;
  }
  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  /** ExcelApi 1.8. */
  set enableEvents(v: boolean) {
    this._setProp("enableEvents", v, () => {
      this.context._host.eventsEnabled = bool(v, "Runtime.enableEvents");
    });
  }
}
