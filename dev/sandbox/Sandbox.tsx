/**
 * The sandbox's own part of the page: a header with the status line (the context.sync()
 * calls of the last command) and "Làm mới sổ", and the simulated workbook. The task pane
 * itself is mounted beside it by the real entry, src/taskpane/index.tsx, into #container.
 */
import { useEffect, useReducer } from "react";
import { commandStats, onCommandStats, resetWorkbook, type CommandStats } from "./boot";
import { WorkbookView } from "./WorkbookView";

/** The status line's words for the last command. */
export function statusText(s: CommandStats): string {
  if (!s.label) return "Chưa chạy lệnh nào. Bấm một nút trong bảng tác vụ bên phải.";
  const counts = `${s.syncCount} lần context.sync(), ${s.roundTrips} lượt trao đổi với Excel, ${s.runs} lần Excel.run`;
  if (s.running > 0) return `Lệnh «${s.label}» đang chạy… ${counts}`;
  return `Lệnh vừa chạy «${s.label}»: ${counts}.${s.error ? ` Lỗi: ${s.error}` : ""}`;
}

function StatusLine() {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onCommandStats(() => rerender()), []);
  const s = commandStats();
  return (
    <p className="sb-status" role="status" data-sync-count={s.syncCount} data-running={s.running} data-serial={s.serial}>
      {statusText(s)}
    </p>
  );
}

export function Sandbox() {
  return (
    <>
      <header className="sb-header">
        <div className="sb-title">
          <h1>Hộp cát: Báo cáo CCTTHC</h1>
          <span className="sb-subtitle">Bảng tác vụ thật chạy trên một sổ Excel mô phỏng (công cụ phát triển, không phải Excel)</span>
        </div>
        <StatusLine />
        <button type="button" className="sb-reset" onClick={resetWorkbook} title="Xoá sổ đã lưu trong trình duyệt và bắt đầu lại với một sổ trống">
          Làm mới sổ
        </button>
      </header>
      <WorkbookView />
    </>
  );
}
