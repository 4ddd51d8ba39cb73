/**
 * Asked by "Tổng hợp" when summary cells hold values the user typed: list them and let the
 * user replace them by the roll-up formulas or keep them. Closing the dialog (Esc) keeps them:
 * nothing typed is lost without a clear "yes".
 */
import type { TypedSummaryCell } from "../commands/addin-commands";
import { ConfirmListDialog } from "./ConfirmListDialog";
import { TEXT } from "./texts";

export interface ConfirmOverwriteDialogProps {
  /** the typed summary cells; null when the dialog is closed */
  cells: TypedSummaryCell[] | null;
  /** true: replace them by formulas; false: keep them */
  onAnswer(replace: boolean): void;
}

export function ConfirmOverwriteDialog({ cells, onAnswer }: ConfirmOverwriteDialogProps) {
  return (
    <ConfirmListDialog
      open={cells !== null}
      title={TEXT.overwrite.title}
      intro={TEXT.overwrite.intro(cells?.length ?? 0)}
      items={(cells ?? []).map((c) => ({
        key: `${c.sheet}!${c.cell}`,
        where: `${c.sheet}, ${TEXT.problems.cell(c.cell)}`,
        text: `(${c.label}): ${String(c.value)}`,
      }))}
      yes={TEXT.overwrite.replace}
      no={TEXT.overwrite.keep}
      onAnswer={onAnswer}
    />
  );
}
