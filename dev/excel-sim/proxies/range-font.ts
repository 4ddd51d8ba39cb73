/**
 * Excel.RangeFont.
 */
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { FormatPatch, SimCellFormat } from "../model";
import type { SimRange } from "./range";
import { bool, color, type RangeTarget, seal, SimRangePart, uniform } from "./shared";

export class SimRangeFont extends SimRangePart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "RangeFont";
  }
  protected get _scalarNames() {
    return ["bold", "italic", "color", "size", "name"];
  }
  protected _read(target: unknown, prop: string): unknown {
    const key = prop as keyof SimCellFormat["font"];
    return uniform(target as RangeTarget, (f) => f.font[key]);
  }
  private _font(prop: string, v: unknown, check: () => FormatPatch["font"]): void {
    this._values[prop] = v;
    this._format(`RangeFont.${prop}`, () => ({ font: check() }));
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    this._font("bold", v, () => ({ bold: bool(v, "RangeFont.bold") }));
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    this._font("italic", v, () => ({ italic: bool(v, "RangeFont.italic") }));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._font("color", v, () => ({ color: color(v, "RangeFont.color") }));
  }
  get size(): number {
    return this._get("size");
  }
  set size(v: number) {
    this._font("size", v, () => {
      if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw simError("InvalidArgument", undefined, "RangeFont.size");
      return { size: v };
    });
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._font("name", v, () => {
      if (typeof v !== "string" || v.trim() === "") throw simError("InvalidArgument", undefined, "RangeFont.name");
      return { name: v };
    });
  }
}
