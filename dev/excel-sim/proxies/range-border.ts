/**
 * Excel.RangeBorderCollection and Excel.RangeBorder.
 */
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { SimBorder } from "../model";
import type { SimRange } from "./range";
import { color, model, oneOf, type RangeTarget, seal, SimCollection, SimRangePart } from "./shared";

const BORDER_INDEX = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const BORDER_STYLE = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

export class SimRangeBorderCollection extends SimCollection<SimRangeBorder> {
  constructor(
    context: SimRequestContext,
    private readonly _range: SimRange,
  ) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "RangeBorderCollection";
  }
  protected _currentItems(): SimRangeBorder[] {
    return BORDER_INDEX.map((i) => this._child(new SimRangeBorder(this.context, this._range, i), "items"));
  }
  /** Excel.BorderIndex: "EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp". */
  getItem(index: string): SimRangeBorder {
    return this._child(new SimRangeBorder(this.context, this._range, index), "getItem");
  }
}

export class SimRangeBorder extends SimRangePart {
  constructor(
    context: SimRequestContext,
    range: SimRange,
    private readonly _index: string,
  ) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "RangeBorder";
  }
  protected get _scalarNames() {
    return ["style", "color"];
  }
  protected _resolve(): RangeTarget | null {
    if (!BORDER_INDEX.includes(this._index)) throw simError("InvalidArgument", undefined, "RangeBorderCollection.getItem");
    return super._resolve();
  }
  protected _read(target: unknown, prop: string): unknown {
    const t = target as RangeTarget;
    const b = model(this.context).getBorder(t.sheet, t.rect, this._index);
    return b === null ? null : b[prop as keyof SimBorder];
  }
  private _border(prop: keyof SimBorder, v: unknown, check: () => string): void {
    this._values[prop] = v;
    const location = `RangeBorder.${prop}`;
    this._write<RangeTarget>(location, (t) => {
      if (!BORDER_INDEX.includes(this._index)) throw simError("InvalidArgument", undefined, "RangeBorderCollection.getItem");
      model(this.context).setBorder(t.sheet, t.rect, this._index, { [prop]: check() }, location);
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._border("style", v, () => oneOf(v, BORDER_STYLE, "RangeBorder.style"));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._border("color", v, () => color(v, "RangeBorder.color"));
  }
}
