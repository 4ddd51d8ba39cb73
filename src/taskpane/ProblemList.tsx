/**
 * The problems found by "Kiểm tra" / "Xuất báo cáo", grouped by sheet. Each entry is a real
 * button (Tab, Enter and Space work; Up/Down, Home/End move between entries) that selects the
 * problem's cell in Excel. Severity is shown by an icon and a word, never by colour alone.
 */
import { Caption1, createFocusOutlineStyle, makeStyles, mergeClasses, shorthands, Subtitle2, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import type { Problem, Severity } from "../report/types";
import type { UnitSheet } from "../workbook/units";
import { ErrorIcon, WarningIcon } from "./icons";
import { problemKey } from "./problem-key";
import { TEXT } from "./texts";

export interface ProblemGroup {
  sheet: string;
  /** the unit's name when the sheet is a unit sheet */
  unitName?: string;
  errors: number;
  warnings: number;
  /** errors first, then warnings, each in the order given */
  problems: Problem[];
}

/**
 * Groups problems by sheet: sheets in the order their first problem appears (errors come
 * first, so sheets with errors lead), errors before warnings inside each sheet. Unit sheets
 * (`units`, from Kiểm tra) come after the other sheets, in workbook order, each named by its unit.
 */
export function groupProblems(problems: Problem[], units: readonly UnitSheet[] = []): ProblemGroup[] {
  const rank = (s: Severity) => (s === "error" ? 0 : 1);
  const ordered = problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.severity) - rank(b.p.severity) || a.i - b.i);
  const groups = new Map<string, ProblemGroup>();
  for (const { p } of ordered) {
    let g = groups.get(p.sheet);
    if (!g) groups.set(p.sheet, (g = { sheet: p.sheet, errors: 0, warnings: 0, problems: [] }));
    g.problems.push(p);
    if (p.severity === "error") g.errors++;
    else g.warnings++;
  }
  const unitOf = new Map(units.map((u) => [u.sheet, u] as const));
  const all = [...groups.values()];
  const unitGroups = all
    .filter((g) => unitOf.has(g.sheet))
    .map((g) => ({ ...g, unitName: unitOf.get(g.sheet)!.unitName }))
    .sort((a, b) => unitOf.get(a.sheet)!.position - unitOf.get(b.sheet)!.position);
  return [...all.filter((g) => !unitOf.has(g.sheet)), ...unitGroups];
}

/** Identifies an entry (a cell can carry an error and a warning). */
export { problemKey };

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  sheetHeading: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
  },
  counts: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  entry: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "left",
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":disabled": { cursor: "default", color: tokens.colorNeutralForegroundDisabled },
  },
  focus: createFocusOutlineStyle(),
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...shorthands.borderColor(tokens.colorBrandStroke1),
  },
  line: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  severity: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorStatusDangerForeground1 },
  warning: { color: tokens.colorStatusWarningForeground3 },
  cell: { color: tokens.colorNeutralForeground2 },
});

/** Up/Down (and Home/End) move the focus between the entries, across the sheets. */
function moveFocus(e: KeyboardEvent<HTMLElement>): void {
  const entries = [...e.currentTarget.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const at = entries.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const to =
    e.key === "ArrowDown"
      ? Math.min(at + 1, entries.length - 1)
      : e.key === "ArrowUp"
        ? Math.max(at - 1, 0)
        : e.key === "Home"
          ? 0
          : e.key === "End"
            ? entries.length - 1
            : null;
  if (to === null) return;
  e.preventDefault();
  entries[to].focus();
}

export interface ProblemListProps {
  problems: Problem[];
  /** the workbook's unit sheets: their problems are grouped by unit, after the other sheets */
  units?: readonly UnitSheet[];
  onSelect(problem: Problem): void;
  /** while a command runs */
  disabled?: boolean;
  /** key (problemKey) of the entry last selected */
  selectedKey?: string | null;
}

export function ProblemList({ problems, units, onSelect, disabled, selectedKey }: ProblemListProps) {
  const s = useStyles();
  const groups = groupProblems(problems, units);
  if (!groups.length) return null;
  return (
    <section className={s.root} aria-labelledby="tthc-problems-heading">
      <Subtitle2 as="h2" id="tthc-problems-heading" className={s.heading}>
        {TEXT.problems.heading}
      </Subtitle2>
      <Caption1>{TEXT.problems.hint}</Caption1>
      {/* arrow keys move between the entries (the buttons inside); the wrapper itself is not a control */}
      <div role="presentation" onKeyDown={moveFocus}>
        {groups.map((g, gi) => {
          const headingId = `tthc-problems-sheet-${gi}`;
          return (
            <div key={g.sheet} role="group" aria-labelledby={headingId}>
              <h3 id={headingId} className={s.sheetHeading}>
                {g.unitName !== undefined ? TEXT.problems.unit(g.unitName, g.sheet) : g.sheet}{" "}
                <span className={s.counts}>({TEXT.problems.counts(g.errors, g.warnings)})</span>
              </h3>
              <ul className={s.list}>
                {g.problems.map((p) => {
                  const key = problemKey(p);
                  const isError = p.severity === "error";
                  const severity = isError ? TEXT.problems.error : TEXT.problems.warning;
                  return (
                    <li key={key}>
                      <button
                        type="button"
                        className={mergeClasses(s.entry, s.focus, key === selectedKey && s.selected)}
                        disabled={disabled}
                        aria-current={key === selectedKey ? "true" : undefined}
                        // the same words as shown, with the pauses a screen reader needs
                        aria-label={`${severity}, ${TEXT.problems.cell(p.cell)}: ${p.message}`}
                        onClick={() => onSelect(p)}
                      >
                        <span className={s.line}>
                          <span className={mergeClasses(s.severity, isError ? s.error : s.warning)}>
                            {isError ? <ErrorIcon /> : <WarningIcon />}
                            {severity}
                          </span>
                          <span className={s.cell}>{TEXT.problems.cell(p.cell)}</span>
                        </span>
                        <span>{p.message}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
