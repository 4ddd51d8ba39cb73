/**
 * Excel.Worksheet.
 */
import { parseRect, Rect } from "../address";
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { singleReference } from "../formula";
import { SimSheet } from "../model";
import { SimObject } from "../proxy-base";
import { SimRange } from "./range";
import { color, model, seal, type SheetResolver, WHOLE_SHEET } from "./shared";
import { SimWorksheetFreezePanes } from "./worksheet-freeze-panes";
import { SimWorksheetProtection } from "./worksheet-protection";

export class SimWorksheet extends SimObject {
  readonly protection: SimWorksheetProtection;
  readonly freezePanes: SimWorksheetFreezePanes;

  constructor(
    context: SimRequestContext,
    private readonly _resolver: SheetResolver,
  ) {
    super(context);
    this.protection = this._child(new SimWorksheetProtection(context, _resolver), "protection");
    this.freezePanes = this._child(new SimWorksheetFreezePanes(context, _resolver), "freezePanes");
    seal(this);
  }

  protected get _typeName() {
    return "Worksheet";
  }
  protected get _scalarNames() {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected _resolve(): SimSheet | null {
    return this._resolver();
  }
  protected _read(target: unknown, prop: string): unknown {
    const s = target as SimSheet;
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return model(this.context).sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
    }
    return undefined;
  }
  protected _navigation(name: string): SimObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "freezePanes") return this.freezePanes;
    return undefined;
  }

  /** @internal */
  _checkNull(location: string): void {
    this._queueNullCheck(location);
  }

  get name(): string {
    return this._get("name");
  }
  /** Renames the sheet; formulas and names referring to it follow. */
  set name(v: string) {
    this._setProp<SimSheet>("name", v, (s) => {
      if (typeof v !== "string") throw simError("InvalidArgument", undefined, "Worksheet.name");
      model(this.context).renameWorksheet(s, v);
    });
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._setProp<SimSheet>("position", v, (s) => model(this.context).moveWorksheet(s, v));
  }
  get visibility(): string {
    return this._get("visibility");
  }
  set visibility(v: string) {
    this._setProp<SimSheet>("visibility", v, (s) => model(this.context).setVisibility(s, v));
  }
  /** "" when the tab has no colour. ExcelApi 1.7. */
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._setProp<SimSheet>("tabColor", v, (s) => {
      s.tabColor = v === "" ? "" : color(v, "Worksheet.tabColor");
    });
  }

  activate(): void {
    this._write<SimSheet>("Worksheet.activate", (s) => model(this.context).activate(s));
  }

  delete(): void {
    this._write<SimSheet>("Worksheet.delete", (s) => model(this.context).deleteWorksheet(s));
  }

  private _rangeOf(member: string, compute: (s: SimSheet) => Rect | null, params: readonly string[] = []): SimRange {
    return this._child(
      new SimRange(this.context, () => {
        const s = this._resolver();
        if (s === null) return null;
        const rect = compute(s);
        return rect === null ? null : { sheet: s, rect };
      }),
      member,
      params,
    );
  }

  /** "A1", "A1:B5", "A:A", "5:5", a defined name on this sheet, or nothing for the whole sheet. */
  getRange(address?: string): SimRange {
    const wb = model(this.context);
    return this._rangeOf("getRange", (s) => {
      if (address === undefined || address === "") return { ...WHOLE_SHEET };
      if (typeof address !== "string") throw simError("InvalidArgument", undefined, "Worksheet.getRange");
      let text = address.trim();
      const bang = text.lastIndexOf("!");
      if (bang >= 0) {
        const ref = singleReference(text);
        if (!ref || ref.sheet === null || ref.sheet.toLowerCase() !== s.name.toLowerCase() || !ref.area) {
          throw simError("InvalidArgument", undefined, "Worksheet.getRange");
        }
        text = text.slice(bang + 1);
      }
      const rect = parseRect(text);
      if (rect) return rect;
      const named = wb.name(text);
      const target = named ? wb.nameTarget(named) : null;
      if (target && target.sheet === s) return target.rect;
      throw simError("InvalidArgument", undefined, "Worksheet.getRange");
    });
  }

  /** The used range; "A1" on an empty sheet. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._rangeOf("getUsedRange", (s) => s.usedRect(!!valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 }, valuesOnly === undefined ? [] : ["valuesOnly"]);
  }

  /** ExcelApi 1.4: a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    const r = this._rangeOf("getUsedRangeOrNullObject", (s) => s.usedRect(!!valuesOnly));
    r._checkNull("Worksheet.getUsedRangeOrNullObject");
    return r;
  }
}
