/**
 * Excel.WorksheetProtection.
 */
import type { SimRequestContext } from "../context";
import { simError } from "../errors";
import { SimSheet } from "../model";
import { SimObject } from "../proxy-base";
import { seal, type SheetResolver } from "./shared";

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
