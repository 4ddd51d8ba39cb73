/**
 * Excel.Workbook: the worksheets, names, application and settings of the workbook.
 */
import type { SimRequestContext } from "../context";
import { SimObject } from "../proxy-base";
import { SimApplication } from "./application";
import { SimNamedItemCollection } from "./named-item";
import { SimRange } from "./range";
import { SimSettingCollection } from "./setting";
import { model, seal } from "./shared";
import { SimWorksheetCollection } from "./worksheet-collection";

export class SimWorkbookProxy extends SimObject {
  readonly worksheets: SimWorksheetCollection;
  readonly names: SimNamedItemCollection;
  readonly application: SimApplication;
  readonly settings: SimSettingCollection;

  constructor(context: SimRequestContext) {
    super(context);
    this.worksheets = this._child(new SimWorksheetCollection(context), "worksheets");
    this.names = this._child(new SimNamedItemCollection(context), "names");
    this.settings = this._child(new SimSettingCollection(context), "settings");
    this.application = this._child(new SimApplication(context), "application");
    seal(this);
  }
  protected get _typeName() {
    return "Workbook";
  }
  protected get _scalarNames() {
    return ["name"];
  }
  protected _resolve() {
    return true;
  }
  protected _read(_t: unknown, prop: string) {
    return prop === "name" ? this.context._host.workbookName : undefined;
  }
  protected _navigation(name: string): SimObject | undefined {
    if (name === "worksheets") return this.worksheets;
    if (name === "names") return this.names;
    if (name === "settings") return this.settings;
    if (name === "application") return this.application;
    return undefined;
  }
  get name(): string {
    return this._get("name");
  }

  /** The selected range of the active sheet (what the user selected last, or what Range.select() chose). */
  getSelectedRange(): SimRange {
    return this._child(
      new SimRange(this.context, () => {
        const s = model(this.context).activeSheet();
        return { sheet: s, rect: { ...s.selection } };
      }),
      "getSelectedRange",
    );
  }
}
