/**
 * Which requirement set each office.js member belongs to, from api-sets.json — generated from
 * the `[Api set: …]` notes of @types/office-js by scripts/gen-excel-api-sets.js (a test
 * regenerates it and compares). No hand-written versions: the simulator asks this module.
 *
 * Plain TypeScript and a JSON import: no Node modules (the sandbox bundles it for the browser).
 */
import table from "./api-sets.json";

/** One requirement: a set and its lowest version with the member ("ExcelApi" "1.7"). */
export interface ApiRequirement {
  set: string;
  version: string;
  /** the member that needs it ("Worksheet.freezePanes"), for the error's location */
  member?: string;
}

/** A set name for members only in preview / beta: no host supports it unless told to. */
export const PREVIEW_SET = "ExcelApiPreview";

type Spec = string;
interface Detail {
  v: Spec;
  get?: Spec;
  set?: Spec;
  params?: Record<string, Spec>;
}
type ClassTable = Record<string, Spec | Detail>;

const CLASSES = (table as unknown as { classes: Record<string, ClassTable> }).classes;

/** The generator's source line ("@types/office-js 1.0.x, …"). */
export const API_SETS_SOURCE: string = (table as unknown as { source: string }).source;

function parseSpec(spec: Spec, member: string): ApiRequirement {
  if (spec === "preview") return { set: PREVIEW_SET, version: "1.1", member };
  const space = spec.indexOf(" ");
  return space < 0 ? { set: "ExcelApi", version: spec, member } : { set: spec.slice(0, space), version: spec.slice(space + 1), member };
}

/** How a member is used: read (a property's getter or load), written (a setter), or called (a method). */
export type MemberUse = "read" | "write" | "call";

/**
 * The requirement of `type.member` ("Worksheet", "freezePanes") for this use, plus those of the
 * parameters given (`params`: names of the optional parameters actually passed, e.g. "password").
 * A member without its own note has its class's set. Throws for a class or member the table
 * does not know: a simulator member must exist in office.js.
 */
export function requirementOf(type: string, member: string, use: MemberUse = "call", params: readonly string[] = []): ApiRequirement[] {
  const cls = CLASSES[type];
  if (!cls) throw new Error(`excel-sim: Excel.${type} is not a class of @types/office-js (api-sets.json)`);
  const entry = Object.prototype.hasOwnProperty.call(cls, member) ? cls[member] : undefined;
  const where = `${type}.${member}`;
  if (entry === undefined) {
    if (FRAMEWORK_MEMBERS.has(member) && cls.$class !== undefined) return [parseSpec(cls.$class as Spec, where)];
    throw new Error(`excel-sim: Excel.${where} has no [Api set] note in @types/office-js (api-sets.json)`);
  }
  if (typeof entry === "string") return [parseSpec(entry, where)];
  const out = [parseSpec((use === "write" ? entry.set : use === "read" ? entry.get : undefined) ?? entry.v, where)];
  for (const p of params) if (entry.params?.[p]) out.push(parseSpec(entry.params[p], `${where}(${p})`));
  return out;
}

/** Members without a note of their own, which exist as long as their class does. */
const FRAMEWORK_MEMBERS = new Set(["items", "load", "toJSON", "track", "untrack", "context", "isNullObject", "set"]);

/** "Range.values" → ["Range", "values"]. */
export function splitLocation(location: string): [string, string] {
  const dot = location.indexOf(".");
  return dot < 0 ? [location, ""] : [location.slice(0, dot), location.slice(dot + 1)];
}

/** "ExcelApi 1.7" for messages. */
export function formatRequirement(r: ApiRequirement): string {
  return r.set === PREVIEW_SET ? "ExcelApi (preview)" : `${r.set} ${r.version}`;
}

/** Whether the table knows `type` (a class of the Excel namespace). */
export function hasApiClass(type: string): boolean {
  return Object.prototype.hasOwnProperty.call(CLASSES, type);
}
