/**
 * The proxy machinery shared by every simulated office.js object: queued operations,
 * load(...) in its string / array / options forms, load-before-read, null objects,
 * ClientResult.
 */
import type { SimRequestContext } from "./context";
import { SimOfficeError, propertyNotLoaded, simError } from "./errors";

/** One queued command. `run` executes it against the model at sync time; a load returns a commit. */
export interface SimOp {
  /** "Range.values", "WorksheetCollection.add": for errors and the log. */
  location: string;
  /** Lowest ExcelApi requirement set that has this member ("1.1", "1.4" …). */
  api: string;
  /** Whether it changes the workbook. */
  write: boolean;
  run(): (() => void) | void;
}

/** What a load(...) call asks for: scalar properties, and sub-loads of navigation properties. */
export interface LoadSpec {
  all: boolean;
  props: Set<string>;
  nav: Map<string, LoadSpec>;
  top?: number;
  skip?: number;
}

export function emptySpec(all = false): LoadSpec {
  return { all, props: new Set(), nav: new Map() };
}

function addPath(spec: LoadSpec, path: string): void {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) return;
  if (parts.length === 1) {
    spec.props.add(parts[0]);
    return;
  }
  let child = spec.nav.get(parts[0]);
  if (!child) {
    child = emptySpec();
    spec.nav.set(parts[0], child);
  }
  addPath(child, parts.slice(1).join("/"));
}

export type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number } | undefined;

/** Parses `load()`, `load("a, b/c")`, `load(["a", "b"])`, `load({ select, expand, top, skip })`. */
export function parseLoadOption(option: LoadOption): LoadSpec {
  if (option === undefined || option === null) return emptySpec(true);
  const spec = emptySpec();
  const addList = (list: string | string[] | undefined) => {
    if (list === undefined) return;
    const items = Array.isArray(list) ? list : list.split(",");
    for (const item of items) {
      if (typeof item !== "string") throw simError("InvalidArgument", undefined, "load");
      addPath(spec, item);
    }
  };
  if (typeof option === "string" || Array.isArray(option)) {
    addList(option);
  } else if (typeof option === "object") {
    addList(option.select);
    if (option.expand !== undefined) {
      const items = Array.isArray(option.expand) ? option.expand : option.expand.split(",");
      for (const e of items) {
        const path = e.trim();
        if (!path) continue;
        // an expanded navigation property loads all its scalar properties
        const parts = path.split("/");
        let s = spec;
        for (const p of parts) {
          let child = s.nav.get(p);
          if (!child) {
            child = emptySpec();
            s.nav.set(p, child);
          }
          s = child;
        }
        s.all = true;
      }
    }
    if (option.select === undefined && option.expand === undefined) spec.all = true;
    if (typeof option.top === "number") spec.top = option.top;
    if (typeof option.skip === "number") spec.skip = option.skip;
  } else {
    throw simError("InvalidArgument", undefined, "load");
  }
  return spec;
}

/** Base of every simulated proxy object. */
export abstract class SimObject {
  /** Loaded (or locally set) scalar values. */
  protected _values: Record<string, unknown> = {};
  /** undefined until a sync told us; true for a null object (…OrNullObject that found nothing). */
  protected _isNull: boolean | undefined = undefined;

  constructor(readonly context: SimRequestContext) {}

  /** The office.js type name ("Range", "Worksheet" …), used in messages. */
  protected abstract get _typeName(): string;
  /** Scalar properties a load can read. */
  protected abstract get _scalarNames(): readonly string[];
  /** Resolves the model object this proxy stands for (throws ItemNotFound …); null for a null object. */
  protected abstract _resolve(): unknown;
  /** Reads one scalar property from the resolved target. */
  protected abstract _read(target: unknown, prop: string): unknown;
  /** Navigation properties that a load path may go through. */
  protected _navigation(_name: string): SimObject | undefined {
    return undefined;
  }

