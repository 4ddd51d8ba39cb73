/**
 * The web page's commands over workbook files, without the page: each takes the files' bytes
 * and hands back what to say and what to download. They call the very modules the command
 * line calls (src/cli/commands/*.ts): the guarded .xlsx reader, the workbook's kind, the
 * checks, prepareExport and the Word document, planRollup and the roll-up workbook, the next
 * period's plan and workbook, the Unicode conversion, the import of the one-stop system's
 * table; the marked copy places the add-in's marks (src/workbook/marks.ts). No DOM, no Node: tested under jest,
 * loaded by the page as a chunk of its own when a command first needs it.
 */
import { prepareExport } from "../commands/export-report";
import { importFirstTable } from "../import/figures";
import { MSG_IMPORT } from "../import/messages";
import { importSummary, planFiguresImport } from "../import/plan";
import { readSourceTables } from "../import/source";
import { importedWorkbookBytes } from "../import/write";
import { periodWords } from "../report/period";
import { loadDefinition } from "../report/kinds";
import { sampleDataOf } from "../report/sample";
import type { Problem, ReportData } from "../report/types";
import { formatProblem } from "../workbook/check-workbook";
import { MSG_XLSX_FILE, rejectionMessage } from "../workbook/file-messages";
import { applyLegacyTextFix, FixTextLoadError, legacyTextFix } from "../workbook/fix-text-xlsx";
import { definitionOfWorkbook, WorkbookKindError } from "../workbook/kind-of";
import { buildLayout, type WorkbookLayout } from "../workbook/layout";
import { markEdits, planMarks } from "../workbook/marks";
import { MSG_NEXT_PERIOD, planNextPeriod } from "../workbook/next-period";
import { rollupFile, rowsAddedLines } from "../workbook/rollup-file";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { readUnitFile, type UnitFileKind } from "../workbook/unit-file";
import { checkAnyWorkbook, type RollupSource } from "../workbook/unit-workbook";
import { XlsxPackage } from "../workbook/xlsx-patch";
import { readXlsxSnapshot, XlsxFormatError } from "../workbook/xlsx-read";
import { buildUnitWorkbook, buildWorkbook, workbookBytes } from "../workbook/xlsx-write";
import { writeNextPeriod } from "../workbook/next-period-xlsx";
import { fileBytes } from "../taskpane/file-bytes";
import { TEXT_WEB } from "./texts";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A file the user chose: its name and bytes. */
export interface WebFile {
  name: string;
  bytes: Uint8Array;
}

/** A file for the browser to save. */
export interface WebDownload {
  fileName: string;
  bytes: Uint8Array;
  mime: string;
}

/** What a command says: its tone, its lines, the problems found, the file to save. */
export interface WebOutcome {
  tone: "success" | "warning" | "error";
  lines: string[];
  /** a check's problems, errors first (shown as "Trang!Ô: nội dung") */
  problems?: Problem[];
  download?: WebDownload;
}

/** An opened workbook: its file, as read, and its kind of report. */
export interface OpenedWorkbook extends WebFile {
  snapshot: WorkbookSnapshot;
  kind: UnitFileKind;
}

const fail = (...lines: string[]): WebOutcome => ({ tone: "error", lines });
const kindOfDefinition = (definition: UnitFileKind["definition"]): UnitFileKind => ({ definition, layout: buildLayout(definition) });

/** The problems' lines as `bao-cao check` prints them: "Trang!Ô: [Lỗi] nội dung", errors first. */
export const problemLines = (problems: readonly Problem[]): string[] => problems.map(formatProblem);

const counts = (problems: readonly Problem[]) => {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
};

/* ------------------------------------------------------------------ Tạo sổ mẫu */

