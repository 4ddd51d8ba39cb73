/**
 * Excel.WorksheetCollection: the sheets of the workbook.
 */
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { SimSheet } from "../model";
import { model, seal, type SheetResolver, SimCollection } from "./shared";
import { SimWorksheet } from "./worksheet";

export class SimWorksheetCollection extends SimCollection<SimWorksheet> {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "WorksheetCollection";
  }
  protected _currentItems(): SimWorksheet[] {
    return model(this.context).sheets.map((s) => this._byId(s.id));
  }

  private _byId(id: string): SimWorksheet {
    const wb = model(this.context);
    return this._child(
      new SimWorksheet(this.context, () => {
        const s = wb.sheetById(id);
        if (!s) throw simError("ItemNotFound", undefined, "Worksheet");
        return s;
      }),
      "items",
    );
  }

  /** Resolves by name (ignoring case) or id on first use, then follows the sheet by id (renames keep working). */
  private _byKey(key: string, orNull: boolean, location: string): SheetResolver {
    const wb = model(this.context);
    let id: string | undefined;
    return () => {
      if (id !== undefined) {
        const s = wb.sheetById(id);
        if (!s) throw simError("ItemNotFound", undefined, location);
        return s;
      }
      const s = typeof key === "string" ? (wb.sheet(key) ?? wb.sheetById(key)) : undefined;
      if (!s) {
        if (orNull) return null;
        throw simError("ItemNotFound", undefined, location);
      }
      id = s.id;
      return s;
    };
  }

  getItem(key: string): SimWorksheet {
    return this._child(new SimWorksheet(this.context, this._byKey(key, false, "WorksheetCollection.getItem")), "getItem");
  }

  /** ExcelApi 1.4. isNullObject is known after the next sync. */
  getItemOrNullObject(key: string): SimWorksheet {
    const ws = this._child(new SimWorksheet(this.context, this._byKey(key, true, "WorksheetCollection.getItemOrNullObject")), "getItemOrNullObject");
    ws._checkNull("WorksheetCollection.getItemOrNullObject");
    return ws;
  }

  /** Adds a sheet at the end (Excel's naming rules, checked at sync). Does not activate it. */
  add(name?: string): SimWorksheet {
    const wb = model(this.context);
    let created: SimSheet | undefined;
    this._enqueueOp("WorksheetCollection.add", "call", true, () => {
      created = wb.addWorksheet(name);
    });
    return this._child(
      new SimWorksheet(this.context, () => {
        if (!created || !wb.sheetById(created.id)) throw simError("ItemNotFound", undefined, "Worksheet");
        return created;
      }),
      "add",
    );
  }
}
