/**
 * Excel.Range: values, formulas, text, number formats, and the range methods.
 */
import { intersect, isWholeColumns, isWholeRows, MAX_COLUMNS, MAX_ROWS, qualifiedAddress, Rect, rectCellCount } from "../address";
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { MAX_CELL_OPERATION } from "../model";
import { SimClientResult, SimObject } from "../proxy-base";
import { apiValue, formatValue, valueType } from "../values";
import { SimDataValidation } from "./data-validation";
import { SimRangeFormat } from "./range-format";
import { checkRect, integer, model, type RangeResolver, type RangeTarget, seal } from "./shared";
import { SimWorksheet } from "./worksheet";

const RANGE_SCALARS = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "rowCount",
  "columnIndex",
  "rowIndex",
  "values",
  "formulas",
  "formulasLocal",
  "text",
  "numberFormat",
  "numberFormatLocal",
  "valueTypes",
  "isEntireColumn",
  "isEntireRow",
] as const;

function matrix<T>(r: Rect, f: (row: number, col: number) => T, location: string): T[][] {
  if (rectCellCount(r) > MAX_CELL_OPERATION) {
    throw simError("NotImplemented", `excel-sim: reading ${rectCellCount(r)} cells at once is not simulated; read the used range instead.`, location);
  }
  const out: T[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: T[] = [];
    for (let col = r.c1; col <= r.c2; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

export class SimRange extends SimObject {
  readonly format: SimRangeFormat;
  readonly dataValidation: SimDataValidation;
  private _worksheetProxy: SimWorksheet | undefined = undefined;

  constructor(
    context: SimRequestContext,
    private readonly _resolver: RangeResolver,
  ) {
    super(context);
    this.format = this._child(new SimRangeFormat(context, this), "format");
    this.dataValidation = this._child(new SimDataValidation(context, this), "dataValidation");
    seal(this);
  }

  protected get _typeName() {
    return "Range";
  }
  protected get _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }
  protected _resolve(): RangeTarget | null {
    return this._resolver();
  }
  /** @internal the sheet and rectangle now (at sync time) */
  _target(): RangeTarget | null {
    return this._resolver();
  }
  /** @internal */
  _checkNull(location: string): void {
    this._queueNullCheck(location);
  }
  protected _navigation(name: string): SimObject | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  protected _read(target: unknown, prop: string): unknown {
    const { sheet, rect } = target as RangeTarget;
    const wb = model(this.context);
    const loc = `Range.${prop}`;
    switch (prop) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, rect);
      case "cellCount":
        return rectCellCount(rect);
      case "rowCount":
        return rect.r2 - rect.r1 + 1;
      case "columnCount":
        return rect.c2 - rect.c1 + 1;
      case "rowIndex":
        return rect.r1;
      case "columnIndex":
        return rect.c1;
      case "isEntireColumn":
        return isWholeColumns(rect);
      case "isEntireRow":
        return isWholeRows(rect);
      case "values":
        wb.ensureCalculated();
        return matrix(rect, (r, c) => apiValue(sheet.getStoredCell(r, c)?.value ?? null), loc);
      case "formulas":
      case "formulasLocal":
        return matrix(
          rect,
          (r, c) => {
            const cell = sheet.getStoredCell(r, c);
            if (!cell) return "";
            return cell.formula ?? apiValue(cell.value);
          },
          loc,
        );
      case "text":
        wb.ensureCalculated();
        return matrix(
          rect,
          (r, c) => {
            const cell = sheet.cellAt(r, c);
            return formatValue(cell.value, cell.numberFormat);
          },
          loc,
        );
      case "numberFormat":
      case "numberFormatLocal":
        return matrix(rect, (r, c) => sheet.cellAt(r, c).numberFormat, loc);
      case "valueTypes":
        wb.ensureCalculated();
        return matrix(rect, (r, c) => valueType(sheet.getStoredCell(r, c)?.value ?? null), loc);
    }
    return undefined;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): string[][] {
    return this._get("valueTypes");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  /** A 2-D array of the range's size (or one value for every cell); "=..." strings become formulas. */
  set values(v: unknown[][]) {
    this._setProp<RangeTarget>("values", v, (t) => model(this.context).writeInputs(t.sheet, t.rect, v, "Range.values"));
  }
  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(v: unknown[][]) {
    this._setProp<RangeTarget>("formulas", v, (t) => model(this.context).writeInputs(t.sheet, t.rect, v, "Range.formulas"));
  }
  get formulasLocal(): unknown[][] {
    return this._get("formulasLocal");
  }
  set formulasLocal(v: unknown[][]) {
    this._setProp<RangeTarget>("formulasLocal", v, (t) => model(this.context).writeInputs(t.sheet, t.rect, v, "Range.formulasLocal"));
  }
  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this._setProp<RangeTarget>("numberFormat", v, (t) => model(this.context).writeNumberFormat(t.sheet, t.rect, v, "Range.numberFormat"));
  }
  get numberFormatLocal(): string[][] {
    return this._get("numberFormatLocal");
  }
  set numberFormatLocal(v: string[][]) {
    this._setProp<RangeTarget>("numberFormatLocal", v, (t) => model(this.context).writeNumberFormat(t.sheet, t.rect, v, "Range.numberFormatLocal"));
  }

  /** The range's sheet (the same proxy every time, so that load("worksheet/name") can be read back). */
  get worksheet(): SimWorksheet {
    if (!this._worksheetProxy) this._worksheetProxy = this._child(new SimWorksheet(this.context, () => this._resolver()?.sheet ?? null), "worksheet");
    return this._worksheetProxy;
  }

  private _derived(location: string, f: (r: Rect) => Rect): SimRange {
    return this._child(
      new SimRange(this.context, () => {
        const t = this._resolver();
        if (t === null) return null;
        return { sheet: t.sheet, rect: checkRect(f(t.rect), location) };
      }),
      location.slice(location.indexOf(".") + 1),
    );
  }

  /** A cell relative to the range's top-left (it may lie outside the range). */
  getCell(row: number, column: number): SimRange {
    return this._derived("Range.getCell", (r) => {
      const i = integer(row, "Range.getCell");
      const j = integer(column, "Range.getCell");
      return { r1: r.r1 + i, c1: r.c1 + j, r2: r.r1 + i, c2: r.c1 + j };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): SimRange {
    return this._derived("Range.getOffsetRange", (r) => {
      const i = integer(rowOffset, "Range.getOffsetRange");
      const j = integer(columnOffset, "Range.getOffsetRange");
      return { r1: r.r1 + i, c1: r.c1 + j, r2: r.r2 + i, c2: r.c2 + j };
    });
  }
  /** ExcelApi 1.7. */
  getResizedRange(deltaRows: number, deltaColumns: number): SimRange {
    return this._derived("Range.getResizedRange", (r) => ({
      r1: r.r1,
      c1: r.c1,
      r2: r.r2 + integer(deltaRows, "Range.getResizedRange"),
      c2: r.c2 + integer(deltaColumns, "Range.getResizedRange"),
    }));
  }
  getRow(row: number): SimRange {
    return this._derived("Range.getRow", (r) => {
      const i = integer(row, "Range.getRow");
      if (i < 0 || r.r1 + i > r.r2) throw simError("InvalidArgument", undefined, "Range.getRow");
      return { r1: r.r1 + i, c1: r.c1, r2: r.r1 + i, c2: r.c2 };
    });
  }
  getColumn(column: number): SimRange {
    return this._derived("Range.getColumn", (r) => {
      const j = integer(column, "Range.getColumn");
      if (j < 0 || r.c1 + j > r.c2) throw simError("InvalidArgument", undefined, "Range.getColumn");
      return { r1: r.r1, c1: r.c1 + j, r2: r.r2, c2: r.c1 + j };
    });
  }
  getEntireRow(): SimRange {
    return this._derived("Range.getEntireRow", (r) => ({ r1: r.r1, c1: 0, r2: r.r2, c2: MAX_COLUMNS - 1 }));
  }
  getEntireColumn(): SimRange {
    return this._derived("Range.getEntireColumn", (r) => ({ r1: 0, c1: r.c1, r2: MAX_ROWS - 1, c2: r.c2 }));
  }
  getLastCell(): SimRange {
    return this._derived("Range.getLastCell", (r) => ({ r1: r.r2, c1: r.c2, r2: r.r2, c2: r.c2 }));
  }
  getLastRow(): SimRange {
    return this._derived("Range.getLastRow", (r) => ({ r1: r.r2, c1: r.c1, r2: r.r2, c2: r.c2 }));
  }
  getLastColumn(): SimRange {
    return this._derived("Range.getLastColumn", (r) => ({ r1: r.r1, c1: r.c2, r2: r.r2, c2: r.c2 }));
  }
  /** The used part of this range (ExcelApi 1.1); "A1"-like single cell when nothing is used. */
  getUsedRange(valuesOnly?: boolean): SimRange {
    return this._child(
      new SimRange(this.context, () => {
        const t = this._resolver();
        if (t === null) return null;
        const used = t.sheet.usedRect(!!valuesOnly);
        const i = used ? intersect(used, t.rect) : null;
        if (!i) throw simError("ItemNotFound", undefined, "Range.getUsedRange");
        return { sheet: t.sheet, rect: i };
      }),
      "getUsedRange",
      valuesOnly === undefined ? [] : ["valuesOnly"],
    );
  }
  /** ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    const r = this._child(
      new SimRange(this.context, () => {
        const t = this._resolver();
        if (t === null) return null;
        const used = t.sheet.usedRect(!!valuesOnly);
        const i = used ? intersect(used, t.rect) : null;
        return i ? { sheet: t.sheet, rect: i } : null;
      }),
      "getUsedRangeOrNullObject",
    );
    r._checkNull("Range.getUsedRangeOrNullObject");
    return r;
  }
  /**
   * ExcelApi 1.9. Simulated for `format.font.name` only (what the add-in asks for); other
   * properties come back undefined. A null object gives [].
   */
  getCellProperties(cellPropertiesLoadOptions: Excel.CellPropertiesLoadOptions): SimClientResult<Excel.CellProperties[][]> {
    const wantsFont = (o: Excel.CellPropertiesLoadOptions) => !!o.format?.font?.name;
    return new SimClientResult(this, "Range.getCellProperties", () => {
      const t = this._resolver();
      if (t === null) return [];
      const out: Excel.CellProperties[][] = [];
      for (let row = t.rect.r1; row <= t.rect.r2; row++) {
        const line: Excel.CellProperties[] = [];
        for (let col = t.rect.c1; col <= t.rect.c2; col++) {
          line.push(wantsFont(cellPropertiesLoadOptions) ? { format: { font: { name: t.sheet.cellAt(row, col).font.name } } } : {});
        }
        out.push(line);
      }
      return out;
    });
  }

  /** Inserts cells ("Down" / "Right"); formulas, names, merges and validation below follow. Returns the new cells. */
  insert(shift: string): SimRange {
    this._write<RangeTarget>("Range.insert", (t) => model(this.context).insertCells(t.sheet, t.rect, shift, "Range.insert"));
    return this._child(new SimRange(this.context, this._resolver), "insert");
  }
  /** Deletes cells ("Up" / "Left"); references to deleted cells become #REF!. */
  delete(shift: string): void {
    this._write<RangeTarget>("Range.delete", (t) => model(this.context).deleteCells(t.sheet, t.rect, shift, "Range.delete"));
  }
  /** "All" (default), "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents". */
  clear(applyTo?: string): void {
    this._write<RangeTarget>("Range.clear", (t) => model(this.context).clear(t.sheet, t.rect, applyTo ?? "All", "Range.clear"));
  }
  /** ExcelApi 1.2. Keeps the top-left value only. */
  merge(across = false): void {
    this._write<RangeTarget>("Range.merge", (t) => model(this.context).merge(t.sheet, t.rect, !!across, "Range.merge"));
  }
  /** ExcelApi 1.2. */
  unmerge(): void {
    this._write<RangeTarget>("Range.unmerge", (t) => model(this.context).unmerge(t.sheet, t.rect, "Range.unmerge"));
  }
  /** Selects the range (and activates its sheet). */
  select(): void {
    this._write<RangeTarget>("Range.select", (t) => model(this.context).select(t.sheet, t.rect));
  }
}
