/**
 * A deliberately small formula engine: enough for the roll-up formulas the add-in writes.
 *
 * Evaluates numbers, strings, TRUE/FALSE, error literals, references (A1, ranges, whole
 * columns/rows, sheet-qualified with Excel's quoting, unquoted and quoted 3-D spans such as
 * Dau:Cuoi!C5), workbook-level defined names, + - * / ^ %, unary minus, parentheses and SUM.
 * Anything else (other functions, &, comparisons, syntax it does not know) gives "#NAME?".
 * A reference to a sheet that does not exist gives "#REF!".
 *
 * The tokenizer keeps the text of every token, so `mapReferences` can rewrite references
 * (row insertion, sheet rename or deletion) and leave the rest of the formula as written.
 */
import { Area, Rect, formatArea, parseArea, sheetPrefix } from "./address";

export type ErrorCode = "#NULL!" | "#DIV/0!" | "#VALUE!" | "#REF!" | "#NAME?" | "#NUM!" | "#N/A";
export const ERROR_CODES: readonly ErrorCode[] = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/** An error value held by a cell (a formula's result, or "#N/A" typed in). */
export interface CellError {
  error: ErrorCode;
}

/** What a cell holds or a formula gives: null is an empty cell. */
export type CellValue = number | string | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === "object" && v !== null && typeof (v as CellError).error === "string";
}

export function cellError(code: ErrorCode): CellError {
  return { error: code };
}

/** A reference inside a formula. */
export interface Reference {
  /** The sheet as written; null when the reference has no sheet part (the formula's own sheet). */
  sheet: string | null;
  /** Last sheet of a 3-D span ("Dau:Cuoi!C5" → sheet "Dau", sheet2 "Cuoi"). */
  sheet2?: string;
  /** The sheet part was deleted: "#REF!C5". */
  sheetBroken?: boolean;
  /** null when the cells were deleted: "Sheet1!#REF!". */
  area: Area | null;
}

export type Token =
  | { type: "ref"; text: string; ref: Reference }
  | { type: "number"; text: string; value: number }
  | { type: "string"; text: string; value: string }
  | { type: "bool"; text: string; value: boolean }
  | { type: "error"; text: string; value: ErrorCode }
  | { type: "func"; text: string; name: string }
  | { type: "name"; text: string; name: string }
  | { type: "op"; text: string }
  | { type: "paren"; text: "(" | ")" }
  | { type: "sep"; text: string }
  | { type: "space"; text: string }
  | { type: "unknown"; text: string };

// ---------------------------------------------------------------------------------------------
// Tokenizer

const WORD_RE = /^[\p{L}\p{M}\p{N}_.$\\]+/u;
const WORD_START_RE = /^[\p{L}_\\$]/u;
const AREA_TEXT_RE = /^\$?[A-Za-z]{0,3}\$?\d{0,7}(:\$?[A-Za-z]{0,3}\$?\d{0,7})?/;
const ROWS_RE = /^\$?\d+:\$?\d+/;
const NUMBER_RE = /^(\d+\.?\d*|\.\d+)(E[+-]?\d+)?/i;

/** Reads an area right after "!" (or after "#REF!"); returns the area and its length. */
function scanArea(s: string, i: number): { area: Area | null; length: number } | null {
  if (s.startsWith("#REF!", i)) return { area: null, length: 5 };
  const m = AREA_TEXT_RE.exec(s.slice(i));
  if (!m || m[0].length === 0) return null;
  // "A1:B2" first, then just "A1" (the ":" may belong to something else)
  const whole = parseArea(m[0]);
  if (whole) return { area: whole, length: m[0].length };
  const first = m[0].split(":")[0];
  const single = parseArea(first);
  return single && single.kind === "cell" ? { area: single, length: first.length } : null;
}

function unquote(inner: string): string {
  return inner.replace(/''/g, "'");
}