/** A blank workbook of the kind (`template -k`), or with the kind's sample figures (`--sample`). */
export async function blankWorkbook(kindId: string, options: { sample?: boolean } = {}): Promise<WebOutcome> {
  const kind = kindOfDefinition(loadDefinition(kindId));
  const data: ReportData | undefined = options.sample ? (sampleDataOf(kindId) ?? undefined) : undefined;
  const bytes = await workbookBytes(buildWorkbook(kind.definition, kind.layout, data));
  const fileName = `${kind.definition.document.fileName}.xlsx`;
  return { tone: "success", lines: [TEXT_WEB.template.written(fileName)], download: { fileName, bytes, mime: XLSX_MIME } };
}

/** A unit's workbook for a commune (`template --unit`). */
export async function unitWorkbook(kindId: string, unitName: string): Promise<WebOutcome> {
  if (!unitName.trim()) return fail(TEXT_WEB.template.unitEmpty);
  const kind = kindOfDefinition(loadDefinition(kindId));
  let built: ReturnType<typeof buildUnitWorkbook>;
  try {
    built = buildUnitWorkbook(kind.definition, unitName);
  } catch (e) {
    // buildUnitWorkbook says in Vietnamese why the name cannot be a sheet's
    return fail(e instanceof Error ? e.message : String(e));
  }
  const fileName = `${unitFileStem(built.sheet)}.xlsx`;
  const lines = [TEXT_WEB.template.unitWritten(built.unitName, built.sheet, fileName)];
  if (built.renamed) lines.push(TEXT_WEB.template.unitRenamed(built.unitName, built.sheet));
  return { tone: "success", lines, download: { fileName, bytes: await workbookBytes(built.workbook), mime: XLSX_MIME } };
}

/** A file name for a unit's workbook: "don-vi-xa-an-binh" (ASCII, survives any file system and e-mail). */
export function unitFileStem(unit: string): string {
  const ascii = unit
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii ? `don-vi-${ascii}` : "don-vi";
}

/* ------------------------------------------------------------------ open */

/**
 * Reads a chosen file with the guarded reader (the zip limits of src/workbook/zip-guard.ts)
 * and finds its kind of report; a file that cannot be used gets its message instead.
 */
export async function openWorkbook(file: WebFile): Promise<{ ok: true; workbook: OpenedWorkbook } | { ok: false; outcome: WebOutcome }> {
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = await readXlsxSnapshot(file.bytes);
  } catch (e) {
    const problem = e instanceof XlsxFormatError ? e.problem : "corruptWorkbook";
    return { ok: false, outcome: fail(MSG_XLSX_FILE.unreadable(problem, file.name, "cli", e instanceof XlsxFormatError ? e.info : {})) };
  }
  try {
    return { ok: true, workbook: { ...file, snapshot, kind: kindOfDefinition(await definitionOfWorkbook(snapshot)) } };
  } catch (e) {
    if (e instanceof WorkbookKindError) return { ok: false, outcome: fail(MSG_XLSX_FILE.about(file.name, "cli", e.message)) };
    throw e;
  }
}

const visibleSheets = (layout: WorkbookLayout) => layout.sheets.filter((s) => !s.hidden).map((s) => s.name);

/* ------------------------------------------------------------------ Kiểm tra */

/** "Kiểm tra", as `bao-cao check`: every problem of a report, roll-up or unit workbook, errors first. */
export function checkOpened(wb: OpenedWorkbook, today: Date): WebOutcome {
  const result = checkAnyWorkbook(wb.kind.definition, wb.kind.layout, wb.snapshot, { today });
  if (result.kind === "none") return fail(TEXT_WEB.check.notReport(wb.name, visibleSheets(wb.kind.layout)));
  const problems = result.kind === "report" ? result.check.problems : result.problems;
  const { errors, warnings } = counts(problems);
  const lines = result.kind === "unit" ? [TEXT_WEB.check.unitWorkbook(result.units.map((u) => u.unitName))] : [];
  lines.push(TEXT_WEB.check.summary(errors, warnings));
  return { tone: errors ? "error" : warnings ? "warning" : "success", lines, problems };
}

/* ------------------------------------------------------------------ Tải sổ đã đánh dấu */

