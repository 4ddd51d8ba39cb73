/**
 * What the pane says after a command: each result becomes a few notices (shown as Fluent
 * MessageBars). Pure functions of the commands' results, so the wording is tested apart
 * from React.
 */
import type { AddUnitOutcome, ApplyLayoutResult, CheckAndMarkResult, ExportOutcome, ImportResult, RollupOutcome } from "../commands/addin-commands";
import { describeError, UserFacingError } from "../excel/errors";
import type { Problem } from "../report/types";
import { TEXT, TEXT_PREVIEW } from "./texts";

export interface Notice {
  /** stable key for React */
  id: string;
  intent: "success" | "info" | "warning" | "error";
  title?: string;
  text: string;
  /** show the "Tạo lại trang tính còn thiếu" button */
  offerRecreate?: boolean;
}

export function countBySeverity(problems: Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === "error").length;
  return { errors, warnings: problems.length - errors };
}

export function templateNotices(r: ApplyLayoutResult): Notice[] {
  if (!r.created.length) return [{ id: "template", intent: "info", text: TEXT.template.nothingToDo }];
  const created = r.kept.length ? TEXT.template.createdMissing(r.created) : TEXT.template.created(r.created);
  const notices: Notice[] = [{ id: "template", intent: "success", text: `${created} ${TEXT.template.nextStep}` }];
  if (!r.validation) notices.push({ id: "template-validation", intent: "info", text: TEXT.template.noValidation });
  if (!r.frozenPanes) notices.push({ id: "template-freeze", intent: "info", text: TEXT.template.noFreezePanes });
  return notices;
}

/** The one-line summary of a check. */
export function checkSummary(problems: Problem[]): string {
  const { errors, warnings } = countBySeverity(problems);
  if (errors && warnings) return TEXT.check.errorsAndWarnings(errors, warnings);
  if (errors) return TEXT.check.errorsOnly(errors);
  if (warnings) return TEXT.check.warningsOnly(warnings);
  return TEXT.check.clean;
}

export function checkNotices(r: CheckAndMarkResult): Notice[] {
  const { errors, warnings } = countBySeverity(r.problems);
  const summary = checkSummary(r.problems);
  const notices: Notice[] = [
    {
      id: "check",
      intent: errors ? "error" : warnings ? "warning" : "success",
      text: !errors && !warnings && r.cleared ? `${summary} ${TEXT.check.cleared(r.cleared)}` : summary,
    },
  ];
  if (r.grown.names.length || r.grown.formulas.length) {
    notices.push({ id: "grown", intent: "info", text: TEXT.check.grown(r.grown.names, r.grown.formulas.length) });
  }
  if (r.missingSheets.length) {
    notices.push({ id: "missing", intent: "warning", text: TEXT.check.missingSheets(r.missingSheets), offerRecreate: true });
  }
  return notices;
}

export function exportNotices(outcome: ExportOutcome): Notice[] {
  switch (outcome.status) {
    case "refused": {
      const notices: Notice[] = [{ id: "export", intent: "error", text: TEXT.exportResult.refused(countBySeverity(outcome.problems).errors) }];
      if (outcome.check.missingSheets.length) {
        notices.push({
          id: "missing",
          intent: "warning",
          text: TEXT.check.missingSheets(outcome.check.missingSheets),
          offerRecreate: true,
        });
      }
      return notices;
    }
    case "cancelled":
      return [{ id: "export", intent: "info", text: TEXT.exportResult.cancelled }];
    case "exported": {
      const made = TEXT.exportResult.exported(outcome.fileName);
      if (outcome.delivery.kind === "unsupported") {
        return [{ id: "export", intent: "warning", title: TEXT.exportResult.notDownloadedTitle, text: outcome.delivery.message }];
      }
      const w = outcome.warnings.length;
      return [{ id: "export", intent: "success", text: w ? `${made} ${TEXT.exportResult.withWarnings(w)}` : made }];
    }
  }
}

