/**
 * Asked by "Xuất báo cáo" when the workbook has warnings but no errors: list them and let
 * the user export anyway or go back. Closing the dialog (Esc) counts as "Quay lại sửa".
 */
import type { Problem } from "../report/types";
import { ConfirmListDialog } from "./ConfirmListDialog";
import { TEXT } from "./texts";

export interface ConfirmWarningsDialogProps {
  /** the warnings to list; null when the dialog is closed */
  warnings: Problem[] | null;
  onAnswer(proceed: boolean): void;
}

export function ConfirmWarningsDialog({ warnings, onAnswer }: ConfirmWarningsDialogProps) {
  return (
    <ConfirmListDialog
      open={warnings !== null}
      title={TEXT.confirm.title}
      intro={TEXT.confirm.intro(warnings?.length ?? 0)}
      items={(warnings ?? []).map((w, i) => ({ key: String(i), where: `${w.sheet}, ${TEXT.problems.cell(w.cell)}:`, text: w.message }))}
      yes={TEXT.confirm.proceed}
      no={TEXT.confirm.goBack}
      onAnswer={onAnswer}
    />
  );
}