/** The marked copy's name: "so.xlsx" → "so-da-danh-dau.xlsx". */
export const markedFileName = (name: string) => `${name.replace(/\.xlsx$/i, "")}-da-danh-dau.xlsx`;

/**
 * "Tải sổ đã đánh dấu": a copy of the workbook with the marks the add-in's Kiểm tra places in
 * Excel (the same plan, src/workbook/marks.ts): each problem cell filled by its severity, the
 * messages in the check column of its row. Every value the office typed, and every cached
 * result, stays as it was (the patcher changes only styles and the check column).
 */
export async function markedOpened(wb: OpenedWorkbook, today: Date): Promise<WebOutcome> {
  const { definition, layout } = wb.kind;
  const any = checkAnyWorkbook(definition, layout, wb.snapshot, { today });
  if (any.kind === "none") return fail(TEXT_WEB.check.notReport(wb.name, visibleSheets(layout)));
  if (any.kind === "unit") {
    const units = any.units.map((u) => u.unitName);
    return { tone: "warning", lines: [TEXT_WEB.marked.unitWorkbook(wb.name, units)], problems: any.problems };
  }
  const { problems } = any.check;
  const { errors, warnings } = counts(problems);
  if (!problems.length) return { tone: "success", lines: [TEXT_WEB.check.summary(0, 0), TEXT_WEB.marked.nothing(wb.name)] };
  let bytes: Uint8Array;
  let marked: number;
  try {
    const pkg = await XlsxPackage.open(wb.bytes);
    const plan = planMarks(
      [],
      problems.filter((p) => pkg.sheet(p.sheet)),
      layout,
    );
    await pkg.edit(markEdits(plan), { readByNoFormula: true });
    bytes = await pkg.bytes();
    marked = plan.place.length;
  } catch (e) {
    if (e instanceof XlsxFormatError) return fail(TEXT_WEB.marked.cannotLoad(wb.name));
    throw e;
  }
  const fileName = markedFileName(wb.name);
  return {
    tone: errors ? "error" : "warning",
    lines: [TEXT_WEB.check.summary(errors, warnings), TEXT_WEB.marked.written(marked, fileName)],
    problems,
    download: { fileName, bytes, mime: XLSX_MIME },
  };
}

/* ------------------------------------------------------------------ Xuất báo cáo */

/** The report's data when the workbook can be exported, or why not (the outcome to show). */
export function reportOf(
  wb: OpenedWorkbook,
  today: Date,
): { ok: true; data: ReportData; warnings: Problem[]; fileName: string } | { ok: false; outcome: WebOutcome } {
  const { definition, layout } = wb.kind;
  const any = checkAnyWorkbook(definition, layout, wb.snapshot, { today });
  if (any.kind === "unit")
    return {
      ok: false,
      outcome: fail(
        TEXT_WEB.export.unitNotExportable(
          wb.name,
          any.units.map((u) => u.unitName),
        ),
      ),
    };
  const prepared = prepareExport(definition, layout, wb.snapshot, { today, check: any.kind === "report" ? any.check : undefined });
  if (!prepared.ok) {
    if (prepared.reason === "notReportWorkbook") return { ok: false, outcome: fail(TEXT_WEB.check.notReport(wb.name, visibleSheets(layout))) };
    return { ok: false, outcome: { tone: "error", lines: [TEXT_WEB.export.refused(counts(prepared.problems).errors)], problems: prepared.problems } };
  }
  return { ok: true, data: prepared.data, warnings: prepared.warnings, fileName: prepared.fileName };
}

/** The report's .docx: the document `bao-cao export` writes (docx is loaded only now). */
export async function reportDocx(wb: OpenedWorkbook, data: ReportData): Promise<Blob> {
  const { packReportBlob } = await import(/* webpackChunkName: "docx" */ "../docx");
  return packReportBlob(wb.kind.definition, data);
}

/** Fetches the chunks the commands load on demand (docx), so that the page works offline once loaded. */
export function preloadDocx(): Promise<unknown> {
  return import(/* webpackChunkName: "docx" */ "../docx");
}

