/// <reference types="office-js" />
/**
 * Sandbox boot: the simulated Excel host, installed as the globals office.js would provide
 * (Excel, Office, OfficeExtension) BEFORE the task pane's code runs. index.tsx imports this
 * module first; ES module evaluation order guarantees it runs before ../../src/taskpane/index.
 *
 * Also here: the workbook kept in localStorage, and the bookkeeping of "the last command"
 * (the pane button clicked last, with the context.sync() calls it made), shown in the status
 * line and read by the end-to-end tests through the test hook (see README.md).
 */
import { createSimHost, installSimGlobals, type SimHost, type SimWorkbookJSON } from "../excel-sim";

export const STORAGE_KEY = "bao-cao-tthc.sandbox.workbook";

function loadSaved(): SimWorkbookJSON | undefined {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const json = JSON.parse(raw) as SimWorkbookJSON;
    return json && json.format === "excel-sim" ? json : undefined;
  } catch (e) {
    console.warn("sandbox: the saved workbook could not be read; starting with an empty one", e);
    return undefined;
  }
}

/** `?excelApi=1.4` in the page's address: an Excel whose highest ExcelApi version is 1.4 (default 1.14). */
function requirementSets(): Record<string, string> | undefined {
  try {
    const v = new URLSearchParams(window.location.search).get("excelApi");
    return v && /^1\.\d+$/.test(v) ? { ExcelApi: v } : undefined;
  } catch {
    return undefined;
  }
}

function newHost(snapshot?: SimWorkbookJSON): SimHost {
  const sets = requirementSets();
  const options = { workbookName: "Sổ thử.xlsx", ...(sets ? { requirementSets: sets } : {}) };
  try {
    if (snapshot) return createSimHost({ snapshot, ...options });
  } catch (e) {
    console.warn("sandbox: the saved workbook is not usable; starting with an empty one", e);
  }
  return createSimHost({ sheets: ["Sheet1"], ...options });
}

/** The simulated Excel the pane talks to (one per page). */
export const sim: SimHost = newHost(loadSaved());

/** Saves the workbook now (after every change and every selection / tab change). */
export function saveWorkbook(): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(sim.workbook.toJSON()));
  } catch (e) {
    console.warn("sandbox: the workbook could not be saved in localStorage", e);
  }
}

/** Forgets the saved workbook and starts again with an empty one ("Làm mới sổ"). */
export function resetWorkbook(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // nothing saved, nothing to forget
  }
  window.location.reload();
}

// ---------------------------------------------------------------------------------------------
// The last command

export interface CommandStats {
  /** accessible name of the pane button that started it ("Kiểm tra"), or "" before any */
  label: string;
  /** context.sync() calls since the click */
  syncCount: number;
  /** real exchanges with the host (syncs with something queued, and Excel.run's final flush) */
  roundTrips: number;
  /** Excel.run calls since the click */
  runs: number;
  /** Excel.run calls not finished yet */
  running: number;
  /** how many commands were started on this page (changes at every click) */
  serial: number;
  /** the last failure of an Excel.run, if any */
  error: string | null;
}

const stats: CommandStats = { label: "", syncCount: 0, roundTrips: 0, runs: 0, running: 0, serial: 0, error: null };
const statsListeners = new Set<() => void>();

function statsChanged(): void {
  for (const cb of [...statsListeners]) cb();
}

export function commandStats(): CommandStats {
  return { ...stats, syncCount: sim.syncCount, roundTrips: sim.roundTrips };
}

export function onCommandStats(cb: () => void): () => void {
  statsListeners.add(cb);
  return () => statsListeners.delete(cb);
}

/** A new command starts: the counters start from zero. */
export function startCommand(label: string): void {
  sim.resetSyncCount();
  stats.label = label;
  stats.runs = 0;
  stats.serial += 1;
  stats.error = null;
  statsChanged();
}

// ---------------------------------------------------------------------------------------------
// Globals: what office.js would define, backed by the simulated host

installSimGlobals(sim);

// Excel.run, counted: the status line knows when a command's runs are over.
const excel = (globalThis as unknown as { Excel: { run: SimHost["run"] } }).Excel;
const simRun = excel.run;
excel.run = ((...args: unknown[]) => {
  stats.runs += 1;
  stats.running += 1;
  statsChanged();
  const done = (error: unknown) => {
    stats.running -= 1;
    if (error) stats.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    statsChanged();
  };
  const p = (simRun as (...a: unknown[]) => Promise<unknown>)(...args);
  p.then(
    () => done(null),
    (e: unknown) => done(e ?? "error"),
  );
  return p;
}) as SimHost["run"];

// Every change of the workbook (a sync that wrote, or a cell typed in the grid) is saved.
sim.workbook.onChange(() => saveWorkbook());
