/**
 * The task pane: the action buttons, the progress of the running command, what it found
 * (Fluent MessageBars) and the problem list. It only shows state and calls the shared
 * commands of src/commands/addin-commands.ts; everything it needs from outside comes in
 * as props, so tests pass a fake host, fake commands and fake services.
 */
import { Button, Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type * as sharedCommands from "../commands/addin-commands";
import type { Delivery, ImportFiguresPreview, ImportResult, TypedSummaryCell } from "../commands/addin-commands";
import { paneCommands } from "./pane-commands";
import { fileBytes } from "./file-bytes";
import type { ExcelHost, Progress } from "../excel/host";
import type { Problem } from "../report/types";
import type { UnitSheet } from "../workbook/units";
import { PANE_ACTIONS, type PaneActionId } from "./actions";
import { deliverDocx } from "./download";
import type { LaunchCommand } from "./launch";
import { isLegacyProblem, legacyFixNotices, TEXT_LEGACY } from "./legacy-text";
import {
  addUnitNotices,
  checkNotices,
  errorNotice,
  exportNotices,
  importNotices,
  previewNotices,
  rollupNotices,
  templateNotices,
  type Notice,
} from "./notices";
import { later } from "./later";
import { problemKey } from "./problem-key";
import { TEXT, TEXT_IMPORT_FIGURES, TEXT_KINDS, TEXT_NEXT_PERIOD, TEXT_PREVIEW } from "./texts";
import { KindPicker, OWN_DEFINITION } from "./KindPicker";
import type { ReportDefinition } from "../report/types";

/** The commands the pane runs: the shared implementations, or fakes in tests. */
export type PaneCommands = Pick<
  typeof sharedCommands,
  | "createTemplate"
  | "checkWorkbookInExcel"
  | "selectProblem"
  | "exportReport"
  | "addUnit"
  | "importUnits"
  | "rollup"
  | "reportKinds"
  | "definitionFromFile"
  | "convertLegacyText"
  | "nextPeriodWorkbook"
  | "previewReport"
  | "importFigures"
>;

export interface AppProps {
  host: ExcelHost;
  /** Office's platform ("PC", "Mac", "OfficeOnline", …): decides how the .docx is delivered */
  platform?: string;
  /** hands the .docx to the user; defaults to deliverDocx for `platform` */
  deliver?: (document: Blob, fileName: string) => Promise<Delivery>;
  /** "now" for the date checks */
  today?: () => Date;
  /** a command to start once on load (taskpane.html?lenh=xuat-bao-cao) */
  launchCommand?: LaunchCommand | null;
  commands?: PaneCommands;
}

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "560px",
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  // rendered always (a live region must exist before its text changes), taking no room when empty
  status: { ":empty": { marginTop: `calc(-1 * ${tokens.spacingVerticalL})` } },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  actions: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
  },
  action: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  button: { width: "100%" },
  description: { color: tokens.colorNeutralForeground3 },
});

const now = () => new Date();

/**
 * The dialogs (Fluent Dialog, its motion and portal: about 7 KB gzip) are only needed when an
 * export finds warnings or a roll-up would replace typed values, so they are a chunk of their
 * own, fetched when such a command starts.
 */
const loadDialog = () => import(/* webpackChunkName: "confirm-dialog" */ "./ConfirmWarningsDialog");
const ConfirmWarningsDialog = lazy(() => loadDialog().then((m) => ({ default: m.ConfirmWarningsDialog })));
const loadOverwriteDialog = () => import(/* webpackChunkName: "confirm-dialog" */ "./ConfirmOverwriteDialog");
const ConfirmOverwriteDialog = lazy(() => loadOverwriteDialog().then((m) => ({ default: m.ConfirmOverwriteDialog })));
const loadUnicodeDialog = () => import(/* webpackChunkName: "confirm-dialog" */ "./ConfirmUnicodeDialog");
const ConfirmUnicodeDialog = lazy(() => loadUnicodeDialog().then((m) => ({ default: m.ConfirmUnicodeDialog })));
const loadFiguresDialog = () => import(/* webpackChunkName: "confirm-dialog" */ "./ConfirmFiguresDialog");
const ConfirmFiguresDialog = lazy(() => loadFiguresDialog().then((m) => ({ default: m.ConfirmFiguresDialog })));

