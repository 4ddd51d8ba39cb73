/**
 * Vietnamese wording of the report: numbers, the date line, the "Số: …" line, the
 * trích yếu template, bullets, the Kính gửi / Nơi nhận lines and the closing mark "./.".
 *
 * Pure functions, no Office, DOM or Node. The rules come from Decree 30/2020/NĐ-CP
 * (Appendix I) and from the sample report of Mỹ Hào (tháng 11/2024).
 */
import type { FieldValue, ReportData } from "./types";

/** Blank left for the clerk when the number of the document is not known yet ("Số:      /BC-UBND"). */
export const BLANK_SO = "     ";
/** Blank left for the day when the document is not signed yet ("ngày      tháng 11"). */
export const BLANK_DAY = "    ";

/** Thousands separated by a dot, the Vietnamese way: "12345" → "12.345" (digits only). */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

/**
 * A count as written in the report: at least `pad` digits ("00", "05", "12"); a pad of 0
 * or 1 writes the number as is ("0"); thousands separated by a dot ("12.345"). Negative
 * numbers keep their sign in front of the padded digits; a fraction keeps its decimals
 * with the Vietnamese decimal comma.
 */
export function formatCount(value: number, pad: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatCount: ${value} is not a finite number`);
  const sign = value < 0 ? "-" : "";
  const [whole, fraction] = String(Math.abs(value)).split(".");
  const digits = whole.padStart(Math.max(0, Math.floor(pad)), "0");
  return sign + groupThousands(digits) + (fraction ? "," + fraction : "");
}

/** A whole number the Vietnamese way: "12.345", "0". */
export function formatNumber(value: number): string {
  return formatCount(value, 0);
}

/** A percentage with one decimal and the decimal comma: 0.9523 → "95,2%", 1 → "100%", 0.5 → "50%". */
export function formatPercent(ratio: number): string {
  const tenths = Math.round(ratio * 1000);
  const whole = Math.trunc(tenths / 10);
  const decimal = Math.abs(tenths % 10);
  return `${groupThousands(String(whole))}${decimal ? `,${decimal}` : ""}%`;
}

/** Day under 10 takes a leading zero (Decree 30, ô 4). */
export function formatDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}

/** Only months 1 and 2 take a leading zero (Decree 30, ô 4): "01", "02", "3", …, "12". */
export function formatMonth(month: number): string {
  return month === 1 || month === 2 ? `0${month}` : String(month);
}

/**
 * The place and date line (ô 4): "Mỹ Hào, ngày 05 tháng 01 năm 2025",
 * "Mỹ Hào, ngày 29 tháng 6 năm 2024"; a blank day leaves room for the clerk:
 * "Mỹ Hào, ngày      tháng 11 năm 2024".
 */
export function formatDateLine(diaDanh: string, ngay: number | null, thang: number, nam: number): string {
  const place = diaDanh.trim();
  const day = ngay === null || ngay === undefined || Number.isNaN(ngay) ? BLANK_DAY : formatDay(ngay);
  const date = `ngày ${day} tháng ${formatMonth(thang)} năm ${nam}`;
  return place ? `${place}, ${date}` : date;
}

/**
 * The number and symbol line (ô 3): "Số: 05/BC-UBND". A number under 10 given as digits is
 * padded ("5" → "05"); a blank number leaves room for the clerk ("Số:      /BC-UBND"); the
 * symbol is upper case, and a "/" typed in front of it is not doubled.
 */
export function formatSoKyHieu(so: string, kyHieu: string): string {
  const number = (so ?? "").trim();
  const symbol = (kyHieu ?? "").trim().replace(/^\/+/, "").toLocaleUpperCase("vi");
  let shown: string;
  if (number === "") shown = BLANK_SO;
  else if (/^\d+$/.test(number) && Number(number) < 10) shown = number.slice(-1).padStart(2, "0");
  else shown = number;
  return symbol ? `Số: ${shown}/${symbol}` : `Số: ${shown}`;
}

/** A field value as text: numbers as digits, lists joined with a space, blank as "". */
export function valueText(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !Array.isArray(value)) return "";
  if (Array.isArray(value))
    return value
      .map((s) => s.trim())
      .filter(Boolean)
      .join(" ");
  return String(value).trim();
}

/**
 * Fills a template (the trích yếu, a paragraph): each "{FIELD_ID}" by the field's value and
 * each other placeholder ("{ky}", "{tyLeDungHan}") by `extra`. A placeholder known to
 * neither is kept as is, so that a mistake shows; a blank value leaves no double space behind.
 */
export function fillTemplate(template: string, data: ReportData, extra: Record<string, string> = {}): string {
  const filled = template.replace(/\{([A-Za-z][A-Za-z0-9_.]*)\}/g, (whole, id: string) => {
    if (Object.prototype.hasOwnProperty.call(extra, id)) return extra[id];
    if (Object.prototype.hasOwnProperty.call(data.values, id)) return valueText(data.values[id]);
    return whole;
  });
  return filled.replace(/[ \t]{2,}/g, " ").trim();
}

/**
 * The lines of a list as the document shows them: a cell typed with line breaks
 * (Alt+Enter in Excel) gives one line per break; blank lines are dropped. A soft break
 * (Word's Shift+Enter, U+2028 once read: src/text/normalize.ts) does not split: it stays a
 * line break inside the line's paragraph.
 */
export function splitLines(lines: string[]): string[] {
  return lines
    .flatMap((l) => l.split(/\r\n|\r|\n/))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** A single-line text: line breaks typed in a cell (soft ones too) become spaces. */
export function singleLine(text: string): string {
  return text.replace(/\s*(?:\r\n|\r|\n|\u2028)\s*/g, " ").trim();
}

/** A line that already starts with a bullet ("- ", "+ ", or Word's "– "). */
export function hasBullet(text: string): boolean {
  return /^[-+–]\s/.test(text.trimStart());
}

/**
 * Puts the bullet ("-" or "+") and a space in front of a line, unless the line already
 * starts with a bullet. Without a bullet the line is returned trimmed.
 */
export function withBullet(text: string, bullet?: string): string {
  const line = text.trim();
  const mark = (bullet ?? "").trim();
  if (!mark || line === "" || hasBullet(line)) return line;
  return `${mark} ${line}`;
}

/**
 * The closing mark of the last body paragraph: "./.". A text ending with "." gets "/.";
 * a text already ending with "./." is left; a trailing ";" or "," is replaced; anything
 * else gets "./.".
 */
export function closingMark(text: string): string {
  const t = text.trimEnd();
  if (t === "") return t;
  if (t.endsWith("./.")) return t;
  if (t.endsWith(".")) return t + "/.";
  if (/[;,]$/.test(t)) return t.slice(0, -1) + "./.";
  return t + "./.";
}

/** A recipient or list line without the punctuation typed at its end (";", ",", "."). */
function withoutEndPunctuation(line: string): string {
  return line.trim().replace(/[;,.\s]+$/, "");
}

/**
 * The "Kính gửi" lines (ô 9a). One recipient stays on the same line and ends with ".":
 * ["Kính gửi: Văn phòng UBND tỉnh Hưng Yên."]. Several: ["Kính gửi:", "- A;", "- B."].
 */
export function formatKinhGui(recipients: string[]): string[] {
  const names = recipients.map((r) => withoutEndPunctuation(r.trim().replace(/^[-+–]\s+/, ""))).filter(Boolean);
  if (names.length === 0) return ["Kính gửi:"];
  if (names.length === 1) return [`Kính gửi: ${names[0]}.`];
  return ["Kính gửi:", ...names.map((n, i) => `- ${n}${i === names.length - 1 ? "." : ";"}`)];
}

/**
 * The recipients under "Nơi nhận:" (ô 9b): each line as typed, with "- " in front unless
 * it already has a bullet. The punctuation is the user's (the sample keeps a line without ";").
 */
export function formatNoiNhan(lines: string[]): string[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => withBullet(l, "-"));
}
