/**
 * The content of one run of text as Word expects it: the text cleaned up the way every
 * cell's text is (NFC, no character XML 1.0 forbids, CR taken as a line feed, a vertical tab
 * as a soft break), a line feed or a soft break inside the text written as a line break in the
 * same paragraph (`<w:br/>`), a tab as `<w:tab/>`. Spaces around a line break are dropped, as are line
 * breaks at the start and the end.
 */
import { EmptyElement, Tab } from "docx";
import { SOFT_BREAK, normalizeCellText } from "../text/normalize";

/** `<w:br/>`: a line break inside the paragraph (docx exports no class for it on its own). */
class LineBreak extends EmptyElement {
  constructor() {
    super("w:br");
  }
}

export type RunChild = string | Tab | LineBreak;

/** The text as Word will show it, with "\n" for each line break and "\t" for each tab. */
export function runText(text: string): string {
  return normalizeCellText(text)
    .split(SOFT_BREAK)
    .join("\n")
    .split("\n")
    .map((l) => l.replace(/^ +| +$/g, ""))
    .join("\n")
    .replace(/^\n+|\n+$/g, "");
}

/** The children of a TextRun for `text`: strings, line breaks and tabs. */
export function runChildren(text: string): RunChild[] {
  const children: RunChild[] = [];
  runText(text)
    .split("\n")
    .forEach((line, i) => {
      if (i > 0) children.push(new LineBreak());
      line.split("\t").forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part) children.push(part);
      });
    });
  return children;
}

/** A document property (title, author): cleaned up the same way, on one line. */
export function propertyText(text: string): string {
  return runText(text).replace(/[ \t]*\n[ \t]*|\t/g, " ");
}
