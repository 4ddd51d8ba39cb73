/**
 * The report's period (Decree 09/2019/NĐ-CP): a month, a quarter, six months or a year,
 * its words ("tháng 9", "quý III", "6 tháng đầu năm", "năm 2025") and its data cut-off,
 * from the 15th of the month before the period to the 14th of its last month. Pure.
 */
import { numberValue } from "./definition";
import type { PeriodType, ReportData, ReportDefinition } from "./types";

export interface Period {
  type: PeriodType;
  /** month 1–12, quarter 1–4, half 1–2; 1 for a year */
  number: number;
  year: number;
}

/** A calendar date (no time, no time zone). */
export interface DayDate {
  day: number;
  month: number;
  year: number;
}

const ROMAN = ["I", "II", "III", "IV"];

/** The period without its year where the words allow it: "tháng 9", "quý III", "6 tháng đầu năm", "năm 2025". */
export function periodShortWords(p: Period): string {
  switch (p.type) {
    case "thang":
      return `tháng ${p.number}`;
    case "quy":
      return `quý ${ROMAN[p.number - 1]}`;
    case "6thang":
      return p.number === 1 ? "6 tháng đầu năm" : "6 tháng cuối năm";
    case "nam":
      return `năm ${p.year}`;
  }
}

/** The period with its year: "tháng 9 năm 2025", "quý III năm 2025", "6 tháng đầu năm 2025", "năm 2025". */
export function periodWords(p: Period): string {
  switch (p.type) {
    case "nam":
      return `năm ${p.year}`;
    case "6thang":
      return `${periodShortWords(p)} ${p.year}`;
    default:
      return `${periodShortWords(p)} năm ${p.year}`;
  }
}

/** The period's name as chosen in the sheet's list ("Quý III", "6 tháng đầu năm", "Năm"). */
export function periodChoice(type: PeriodType, number: number): string {
  const words = type === "nam" ? "Năm" : periodShortWords({ type, number, year: 0 });
  return words.charAt(0).toLocaleUpperCase("vi") + words.slice(1);
}

/** The choices a period field offers for the given kinds. */
export function periodChoices(types: PeriodType[]): string[] {
  const out: string[] = [];
  for (const t of types) {
    if (t === "thang") for (let m = 1; m <= 12; m++) out.push(periodChoice(t, m));
    if (t === "quy") for (let q = 1; q <= 4; q++) out.push(periodChoice(t, q));
    if (t === "6thang") out.push(periodChoice(t, 1), periodChoice(t, 2));
    if (t === "nam") out.push(periodChoice(t, 1));
  }
  return out;
}

/**
 * Reads a period's name as typed ("Quý III", "quý 3", "6 tháng đầu năm", "Năm", "cả năm"),
 * ignoring case, spacing and Unicode composition; null when it is none of the given kinds.
 */
export function parsePeriodChoice(text: string, types: PeriodType[]): { type: PeriodType; number: number } | null {
  const t = text.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
  let m: RegExpExecArray | null;
  let found: { type: PeriodType; number: number } | null = null;
  if ((m = /^quý (i{1,3}|iv|[1-4])$/.exec(t))) found = { type: "quy", number: /\d/.test(m[1]) ? Number(m[1]) : ROMAN.indexOf(m[1].toUpperCase()) + 1 };
  else if (/^6 tháng đầu năm$/.test(t)) found = { type: "6thang", number: 1 };
  else if (/^6 tháng cuối năm$/.test(t)) found = { type: "6thang", number: 2 };
  else if (/^(cả )?năm$/.test(t)) found = { type: "nam", number: 1 };
  else if ((m = /^tháng (\d{1,2})$/.exec(t)) && Number(m[1]) >= 1 && Number(m[1]) <= 12) found = { type: "thang", number: Number(m[1]) };
  return found && types.includes(found.type) ? found : null;
}

/** The period's last month (1–12). */
function lastMonth(p: Period): number {
  switch (p.type) {
    case "thang":
      return p.number;
    case "quy":
      return p.number * 3;
    case "6thang":
      return p.number * 6;
    case "nam":
      return 12;
  }
}

