/**
 * Loads and checks the report definition (templates/report-definition.json) and the
 * sample data. The definition is data; this module makes sure it is coherent before
 * anything is derived from it, so that a mistake in templates/ fails loudly in tests.
 */
import definitionJson from "../../templates/report-definition.json";
import type { FieldDef, FieldValue, ReportData, ReportDefinition } from "./types";

/** A defined name Excel accepts and that cannot be read as a cell reference. */
export function isValidDefinedName(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]{0,254}$/.test(name)) return false;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return false; // A1-style cell (e.g. "TN1")
  if (/^[RrCc]$/.test(name)) return false; // R1C1 shortcuts
  if (/^[Rr][0-9]*[Cc][0-9]*$/.test(name)) return false; // R1C1-style cell
  return true;
}

/** Excel's rules for a worksheet name. Returns a Vietnamese reason, or null when valid. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "Tên trang tính không được để trống.";
  if (name.length > 31) return `Tên trang tính "${name}" dài hơn 31 ký tự.`;
  if (/[:\\/?*[\]]/.test(name)) return `Tên trang tính "${name}" có ký tự không được dùng (: \\ / ? * [ ]).`;
  if (name.startsWith("'") || name.endsWith("'")) return `Tên trang tính "${name}" không được bắt đầu hoặc kết thúc bằng dấu nháy đơn.`;
  if (name.toLowerCase() === "history") return `"History" là tên Excel dành riêng.`;
  return null;
}

/** Throws with every incoherence found in a definition. */
export function validateDefinition(def: ReportDefinition): void {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const f of def.fields) {
    if (ids.has(f.id)) errors.push(`field ${f.id} is defined twice`);
    ids.add(f.id);
    if (!isValidDefinedName(f.id)) errors.push(`field id ${f.id} is not a valid Excel defined name`);
    if (f.kind === "count") {
      if (!f.sentence || !f.sentence.includes("{value}")) errors.push(`count ${f.id} needs a sentence with {value}`);
      if (!f.unit) errors.push(`count ${f.id} needs a unit`);
    }
    if (f.kind === "lines" && !(f.rows && f.rows > 0)) errors.push(`lines ${f.id} needs rows > 0`);
  }
  const onSheet = new Map<string, string>();
  const sheetNames = new Set<string>();
  for (const s of def.sheets) {
    const reason = sheetNameProblem(s.name);
    if (reason) errors.push(`sheet ${s.id}: ${reason}`);
    if (sheetNames.has(s.name.toLowerCase())) errors.push(`sheet name ${s.name} used twice`);
    sheetNames.add(s.name.toLowerCase());
    for (const item of s.items) {
      if ("field" in item) {
        if (!ids.has(item.field)) errors.push(`sheet ${s.id} lists unknown field ${item.field}`);
        if (onSheet.has(item.field)) errors.push(`field ${item.field} is on two sheets`);
        onSheet.set(item.field, s.id);
      }
    }
  }
  for (const f of def.fields) if (!onSheet.has(f.id)) errors.push(`field ${f.id} is on no sheet`);
  const byId = new Map(def.fields.map((f) => [f.id, f] as const));
  const needKind = (id: string, kind: FieldDef["kind"], where: string) => {
    const f = byId.get(id);
    if (!f) errors.push(`${where} refers to unknown field ${id}`);
    else if (f.kind !== kind) errors.push(`${where} needs ${id} to be a ${kind}, not a ${f.kind}`);
  };
  for (const r of def.rules) {
    if (r.kind === "sumEquals") [r.total, ...r.parts].forEach((id) => needKind(id, "count", "rule sumEquals"));
    else r.fields.forEach((id) => needKind(id, "count", "rule nonIncreasing"));
  }
  for (const b of def.document.body) {
    if (b.type === "count") needKind(b.field, "count", "body");
    if (b.type === "counts") b.fields.forEach((id) => needKind(id, "count", "body"));
    if (b.type === "lines" || b.type === "labelledLines") needKind(b.field, "lines", "body");
  }
  for (const m of def.document.trichYeu.matchAll(/\{([A-Z0-9_]+)\}/g)) {
    if (!byId.has(m[1])) errors.push(`trichYeu refers to unknown field ${m[1]}`);
  }
  if (errors.length) throw new Error("Invalid report definition:\n- " + errors.join("\n- "));
}

let cached: ReportDefinition | undefined;

/** The report definition of templates/, checked once. */
export function loadDefinition(): ReportDefinition {
  if (!cached) {
    const def = definitionJson as unknown as ReportDefinition;
    validateDefinition(def);
    cached = def;
  }
  return cached;
}

/** The field of the given id; throws for an unknown id (a programming error). */
export function fieldById(def: ReportDefinition, id: string): FieldDef {
  const f = def.fields.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown field ${id}`);
  return f;
}

/** Report data with every field blank. */
export function emptyData(def: ReportDefinition): ReportData {
  const values: Record<string, FieldValue> = {};
  for (const f of def.fields) values[f.id] = f.kind === "lines" ? [] : null;
  return { values };
}

/** Typed reads of report data. */
export function textValue(data: ReportData, id: string): string {
  const v = data.values[id];
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join(" ");
  return String(v).trim();
}

export function linesValue(data: ReportData, id: string): string[] {
  const v = data.values[id];
  if (v === null || v === undefined || v === "") return [];
  const arr = Array.isArray(v) ? v : [String(v)];
  return arr.map((s) => s.trim()).filter((s) => s.length > 0);
}

export function numberValue(data: ReportData, id: string): number | null {
  const v = data.values[id];
  return typeof v === "number" ? v : null;
}
