/**
 * The body of the report (Decree 30, ô 6): the opening (căn cứ) sentence, then the blocks of
 * `def.document.body` in order. The wording is worked out first as plain lines
 * (`bodyLines`), then each line becomes a justified paragraph (`bodyParagraphs`).
 */
import { AlignmentType, LineRuleType, Paragraph } from "docx";
import { fieldById, linesValue, numberValue, textValue } from "../report/definition";
import type { BodyBlock, ReportData, ReportDefinition } from "../report/types";
import { computedNumber, documentPlaceholders } from "../report/values";
import { closingMark, fillTemplate, formatCount, withBullet, splitLines } from "../report/wording";
import { BODY, SIZE, run, type RunStyle } from "./layout";

/** What a count with no value shows in the document, so that the gap is seen. */
export const MISSING_COUNT = "…";

export type BodyLineKind = "muc" | "khoan" | "tieuKhoan" | "text";

export interface BodyLine {
  kind: BodyLineKind;
  text: string;
}

/** The style of each kind of line: mục bold upper case, khoản bold, tiểu khoản bold italic, text upright. */
export const BODY_STYLES: Record<BodyLineKind, RunStyle> = {
  muc: { size: SIZE.body, bold: true },
  khoan: { size: SIZE.body, bold: true },
  tieuKhoan: { size: SIZE.body, bold: true, italics: true },
  text: { size: SIZE.body },
};

function countText(def: ReportDefinition, data: ReportData, id: string): string {
  const field = fieldById(def, id);
  const value = numberValue(data, id);
  const shown = value === null ? MISSING_COUNT : formatCount(value, field.pad ?? 0);
  return (field.sentence ?? "{value}").split("{value}").join(shown);
}

/** The lines one block of the body produces. */
export function blockLines(
  def: ReportDefinition,
  data: ReportData,
  block: BodyBlock,
  placeholders: Record<string, string> = documentPlaceholders(def, data),
): BodyLine[] {
  const text = (t: string): BodyLine => ({ kind: "text", text: t });
  switch (block.type) {
    case "heading":
      return [{ kind: block.level, text: block.level === "muc" ? block.text.toLocaleUpperCase("vi") : block.text }];
    case "text":
      return [text(withBullet(block.text, block.bullet))];
    case "count":
      return [text(withBullet(countText(def, data, block.field), block.bullet))];
    case "counts": {
      const phrases = block.fields.map((id) => countText(def, data, id));
      return [text(withBullet(block.intro + phrases.join(block.separator) + block.end, block.bullet))];
    }
    case "lines":
      return splitLines(linesValue(data, block.field)).map((l) => text(withBullet(l, block.bullet)));
    case "labelledLines": {
      const items = splitLines(linesValue(data, block.field));
      if (items.length === 0) return [text(withBullet(`${block.label}.`, block.bullet))];
      return [text(withBullet(`${block.label}:`, block.bullet)), ...items.map((l) => text(withBullet(l, block.itemBullet)))];
    }
    case "paragraph": {
      const gate = block.unlessZero === undefined ? undefined : def.document.values?.[block.unlessZero];
      // left out when the value is 0, and while it cannot be computed (a figure missing: the check says so)
      if (gate && (computedNumber(def, data, gate) ?? 0) === 0) return [];
      return [text(withBullet(fillTemplate(block.text, data, placeholders), block.bullet))];
    }
  }
}

/**
 * Every line of the body, the căn cứ sentence first; the last line gets the closing
 * mark "./.".
 */
export function bodyLines(def: ReportDefinition, data: ReportData): BodyLine[] {
  const lines: BodyLine[] = [];
  const opening = textValue(data, def.document.frame.opening);
  if (opening) lines.push({ kind: "text", text: opening });
  const placeholders = documentPlaceholders(def, data);
  for (const block of def.document.body) lines.push(...blockLines(def, data, block, placeholders));
  if (lines.length > 0) {
    const last = lines[lines.length - 1];
    lines[lines.length - 1] = { ...last, text: closingMark(last.text) };
  }
  return lines;
}

const OUTLINE_LEVEL: Partial<Record<BodyLineKind, number>> = { muc: 0, khoan: 1, tieuKhoan: 2 };

/** One body line as a justified paragraph with the decree's indent and spacing. */
export function bodyParagraph(l: BodyLine): Paragraph {
  const heading = l.kind !== "text";
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: BODY.firstLine },
    spacing: { before: 0, after: BODY.after, line: BODY.line, lineRule: LineRuleType.AUTO },
    keepNext: heading,
    outlineLevel: OUTLINE_LEVEL[l.kind],
    children: [run(l.text, BODY_STYLES[l.kind])],
  });
}

export function bodyParagraphs(def: ReportDefinition, data: ReportData): Paragraph[] {
  return bodyLines(def, data).map(bodyParagraph);
}
