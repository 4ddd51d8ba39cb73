export { buildReportDocument, packReport, packReportBlob, reportStyles, reportSection, DOCX_MIME } from "./report-document";
export { bodyLines, blockLines, type BodyLine, type BodyLineKind, MISSING_COUNT } from "./body-block";
export { QUOC_HIEU, TIEU_NGU } from "./header-block";
export { PAGE, TEXT_WIDTH, HEADER_COLUMNS, CLOSING_COLUMNS, SIZE, mm } from "./layout";
