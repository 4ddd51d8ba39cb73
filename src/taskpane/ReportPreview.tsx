/**
 * "Xem trước": the report's .docx (the very bytes "Xuất báo cáo" delivers) laid out in the
 * pane by docx-preview, each page scaled down to the pane's width (320–450 px), scrolled
 * inside its own box, its text selectable (on Excel for Mac, copying it is a way out when
 * the download is blocked). This module and docx-preview are a chunk of their own, fetched
 * only when "Xem trước" is pressed.
 */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { renderAsync } from "docx-preview";
import { useEffect, useLayoutEffect, useRef, useState } from "react";

export const TEXT_PREVIEW_VIEW = {
  region: "Xem trước báo cáo",
  document: "Báo cáo xem trước (có thể chọn và sao chép chữ)",
  madeAt: (time: string) => `Bản xem trước lúc ${time}. Sửa sổ xong, bấm "Làm mới".`,
  refresh: "Làm mới",
  close: "Đóng",
  failed: (detail: string) => `Không hiển thị được bản xem trước (${detail}).`,
} as const;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  frame: {
    boxSizing: "border-box",
    width: "100%",
    maxHeight: "70vh",
    overflowX: "hidden",
    overflowY: "auto",
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalXS,
    userSelect: "text",
    // the pages docx-preview draws: white sheets, a little apart
    "& section.tthc-docx": { backgroundColor: "white", boxShadow: tokens.shadow4, marginBottom: tokens.spacingVerticalS, userSelect: "text" },
  },
});

/** Fits every page (a landscape appendix too) to the box's inner width; never enlarges. */
export function fitPages(frame: HTMLElement): void {
  const style = getComputedStyle(frame);
  const inner = frame.clientWidth - parseFloat(style.paddingLeft || "0") - parseFloat(style.paddingRight || "0");
  for (const page of Array.from(frame.querySelectorAll<HTMLElement>("section.tthc-docx"))) {
    page.style.zoom = "";
    const width = page.offsetWidth;
    if (width > 0 && inner > 0) page.style.zoom = String(Math.min(1, inner / width));
  }
}

export interface ReportPreviewProps {
  /** the report's .docx */
  document: Blob;
  /** when the preview was made ("14:05") */
  madeAt: string;
  busy: boolean;
  onRefresh(): void;
  onClose(): void;
}

export function ReportPreview({ document, madeAt, busy, onRefresh, onClose }: ReportPreviewProps) {
  const s = useStyles();
  const frame = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    const box = frame.current;
    if (!box) return;
    let cancelled = false;
    setFailed(null);
    box.replaceChildren();
    renderAsync(document, box, undefined, {
      className: "tthc-docx",
      inWrapper: false,
      breakPages: true,
      ignoreLastRenderedPageBreak: true,
      renderHeaders: true,
      renderFooters: true,
      experimental: false,
    })
      .then(() => {
        if (!cancelled) fitPages(box);
      })
      .catch((e: unknown) => {
        console.error(e);
        if (!cancelled) setFailed(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [document]);

  // the pane may be resized: fit the pages again
  useLayoutEffect(() => {
    const box = frame.current;
    if (!box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => fitPages(box));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  return (
    <section className={s.root} aria-label={TEXT_PREVIEW_VIEW.region}>
      <div className={s.bar}>
        <Caption1>{TEXT_PREVIEW_VIEW.madeAt(madeAt)}</Caption1>
        <span>
          <Button size="small" disabled={busy} onClick={onRefresh}>
            {TEXT_PREVIEW_VIEW.refresh}
          </Button>{" "}
          <Button size="small" appearance="subtle" onClick={onClose}>
            {TEXT_PREVIEW_VIEW.close}
          </Button>
        </span>
      </div>
      {failed && <Caption1 role="alert">{TEXT_PREVIEW_VIEW.failed(failed)}</Caption1>}
      <div ref={frame} className={s.frame} data-testid="report-preview" role="region" tabIndex={0} aria-label={TEXT_PREVIEW_VIEW.document} />
    </section>
  );
}
