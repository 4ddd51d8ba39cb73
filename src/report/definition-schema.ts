/**
 * A definition read from JSON (a built-in kind, or an office's own file): its shape checked
 * against templates/report-definition.schema.json with Ajv, then its coherence
 * (src/report/definition.ts). Every mistake is a Vietnamese message with its JSON path.
 * Ajv is loaded only where this module is: the CLI, the tests, and the pane's chunk that
 * opens an office's own definition.
 *
 * Every definition that is not built in (an office's file, the JSON a workbook carries in its
 * kind sheet) comes through here, so this is also the one place that reads keys under their
 * older names (upgradeDefinitionJson): a definition written before a rename loads and works
 * as before.
 */
import Ajv, { type ErrorObject } from "ajv";
import schema from "../../templates/report-definition.schema.json";
import { DefinitionError, definitionIssues, type DefinitionIssue } from "./definition";
import type { ReportDefinition } from "./types";

let validate: ReturnType<Ajv["compile"]> | undefined;

function schemaValidator() {
  validate ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate;
}

/** One Ajv error in Vietnamese. */
function issueOf(e: ErrorObject): DefinitionIssue {
  const p = e.params as Record<string, unknown>;
  const at = e.instancePath;
  switch (e.keyword) {
    case "required":
      return { path: at, message: `thiếu khóa bắt buộc "${String(p.missingProperty)}".` };
    case "additionalProperties":
      return {
        path: `${at}/${String(p.additionalProperty)}`,
        message: `khóa "${String(p.additionalProperty)}" không có trong định dạng (viết sai tên khóa?).`,
      };
    case "type":
      return { path: at, message: `phải là ${TYPE_NAMES[String(p.type)] ?? String(p.type)}.` };
    case "enum":
      return { path: at, message: `phải là một trong: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}.` };
    case "const":
      return { path: at, message: `phải là ${JSON.stringify(p.allowedValue)}.` };
    case "pattern":
      return { path: at, message: `không đúng dạng (mẫu ${String(p.pattern)}); mã trường viết IN_HOA_KHONG_DAU, mã loại báo cáo viết thuong-khong-dau.` };
    case "minLength":
      return { path: at, message: `không được để trống.` };
    case "maxLength":
      return { path: at, message: `dài quá ${String(p.limit)} ký tự.` };
    case "minItems":
      return { path: at, message: `cần ít nhất ${String(p.limit)} phần tử.` };
    case "maxItems":
      return { path: at, message: `có nhiều hơn ${String(p.limit)} phần tử.` };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
      return { path: at, message: `giá trị ngoài khoảng cho phép (${e.message ?? ""}).` };
    case "uniqueItems":
      return { path: at, message: `có phần tử lặp lại.` };
    case "oneOf":
      return { path: at, message: `không khớp dạng nào cho phép (kiểm tra "kind"/"type" và các khóa đi kèm).` };
    default:
      return { path: at, message: e.message ?? e.keyword };
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: "chuỗi chữ",
  number: "số",
  integer: "số nguyên",
  boolean: "true hoặc false",
  array: "danh sách [ … ]",
  object: "đối tượng { … }",
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * `json` with keys of older definitions read under today's names, and the fields that give
 * both names. `json` itself is left as it is; key order is kept.
 *
 * - a field's "unit" is its "measure": the unit of measure of a count (đơn vị tính, "TTHC"),
 *   renamed because "unit" (đơn vị) means a commune, ward or town office everywhere else.
 *   A field with both keys is a mistake at "/fields/<i>/unit" (which of the two was meant is
 *   not guessed); "measure" is kept so that the other checks still run.
 */
export function upgradeDefinitionJson(json: unknown): { json: unknown; issues: DefinitionIssue[] } {
  const issues: DefinitionIssue[] = [];
  if (!isObject(json) || !Array.isArray(json.fields)) return { json, issues };
  let changed = false;
  const fields = json.fields.map((f: unknown, i) => {
    if (!isObject(f) || !("unit" in f)) return f;
    changed = true;
    if ("measure" in f) {
      issues.push({
        path: `/fields/${i}/unit`,
        message: `khóa "unit" là tên cũ của "measure" (đơn vị tính); một trường không dùng cả hai khóa, hãy xóa "unit".`,
      });
      return Object.fromEntries(Object.entries(f).filter(([k]) => k !== "unit"));
    }
    // not a string: left as "unit", so that the schema's message names the key as written
    if (typeof f.unit !== "string") return f;
    return Object.fromEntries(Object.entries(f).map(([k, v]) => [k === "unit" ? "measure" : k, v]));
  });
  return { json: changed ? { ...json, fields } : json, issues };
}

/**
 * The mistakes of a JSON value as a definition: the keys given under both an older and
 * today's name, the schema's (one per path, the most telling), then, when the shape is
 * right, the coherence checks.
 */
export function definitionJsonIssues(json: unknown): DefinitionIssue[] {
  const upgraded = upgradeDefinitionJson(json);
  return [...upgraded.issues, ...currentIssues(upgraded.json)];
}

/** The mistakes of a definition that uses today's key names. */
function currentIssues(json: unknown): DefinitionIssue[] {
  const check = schemaValidator();
  if (!check(json)) {
    const errors = (check.errors ?? []).filter((e) => e.keyword !== "if");
    // a oneOf failure is explained better by its branch's errors; keep it only when alone at its path
    const byPath = new Map<string, DefinitionIssue>();
    for (const e of errors) {
      const issue = issueOf(e);
      const known = byPath.get(issue.path);
      if (!known || (known.message.startsWith("không khớp") && e.keyword !== "oneOf")) byPath.set(issue.path, issue);
    }
    return [...byPath.values()];
  }
  return definitionIssues(json as ReportDefinition);
}

/** A definition from JSON, older key names read as today's; throws DefinitionError naming `source` and every mistake. */
export function parseDefinition(json: unknown, source: string): ReportDefinition {
  const upgraded = upgradeDefinitionJson(json);
  const issues = [...upgraded.issues, ...currentIssues(upgraded.json)];
  if (issues.length) throw new DefinitionError(source, issues);
  return upgraded.json as ReportDefinition;
}

/** A definition from the text of a JSON file; a syntax error is a DefinitionError too. */
export function parseDefinitionText(text: string, source: string): ReportDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new DefinitionError(source, [{ path: "", message: `không phải JSON hợp lệ (${e instanceof Error ? e.message : String(e)}).` }]);
  }
  return parseDefinition(json, source);
}
