/**
 * Checks a report definition's coherence (what a JSON Schema cannot say: that a role, a
 * rule or a body block points at a field of the right kind, that every field is on one
 * sheet, …) and reads report data by field. The definitions themselves are loaded by
 * src/report/kinds.ts; their shape is checked against templates/report-definition.schema.json
 * by src/report/definition-schema.ts.
 */
import type { FieldDef, FieldKind, FieldValue, ReportData, ReportDefinition, TableDef, TableValue } from "./types";
import { unitFigureRefs } from "./unit-results";

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

/** One mistake in a definition: where (a JSON pointer such as "/document/frame/agency") and what, in Vietnamese. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

/** A definition that cannot be used; `issues` name each mistake with its JSON path. */
export class DefinitionError extends Error {
  constructor(
    /** the file or kind the definition came from */
    readonly source: string,
    readonly issues: DefinitionIssue[],
  ) {
    super(`Định nghĩa báo cáo ${source} không dùng được:\n${issues.map((i) => `- ${i.path || "/"}: ${i.message}`).join("\n")}`);
    this.name = "DefinitionError";
  }
}

const KIND_NAMES: Record<FieldKind, string> = {
  text: "chữ (text)",
  lines: "danh sách dòng (lines)",
  count: "số đếm (count)",
  day: "ngày (day)",
  month: "tháng (month)",
  year: "năm (year)",
  period: "kỳ báo cáo (period)",
  date: "ngày tháng (date)",
  table: "bảng (table)",
};

/** Placeholders every document template may use, filled from the report's period. */
export const PERIOD_PLACEHOLDERS = ["ky", "kyNgan", "tuNgay", "denNgay", "kyKhoang"] as const;

/** The placeholders ("{X}") of a template text. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([A-Za-z][A-Za-z0-9_.]*)\}/g)].map((m) => m[1]);
}

/** The defined name of a table's row labels (the column left of its body): "BIEU_06_DONG". */
export function tableRowsName(tableId: string): string {
  return `${tableId}_DONG`;
}

/** The 0-based indexes of a table's computed columns ("sumOf"), each with the indexes of its parts. */
export function computedColumns(table: TableDef): Map<number, number[]> {
  const out = new Map<number, number[]>();
  table.columns.forEach((c, i) => {
    if (c.sumOf)
      out.set(
        i,
        c.sumOf.map((id) => table.columns.findIndex((x) => x.id === id)).filter((j) => j >= 0),
      );
  });
  return out;
}

