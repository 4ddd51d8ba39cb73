/**
 * Excel.Range: values, formulas, text, number formats, and the range methods.
 */
import { qualifiedAddress, Rect, rectCellCount } from "../address";
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { MAX_CELL_OPERATION } from "../model";
import { SimClientResult, SimObject } from "../proxy-base";
import { apiValue, formatValue, valueType } from "../values";
import { SimDataValidation } from "./data-validation";
import { SimRangeFormat } from "./range-format";
import { model, type RangeResolver, type RangeTarget, seal } from "./shared";

const RANGE_SCALARS = ["address", "values", "formulas", "text", "numberFormat", "numberFormatLocal", "valueTypes"] as const;

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
    return undefined;
  }

  protected _read(target: unknown, prop: string): unknown {
    const { sheet, rect } = target as RangeTarget;
    const wb = model(this.context);
    const loc = `Range.${prop}`;
    switch (prop) {
      case "address":
        return qualifiedAddress(sheet.name, rect);
      case "values":
        wb.ensureCalculated();
        return matrix(rect, (r, c) => apiValue(sheet.getStoredCell(r, c)?.value ?? null), loc);
      case "formulas":
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
  /** ExcelApi 1.2. Keeps the top-left value only. */
  merge(across = false): void {
    this._write<RangeTarget>("Range.merge", (t) => model(this.context).merge(t.sheet, t.rect, !!across, "Range.merge"));
  }
  /** Selects the range (and activates its sheet). */
  select(): void {
    this._write<RangeTarget>("Range.select", (t) => model(this.context).select(t.sheet, t.rect));
  }
}
