/**
 * The simulated `Excel.RequestContext`: a queue of commands that `sync()` replays in order
 * against the in-memory workbook, as one round trip.
 */
import type { SimHost } from "./host";
import { SimOfficeError, simError } from "./errors";
import type { LoadOption, SimObject, SimOp } from "./proxy-base";
import { SimApplication, SimRuntime, SimWorkbookProxy } from "./proxies";

export interface SimRunOptions {
  /** Excel.RunOptions.delayForCellEdit: wait until the user leaves cell-edit mode instead of failing. */
  delayForCellEdit?: boolean;
}

export class SimRequestContext {
  readonly workbook: SimWorkbookProxy;
  readonly application: SimApplication;
  readonly runtime: SimRuntime;
  /** No-ops: the simulator never invalidates proxies between syncs. */
  readonly trackedObjects = {
    add(_objects: unknown): void {},
    remove(_objects: unknown): void {},
  };
  requestHeaders: Record<string, string> = {};
  private _queue: SimOp[] = [];
  private _traces: string[] = [];

  constructor(
    readonly _host: SimHost,
    readonly _options: SimRunOptions = {},
  ) {
    this.workbook = new SimWorkbookProxy(this);
    this.application = this.workbook.application;
    this.runtime = new SimRuntime(this);
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
        if (!host.requirementSets.isSetSupported("ExcelApi", op.api)) {
          throw simError("ApiNotFound", undefined, op.location);
        }
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
