/**
 * The pane's "Chuyển sang Unicode": its wording, which problems it acts on, and what it says
 * afterwards. Pure, tested apart from React.
 */
import type { LegacyFixOutcome } from "../excel/fix-legacy-text";
import type { Problem } from "../report/types";
import { LEGACY_CODE } from "../workbook/legacy-code";
import type { Notice } from "./notices";

export const TEXT_LEGACY = {
  button: "Chuyển sang Unicode",
  description: (n: number) => `${n} ô có chữ mã cũ (TCVN3 hoặc VNI) sẽ in ra sai. Chuyển chữ các ô đó sang Unicode, phông Times New Roman.`,
  progress: "Đang chuyển chữ sang Unicode…",
  title: "Chuyển sang Unicode?",
  intro: (n: number) =>
    `Chữ của ${n} ô dưới đây sẽ được chuyển sang Unicode và đặt phông Times New Roman; các ô khác giữ nguyên. Office không hoàn tác (Ctrl+Z) được thay đổi do phần bổ trợ ghi, nên hãy lưu một bản sao sổ làm việc trước nếu cần.`,
  yes: "Chuyển sang Unicode",
  no: "Để nguyên",
  cancelled: "Chưa chuyển ô nào.",
  done: (n: number) => `Đã chuyển ${n} ô sang Unicode (phông Times New Roman).`,
  skippedFormula: (n: number) => `${n} ô chứa công thức nên không được chuyển; hãy sửa ô nguồn của công thức.`,
} as const;

export const isLegacyProblem = (p: Problem): boolean => p.code === LEGACY_CODE;

export function legacyFixNotices(outcome: LegacyFixOutcome): Notice[] {
  const notices: Notice[] = [];
  if (outcome.converted.length) notices.push({ id: "unicode", intent: "success", text: TEXT_LEGACY.done(outcome.converted.length) });
  const formulas = outcome.skipped.filter((s) => s.reason === "formula").length;
  if (formulas) notices.push({ id: "unicode-formula", intent: "warning", text: TEXT_LEGACY.skippedFormula(formulas) });
  if (!notices.length) notices.push({ id: "unicode", intent: "info", text: TEXT_LEGACY.cancelled });
  return notices;
}
