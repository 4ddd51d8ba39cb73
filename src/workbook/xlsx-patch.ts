/**
 * Edits an .xlsx package in place of rebuilding it: the one writer of every command that
 * writes a workbook the office made ("Kỳ mới" in the pane and `bao-cao next-period`,
 * `bao-cao fix-text`, the web page's marked copy). It opens the file's own bytes (through the
 * guarded reader), changes the cells it is given on the sheets it is given — values, formulas,
 * a cell's font or fill — and
 * leaves every other part as it was, byte for byte: the office's own sheets, charts,
 * drawings, images, comments, column widths, row heights, page setup, conditional formats,
 * data validations, defined names, themes. Within an edited sheet only the rows that hold an
 * edited cell are rewritten (and the cached results of formulas, which Excel and LibreOffice
 * compute again on opening). Pure and browser-safe (JSZip only), like the reader.
 */
import JSZip from "jszip";
import { columnNumber, parseCell } from "../report/refs";
import type { CellValue } from "./snapshot";
import { attributes, decodeXml, elements, openPackage, resolveTarget, shiftFormula, type PartReader } from "./xlsx-read";

/**
 * One cell to write: a value (null clears it, keeping its style), or a formula, or neither (the
 * cell's content kept, only its style changed); optionally its font's name and its fill.
 */
export type CellEdit = {
  sheet: string;
  address: string;
  font?: string;
  /** a solid fill ("#RRGGBB"): the cell's style with that fill */
  fill?: string;
  /** a cell style index of this package instead of the cell's own */
  style?: number;
} & ({ value: CellValue; formula?: undefined } | { formula: string; value?: undefined } | { value?: undefined; formula?: undefined });

/** Whether an edit writes the cell's content (not only its style). */
const writesContent = (e: CellEdit) => e.value !== undefined || e.formula !== undefined;

/** A sheet named in an edit is not in the workbook (the caller checks first; this is a programming error). */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatchError";
  }
}

