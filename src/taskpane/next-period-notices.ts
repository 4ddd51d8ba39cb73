/**
 * What the pane says after "Kỳ mới". Loaded with the command's own chunk (webpackChunkName
 * "next-period"), so its words do not weigh on the pane's first load.
 */
import type { NextPeriodOutcome } from "../commands/addin-commands";
import type { Notice } from "./notices";
import { TEXT } from "./texts";

export const TEXT_NEXT_PERIOD_RESULT = {
  opened: (to: string, from: string) =>
    `Đã mở sổ ${to} trong một cửa sổ Excel mới (tạo từ sổ ${from}; sổ này giữ nguyên). Hãy lưu sổ mới rồi nhập số liệu kỳ mới.`,
  delivered: (to: string, file: string) => `Đã tạo sổ ${to}: tệp ${file} đã được tải về. Mở tệp bằng Excel rồi nhập số liệu kỳ mới.`,
  units: (n: number) => `Giữ ${n} trang đơn vị, số liệu đã xóa.`,
} as const;

export function nextPeriodNotices(outcome: NextPeriodOutcome): Notice[] {
  if (outcome.status === "refused") return [{ id: "next", intent: "error", text: outcome.message }];
  if (outcome.delivery?.kind === "unsupported")
    return [{ id: "next", intent: "warning", title: TEXT.exportResult.notDownloadedTitle, text: outcome.delivery.message }];
  const units = outcome.units ? ` ${TEXT_NEXT_PERIOD_RESULT.units(outcome.units)}` : "";
  const text =
    outcome.status === "opened" ? TEXT_NEXT_PERIOD_RESULT.opened(outcome.to, outcome.from) : TEXT_NEXT_PERIOD_RESULT.delivered(outcome.to, outcome.fileName);
  const rewrites = outcome.rewrites ? ` ${outcome.rewrites}` : "";
  const done: Notice = { id: "next", intent: "success", text: text + units + rewrites };
  return outcome.notKept ? [done, { id: "next-not-kept", intent: "warning", text: outcome.notKept }] : [done];
}
