/**
 * Asked by "Xuất báo cáo" when the workbook has warnings but no errors: list them and let
 * the user export anyway or go back. Closing the dialog (Esc) counts as "Quay lại sửa".
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
import type { Problem } from "../report/types";
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

export interface ConfirmWarningsDialogProps {
  /** the warnings to list; null when the dialog is closed */
  warnings: Problem[] | null;
  onAnswer(proceed: boolean): void;
}

export function ConfirmWarningsDialog({ warnings, onAnswer }: ConfirmWarningsDialogProps) {
  const s = useStyles();
  return (
    <Dialog open={warnings !== null} onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{TEXT.confirm.title}</DialogTitle>
          <DialogContent>
            <Body1>{TEXT.confirm.intro(warnings?.length ?? 0)}</Body1>
            <ul className={s.list}>
              {(warnings ?? []).map((w, i) => (
                <li key={i}>
                  <span className={s.where}>
                    {w.sheet}, {TEXT.problems.cell(w.cell)}:
                  </span>{" "}
                  {w.message}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {TEXT.confirm.proceed}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {TEXT.confirm.goBack}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
