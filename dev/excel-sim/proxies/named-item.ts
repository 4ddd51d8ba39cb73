/**
 * Excel.NamedItemCollection and Excel.NamedItem (workbook-scoped defined names).
 */
import type { SimRequestContext } from "../context";
import { simError, SimOfficeError } from "../errors";
import { absoluteReference, SimName } from "../model";
import { SimObject } from "../proxy-base";
import { SimRange } from "./range";
import { model, seal, SimCollection } from "./shared";

export class SimNamedItemCollection extends SimCollection<SimNamedItem> {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "NamedItemCollection";
  }
  protected _currentItems(): SimNamedItem[] {
    return model(this.context).names.map((n) => this._item(n.name, false, "NamedItem", "items"));
  }
  private _item(name: string, orNull: boolean, location: string, member: string): SimNamedItem {
    const wb = model(this.context);
    return this._child(
      new SimNamedItem(this.context, () => {
        const n = typeof name === "string" ? wb.name(name) : undefined;
        if (!n) {
          if (orNull) return null;
          throw simError("ItemNotFound", undefined, location);
        }
        return n;
      }),
      member,
    );
  }
  getItem(name: string): SimNamedItem {
    return this._item(name, false, "NamedItemCollection.getItem", "getItem");
  }
  /** ExcelApi 1.4. */
  getItemOrNullObject(name: string): SimNamedItem {
    const n = this._item(name, true, "NamedItemCollection.getItemOrNullObject", "getItemOrNullObject");
    n._checkNull("NamedItemCollection.getItemOrNullObject");
    return n;
  }
  /** ExcelApi 1.4. `reference`: a Range, or a formula such as "='I. Kết quả'!$C$5". */
  add(name: string, reference: SimRange | string, comment?: string): SimNamedItem {
    const wb = model(this.context);
    this._enqueueOp("NamedItemCollection.add", "call", true, () => {
      let formula: string;
      if (reference instanceof SimRange) {
        const t = reference._target();
        if (!t) throw simError("InvalidArgument", undefined, "NamedItemCollection.add");
        formula = `=${absoluteReference(t.sheet.name, t.rect)}`;
      } else if (typeof reference === "string" && reference.trim() !== "") {
        formula = reference;
      } else {
        throw simError("InvalidArgument", undefined, "NamedItemCollection.add");
      }
      wb.addName(name, formula, comment ?? "", "NamedItemCollection.add");
    });
    return this._item(name, false, "NamedItem", "add");
  }
}

export class SimNamedItem extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly _resolver: () => SimName | null,
  ) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "NamedItem";
  }
  protected get _scalarNames() {
    return ["name", "type", "value", "formula"];
  }
  protected _resolve(): SimName | null {
    return this._resolver();
  }
  /** @internal */
  _checkNull(location: string): void {
    this._queueNullCheck(location);
  }
  protected _read(target: unknown, prop: string): unknown {
    const n = target as SimName;
    switch (prop) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "type":
        return model(this.context).nameTypeAndValue(n).type;
      case "value":
        return model(this.context).nameTypeAndValue(n).value;
    }
    return undefined;
  }
  get name(): string {
    return this._get("name");
  }
  /** "Range", "String", "Double", "Boolean" or "Error" ("=#REF!…" after its sheet was deleted). */
  get type(): string {
    return this._get("type");
  }
  /** For a range: its reference ("'I. Kết quả'!$C$5"); otherwise the computed value. */
  get value(): unknown {
    return this._get("value");
  }
  /** "='I. Kết quả'!$C$5". ExcelApi 1.7. */
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._setProp<SimName>("formula", v, (n) => {
      if (typeof v !== "string" || v.trim() === "") throw simError("InvalidArgument", undefined, "NamedItem.formula");
      n.formula = v.startsWith("=") ? v : `=${v}`;
      model(this.context).markDirty();
    });
  }
  /** ExcelApi 1.4. */
  delete(): void {
    this._write<SimName>("NamedItem.delete", (n) => model(this.context).deleteName(n));
  }
  /** The range the name refers to; fails when it does not refer to one range (e.g. "=#REF!…"). */
  getRange(): SimRange {
    const wb = model(this.context);
    return this._child(
      new SimRange(this.context, () => {
        const n = this._resolver();
        if (n === null) return null;
        const t = wb.nameTarget(n);
        if (!t) throw new SimOfficeError("InvalidReference", undefined, "NamedItem.getRange");
        return t;
      }),
      "getRange",
    );
  }
}