const P = "(?:[A-Za-z_][\\w.-]*:)?"; // a namespace prefix, or none
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Characters XML cannot hold, as SpreadsheetML's `_xHHHH_` escapes (a literal "_x" is escaped too). */
const escapeText = (s: string) =>
  escapeXml(
    s
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`),
  );

function attrText(attrs: Record<string, string>): string {
  return Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join("");
}

/* ------------------------------------------------------------------ fonts and styles */

/** The schema's order of a font's children (CT_Font); ExcelJS writes <sz> and <color> after <name> and <scheme>. */
const FONT_ORDER = ["b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color", "name", "family", "charset", "scheme"];

function orderFontChildren(inner: string): string {
  const children = [...inner.matchAll(new RegExp(`<(${P})([A-Za-z]+)\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1\\2>)`, "g"))].map((m) => ({ xml: m[0], tag: m[2] }));
  if (children.map((c) => c.xml).join("") !== inner.trim()) return inner; // something unexpected: leave it
  const rank = (tag: string) => (FONT_ORDER.includes(tag) ? FONT_ORDER.indexOf(tag) : FONT_ORDER.length);
  const sorted = [...children].sort((a, b) => rank(a.tag) - rank(b.tag));
  return sorted.every((c, i) => c === children[i]) ? inner : sorted.map((c) => c.xml).join("");
}

/** styles.xml with every font's children in the schema's order; unchanged text when they already are. */
export function orderFonts(stylesXml: string): string {
  return stylesXml.replace(new RegExp(`(<${P}font\\b[^>]*>)([\\s\\S]*?)(</${P}font>)`, "g"), (all, open: string, inner: string, close: string) => {
    const ordered = orderFontChildren(inner);
    return ordered === inner ? all : open + ordered + close;
  });
}

/** The cell styles of styles.xml, with new ones added on demand (a style like another, with another font). */
class StyleBook {
  fonts: string[];
  fills: string[];
  borders: string[];
  xfs: string[];
  /** custom number formats: id → format code */
  numFmts: Map<number, string>;
  private added = new Map<string, number>();
  private grew = false;
  constructor(private xml: string) {
    this.fonts = this.list("fonts", "font");
    this.fills = this.list("fills", "fill");
    this.borders = this.list("borders", "border");
    this.xfs = this.list("cellXfs", "xf");
    this.numFmts = new Map(
      [...elements(this.xml.match(new RegExp(`<${P}numFmts\\b[\\s\\S]*?</${P}numFmts>`))?.[0] ?? "", "numFmt")].map((e) => [
        Number(e.attrs.numFmtId),
        e.attrs.formatCode ?? "",
      ]),
    );
  }

  /** The index of `item` in `list`, added at the end when it is not there. */
  private indexIn(list: string[], item: string): number {
    const at = list.indexOf(item);
    if (at >= 0) return at;
    list.push(item);
    this.grew = true;
    return list.length - 1;
  }

  /** A cell style of another package (its font, fill, border and number format) as a style of this one. */
  importXf(from: StyleBook, s: number): number {
    const key = `import\u0000${s}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xf = from.xfs[s] ?? from.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const attr = (name: string) => Number(new RegExp(`\\b${name}="([0-9]+)"`).exec(xf)?.[1] ?? 0);
    const set = (x: string, name: string, v: number) =>
      new RegExp(`\\b${name}="[0-9]+"`).test(x) ? x.replace(new RegExp(`\\b${name}="[0-9]+"`), `${name}="${v}"`) : x;
    let numFmtId = attr("numFmtId");
    if (numFmtId >= 164) {
      const code = from.numFmts.get(numFmtId) ?? "General";
      const same = [...this.numFmts].find(([, c]) => c === code);
      numFmtId = same ? same[0] : Math.max(163, ...this.numFmts.keys()) + 1;
      if (!same) {
        this.numFmts.set(numFmtId, code);
        this.grew = true;
      }
    }
    let out = set(xf, "numFmtId", numFmtId);
    out = set(out, "fontId", this.indexIn(this.fonts, from.fonts[attr("fontId")] ?? this.fonts[0]));
    out = set(out, "fillId", this.indexIn(this.fills, from.fills[attr("fillId")] ?? this.fills[0]));
    out = set(out, "borderId", this.indexIn(this.borders, from.borders[attr("borderId")] ?? this.borders[0]));
    out = set(out, "xfId", 0);
    const index = this.indexIn(this.xfs, out);
    this.added.set(key, index);
    return index;
  }

  private list(group: string, tag: string): string[] {
    const inner = new RegExp(`<${P}${group}\\b[^>]*>([\\s\\S]*?)</${P}${group}>`).exec(this.xml)?.[1] ?? "";
    return [...inner.matchAll(new RegExp(`<(${P})${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</\\1${tag}>)`, "g"))].map((m) => m[0]);
  }

  get changed(): boolean {
    return this.added.size > 0 || this.grew;
  }

  /** The index of a cell style like `s` with its font named `font` (added at the end when new). */
  withFont(s: number, font: string): number {
    const key = `${s}\u0000${font}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xf = this.xfs[s] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const fontId = Number(/\bfontId="([0-9]+)"/.exec(xf)?.[1] ?? 0);
    const base = this.fonts[fontId] ?? this.fonts[0] ?? "<font/>";
    const name = `<name val="${escapeXml(font)}"/>`;
    const open = /^<(?:[A-Za-z_][\w.-]*:)?font\b[^>]*?(\/?)>/.exec(base);
    let inner = open?.[1] ? "" : base.slice(open?.[0].length ?? 0).replace(/<\/(?:[A-Za-z_][\w.-]*:)?font>$/, "");
    // a legacy font's name, character set, family and scheme do not belong to the new font
    inner = inner.replace(/<(?:[A-Za-z_][\w.-]*:)?(?:name|charset|family|scheme)\b[^>]*\/>/g, "");
    const newFont = `<font>${orderFontChildren(inner + name)}</font>`;
    this.fonts.push(newFont);
    const newXf = xf
      .replace(/\bfontId="[0-9]+"/, `fontId="${this.fonts.length - 1}"`)
      .replace(/^<((?:[A-Za-z_][\w.-]*:)?xf)\b(?![^>]*\bfontId=)/, `<$1 fontId="${this.fonts.length - 1}"`)
      .replace(/\bapplyFont="[^"]*"/, 'applyFont="1"')
      .replace(/^<((?:[A-Za-z_][\w.-]*:)?xf)\b(?![^>]*\bapplyFont=)/, '<$1 applyFont="1"');
    this.xfs.push(newXf);
    this.added.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  /** The index of a cell style like `s` with a solid fill of `color` ("#RRGGBB"; added at the end when new). */
  withFill(s: number, color: string): number {
    const rgb = `FF${color.replace(/^#/, "").toUpperCase()}`;
    const key = `${s}\u0000fill\u0000${rgb}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xf = this.xfs[s] ?? this.xfs[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    // CT_PatternFill: fgColor before bgColor
    const fillId = this.indexIn(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${rgb}"/><bgColor indexed="64"/></patternFill></fill>`);
    const newXf = xf
      .replace(/\bfillId="[0-9]+"/, `fillId="${fillId}"`)
      .replace(/^<((?:[A-Za-z_][\w.-]*:)?xf)\b(?![^>]*\bfillId=)/, `<$1 fillId="${fillId}"`)
      .replace(/\bapplyFill="[^"]*"/, 'applyFill="1"')
      .replace(/^(<(?:[A-Za-z_][\w.-]*:)?xf\b(?![^>]*\bapplyFill=)[^>]*?)(\/?>)/, '$1 applyFill="1"$2');
    const index = this.indexIn(this.xfs, newXf);
    this.added.set(key, index);
    return index;
  }

  toXml(): string {
    const put = (xml: string, group: string, items: string[]) =>
      xml.replace(new RegExp(`(<${P}${group}\\b)([^>]*)>[\\s\\S]*?(</${P}${group}>)`), (_a, open: string, attrs: string, close: string) => {
        const counted = /\bcount="[0-9]*"/.test(attrs) ? attrs.replace(/\bcount="[0-9]*"/, `count="${items.length}"`) : ` count="${items.length}"${attrs}`;
        return `${open}${counted}>${items.join("")}${close}`;
      });
    let xml = put(put(put(put(this.xml, "fonts", this.fonts), "fills", this.fills), "borders", this.borders), "cellXfs", this.xfs);
    if (this.numFmts.size) {
      const list = [...this.numFmts].map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
      if (new RegExp(`<${P}numFmts\\b`).test(xml)) xml = put(xml, "numFmts", list);
      else xml = xml.replace(new RegExp(`(<${P}styleSheet\\b[^>]*>)`), `$1<numFmts count="${list.length}">${list.join("")}</numFmts>`);
    }
    return xml;
  }
}

