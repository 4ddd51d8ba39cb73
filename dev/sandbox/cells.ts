/**
 * How the sandbox's grid shows a simulated cell: its text, its raw content for the formula
 * bar and the editor, and its CSS. Pure functions over excel-sim's model.
 */
import { formatValue, isCellError, type SimCell, type SimSheet } from "../excel-sim";
import type { CSSProperties } from "react";

/** Excel points → CSS pixels. */
export const PX_PER_PT = 96 / 72;

/** What the formula bar shows and the editor starts from: the formula, or the value as typed. */
export function rawContent(cell: SimCell): string {
  if (cell.formula !== null) return cell.formula;
  const v = cell.value;
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** The text the cell shows (its value under its number format). */
export function displayText(cell: SimCell): string {
  return formatValue(cell.value, cell.numberFormat);
}

const BORDER_SIDES = [
  ["EdgeTop", "borderTop"],
  ["EdgeBottom", "borderBottom"],
  ["EdgeLeft", "borderLeft"],
  ["EdgeRight", "borderRight"],
] as const;

function borderWidth(weight: string): number {
  return weight === "Thick" ? 3 : weight === "Medium" ? 2 : 1;
}

/** CSS for a cell: fill, font, alignment, wrapping and the borders the add-in drew. */
export function cellStyle(cell: SimCell): CSSProperties {
  const s: CSSProperties = {};
  if (cell.fill) s.backgroundColor = cell.fill;
  const f = cell.font;
  if (f.bold) s.fontWeight = 700;
  if (f.italic) s.fontStyle = "italic";
  if (f.color && f.color !== "#000000") s.color = f.color;
  if (f.size) s.fontSize = `${f.size}pt`;
  if (f.name) s.fontFamily = `"${f.name}", ${/times/i.test(f.name) ? '"Liberation Serif", serif' : '"Liberation Sans", Calibri, Arial, sans-serif'}`;
  if (f.underline && f.underline !== "None") s.textDecoration = "underline";
  if (f.strikethrough) s.textDecoration = `${s.textDecoration ?? ""} line-through`.trim();
  const h = cell.hAlign;
  s.textAlign =
    h === "Center" || h === "CenterAcrossSelection"
      ? "center"
      : h === "Right"
        ? "right"
        : h === "Left"
          ? "left"
          : typeof cell.value === "number"
            ? "right"
            : typeof cell.value === "boolean" || (cell.value !== null && isCellError(cell.value))
              ? "center"
              : "left";
  s.verticalAlign = cell.vAlign === "Top" ? "top" : cell.vAlign === "Center" ? "middle" : "bottom";
  s.whiteSpace = cell.wrap ? "pre-wrap" : "pre";
  for (const [edge, prop] of BORDER_SIDES) {
    const b = cell.borders?.[edge];
    if (b && b.style !== "None") {
      const style =
        b.style === "Dash" || b.style === "DashDot" || b.style === "DashDotDot"
          ? "dashed"
          : b.style === "Dot"
            ? "dotted"
            : b.style === "Double"
              ? "double"
              : "solid";
      s[prop] = `${borderWidth(b.weight)}px ${style} ${b.color || "#000000"}`;
    }
  }
  return s;
}

/** Rows and columns the grid shows: the used area and some room around it. */
export function gridExtent(sheet: SimSheet): { rows: number; cols: number } {
  const used = sheet.usedRect(false);
  let rows = used ? used.r2 + 1 : 0;
  let cols = used ? used.c2 + 1 : 0;
  for (const m of sheet.merges) {
    rows = Math.max(rows, m.r2 + 1);
    cols = Math.max(cols, m.c2 + 1);
  }
  for (const c of sheet.columnWidths.keys()) if (c < 52) cols = Math.max(cols, c + 1);
  return { rows: Math.max(rows + 10, 40), cols: Math.max(cols + 2, 10) };
}
