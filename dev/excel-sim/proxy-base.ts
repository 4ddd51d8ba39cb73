/**
 * The proxy machinery shared by every simulated office.js object: queued operations,
 * load(...) in its string / array / options forms, load-before-read, null objects,
 * ClientResult.
 */
import { requirementOf, splitLocation, type ApiRequirement, type MemberUse } from "./api-sets";
import type { SimRequestContext } from "./context";
import { SimOfficeError, propertyNotLoaded, simError } from "./errors";

/** One queued command. `run` executes it against the model at sync time; a load returns a commit. */
export interface SimOp {
  /** "Range.values", "WorksheetCollection.add": for errors and the log. */
  location: string;
  /**
   * Requirement sets the command needs (from api-sets.json): those of the members that led to
   * the object (worksheet.freezePanes …) and of the member itself. Checked at sync.
   */
  requires?: readonly ApiRequirement[];
  /** Shorthand for a fake's command: `requires` [{ set: "ExcelApi", version: api }]. */
  api?: string;
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

/** What a host's requirement sets answer (SimRequirementSets). */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The first requirement the host lacks, or undefined. */
export function missingRequirement(sets: RequirementChecker, requires: readonly ApiRequirement[]): ApiRequirement | undefined {
  return requires.find((r) => !sets.isSetSupported(r.set, r.version));
}

/** How a proxy was reached: the member of its parent (a navigation property or a method). */
export interface SimOrigin {
  /** undefined for a member of the RequestContext itself (context.runtime) */
  parent?: SimObject;
  /** the class that has `member` ("Worksheet") */
  type: string;
  member: string;
  /** optional parameters passed, when they have a newer set than the member ("valuesOnly") */
  params?: readonly string[];
}

/** Base of every simulated proxy object. */
export abstract class SimObject {
  /** @internal how this proxy was reached (set by its creator through `_child`). */
  _origin: SimOrigin | undefined = undefined;
  private _pathCache: readonly ApiRequirement[] | undefined = undefined;

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

  /** @internal marks `child` as reached from this object through `member`; returns it. */
  _child<T extends SimObject>(child: T, member: string, params: readonly string[] = []): T {
    child._origin = { parent: this, type: this._typeName, member, params };
    child._pathCache = undefined;
    return child;
  }

  /** @internal the requirements of the members that lead to this object, from the context. */
  _pathRequirements(): readonly ApiRequirement[] {
    if (this._pathCache) return this._pathCache;
    const o = this._origin;
    const own = o ? requirementOf(o.type, o.member, "read", o.params ?? []) : [];
    const out = o?.parent ? [...o.parent._pathRequirements(), ...own] : own;
    // keep the highest version of each set
    const best = new Map<string, ApiRequirement>();
    for (const r of out) {
      const b = best.get(r.set);
      if (!b || versionNumber(r.version) > versionNumber(b.version)) best.set(r.set, r);
    }
    this._pathCache = [...best.values()];
    return this._pathCache;
  }

  /** @internal the requirements of using `member` of this object (location "Type.member" or "member"). */
  _requires(location: string, use: MemberUse, params: readonly string[] = []): ApiRequirement[] {
    const [type, member] = location.includes(".") ? splitLocation(location) : [this._typeName, location];
    return [...this._pathRequirements(), ...requirementOf(type, member, use, params)];
  }

  /** @internal queues a command on this object. */
  _enqueueOp(location: string, use: MemberUse, write: boolean, run: SimOp["run"], params: readonly string[] = []): void {
    this.context._enqueue({ location, requires: this._requires(location, use, params), write, run });
  }

  /** Whether the host has `member` of this object's class (a load of a property it lacks fails). */
  protected _supports(member: string): boolean {
    return missingRequirement(this.context._host.requirementSets, requirementOf(this._typeName, member, "read")) === undefined;
  }

  /** Throws ApiNotFound, at sync, when the host lacks `member` of this object's class. */
  protected _assertSupported(member: string): void {
    if (!this._supports(member)) throw simError("ApiNotFound", undefined, `${this._typeName}.${member}`);
  }

  /** True when the object was asked for with …OrNullObject and does not exist (after a sync). */
  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded("isNullObject", `${this._typeName}.isNullObject`);
    return this._isNull;
  }

  /** Queues a load; returns the object (as office.js does). */
  load(option?: LoadOption): this {
    const spec = parseLoadOption(option);
    // the object must exist on the host; each property asked for is checked at sync (_snapshot)
    this.context._enqueue({
      location: `${this._typeName}.load`,
      requires: this._pathRequirements(),
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
    // load() with no selection: the properties this host has (a newer one stays not loaded)
    const scalars = spec.all ? this._scalarNames.filter((p) => this._supports(p)) : [];
    for (const p of spec.props) {
      if (this._scalarNames.includes(p)) {
        this._assertSupported(p);
        scalars.push(p);
        continue;
      }
      const nav = this._navigation(p);
      if (nav) {
        this._assertSupported(p);
        commits.push(nav._snapshot(emptySpec(true)));
        continue;
      }
      throw simError("InvalidArgument", `excel-sim: ${this._typeName} has no property '${p}' (unknown, or not simulated).`, `${this._typeName}.load`);
    }
    for (const p of scalars) values[p] = this._read(target, p);
    for (const [name, sub] of spec.nav) {
      const nav = this._navigation(name);
      if (!nav)
        throw simError(
          "InvalidArgument",
          `excel-sim: ${this._typeName} has no navigation property '${name}' (unknown, or not simulated).`,
          `${this._typeName}.load`,
        );
      this._assertSupported(name);
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
  protected _write<T>(location: string, apply: (target: T) => void, params: readonly string[] = []): void {
    this._enqueueOp(
      location,
      "write",
      true,
      () => {
        const t = this._resolve();
        if (t === null) return;
        apply(t as T);
      },
      params,
    );
  }

  /** Sets a scalar property: remembered locally (office.js does the same) and queued. */
  protected _setProp<T>(prop: string, value: unknown, apply: (target: T) => void): void {
    this._values[prop] = value;
    this._write(`${this._typeName}.${prop}`, apply);
  }

  /** Queues the resolution of a …OrNullObject proxy so that isNullObject is known after the next sync. */
  protected _queueNullCheck(location: string): void {
    this.context._enqueue({
      location,
      requires: this._pathRequirements(),
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

function versionNumber(v: string): number {
  const [a, b] = v.split(".").map((x) => Number(x) || 0);
  return a * 1000 + (b ?? 0);
}

/** office.js's ClientResult<T>: `value` is available after the sync. */
export class SimClientResult<T> {
  private _value: T | undefined;
  private _loaded = false;

  /** `owner.member` (location "Type.member") computed at sync. */
  constructor(owner: SimObject, location: string, compute: () => T, params: readonly string[] = []) {
    owner._enqueueOp(
      location,
      "call",
      false,
      () => {
        const v = compute();
        return () => {
          this._value = v;
          this._loaded = true;
        };
      },
      params,
    );
  }

  get value(): T {
    if (!this._loaded) throw new SimOfficeError("ValueNotLoaded", undefined, "ClientResult.value");
    return this._value as T;
  }
}
