/**
 * The simulated `Excel.RequestContext`: a queue of commands that `sync()` replays in order
 * against the in-memory workbook, as one round trip.
 */
import type { SimHost } from "./host";
import { SimOfficeError, simError } from "./errors";
import { missingRequirement, type LoadOption, type SimObject, type SimOp } from "./proxy-base";
import { SimApplication, SimRuntime, SimWorkbookProxy } from "./proxies";

export interface SimRunOptions {
  /** Excel.RunOptions.delayForCellEdit: wait until the user leaves cell-edit mode instead of failing. */
  delayForCellEdit?: boolean;
}

export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  readonly application: SimApplication;
  readonly runtime: SimRuntime;
  /**
   * Proxies stay valid for the whole Excel.run; after it ends, a sync on the context fails with
   * InvalidObjectPath (as office.js does for objects that were not tracked) unless something
   * was added here.
   */
  readonly trackedObjects = {
    add: (_objects: unknown): void => {
      this._tracked += 1;
    },
    remove: (_objects: unknown): void => {
      this._tracked = Math.max(0, this._tracked - 1);
    },
  };
  requestHeaders: Record<string, string> = {};
  private _queue: SimOp[] = [];
  private _traces: string[] = [];
  private _tracked = 0;
  /** @internal set when the Excel.run that created this context has finished */
  _closed = false;

  constructor(
    readonly _host: SimHost,
    readonly _options: SimRunOptions = {},
  ) {
    this.workbook = new SimWorkbookProxy(this);
    this.application = this.workbook.application;
    this.runtime = new SimRuntime(this);
    this.runtime._origin = { type: "RequestContext", member: "runtime" }; // ExcelApi 1.5
    Object.preventExtensions(this);
  }

  /** @internal queues one command */
  _enqueue(op: SimOp): void {
    this._queue.push(op);
  }

  /** Number of commands waiting for the next sync. */
  get _pendingCount(): number {
    return this._queue.length;
  }

  /** context.load(object, option) is object.load(option). */
  load(object: SimObject, option?: LoadOption): void {
    object.load(option);
  }

  trace(message: string): void {
    this._traces.push(message);
  }

  /** Replays the queued commands (one round trip) and makes loaded values readable. */
  sync<T>(passThroughValue?: T): Promise<T> {
    this._host.syncCount += 1;
    return this._roundTrip().then(() => passThroughValue as T);
  }

  /** @internal the final flush of Excel.run (office.js calls ctx.sync(batchResult) after the batch). */
  _flush(): Promise<void> {
    return this._roundTrip();
  }

  private _roundTrip(): Promise<void> {
    // the batch is taken now: commands queued after this call go to the next sync
    const ops = this._queue;
    const traces = this._traces;
    this._queue = [];
    this._traces = [];
    // office.js makes no round trip when nothing is queued
    if (ops.length === 0) return Promise.resolve();
    this._host.roundTrips += 1;
    if (this._closed && this._tracked === 0) {
      return Promise.reject(
        new SimOfficeError(
          "InvalidObjectPath",
          'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
          ops[0].location,
        ),
      );
    }
    let wait: Promise<void> | undefined;
    try {
      wait = this._host._beforeRoundTrip(this._options);
    } catch (e) {
      return Promise.reject(withTraces(e, traces));
    }
    if (wait) return wait.then(() => this._execute(ops, traces));
    try {
      this._execute(ops, traces);
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(e);
    }
  }

  private _execute(ops: SimOp[], traces: string[]): void {
    const host = this._host;
    const commits: Array<() => void> = [];
    let changed = false;
    let current: SimOp | undefined;
    try {
      for (const op of ops) {
        current = op;
        // a member newer than the host: office.js's ApiNotFound, located at that member
        const requires = op.requires ?? (op.api ? [{ set: "ExcelApi", version: op.api }] : []);
        const missing = missingRequirement(host.requirementSets, requires);
        if (missing) throw simError("ApiNotFound", undefined, missing.member ?? op.location);
        const commit = op.run();
        if (commit) commits.push(commit);
        if (op.write) changed = true;
        host._log(op.location);
      }
    } catch (e) {
      if (changed) host.workbook.emit({ source: "sync" });
      if (e instanceof SimOfficeError) {
        if (current && e.debugInfo.errorLocation === undefined) e.debugInfo.errorLocation = current.location;
        if (current && e.debugInfo.statement === undefined) {
          e.debugInfo.statement = current.location;
          e.debugInfo.surroundingStatements = ops.slice(Math.max(0, ops.indexOf(current) - 2), ops.indexOf(current) + 3).map((o) => o.location);
        }
      }
      throw withTraces(e, traces);
    }
    for (const c of commits) c();
    if (changed) host.workbook.emit({ source: "sync" });
  }
}

function withTraces(e: unknown, traces: string[]): unknown {
  if (e instanceof SimOfficeError && traces.length) e.traceMessages.push(...traces);
  return e;
}
