/**
 * Simulated office.js proxy objects (Workbook, WorksheetCollection, Worksheet, Range,
 * RangeFormat, RangeFill, RangeFont, RangeBorderCollection, RangeBorder, DataValidation,
 * WorksheetProtection, WorksheetFreezePanes, NamedItemCollection, NamedItem, Application,
 * Runtime). Every getter of a scalar property throws PropertyNotLoaded until loaded and
 * synced; every setter and method is queued and applied at sync.
 *
 * Objects are not extensible: assigning a property the simulator does not know throws a
 * TypeError instead of being silently ignored.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  containsCell,
  intersect,
  isWholeColumns,
  isWholeRows,
  parseRect,
  qualifiedAddress,
  rectCellCount,
  formatRect,
} from "./address";
import type { SimRequestContext } from "./context";
import { SimOfficeError, simError } from "./errors";
import { singleReference } from "./formula";
import {
  DEFAULT_ERROR_ALERT,
  DEFAULT_PROMPT,
  FormatPatch,
  MAX_CELL_OPERATION,
  SimBorder,
  SimCellFormat,
  SimName,
  SimSheet,
  SimValidation,
  SimValidationRule,
  SimWorkbook,
  absoluteReference,
} from "./model";
import { LoadSpec, SimClientResult, SimObject, emptySpec } from "./proxy-base";
import { apiValue, formatValue, normalizeColor, valueType } from "./values";

export interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

type SheetResolver = () => SimSheet | null;
type RangeResolver = () => RangeTarget | null;

const WHOLE_SHEET: Rect = { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLUMNS - 1 };

function model(ctx: SimRequestContext): SimWorkbook {
  return ctx._host.workbook;
}

function seal(o: object): void {
  Object.preventExtensions(o);
}

function oneOf(value: unknown, allowed: readonly string[], location: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw simError("InvalidArgument", undefined, location);
  return value;
}

function bool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw simError("InvalidArgument", undefined, location);
  return value;
}

function color(value: unknown, location: string): string {
  const c = normalizeColor(value);
  if (!c) throw simError("InvalidArgument", undefined, location);
  return c;
}

function checkRect(r: Rect, location: string): Rect {
  if (r.r1 < 0 || r.c1 < 0 || r.r2 >= MAX_ROWS || r.c2 >= MAX_COLUMNS || r.r1 > r.r2 || r.c1 > r.c2) {
    throw simError("InvalidArgument", undefined, location);
  }
  return r;
}

function integer(n: unknown, location: string): number {
  if (typeof n !== "number" || !Number.isInteger(n)) throw simError("InvalidArgument", undefined, location);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Collections

/** Base of the collection proxies: `items` after load("items/...") and sync. */
abstract class SimCollection<T extends SimObject> extends SimObject {
  protected _items: T[] | undefined = undefined;

  /** Model items at sync time, as proxies. */
  protected abstract _currentItems(): T[];

  get items(): T[] {
    if (this._items === undefined) {
      if (this._isNull === true) return [];
      return this._get<T[]>("items");
    }
    return this._items;
  }

  protected get _scalarNames(): readonly string[] {
    return [];
  }

  protected _resolve(): unknown {
    return true;
  }

  protected _read(): unknown {
    return undefined;
  }

