/**
 * Report data → Word document, laid out by Decree 30/2020/NĐ-CP. Pure: no file system and
 * no Node import, so that the task pane can lazy-load it (use `packReportBlob` there) and
 * the command line can use `packReport`.
 */
import { propertyText } from "./text-run";
import { Document, Packer, type ISectionOptions, type IStylesOptions } from "docx";
import { textValue } from "../report/definition";
import type { ReportData, ReportDefinition } from "../report/types";
import { documentPlaceholders } from "../report/values";
import { fillTemplate } from "../report/wording";
import { appendixSection, reportAppendices } from "./appendix-block";
import { bodyParagraphs } from "./body-block";
import { closingTable } from "./closing-block";
import { headerTable } from "./header-block";
import { BLACK, BODY, FONT, LANGUAGE, PAGE, SIZE, pt } from "./layout";
import { reportHeaders } from "./page-number";
import { docTypeParagraph, kinhGuiParagraphs, trichYeuParagraphs } from "./title-block";

/** Times New Roman, black, 14 pt, Vietnamese, everywhere, including Word's built-in heading styles. */
export function reportStyles(): IStylesOptions {
  const run = { font: FONT, color: BLACK, size: pt(SIZE.body) };
  const heading = { run: { ...run, bold: true, italics: false } };
  return {
    default: {
      document: {
        run: { ...run, language: { value: LANGUAGE } },
        paragraph: { spacing: { after: BODY.after } },
      },
      title: heading,
      heading1: heading,
      heading2: heading,
      heading3: heading,
      heading4: heading,
      heading5: heading,
      heading6: heading,
    },
  };
}

/** A4 portrait, the decree's margins, an empty first-page header and page numbers after. */
export function reportSection(children: ISectionOptions["children"]): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { ...PAGE.margin },
      },
    },
    headers: reportHeaders(),
    children,
  };
}

/** The report as a docx `Document`. */
export function buildReportDocument(def: ReportDefinition, data: ReportData): Document {
  const trichYeu = fillTemplate(def.document.trichYeu, data, documentPlaceholders(def, data));
  return new Document({
    title: propertyText(`${def.document.docType} ${trichYeu}`),
    creator: propertyText(textValue(data, def.document.frame.agency)),
    styles: reportStyles(),
    sections: [
      reportSection([
        headerTable(def, data),
        docTypeParagraph(def),
        ...trichYeuParagraphs(def, data),
        ...kinhGuiParagraphs(def, data),
        ...bodyParagraphs(def, data),
        closingTable(def, data),
      ]),
      ...reportAppendices(def, data).map((a) => appendixSection(def, data, a)),
    ],
  });
}

/** The .docx file's bytes (Node: a Buffer). */
export function packReport(def: ReportDefinition, data: ReportData): Promise<Uint8Array> {
  return Packer.toBuffer(buildReportDocument(def, data));
}

/** The .docx file as a Blob (browser). */
export function packReportBlob(def: ReportDefinition, data: ReportData): Promise<Blob> {
  return Packer.toBlob(buildReportDocument(def, data));
}

/** MIME type of a .docx file. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
