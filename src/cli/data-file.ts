/**
 * `bao-cao template --data <tệp.json>`: figures and texts to fill a new workbook with, from
 * a JSON file (another system's export, or the demo's data):
 *
 *   { "values": { "THANG": 3, "NAM": 2025, "KINH_GUI": ["…"] },
 *     "units": [ { "name": "Xã Hòa Phong", "values": { "PAKN_TONG": 4, … } }, … ] }
 *
 * "values" fills a report workbook (on top of the sample with --sample); with --unit, the
 * unit's entry of "units" (matched by name, ignoring case and spacing) fills the unit
 * workbook, or "values" when the file has no "units". Every field id and type is checked,
 * and every mistake is a Vietnamese message naming the file and the field.
 */
import type { FieldValue, ReportDefinition } from "../report/types";
import { cleanUnitName, unitKey } from "../workbook/unit-workbook";
import { rollupFields } from "../workbook/units";

export class DataFileError extends Error {}

const q = (s: string) => `"${s}"`;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface DataFile {
  values?: Record<string, unknown>;
  units?: { name: string; values: Record<string, unknown> }[];
}

/** Parses the JSON text of a data file; throws DataFileError for anything but the shape above. */
export function parseDataFile(text: string, file: string): DataFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new DataFileError(`Tệp dữ liệu ${q(file)} không phải JSON hợp lệ. Chi tiết: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isObject(json)) throw new DataFileError(`Tệp dữ liệu ${q(file)} phải là một đối tượng JSON có "values" hoặc "units".`);
  const out: DataFile = {};
  if (json.values !== undefined) {
    if (!isObject(json.values)) throw new DataFileError(`Trong tệp ${q(file)}, "values" phải là một đối tượng { "MÃ_TRƯỜNG": giá trị }.`);
    out.values = json.values;
  }
  if (json.units !== undefined) {
    if (!Array.isArray(json.units)) throw new DataFileError(`Trong tệp ${q(file)}, "units" phải là một danh sách đơn vị.`);
    out.units = json.units.map((u, i) => {
      if (!isObject(u) || typeof u.name !== "string" || !u.name.trim() || !isObject(u.values)) {
        throw new DataFileError(`Trong tệp ${q(file)}, đơn vị thứ ${i + 1} của "units" cần "name" (tên đơn vị) và "values" (số liệu).`);
      }
      return { name: u.name, values: u.values };
    });
  }
  if (!out.values && !out.units) throw new DataFileError(`Tệp dữ liệu ${q(file)} không có "values" hay "units".`);
  return out;
}

/** Checks field ids and types; returns the values as report values. `allowed` limits the fields (a unit's). */
export function checkedValues(def: ReportDefinition, values: Record<string, unknown>, where: string, allowed?: Set<string>): Record<string, FieldValue> {
  const byId = new Map(def.fields.map((f) => [f.id, f] as const));
  const out: Record<string, FieldValue> = {};
  for (const [id, v] of Object.entries(values)) {
    const f = byId.get(id);
    if (!f) throw new DataFileError(`${where}: không có trường ${q(id)} trong mẫu báo cáo.`);
    if (allowed && !allowed.has(id)) throw new DataFileError(`${where}: trường ${q(id)} (${f.label}) không thuộc trang số liệu của đơn vị.`);
    if (v === null) {
      out[id] = null;
      continue;
    }
    switch (f.kind) {
      case "count":
      case "day":
      case "month":
      case "year":
        if (typeof v !== "number" || !Number.isFinite(v))
          throw new DataFileError(`${where}: ${q(id)} (${f.label}) phải là một số, không phải ${JSON.stringify(v)}.`);
        out[id] = v;
        break;
      case "table": {
        const t = v as { rows?: unknown; cells?: unknown };
        const rowsOk = isObject(v) && Array.isArray(t.rows) && t.rows.every((r) => typeof r === "string");
        const cellsOk =
          isObject(v) &&
          Array.isArray(t.cells) &&
          t.cells.every((row) => Array.isArray(row) && row.every((c) => c === null || (typeof c === "number" && Number.isFinite(c))));
        if (!rowsOk || !cellsOk) {
          throw new DataFileError(`${where}: ${q(id)} (${f.label}) phải là bảng {"rows": ["Lĩnh vực", …], "cells": [[số, …], …]}, mỗi dòng một danh sách số.`);
        }
        out[id] = { rows: t.rows as string[], cells: t.cells as (number | null)[][] };
        break;
      }
      case "period":
      case "date":
      case "text":
        if (typeof v !== "string") throw new DataFileError(`${where}: ${q(id)} (${f.label}) phải là một chuỗi chữ.`);
        out[id] = v;
        break;
      case "lines":
        if (typeof v === "string") out[id] = [v];
        else if (Array.isArray(v) && v.every((x) => typeof x === "string")) out[id] = v as string[];
        else throw new DataFileError(`${where}: ${q(id)} (${f.label}) phải là một danh sách chuỗi chữ, mỗi dòng một chuỗi.`);
        break;
    }
  }
  return out;
}

/** The values for a report workbook. */
export function reportValuesOf(def: ReportDefinition, data: DataFile, file: string): Record<string, FieldValue> {
  if (!data.values) throw new DataFileError(`Tệp dữ liệu ${q(file)} không có "values" cho sổ báo cáo.`);
  return checkedValues(def, data.values, `Tệp ${q(file)}`);
}

/** The figures of one unit: its entry in "units", or "values" when there is no "units". */
export function unitValuesOf(def: ReportDefinition, data: DataFile, file: string, unitName: string): Record<string, FieldValue> {
  const allowed = new Set(rollupFields(def).map((f) => f.id));
  if (!data.units) return checkedValues(def, data.values ?? {}, `Tệp ${q(file)}`, allowed);
  const key = unitKey(unitName);
  const entry = data.units.find((u) => unitKey(u.name) === key);
  if (!entry) {
    const names = data.units.map((u) => cleanUnitName(u.name));
    const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")}, … (${names.length} đơn vị)` : names.join(", ");
    throw new DataFileError(`Tệp dữ liệu ${q(file)} không có đơn vị ${q(cleanUnitName(unitName))}. Các đơn vị trong tệp: ${shown}.`);
  }
  return checkedValues(def, entry.values, `Tệp ${q(file)}, đơn vị ${q(cleanUnitName(entry.name))}`, allowed);
}
