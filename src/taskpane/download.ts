/// <reference types="office-js" />
/**
 * Hands the finished .docx to the user from the task pane.
 *
 * - Windows (WebView2) and Excel on the web: a Blob URL clicked through an <a download>.
 * - Excel for Mac (WKWebView): the web view ignores downloads from an add-in (office-js
 *   #2700, closed "by design"; #3385), and Office.context.ui.openBrowserWindow accepts only
 *   http/https URLs. Nothing in the pane can save the file there, so we say so plainly and
 *   point to what works: Excel on the web, or the command-line tool.
 */
import type { Delivery } from "../commands/addin-commands";
import { TEXT } from "./texts";

/**
 * The platform Office reports: "PC", "Mac", "OfficeOnline", "iOS", "Android", "Universal"
 * (the values of Office.PlatformType are these strings at run time), or undefined outside
 * Office. `Office.context.platform` first, `Office.context.diagnostics.platform` otherwise.
 */
export function officePlatform(office: typeof Office | undefined = globalThis.Office): string | undefined {
  const context = office?.context;
  return (context?.platform ?? context?.diagnostics?.platform) as unknown as string | undefined;
}

/** Whether a file can be downloaded from the pane on this platform (not on Excel for Mac). */
export function canDownloadFromPane(platform: string | undefined): boolean {
  return platform !== "Mac";
}

/** How long the Blob URL lives after the click: long enough for the browser to start saving. */
export const REVOKE_AFTER_MS = 10_000;

/** Saves the document through the browser, or explains why it cannot be saved here. */
export async function deliverDocx(blob: Blob, fileName: string, platform: string | undefined): Promise<Delivery> {
  if (!canDownloadFromPane(platform)) return { kind: "unsupported", message: TEXT.download.mac(fileName) };
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoking at once can cancel the download in some engines; a little later is safe.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
  return { kind: "downloaded" };
}
