/**
 * Cell contents as Excel sees them: what a written value becomes (number, text, formula,
 * boolean, error), the text a number format shows, value types and colours.
 */
import { CellValue, ERROR_CODES, ErrorCode, isCellError } from "./formula";

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";

/** What writing one element of `values` / `formulas` (or typing into a cell) stores. */
export type ParsedInput = { kind: "unchanged" } | { kind: "value"; value: CellValue } | { kind: "formula"; formula: string } | { kind: "invalid" };

const NUMBER_TEXT_RE = /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i;
const PERCENT_TEXT_RE = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * Excel's reading of a written value: null leaves the cell unchanged, "" empties it, a string
 * starting with "=" is a formula, numeric text becomes a number, "TRUE"/"FALSE" a boolean,
 * "#N/A" an error, a leading apostrophe forces text. In a cell formatted as text ("@") a
 * string stays text.
 */
export function parseInput(raw: unknown, numberFormat: string): ParsedInput {
  if (raw === null || raw === undefined) return { kind: "unchanged" };
  if (typeof raw === "number") return Number.isFinite(raw) ? { kind: "value", value: raw } : { kind: "invalid" };
  if (typeof raw === "boolean") return { kind: "value", value: raw };
  if (typeof raw !== "string") return { kind: "invalid" };
  if (raw === "") return { kind: "value", value: null };
  if (numberFormat === "@") return { kind: "value", value: raw };
  if (raw.startsWith("'")) return { kind: "value", value: raw.slice(1) };
  if (raw.startsWith("=") && raw.length > 1) return { kind: "formula", formula: raw };
  const t = raw.trim();
  if (NUMBER_TEXT_RE.test(t)) return { kind: "value", value: Number(t) };
  if (PERCENT_TEXT_RE.test(t)) return { kind: "value", value: Number(t.slice(0, -1)) / 100 };
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: "value", value: t.toUpperCase() === "TRUE" };
  const code = ERROR_CODES.find((c) => c === t.toUpperCase());
  if (code) return { kind: "value", value: { error: code as ErrorCode } };
  return { kind: "value", value: raw };
}