/** Splits a formula's text (with or without the leading "=") into tokens. */
export function tokenize(formula: string): Token[] {
  const s = formula.startsWith("=") ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  const rest = () => s.slice(i);
  while (i < s.length) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      const m = /^\s+/.exec(rest())!;
      out.push({ type: "space", text: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= s.length) break;
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += s[j++];
      }
      if (j >= s.length) {
        out.push({ type: "unknown", text: s.slice(i) });
        break;
      }
      out.push({ type: "string", text: s.slice(i, j + 1), value });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // quoted sheet part: 'Xã O''Brien'!C5 or 'Xã A:Xã C'!C5
      let j = i + 1;
      for (;;) {
        if (j >= s.length) break;
        if (s[j] === "'") {
          if (s[j + 1] === "'") {
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      if (j >= s.length || s[j + 1] !== "!") {
        out.push({ type: "unknown", text: s.slice(i) });
        break;
      }
      const inner = unquote(s.slice(i + 1, j));
      const sheets = inner.split(":");
      const a = scanArea(s, j + 2);
      if (!a || sheets.length > 2 || sheets.some((n) => n.length === 0)) {
        out.push({ type: "unknown", text: s.slice(i) });
        break;
      }
      const end = j + 2 + a.length;
      const ref: Reference = { sheet: sheets[0], area: a.area };
      if (sheets.length === 2) ref.sheet2 = sheets[1];
      out.push({ type: "ref", text: s.slice(i, end), ref });
      i = end;
      continue;
    }
    if (ch === "#") {
      const upper = s.slice(i, i + 7).toUpperCase();
      const code = ERROR_CODES.find((c) => upper.startsWith(c));
      if (!code) {
        out.push({ type: "unknown", text: s.slice(i) });
        break;
      }
      if (code === "#REF!") {
        // "#REF!C5": the sheet of the reference was deleted
        const a = scanArea(s, i + 5);
        if (a && a.area) {
          const end = i + 5 + a.length;
          out.push({ type: "ref", text: s.slice(i, end), ref: { sheet: null, sheetBroken: true, area: a.area } });
          i = end;
          continue;
        }
      }
      out.push({ type: "error", text: s.slice(i, i + code.length), value: code });
      i += code.length;
      continue;
    }
    if (/[0-9.]/.test(ch)) {
      const rows = ROWS_RE.exec(rest());
      if (rows) {
        const area = parseArea(rows[0]);
        if (area) {
          out.push({ type: "ref", text: rows[0], ref: { sheet: null, area } });
          i += rows[0].length;
          continue;
        }
      }
      const num = NUMBER_RE.exec(rest());
      if (num) {
        out.push({ type: "number", text: num[0], value: Number(num[0]) });
        i += num[0].length;
        continue;
      }
    }
    if (WORD_START_RE.test(ch)) {
      const w = WORD_RE.exec(rest())![0];
      const after = i + w.length;
      // unquoted sheet: Sheet1!C5
      if (s[after] === "!" && !w.includes("$")) {
        const a = scanArea(s, after + 1);
        if (a) {
          const end = after + 1 + a.length;
          out.push({ type: "ref", text: s.slice(i, end), ref: { sheet: w, area: a.area } });
          i = end;
          continue;
        }
      }
      if (s[after] === ":") {
        const m2 = WORD_RE.exec(s.slice(after + 1));
        const w2 = m2 ? m2[0] : "";
        const after2 = after + 1 + w2.length;
        // unquoted 3-D span: Dau:Cuoi!C5
        if (w2 && s[after2] === "!" && !w.includes("$") && !w2.includes("$")) {
          const a = scanArea(s, after2 + 1);
          if (a) {
            const end = after2 + 1 + a.length;
            out.push({ type: "ref", text: s.slice(i, end), ref: { sheet: w, sheet2: w2, area: a.area } });
            i = end;
            continue;
          }
        }
        // A1:B2 or A:C
        if (w2) {
          const area = parseArea(`${w}:${w2}`);
          if (area) {
            out.push({ type: "ref", text: s.slice(i, after2), ref: { sheet: null, area } });
            i = after2;
            continue;
          }
        }
      }
      if (s[after] === "(") {
        out.push({ type: "func", text: w, name: w.toUpperCase() });
        i = after;
        continue;
      }
      const cell = parseArea(w);
      if (cell && cell.kind === "cell") {
        out.push({ type: "ref", text: w, ref: { sheet: null, area: cell } });
        i = after;
        continue;
      }
      if (/^(TRUE|FALSE)$/i.test(w)) {
        out.push({ type: "bool", text: w, value: w.toUpperCase() === "TRUE" });
        i = after;
        continue;
      }
      out.push({ type: "name", text: w, name: w });
      i = after;
      continue;
    }
    if (ch === "(" || ch === ")") {
      out.push({ type: "paren", text: ch });
      i++;
      continue;
    }
    if (ch === "," || ch === ";") {
      out.push({ type: "sep", text: ch });
      i++;
      continue;
    }
    const two = s.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ type: "op", text: two });
      i += 2;
      continue;
    }
    if ("+-*/^&%=<>".includes(ch)) {
      out.push({ type: "op", text: ch });
      i++;
      continue;
    }
    out.push({ type: "unknown", text: s.slice(i) });
    break;
  }
  return out;
}

/** The text of a reference, with Excel's quoting. */
export function formatReference(ref: Reference): string {
  const areaText = ref.area ? formatArea(ref.area) : "#REF!";
  if (ref.sheetBroken) return `#REF!${ref.area ? areaText : ""}`;
  if (ref.sheet === null) return areaText;
  return sheetPrefix(ref.sheet, ref.sheet2) + areaText;
}

