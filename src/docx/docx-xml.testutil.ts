/**
 * A small reader of the WordprocessingML the report writes, for tests: unzips a .docx and
 * splits its parts into paragraphs, runs and tables with their properties. It knows only
 * what docx writes here (no nested tables, no text boxes). Node only; not used by the app.
 */
import JSZip from "jszip";

export type Parts = Record<string, string>;

/** Every XML part of the package, by path. */
export async function unpackDocx(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = {};
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir && /\.(xml|rels)$/.test(name)) parts[name] = await zip.files[name].async("string");
  }
  return parts;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

export interface RunProps {
  fonts: string[];
  /** half-points */
  size?: number;
  bold: boolean;
  italics: boolean;
  color?: string;
}

export interface XmlRun {
  xml: string;
  text: string;
  props: RunProps;
}

export interface XmlParagraph {
  xml: string;
  pPr: string;
  runs: XmlRun[];
  text: string;
}

/** Whether an on/off property (<w:b/>, <w:i w:val="false"/>) is on in a properties element. */
export function isOn(props: string, name: string): boolean {
  const m = new RegExp(`<w:${name}(?: w:val="([^"]*)")?\\s*/>`).exec(props);
  if (!m) return false;
  return m[1] === undefined || m[1] === "true" || m[1] === "1" || m[1] === "on";
}

/** The value of an attribute of the first element `tag` in `xml` (e.g. attr(pPr, "w:ind", "w:firstLine")). */
export function attr(xml: string, tag: string, name: string): string | undefined {
  const m = new RegExp(`<${tag}\\b([^>]*?)/?>`).exec(xml);
  if (!m) return undefined;
  const a = new RegExp(`\\b${name}="([^"]*)"`).exec(m[1]);
  return a ? a[1] : undefined;
}

export function numAttr(xml: string, tag: string, name: string): number | undefined {
  const v = attr(xml, tag, name);
  return v === undefined ? undefined : Number(v);
}

export function runProps(rPr: string): RunProps {
  const fonts: string[] = [];
  const f = /<w:rFonts\b([^>]*)\/>/.exec(rPr);
  if (f) for (const m of f[1].matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)) fonts.push(m[1]);
  const size = numAttr(rPr, "w:sz", "w:val");
  return { fonts, size, bold: isOn(rPr, "b"), italics: isOn(rPr, "i"), color: attr(rPr, "w:color", "w:val") };
}

function parseRun(xml: string): XmlRun {
  const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(xml)?.[1] ?? "";
  // a line break in the run (<w:br/>) reads as "\n", a tab (<w:tab/>) as "\t"
  const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
    .map((m) => (m[0] === "<w:br/>" ? "\n" : m[0] === "<w:tab/>" ? "\t" : unescape(m[1])))
    .join("");
  return { xml, text, props: runProps(rPr) };
}

/** The paragraphs of a part, in order (including those inside table cells). */
export function paragraphs(xml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  for (const m of xml.matchAll(/<w:p\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)) {
    const inner = m[1] ?? "";
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(inner)?.[1] ?? "";
    const runs = [...inner.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => parseRun(r[1]));
    out.push({ xml: m[0], pPr, runs, text: runs.map((r) => r.text).join("") });
  }
  return out;
}

/** The tables of a part, as XML. */
export function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[0]);
}

/** The one paragraph whose text is exactly `text`; throws if none or several. */
export function paragraphWithText(ps: XmlParagraph[], text: string): XmlParagraph {
  const found = ps.filter((p) => p.text === text);
  if (found.length !== 1) {
    throw new Error(`expected one paragraph "${text}", found ${found.length}; texts:\n${ps.map((p) => p.text).join("\n")}`);
  }
  return found[0];
}

/** The properties shared by every run of a paragraph that has text; throws if runs differ. */
export function paragraphRunProps(p: XmlParagraph): RunProps {
  const withText = p.runs.filter((r) => r.text.length > 0);
  if (withText.length === 0) throw new Error(`paragraph "${p.text}" has no text run`);
  const first = withText[0].props;
  for (const r of withText) {
    if (JSON.stringify(r.props) !== JSON.stringify(first)) throw new Error(`runs of "${p.text}" differ in format`);
  }
  return first;
}

/** The paragraph's alignment (w:jc), e.g. "center", "both". */
export function alignment(p: XmlParagraph): string | undefined {
  return attr(p.pPr, "w:jc", "w:val");
}

/** The rows of a Word table as the texts of their cells. */
export function tableRows(tableXml: string): string[][] {
  return [...tableXml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      paragraphs(tc[0])
        .map((p) => p.text)
        .join(" "),
    ),
  );
}
