/**
 * A1 addresses and sheet references, with Excel's quoting rules. Pure functions shared by
 * the layout, the reader, the roll-up and the office-js edge.
 */

export interface CellPos {
  row: number; // 1-based
  col: number; // 1-based
}

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "$C$5" or "c5" → {row: 5, col: 3}; throws on anything else. */
export function parseCell(a1: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]+)$/.exec(a1.trim());
  if (!m) throw new Error(`Not an A1 cell address: ${a1}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

export function cellAddress(pos: CellPos): string {
  return `${columnLetter(pos.col)}${pos.row}`;
}

/** "B5:B9" → every cell, row by row; "C5" → ["C5"]. */
export function cellsOfRange(ref: string): string[] {
  const { start, end } = parseRange(ref);
  const out: string[] = [];
  for (let r = start.row; r <= end.row; r++) for (let c = start.col; c <= end.col; c++) out.push(cellAddress({ row: r, col: c }));
  return out;
}

export function parseRange(ref: string): { start: CellPos; end: CellPos } {
  const [a, b] = ref.split(":");
  const start = parseCell(a);
  const end = b ? parseCell(b) : start;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

/** "C5" → "$C$5"; "B5:B9" → "$B$5:$B$9". */
export function absolute(ref: string): string {
  return ref
    .split(":")
    .map((part) => {
      const p = parseCell(part);
      return `$${columnLetter(p.col)}$${p.row}`;
    })
    .join(":");
}

/** "$B$5:$B$9" → "B5:B9". */
export function relative(ref: string): string {
  return ref.replace(/\$/g, "");
}

/**
 * Whether a sheet name must be quoted in a reference. Excel quotes names that are not a
 * plain identifier (letters, digits, underscore, dot; not starting with a digit), and
 * names that look like a cell (A1, R1C1) or a boolean.
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) return true;
  if (/^[A-Za-z]{1,3}[0-9]+$/.test(name)) return true;
  if (/^[Rr]([0-9]+)?([Cc]([0-9]+)?)?$/.test(name) || /^[Cc][0-9]*$/.test(name)) return true;
  if (/^(true|false)$/i.test(name)) return true;
  return false;
}

/** "I. Kết quả" → "'I. Kết quả'"; "Xã O'Brien" → "'Xã O''Brien'"; "Dau" → "Dau". */
export function quoteSheet(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "'I. Kết quả'!$C$5" */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}

/**
 * Parses "='I. Kết quả'!$C$5", "Sheet1!$B$2:$B$9" or "'Xã O''Brien'!C5" into its sheet and
 * range. Returns null for anything else (#REF!, constants, several areas).
 */
export function parseSheetRef(formula: string): { sheet: string; ref: string } | null {
  const s = formula.trim().replace(/^=/, "");
  let sheet: string;
  let rest: string;
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    for (;;) {
      if (i >= s.length) return null;
      const ch = s[i];
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    sheet = name;
    rest = s.slice(i + 1);
  } else {
    const bang = s.indexOf("!");
    if (bang < 0) return null;
    sheet = s.slice(0, bang);
    rest = s.slice(bang);
  }
  if (!rest.startsWith("!")) return null;
  const ref = rest.slice(1);
  if (!/^\$?[A-Za-z]{1,3}\$?[0-9]+(:\$?[A-Za-z]{1,3}\$?[0-9]+)?$/.test(ref)) return null;
  return { sheet, ref: relative(ref).toUpperCase() };
}