/**
 * Rewrites the references of a formula. `map` returns the new reference, or undefined to keep
 * it as written. Everything else keeps its original text.
 */
export function mapReferences(formula: string, map: (ref: Reference) => Reference | undefined): string {
  const hasEq = formula.startsWith("=");
  const tokens = tokenize(formula);
  let changed = false;
  const body = tokens
    .map((t) => {
      if (t.type !== "ref") return t.text;
      const next = map(t.ref);
      if (!next) return t.text;
      changed = true;
      return formatReference(next);
    })
    .join("");
  if (!changed) return formula;
  return (hasEq ? "=" : "") + body;
}

/** All references of a formula, in order. */
export function referencesOf(formula: string): Reference[] {
  return tokenize(formula).flatMap((t) => (t.type === "ref" ? [t.ref] : []));
}

/** When the formula is exactly one reference ("='I. Kết quả'!$C$5"), that reference. */
export function singleReference(formula: string): Reference | null {
  const tokens = tokenize(formula).filter((t) => t.type !== "space");
  return tokens.length === 1 && tokens[0].type === "ref" ? tokens[0].ref : null;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export interface FormulaEnv {
  /** Sheet names in workbook order (position). */
  sheetNames(): readonly string[];
  /** The value of one cell; `sheet` is a name exactly as returned by sheetNames(). */
  cellValue(sheet: string, row: number, col: number): CellValue;
  /** The values of the non-empty cells inside a rectangle (for SUM over big areas). */
  cellValues(sheet: string, rect: Rect): Iterable<CellValue>;
  /** The formula of a workbook-level defined name ("='I. Kết quả'!$C$5"), if it exists. */
  definedName?(name: string): string | undefined;
}

/** An evaluated reference: one or more sheets and one area. */
interface RefValue {
  kind: "ref";
  sheets: string[];
  area: Rect;
}

type Val = CellValue | RefValue;

class Fail {
  constructor(readonly code: ErrorCode) {}
}

function isRef(v: Val): v is RefValue {
  return typeof v === "object" && v !== null && (v as RefValue).kind === "ref";
}

const MAX_NAME_DEPTH = 16;

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(
    tokens: Token[],
    private readonly sheet: string,
    private readonly env: FormulaEnv,
    private readonly depth: number,
  ) {
    this.tokens = tokens.filter((t) => t.type !== "space");
  }

  parse(): Val {
    if (this.tokens.length === 0) throw new Fail("#NAME?");
    const v = this.additive();
    if (this.pos < this.tokens.length) throw new Fail("#NAME?");
    return v;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t !== undefined && t.type === "op" && t.text === text;
  }

  private additive(): Val {
    let left = this.multiplicative();
    while (this.isOp("+") || this.isOp("-")) {
      const op = this.tokens[this.pos++].text;
      const right = this.multiplicative();
      left = arith(left, right, op, this.env);
    }
    return left;
  }

  private multiplicative(): Val {
    let left = this.power();
    while (this.isOp("*") || this.isOp("/")) {
      const op = this.tokens[this.pos++].text;
      const right = this.power();
      left = arith(left, right, op, this.env);
    }
    return left;
  }

  private power(): Val {
    let left = this.unary();
    while (this.isOp("^")) {
      this.pos++;
      const right = this.unary();
      left = arith(left, right, "^", this.env);
    }
    return left;
  }

  private unary(): Val {
    if (this.isOp("-")) {
      this.pos++;
      return arith(0, this.unary(), "-", this.env);
    }
    if (this.isOp("+")) {
      this.pos++;
      return this.unary();
    }
    return this.postfix();
  }

  private postfix(): Val {
    let v = this.primary();
    while (this.isOp("%")) {
      this.pos++;
      v = arith(v, 100, "/", this.env);
    }
    return v;
  }

  private primary(): Val {
    const t = this.tokens[this.pos++];
    if (!t) throw new Fail("#NAME?");
    switch (t.type) {
      case "number":
      case "string":
      case "bool":
        return t.value;
      case "error":
        return cellError(t.value);
      case "ref":
        return this.resolveRef(t.ref);
      case "name":
        return this.resolveName(t.name);
      case "paren": {
        if (t.text !== "(") throw new Fail("#NAME?");
        const v = this.additive();
        const close = this.tokens[this.pos++];
        if (!close || close.type !== "paren" || close.text !== ")") throw new Fail("#NAME?");
        return v;
      }
      case "func":
        return this.call(t.name);
      default:
        throw new Fail("#NAME?");
    }
  }

  private call(name: string): Val {
    const open = this.tokens[this.pos++];
    if (!open || open.type !== "paren" || open.text !== "(") throw new Fail("#NAME?");
    const args: Val[] = [];
    const close = this.peek();
    if (close && close.type === "paren" && close.text === ")") {
      this.pos++;
    } else {
      for (;;) {
        args.push(this.additive());
        const t = this.tokens[this.pos++];
        if (t && t.type === "sep") continue;
        if (t && t.type === "paren" && t.text === ")") break;
        throw new Fail("#NAME?");
      }
    }
    const fn = FUNCTIONS[name];
    if (!fn) throw new Fail("#NAME?");
    return fn(args, this.env);
  }

  private findSheet(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.env.sheetNames().find((n) => n.toLowerCase() === lower);
  }

  private resolveRef(ref: Reference): Val {
    if (ref.sheetBroken || !ref.area) return cellError("#REF!");
    const area: Rect = { r1: ref.area.r1, c1: ref.area.c1, r2: ref.area.r2, c2: ref.area.c2 };
    if (ref.sheet === null) {
      return { kind: "ref", sheets: [this.sheet], area };
    }
    const first = this.findSheet(ref.sheet);
    if (first === undefined) return cellError("#REF!");
    if (ref.sheet2 === undefined) return { kind: "ref", sheets: [first], area };
    const last = this.findSheet(ref.sheet2);
    if (last === undefined) return cellError("#REF!");
    const order = this.env.sheetNames();
    let a = order.indexOf(first);
    let b = order.indexOf(last);
    if (a > b) [a, b] = [b, a];
    return { kind: "ref", sheets: order.slice(a, b + 1), area };
  }

  private resolveName(name: string): Val {
    const formula = this.env.definedName?.(name);
    if (formula === undefined) return cellError("#NAME?");
    if (this.depth >= MAX_NAME_DEPTH) return cellError("#NAME?");
    // a name's references have no "own sheet": an unqualified reference is read on the formula's sheet
    return new Parser(tokenize(formula), this.sheet, this.env, this.depth + 1).parse();
  }
}