/** Every incoherence of a definition whose shape is already right, with its JSON path. */
export function definitionIssues(def: ReportDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const byId = new Map<string, FieldDef>();
  def.fields.forEach((f, i) => {
    const at = `/fields/${i}`;
    if (byId.has(f.id)) add(`${at}/id`, `mã trường "${f.id}" bị trùng.`);
    byId.set(f.id, f);
    if (!isValidDefinedName(f.id)) add(`${at}/id`, `mã trường "${f.id}" không dùng được làm tên vùng trong Excel (giống địa chỉ ô, ví dụ "TN1").`);
    if (f.kind === "count") {
      if (!f.sentence || !f.sentence.includes("{value}")) add(`${at}/sentence`, `trường số đếm "${f.id}" cần câu văn có "{value}".`);
      if (!f.measure) add(`${at}/measure`, `trường số đếm "${f.id}" cần đơn vị tính ("measure").`);
    }
    if (f.kind === "lines" && !(f.rows && f.rows > 0)) add(`${at}/rows`, `trường danh sách "${f.id}" cần số dòng ("rows") lớn hơn 0.`);
    if (f.kind === "table") {
      if (!f.table) add(at, `trường bảng "${f.id}" cần mô tả bảng ("table").`);
      else {
        const cols = new Set<string>();
        f.table.columns.forEach((c, j) => {
          if (cols.has(c.id)) add(`${at}/table/columns/${j}/id`, `mã cột "${c.id}" bị trùng trong bảng "${f.id}".`);
          cols.add(c.id);
        });
        // a computed column adds input columns of its own table
        f.table.columns.forEach((c, j) => {
          (c.sumOf ?? []).forEach((id, k) => {
            const path = `${at}/table/columns/${j}/sumOf/${k}`;
            const part = f.table!.columns.find((x) => x.id === id);
            if (id === c.id) add(path, `cột "${c.id}" không thể là tổng của chính nó.`);
            else if (!part) add(path, `bảng "${f.id}" không có cột "${id}".`);
            else if (part.sumOf) add(path, `cột "${id}" cũng là cột tính bằng công thức; "sumOf" chỉ cộng các cột nhập số liệu.`);
          });
        });
      }
    } else if (f.table) add(`${at}/table`, `chỉ trường loại "table" mới có "table" (trường "${f.id}" là ${KIND_NAMES[f.kind]}).`);
  });
  def.fields.forEach((f, i) => {
    if (f.kind === "table" && byId.has(tableRowsName(f.id))) {
      add(`/fields/${i}/id`, `mã "${tableRowsName(f.id)}" dành cho cột tên dòng của bảng "${f.id}", không đặt cho trường khác.`);
    }
  });

  const need = (path: string, id: string | undefined, kinds: FieldKind[]) => {
    if (id === undefined) return;
    const f = byId.get(id);
    if (!f) add(path, `trỏ tới trường "${id}" không có trong "fields".`);
    else if (!kinds.includes(f.kind)) add(path, `trường "${id}" là ${KIND_NAMES[f.kind]}, ở đây cần ${kinds.map((k) => KIND_NAMES[k]).join(" hoặc ")}.`);
  };
  const isTable = (path: string, id: string) => {
    need(path, id, ["table"]);
    return byId.get(id)?.kind === "table";
  };
  const needColumn = (path: string, tableId: string, columnId: string) => {
    const t = byId.get(tableId)?.table;
    if (t && !t.columns.some((c) => c.id === columnId)) add(path, `bảng "${tableId}" không có cột "${columnId}".`);
  };

  // the period
  const p = def.period;
  const monthly = p.types.length === 1 && p.types[0] === "thang";
  const yearly = p.types.length === 1 && p.types[0] === "nam";
  need("/period/year", p.year, ["year"]);
  need("/period/month", p.month, ["month"]);
  need("/period/field", p.field, ["period"]);
  need("/period/from", p.from, ["date"]);
  need("/period/to", p.to, ["date"]);
  if (monthly && !p.month) add("/period/month", `báo cáo tháng cần trường tháng ("month").`);
  if (!monthly && !yearly && !p.field) add("/period/field", `báo cáo có nhiều loại kỳ cần trường kỳ báo cáo ("field", loại period).`);
  if ((p.from === undefined) !== (p.to === undefined)) add("/period", `"from" và "to" (từ ngày, đến ngày) phải có cả hai hoặc không có.`);

  // the frame's roles
  const r = def.document.frame;
  const roles: [string, string | undefined, FieldKind[]][] = [
    ["agencyParent", r.agencyParent, ["text"]],
    ["agency", r.agency, ["lines", "text"]],
    ["number", r.number, ["text"]],
    ["symbol", r.symbol, ["text"]],
    ["place", r.place, ["text"]],
    ["addressees", r.addressees, ["lines", "text"]],
    ["opening", r.opening, ["text", "lines"]],
    ["signerAuthority", r.signerAuthority, ["lines", "text"]],
    ["signerName", r.signerName, ["text"]],
    ["recipients", r.recipients, ["lines"]],
  ];
  for (const [role, id, kinds] of roles) need(`/document/frame/${role}`, id, kinds);
  need("/document/frame/date/day", r.date.day, ["day"]);
  need("/document/frame/date/month", r.date.month, ["month"]);
  need("/document/frame/date/year", r.date.year, ["year"]);

  // sheets
  const onSheet = new Map<string, string>();
  const sheetNames = new Set<string>();
  def.sheets.forEach((s, i) => {
    const at = `/sheets/${i}`;
    const reason = sheetNameProblem(s.name);
    if (reason) add(`${at}/name`, reason);
    if (sheetNames.has(s.name.toLowerCase())) add(`${at}/name`, `tên trang tính "${s.name}" bị trùng.`);
    sheetNames.add(s.name.toLowerCase());
    s.items.forEach((item, j) => {
      if (!("field" in item)) return;
      const f = byId.get(item.field);
      if (!f) add(`${at}/items/${j}/field`, `trỏ tới trường "${item.field}" không có trong "fields".`);
      if (onSheet.has(item.field)) add(`${at}/items/${j}/field`, `trường "${item.field}" nằm trên hai trang tính.`);
      onSheet.set(item.field, s.id);
      if (f && (f.kind === "table") !== (s.arrangement === "table")) {
        add(
          `${at}/items/${j}/field`,
          f.kind === "table" ? `bảng "${f.id}" phải ở trang tính kiểu "table".` : `trang tính kiểu "table" chỉ chứa một trường bảng.`,
        );
      }
    });
    if (s.arrangement === "table" && s.items.length !== 1) add(`${at}/items`, `trang tính kiểu "table" chứa đúng một trường bảng.`);
  });
  def.fields.forEach((f, i) => {
    if (!onSheet.has(f.id)) add(`/fields/${i}`, `trường "${f.id}" không nằm trên trang tính nào.`);
  });

  // rules
  def.rules.forEach((rule, i) => {
    const at = `/rules/${i}`;
    switch (rule.kind) {
      case "sumEquals":
        need(`${at}/total`, rule.total, ["count"]);
        rule.parts.forEach((id, j) => need(`${at}/parts/${j}`, id, ["count"]));
        break;
      case "nonIncreasing":
        rule.fields.forEach((id, j) => need(`${at}/fields/${j}`, id, ["count"]));
        break;
      case "rowSum":
        if (isTable(`${at}/table`, rule.table)) {
          needColumn(`${at}/total`, rule.table, rule.total);
          rule.parts.forEach((c, j) => needColumn(`${at}/parts/${j}`, rule.table, c));
        }
        break;
      case "rowBalance":
        if (isTable(`${at}/table`, rule.table)) {
          rule.left.forEach((c, j) => needColumn(`${at}/left/${j}`, rule.table, c));
          rule.right.forEach((c, j) => needColumn(`${at}/right/${j}`, rule.table, c));
        }
        break;
      case "recipientPunctuation":
        need(`${at}/field`, rule.field, ["lines"]);
        break;
    }
  });

  // figures carried into the next period ("Kỳ mới")
  (def.carryOver ?? []).forEach((c, i) => {
    const at = `/carryOver/${i}`;
    if (c.table !== undefined) {
      if (isTable(`${at}/table`, c.table)) {
        needColumn(`${at}/from`, c.table, c.from);
        needColumn(`${at}/to`, c.table, c.to);
      }
    } else {
      need(`${at}/from`, c.from, ["count"]);
      need(`${at}/to`, c.to, ["count"]);
    }
    if (c.from === c.to) add(at, `"from" và "to" trùng nhau ("${c.from}"): số liệu không chuyển đi đâu.`);
  });

  // the sheet of the expected units: a name of its own
  const list = def.units.expected;
  if (list) {
    const reason = sheetNameProblem(list.sheet);
    if (reason) add("/units/expected/sheet", reason);
    else if (sheetNames.has(list.sheet.toLowerCase())) add("/units/expected/sheet", `tên trang tính "${list.sheet}" trùng với một trang trong "sheets".`);
  }

  // computed values and placeholders
  const values = def.document.values ?? {};
  const needRef = (path: string, ref: string) => {
    const [id, col] = ref.split(".");
    if (col === undefined) need(path, id, ["count"]);
    else if (isTable(path, id)) needColumn(path, id, col);
  };
  // the per-unit sheet: its rates are percentages of roll-up figures (each unit's own totals)
  const figures = new Set(unitFigureRefs(def).map((f) => f.ref));
  const needFigure = (path: string, ref: string) => {
    if (!figures.has(ref)) add(path, `"${ref}" không phải số liệu được tổng hợp theo đơn vị (trường hoặc cột có "rollup").`);
  };
  const needRate = (path: string, name: string) => {
    const v = values[name];
    if (!v || !("percent" in v)) add(path, `"${name}" không phải tỷ lệ ("percent") trong "document.values".`);
    else [...v.percent, ...v.over].forEach((ref) => needFigure(path, ref));
  };
  if (def.unitResults) {
    (def.unitResults.rates ?? []).forEach((r, j) => needRate(`/unitResults/rates/${j}/value`, r.value));
    if (def.unitResults.rank) needRate("/unitResults/rank/value", def.unitResults.rank.value);
    const problem = sheetNameProblem(def.unitResults.sheet);
    if (problem) add("/unitResults/sheet", problem);
    if (def.sheets.some((s) => s.name.toLowerCase() === def.unitResults!.sheet.toLowerCase()))
      add("/unitResults/sheet", `trang "${def.unitResults.sheet}" trùng tên một trang của báo cáo.`);
  }
  for (const [name, v] of Object.entries(values)) {
    const at = `/document/values/${name}`;
    if ("sum" in v) v.sum.forEach((ref, j) => needRef(`${at}/sum/${j}`, ref));
    else if ("difference" in v) {
      v.difference.forEach((ref, j) => needRef(`${at}/difference/${j}`, ref));
      v.minus.forEach((ref, j) => needRef(`${at}/minus/${j}`, ref));
    } else if ("change" in v) {
      needRef(`${at}/change`, v.change);
      if (v.text !== undefined && !v.text.includes("{change}"))
        add(`${at}/text`, `câu so sánh cần có "{change}" (chỗ điền "tăng 12,5%", "giảm 3,0%", "không đổi").`);
    } else if ("compare" in v) {
      needRef(`${at}/compare`, v.compare);
      v.with.forEach((part, j) => {
        if (!part.text.includes("{change}")) add(`${at}/with/${j}/text`, `câu so sánh cần có "{change}" (chỗ điền "tăng 12,5%", "giảm 3,0%", "không đổi").`);
      });
    } else if ("missingUnits" in v) {
      if (!def.units.expected) add(`${at}/missingUnits`, `cần khai báo trang danh sách đơn vị ở "units.expected" để biết đơn vị nào chưa gửi số liệu.`);
    } else if ("percent" in v) {
      v.percent.forEach((ref, j) => needRef(`${at}/percent/${j}`, ref));
      v.over.forEach((ref, j) => needRef(`${at}/over/${j}`, ref));
    } else if ("unitsReaching" in v) needRate(`${at}/unitsReaching`, v.unitsReaching);
    else if ("unitAt" in v) needRate(`${at}/unitAt`, v.unitAt);
    else if ("unitsWith" in v) v.unitsWith.forEach((ref, j) => needFigure(`${at}/unitsWith/${j}`, ref));
  }
  const checkTemplate = (path: string, text: string) => {
    for (const ph of placeholdersOf(text)) {
      if (/^[A-Z]/.test(ph)) {
        if (ph.includes(".")) needRef(path, ph);
        else if (!byId.has(ph)) add(path, `chỗ điền "{${ph}}" trỏ tới trường không có trong "fields".`);
      } else if (!(PERIOD_PLACEHOLDERS as readonly string[]).includes(ph) && !(ph in values)) {
        const known = PERIOD_PLACEHOLDERS.map((x) => `{${x}}`).join(", ");
        add(path, `chỗ điền "{${ph}}" không phải mã trường, từ chỉ kỳ (${known}) hay giá trị trong "document.values".`);
      }
    }
  };
  checkTemplate("/document/trichYeu", def.document.trichYeu);
  def.document.body.forEach((b, i) => {
    const at = `/document/body/${i}`;
    if (b.type === "count") need(`${at}/field`, b.field, ["count"]);
    if (b.type === "counts") b.fields.forEach((id, j) => need(`${at}/fields/${j}`, id, ["count"]));
    if (b.type === "lines" || b.type === "labelledLines") need(`${at}/field`, b.field, ["lines"]);
    if (b.type === "paragraph") checkTemplate(`${at}/text`, b.text);
    if (b.type === "paragraph" && b.unlessZero !== undefined) {
      const v = values[b.unlessZero];
      if (!v) add(`${at}/unlessZero`, `"${b.unlessZero}" không có trong "document.values".`);
      else if (
        !("sum" in v) &&
        !("difference" in v) &&
        !("unitCount" in v) &&
        !("unitsReaching" in v) &&
        !("unitsWith" in v) &&
        !("missingUnits" in v && v.missingUnits === "count")
      )
        add(
          `${at}/unlessZero`,
          `"${b.unlessZero}" không phải giá trị số (tổng "sum", hiệu "difference", số đơn vị hay số đơn vị chưa gửi {"missingUnits": "count"}) nên không so được với 0.`,
        );
    }
  });
  (def.document.appendices ?? []).forEach((a, i) => {
    const at = `/document/appendices/${i}`;
    if ((a.table === undefined) === (a.units !== true)) add(at, `phụ lục cần đúng một trong hai: "table" (một bảng) hoặc "units": true (kết quả theo đơn vị).`);
    if (a.table !== undefined) isTable(`${at}/table`, a.table);
    if (a.units && !def.unitResults) add(`${at}/units`, `phụ lục kết quả theo đơn vị cần khóa "unitResults" của định nghĩa.`);
    checkTemplate(`${at}/title`, a.title);
    (a.subtitles ?? []).forEach((t, j) => checkTemplate(`${at}/subtitles/${j}`, t));
    (a.corners ?? []).forEach((t, j) => checkTemplate(`${at}/corners/${j}`, t));
  });
  return issues;
}

