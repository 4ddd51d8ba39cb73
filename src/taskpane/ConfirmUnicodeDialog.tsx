/**
 * Asked by "Chuyển sang Unicode" before it writes: the cells whose text will change. Closing
 * the dialog (Esc) answers no: Office cannot undo what an add-in writes.
 */
import type { Problem } from "../report/types";
import { ConfirmListDialog } from "./ConfirmListDialog";
import { TEXT_LEGACY } from "./legacy-text";
import { TEXT } from "./texts";

export interface ConfirmUnicodeDialogProps {
  /** the legacy-encoding problems; null when the dialog is closed */
  cells: Problem[] | null;
  onAnswer(convert: boolean): void;
}

export function ConfirmUnicodeDialog({ cells, onAnswer }: ConfirmUnicodeDialogProps) {
  return (
    <ConfirmListDialog
      open={cells !== null}
      title={TEXT_LEGACY.title}
      intro={TEXT_LEGACY.intro(cells?.length ?? 0)}
      items={(cells ?? []).map((c) => ({ key: `${c.sheet}!${c.cell}`, where: `${c.sheet}, ${TEXT.problems.cell(c.cell)}`, text: c.message }))}
      yes={TEXT_LEGACY.yes}
      no={TEXT_LEGACY.no}
      onAnswer={onAnswer}
    />
  );
}