/** A value in a scalar position: one cell of a reference, or the value itself. */
function scalar(v: Val, env: FormulaEnv): CellValue {
  if (!isRef(v)) return v;
  const { sheets, area } = v;
  if (sheets.length !== 1 || area.r1 !== area.r2 || area.c1 !== area.c2) return cellError("#VALUE!");
  return env.cellValue(sheets[0], area.r1, area.c1);
}

function toNumber(v: CellValue): number | CellError {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const t = v.trim();
    if (t !== "" && /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(t)) return Number(t);
    return cellError("#VALUE!");
  }
  return v;
}

function arith(a: Val, b: Val, op: string, env: FormulaEnv): CellValue {
  const x = toNumber(scalar(a, env));
  if (isCellError(x)) return x;
  const y = toNumber(scalar(b, env));
  if (isCellError(y)) return y;
  let r: number;
  switch (op) {
    case "+":
      r = x + y;
      break;
    case "-":
      r = x - y;
      break;
    case "*":
      r = x * y;
      break;
    case "/":
      if (y === 0) return cellError("#DIV/0!");
      r = x / y;
      break;
    case "^":
      r = Math.pow(x, y);
      break;
    default:
      return cellError("#NAME?");
  }
  return Number.isFinite(r) ? r : cellError("#NUM!");
}

type Fn = (args: Val[], env: FormulaEnv) => CellValue;

const FUNCTIONS: Record<string, Fn> = {
  /** SUM: numbers in references (text, logical and empty cells ignored); direct arguments coerced. */
  SUM(args, env) {
    let total = 0;
    for (const arg of args) {
      if (isRef(arg)) {
        for (const sheet of arg.sheets) {
          for (const v of env.cellValues(sheet, arg.area)) {
            if (isCellError(v)) return v;
            if (typeof v === "number") total += v;
          }
        }
        continue;
      }
      const n = toNumber(arg);
      if (isCellError(n)) return n;
      total += n;
    }
    return total;
  },
};

/** Names of the functions the engine knows. */
export const SUPPORTED_FUNCTIONS: readonly string[] = Object.keys(FUNCTIONS);

/**
 * Evaluates a formula ("=SUM('Xã A'!C5, Dau:Cuoi!C5)") written on sheet `sheet`.
 * An empty result (a reference to an empty cell) gives 0, as in Excel.
 */
export function evaluateFormula(formula: string, sheet: string, env: FormulaEnv): CellValue {
  const tokens = tokenize(formula);
  if (tokens.some((t) => t.type === "unknown")) return cellError("#NAME?");
  try {
    const v = scalar(new Parser(tokens, sheet, env, 0).parse(), env);
    return v === null ? 0 : v;
  } catch (e) {
    if (e instanceof Fail) return cellError(e.code);
    throw e;
  }
}
