/**
 * Excel.RangeFill.
 */
import type { SimRequestContext } from "../context";
import type { SimRange } from "./range";
import { color, type RangeTarget, seal, SimRangePart, uniform } from "./shared";

export class SimRangeFill extends SimRangePart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "RangeFill";
  }
  protected get _scalarNames() {
    return ["color"];
  }
  protected _read(target: unknown): unknown {
    // Excel reads "#FFFFFF" for a cell without fill
    return uniform(target as RangeTarget, (f) => f.fill ?? "#FFFFFF");
  }
  /** "#RRGGBB"; "#FFFFFF" when there is no fill; null when cells differ. */
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._values.color = v;
    this._format("RangeFill.color", () => ({ fill: color(v, "RangeFill.color") }));
  }
  /** Removes the fill. */
  clear(): void {
    this._format("RangeFill.clear", () => ({ fill: null }));
  }
}
