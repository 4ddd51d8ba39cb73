/**
 * A question about a list of cells, with a yes and a no. Closing the dialog (Esc) answers
 * no: nothing happens without a clear "yes". Used by "Xuất báo cáo" (warnings) and
 * "Tổng hợp" (typed summary values).
 */
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";

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

export interface ConfirmListItem {
  key: string;
  /** shown in bold, e.g. "I. Kết quả, ô C12" */
  where: string;
  text: string;
}

export interface ConfirmListDialogProps {
  open: boolean;
  title: string;
  intro: string;
  items: ConfirmListItem[];
  yes: string;
  no: string;
  onAnswer(yes: boolean): void;
}

/**
 * Gives the focus back, when the dialog closes, to where it was when the dialog opened (the
 * button of the command that asks). A command opens the dialog, not a DialogTrigger, so
 * Fluent does not know where to return; without this a keyboard user is left on the page's
 * body. Read while rendering the opening: the dialog moves the focus only after that.
 */
function useFocusReturn(open: boolean): void {
  const returnTo = useRef<HTMLElement | null>(null);
  const shown = useRef(false);
  if (open && !shown.current && document.activeElement instanceof HTMLElement) returnTo.current = document.activeElement;
  useEffect(() => {
    if (open) {
      shown.current = true;
      return;
    }
    if (!shown.current) return;
    shown.current = false;
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
  }, [open]);
}

export function ConfirmListDialog({ open, title, intro, items, yes, no, onAnswer }: ConfirmListDialogProps) {
  const s = useStyles();
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onAnswer(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Body1>{intro}</Body1>
            <ul className={s.list}>
              {items.map((item) => (
                <li key={item.key}>
                  <span className={s.where}>{item.where}</span> {item.text}
                </li>
              ))}
            </ul>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => onAnswer(true)}>
              {yes}
            </Button>
            <Button appearance="secondary" onClick={() => onAnswer(false)}>
              {no}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