/** Throws a DefinitionError with every incoherence of a definition. */
export function validateDefinition(def: ReportDefinition, source = `"${def.id}"`): void {
  const issues = definitionIssues(def);
  if (issues.length) throw new DefinitionError(source, issues);
}

/** The field of the given id; throws for an unknown id (a programming error). */
export function fieldById(def: ReportDefinition, id: string): FieldDef {
  const f = def.fields.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown field ${id}`);
  return f;
}

/** The fields that make the document's frame (agency, opening sentence, signer, recipients…): kept from period to period. */
export function frameFieldIds(def: ReportDefinition): Set<string> {
  const r = def.document.frame;
  return new Set(
    [r.agencyParent, r.agency, r.symbol, r.place, r.addressees, r.opening, r.signerAuthority, r.signerName, r.recipients].filter((x): x is string => !!x),
  );
}

/** Report data with every field blank (a table with its standard rows and no figures). */
export function emptyData(def: ReportDefinition): ReportData {
  const values: Record<string, FieldValue> = {};
  for (const f of def.fields) values[f.id] = f.kind === "lines" ? [] : f.kind === "table" ? { rows: [...(f.table?.rows ?? [])], cells: [] } : null;
  return { values };
}

export function isTableValue(v: FieldValue | undefined): v is TableValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && "cells" in v;
}

/** Typed reads of report data. */
export function textValue(data: ReportData, id: string | undefined): string {
  const v = id === undefined ? undefined : data.values[id];
  if (v === null || v === undefined || isTableValue(v)) return "";
  if (Array.isArray(v)) return v.join(" ");
  return String(v).trim();
}

export function linesValue(data: ReportData, id: string | undefined): string[] {
  const v = id === undefined ? undefined : data.values[id];
  if (v === null || v === undefined || v === "" || isTableValue(v)) return [];
  const arr = Array.isArray(v) ? v : [String(v)];
  return arr.map((s) => s.trim()).filter((s) => s.length > 0);
}

export function numberValue(data: ReportData, id: string | undefined): number | null {
  const v = id === undefined ? undefined : data.values[id];
  return typeof v === "number" ? v : null;
}

/** A table field's value; a table without rows when absent. */
export function tableValue(data: ReportData, id: string): TableValue {
  const v = data.values[id];
  return isTableValue(v) ? v : { rows: [], cells: [] };
}
