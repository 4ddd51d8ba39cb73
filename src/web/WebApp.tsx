/**
 * The web page: the add-in's commands on workbook files, in the browser, nothing uploaded.
 * Three sections (make a template; open a workbook to check, download it marked, export,
 * preview, start the next period, convert to Unicode or take the one-stop system's figures;
 * roll up units' workbooks). It only collects files and shows
 * outcomes: the work is done by src/web/web-commands.ts, a chunk of its own loaded when a
 * command first runs (ExcelJS, JSZip and docx are not in the first load). Everything the
 * page says goes through one live region, so a screen reader hears each step and result.
 */
import { Button, Checkbox, Field, Input, makeStyles, Select, Subtitle1, Subtitle2, Body1, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type DragEvent } from "react";
import type * as webCommands from "./web-commands";
import type { OpenedWorkbook, WebDownload, WebFile, WebOutcome } from "./web-commands";
import { builtInKinds } from "../report/kinds";
import type { Problem } from "../report/types";
import { deliverDocx } from "../taskpane/download";
import { fileBytes } from "../taskpane/file-bytes";
import { Notices } from "../taskpane/Notices";
import type { Notice } from "../taskpane/notices";
import { TEXT_WEB } from "./texts";

export type WebCommands = typeof webCommands;

/** The commands' module: a chunk of its own, fetched when the first command runs. */
export const loadWebCommands = (): Promise<WebCommands> => import(/* webpackChunkName: "web-commands" */ "./web-commands");

const loadPreview = () => import(/* webpackChunkName: "preview" */ "../taskpane/ReportPreview");
const ReportPreview = lazy(() => loadPreview().then((m) => ({ default: m.ReportPreview })));

export interface WebAppProps {
  /** the commands (tests may pass them already loaded) */
  commands?: () => Promise<WebCommands>;
  /** saves a file through the browser */
  save?: (download: WebDownload) => void;
  /** "now" for the date checks */
  today?: () => Date;
}

/** Saves a file through the browser, as the task pane saves its .docx (a Blob URL clicked through an <a download>). */
export function saveDownload(download: WebDownload): void {
  void deliverDocx(new Blob([download.bytes as BlobPart], { type: download.mime }), download.fileName, undefined);
}

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** What the one-stop systems export: .xlsx, .csv, and the HTML table saved as .xls */
const SOURCE_ACCEPT = `${XLSX_ACCEPT},.csv,.xls,.htm,.html`;

