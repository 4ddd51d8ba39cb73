/**
 * Reads an .xlsx package into a WorkbookSnapshot straight from its XML parts: values as
 * stored (numbers, shared and inline strings, booleans, error values), formulas with
 * their cached result if any, and the workbook-level defined names. Pure and browser-safe
 * (JSZip only), so the task pane's import and the command line read files the same way.
 */
import JSZip from "jszip";
import { decodeXlsxEscapes } from "../text/normalize";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { breachDetail, inspectZip, ZIP_LIMITS, type ZipLimitBreach } from "./zip-guard";
import { styleFontsOf } from "./xlsx-fonts";

export type XlsxFormatProblem =
  | "empty" // a zero-byte file
  | "ole" // an Excel 97-2003 .xls, or an .xlsx protected by a password (both OLE containers)
  | "notZip" // text, HTML, PDF, …: not an Office Open XML package at all
  | "corruptZip" // starts like a zip but cannot be opened
  | "docx" // a Word document
  | "pptx" // a PowerPoint presentation
  | "ods" // an OpenDocument spreadsheet (LibreOffice's own format)
  | "xlsb" // Excel's binary workbook
  | "notWorkbook" // a zip without a workbook
  | "corruptWorkbook" // a workbook whose parts cannot be read
  | "tooLarge" // sizes far beyond any report workbook (a zip bomb, a lying header): see `breach`
  | "unsafeXml"; // a part with a DOCTYPE or entity declarations, which Excel never writes: see `part`

export class XlsxFormatError extends Error {
  constructor(
    readonly problem: XlsxFormatProblem,
    /** the underlying library's message, when there is one */
    readonly detail?: string,
    /** for "tooLarge" and "unsafeXml": the limit gone beyond, the part concerned */
    readonly info: { breach?: ZipLimitBreach; part?: string } = {},
  ) {
    super(`not a readable .xlsx workbook (${problem})${detail ? `: ${detail}` : ""}`);
    this.name = "XlsxFormatError";
  }
}

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Reads one part as text, or undefined when the package has no such part. */
export type PartReader = (path: string) => Promise<string | undefined>;

const tooLarge = (breach: ZipLimitBreach) =>
  new XlsxFormatError("tooLarge", breachDetail(breach), { breach, part: "part" in breach ? breach.part : undefined });

/** Inflates one part, stopping as soon as it goes beyond `cap` bytes (JSZip itself checks the size only at the end). */
function inflateCapped(file: JSZip.JSZipObject, cap: number, overflow: (size: number) => Error): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    // internalStream is public in JSZip (documented, used by nodeStream) but missing from its typings
    const stream = (file as unknown as { internalStream(type: "uint8array"): JSZip.JSZipStreamHelper<Uint8Array> }).internalStream("uint8array");
    stream
      .on("data", (chunk) => {
        if (settled) return;
        size += chunk.length;
        if (size > cap) {
          settled = true;
          chunks.length = 0;
          stream.pause();
          reject(overflow(size));
          return;
        }
        chunks.push(chunk);
      })
      .on("error", (e) => {
        if (settled) return;
        settled = true;
        reject(e);
      })
      .on("end", () => {
        if (settled) return;
        settled = true;
        const out = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve(out);
      })
      .resume();
  });
}

const utf8 = new TextDecoder("utf-8");

/**
 * Reads parts as text within the limits: a part may inflate to what its header declared
 * (at most the limit of one part), and all parts read together to the total limit. A part
 * with a DOCTYPE or an entity declaration is refused, not expanded.
 */
function partReader(zip: JSZip, declared: Map<string, number>): PartReader {
  let budget = ZIP_LIMITS.totalBytes;
  return async (path) => {
    const file = zip.file(path);
    if (!file) return undefined;
    const said = declared.get(path);
    const cap = Math.min(said ?? ZIP_LIMITS.partBytes, ZIP_LIMITS.partBytes, budget);
    let bytes: Uint8Array;
    try {
      bytes = await inflateCapped(file, cap, (size) =>
        size > budget
          ? tooLarge({ kind: "budget", size: ZIP_LIMITS.totalBytes - budget + size, limit: ZIP_LIMITS.totalBytes })
          : tooLarge({ kind: "inflated", part: path, size, limit: said ?? ZIP_LIMITS.partBytes }),
      );
    } catch (e) {
      if (e instanceof XlsxFormatError) throw e;
      throw new XlsxFormatError("corruptZip", `${path}: ${errorMessage(e)}`);
    }
    budget -= bytes.length;
    const text = utf8.decode(bytes);
    if (/<!(?:DOCTYPE|ENTITY)\b/i.test(text)) throw new XlsxFormatError("unsafeXml", `${path} has a DOCTYPE or entity declarations`, { part: path });
    return text;
  };
}

/**
 * Opens the package and finds its workbook part; throws XlsxFormatError for anything else.
 * The central directory is checked against ZIP_LIMITS before JSZip sees the bytes, and
 * `read` inflates parts within those limits.
 */