  _snapshot(spec: LoadSpec): () => void {
    // "items/name" and plain "name" both mean the items' properties
    const itemSpec: LoadSpec = spec.nav.get("items") ?? emptySpec(spec.all);
    for (const p of spec.props) {
      if (p === "items") itemSpec.all = true;
      else itemSpec.props.add(p);
    }
    for (const [name, sub] of spec.nav) if (name !== "items") itemSpec.nav.set(name, sub);
    if (!spec.all && spec.props.size === 0 && spec.nav.size === 0) itemSpec.all = true;
    let items = this._currentItems();
    const skip = spec.skip ?? 0;
    items = items.slice(skip, spec.top !== undefined ? skip + spec.top : undefined);
    const commits = items.map((item) => item._snapshot(itemSpec));
    return () => {
      this._isNull = false;
      this._items = items;
      commits.forEach((c) => c());
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, Application, Runtime

export class SimApplication extends SimObject {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "Application";
  }
  protected get _scalarNames() {
    return ["calculationMode"];
  }
  protected _resolve() {
    return true;
  }
  protected _read(_t: unknown, prop: string) {
    return prop === "calculationMode" ? "Automatic" : undefined;
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  /** ExcelApi 1.6. Recorded in host.calculationSuspensions; the simulator recalculates anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._enqueueOp("Application.suspendApiCalculationUntilNextSync", "call", false, () => {
      this.context._host.calculationSuspensions += 1;
    });
  }
  /** ExcelApi 1.9. Recorded in host.screenUpdatingSuspensions. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._enqueueOp("Application.suspendScreenUpdatingUntilNextSync", "call", false, () => {
      this.context._host.screenUpdatingSuspensions += 1;
    });
  }
  calculate(_calculationType?: string): void {
    this._enqueueOp("Application.calculate", "call", false, () => model(this.context).markDirty());
  }
}

export class SimRuntime extends SimObject {
  constructor(context: SimRequestContext) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "Runtime";
  }
  protected get _scalarNames() {
    return ["enableEvents"];
  }
  protected _resolve() {
    return true;
  }
  protected _read(_t: unknown, prop: string) {
    return prop === "enableEvents" ? this.context._host.eventsEnabled : undefined;
  }
  get enableEvents(): boolean {
    return this._get("enableEvents");
  }
  /** ExcelApi 1.8. */
  set enableEvents(v: boolean) {
    this._setProp("enableEvents", v, () => {
      this.context._host.eventsEnabled = bool(v, "Runtime.enableEvents");
    });
  }
}

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
    return ["name", "readOnly"];
  }
  protected _resolve() {
    return true;
  }
  protected _read(_t: unknown, prop: string) {
    return prop === "name" ? this.context._host.workbookName : false;
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
  get readOnly(): boolean {
    return this._get("readOnly");
  }
  /** The selection of the active sheet. */
  getSelectedRange(): SimRange {
    const wb = model(this.context);
    return this._child(
      new SimRange(this.context, () => {
        const s = wb.activeSheet();
        return { sheet: s, rect: { ...s.selection } };
      }),
      "getSelectedRange",
    );
  }
  /** ExcelApi 1.7: the top-left cell of the selection. */
  getActiveCell(): SimRange {
    const wb = model(this.context);
    return this._child(
      new SimRange(this.context, () => {
        const s = wb.activeSheet();
        return { sheet: s, rect: { r1: s.selection.r1, c1: s.selection.c1, r2: s.selection.r1, c2: s.selection.c1 } };
      }),
      "getActiveCell",
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

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

  getActiveWorksheet(): SimWorksheet {
    const wb = model(this.context);
    let id: string | undefined;
    return this._child(
      new SimWorksheet(this.context, () => {
        if (id === undefined) id = wb.activeSheet().id;
        const s = wb.sheetById(id);
        if (!s) throw simError("ItemNotFound", undefined, "WorksheetCollection.getActiveWorksheet");
        return s;
      }),
      "getActiveWorksheet",
    );
  }

  /** ExcelApi 1.5. */
  getFirst(visibleOnly = false): SimWorksheet {
    return this._pick("getFirst", (list) => list[0], visibleOnly);
  }

  /** ExcelApi 1.5. */
  getLast(visibleOnly = false): SimWorksheet {
    return this._pick("getLast", (list) => list[list.length - 1], visibleOnly);
  }

  private _pick(name: string, pick: (list: SimSheet[]) => SimSheet | undefined, visibleOnly: boolean): SimWorksheet {
    const wb = model(this.context);
    let id: string | undefined;
    return this._child(
      new SimWorksheet(this.context, () => {
        if (id === undefined) {
          const s = pick(wb.sheets.filter((x) => !visibleOnly || x.visibility === "Visible"));
          if (!s) throw simError("ItemNotFound", undefined, `WorksheetCollection.${name}`);
          id = s.id;
        }
        const s = wb.sheetById(id);
        if (!s) throw simError("ItemNotFound", undefined, `WorksheetCollection.${name}`);
        return s;
      }),
      name,
    );
  }

  /** ExcelApi 1.4. */
  getCount(visibleOnly = false): SimClientResult<number> {
    const wb = model(this.context);
    return new SimClientResult(this, "WorksheetCollection.getCount", () => wb.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
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
    return ["name", "id", "position", "visibility", "tabColor", "showGridlines"];
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
      case "showGridlines":
        return s.showGridlines;
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
  /** ExcelApi 1.8. */
  get showGridlines(): boolean {
    return this._get("showGridlines");
  }
  set showGridlines(v: boolean) {
    this._setProp<SimSheet>("showGridlines", v, (s) => {
      s.showGridlines = bool(v, "Worksheet.showGridlines");
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

  getCell(row: number, column: number): SimRange {
    return this._rangeOf("getCell", () => {
      const r = integer(row, "Worksheet.getCell");
      const c = integer(column, "Worksheet.getCell");
      return checkRect({ r1: r, c1: c, r2: r, c2: c }, "Worksheet.getCell");
    });
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimRange {
    return this._rangeOf("getRangeByIndexes", () => {
      const loc = "Worksheet.getRangeByIndexes";
      const r = integer(startRow, loc);
      const c = integer(startColumn, loc);
      const rc = integer(rowCount, loc);
      const cc = integer(columnCount, loc);
      if (rc < 1 || cc < 1) throw simError("InvalidArgument", undefined, loc);
      return checkRect({ r1: r, c1: c, r2: r + rc - 1, c2: c + cc - 1 }, loc);
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

export class SimWorksheetProtection extends SimObject {
  constructor(
    context: SimRequestContext,
    private readonly _resolver: SheetResolver,
  ) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "WorksheetProtection";
  }
  protected get _scalarNames() {
    return ["protected", "options"];
  }
  protected _resolve() {
    return this._resolver();
  }
  protected _read(target: unknown, prop: string): unknown {
    const s = target as SimSheet;
    if (prop === "protected") return s.protected;
    return protectionOptions(s);
  }
  /** ExcelApi 1.2. */
  get protected(): boolean {
    return this._get("protected");
  }
  get options(): Record<string, boolean | string> {
    return this._get("options");
  }
  /** Protects the sheet (fails when it is already protected). */
  protect(options?: Record<string, boolean | string>, password?: string): void {
    this._write<SimSheet>(
      "WorksheetProtection.protect",
      (s) => {
        if (s.protected) throw simError("InvalidOperation", "The worksheet is already protected.", "WorksheetProtection.protect");
        s.protected = true;
        s.protectionOptions = { ...(options ?? {}) };
        s.protectionPassword = password ?? null;
      },
      password === undefined ? [] : ["password"],
    );
  }
  unprotect(password?: string): void {
    this._write<SimSheet>(
      "WorksheetProtection.unprotect",
      (s) => {
        if (!s.protected) return;
        if (s.protectionPassword !== null && s.protectionPassword !== password) {
          throw simError("InvalidArgument", "The password you supplied is not correct.", "WorksheetProtection.unprotect");
        }
        s.protected = false;
        s.protectionOptions = {};
        s.protectionPassword = null;
      },
      password === undefined ? [] : ["password"],
    );
  }
}

function protectionOptions(s: SimSheet): Record<string, boolean | string> {
  const keys = [
    "allowAutoFilter",
    "allowDeleteColumns",
    "allowDeleteRows",
    "allowEditObjects",
    "allowEditScenarios",
    "allowFormatCells",
    "allowFormatColumns",
    "allowFormatRows",
    "allowInsertColumns",
    "allowInsertHyperlinks",
    "allowInsertRows",
    "allowPivotTables",
    "allowSort",
  ];
  const out: Record<string, boolean | string> = {};
  for (const k of keys) out[k] = s.protectionOptions[k] === true;
  out.selectionMode = typeof s.protectionOptions.selectionMode === "string" ? s.protectionOptions.selectionMode : "Normal";
  return out;
}

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

// ---------------------------------------------------------------------------------------------
// Range

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

/** The common value of a format property over a range, or null when cells differ (as Excel returns). */
function uniform<T>(t: RangeTarget, get: (f: SimCellFormat) => T): T | null {
  const { sheet, rect } = t;
  const seen: string[] = [];
  let first: T | undefined;
  const consider = (f: SimCellFormat): boolean => {
    const v = get(f);
    const k = JSON.stringify(v);
    if (seen.length === 0) {
      first = v;
      seen.push(k);
      return true;
    }
    return k === seen[0];
  };
  if (rectCellCount(rect) <= 100_000) {
    for (let row = rect.r1; row <= rect.r2; row++) {
      for (let col = rect.c1; col <= rect.c2; col++) if (!consider(sheet.cellAt(row, col))) return null;
    }
    return first as T;
  }
  for (const [, , c] of sheet.cellsIn(rect)) if (!consider(c)) return null;
  for (let col = rect.c1; col <= Math.min(rect.c2, rect.c1 + MAX_COLUMNS); col++) if (!consider(sheet.baseFormat(rect.r1, col))) return null;
  for (const row of sheet.rowFormats.keys()) if (row >= rect.r1 && row <= rect.r2 && !consider(sheet.baseFormat(row, rect.c1))) return null;
  return first as T;
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

// ---------------------------------------------------------------------------------------------
// Range format

const H_ALIGN = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];
const V_ALIGN = ["Top", "Center", "Bottom", "Justify", "Distributed"];

abstract class SimRangePart extends SimObject {
  constructor(
    context: SimRequestContext,
    protected readonly _range: SimRange,
  ) {
    super(context);
  }
  protected _resolve(): RangeTarget | null {
    return this._range._target();
  }
  protected _format(location: string, patch: () => FormatPatch): void {
    this._write<RangeTarget>(location, (t) => model(this.context).applyFormat(t.sheet, t.rect, patch(), location));
  }
}

export class SimRangeFormat extends SimRangePart {
  readonly fill: SimRangeFill;
  readonly font: SimRangeFont;
  readonly borders: SimRangeBorderCollection;

  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    this.fill = this._child(new SimRangeFill(context, range), "fill");
    this.font = this._child(new SimRangeFont(context, range), "font");
    this.borders = this._child(new SimRangeBorderCollection(context, range), "borders");
    seal(this);
  }
  protected get _typeName() {
    return "RangeFormat";
  }
  protected get _scalarNames() {
    return ["columnWidth", "rowHeight", "wrapText", "horizontalAlignment", "verticalAlignment"];
  }
  protected _navigation(name: string): SimObject | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "borders") return this.borders;
    return undefined;
  }
  protected _read(target: unknown, prop: string): unknown {
    const t = target as RangeTarget;
    const { sheet, rect } = t;
    switch (prop) {
      case "columnWidth": {
        const widths = new Set<number>();
        for (let c = rect.c1; c <= rect.c2 && widths.size < 2; c++) widths.add(sheet.columnWidth(c));
        return widths.size === 1 ? [...widths][0] : null;
      }
      case "rowHeight": {
        const heights = new Set<number>();
        const rows = rect.r2 - rect.r1 + 1;
        let explicit = 0;
        for (const [r, h] of sheet.rowHeights) {
          if (r >= rect.r1 && r <= rect.r2) {
            heights.add(h);
            explicit++;
          }
        }
        if (explicit < rows) heights.add(sheet.rowHeight(-1));
        return heights.size === 1 ? [...heights][0] : null;
      }
      case "wrapText":
        return uniform(t, (f) => f.wrap);
      case "horizontalAlignment":
        return uniform(t, (f) => f.hAlign);
      case "verticalAlignment":
        return uniform(t, (f) => f.vAlign);
    }
    return undefined;
  }
  /** Points; null when the columns differ. ExcelApi 1.2. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(v: number) {
    this._setProp<RangeTarget>("columnWidth", v, (t) => model(this.context).setColumnWidth(t.sheet, t.rect, v, "RangeFormat.columnWidth"));
  }
  /** Points; null when the rows differ. ExcelApi 1.2. */
  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(v: number) {
    this._setProp<RangeTarget>("rowHeight", v, (t) => model(this.context).setRowHeight(t.sheet, t.rect, v, "RangeFormat.rowHeight"));
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(v: boolean) {
    this._values.wrapText = v;
    this._format("RangeFormat.wrapText", () => ({ wrap: bool(v, "RangeFormat.wrapText") }));
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(v: string) {
    this._values.horizontalAlignment = v;
    this._format("RangeFormat.horizontalAlignment", () => ({ hAlign: oneOf(v, H_ALIGN, "RangeFormat.horizontalAlignment") }));
  }
  get verticalAlignment(): string {
    return this._get("verticalAlignment");
  }
  set verticalAlignment(v: string) {
    this._values.verticalAlignment = v;
    this._format("RangeFormat.verticalAlignment", () => ({ vAlign: oneOf(v, V_ALIGN, "RangeFormat.verticalAlignment") }));
  }
  /** ExcelApi 1.2: width from the longest text (approximation). */
  autofitColumns(): void {
    this._write<RangeTarget>("RangeFormat.autofitColumns", (t) => {
      const wb = model(this.context);
      wb.ensureCalculated();
      wb.autofitColumns(
        t.sheet,
        t.rect,
        (r, c) => {
          const cell = t.sheet.cellAt(r, c);
          return formatValue(cell.value, cell.numberFormat);
        },
        "RangeFormat.autofitColumns",
      );
    });
  }
  /** ExcelApi 1.2: back to the default height. */
  autofitRows(): void {
    this._write<RangeTarget>("RangeFormat.autofitRows", (t) => model(this.context).autofitRows(t.sheet, t.rect, "RangeFormat.autofitRows"));
  }
}

export class SimRangeFill extends SimRangePart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "RangeFill";
  }
  protected get _scalarNames() {
    return ["color"];
  }
  protected _read(target: unknown): unknown {
    // Excel reads "#FFFFFF" for a cell without fill
    return uniform(target as RangeTarget, (f) => f.fill ?? "#FFFFFF");
  }
  /** "#RRGGBB"; "#FFFFFF" when there is no fill; null when cells differ. */
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._values.color = v;
    this._format("RangeFill.color", () => ({ fill: color(v, "RangeFill.color") }));
  }
  /** Removes the fill. */
  clear(): void {
    this._format("RangeFill.clear", () => ({ fill: null }));
  }
}

const UNDERLINE = ["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"];

export class SimRangeFont extends SimRangePart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "RangeFont";
  }
  protected get _scalarNames() {
    return ["bold", "italic", "color", "size", "name", "underline", "strikethrough"];
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
  get underline(): string {
    return this._get("underline");
  }
  set underline(v: string) {
    this._font("underline", v, () => ({ underline: oneOf(v, UNDERLINE, "RangeFont.underline") }));
  }
  get strikethrough(): boolean {
    return this._get("strikethrough");
  }
  set strikethrough(v: boolean) {
    this._font("strikethrough", v, () => ({ strikethrough: bool(v, "RangeFont.strikethrough") }));
  }
}

const BORDER_INDEX = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];
const BORDER_STYLE = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];
const BORDER_WEIGHT = ["Hairline", "Thin", "Medium", "Thick"];

export class SimRangeBorderCollection extends SimCollection<SimRangeBorder> {
  constructor(
    context: SimRequestContext,
    private readonly _range: SimRange,
  ) {
    super(context);
    seal(this);
  }
  protected get _typeName() {
    return "RangeBorderCollection";
  }
  protected _currentItems(): SimRangeBorder[] {
    return BORDER_INDEX.map((i) => this._child(new SimRangeBorder(this.context, this._range, i), "items"));
  }
  /** Excel.BorderIndex: "EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp". */
  getItem(index: string): SimRangeBorder {
    return this._child(new SimRangeBorder(this.context, this._range, index), "getItem");
  }
}

export class SimRangeBorder extends SimRangePart {
  constructor(
    context: SimRequestContext,
    range: SimRange,
    private readonly _index: string,
  ) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "RangeBorder";
  }
  protected get _scalarNames() {
    return ["style", "color", "weight", "sideIndex"];
  }
  protected _resolve(): RangeTarget | null {
    if (!BORDER_INDEX.includes(this._index)) throw simError("InvalidArgument", undefined, "RangeBorderCollection.getItem");
    return super._resolve();
  }
  protected _read(target: unknown, prop: string): unknown {
    if (prop === "sideIndex") return this._index;
    const t = target as RangeTarget;
    const b = model(this.context).getBorder(t.sheet, t.rect, this._index);
    return b === null ? null : b[prop as keyof SimBorder];
  }
  private _border(prop: keyof SimBorder, v: unknown, check: () => string): void {
    this._values[prop] = v;
    const location = `RangeBorder.${prop}`;
    this._write<RangeTarget>(location, (t) => {
      if (!BORDER_INDEX.includes(this._index)) throw simError("InvalidArgument", undefined, "RangeBorderCollection.getItem");
      model(this.context).setBorder(t.sheet, t.rect, this._index, { [prop]: check() }, location);
    });
  }
  get sideIndex(): string {
    return this._get("sideIndex");
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._border("style", v, () => oneOf(v, BORDER_STYLE, "RangeBorder.style"));
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    this._border("color", v, () => color(v, "RangeBorder.color"));
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(v: string) {
    this._border("weight", v, () => oneOf(v, BORDER_WEIGHT, "RangeBorder.weight"));
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation (ExcelApi 1.8)

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  list: "List",
  date: "Date",
  time: "Time",
  textLength: "TextLength",
  custom: "Custom",
};

function ruleType(rule: SimValidationRule | null): string {
  if (!rule) return "None";
  const k = Object.keys(rule)[0];
  return RULE_TYPES[k] ?? "None";
}

export class SimDataValidation extends SimRangePart {
  constructor(context: SimRequestContext, range: SimRange) {
    super(context, range);
    seal(this);
  }
  protected get _typeName() {
    return "DataValidation";
  }
  protected get _scalarNames() {
    return ["rule", "type", "errorAlert", "prompt", "ignoreBlanks", "valid"];
  }
  protected _read(target: unknown, prop: string): unknown {
    const { sheet, rect } = target as RangeTarget;
    const wb = model(this.context);
    const entries = wb.validationsIn(sheet, rect);
    const covered = entries.reduce((n, v) => n + rectCellCount(intersect(v.rect, rect)!), 0);
    const full = covered === rectCellCount(rect);
    const key = (v: SimValidation) => JSON.stringify([v.rule, v.errorAlert, v.prompt, v.ignoreBlanks]);
    const consistent = entries.length > 0 && entries.every((v) => key(v) === key(entries[0]));
    const one = full && consistent ? entries[0] : undefined;
    switch (prop) {
      case "type":
        if (entries.length === 0) return "None";
        if (!full) return "MixedCriteria";
        return one ? ruleType(one.rule) : "Inconsistent";
      case "rule":
        if (entries.length === 0) return {};
        return one ? (one.rule ? JSON.parse(JSON.stringify(one.rule)) : {}) : null;
      case "errorAlert":
        if (entries.length === 0) return { ...DEFAULT_ERROR_ALERT };
        return one ? { ...one.errorAlert } : null;
      case "prompt":
        if (entries.length === 0) return { ...DEFAULT_PROMPT };
        return one ? { ...one.prompt } : null;
      case "ignoreBlanks":
        if (entries.length === 0) return true;
        return one ? one.ignoreBlanks : null;
      case "valid": {
        wb.ensureCalculated();
        for (const v of entries) {
          const part = intersect(v.rect, rect)!;
          if (rectCellCount(part) <= 100_000) {
            for (let r = part.r1; r <= part.r2; r++) {
              for (let c = part.c1; c <= part.c2; c++) if (!wb.satisfies(sheet, v, sheet.getStoredCell(r, c)?.value ?? null)) return false;
            }
          } else {
            for (const [r, c, cell] of sheet.cellsIn(part)) if (containsCell(part, r, c) && !wb.satisfies(sheet, v, cell.value)) return false;
          }
        }
        return true;
      }
    }
    return undefined;
  }

  get type(): string {
    return this._get("type");
  }
  get valid(): boolean {
    return this._get("valid");
  }
  get rule(): unknown {
    return this._get("rule");
  }
  /** { wholeNumber | decimal | textLength | date | time: { formula1, formula2?, operator } } | { list: { inCellDropDown, source } } | { custom: { formula } }. */
  set rule(v: unknown) {
    this._values.rule = v;
    this._write<RangeTarget>("DataValidation.rule", (t) => {
      const rule = normalizeRule(v, t.sheet);
      model(this.context).patchValidation(t.sheet, t.rect, { rule }, "DataValidation.rule");
    });
  }
  get errorAlert(): unknown {
    return this._get("errorAlert");
  }
  set errorAlert(v: unknown) {
    this._values.errorAlert = v;
    this._write<RangeTarget>("DataValidation.errorAlert", (t) => {
      if (typeof v !== "object" || v === null) throw simError("InvalidArgument", undefined, "DataValidation.errorAlert");
      const a = { ...DEFAULT_ERROR_ALERT, ...(v as object) };
      oneOf(a.style, ["Stop", "Warning", "Information"], "DataValidation.errorAlert");
      model(this.context).patchValidation(t.sheet, t.rect, { errorAlert: a }, "DataValidation.errorAlert");
    });
  }
  get prompt(): unknown {
    return this._get("prompt");
  }
  set prompt(v: unknown) {
    this._values.prompt = v;
    this._write<RangeTarget>("DataValidation.prompt", (t) => {
      if (typeof v !== "object" || v === null) throw simError("InvalidArgument", undefined, "DataValidation.prompt");
      model(this.context).patchValidation(t.sheet, t.rect, { prompt: { ...DEFAULT_PROMPT, ...(v as object) } }, "DataValidation.prompt");
    });
  }
  get ignoreBlanks(): boolean {
    return this._get("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this._setProp<RangeTarget>("ignoreBlanks", v, (t) =>
      model(this.context).patchValidation(t.sheet, t.rect, { ignoreBlanks: bool(v, "DataValidation.ignoreBlanks") }, "DataValidation.ignoreBlanks"),
    );
  }
  clear(): void {
    this._write<RangeTarget>("DataValidation.clear", (t) => model(this.context).clearValidation(t.sheet, t.rect, "DataValidation.clear"));
  }
}

/** Excel returns rule formulas as strings starting with "=" ("=0", "=A1"). */
function ruleFormula(v: unknown, own: SimSheet, location: string): string {
  if (typeof v === "number" && Number.isFinite(v)) return `=${v}`;
  if (typeof v === "string" && v.trim() !== "") return v.startsWith("=") ? v : `=${v}`;
  if (v instanceof SimRange) {
    const t = v._target();
    if (!t) throw simError("InvalidArgument", undefined, location);
    return `=${t.sheet === own ? formatRect(t.rect, true) : absoluteReference(t.sheet.name, t.rect)}`;
  }
  throw simError("InvalidArgument", undefined, location);
}

function normalizeRule(v: unknown, own: SimSheet): SimValidationRule {
  const loc = "DataValidation.rule";
  if (typeof v !== "object" || v === null) throw simError("InvalidArgument", undefined, loc);
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !(keys[0] in RULE_TYPES)) throw simError("InvalidArgument", undefined, loc);
  const k = keys[0] as keyof SimValidationRule;
  const body = (v as Record<string, Record<string, unknown>>)[k];
  if (typeof body !== "object" || body === null) throw simError("InvalidArgument", undefined, loc);
  if (k === "list") {
    const src = body.source;
    const source = src instanceof SimRange ? ruleFormula(src, own, loc) : typeof src === "string" ? src : null;
    if (source === null) throw simError("InvalidArgument", undefined, loc);
    return { list: { inCellDropDown: body.inCellDropDown !== false, source } };
  }
  if (k === "custom") {
    if (typeof body.formula !== "string") throw simError("InvalidArgument", undefined, loc);
    return { custom: { formula: ruleFormula(body.formula, own, loc) } };
  }
  const operator = oneOf(body.operator, OPERATORS, loc);
  const out: { formula1: string; formula2?: string; operator: string } = { formula1: ruleFormula(body.formula1, own, loc), operator };
  if (operator === "Between" || operator === "NotBetween") out.formula2 = ruleFormula(body.formula2, own, loc);
  else if (body.formula2 !== undefined) out.formula2 = ruleFormula(body.formula2, own, loc);
  return { [k]: out } as SimValidationRule;
}

// ---------------------------------------------------------------------------------------------
// Defined names (workbook scope)

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
  /** ExcelApi 1.4. */
  getCount(): SimClientResult<number> {
    const wb = model(this.context);
    return new SimClientResult(this, "NamedItemCollection.getCount", () => wb.names.length);
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
    return ["name", "type", "value", "visible", "comment", "formula", "scope"];
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
      case "visible":
        return n.visible;
      case "comment":
        return n.comment;
      case "formula":
        return n.formula;
      case "scope":
        return "Workbook";
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
  get scope(): string {
    return this._get("scope");
  }
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._setProp<SimName>("visible", v, (n) => {
      n.visible = bool(v, "NamedItem.visible");
    });
  }
  /** ExcelApi 1.4. */
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._setProp<SimName>("comment", v, (n) => {
      if (typeof v !== "string") throw simError("InvalidArgument", undefined, "NamedItem.comment");
      n.comment = v;
    });
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
  /** ExcelApi 1.4: a null object when the name does not refer to one range. */
  getRangeOrNullObject(): SimRange {
    const wb = model(this.context);
    const r = this._child(
      new SimRange(this.context, () => {
        const n = this._resolver();
        return n === null ? null : wb.nameTarget(n);
      }),
      "getRangeOrNullObject",
    );
    r._checkNull("NamedItem.getRangeOrNullObject");
    return r;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook settings (ExcelApi 1.4): key/value pairs saved with the workbook

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