/** A native file chooser with its visible label (keyboard and screen readers get both). */
function FileChooser({
  id,
  label,
  multiple,
  disabled,
  className,
  accept = XLSX_ACCEPT,
  onFiles,
}: {
  id: string;
  label: string;
  accept?: string;
  multiple?: boolean;
  disabled: boolean;
  className: string;
  onFiles(files: File[]): void;
}) {
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        multiple={multiple}
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          onFiles(Array.from(e.target.files ?? []));
          if (!multiple) e.target.value = "";
        }}
      />
    </div>
  );
}

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    maxWidth: "820px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
  },
  header: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
  intro: { margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  drop: { outline: `2px dashed ${tokens.colorBrandStroke1}` },
  heading: { margin: 0 },
  row: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS, alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
  live: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const now = () => new Date();
const isXlsx = (name: string) => name.toLowerCase().endsWith(".xlsx");
const readPicked = async (f: File): Promise<WebFile> => ({ name: f.name, bytes: await fileBytes(f) });

export function WebApp({ commands = loadWebCommands, save = saveDownload, today = now }: WebAppProps) {
  const s = useStyles();
  const kinds = builtInKinds().map((k) => ({ id: k.id, title: k.title }));
  const [kindId, setKindId] = useState(kinds[0]?.id ?? "");
  const [unitName, setUnitName] = useState("");
  const [workbook, setWorkbook] = useState<OpenedWorkbook | null>(null);
  const [keepText, setKeepText] = useState(false);
  const [units, setUnits] = useState<File[]>([]);
  const [base, setBase] = useState<File | null>(null);
  const [step, setStep] = useState<string | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  /** the problems found, and their lines as `bao-cao check` prints them */
  const [problems, setProblems] = useState<{ list: Problem[]; lines: string[] } | null>(null);
  const loaded = useRef<WebCommands | null>(null);
  const [preview, setPreview] = useState<{ document: Blob; madeAt: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const running = useRef(false);
  const busy = step !== null;

  // once the page is drawn, fetch what the commands load on demand: offline afterwards, every command still works
  useEffect(() => {
    commands()
      .then((c) => {
        loaded.current ??= c;
        return Promise.all([c.preloadDocx(), loadPreview()]);
      })
      .catch(() => undefined); // offline already: a command says so when it needs what is missing
  }, [commands]);

  const showProblems = useCallback((list: Problem[] | undefined) => {
    setProblems(list?.length && loaded.current ? { list, lines: loaded.current.problemLines(list) } : null);
  }, []);

  const show = useCallback(
    (outcome: WebOutcome) => {
      setNotices([{ id: String(Date.now()), intent: outcome.tone, text: outcome.lines.join("\n") }]);
      showProblems(outcome.problems);
    },
    [showProblems],
  );

  /** Runs one command at a time: its step in the live region, then its outcome; never an exception to the user. */
  const run = useCallback(
    async (label: string, work: (c: WebCommands) => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setStep(TEXT_WEB.busy(label));
      setNotices([]);
      try {
        loaded.current ??= await commands();
        await work(loaded.current);
      } catch (e) {
        console.error(e);
        setNotices([{ id: "unexpected", intent: "error", text: TEXT_WEB.unexpected(label) }]);
      } finally {
        running.current = false;
        setStep(null);
      }
    },
    [commands],
  );

  const deliver = useCallback(
    (outcome: WebOutcome) => {
      if (outcome.download) save(outcome.download);
      show(outcome);
    },
    [save, show],
  );

  const openFile = useCallback(
    (file: File) =>
      run(TEXT_WEB.open.chooser, async (c) => {
        setPreview(null);
        setProblems(null);
        if (!isXlsx(file.name)) {
          setWorkbook(null);
          show({ tone: "error", lines: [TEXT_WEB.open.notXlsx(file.name)] });
          return;
        }
        const opened = await c.openWorkbook(await readPicked(file));
        if (!opened.ok) {
          setWorkbook(null);
          show(opened.outcome);
          return;
        }
        setWorkbook(opened.workbook);
        show({ tone: "success", lines: [TEXT_WEB.open.opened(file.name, opened.workbook.kind.definition.title)] });
      }),
    [run, show],
  );

  /** A command on the opened workbook; without one, says how to open it. */
  const onWorkbook = (label: string, work: (c: WebCommands, wb: OpenedWorkbook) => Promise<void>) => () =>
    run(label, async (c) => {
      if (!workbook) {
        show({ tone: "warning", lines: [TEXT_WEB.open.needFile] });
        return;
      }
      await work(c, workbook);
    });

  const check = onWorkbook(TEXT_WEB.open.check, async (c, wb) => show(c.checkOpened(wb, today())));
  const exportReport = onWorkbook(TEXT_WEB.open.export, async (c, wb) => deliver(await c.exportOpened(wb, today())));
  const nextPeriod = onWorkbook(TEXT_WEB.open.nextPeriod, async (c, wb) => deliver(await c.nextPeriodOpened(wb, { keepText })));
  const unicode = onWorkbook(TEXT_WEB.open.unicode, async (c, wb) => deliver(await c.fixTextOpened(wb)));
  const marked = onWorkbook(TEXT_WEB.open.marked, async (c, wb) => deliver(await c.markedOpened(wb, today())));
  const importFigures = (file: File) => onWorkbook(TEXT_WEB.open.importFigures, async (c, wb) => deliver(await c.importOpened(wb, await readPicked(file))))();
  const showPreview = onWorkbook(TEXT_WEB.open.preview, async (c, wb) => {
    const report = c.reportOf(wb, today());
    if (!report.ok) {
      setPreview(null);
      show(report.outcome);
      return;
    }
    setPreview({ document: await c.reportDocx(wb, report.data), madeAt: new Date().toLocaleTimeString("vi-VN", { hour: "2-digit", minute: "2-digit" }) });
    showProblems(report.warnings);
  });

  const blank = () => run(TEXT_WEB.template.blank, async (c) => deliver(await c.blankWorkbook(kindId)));
  const unit = () => run(TEXT_WEB.template.unitButton, async (c) => deliver(await c.unitWorkbook(kindId, unitName)));
  const rollup = () =>
    run(TEXT_WEB.rollup.run, async (c) => {
      const files = await Promise.all(units.map(readPicked));
      deliver(await c.rollupFiles(files, base ? await readPicked(base) : undefined, today()));
    });

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length > 1) show({ tone: "warning", lines: [TEXT_WEB.open.oneFile] });
    else if (files[0]) void openFile(files[0]);
  };

  return (
    <main className={s.root}>
      <header className={s.header}>
        <Subtitle1 as="h1" className={s.title}>
          {TEXT_WEB.title}
        </Subtitle1>
        <Body1 as="p" className={s.intro}>
          {TEXT_WEB.intro}
        </Body1>
      </header>

      <div className={s.live} aria-live="polite" role="status" aria-label={TEXT_WEB.status}>
        {step && <Body1>{step}</Body1>}
        <Notices notices={notices} busy={busy} onRecreate={() => undefined} />
      </div>

      {problems && (
        <section className={s.section} aria-labelledby="ket-qua">
          <Subtitle2 as="h2" id="ket-qua" className={s.heading}>
            {TEXT_WEB.open.problemsHeading}
          </Subtitle2>
          <ul className={s.problems}>
            {problems.list.map((p, i) => (
              <li key={`${i}:${problems.lines[i]}`} className={p.severity === "error" ? s.error : undefined}>
                {problems.lines[i]}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={s.section} aria-labelledby="tao-mau">
        <Subtitle2 as="h2" id="tao-mau" className={s.heading}>
          {TEXT_WEB.template.heading}
        </Subtitle2>
        <Field label={TEXT_WEB.template.kind}>
          <Select value={kindId} disabled={busy} onChange={(e) => setKindId(e.target.value)}>
            {kinds.map((k) => (
              <option key={k.id} value={k.id}>
                {k.title}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={TEXT_WEB.template.unit} hint={TEXT_WEB.template.unitHint}>
          <Input value={unitName} onChange={(_e, d) => setUnitName(d.value)} />
        </Field>
        <div className={s.row}>
          <Button appearance="primary" disabled={busy} onClick={blank}>
            {TEXT_WEB.template.blank}
          </Button>
          <Button disabled={busy} onClick={unit}>
            {TEXT_WEB.template.unitButton}
          </Button>
        </div>
      </section>

      <section
        className={dragging ? `${s.section} ${s.drop}` : s.section}
        aria-labelledby="so-bao-cao"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Subtitle2 as="h2" id="so-bao-cao" className={s.heading}>
          {TEXT_WEB.open.heading}
        </Subtitle2>
        <FileChooser
          id="chon-so"
          label={TEXT_WEB.open.chooser}
          disabled={busy}
          className={s.row}
          onFiles={(files) => {
            if (files[0]) void openFile(files[0]);
          }}
        />
        <Body1 className={s.hint}>
          {workbook ? TEXT_WEB.open.opened(workbook.name, workbook.kind.definition.title) : `${TEXT_WEB.open.none} ${TEXT_WEB.open.drop}`}
        </Body1>
        <div className={s.row}>
          <Button appearance="primary" disabled={busy} onClick={check}>
            {TEXT_WEB.open.check}
          </Button>
          <Button disabled={busy} onClick={marked}>
            {TEXT_WEB.open.marked}
          </Button>
          <Button disabled={busy} onClick={exportReport}>
            {TEXT_WEB.open.export}
          </Button>
          <Button disabled={busy} onClick={showPreview}>
            {TEXT_WEB.open.preview}
          </Button>
          <Button disabled={busy} onClick={nextPeriod}>
            {TEXT_WEB.open.nextPeriod}
          </Button>
          <Button disabled={busy} onClick={unicode}>
            {TEXT_WEB.open.unicode}
          </Button>
        </div>
        <Checkbox checked={keepText} disabled={busy} onChange={(_e, d) => setKeepText(Boolean(d.checked))} label={TEXT_WEB.open.keepText} />
        <Subtitle2 as="h3" id="nhan-so-lieu" className={s.heading}>
          {TEXT_WEB.open.importFigures}
        </Subtitle2>
        <FileChooser
          id="chon-bang-nguon"
          label={TEXT_WEB.importFigures.chooser}
          accept={SOURCE_ACCEPT}
          disabled={busy}
          className={s.row}
          onFiles={(files) => {
            if (files[0]) void importFigures(files[0]);
          }}
        />
        <Body1 className={s.hint}>{TEXT_WEB.importFigures.hint}</Body1>
        {preview && (
          <Suspense fallback={null}>
            <ReportPreview document={preview.document} madeAt={preview.madeAt} busy={busy} onRefresh={showPreview} onClose={() => setPreview(null)} />
          </Suspense>
        )}
      </section>

      <section className={s.section} aria-labelledby="tong-hop">
        <Subtitle2 as="h2" id="tong-hop" className={s.heading}>
          {TEXT_WEB.rollup.heading}
        </Subtitle2>
        <FileChooser id="chon-don-vi" label={TEXT_WEB.rollup.units} multiple disabled={busy} className={s.row} onFiles={setUnits} />
        {units.length > 0 && <Body1 className={s.hint}>{TEXT_WEB.rollup.chosen(units.length)}</Body1>}
        <FileChooser id="chon-nen" label={TEXT_WEB.rollup.base} disabled={busy} className={s.row} onFiles={(files) => setBase(files[0] ?? null)} />
        <Body1 className={s.hint}>{TEXT_WEB.rollup.baseHint}</Body1>
        <div className={s.row}>
          <Button appearance="primary" disabled={busy} onClick={rollup}>
            {TEXT_WEB.rollup.run}
          </Button>
        </div>
      </section>
    </main>
  );
}