  /** True when the object was asked for with …OrNullObject and does not exist (after a sync). */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", `${this._typeName}.isNullObject`);
    return this._isNull;
  }

  /** Queues a load; returns the object (as office.js does). */
  load(option?: LoadOption): this {
    const spec = parseLoadOption(option);
    this.context._enqueue({
      location: `${this._typeName}.load`,
      api: "1.1",
      write: false,
      run: () => this._snapshot(spec),
    });
    return this;
  }

  /** Reads the requested properties now (at sync time) and returns a commit that makes them visible. */
  _snapshot(spec: LoadSpec): () => void {
    const target = this._resolve();
    const commits: Array<() => void> = [];
    if (target === null) {
      const names = spec.all ? this._scalarNames : [...spec.props].filter((p) => this._scalarNames.includes(p));
      commits.push(() => {
        this._isNull = true;
        for (const n of names) this._values[n] = null;
      });
      return () => commits.forEach((c) => c());
    }
    const values: Record<string, unknown> = {};
    const scalars = spec.all ? [...this._scalarNames] : [];
    for (const p of spec.props) {
      if (this._scalarNames.includes(p)) {
        scalars.push(p);
        continue;
      }
      const nav = this._navigation(p);
      if (nav) {
        commits.push(nav._snapshot(emptySpec(true)));
        continue;
      }
      throw simError("InvalidArgument", `excel-sim: ${this._typeName} has no property '${p}' (unknown, or not simulated).`, `${this._typeName}.load`);
    }
    for (const p of scalars) values[p] = this._read(target, p);
    for (const [name, sub] of spec.nav) {
      const nav = this._navigation(name);
      if (!nav) throw simError("InvalidArgument", `excel-sim: ${this._typeName} has no navigation property '${name}' (unknown, or not simulated).`, `${this._typeName}.load`);
      commits.push(nav._snapshot(sub));
    }
    return () => {
      this._isNull = false;
      Object.assign(this._values, values);
      commits.forEach((c) => c());
    };
  }

  /** A scalar property's value; throws PropertyNotLoaded like office.js when not loaded and synced (or set). */
  protected _get<T>(prop: string): T {
    if (Object.prototype.hasOwnProperty.call(this._values, prop)) return this._values[prop] as T;
    if (this._isNull === true) return null as T;
    throw propertyNotLoaded(prop, `${this._typeName}.${prop}`);
  }

  /** Queues a change. The apply function receives the resolved target; nothing happens on a null object. */
  protected _write<T>(location: string, api: string, apply: (target: T) => void): void {
    this.context._enqueue({
      location,
      api,
      write: true,
      run: () => {
        const t = this._resolve();
        if (t === null) return;
        apply(t as T);
      },
    });
  }

  /** Sets a scalar property: remembered locally (office.js does the same) and queued. */
  protected _setProp<T>(prop: string, value: unknown, api: string, apply: (target: T) => void): void {
    this._values[prop] = value;
    this._write(`${this._typeName}.${prop}`, api, apply);
  }

  /** Queues the resolution of a …OrNullObject proxy so that isNullObject is known after the next sync. */
  protected _queueNullCheck(location: string, api: string): void {
    this.context._enqueue({
      location,
      api,
      write: false,
      run: () => {
        const isNull = this._resolve() === null;
        return () => {
          this._isNull = isNull;
        };
      },
    });
  }

  /** The loaded properties, as office.js's toJSON. */
  toJSON(): Record<string, unknown> {
    return { ...this._values };
  }
}

/** office.js's ClientResult<T>: `value` is available after the sync. */
export class SimClientResult<T> {
  private _value: T | undefined;
  private _loaded = false;

  constructor(context: SimRequestContext, location: string, api: string, compute: () => T) {
    context._enqueue({
      location,
      api,
      write: false,
      run: () => {
        const v = compute();
        return () => {
          this._value = v;
          this._loaded = true;
        };
      },
    });
  }

  get value(): T {
    if (!this._loaded) throw new SimOfficeError("ValueNotLoaded", undefined, "ClientResult.value");
    return this._value as T;
  }
}
