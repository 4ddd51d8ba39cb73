/**
 * Excel.WorksheetFreezePanes (ExcelApi 1.7).
 */
import { isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, parseRect, Rect } from "../address";
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { SimSheet } from "../model";
import { SimObject } from "../proxy-base";
import { SimRange } from "./range";
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
  freezeColumns(count = 1): void {
    this._write<SimSheet>("WorksheetFreezePanes.freezeColumns", (s) => {
      const n = integer(count, "WorksheetFreezePanes.freezeColumns");
      if (n < 0 || n >= MAX_COLUMNS) throw simError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeColumns");
      s.frozenColumns = n;
      s.frozenRows = 0;
    });
  }
  /** Freezes the rows and columns of the given top-left range ("A1:B2" freezes 2 rows and 2 columns). */
  freezeAt(frozenRange: SimRange | string): void {
    this._write<SimSheet>("WorksheetFreezePanes.freezeAt", (s) => {
      const r = typeof frozenRange === "string" ? parseRect(frozenRange) : frozenRange._target()?.rect;
      if (!r) throw simError("InvalidArgument", undefined, "WorksheetFreezePanes.freezeAt");
      s.frozenRows = isWholeColumns(r) ? 0 : r.r2 + 1;
      s.frozenColumns = isWholeRows(r) ? 0 : r.c2 + 1;
    });
  }
  unfreeze(): void {
    this._write<SimSheet>("WorksheetFreezePanes.unfreeze", (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  getLocationOrNullObject(): SimRange {
    const r = this._child(
      new SimRange(this.context, () => {
        const s = this._resolver();
        if (s === null || (s.frozenRows === 0 && s.frozenColumns === 0)) return null;
        const rect: Rect =
          s.frozenColumns === 0
            ? { r1: 0, c1: 0, r2: s.frozenRows - 1, c2: MAX_COLUMNS - 1 }
            : s.frozenRows === 0
              ? { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: s.frozenColumns - 1 }
              : { r1: 0, c1: 0, r2: s.frozenRows - 1, c2: s.frozenColumns - 1 };
        return { sheet: s, rect };
      }),
      "getLocationOrNullObject",
    );
    r._checkNull("WorksheetFreezePanes.getLocationOrNullObject");
    return r;
  }
}
