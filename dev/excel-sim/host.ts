/// <reference types="office-js" />
/**
 * The simulated Office host: a workbook, `run` (the `Excel.run` equivalent), sync counters,
 * requirement sets, test hooks (cell-edit mode, injected failures) and the globals
 * (`Excel`, `Office`, `OfficeExtension`) for code that calls them directly.
 *
 * Plain TypeScript without Node imports: it runs in jest and in the browser sandbox.
 */
import { SimRequestContext, SimRunOptions } from "./context";
import * as Enums from "./enums";
import { OfficeExtensionErrorCodes, SimErrorCode, SimOfficeError, simError } from "./errors";
import { SimWorkbook, SimWorkbookJSON } from "./model";
import { SimObject } from "./proxy-base";

export interface SimHostOptions {
  /** Sheets of a new workbook (default ["Sheet1"]); ignored when `snapshot` is given. */
  sheets?: string[];
  /** Start from a saved workbook (SimWorkbook.toJSON()). */
  snapshot?: SimWorkbookJSON;
  /** Requirement sets the host supports (default { ExcelApi: "1.14" }, Office 2021). */
  requirementSets?: Record<string, string>;
  /** Office.context.platform / onReady's platform (default "PC"). */
  platform?: string;
  /** Workbook.name (default "Book1.xlsx"). */
  workbookName?: string;
}

