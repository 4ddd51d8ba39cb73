/**
 * Page numbers (Decree 30): Arabic, 14 pt, upright, centred in the top margin, and none on
 * page 1. The section has a distinct first-page header (titlePage) that is empty, and a
 * default header with a PAGE field.
 */
import { AlignmentType, Header, PageNumber, Paragraph, TextRun } from "docx";
import { BLACK, FONT, SIZE, pt } from "./layout";

/** The header of pages 2 and after: the page number, centred. */
export function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: pt(SIZE.pageNumber), color: BLACK })],
      }),
    ],
  });
}

/** The header of page 1: empty. */
export function firstPageHeader(): Header {
  return new Header({ children: [new Paragraph({ children: [] })] });
}

/** The section's headers; use with `titlePage: true`. */
export function reportHeaders(): { default: Header; first: Header } {
  return { default: pageNumberHeader(), first: firstPageHeader() };
}
