/**
 * Excel.WorksheetFreezePanes (ExcelApi 1.7).
 */
import { MAX_ROWS } from "../address";
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { SimSheet } from "../model";
import { SimObject } from "../proxy-base";
import { integer, seal, type SheetResolver } from "./shared";

/** ExcelApi 1.7. */
export class SimWorksheetFreezePanes extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly _resolver: SheetResolver,
  ) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "WorksheetFreezePanes";
  }
  protected get _scalarNames() {
    return [];
  }
  protected _resolve() {
    return this._resolver();
  }
  protected _read(): unknown {
    return undefined;
  }
  freezeRows(count = 1): void {
    this._write<SimSheet>("WorksheetFreezePanes.freezeRows", (s) => {
      const n = integer(count, "WorksheetFreezePanes.freezeRows");
      if (n < 0 || n >= MAX_ROWS) throw simError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeRows");
      s.frozenRows = n;
      s.frozenColumns = 0;
    });
  }
}
