/**
 * Excel.SettingCollection and Excel.Setting (ExcelApi 1.4): key/value pairs saved with the workbook.
 */
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { SimObject } from "../proxy-base";
import { model, seal, SimCollection } from "./shared";

export class SimSettingCollection extends SimCollection<SimSetting> {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "SettingCollection";
  }
  protected _currentItems(): SimSetting[] {
    return Object.keys(model(this.context).settings).map((k) => this._item(k, false, "Setting", "items"));
  }
  private _item(key: string, orNull: boolean, location: string, member: string): SimSetting {
    const wb = model(this.context);
    return this._child(
      new SimSetting(this.context, key, () => {
        if (Object.prototype.hasOwnProperty.call(wb.settings, key)) return { key };
        if (orNull) return null;
        throw simError("ItemNotFound", undefined, location);
      }),
      member,
    );
  }
  getItem(key: string): SimSetting {
    return this._item(key, false, "SettingCollection.getItem", "getItem");
  }
  getItemOrNullObject(key: string): SimSetting {
    const s = this._item(key, true, "SettingCollection.getItemOrNullObject", "getItemOrNullObject");
    s._checkNull("SettingCollection.getItemOrNullObject");
    return s;
  }
  /** Sets or adds a setting; the value must survive JSON, as Excel stores it so. */
  add(key: string, value: unknown): SimSetting {
    const wb = model(this.context);
    this._enqueueOp("SettingCollection.add", "call", true, () => {
      if (typeof key !== "string" || key === "") throw simError("InvalidArgument", undefined, "SettingCollection.add");
      wb.settings[key] = JSON.parse(JSON.stringify(value ?? null));
      wb.markDirty();
    });
    return this._item(key, false, "Setting", "add");
  }
}

export class SimSetting extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly _key: string,
    private readonly _resolver: () => { key: string } | null,
  ) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "Setting";
  }
  protected get _scalarNames() {
    return ["key", "value"];
  }
  protected _resolve() {
    return this._resolver();
  }
  /** @internal */
  _checkNull(location: string): void {
    this._queueNullCheck(location);
  }
  protected _read(_t: unknown, prop: string): unknown {
    const v = model(this.context).settings[this._key];
    return prop === "key" ? this._key : JSON.parse(JSON.stringify(v ?? null));
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    this._setProp("value", v, () => {
      model(this.context).settings[this._key] = JSON.parse(JSON.stringify(v ?? null));
      model(this.context).markDirty();
    });
  }
  delete(): void {
    this._write("Setting.delete", () => {
      delete model(this.context).settings[this._key];
      model(this.context).markDirty();
    });
  }
}
