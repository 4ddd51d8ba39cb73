/**
 * A question about a list of cells, with a yes and a no. Closing the dialog (Esc) answers
 * no: nothing happens without a clear "yes". Used by "Xuất báo cáo" (warnings) and
 * "Tổng hợp" (typed summary values).
 */
import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, tokens } from "@fluentui/react-components";

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

export function ConfirmListDialog({ open, title, intro, items, yes, no, onAnswer }: ConfirmListDialogProps) {
  const s = useStyles();
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
