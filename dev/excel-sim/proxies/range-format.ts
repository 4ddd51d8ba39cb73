/**
 * Excel.RangeFormat: alignment, wrapping, column widths and row heights.
 */
import type { SimRequestContext } from "../context";
import { SimObject } from "../proxy-base";
import type { SimRange } from "./range";
import { SimRangeBorderCollection } from "./range-border";
import { SimRangeFill } from "./range-fill";
import { SimRangeFont } from "./range-font";
import { bool, model, oneOf, type RangeTarget, seal, SimRangePart, uniform } from "./shared";

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

export class SimRangeFormat extends SimRangePart {
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly borders: SimRangeBorderCollection;

  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    this.fill = this._child(new SimRangeFill(context, range), "fill");
    this.font = this._child(new SimRangeFont(context, range), "font");
    this.borders = this._child(new SimRangeBorderCollection(context, range), "borders");
    seal(this);
  }
  protected get _typeName() {
    return "RangeFormat";
  }
  protected get _scalarNames() {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"];
  }
  protected _navigation(name: string): SimObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "borders") return this.borders;
    return undefined;
  }
  protected _read(target: unknown, prop: string): unknown {
    const t = target as RangeTarget;
    const { sheet, rect } = t;
    switch (prop) {
      case "columnWidth": {
        const widths = new Set<number>();
        for (let c = rect.c1; c <= rect.c2 && widths.size < 2; c++) widths.add(sheet.columnWidth(c));
        return widths.size === 1 ? [...widths][0] : null;
      }
      case "rowHeight": {
        const heights = new Set<number>();
        const rows = rect.r2 - rect.r1 + 1;
        let explicit = 0;
        for (const [r, h] of sheet.rowHeights) {
          if (r >= rect.r1 && r <= rect.r2) {
            heights.add(h);
            explicit++;
          }
        }
        if (explicit < rows) heights.add(sheet.rowHeight(-1));
        return heights.size === 1 ? [...heights][0] : null;
      }
      case "wrapText":
        return uniform(t, (f) => f.wrap);
      case "horizontalAlignment":
        return uniform(t, (f) => f.hAlign);
      case "verticalAlignment":
        return uniform(t, (f) => f.vAlign);
    }
    return undefined;
  }
  /** Points; null when the columns differ. ExcelApi 1.2. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._setProp<RangeTarget>("columnWidth", v, (t) => model(this.context).setColumnWidth(t.sheet, t.rect, v, "RangeFormat.columnWidth"));
  }
  /** Points; null when the rows differ. ExcelApi 1.2. */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._setProp<RangeTarget>("rowHeight", v, (t) => model(this.context).setRowHeight(t.sheet, t.rect, v, "RangeFormat.rowHeight"));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._values.wrapText = v;
    this._format("RangeFormat.wrapText", () => ({ wrap: bool(v, "RangeFormat.wrapText") }));
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._values.horizontalAlignment = v;
    this._format("RangeFormat.horizontalAlignment", () => ({ hAlign: oneOf(v, H_ALIGN, "RangeFormat.horizontalAlignment") }));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._values.verticalAlignment = v;
    this._format("RangeFormat.verticalAlignment", () => ({ vAlign: oneOf(v, V_ALIGN, "RangeFormat.verticalAlignment") }));
  }
}