/** The period's first month (1–12). */
function firstMonth(p: Period): number {
  switch (p.type) {
    case "thang":
      return p.number;
    case "quy":
      return p.number * 3 - 2;
    case "6thang":
      return p.number === 1 ? 1 : 7;
    case "nam":
      return 1;
  }
}

/**
 * The data cut-off by Decree 09/2019: from the 15th of the month before the period's first
 * month to the 14th of its last month (quý I 2025: 15/12/2024 – 14/3/2025).
 */
export function cutoffOf(p: Period): { from: DayDate; to: DayDate } {
  const first = firstMonth(p);
  const from = first === 1 ? { day: 15, month: 12, year: p.year - 1 } : { day: 15, month: first - 1, year: p.year };
  return { from, to: { day: 14, month: lastMonth(p), year: p.year } };
}

/** "15/6/2025": day and month without a leading zero, as report forms print the cut-off. */
export function formatDayDate(d: DayDate): string {
  return `${d.day}/${d.month}/${d.year}`;
}

/** Whether a day, month and year make a real date. */
export function isRealDate(d: DayDate): boolean {
  if (!Number.isInteger(d.day) || !Number.isInteger(d.month) || !Number.isInteger(d.year)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1900 || d.year > 2200) return false;
  return d.day <= new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
}

/** Excel's date serial (1900 system) of a date, and back. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
export function dateFromSerial(serial: number): DayDate | null {
  if (!Number.isFinite(serial) || serial < 1) return null;
  const d = new Date(EXCEL_EPOCH + Math.floor(serial) * 86400000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
}
export function serialOf(d: DayDate): number {
  return Math.round((Date.UTC(d.year, d.month - 1, d.day) - EXCEL_EPOCH) / 86400000);
}

/** A date typed as "15/6/2025", "15/06/2025", "15-6-2025" or "15.6.2025"; null for anything else. */
export function parseDayDate(text: string): DayDate | null {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const d = { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  return isRealDate(d) ? d : null;
}

/** A date field's value as the reader keeps it ("15/6/2025" text) read back; null when blank or not a date. */
export function dateValue(data: ReportData, id: string | undefined): DayDate | null {
  const v = id === undefined ? undefined : data.values[id];
  if (typeof v === "number") return dateFromSerial(v);
  if (typeof v === "string") return parseDayDate(v);
  return null;
}

/** The report's period from its data; null while the fields that make it are blank or wrong. */
export function periodOf(def: ReportDefinition, data: ReportData): Period | null {
  const p = def.period;
  const year = numberValue(data, p.year);
  if (year === null || !Number.isInteger(year)) return null;
  if (p.month) {
    const month = numberValue(data, p.month);
    return month !== null && Number.isInteger(month) && month >= 1 && month <= 12 ? { type: "thang", number: month, year } : null;
  }
  if (p.field) {
    const v = data.values[p.field];
    const choice = typeof v === "string" ? parsePeriodChoice(v, p.types) : null;
    return choice ? { ...choice, year } : null;
  }
  return p.types.length === 1 && p.types[0] === "nam" ? { type: "nam", number: 1, year } : null;
}

/** The cut-off of the report: the dates typed in its from/to fields, else the rule's. */
export function reportCutoff(def: ReportDefinition, data: ReportData): { from: DayDate; to: DayDate } | null {
  const period = periodOf(def, data);
  const rule = period ? cutoffOf(period) : null;
  const from = dateValue(data, def.period.from) ?? rule?.from;
  const to = dateValue(data, def.period.to) ?? rule?.to;
  return from && to ? { from, to } : null;
}

/** The period placeholders of document templates, filled ("" while the period is unknown). */
export function periodPlaceholders(def: ReportDefinition, data: ReportData): Record<string, string> {
  const period = periodOf(def, data);
  const cutoff = reportCutoff(def, data);
  const tuNgay = cutoff ? formatDayDate(cutoff.from) : "";
  const denNgay = cutoff ? formatDayDate(cutoff.to) : "";
  return {
    ky: period ? periodWords(period) : "",
    kyNgan: period ? periodShortWords(period) : "",
    tuNgay,
    denNgay,
    kyKhoang: cutoff ? `Từ ngày ${tuNgay} đến ngày ${denNgay}` : "",
  };
}

/** An ASCII slug of the period for file names: "thang-11-2024", "quy-3-2025", "6-thang-dau-nam-2025", "nam-2025". */
export function periodSlug(p: Period): string {
  switch (p.type) {
    case "thang":
      return `thang-${p.number}-${p.year}`;
    case "quy":
      return `quy-${p.number}-${p.year}`;
    case "6thang":
      return `6-thang-${p.number === 1 ? "dau" : "cuoi"}-nam-${p.year}`;
    case "nam":
      return `nam-${p.year}`;
  }
}

/* ------------------------------------------------------------------ period words in texts */

/** A period named in a text the office keeps ("quý III năm 2025", "tháng 11/2024", "6 tháng đầu năm"). */
export interface PeriodMention {
  /** where the words are in the text */
  start: number;
  end: number;
  /** the words as written */
  text: string;
  type: PeriodType;
  number: number;
  /** the year written with it; undefined when the words name no year ("quý III") */
  year?: number;
}

/** A date ("ngày 21 tháng 10 năm 2020", "21/10/2020"): its month and year are not a period. */
const DATE_WORDS = /ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|(?<!\d)\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}(?!\d)/giu;
/** "6 tháng đầu năm 2025", "quý III năm 2025", "Quý 4/2025", "tháng 11 năm 2024", "tháng 01/2025", "năm 2025" */
const PERIOD_WORDS =
  /(?<![\p{L}\d])(?:(?<half>6|sáu)\s+tháng\s+(?<side>đầu|cuối)\s+năm(?:\s+(?<hy>\d{4}))?|(?<q>quý)\s+(?<qn>IV|I{1,3}|[1-4])(?![\p{L}\d])(?:(?:\s+năm\s+|\s*\/\s*)(?<qy>\d{4}))?|(?<m>tháng)\s+(?<mn>\d{1,2})(?![\d])(?:(?:\s+năm\s+|\s*\/\s*)(?<my>\d{4}))?|(?<y>năm)\s+(?<yn>\d{4}))(?![\p{L}\d])/giu;
