/**
 * What the pane was opened to do. The ribbon's "Xuất báo cáo" may open the pane as
 * taskpane.html?lenh=xuat-bao-cao (a ShowTaskpane button); the pane then starts the export
 * once on load.
 */

export type LaunchCommand = "xuat-bao-cao";

export const LAUNCH_PARAM = "lenh";

/** The command asked for by the page's query string, or null. */
export function launchCommandFrom(search: string): LaunchCommand | null {
  const value = new URLSearchParams(search).get(LAUNCH_PARAM);
  return value === "xuat-bao-cao" ? value : null;
}

/**
 * Removes ?lenh=… from the address (keeping Office's own parameters), so reloading the pane
 * does not export again. Harmless where history cannot be changed.
 */
export function forgetLaunchCommand(win: Pick<Window, "location" | "history"> = window): void {
  try {
    const url = new URL(win.location.href);
    if (!url.searchParams.has(LAUNCH_PARAM)) return;
    url.searchParams.delete(LAUNCH_PARAM);
    win.history.replaceState(win.history.state, "", url.toString());
  } catch {
    // not worth failing over
  }
}