export async function openPackage(buf: Uint8Array): Promise<{ zip: JSZip; workbookPath: string; read: PartReader }> {
  if (buf.length === 0) throw new XlsxFormatError("empty");
  if (startsWith(buf, OLE_MAGIC)) throw new XlsxFormatError("ole");
  if (!startsWith(buf, [0x50, 0x4b])) throw new XlsxFormatError("notZip");
  const guard = inspectZip(buf);
  if (!guard.ok) throw guard.problem === "tooLarge" ? tooLarge(guard.breach) : new XlsxFormatError("corruptZip", guard.detail);
  const declared = new Map<string, number>();
  for (const e of guard.entries) declared.set(e.name, Math.max(declared.get(e.name) ?? 0, e.uncompressedSize));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (e) {
    throw new XlsxFormatError("corruptZip", errorMessage(e));
  }
  const read = partReader(zip, declared);
  // the main part is the package's officeDocument relationship (xl/workbook.xml in practice)
  const rels = await read("_rels/.rels");
  const main = rels && /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels)?.[0].match(/Target="\/?([^"]+)"/)?.[1];
  const workbookPath = main ?? "xl/workbook.xml";
  if (/\.bin$/.test(workbookPath) || (!main && zip.file("xl/workbook.bin"))) throw new XlsxFormatError("xlsb");
  if (/^word\//.test(workbookPath) || (!main && zip.file("word/document.xml"))) throw new XlsxFormatError("docx");
  if (/^ppt\//.test(workbookPath) || (!main && zip.file("ppt/presentation.xml"))) throw new XlsxFormatError("pptx");
  if (!zip.file(workbookPath)) {
    const mimetype = await read("mimetype");
    if (mimetype?.includes("opendocument.spreadsheet")) throw new XlsxFormatError("ods");
    throw new XlsxFormatError("notWorkbook");
  }
  return { zip, workbookPath, read };
}

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

export function attributes(s: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const a of s.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decodeXml(a[2] ?? a[3]);
  return attrs;
}

/** Elements of one tag, namespace prefix or not: attributes and inner XML (null when self-closed). */
export function* elements(xml: string, tag: string): Generator<{ attrs: Record<string, string>; inner: string | null }> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[A-Za-z_][\\w.-]*:)?${tag}>)`, "g");
  for (const m of xml.matchAll(re)) yield { attrs: attributes(m[1]), inner: m[2] ?? null };
}

/** The text of every <t> inside, phonetic runs left out, `_xHHHH_` escapes decoded. */
function textOf(xml: string): string {
  const noPhonetic = xml.replace(/<(?:[A-Za-z_][\w.-]*:)?rPh\b[\s\S]*?<\/(?:[A-Za-z_][\w.-]*:)?rPh>/g, "");
  let out = "";
  for (const t of elements(noPhonetic, "t")) out += decodeXml(t.inner ?? "");
  return decodeXlsxEscapes(out);
}

/**
 * The workbook-level defined names of a workbook.xml → their reference as written
 * ("'I. Kết quả'!$C$5"); a reference that is broken anywhere becomes "#REF!". Names scoped
 * to one sheet (localSheetId) and Excel's own names (_xlnm.*) are left out.
 */
export function definedNamesOf(workbookXml: string): Record<string, string> {
  const names: Record<string, string> = {};
  for (const { attrs, inner } of elements(workbookXml, "definedName")) {
    const name = attrs.name;
    if (!name || attrs.localSheetId !== undefined || name.startsWith("_xlnm.")) continue;
    const ref = decodeXml(inner ?? "")
      .trim()
      .replace(/^=/, "");
    names[name] = ref.includes("#REF!") ? "#REF!" : ref;
  }
  return names;
}

export function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
}

function cellValue(attrs: Record<string, string>, inner: string, shared: string[]): CellValue | undefined {
  const v = /<(?:[A-Za-z_][\w.-]*:)?v>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/.exec(inner)?.[1];
  switch (attrs.t) {
    case "s":
      return v === undefined ? undefined : shared[Number(v)];
    case "inlineStr":
      return textOf(inner);
    case "str":
      return v === undefined ? undefined : decodeXlsxEscapes(decodeXml(v));
    case "b":
      return v === undefined ? undefined : v.trim() === "1";
    case "e":
      return v === undefined ? undefined : { error: decodeXml(v).trim() };
    case "d":
      return v === undefined ? undefined : decodeXml(v); // ISO date text (rare; Excel writes serials)
    default: {
      if (v === undefined || v.trim() === "") return undefined;
      const n = Number(v);
      return Number.isFinite(n) ? n : undefined;
    }
  }
}

const A1 = (a: string) => {
  const m = /^([A-Z]+)([0-9]+)$/.exec(a)!;
  return { col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), row: Number(m[2]) };
};
const letters = (col: number): string => (col <= 0 ? "" : letters(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26)));

/**
 * A shared formula as it reads in another cell of its range: its relative references moved
 * by the distance from the first cell ("D6+E6+F6" in C6 is "D7+E7+F7" in C7); absolute parts
 * ($D$6), text in quotes and sheet names stay as they are.
 */
export function shiftFormula(formula: string, from: string, to: string): string {
  const a = A1(from);
  const b = A1(to);
  const dr = b.row - a.row;
  const dc = b.col - a.col;
  // outside quotes only: "text" and 'sheet name' are kept
  return formula.replace(
    /("(?:[^"]|"")*"|'(?:[^']|'')*')|((?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!]))/g,
    (all, quoted, _ref, d1, col, d2, row) => {
      if (quoted) return quoted;
      const c = d1 ? A1(`${col.toUpperCase()}1`).col : A1(`${col.toUpperCase()}1`).col + dc;
      const r = d2 ? Number(row) : Number(row) + dr;
      if (c < 1 || r < 1) return "#REF!";
      return `${d1}${letters(c)}${d2}${r}`;
    },
  );
}

function readSheetXml(name: string, xml: string, shared: string[], styleFonts: readonly string[] = []): SheetSnapshot {
  const cells: Record<string, CellValue> = {};
  const fonts: Record<string, string> = {};
  const formulas: Record<string, string> = {};
  // a shared formula (Excel's "fill down"): its text is on its first cell only, the others name it by index
  const masters = new Map<string, { address: string; formula: string }>();
  const dependents: { address: string; si: string }[] = [];
  for (const { attrs, inner } of elements(xml, "c")) {
    const address = attrs.r?.toUpperCase();
    if (!address || inner === null) continue;
    const f = /<(?:[A-Za-z_][\w.-]*:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?f>)/.exec(inner);
    const value = cellValue(attrs, inner, shared);
    if (f) {
      const fa = attributes(f[1] ?? "");
      if (f[2]) formulas[address] = `=${decodeXml(f[2])}`;
      if (fa.t === "shared" && fa.si !== undefined) {
        if (f[2]) masters.set(fa.si, { address, formula: formulas[address] });
        else dependents.push({ address, si: fa.si });
      }
      // a formula without a cached result is null, to be evaluated by the reader if it can
      cells[address] = value === undefined || value === "" ? null : value;
      continue;
    }
    if (value !== undefined && value !== "") cells[address] = value;
    // the font of a text cell (its style's), for the legacy-encoding check
    const font = typeof value === "string" && value !== "" ? styleFonts[Number(attrs.s ?? 0)] : undefined;
    if (font) fonts[address] = font;
  }
  for (const d of dependents) {
    const m = masters.get(d.si);
    if (m) formulas[d.address] = shiftFormula(m.formula, m.address, d.address);
  }
  const sheet: SheetSnapshot = { name, cells };
  if (Object.keys(formulas).length) sheet.formulas = formulas;
  if (Object.keys(fonts).length) sheet.fonts = fonts;
  return sheet;
}

/** Reads an .xlsx package's sheets and defined names. Throws XlsxFormatError for what is not one. */
export async function readXlsxSnapshot(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  const { workbookPath, read } = await openPackage(bytes);
  try {
    const workbookXml = (await read(workbookPath))!;
    if (!/<(?:[A-Za-z_][\w.-]*:)?workbook\b/.test(workbookXml)) throw new XlsxFormatError("corruptWorkbook", `${workbookPath} is not a workbook part`);
    const relsPath = resolveTarget(workbookPath, `_rels/${workbookPath.split("/").pop()}.rels`);
    const relsXml = (await read(relsPath)) ?? "";
    const rels = new Map<string, { target: string; type: string }>();
    for (const { attrs } of elements(relsXml, "Relationship"))
      rels.set(attrs.Id, { target: resolveTarget(workbookPath, attrs.Target ?? ""), type: attrs.Type ?? "" });
    const sharedPath = [...rels.values()].find((r) => r.type.endsWith("/sharedStrings"))?.target;
    const sharedXml = sharedPath ? ((await read(sharedPath)) ?? "") : "";
    const shared = [...elements(sharedXml, "si")].map((si) => textOf(si.inner ?? ""));
    const stylesPath = [...rels.values()].find((r) => r.type.endsWith("/styles"))?.target;
    const styleFonts = stylesPath ? styleFontsOf((await read(stylesPath)) ?? "") : [];
    const sheets: SheetSnapshot[] = [];
    for (const { attrs } of elements(workbookXml, "sheet")) {
      const rel = rels.get(attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "");
      const xml = rel ? await read(rel.target) : undefined;
      if (rel?.type.endsWith("/chartsheet")) continue;
      if (!rel || xml === undefined) throw new XlsxFormatError("corruptWorkbook", `the part of sheet "${attrs.name}" is missing`);
      sheets.push(readSheetXml(attrs.name, xml, shared, styleFonts));
    }
    return { sheets, names: definedNamesOf(workbookXml) };
  } catch (e) {
    if (e instanceof XlsxFormatError) throw e;
    // a JavaScript error's text is not for the user: the problem says what is wrong
    throw new XlsxFormatError("corruptWorkbook");
  }
}
