/**
 * The font of each cell style of an .xlsx (xl/styles.xml): cellXfs[i].fontId → fonts[fontId]
 * → its name. A cell's `s` attribute is the index into cellXfs (0 when absent). Pure and
 * cheap: two passes of regular expressions over the styles part, no DOM.
 */
import { decodeXml, elements } from "./xlsx-read";

/** The font name of every cell style, by cellXfs index ("" when the style names no font). */
export function styleFontsOf(stylesXml: string): string[] {
  if (!stylesXml) return [];
  const fontsXml = /<(?:[A-Za-z_][\w.-]*:)?fonts\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?fonts>/.exec(stylesXml)?.[1] ?? "";
  const fontNames = [...elements(fontsXml, "font")].map(({ inner }) => {
    const name = /<(?:[A-Za-z_][\w.-]*:)?name\b[^>]*\bval\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(inner ?? "");
    return name ? decodeXml(name[1] ?? name[2]) : "";
  });
  const xfsXml = /<(?:[A-Za-z_][\w.-]*:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?cellXfs>/.exec(stylesXml)?.[1] ?? "";
  return [...elements(xfsXml, "xf")].map(({ attrs }) => fontNames[Number(attrs.fontId ?? 0)] ?? "");
}
