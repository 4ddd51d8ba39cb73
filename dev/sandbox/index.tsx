/**
 * Sandbox entry (webpack.sandbox.config.js → dist-sandbox/, served by `npm run sandbox`).
 *
 * Order matters and is the whole trick:
 *   1. ./boot creates the simulated Excel and installs globalThis.Excel / Office /
 *      OfficeExtension, as office.js would (no office.js from the CDN: works offline);
 *   2. ../../src/taskpane/index is the REAL task pane entry: Office.onReady → <App host={officeHost()} …/>
 *      in #container, so every button runs the shared commands through Excel.run → the sim;
 *   3. the sandbox's own view (status line, grid, tabs) is mounted in #sandbox.
 */
import "./boot";
import "../../src/taskpane/index";
import { createRoot } from "react-dom/client";
import { startCommand } from "./boot";
import { Sandbox } from "./Sandbox";
import { installTestHook } from "./test-hook";

/** The status line's name for what a pane button does: its accessible name, shortened. */
function commandLabel(button: HTMLElement): string {
  const name = (button.getAttribute("aria-label") ?? button.textContent ?? "").trim().replace(/\s+/g, " ");
  // an entry of the problem list ("Lỗi, ô C12: …") selects its cell
  const entry = /^[^,]{1,20}, ô ([A-Z]{1,3}\d+):/.exec(name);
  if (entry) return `Chọn ô ${entry[1]}`;
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}

// A click on a button of the pane starts a command: its syncs are counted from zero. (Buttons
// of the pane's dialogs live in a portal outside #container: they continue the command.)
document.addEventListener(
  "click",
  (e) => {
    const button = (e.target as Element | null)?.closest?.("button");
    if (!button || !button.closest("#container") || button.disabled) return;
    startCommand(commandLabel(button));
  },
  true,
);
// (Enter in the unit's name field submits its form through a click on its submit button:
// browsers fire that click for an implicit submission, so it is counted as "Thêm đơn vị".)

installTestHook();

const root = document.getElementById("sandbox");
if (root) createRoot(root).render(<Sandbox />);