/** "Xuất báo cáo", as `bao-cao export`: refused with the errors while errors remain. */
export async function exportOpened(wb: OpenedWorkbook, today: Date): Promise<WebOutcome> {
  const report = reportOf(wb, today);
  if (!report.ok) return report.outcome;
  const blob = await reportDocx(wb, report.data);
  const bytes = await fileBytes(blob);
  const n = report.warnings.length;
  return {
    tone: n ? "warning" : "success",
    lines: [n ? TEXT_WEB.export.withWarnings(report.fileName, n) : TEXT_WEB.export.written(report.fileName)],
    problems: report.warnings,
    download: { fileName: report.fileName, bytes, mime: DOCX_MIME },
  };
}

/* ------------------------------------------------------------------ Kỳ mới */

/** "Kỳ mới", as `bao-cao next-period`: next period's workbook made from this one. */
export async function nextPeriodOpened(wb: OpenedWorkbook, options: { keepText?: boolean } = {}): Promise<WebOutcome> {
  const plan = planNextPeriod(wb.kind.definition, wb.kind.layout, wb.snapshot, { keepText: Boolean(options.keepText) });
  if (!plan.ok) return fail(TEXT_WEB.nextPeriod.failed(wb.name, plan.message));
  // the opened file's own bytes with the product's cells changed, as `bao-cao next-period` writes it
  const { bytes, notKept } = await writeNextPeriod(plan, wb.bytes);
  const lines = [TEXT_WEB.nextPeriod.written(periodWords(plan.from), periodWords(plan.to), plan.fileName)];
  if (plan.rewrites.length) lines.push(MSG_NEXT_PERIOD.rewrites(plan.rewrites, periodWords(plan.to)));
  if (plan.units.length) lines.push(TEXT_WEB.nextPeriod.units(plan.units.length));
  if (notKept) lines.push(notKept);
  return { tone: notKept ? "warning" : "success", lines, download: { fileName: plan.fileName, bytes, mime: XLSX_MIME } };
}

/* ------------------------------------------------------------------ Chuyển sang Unicode */

/** The copy's name: "so.xlsx" → "so-unicode.xlsx". */
export const unicodeFileName = (name: string) => `${name.replace(/\.xlsx$/i, "")}-unicode.xlsx`;

/** "Chuyển sang Unicode", as `bao-cao fix-text`: a copy with TCVN3/VNI text converted, nothing else changed. */
export async function fixTextOpened(wb: OpenedWorkbook): Promise<WebOutcome> {
  const { toFix, skipped } = legacyTextFix(wb.snapshot);
  const formulas = skipped ? [TEXT_WEB.unicode.formulas(skipped)] : [];
  if (!toFix.length) return { tone: skipped ? "warning" : "success", lines: [TEXT_WEB.unicode.nothing(wb.name), ...formulas] };
  let bytes: Uint8Array;
  try {
    bytes = await applyLegacyTextFix(wb.bytes, toFix);
  } catch (e) {
    if (e instanceof FixTextLoadError) return fail(TEXT_WEB.unicode.cannotLoad(wb.name));
    throw e;
  }
  const fileName = unicodeFileName(wb.name);
  return {
    tone: skipped ? "warning" : "success",
    lines: [TEXT_WEB.unicode.written(toFix.length, fileName), ...toFix.map((c) => c.cliLine), ...formulas],
    download: { fileName, bytes, mime: XLSX_MIME },
  };
}

/* ------------------------------------------------------------------ Nhận số liệu từ hệ thống một cửa */

/** The new workbook's name: "so.xlsx" → "so-so-lieu-moi.xlsx". */
export const importedFileName = (name: string) => `${name.replace(/\.xlsx$/i, "")}-so-lieu-moi.xlsx`;

/**
 * "Nhận số liệu từ hệ thống một cửa", as `bao-cao import-figures`: the one-stop system's table
 * (.xlsx, .csv, or the HTML table saved as .xls) read by its headers into the opened workbook's
 * table; the same summary lines and warnings, the same workbook (the office's own file with the
 * table's cells changed). Nothing is downloaded when the table cannot be mapped.
 */
