/** What the pane says after "Nhận số liệu từ bảng" (pure, tested apart from React). */
import type { ImportFiguresOutcome } from "../commands/addin-commands";
import type { Notice } from "./notices";
import { TEXT_IMPORT_FIGURES } from "./texts";

export function importFiguresNotices(outcome: ImportFiguresOutcome): Notice[] {
  if (outcome.status === "refused") return [{ id: "figures", intent: "error", text: outcome.message }];
  if (outcome.status === "cancelled") return [{ id: "figures", intent: "info", text: TEXT_IMPORT_FIGURES.cancelled }];
  const notices: Notice[] = [
    { id: "figures", intent: "success", text: [TEXT_IMPORT_FIGURES.done(outcome.to), ...outcome.lines.slice(1).filter((l) => !l.startsWith("  "))].join("\n") },
  ];
  outcome.warnings.forEach((w, i) => notices.push({ id: `figures-warning-${i}`, intent: "warning", text: w }));
  return notices;
}
