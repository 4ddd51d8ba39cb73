/**
 * Excel.DataValidation (ExcelApi 1.8).
 */
import { formatRect, intersect, rectCellCount } from "../address";
import type { SimRequestContext } from "../context";
import { DataValidationType } from "../enums";
import { simError } from "../errors";
import { absoluteReference, DEFAULT_ERROR_ALERT, DEFAULT_PROMPT, SimSheet, SimValidation, SimValidationRule } from "../model";
import { SimRange } from "./range";
import { bool, model, oneOf, type RangeTarget, seal, SimRangePart } from "./shared";

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];
/** The rule kinds a DataValidationRule can hold (the enum's other values describe ranges, not rules). */
const RULE_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(DataValidationType).filter(([k]) => !["none", "inconsistent", "mixedCriteria"].includes(k)),
);

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
    return ["rule", "type", "errorAlert", "prompt", "ignoreBlanks"];
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
    }
    return undefined;
  }

  get type(): string {
    return this._get("type");
  }
  get rule(): unknown {
    return this._get("rule");
  }
  /**
   * { wholeNumber | decimal | textLength | date | time: { formula1, formula2?, operator } }
   * | { list: { inCellDropDown, source } } | { custom: { formula } }.
   */
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