export async function importOpened(wb: OpenedWorkbook, source: WebFile): Promise<WebOutcome> {
  const { definition, layout } = wb.kind;
  const read = await readSourceTables(source.bytes, source.name);
  if (!read.ok) return fail(MSG_IMPORT.source[read.problem](source.name));
  const imported = importFirstTable(definition, read.tables, source.name);
  if (!imported.ok) return fail(TEXT_WEB.importFigures.failed(source.name, imported.message));
  const plan = planFiguresImport(definition, layout, wb.snapshot, imported);
  if (!plan.ok) return fail(TEXT_WEB.importFigures.failed(wb.name, plan.message));
  const written = await importedWorkbookBytes(plan, wb.bytes);
  const fileName = importedFileName(wb.name);
  const warnings = [...imported.warnings, ...(written.notKept ? [written.notKept] : [])].map(TEXT_WEB.importFigures.warning);
  return {
    tone: warnings.length ? "warning" : "success",
    lines: [...importSummary(imported, plan), TEXT_WEB.importFigures.written(fileName), ...warnings],
    download: { fileName, bytes: written.bytes, mime: XLSX_MIME },
  };
}

/* ------------------------------------------------------------------ Tổng hợp */

/**
 * "Tổng hợp", as `bao-cao rollup`: the units' workbooks (and the report workbook as base,
 * when given) rolled up into the summary workbook. Bad files are named and skipped.
 */
export async function rollupFiles(units: readonly WebFile[], base: WebFile | undefined, today: Date): Promise<WebOutcome> {
  if (!units.length) return fail(TEXT_WEB.rollup.needUnits);
  // the roll-up's kind: the base's, else the first unit file's
  let kind: UnitFileKind | undefined;
  let baseData: ReportData | undefined;
  let baseBytes: Uint8Array | undefined;
  if (base) {
    const opened = await openWorkbook(base);
    if (!opened.ok) return opened.outcome;
    kind = opened.workbook.kind;
    const checked = checkAnyWorkbook(kind.definition, kind.layout, opened.workbook.snapshot, { today });
    if (checked.kind !== "report") return fail(TEXT_WEB.rollup.baseNotReport(base.name));
    baseData = checked.check.data;
    baseBytes = opened.workbook.bytes;
  }
  const sources: RollupSource[] = [];
  for (const file of units) {
    const read = await readUnitFile(file, kind, "cli");
    sources.push(read.source);
    kind ??= read.kind;
  }
  kind ??= kindOfDefinition(loadDefinition());
  // the same roll-up as `bao-cao rollup` (src/workbook/rollup-file.ts): on the base's own bytes when given
  const { plan, written } = await rollupFile({ kind, sources, base: baseData ? { data: baseData, bytes: baseBytes } : undefined });
  const skipped = plan.rejected.map((r) => `${TEXT_WEB.rollup.skipped}: ${rejectionMessage(r, "cli")}`);
  if (!written) return fail(...skipped, TEXT_WEB.rollup.nothing(units.length));
  const fileName = TEXT_WEB.rollup.fileName;
  const lines = [TEXT_WEB.rollup.written(plan.units.length, fileName)];
  if (written.notKept) lines.push(written.notKept);
  for (const u of plan.units) if (u.renamed) lines.push(TEXT_WEB.rollup.renamed(u.unitName, u.sheet));
  lines.push(...rowsAddedLines(kind.definition, plan));
  if (!baseData) lines.push(TEXT_WEB.rollup.noBase);
  const rejectedFiles = new Set(plan.rejected.map((r) => r.file)).size;
  if (rejectedFiles) lines.push(...skipped, TEXT_WEB.rollup.partial(rejectedFiles, units.length));
  const bytes = written.bytes;
  return { tone: rejectedFiles || !baseData ? "warning" : "success", lines, download: { fileName, bytes, mime: XLSX_MIME } };
}
