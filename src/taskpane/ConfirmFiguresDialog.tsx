/**
 * Asked by "Nhận số liệu từ bảng" before writing: what maps to what, the rows read, added and
 * set to 0, and the warnings. Closing the dialog (Esc) writes nothing.
 */
import type { ImportFiguresPreview } from "../commands/addin-commands";
import { ConfirmListDialog } from "./ConfirmListDialog";
import { TEXT_IMPORT_FIGURES } from "./texts";

export interface ConfirmFiguresDialogProps {
  /** what will be written; null when the dialog is closed */
  preview: ImportFiguresPreview | null;
  onAnswer(write: boolean): void;
}

export function ConfirmFiguresDialog({ preview, onAnswer }: ConfirmFiguresDialogProps) {
  return (
    <ConfirmListDialog
      open={preview !== null}
      title={TEXT_IMPORT_FIGURES.title}
      intro={preview ? TEXT_IMPORT_FIGURES.intro(preview.from, preview.to) : ""}
      items={[
        ...(preview?.lines ?? []).slice(1).map((line, i) => ({ key: `l${i}`, where: "", text: line.trim() })),
        ...(preview?.warnings ?? []).map((w, i) => ({ key: `w${i}`, where: TEXT_IMPORT_FIGURES.warning, text: w })),
      ]}
      yes={TEXT_IMPORT_FIGURES.yes}
      no={TEXT_IMPORT_FIGURES.no}
      onAnswer={onAnswer}
    />
  );
}
