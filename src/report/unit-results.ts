/**
 * Each unit's results in a summary workbook, the pure part: the columns of the per-unit sheet
 * (derived from the definition: every roll-up figure, then the rates and the rank that
 * `unitResults` declares), a unit's rates and rank from its figures, and the numbers and
 * names the report's sentences say about the units (how many reach a rate, the best and the
 * worst, how many have overdue dossiers). The sheet itself and its reader are in
 * src/workbook/unit-results.ts.
 */
import type { ComputedValue, ReportDefinition, UnitResult, ValueRef } from "./types";
import { formatNumber, formatPercent } from "./wording";

/** One column of the per-unit sheet after the unit's name. */
export interface UnitColumn {
  kind: "figure" | "rate" | "rank";
  /** a figure's value reference ("BIEU_06.TONG_NHAN", "PAKN_TONG"); a rate's or the rank's value name ("tyLeDungHan") */
  key: string;
  /** the column's own header */
  label: string;
  /** the header of its group ("Số hồ sơ đã giải quyết"), shown over consecutive columns of the same group */
  group?: string;
}

/** The roll-up figures of a definition by value reference: each roll-up count, each column of a roll-up table. */
export function unitFigureRefs(def: ReportDefinition): { ref: ValueRef; label: string; group?: string }[] {
  return def.fields.flatMap((f) => {
    if (!f.rollup) return [];
    if (f.kind === "count") return [{ ref: f.id, label: f.label }];
    if (f.kind === "table") return f.table!.columns.map((c) => ({ ref: `${f.id}.${c.id}`, label: c.label, group: c.group }));
    return [];
  });
}

/** The columns of the per-unit sheet after the unit's name: figures, rates, rank. */
export function unitResultColumns(def: ReportDefinition): UnitColumn[] {
  const u = def.unitResults;
  if (!u) return [];
  return [
    ...unitFigureRefs(def).map((f): UnitColumn => ({ kind: "figure", key: f.ref, label: f.label, ...(f.group ? { group: f.group } : {}) })),
    ...(u.rates ?? []).map((r): UnitColumn => ({ kind: "rate", key: r.value, label: r.label })),
    ...(u.rank ? [{ kind: "rank" as const, key: u.rank.value, label: u.rank.label }] : []),
  ];
}

/** A `percent` value of the definition by name; undefined when it is none. */
export function percentValue(def: ReportDefinition, name: string): { percent: ValueRef[]; over: ValueRef[] } | undefined {
  const v = def.document.values?.[name];
  return v && "percent" in v ? v : undefined;
}

function sumOf(figures: Record<ValueRef, number | null>, refs: ValueRef[]): number | null {
  let sum = 0;
  for (const ref of refs) {
    const v = figures[ref];
    if (v === null || v === undefined) return null;
    sum += v;
  }
  return sum;
}

/** A unit's rate (a `percent` value's name) as a ratio; null when a figure is missing or the denominator is 0. */
export function unitRate(def: ReportDefinition, unit: UnitResult, name: string): number | null {
  const v = percentValue(def, name);
  if (!v) return null;
  const part = sumOf(unit.figures, v.percent);
  const whole = sumOf(unit.figures, v.over);
  return part === null || whole === null || whole === 0 ? null : part / whole;
}

/** Each unit's rank by a rate, as Excel's RANK gives it (the highest 1, ties share a rank); null without a rate. */
export function unitRanks(def: ReportDefinition, units: UnitResult[], name: string): (number | null)[] {
  const rates = units.map((u) => unitRate(def, u, name));
  return rates.map((r) => (r === null ? null : 1 + rates.filter((o) => o !== null && o > r).length));
}

/** A unit's row as numbers, in the order of `unitResultColumns` (a rate as a ratio). */
export function unitRow(def: ReportDefinition, units: UnitResult[], index: number): (number | null)[] {
  const unit = units[index];
  return unitResultColumns(def).map((c) => {
    if (c.kind === "figure") return unit.figures[c.key] ?? null;
    if (c.kind === "rate") return unitRate(def, unit, c.key);
    return unitRanks(def, units, c.key)[index];
  });
}

/** How many named units are written before "và N đơn vị khác". */
const NAMES_SHOWN = 3;

/** Names joined, the first three and "và N đơn vị khác". */
function joinNames(names: string[]): string {
  if (names.length <= NAMES_SHOWN) return names.join(", ");
  return `${names.slice(0, NAMES_SHOWN).join(", ")} và ${formatNumber(names.length - NAMES_SHOWN)} đơn vị khác`;
}

/** The default text of a `unitAt` value. */
export const UNIT_AT_TEXT = "{name} ({rate})";

/** Whether a computed value is one of the units' values. */
export function isUnitValue(
  v: ComputedValue,
): v is Extract<ComputedValue, { unitCount: true } | { unitsReaching: string } | { unitsWith: ValueRef[] } | { unitAt: string }> {
  return "unitCount" in v || "unitsReaching" in v || "unitsWith" in v || "unitAt" in v;
}

/** The number a units' value counts; null for `unitAt` (words, not a number). */
export function unitValueNumber(def: ReportDefinition, units: UnitResult[], v: ComputedValue): number | null {
  if ("unitCount" in v) return units.length;
  if ("unitsReaching" in v) {
    // compared in tenths of a percent, as the rate is written ("98,0%")
    return units.filter((u) => {
      const r = unitRate(def, u, v.unitsReaching);
      return r !== null && Math.round(r * 1000) >= Math.round(v.atLeast * 10);
    }).length;
  }
  if ("unitsWith" in v) return units.filter((u) => (sumOf(u.figures, v.unitsWith) ?? 0) > 0).length;
  return null;
}

/** A units' value as text: a count as a number, `unitAt` as its sentence ("" when no unit has the rate). */
export function unitValueText(def: ReportDefinition, units: UnitResult[], v: ComputedValue): string {
  if (!("unitAt" in v)) return formatNumber(unitValueNumber(def, units, v) ?? 0);
  const rated = units.map((u) => ({ name: u.name, rate: unitRate(def, u, v.unitAt) })).filter((u): u is { name: string; rate: number } => u.rate !== null);
  if (rated.length === 0) return "";
  // as written: two units at "99,2%" share the place
  const tenths = (r: number) => Math.round(r * 1000);
  const target = (v.end === "highest" ? Math.max : Math.min)(...rated.map((u) => tenths(u.rate)));
  const at = rated.filter((u) => tenths(u.rate) === target);
  return (v.text ?? UNIT_AT_TEXT).replace("{name}", joinNames(at.map((u) => u.name))).replace("{rate}", formatPercent(at[0].rate));
}
