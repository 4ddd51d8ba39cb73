/**
 * Asked by "Tổng hợp" when summary cells hold values the user typed: list them and let the
 * user replace them by the roll-up formulas or keep them. Closing the dialog (Esc) keeps them:
 * nothing typed is lost without a clear "yes".
 */
import {
  Body1,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { TypedSummaryCell } from "../commands/addin-commands";
import { TEXT } from "./texts";

const useStyles = makeStyles({
  list: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    paddingLeft: tokens.spacingHorizontalXL,
    maxHeight: "40vh",
    overflowY: "auto",
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  where: { fontWeight: tokens.fontWeightSemibold },
});

export interface ConfirmOverwriteDialogProps {
  /** the typed summary cells; null when the dialog is closed */
  cells: TypedSummaryCell[] | null;
  /** true: replace them by formulas; false: keep them */
  onAnswer(replace: boolean): void;
}

export function ConfirmOverwriteDialog({ cells, onAnswer }: ConfirmOverwriteDialogProps) {
  const s = useStyles();
  return (
    <Dialog open={cells !== null} onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{TEXT.overwrite.title}</DialogTitle>
          <DialogContent>
            <Body1>{TEXT.overwrite.intro(cells?.length ?? 0)}</Body1>
            <ul className={s.list}>
              {(cells ?? []).map((c) => (
                <li key={`${c.sheet}!${c.cell}`}>
                  <span className={s.where}>
                    {c.sheet}, {TEXT.problems.cell(c.cell)}
                  </span>{" "}
                  ({c.label}): {String(c.value)}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {TEXT.overwrite.replace}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {TEXT.overwrite.keep}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