/** The report's preview (docx-preview and its page fitting): a chunk of its own, fetched when "Xem trước" is pressed. */
const loadPreview = () => import(/* webpackChunkName: "preview" */ "./ReportPreview");
const ReportPreview = lazy(() => loadPreview().then((m) => ({ default: m.ReportPreview })));

/**
 * Parts of the pane that the first paint does without: the units section (below the
 * actions), the problem list and the import result (shown after a command). Chunks of their
 * own, fetched right after the pane has drawn its actions.
 */
const UnitsSection = later(() => import(/* webpackChunkName: "units-section" */ "./UnitsSection").then((m) => m.UnitsSection));
const ProblemList = later(() => import(/* webpackChunkName: "problem-list" */ "./ProblemList").then((m) => m.ProblemList));
const ImportResultList = later(() => import(/* webpackChunkName: "problem-list" */ "./ImportResultList").then((m) => m.ImportResultList));

const Notices = later(() => import(/* webpackChunkName: "notices" */ "./Notices").then((m) => m.Notices));
const StepSpinner = later(() => import(/* webpackChunkName: "notices" */ "./Notices").then((m) => m.StepSpinner));

/** Fetches the parts the first paint does without (the pane right after it has mounted; tests beforehand, so that it renders in one go). */
export function preloadPaneParts(): Promise<unknown> {
  return Promise.all([UnitsSection.preload(), ProblemList.preload(), ImportResultList.preload(), Notices.preload(), StepSpinner.preload()]);
}

type PendingConfirm =
  | { kind: "warnings"; warnings: Problem[]; resolve(proceed: boolean): void }
  | { kind: "overwrite"; cells: TypedSummaryCell[]; resolve(replace: boolean): void }
  | { kind: "unicode"; cells: Problem[]; resolve(convert: boolean): void }
  | { kind: "figures"; preview: ImportFiguresPreview; resolve(write: boolean): void };

