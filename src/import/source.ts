/**
 * The tables of a file exported by another system (the provincial one-stop system's
 * "Xuất Excel"), as plain grids of cells: an .xlsx (read by the shared XML reader), a CSV
 * (UTF-8 with or without BOM, comma, semicolon or tab), or the HTML table that web systems
 * save under an .xls name. Pure TS over bytes and strings — no DOM, no Node API — so the
 * command line and the task pane read a source the same way.
 */
import { columnLetter, parseCell } from "../report/refs";
import { normalizeCellText } from "../text/normalize";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { isErrorValue } from "../workbook/snapshot";
import { readXlsxSnapshot, XlsxFormatError } from "../workbook/xlsx-read";

/** A cell of a source table: text as shown, a number as stored, or empty. */
export type SourceCell = string | number | null;

/** One table of a source: a sheet of an .xlsx, the CSV, one `<table>` of an HTML file. */
export interface SourceTable {
  /** how messages name it: 'trang tính "Sheet1"', "bảng thứ 1 của tệp" (HTML), 'tệp "bieu.csv"' */
  name: string;
  /** cells by row then column, from A1; a merged or spanned cell's text is in each cell it covers (HTML) or in its first (.xlsx) */
  rows: SourceCell[][];
}

/** A1 address of a cell of a source table (0-based row and column). */
export const sourceAddress = (row: number, col: number): string => `${columnLetter(col + 1)}${row + 1}`;

export type SourceFormat = "xlsx" | "html" | "csv";

export type SourceRead = { ok: true; format: SourceFormat; tables: SourceTable[] } | { ok: false; problem: SourceProblem; detail?: string };

export type SourceProblem =
  /** a real Excel 97-2003 file (BIFF, an OLE container) */
  | "biff"
  | "empty"
  /** a zip that is not a workbook, or a workbook that cannot be read */
  | "badXlsx"
  /** text in an encoding other than UTF-8 / UTF-16 */
  | "encoding"
  /** no table in the file */
  | "noTable";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Text of a file: UTF-8 (BOM or not) or UTF-16 with a BOM; null when it is neither. */
export function decodeSourceText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** Reads the tables of a source file, whatever its name says: the bytes decide (an ".xls" is often HTML). */
export async function readSourceTables(bytes: Uint8Array, fileName: string): Promise<SourceRead> {
  if (bytes.length === 0) return { ok: false, problem: "empty" };
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: "biff" };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      return { ok: true, format: "xlsx", tables: tablesOfSnapshot(await readXlsxSnapshot(bytes)) };
    } catch (e) {
      if (e instanceof XlsxFormatError) return { ok: false, problem: e.problem === "ole" ? "biff" : "badXlsx", detail: e.problem };
      throw e;
    }
  }
  const text = decodeSourceText(bytes);
  if (text === null) return { ok: false, problem: "encoding" };
  if (/<table\b/i.test(text)) {
    const tables = parseHtmlTables(text);
    return tables.length ? { ok: true, format: "html", tables } : { ok: false, problem: "noTable" };
  }
  const rows = parseCsv(text);
  if (!rows.some((r) => r.some((c) => c !== null))) return { ok: false, problem: "noTable" };
  return { ok: true, format: "csv", tables: [{ name: `tệp "${fileName}"`, rows }] };
}

/** Each sheet of a workbook snapshot as a grid (error values as their text). */
export function tablesOfSnapshot(snapshot: WorkbookSnapshot): SourceTable[] {
  return snapshot.sheets.map((s) => {
    const rows: SourceCell[][] = [];
    for (const [address, value] of Object.entries(s.cells)) {
      const { row, col } = parseCell(address);
      (rows[row - 1] ??= [])[col - 1] = cellOf(value);
    }
    return { name: `trang tính "${s.name}"`, rows: fillHoles(rows) };
  });
}