/* ------------------------------------------------------------------ cells */

function cellXml(address: string, keep: Record<string, string>, edit: CellEdit): string {
  const attrs: Record<string, string> = { r: address };
  for (const [k, v] of Object.entries(keep)) if (k !== "r" && k !== "t" && k !== "cm" && k !== "vm") attrs[k] = v;
  if (edit.formula !== undefined) return `<c${attrText(attrs)}><f>${escapeXml(edit.formula.replace(/^=/, ""))}</f></c>`;
  const v = edit.value;
  if (v === null || v === undefined || v === "") return attrs.s === undefined || attrs.s === "0" ? "" : `<c${attrText(attrs)}/>`;
  if (typeof v === "number") return Number.isFinite(v) ? `<c${attrText(attrs)}><v>${v}</v></c>` : `<c${attrText(attrs)}/>`;
  if (typeof v === "boolean") return `<c${attrText({ ...attrs, t: "b" })}><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "object") return `<c${attrText({ ...attrs, t: "e" })}><v>${escapeXml(v.error)}</v></c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<c${attrText({ ...attrs, t: "inlineStr" })}><is><t${space}>${escapeText(v)}</t></is></c>`;
}

/** A cell's own XML with another style index (an empty cell made when there was none). */
function restyled(address: string, old: string | undefined, s: string | undefined): string {
  if (!old) return s === undefined || s === "0" ? "" : `<c r="${address}" s="${s}"/>`;
  const open = new RegExp(`^<(${P})c\\b([^>]*?)(/?)>`).exec(old)!;
  const a = attributes(open[2]);
  if (s === undefined) delete a.s;
  else a.s = s;
  return `<${open[1]}c${attrText(a)}${open[3]}>` + old.slice(open[0].length);
}

interface RowChunk {
  row: number;
  xml: string;
}

/** The rows of a sheetData's inner XML, each with its number (counted on where `r` is missing). */
function rowsOf(inner: string): { rows: RowChunk[]; rest: string } {
  const rows: RowChunk[] = [];
  let last = 0;
  const rest = inner.replace(new RegExp(`<(${P})row\\b([^>]*?)(?:/>|>[\\s\\S]*?</\\1row>)`, "g"), (xml: string, _p: string, attrs: string) => {
    const r = Number(attributes(attrs).r ?? last + 1);
    last = r;
    rows.push({ row: r, xml });
    return "";
  });
  return { rows, rest };
}

/** A row rewritten with its edits: cells in column order, `spans` dropped (it may no longer hold). */
function editRow(rowXml: string, row: number, edits: Map<string, CellEdit>, style: (s: number, edit: CellEdit) => number): string {
  const m = new RegExp(`^<(${P})row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1row>)$`).exec(rowXml);
  const prefix = m?.[1] ?? "";
  const rowAttrs = attributes(m?.[2] ?? "");
  delete rowAttrs.spans;
  rowAttrs.r = String(row);
  const cells = new Map<number, string>();
  let col = 0;
  let other = "";
  const inner = (m?.[3] ?? "").replace(new RegExp(`<(${P})c\\b([^>]*?)(?:/>|>[\\s\\S]*?</\\1c>)`, "g"), (xml: string, _p: string, attrs: string) => {
    const r = attributes(attrs).r;
    col = r ? columnNumber(r.replace(/[0-9]+$/, "").toUpperCase()) : col + 1;
    cells.set(col, xml);
    return "";
  });
  other = inner.trim(); // an extLst of the row, kept after its cells
  for (const [address, edit] of edits) {
    const c = parseCell(address).col;
    const old = cells.get(c);
    const keep = old ? attributes(new RegExp(`^<${P}c\\b([^>]*?)(?:/>|>)`).exec(old)?.[1] ?? "") : {};
    if (edit.style !== undefined) keep.s = String(edit.style);
    if (edit.font || edit.fill) keep.s = String(style(Number(keep.s ?? 0), edit));
    // a style-only edit keeps the cell's content as it was
    const xml = writesContent(edit) ? cellXml(address, keep, edit) : restyled(address, old, keep.s);
    if (xml) cells.set(c, prefix ? xml.replace(/<(\/?)(c|f|v|is|t)\b/g, `<$1${prefix}$2`) : xml);
    else cells.delete(c);
  }
  const body = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
  return `<${prefix}row${attrText(rowAttrs)}>${body.join("")}${other}</${prefix}row>`;
}

/**
 * A sheet's XML where the shared formulas (Excel's "fill down") whose first cell is about to
 * change are written out in every cell of their range, so that the other cells keep their
 * formula when the first one is cleared or overwritten.
 */
function unshareFormulas(xml: string, edited: Set<string>): string {
  const cellRe = new RegExp(`<(${P})c\\b([^>]*?)(?<!/)>((?:(?!</\\1c>)[\\s\\S])*?)</\\1c>`, "g");
  const fRe = new RegExp(`<(${P})f\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1f>)`);
  const masters = new Map<string, { address: string; formula: string }>();
  for (const m of xml.matchAll(cellRe)) {
    const address = attributes(m[2]).r?.toUpperCase();
    const f = fRe.exec(m[3]);
    if (!address || !f || !edited.has(address)) continue;
    const fa = attributes(f[2]);
    if (fa.t === "shared" && fa.si !== undefined && f[3]) masters.set(fa.si, { address, formula: decodeXml(f[3]) });
  }
  if (!masters.size) return xml;
  return xml.replace(cellRe, (all, p: string, attrs: string, inner: string) => {
    const address = attributes(attrs).r?.toUpperCase();
    const f = fRe.exec(inner);
    const si = f ? attributes(f[2]).si : undefined;
    const master = si !== undefined && attributes(f![2]).t === "shared" ? masters.get(si) : undefined;
    if (!address || !f || !master) return all;
    const formula = address === master.address ? master.formula : shiftFormula(master.formula, master.address, address);
    return `<${p}c${attrs}>${inner.replace(f[0], `<${f[1]}f>${escapeXml(formula)}</${f[1]}f>`)}</${p}c>`;
  });
}

/** A sheet's XML with the edits made (only the rows that hold one are rewritten). */
function editSheetXml(original: string, edits: CellEdit[], style: (s: number, edit: CellEdit) => number): string {
  const xml = unshareFormulas(original, new Set(edits.filter(writesContent).map((e) => e.address.replace(/\$/g, "").toUpperCase())));
  const byRow = new Map<number, Map<string, CellEdit>>();
  for (const e of edits) {
    const address = e.address.replace(/\$/g, "").toUpperCase();
    const row = parseCell(address).row;
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(address, e);
  }
  const sd = new RegExp(`<(${P})sheetData\\b([^>]*?)(?:/>|>([\\s\\S]*?)</\\1sheetData>)`).exec(xml);
  if (!sd) throw new PatchError("a worksheet without sheetData");
  const prefix = sd[1];
  const { rows, rest } = rowsOf(sd[3] ?? "");
  const seen = new Set<number>();
  const out: RowChunk[] = rows.map((r) => {
    const edit = byRow.get(r.row);
    if (!edit) return r;
    seen.add(r.row);
    return { row: r.row, xml: editRow(r.xml, r.row, edit, style) };
  });
  for (const [row, edit] of byRow) {
    if (seen.has(row)) continue;
    const made = editRow(`<${prefix}row r="${row}"/>`, row, edit, style);
    if (!new RegExp(`^<${P}row\\b[^>]*></${P}row>$`).test(made)) out.push({ row, xml: made });
  }
  out.sort((a, b) => a.row - b.row);
  const body = out.map((r) => r.xml).join("") + rest;
  return xml.slice(0, sd.index) + `<${prefix}sheetData${sd[2]}>${body}</${prefix}sheetData>` + xml.slice(sd.index + sd[0].length);
}

/** A sheet's XML with every formula's cached result dropped (the application computes it on opening). */
function dropCachedResults(xml: string): string {
  return xml.replace(
    new RegExp(`<(${P})c\\b([^>]*?)(?<!/)>((?:(?!</\\1c>)[\\s\\S])*?<${P}f\\b[\\s\\S]*?)</\\1c>`, "g"),
    (all, p: string, attrs: string, inner: string) => {
      const noValue = inner.replace(new RegExp(`<${P}v>[\\s\\S]*?</${P}v>|<${P}v/>`, "g"), "");
      const a = attributes(attrs);
      if (noValue === inner && a.t === undefined) return all;
      delete a.t;
      return `<${p}c${attrText(a)}>${noValue}</${p}c>`;
    },
  );
}

/* ------------------------------------------------------------------ the package */

export interface PackageSheet {
  name: string;
  /** its part, e.g. "xl/worksheets/sheet1.xml" */
  path: string;
  /** a chartsheet or a dialog sheet: not a worksheet, never edited */
  worksheet: boolean;
}

/** An opened workbook package, edited in place. */
export class XlsxPackage {
  private parts = new Map<string, string>();
  private originals = new Map<string, string>();
  private formulasChanged = false;

  private constructor(
    private readonly zip: JSZip,
    private readonly read: PartReader,
    private readonly workbookPath: string,
    private readonly relsPath: string,
    readonly sheets: PackageSheet[],
    private readonly stylesPath: string | undefined,
  ) {}

  /** Opens the bytes of an .xlsx (guarded like the reader: XlsxFormatError for what is not one). */
  static async open(bytes: Uint8Array): Promise<XlsxPackage> {
    const { zip, workbookPath, read } = await openPackage(bytes);
    const workbookXml = (await read(workbookPath)) ?? "";
    const relsPath = resolveTarget(workbookPath, `_rels/${workbookPath.split("/").pop()}.rels`);
    const rels = new Map<string, { target: string; type: string }>();
    for (const { attrs } of elements((await read(relsPath)) ?? "", "Relationship"))
      rels.set(attrs.Id, { target: resolveTarget(workbookPath, attrs.Target ?? ""), type: attrs.Type ?? "" });
    const sheets: PackageSheet[] = [];
    for (const { attrs } of elements(workbookXml, "sheet")) {
      const rel = rels.get(attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "");
      if (rel) sheets.push({ name: attrs.name, path: rel.target, worksheet: rel.type.endsWith("/worksheet") });
    }
    const stylesPath = [...rels.values()].find((r) => r.type.endsWith("/styles"))?.target;
    return new XlsxPackage(zip, read, workbookPath, relsPath, sheets, stylesPath);
  }

  /** The worksheet of that name (Excel compares sheet names without case). */
  sheet(name: string): PackageSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.worksheet && s.name.toLowerCase() === lower);
  }

  private async part(path: string): Promise<string> {
    const known = this.parts.get(path);
    if (known !== undefined) return known;
    const text = (await this.read(path)) ?? "";
    this.parts.set(path, text);
    this.originals.set(path, text);
    return text;
  }

  /**
   * Writes cells: values (text as inline strings), formulas (without a cached result), fonts.
   * Each cell keeps its style unless given a font. Formulas of the workbook computed from the
   * edited sheets lose their cached results, and the workbook asks for a full calculation on
   * opening, so no stale figure is shown. Edits of styles only (a font, a fill) change no
   * result; `readByNoFormula` says the written cells are ones no formula reads (the check
   * column the add-in owns), so every cached result stays as it was.
   */
  async edit(edits: CellEdit[], options: { readByNoFormula?: boolean } = {}): Promise<void> {
    if (!edits.length) return;
    const bySheet = new Map<PackageSheet, CellEdit[]>();
    for (const e of edits) {
      const sheet = this.sheet(e.sheet);
      if (!sheet) throw new PatchError(`no worksheet "${e.sheet}"`);
      if (!bySheet.has(sheet)) bySheet.set(sheet, []);
      bySheet.get(sheet)!.push(e);
    }
    const styles = await this.styleBook();
    const style = (s: number, e: CellEdit) => {
      if (!styles) return s;
      const withFont = e.font ? styles.withFont(s, e.font) : s;
      return e.fill ? styles.withFill(withFont, e.fill) : withFont;
    };
    for (const [sheet, list] of bySheet) {
      const xml = await this.part(sheet.path);
      if (hasFormulaAt(xml, list)) this.formulasChanged = true;
      this.parts.set(sheet.path, editSheetXml(xml, list, style));
    }
    // cached results computed from what changed (a style changes no result)
    const edited = [...bySheet].filter(([, list]) => list.some(writesContent)).map(([sheet]) => sheet);
    if (!edited.length || options.readByNoFormula) return;
    for (const sheet of this.sheets) {
      if (!sheet.worksheet) continue;
      const xml = await this.part(sheet.path);
      if (!new RegExp(`<${P}f\\b`).test(xml)) continue;
      const reads = edited.includes(sheet) || edited.some((e) => formulasMention(xml, e.name));
      if (reads) this.parts.set(sheet.path, dropCachedResults(xml));
    }
    await this.calculateOnLoad();
  }

  private async calculateOnLoad(): Promise<void> {
    const xml = await this.part(this.workbookPath);
    const calc = new RegExp(`<(${P})calcPr\\b([^>]*?)(/?)>`).exec(xml);
    let out: string;
    if (calc) {
      const a = attributes(calc[2]);
      if (a.fullCalcOnLoad === "1" || a.fullCalcOnLoad === "true") return;
      a.fullCalcOnLoad = "1";
      out = xml.slice(0, calc.index) + `<${calc[1]}calcPr${attrText(a)}${calc[3]}>` + xml.slice(calc.index + calc[0].length);
    } else {
      // CT_Workbook: calcPr comes right after sheets, functionGroups, externalReferences, definedNames
      const after = [
        ...xml.matchAll(
          new RegExp(
            `</(${P})(?:sheets|functionGroups|externalReferences|definedNames)>|<(${P})(?:functionGroups|externalReferences|definedNames)\\b[^>]*/>`,
            "g",
          ),
        ),
      ].pop();
      if (!after) return;
      const p = after[1] ?? after[2] ?? "";
      const at = after.index! + after[0].length;
      out = xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
    }
    this.parts.set(this.workbookPath, out);
  }

  /** The calculation chain lists formula cells; when they change it goes (Excel makes it again). */
  private async dropCalcChain(): Promise<void> {
    const rels = await this.part(this.relsPath);
    const chain = [...elements(rels, "Relationship")].find((r) => (r.attrs.Type ?? "").endsWith("/calcChain"));
    if (!chain) return;
    const path = resolveTarget(this.workbookPath, chain.attrs.Target ?? "");
    this.zip.remove(path);
    this.parts.delete(path);
    this.parts.set(this.relsPath, rels.replace(new RegExp(`<${P}Relationship\\b[^>]*\\bId="${chain.attrs.Id}"[^>]*/>`), ""));
    const types = await this.part("[Content_Types].xml");
    this.parts.set(
      "[Content_Types].xml",
      types.replace(new RegExp(`<${P}Override\\b[^>]*PartName="/${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`), ""),
    );
  }

  private styles: StyleBook | undefined;
  private async styleBook(): Promise<StyleBook | undefined> {
    if (!this.stylesPath) return undefined;
    return (this.styles ??= new StyleBook(await this.part(this.stylesPath)));
  }

  /** A cell's style index in another package, as a style of this one (added when new). */
  async importCellStyle(source: XlsxPackage, sheet: string, address: string): Promise<number | undefined> {
    const [mine, theirs] = [await this.styleBook(), await source.styleBook()];
    const part = source.sheet(sheet);
    if (!mine || !theirs || !part) return undefined;
    const xml = await source.part(part.path);
    const cell = new RegExp(`<${P}c\\b([^>]*\\br="${address}"[^>]*?)(?:/>|>)`).exec(xml);
    return mine.importXf(theirs, Number(attributes(cell?.[1] ?? "").s ?? 0));
  }

  /**
   * Adds worksheets of another package (written by our own writer) at the end of this
   * workbook, in order: their cells (shared strings made inline), styles (imported),
   * widths, merges, validations, views and page setup. A sheet with parts of its own
   * (drawings, comments) is refused: our writer never makes one.
   */
  async addSheetsFrom(source: XlsxPackage, names: string[]): Promise<void> {
    const mine = await this.styleBook();
    const theirs = await source.styleBook();
    const shared = await source.sharedStrings();
    let workbook = await this.part(this.workbookPath);
    let rels = await this.part(this.relsPath);
    let types = await this.part("[Content_Types].xml");
    const ids = new Set([...elements(rels, "Relationship")].map((r) => r.attrs.Id));
    let sheetId = Math.max(0, ...[...elements(workbook, "sheet")].map((e) => Number(e.attrs.sheetId) || 0));
    for (const name of names) {
      const from = source.sheet(name);
      if (!from) throw new PatchError(`no worksheet "${name}" to add`);
      let xml = await source.part(from.path);
      if (new RegExp(`\\br:id=`).test(xml)) throw new PatchError(`worksheet "${name}" has parts of its own`);
      // shared strings → inline strings; styles → this package's
      xml = xml.replace(
        new RegExp(`<(${P})c\\b([^>]*?)(/>|>([\\s\\S]*?)</\\1c>)`, "g"),
        (all, p: string, attrs: string, _rest: string, inner: string | undefined) => {
          const a = attributes(attrs);
          if (a.s !== undefined && mine && theirs) a.s = String(mine.importXf(theirs, Number(a.s)));
          if (a.t === "s" && inner !== undefined) {
            const v = /<(?:[A-Za-z_][\w.-]*:)?v>([0-9]+)</.exec(inner)?.[1];
            const text = v === undefined ? "" : (shared[Number(v)] ?? "");
            return cellXml(a.r, a, { sheet: name, address: a.r, value: text })
              .replace(/^<c\b/, `<${p}c`)
              .replace(/<\/c>$/, `</${p}c>`);
          }
          return `<${p}c${attrText(a)}${inner === undefined ? "/>" : `>${inner}</${p}c>`}`;
        },
      );
      xml = xml.replace(/(<(?:[A-Za-z_][\w.-]*:)?(?:row|col)\b[^>]*?\b(?:s|style)=")([0-9]+)"/g, (all, head: string, n: string) =>
        mine && theirs ? `${head}${mine.importXf(theirs, Number(n))}"` : all,
      );
      xml = xml.replace(/\s+tabSelected="(?:1|true)"/g, ""); // the office's selected sheet stays the selected one
      let n = 1;
      while (this.zip.file(`xl/worksheets/sheet${n}.xml`) || this.parts.has(`xl/worksheets/sheet${n}.xml`)) n++;
      const path = `xl/worksheets/sheet${n}.xml`;
      let id = 1;
      while (ids.has(`rId${id}`)) id++;
      ids.add(`rId${id}`);
      this.parts.set(path, xml);
      this.sheets.push({ name, path, worksheet: true });
      rels = rels.replace(/(<\/(?:[A-Za-z_][\w.-]*:)?Relationships>)/, `<Relationship Id="rId${id}" Type="${REL_NS}/worksheet" Target="/${path}"/>$1`);
      const state = [...elements(await source.part(source.workbookPath), "sheet")].find((e) => e.attrs.name === name)?.attrs.state;
      workbook = workbook.replace(
        new RegExp(`(</${P}sheets>)`),
        `<sheet name="${escapeXml(name)}" sheetId="${++sheetId}"${state && state !== "visible" ? ` state="${state}"` : ""} r:id="rId${id}"/>$1`,
      );
      types = types.replace(
        /(<\/Types>)/,
        `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>$1`,
      );
    }
    this.parts.set(this.workbookPath, workbook);
    this.parts.set(this.relsPath, rels);
    if (types) this.parts.set("[Content_Types].xml", types);
  }

  /** The shared strings' texts (for sheets taken from this package). */
  private async sharedStrings(): Promise<string[]> {
    const rels = await this.part(this.relsPath);
    const rel = [...elements(rels, "Relationship")].find((r) => (r.attrs.Type ?? "").endsWith("/sharedStrings"));
    if (!rel) return [];
    const xml = await this.part(resolveTarget(this.workbookPath, rel.attrs.Target ?? ""));
    return [...elements(xml, "si")].map((si) => {
      let out = "";
      for (const t of elements((si.inner ?? "").replace(/<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g, ""), "t"))
        out += decodeXml(t.inner ?? "");
      return out;
    });
  }

  /** Sets a workbook-level defined name (replaced when there, added when not). */
  async setDefinedName(name: string, ref: string): Promise<void> {
    let workbook = await this.part(this.workbookPath);
    const element = `<definedName name="${escapeXml(name)}">${escapeXml(ref)}</definedName>`;
    const existing = new RegExp(
      `<${P}definedName\\b(?![^>]*\\blocalSheetId=)[^>]*\\bname="${escapeXml(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>[\\s\\S]*?</${P}definedName>`,
    );
    if (existing.test(workbook)) workbook = workbook.replace(existing, element);
    else if (new RegExp(`</${P}definedNames>`).test(workbook)) workbook = workbook.replace(new RegExp(`(</${P}definedNames>)`), `${element}$1`);
    else workbook = workbook.replace(new RegExp(`(</${P}sheets>)`), `$1<definedNames>${element}</definedNames>`);
    this.parts.set(this.workbookPath, workbook);
  }

  /** The package's bytes: the edited parts replaced, every other part as it was. */
  async bytes(): Promise<Uint8Array> {
    if (this.formulasChanged) await this.dropCalcChain();
    if (this.styles?.changed && this.stylesPath) this.parts.set(this.stylesPath, this.styles.toXml());
    if (this.stylesPath) {
      const styles = await this.part(this.stylesPath);
      const ordered = orderFonts(styles);
      if (ordered !== styles) this.parts.set(this.stylesPath, ordered);
    }
    for (const [path, text] of this.parts) {
      const original = this.zip.file(path);
      if (original && this.originals.get(path) === text) continue;
      this.zip.file(path, text);
    }
    return this.zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}

/** Whether any edited cell holds a formula now or will hold one. */
function hasFormulaAt(xml: string, edits: CellEdit[]): boolean {
  if (edits.some((e) => e.formula !== undefined)) return true;
  const at = new Set(edits.filter(writesContent).map((e) => e.address.replace(/\$/g, "").toUpperCase()));
  for (const m of xml.matchAll(new RegExp(`<(${P})c\\b([^>]*?)(?<!/)>((?:(?!</\\1c>)[\\s\\S])*?)</\\1c>`, "g"))) {
    const r = attributes(m[2]).r?.toUpperCase();
    if (r && at.has(r) && new RegExp(`<${P}f\\b`).test(m[3])) return true;
  }
  return false;
}

/** Whether a formula of the sheet names that sheet ('I. Kết quả'!C5, Sheet1!C5). */
function formulasMention(xml: string, sheetName: string): boolean {
  const name = escapeXml(sheetName).toLowerCase();
  const quoted = `'${escapeXml(sheetName.replace(/'/g, "''")).toLowerCase()}'!`;
  for (const m of xml.matchAll(new RegExp(`<${P}f\\b[^>]*>([\\s\\S]*?)</${P}f>`, "g"))) {
    const f = m[1].toLowerCase().replace(/&apos;/g, "'");
    if (f.includes(quoted) || f.includes(`${name}!`)) return true;
  }
  return false;
}

/** A package written by ExcelJS with its fonts' children put in the schema's order (ExcelJS cannot be told). */
export async function withFontsInOrder(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file("xl/styles.xml");
  if (!file) return bytes;
  const styles = await file.async("string");
  const ordered = orderFonts(styles);
  if (ordered === styles) return bytes;
  zip.file("xl/styles.xml", ordered);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