export function App({ host, platform, deliver, today = now, launchCommand = null, commands = paneCommands }: AppProps) {
  const s = useStyles();
  // once the pane is drawn, fetch what a command will show (notices, spinner, problem list)
  useEffect(() => {
    void preloadPaneParts();
  }, []);
  const [step, setStep] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [unitSheets, setUnitSheets] = useState<UnitSheet[]>([]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [importResult, setImportResult] = useState<ImportResult | null>(null);
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const [dialogWanted, setDialogWanted] = useState(false);
  const [overwriteDialogWanted, setOverwriteDialogWanted] = useState(false);
  const [unicodeDialogWanted, setUnicodeDialogWanted] = useState(false);
  const [figuresDialogWanted, setFiguresDialogWanted] = useState(false);
  const kinds = commands.reportKinds();
  /** the kind "Tạo mẫu" makes: a built-in id (the monthly report first) or OWN_DEFINITION */
  const [chosenKind, setChosenKind] = useState(kinds[0]?.id ?? "");
  const [ownDefinition, setOwnDefinition] = useState<{ file: string; def: ReportDefinition } | null>(null);
  /** the workbook's kind as last seen (made by Tạo mẫu, read by Kiểm tra or Xuất báo cáo): the units' commands use it */
  const [workbookKind, setWorkbookKind] = useState<ReportDefinition | undefined>(undefined);
  const [keepText, setKeepText] = useState(false);
  /** the report's preview, when asked for: its .docx and when it was made */
  const [preview, setPreview] = useState<{ document: Blob; madeAt: string } | null>(null);
  const running = useRef(false);
  const busy = step !== null;

  /** Runs one command at a time: progress state, then its notices, or the error's message. */
  const run = useCallback(async (firstStep: string, work: (progress: Progress) => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setStep(firstStep);
    setNotices([]);
    setImportResult(null);
    try {
      await work(setStep);
    } catch (e) {
      console.error(e);
      setNotices([errorNotice(e)]);
    } finally {
      running.current = false;
      setStep(null);
    }
  }, []);

  /** The workbook changed under the problem list: drop it rather than show stale cells. */
  const forgetProblems = useCallback(() => {
    setProblems([]);
    setUnitSheets([]);
    setSelectedKey(null);
  }, []);

  const createTemplate = useCallback(
    () =>
      run(TEXT.progress.createTemplate, async () => {
        let def: ReportDefinition | undefined;
        if (chosenKind === OWN_DEFINITION) {
          if (!ownDefinition) {
            setNotices([{ id: "own", intent: "warning", text: TEXT_KINDS.ownNeeded }]);
            return;
          }
          def = ownDefinition.def;
        }
        const result = await commands.createTemplate(host, def ?? chosenKind);
        setWorkbookKind(result.definition);
        forgetProblems();
        setNotices(templateNotices(result));
      }),
    [run, commands, host, forgetProblems, chosenKind, ownDefinition],
  );

  const readOwnDefinition = useCallback(
    (file: File) =>
      run(TEXT.progress.openFiles(1), async () => {
        const text = new TextDecoder().decode(await fileBytes(file));
        const def = await commands.definitionFromFile(text, file.name);
        setOwnDefinition({ file: file.name, def });
        setNotices([{ id: "own", intent: "success", text: TEXT_KINDS.ownRead(def.title) }]);
      }),
    [run, commands],
  );

  const check = useCallback(
    () =>
      run(TEXT.progress.check, async () => {
        const result = await commands.checkWorkbookInExcel(host, today());
        setWorkbookKind(result.definition);
        setProblems(result.problems);
        setUnitSheets(result.unitSheets);
        setSelectedKey(null);
        setNotices(checkNotices(result));
      }),
    [run, commands, host, today],
  );

  const exportReport = useCallback(
    () =>
      run(TEXT.progress.check, async (progress) => {
        const dialog = loadDialog();
        dialog.catch(() => undefined); // a failure surfaces below, only if the dialog is needed
        const outcome = await commands.exportReport(host, {
          confirmWarnings: async (warnings) => {
            await dialog;
            return new Promise<boolean>((resolve) => {
              progress(TEXT.progress.confirm);
              setDialogWanted(true);
              setPending({ kind: "warnings", warnings, resolve });
            });
          },
          deliver: deliver ?? ((document, fileName) => deliverDocx(document, fileName, platform)),
          progress,
          today: today(),
        });
        if (outcome.definition) setWorkbookKind(outcome.definition);
        setProblems(outcome.status === "refused" ? outcome.problems : outcome.warnings);
        setUnitSheets((outcome.status === "refused" ? outcome.check.unitSheets : outcome.unitSheets) ?? []);
        setSelectedKey(null);
        setNotices(exportNotices(outcome));
      }),
    [run, commands, host, deliver, platform, today],
  );

  const showPreview = useCallback(
    () =>
      run(TEXT_PREVIEW.progress, async () => {
        const view = loadPreview();
        view.catch(() => undefined); // fetched while the workbook is read; a failure shows when rendered
        const result = await commands.previewReport(host, today());
        setWorkbookKind(result.definition);
        setProblems(result.problems);
        setUnitSheets(result.unitSheets);
        setSelectedKey(null);
        setNotices(previewNotices(result.problems));
        await view;
        setPreview({ document: result.document, madeAt: new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }) });
      }),
    [run, commands, host, today],
  );

  const nextPeriod = useCallback(
    () =>
      run(TEXT_NEXT_PERIOD.progress, async (progress) => {
        const words = import(/* webpackChunkName: "next-period" */ "./next-period-notices");
        const outcome = await commands.nextPeriodWorkbook(host, {
          keepText,
          deliver: deliver ?? ((file, fileName) => deliverDocx(file, fileName, platform)),
          progress,
        });
        if (outcome.definition) setWorkbookKind(outcome.definition);
        setNotices((await words).nextPeriodNotices(outcome));
      }),
    [run, commands, host, keepText, deliver, platform],
  );

  const rollUp = useCallback(
    () =>
      run(TEXT.progress.rollup, async (progress) => {
        const dialog = loadOverwriteDialog();
        dialog.catch(() => undefined); // a failure surfaces below, only if the dialog is needed
        const outcome = await commands.rollup(
          host,
          {
            confirmOverwrite: async (cells) => {
              await dialog;
              return new Promise<boolean>((resolve) => {
                progress(TEXT.progress.confirm);
                setOverwriteDialogWanted(true);
                setPending({ kind: "overwrite", cells, resolve });
              });
            },
          },
          workbookKind,
        );
        if (outcome.status === "done") forgetProblems();
        setNotices(rollupNotices(outcome));
      }),
    [run, commands, host, forgetProblems, workbookKind],
  );

  /** "Nhận số liệu từ bảng": the pasted table read, shown, written after a yes. */
  const importFigures = useCallback(
    () =>
      run(TEXT_IMPORT_FIGURES.progress, async (progress) => {
        const dialog = loadFiguresDialog();
        dialog.catch(() => undefined); // a failure surfaces below, only if the dialog is needed
        const words = import(/* webpackChunkName: "import-figures-notices" */ "./import-figures-notices");
        const outcome = await commands.importFigures(host, {
          confirm: async (preview) => {
            await dialog;
            const yes = await new Promise<boolean>((resolve) => {
              progress(TEXT.progress.confirm);
              setFiguresDialogWanted(true);
              setPending({ kind: "figures", preview, resolve });
            });
            if (yes) progress(TEXT_IMPORT_FIGURES.writing);
            return yes;
          },
        });
        if (outcome.definition) setWorkbookKind(outcome.definition);
        if (outcome.status === "imported") forgetProblems();
        setNotices((await words).importFiguresNotices(outcome));
      }),
    [run, commands, host, forgetProblems],
  );

  /** "Chuyển sang Unicode": asked first, then one batch of writes, then the check again. */
  const convertLegacy = useCallback(
    () =>
      run(TEXT_LEGACY.progress, async (progress) => {
        const cells = problems.filter(isLegacyProblem);
        await loadUnicodeDialog();
        const yes = await new Promise<boolean>((resolve) => {
          progress(TEXT.progress.confirm);
          setUnicodeDialogWanted(true);
          setPending({ kind: "unicode", cells, resolve });
        });
        if (!yes) {
          setNotices([{ id: "unicode", intent: "info", text: TEXT_LEGACY.cancelled }]);
          return;
        }
        progress(TEXT_LEGACY.progress);
        const outcome = await commands.convertLegacyText(host, cells);
        progress(TEXT.progress.check);
        const result = await commands.checkWorkbookInExcel(host, today());
        setProblems(result.problems);
        setUnitSheets(result.unitSheets);
        setSelectedKey(null);
        setNotices([...legacyFixNotices(outcome), ...checkNotices(result)]);
      }),
    [run, commands, host, today, problems],
  );
  const legacyCount = problems.filter(isLegacyProblem).length;

  const addUnit = useCallback(
    async (name: string): Promise<boolean> => {
      let added = false;
      await run(TEXT.progress.addUnit, async () => {
        const outcome = await commands.addUnit(host, name, workbookKind);
        added = outcome.status === "added";
        if (added) forgetProblems();
        setNotices(addUnitNotices(outcome));
      });
      return added;
    },
    [run, commands, host, forgetProblems, workbookKind],
  );

  const importFiles = useCallback(
    (picked: File[]) =>
      run(TEXT.progress.openFiles(picked.length), async (progress) => {
        const files = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: await fileBytes(f) })));
        const result = await commands.importUnits(
          host,
          files,
          (step) => progress(step.kind === "reading" ? TEXT.progress.readingFile(step.index, step.total) : TEXT.progress.writingUnits(step.units)),
          workbookKind,
        );
        if (result.imported.length) forgetProblems();
        setNotices(importNotices(result, picked.length));
        setImportResult(result);
      }),
    [run, commands, host, forgetProblems, workbookKind],
  );

  const answer = useCallback(
    (proceed: boolean) => {
      if (!pending) return;
      setPending(null);
      pending.resolve(proceed);
    },
    [pending],
  );

  const select = useCallback(
    async (problem: Problem) => {
      setSelectedKey(problemKey(problem));
      setNotices((ns) => ns.filter((n) => n.id !== "select-error"));
      try {
        await commands.selectProblem(host, problem);
      } catch (e) {
        console.error(e);
        setNotices((ns) => [...ns, errorNotice(e, "select-error")]);
      }
    },
    [commands, host],
  );

  const handlers: Record<PaneActionId, () => void> = {
    createTemplate: () => void createTemplate(),
    importFigures: () => void importFigures(),
    check: () => void check(),
    rollUp: () => void rollUp(),
    export: () => void exportReport(),
    preview: () => void showPreview(),
    nextPeriod: () => void nextPeriod(),
  };

  // ?lenh=xuat-bao-cao: start the export once, on load.
  const launched = useRef(false);
  useEffect(() => {
    if (launchCommand === "xuat-bao-cao" && !launched.current) {
      launched.current = true;
      void exportReport();
    }
  }, [launchCommand, exportReport]);

  return (
    <main className={s.root} aria-busy={busy}>
      <header className={s.header}>
        <Subtitle1 as="h1" className={s.title}>
          {TEXT.title}
        </Subtitle1>
        <Caption1>{workbookKind ? TEXT_KINDS.current(workbookKind.title) : TEXT.subtitle}</Caption1>
      </header>

      <ul className={s.actions} aria-label={TEXT.actionsLabel}>
        {PANE_ACTIONS.map((a) => (
          <li key={a.id} className={s.action}>
            {a.id === "createTemplate" && (
              <KindPicker
                kinds={kinds}
                value={chosenKind}
                own={ownDefinition ? { file: ownDefinition.file, title: ownDefinition.def.title } : null}
                disabled={busy}
                onChoose={setChosenKind}
                onOwnFile={(f) => void readOwnDefinition(f)}
              />
            )}
            {/* disabledFocusable, not disabled: while a command runs the button keeps the keyboard
                focus, and a dialog it opens gives the focus back to it when closed */}
            <Button
              className={s.button}
              appearance={a.primary ? "primary" : "secondary"}
              disabledFocusable={busy}
              aria-describedby={`tthc-action-${a.id}`}
              onClick={handlers[a.id]}
            >
              {a.label}
            </Button>
            <Caption1 id={`tthc-action-${a.id}`} className={s.description}>
              {a.description}
            </Caption1>
            {a.id === "nextPeriod" && (
              <label className={s.description}>
                <input type="checkbox" checked={keepText} disabled={busy} onChange={(e) => setKeepText(e.currentTarget.checked)} /> {TEXT_NEXT_PERIOD.keepText}
              </label>
            )}
          </li>
        ))}
      </ul>

      <UnitsSection disabled={busy} onAdd={addUnit} onImport={(files) => void importFiles(files)} />

      <div role="status" className={s.status}>
        {step !== null && <StepSpinner step={step} />}
      </div>

      {notices.length > 0 && <Notices notices={notices} busy={busy} onRecreate={() => void createTemplate()} />}

      {importResult && <ImportResultList result={importResult} />}

      {legacyCount > 0 && (
        <div className={s.action}>
          <Button className={s.button} disabledFocusable={busy} aria-describedby="tthc-action-unicode" onClick={() => void convertLegacy()}>
            {TEXT_LEGACY.button}
          </Button>
          <Caption1 id="tthc-action-unicode" className={s.description}>
            {TEXT_LEGACY.description(legacyCount)}
          </Caption1>
        </div>
      )}

      <ProblemList problems={problems} units={unitSheets} onSelect={(p) => void select(p)} disabled={busy} selectedKey={selectedKey} />

      {preview && (
        <Suspense fallback={null}>
          <ReportPreview
            document={preview.document}
            madeAt={preview.madeAt}
            busy={busy}
            onRefresh={() => void showPreview()}
            onClose={() => setPreview(null)}
          />
        </Suspense>
      )}

      {dialogWanted && (
        <Suspense fallback={null}>
          <ConfirmWarningsDialog warnings={pending?.kind === "warnings" ? pending.warnings : null} onAnswer={answer} />
        </Suspense>
      )}
      {overwriteDialogWanted && (
        <Suspense fallback={null}>
          <ConfirmOverwriteDialog cells={pending?.kind === "overwrite" ? pending.cells : null} onAnswer={answer} />
        </Suspense>
      )}
      {figuresDialogWanted && (
        <Suspense fallback={null}>
          <ConfirmFiguresDialog preview={pending?.kind === "figures" ? pending.preview : null} onAnswer={answer} />
        </Suspense>
      )}
      {unicodeDialogWanted && (
        <Suspense fallback={null}>
          <ConfirmUnicodeDialog cells={pending?.kind === "unicode" ? pending.cells : null} onAnswer={answer} />
        </Suspense>
      )}
    </main>
  );
}