/** Compares "1.14" and "1.9" as versions (1.14 is newer). */
export function compareVersions(a: string, b: string): number {
  const pa = String(a)
    .split(".")
    .map((x) => Number(x) || 0);
  const pb = String(b)
    .split(".")
    .map((x) => Number(x) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export class SimRequirementSets {
  constructor(readonly sets: Record<string, string>) {}

  /** Office.context.requirements.isSetSupported: names compare ignoring case; no version means "1.1". */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    const key = Object.keys(this.sets).find((k) => k.toLowerCase() === String(name).toLowerCase());
    if (key === undefined) return false;
    const wanted = minVersion === undefined ? "1.1" : typeof minVersion === "number" ? minVersion.toFixed(1) : minVersion;
    return compareVersions(this.sets[key], wanted) >= 0;
  }
}

/** Excel.run's overloads. */
export interface SimRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: Excel.RunOptions | SimRunOptions | object, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** An Office.AsyncResult. */
export interface SimAsyncResult<T> {
  status: "succeeded" | "failed";
  value: T;
  error?: { code: number; message: string };
}

/** An Office.File of getFileAsync. */
export interface SimFile {
  size: number;
  sliceCount: number;
  getSliceAsync(index: number, callback: (r: SimAsyncResult<{ data: number[]; index: number; size: number }>) => void): void;
  closeAsync(callback?: (r: SimAsyncResult<void>) => void): void;
}

export class SimHost {
  readonly workbook: SimWorkbook;
  /** context.sync() calls made by the code (resettable: assign 0 or call resetSyncCount()). */
  syncCount = 0;
  /** Real exchanges with the host: syncs with queued commands, including Excel.run's final flush. */
  roundTrips = 0;
  /** Excel.run calls. */
  runCount = 0;
  /** Application.suspendApiCalculationUntilNextSync calls that reached the host. */
  calculationSuspensions = 0;
  /** Runtime.enableEvents. */
  eventsEnabled = true;
  /** Every command applied, in order ("Range.values", "Worksheet.delete" …), when `logging` is on. */
  readonly log: string[] = [];
  logging = false;
  readonly requirementSets: SimRequirementSets;
  readonly platform: string;
  workbookName: string;
  /** The `Excel.run` equivalent (bound: `const { run } = host` works). */
  readonly run: SimRun;

  /**
   * The document's saved .xlsx bytes that Office.context.document.getFileAsync hands over
   * (the test gives them: the simulator does not write .xlsx); undefined makes the call fail
   * as on a host that cannot hand the file over.
   */
  documentBytes: Uint8Array | undefined;
  /** getFileAsync's files not closed yet (Office refuses a new one beyond a couple). */
  openFiles = 0;

  /** Office.context.document's file API: getFileAsync("compressed") in slices, closeAsync. */
  readonly document = {
    getFileAsync: (fileType: string, options: { sliceSize?: number } | undefined, callback: (r: SimAsyncResult<SimFile>) => void): void => {
      const bytes = this.documentBytes;
      const fail = (message: string): void =>
        void setTimeout(() => callback({ status: "failed", value: undefined as unknown as SimFile, error: { code: 5001, message } }), 0);
      if (fileType !== "compressed" || !bytes) return fail("The file could not be handed over.");
      if (this.openFiles >= 2) return fail("Too many files are open.");
      this.openFiles++;
      const sliceSize = Math.min(options?.sliceSize ?? 4194304, 4194304);
      const sliceCount = Math.max(1, Math.ceil(bytes.length / sliceSize));
      let closed = false;
      const file: SimFile = {
        size: bytes.length,
        sliceCount,
        getSliceAsync: (index, cb) => {
          const ok = !closed && index >= 0 && index < sliceCount;
          const data = ok ? Array.from(bytes.subarray(index * sliceSize, (index + 1) * sliceSize)) : [];
          setTimeout(
            () =>
              cb(
                ok
                  ? { status: "succeeded", value: { data, index, size: data.length } }
                  : { status: "failed", value: undefined as never, error: { code: 5001, message: "No such slice." } },
              ),
            0,
          );
        },
        closeAsync: (cb) => {
          if (!closed) this.openFiles--;
          closed = true;
          setTimeout(() => cb?.({ status: "succeeded", value: undefined }), 0);
        },
      };
      setTimeout(() => callback({ status: "succeeded", value: file }), 0);
    },
  };

  private _cellEditMode = false;
  private _editModeWaiters: Array<() => void> = [];
  private _failures: Array<{ code: string; message?: string }> = [];

  constructor(options: SimHostOptions = {}) {
    this.workbook = options.snapshot ? SimWorkbook.fromJSON(options.snapshot) : new SimWorkbook(options.sheets ?? ["Sheet1"]);
    this.requirementSets = new SimRequirementSets({ ExcelApi: "1.14", ...(options.requirementSets ?? {}) });
    this.platform = options.platform ?? "PC";
    this.workbookName = options.workbookName ?? "Book1.xlsx";
    this.run = ((a: unknown, b?: unknown) => this._run(a, b)) as SimRun;
  }

  resetSyncCount(): void {
    this.syncCount = 0;
    this.roundTrips = 0;
  }

  /** The next round trip fails with this error (default: the user is editing a cell). */
  failNextSync(code: SimErrorCode | string = "InvalidOperationInCellEditMode", message?: string): void {
    this._failures.push({ code, message });
  }

  /** Shorthand for failNextSync("InvalidOperationInCellEditMode"). */
  simulateCellEditModeOnNextSync(): void {
    this.failNextSync("InvalidOperationInCellEditMode");
  }

  /** The user is editing a cell: every round trip fails, or waits when run with { delayForCellEdit: true }. */
  enterCellEditMode(): void {
    this._cellEditMode = true;
  }

  exitCellEditMode(): void {
    this._cellEditMode = false;
    const waiters = this._editModeWaiters;
    this._editModeWaiters = [];
    waiters.forEach((w) => w());
  }

  get cellEditMode(): boolean {
    return this._cellEditMode;
  }

  /** @internal called before each round trip; throws the injected / edit-mode error, or returns a wait. */
  _beforeRoundTrip(options: SimRunOptions): Promise<void> | undefined {
    const failure = this._failures.shift();
    if (failure) throw new SimOfficeError(failure.code, failure.message);
    if (this._cellEditMode) {
      if (!options.delayForCellEdit) throw simError("InvalidOperationInCellEditMode");
      return new Promise<void>((resolve) => this._editModeWaiters.push(resolve));
    }
    return undefined;
  }

  /** @internal */
  _log(location: string): void {
    if (this.logging) this.log.push(location);
  }

  private async _run(a: unknown, b?: unknown): Promise<unknown> {
    const batch = typeof a === "function" ? a : b;
    if (typeof batch !== "function") throw simError("InvalidArgument", undefined, "Excel.run");
    // Excel.run(object | objects | context, batch) continues with that object's context
    const first = Array.isArray(a) ? a[0] : a;
    const previous = first instanceof SimRequestContext ? first : first instanceof SimObject ? first.context : undefined;
    if (previous && previous._host !== this) throw simError("InvalidRequestContext", undefined, "Excel.run");
    const options = (typeof a === "function" || previous ? {} : (a ?? {})) as SimRunOptions;
    this.runCount += 1;
    const ctx = previous ?? new SimRequestContext(this, options);
    const wasClosed = ctx._closed;
    ctx._closed = false;
    try {
      const result = (batch as (c: Excel.RequestContext) => unknown)(ctx as unknown as Excel.RequestContext);
      if (!result || typeof (result as Promise<unknown>).then !== "function") throw simError("RunMustReturnPromise", undefined, "Excel.run");
      const value = await result;
      // office.js: ctx.sync(batchResult) after the batch, which flushes whatever is still queued
      await ctx._flush();
      return value;
    } finally {
      ctx._closed = previous ? wasClosed : true;
    }
  }

  /** A fresh context outside run (for code that receives a context from its caller). */
  createContext(options: SimRunOptions = {}): Excel.RequestContext {
    return new SimRequestContext(this, options) as unknown as Excel.RequestContext;
  }

  /** The object installed as globalThis.Excel. */
  excelNamespace(): Record<string, unknown> {
    return { ...Enums, run: this.run };
  }

  /** The object installed as globalThis.Office. */
  officeNamespace(): Record<string, unknown> {
    const info = { host: "Excel", platform: this.platform };
    const actions = this.actions;
    return {
      HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
      context: {
        host: "Excel",
        platform: this.platform,
        diagnostics: { host: "Excel", platform: this.platform, version: "16.0 (excel-sim)" },
        requirements: { isSetSupported: (name: string, v?: string | number) => this.requirementSets.isSetSupported(name, v) },
        document: this.document,
        displayLanguage: "vi-VN",
        contentLanguage: "vi-VN",
      },
      onReady: (cb?: (i: typeof info) => unknown) =>
        Promise.resolve(info).then((i) => {
          if (cb) cb(i);
          return i;
        }),
      actions: {
        associate: (name: string, fn: (event: unknown) => unknown) => {
          actions.set(name, fn);
        },
      },
    };
  }

  /** Handlers registered with Office.actions.associate (ribbon commands), for the sandbox to call. */
  readonly actions = new Map<string, (event: unknown) => unknown>();
}

/** A new simulated host with an in-memory workbook. */
export function createSimHost(options: SimHostOptions = {}): SimHost {
  return new SimHost(options);
}

// ---------------------------------------------------------------------------------------------
// Globals

const GLOBAL_NAMES = ["Excel", "Office", "OfficeExtension"] as const;
let saved: Array<{ name: string; had: boolean; value: unknown }> | null = null;

/**
 * Installs globalThis.Excel (run + enums), globalThis.Office (context.requirements.isSetSupported,
 * onReady, actions.associate, HostType, PlatformType) and globalThis.OfficeExtension (Error,
 * ErrorCodes) backed by `host`. Returns the uninstall function.
 */
export function installSimGlobals(host: SimHost): () => void {
  if (saved) uninstallSimGlobals();
  const g = globalThis as unknown as Record<string, unknown>;
  saved = GLOBAL_NAMES.map((name) => ({ name, had: Object.prototype.hasOwnProperty.call(g, name), value: g[name] }));
  g.Excel = host.excelNamespace();
  g.Office = host.officeNamespace();
  g.OfficeExtension = { Error: SimOfficeError, ErrorCodes: OfficeExtensionErrorCodes, Promise };
  return uninstallSimGlobals;
}

/** Restores the globals that were there before installSimGlobals. */
export function uninstallSimGlobals(): void {
  if (!saved) return;
  const g = globalThis as unknown as Record<string, unknown>;
  for (const s of saved) {
    if (s.had) g[s.name] = s.value;
    else delete g[s.name];
  }
  saved = null;
}