function cellOf(v: CellValue): SourceCell {
  if (v === null || typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return isErrorValue(v) ? v.error : null;
}

/** A grid without holes: every row an array (possibly empty), every missing cell null. */
export function fillHoles(rows: SourceCell[][]): SourceCell[][] {
  const out: SourceCell[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    out.push(Array.from({ length: row.length }, (_, c) => row[c] ?? null));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The delimiter of a CSV text: the one of ";", ",", tab most frequent outside quotes in its first lines. */
function csvDelimiter(text: string): string {
  const head = text.slice(0, 4000);
  let best = ",";
  let bestCount = -1;
  for (const d of [";", ",", "\t"]) {
    let count = 0;
    let quoted = false;
    for (const ch of head) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && ch === d) count++;
    }
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** A CSV text (RFC 4180 quotes, CRLF or LF, a BOM ignored) as rows of text cells. */
export function parseCsv(text: string): SourceCell[][] {
  text = text.replace(/^\uFEFF/, "");
  const d = csvDelimiter(text);
  const rows: SourceCell[][] = [];
  let row: SourceCell[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    const t = normalizeCellText(cell).trim();
    row.push(t === "" ? null : t);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === d) endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    endCell();
    rows.push(row);
  }
  while (rows.length && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return rows;
}

// ---------------------------------------------------------------------------------------------
// HTML

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The text of an HTML fragment: tags removed, <br> and block ends as spaces, entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>|<\/(p|div|li)\s*>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === "#") {
        const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    });
  return normalizeCellText(text).replace(/\s+/g, " ").trim();
}

const spanOf = (attrs: string, name: string): number => {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?\\s*(\\d+)`, "i").exec(attrs);
  const n = m ? parseInt(m[1], 10) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 200) : 1;
};

/**
 * The `<table>`s of an HTML text (the outermost ones; a table inside a cell is that cell's
 * text), each as a grid in which a cell spanning rows or columns (rowspan, colspan) puts its
 * text in every position it covers. Closing tags may be missing, as HTML allows.
 */
export function parseHtmlTables(html: string): SourceTable[] {
  const tables: SourceTable[] = [];
  const tag = /<(\/?)(table|tr|td|th)\b([^>]*)>/gi;
  let depth = 0;
  let rows: { text: string; rowspan: number; colspan: number }[][] = [];
  let cell: { start: number; rowspan: number; colspan: number } | null = null;
  const closeCell = (end: number) => {
    if (!cell) return;
    if (!rows.length) rows.push([]);
    rows[rows.length - 1].push({ text: htmlText(html.slice(cell.start, end)), rowspan: cell.rowspan, colspan: cell.colspan });
    cell = null;
  };
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const [, slash, nameRaw, attrs] = m;
    const name = nameRaw.toLowerCase();
    if (name === "table") {
      if (!slash) {
        depth++;
        if (depth === 1) rows = [];
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          closeCell(m.index);
          tables.push({ name: `bảng thứ ${tables.length + 1} của tệp`, rows: gridOf(rows) });
        }
      }
      continue;
    }
    if (depth !== 1) continue; // a nested table is text of its cell
    if (name === "tr") {
      closeCell(m.index);
      if (!slash) rows.push([]);
    } else if (!slash) {
      closeCell(m.index);
      cell = { start: m.index + m[0].length, rowspan: spanOf(attrs, "rowspan"), colspan: spanOf(attrs, "colspan") };
    } else closeCell(m.index);
  }
  if (depth > 0) {
    closeCell(html.length);
    tables.push({ name: `bảng thứ ${tables.length + 1} của tệp`, rows: gridOf(rows) });
  }
  return tables.filter((t) => t.rows.some((r) => r.some((c) => c !== null)));
}

/** Rows of cells with spans → a grid; a spanned cell's text in every position it covers. */
function gridOf(rows: { text: string; rowspan: number; colspan: number }[][]): SourceCell[][] {
  const grid: SourceCell[][] = [];
  const taken: boolean[][] = [];
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          grid[r + dr][c + dc] = cell.text === "" ? null : cell.text;
          taken[r + dr][c + dc] = true;
        }
      }
      c += cell.colspan;
    }
  });
  return fillHoles(grid);
}