export function addUnitNotices(outcome: AddUnitOutcome): Notice[] {
  if (outcome.status === "refused") return [{ id: "unit", intent: "error", title: TEXT.units.refusedTitle, text: outcome.message }];
  const added = outcome.renamed ? TEXT.units.addedRenamed(outcome.unitName, outcome.sheet) : TEXT.units.added(outcome.sheet);
  return [{ id: "unit", intent: "success", text: `${added} ${TEXT.units.addNext}` }];
}

/** Files that could not be imported (a file is counted once, however many of its units were left out). */
export function rejectedFiles(r: ImportResult): number {
  return new Set(r.rejected.map((x) => x.file)).size;
}

export function importNotices(r: ImportResult, files: number): Notice[] {
  const rejected = rejectedFiles(r);
  if (!r.imported.length) {
    return [
      {
        id: "import",
        intent: "error",
        text: rejected ? `${TEXT.importResult.nothing(files)} ${TEXT.importResult.rejected(rejected)}` : TEXT.importResult.nothing(files),
      },
    ];
  }
  const text = [TEXT.importResult.imported(r.imported.length, files), rejected ? TEXT.importResult.rejected(rejected) : "", TEXT.importResult.next]
    .filter(Boolean)
    .join(" ");
  const method =
    r.method === "insert" ? TEXT.importResult.methodInsert : r.insertError ? TEXT.importResult.methodFallback(r.insertError) : TEXT.importResult.methodCopy;
  return [
    { id: "import", intent: rejected ? "warning" : "success", text },
    { id: "import-method", intent: "info", text: method },
    // units whose file had moved rows: made from the layout instead of inserted, each file named
    ...(r.rebuilt?.length ? [{ id: "import-rebuilt", intent: "warning" as const, text: r.rebuilt.map((x) => x.message).join(" ") }] : []),
    // lĩnh vực the summary lacks: Tổng hợp adds them as rows
    ...(r.newRows?.length ? [{ id: "import-rows", intent: "info" as const, text: TEXT.importResult.newRows(r.newRows) }] : []),
  ];
}

export function rollupNotices(outcome: RollupOutcome): Notice[] {
  if (outcome.status === "noUnits") return [{ id: "rollup", intent: "warning", text: outcome.message }];
  const notices: Notice[] = [
    outcome.written
      ? { id: "rollup", intent: "success", text: TEXT.rollup.done(outcome.units, outcome.sheet) }
      : { id: "rollup", intent: "info", text: TEXT.rollup.nothingWritten },
  ];
  if (outcome.kept.length) {
    notices.push({ id: "rollup-kept", intent: "info", text: TEXT.rollup.kept(outcome.kept.map((k) => `${k.cell} (${k.label})`)) });
  }
  if (outcome.moved.length) notices.push({ id: "rollup-moved", intent: "info", text: TEXT.rollup.moved(outcome.moved.length) });
  if (outcome.addedRows?.length) notices.push({ id: "rollup-rows", intent: "info", text: TEXT.rollup.rowsAdded(outcome.addedRows) });
  if (outcome.listAdded) notices.push({ id: "rollup-list", intent: "info", text: TEXT.rollup.listAdded(outcome.listAdded) });
  if (outcome.unitResults) notices.push({ id: "rollup-units", intent: "info", text: TEXT.rollup.unitResults(outcome.unitResults) });
  const cross = outcome.crossCheck ?? [];
  if (cross.length) notices.push({ id: "rollup-cross", intent: "error", text: TEXT.rollup.crossCheck(cross.length, cross[0].message) });
  return notices;
}

/** Any thrown error, as the user should read it (never a raw exception or stack). */
export function errorNotice(e: unknown, id = "error"): Notice {
  return {
    id,
    intent: "error",
    title: TEXT.errorTitle,
    text: describeError(e),
    offerRecreate: e instanceof UserFacingError && e.action === "recreate",
  };
}

export function previewNotices(problems: Problem[]): Notice[] {
  const { errors } = countBySeverity(problems);
  return errors ? [{ id: "preview", intent: "warning", text: TEXT_PREVIEW.withErrors(errors) }] : [];
}
