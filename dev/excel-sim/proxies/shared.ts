/**
 * What the proxies share: argument checks, the model behind a context, the collection base
 * (`items` after load and sync) and the base of the parts of a range (format, fill, font …).
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, rectCellCount } from "../address";
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { FormatPatch, SimCellFormat, SimSheet, SimWorkbook } from "../model";
import { emptySpec, LoadSpec, SimObject } from "../proxy-base";
import { normalizeColor } from "../values";
import type { SimRange } from "./range";

export interface RangeTarget {
  sheet: SimSheet;
  rect: Rect;
}

export type SheetResolver = () => SimSheet | null;
export type RangeResolver = () => RangeTarget | null;

export const WHOLE_SHEET: Rect = { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLUMNS - 1 };

export function model(ctx: SimRequestContext): SimWorkbook {
  return ctx._host.workbook;
}

export function seal(o: object): void {
  Object.preventExtensions(o);
}

export function oneOf(value: unknown, allowed: readonly string[], location: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw simError("InvalidArgument", undefined, location);
  return value;
}

export function bool(value: unknown, location: string): boolean {
  if (typeof value !== "boolean") throw simError("InvalidArgument", undefined, location);
  return value;
}

export function color(value: unknown, location: string): string {
  const c = normalizeColor(value);
  if (!c) throw simError("InvalidArgument", undefined, location);
  return c;
}

export function integer(n: unknown, location: string): number {
  if (typeof n !== "number" || !Number.isInteger(n)) throw simError("InvalidArgument", undefined, location);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Collections

/** Base of the collection proxies: `items` after load("items/...") and sync. */
export abstract class SimCollection<T extends SimObject> extends SimObject {
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

/** The common value of a format property over a range, or null when cells differ (as Excel returns). */
export function uniform<T>(t: RangeTarget, get: (f: SimCellFormat) => T): T | null {
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

export abstract class SimRangePart extends SimObject {
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