/** words after which a period is another one on purpose: a comparison ("so với quý II", "cùng kỳ năm 2024") */
const COMPARED = /(?:so\s+với|cùng\s+kỳ|kỳ\s+trước|kỳ\s+tới|kỳ\s+sau)\s*$/iu;
/** a law's name carries its year ("Luật Tổ chức chính quyền địa phương năm 2025") */
const LAW_NAME = /(?:^|[,.;:(])[^,.;:(]*\b(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh)\s[^,.;:(]*$/u;

/**
 * The periods a text names, in order. Dates ("ngày 21 tháng 10 năm 2020", "21/10/2020") are not
 * periods, nor are the words after "so với", "cùng kỳ" (a comparison names another period on
 * purpose). A year alone ("năm 2025") is a period only in a yearly report (`yearAlone`), and not
 * in a law's name ("Luật … năm 2025").
 */
export function periodMentions(text: string, yearAlone = false): PeriodMention[] {
  const t = text.normalize("NFC");
  const dates = [...t.matchAll(DATE_WORDS)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const out: PeriodMention[] = [];
  for (const m of t.matchAll(PERIOD_WORDS)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (dates.some(([a, b]) => start < b && end > a)) continue;
    const before = t.slice(Math.max(0, start - 30), start);
    if (COMPARED.test(before)) continue;
    const g = m.groups!;
    const base = { start, end, text: m[0] };
    if (g.half) out.push({ ...base, type: "6thang", number: g.side.toLocaleLowerCase("vi") === "đầu" ? 1 : 2, year: g.hy ? Number(g.hy) : undefined });
    else if (g.q) {
      const n = /\d/.test(g.qn) ? Number(g.qn) : ROMAN.indexOf(g.qn.toUpperCase()) + 1;
      out.push({ ...base, type: "quy", number: n, year: g.qy ? Number(g.qy) : undefined });
    } else if (g.m) {
      const n = Number(g.mn);
      if (n >= 1 && n <= 12) out.push({ ...base, type: "thang", number: n, year: g.my ? Number(g.my) : undefined });
    } else if (g.y && yearAlone && !LAW_NAME.test(t.slice(0, start))) out.push({ ...base, type: "nam", number: 1, year: Number(g.yn) });
  }
  return out;
}

/** The months a period spans, as year × 12 + month − 1 (a mention without its year: `year`'s). */
function monthSpan(p: { type: PeriodType; number: number; year?: number }, year: number): [number, number] {
  const full = { type: p.type, number: p.number, year: p.year ?? year };
  const base = full.year * 12 - 1;
  return [base + firstMonth(full), base + lastMonth(full)];
}

/**
 * Whether the words name a period other than the report's: one that does not overlap it
 * ("tháng 10" in a November report, "quý III" in a quý IV report, "quý III" in a November
 * report), or the same kind with another number or year. A month inside a quarter, the
 * quarter of a month, the year of anything are the report's own period.
 */
export function namesOtherPeriod(m: PeriodMention, report: Period): boolean {
  if (m.type === report.type) return m.number !== report.number || (m.year !== undefined && m.year !== report.year);
  const [a, b] = monthSpan(m, report.year);
  const [c, d] = monthSpan(report, report.year);
  return b < c || a > d;
}

/** The words of `to` written the way `m` was (case, roman or digits, "năm 2025" or "/2025", a leading zero). */
function rewordAs(m: PeriodMention, to: Period): string {
  const upper = (w: string) => w.toLocaleUpperCase("vi");
  const keepCase = (word: string, written: string) =>
    written === upper(written) ? upper(word) : written[0] !== written[0].toLocaleLowerCase("vi") ? upper(word.charAt(0)) + word.slice(1) : word;
  const head = /^\S+/.exec(m.text)![0];
  const yearPart = /(\s+năm\s+|\s*\/\s*)(\d{4})$/iu.exec(m.text);
  const withYear = (words: string) => (yearPart && m.type !== "6thang" ? `${words}${yearPart[1]}${to.year}` : words);
  switch (m.type) {
    case "quy": {
      const digits = /\d/.test(m.text.slice(head.length).trim()[0]);
      return withYear(`${head} ${digits ? to.number : ROMAN[to.number - 1]}`);
    }
    case "thang": {
      const written = /^\S+\s+(\d+)/u.exec(m.text)![1];
      return withYear(`${head} ${written.startsWith("0") && to.number < 10 ? `0${to.number}` : to.number}`);
    }
    case "6thang": {
      const side = /(đầu|cuối)/iu.exec(m.text)![1];
      const words = m.text.replace(side, keepCase(to.number === 1 ? "đầu" : "cuối", side));
      return m.year === undefined ? words : words.replace(/\d{4}$/, String(to.year));
    }
    case "nam":
      return m.text.replace(/\d{4}$/, String(to.year));
  }
}

/** One rewrite of period words: the words as they were and as they are now. */
export interface PeriodRewrite {
  from: string;
  to: string;
}

/**
 * The text with the words naming period `from` itself ("quý III năm 2025", "quý III",
 * "tháng 11/2024") rewritten to name `to` in the same style ("quý IV năm 2025", "quý IV",
 * "tháng 12/2024"); the year moves with the period ("tháng 12 năm 2024" → "tháng 1 năm 2025").
 * Words naming any other period (a comparison, a date, a law's year) are left as they are.
 */
export function rewritePeriodWords(text: string, from: Period, to: Period): { text: string; rewrites: PeriodRewrite[] } {
  const t = text.normalize("NFC");
  const rewrites: PeriodRewrite[] = [];
  let out = "";
  let at = 0;
  for (const m of periodMentions(t, from.type === "nam")) {
    if (m.type !== from.type || namesOtherPeriod(m, from)) continue; // only the old period's own words
    const words = rewordAs(m, to);
    out += t.slice(at, m.start) + words;
    at = m.end;
    rewrites.push({ from: m.text, to: words });
  }
  return rewrites.length ? { text: out + t.slice(at), rewrites } : { text, rewrites };
}