export function valueType(v: CellValue): ValueType {
  if (v === null) return "Empty";
  if (isCellError(v)) return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

/** A value as office.js's `values` returns it: "" for empty, "#REF!" for an error. */
export function apiValue(v: CellValue): string | number | boolean {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return v;
}

// ---------------------------------------------------------------------------------------------
// Number formats (a small subset: General, 0, 0.00, #,##0, #,##0.00, 0%, 0.0%, "@", literals)

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [m, e] = n.toExponential(5).split("e");
    const mant = m.replace(/\.?0+$/, "");
    const exp = Number(e);
    return `${mant}E${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  // up to 11 characters of digits, like Excel's General in a standard-width column
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 10 - intDigits);
  return String(Number(n.toFixed(decimals)));
}

function groupThousands(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function literal(text: string): string {
  return text
    .replace(/"([^"]*)"/g, "$1")
    .replace(/\\(.)/g, "$1")
    .replace(/[_*]./g, "");
}

function formatWithPattern(n: number, section: string): string {
  // separate the literal prefix / suffix from the digit pattern
  const m = /[#0?][#0?,.]*/.exec(section.replace(/"[^"]*"/g, (q) => "\u0000".repeat(q.length)));
  if (!m) return literal(section);
  const prefix = literal(section.slice(0, m.index));
  const pattern = m[0];
  const suffixRaw = section.slice(m.index + pattern.length);
  const percent = suffixRaw.includes("%");
  const suffix = literal(suffixRaw);
  const [intPat, decPat = ""] = pattern.split(".");
  const minInt = (intPat.match(/0/g) ?? []).length;
  const maxDec = (decPat.match(/[0#?]/g) ?? []).length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const grouped = intPat.includes(",");
  const v = Math.abs(percent ? n * 100 : n);
  let [i, d = ""] = v.toFixed(maxDec).split(".");
  while (d.length > minDec && d.endsWith("0")) d = d.slice(0, -1);
  if (i === "0" && minInt === 0) i = "";
  i = i.padStart(minInt, "0");
  if (grouped) i = groupThousands(i);
  return `${prefix}${i}${d ? "." + d : ""}${suffix}`;
}

/** The text Excel shows for a value under a number format (dates are shown as General). */
export function formatValue(v: CellValue, numberFormat: string): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = numberFormat || "General";
  if (fmt === "General" || fmt === "@" || /[dmyhs]/i.test(fmt.replace(/"[^"]*"/g, ""))) return formatGeneral(v);
  const sections = splitSections(fmt);
  if (v < 0 && sections.length >= 2) return formatWithPattern(-v, sections[1]);
  if (v === 0 && sections.length >= 3) return formatWithPattern(0, sections[2]);
  const text = formatWithPattern(v, sections[0]);
  return v < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Colours

/** CSS / HTML colour names, which Excel accepts besides "#RRGGBB". */
const NAMED_COLORS: Record<string, string> = Object.fromEntries(
  (
    "aliceblue:F0F8FF antiquewhite:FAEBD7 aqua:00FFFF aquamarine:7FFFD4 azure:F0FFFF beige:F5F5DC " +
    "bisque:FFE4C4 black:000000 blanchedalmond:FFEBCD blue:0000FF blueviolet:8A2BE2 brown:A52A2A " +
    "burlywood:DEB887 cadetblue:5F9EA0 chartreuse:7FFF00 chocolate:D2691E coral:FF7F50 " +
    "cornflowerblue:6495ED cornsilk:FFF8DC crimson:DC143C cyan:00FFFF darkblue:00008B darkcyan:008B8B " +
    "darkgoldenrod:B8860B darkgray:A9A9A9 darkgreen:006400 darkgrey:A9A9A9 darkkhaki:BDB76B " +
    "darkmagenta:8B008B darkolivegreen:556B2F darkorange:FF8C00 darkorchid:9932CC darkred:8B0000 " +
    "darksalmon:E9967A darkseagreen:8FBC8F darkslateblue:483D8B darkslategray:2F4F4F darkslategrey:2F4F4F " +
    "darkturquoise:00CED1 darkviolet:9400D3 deeppink:FF1493 deepskyblue:00BFFF dimgray:696969 " +
    "dimgrey:696969 dodgerblue:1E90FF firebrick:B22222 floralwhite:FFFAF0 forestgreen:228B22 " +
    "fuchsia:FF00FF gainsboro:DCDCDC ghostwhite:F8F8FF gold:FFD700 goldenrod:DAA520 gray:808080 " +
    "green:008000 greenyellow:ADFF2F grey:808080 honeydew:F0FFF0 hotpink:FF69B4 indianred:CD5C5C " +
    "indigo:4B0082 ivory:FFFFF0 khaki:F0E68C lavender:E6E6FA lavenderblush:FFF0F5 lawngreen:7CFC00 " +
    "lemonchiffon:FFFACD lightblue:ADD8E6 lightcoral:F08080 lightcyan:E0FFFF lightgoldenrodyellow:FAFAD2 " +
    "lightgray:D3D3D3 lightgreen:90EE90 lightgrey:D3D3D3 lightpink:FFB6C1 lightsalmon:FFA07A " +
    "lightseagreen:20B2AA lightskyblue:87CEFA lightslategray:778899 lightslategrey:778899 " +
    "lightsteelblue:B0C4DE lightyellow:FFFFE0 lime:00FF00 limegreen:32CD32 linen:FAF0E6 magenta:FF00FF " +
    "maroon:800000 mediumaquamarine:66CDAA mediumblue:0000CD mediumorchid:BA55D3 mediumpurple:9370DB " +
    "mediumseagreen:3CB371 mediumslateblue:7B68EE mediumspringgreen:00FA9A mediumturquoise:48D1CC " +
    "mediumvioletred:C71585 midnightblue:191970 mintcream:F5FFFA mistyrose:FFE4E1 moccasin:FFE4B5 " +
    "navajowhite:FFDEAD navy:000080 oldlace:FDF5E6 olive:808000 olivedrab:6B8E23 orange:FFA500 " +
    "orangered:FF4500 orchid:DA70D6 palegoldenrod:EEE8AA palegreen:98FB98 paleturquoise:AFEEEE " +
    "palevioletred:DB7093 papayawhip:FFEFD5 peachpuff:FFDAB9 peru:CD853F pink:FFC0CB plum:DDA0DD " +
    "powderblue:B0E0E6 purple:800080 rebeccapurple:663399 red:FF0000 rosybrown:BC8F8F royalblue:4169E1 " +
    "saddlebrown:8B4513 salmon:FA8072 sandybrown:F4A460 seagreen:2E8B57 seashell:FFF5EE sienna:A0522D " +
    "silver:C0C0C0 skyblue:87CEEB slateblue:6A5ACD slategray:708090 slategrey:708090 snow:FFFAFA " +
    "springgreen:00FF7F steelblue:4682B4 tan:D2B48C teal:008080 thistle:D8BFD8 tomato:FF6347 " +
    "turquoise:40E0D0 violet:EE82EE wheat:F5DEB3 white:FFFFFF whitesmoke:F5F5F5 yellow:FFFF00 " +
    "yellowgreen:9ACD32 " +
    ""
  )
    .trim()
    .split(/\s+/)
    .map((pair) => pair.split(":") as [string, string]),
);

/** "#ffff00" / "yellow" → "#FFFF00"; null when Excel would not accept it. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== "string") return null;
  const s = input.trim();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  const hex = NAMED_COLORS[s.toLowerCase()];
  return hex ? `#${hex}` : null;
}
