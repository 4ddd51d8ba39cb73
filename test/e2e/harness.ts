/**
 * What the end-to-end tests need around the page: the sandbox server (`npm run sandbox`'s
 * script, on a free port, building the bundle first if needed), Debian's Chromium through
 * playwright-core with a fresh profile, and small readers of the page.
 */
import { spawn, type ChildProcess } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { CommandStats } from "../../dev/sandbox/boot";
import type { SandboxCellInput, SandboxCellView, SandboxTestHook } from "../../dev/sandbox/test-hook";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

/**
 * Where the step screenshots go: docs/screenshots/ when UPDATE_SCREENSHOTS=1 (to refresh the
 * committed ones), otherwise test-output/screenshots/ (ignored by git), so that running the
 * tests never leaves the working tree changed.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? path.join(ROOT, "docs", "screenshots") : path.join(ROOT, "test-output", "screenshots");

/** Whether the e2e tests can run here; without Chromium they fail in CI and are skipped elsewhere. */
export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface SandboxServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

/** Runs scripts/sandbox.js (as `npm run sandbox` does) on a free port; resolves with its URL. */
export function startSandbox(timeoutMs: number): Promise<SandboxServer> {
  return startServer("sandbox.js", /Hộp cát: (http:\/\/127\.0\.0\.1:\d+\/)/, timeoutMs);
}

/** Runs scripts/web.js (as `npm run web` does) on a free port; resolves with its URL. */
export function startWeb(timeoutMs: number): Promise<SandboxServer> {
  return startServer("web.js", /Trang web: (http:\/\/127\.0\.0\.1:\d+\/)/, timeoutMs);
}

function startServer(script: string, address: RegExp, timeoutMs: number): Promise<SandboxServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts", script), "--port", "0"], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const output = () => out;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The server (${script}) did not print its URL within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const m = address.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], output, stop });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server (${script}) stopped (exit code ${code}):\n${out}`));
    });
  });
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh profile in a temporary folder (deleted on close). */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "tthc-e2e-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    locale: "vi-VN",
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Reading the page

type HookWindow = Window & { tthcSandbox: SandboxTestHook };

export const lastCommand = (page: Page): Promise<CommandStats> => page.evaluate(() => (window as unknown as HookWindow).tthcSandbox.lastCommand());

export const hookCell = (page: Page, sheet: string, address: string): Promise<SandboxCellView> =>
  page.evaluate(([s, a]) => (window as unknown as HookWindow).tthcSandbox.cell(s, a), [sheet, address] as const);

/** TEST HOOK: puts values into cells as a paste would (for the texts not typed by hand). */
export const pasteCells = (page: Page, cells: SandboxCellInput[]): Promise<number> =>
  page.evaluate((c) => (window as unknown as HookWindow).tthcSandbox.setCells(c), cells);

export const sheetNames = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as HookWindow).tthcSandbox.sheetNames());

/** The grid's cell (of the sheet shown). */
export const gridCell = (page: Page, address: string) => page.locator(`.sb-grid td[data-cell="${address}"]`);

/** The rendered background of a grid cell, as "#RRGGBB" ("" when transparent). */
export async function renderedFill(page: Page, address: string): Promise<string> {
  const css = await gridCell(page, address).evaluate((el) => getComputedStyle(el).backgroundColor);
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (!m) return css;
  if (m[4] !== undefined && Number(m[4]) === 0) return "";
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, "0").toUpperCase()).join("")}`;
}

/** The sheet tabs as the page shows them. */
export const tabNames = (page: Page): Promise<string[]> => page.getByRole("tablist", { name: "Các trang tính" }).getByRole("tab").allInnerTexts();

export async function showSheet(page: Page, sheet: string): Promise<void> {
  const tab = page.getByRole("tab", { name: sheet, exact: true });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
  await page.locator(`.sb-grid[data-sheet="${sheet}"]`).waitFor();
}

/** Types into a cell of the grid as a person does: click it, type, Enter. */
export async function typeInCell(page: Page, sheet: string, address: string, text: string): Promise<void> {
  await showSheet(page, sheet);
  await gridCell(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

/**
 * Clicks a pane button (by its accessible name) and waits until the command is over: the
 * pane is no longer busy and every Excel.run it started has finished. Returns the command's
 * numbers as the simulated host counted them.
 */
export async function runPaneCommand(page: Page, name: string | RegExp): Promise<CommandStats> {
  const before = (await lastCommand(page)).serial;
  await page.getByRole("button", { name, exact: typeof name === "string" }).click();
  return waitCommandDone(page, before);
}

/** Clicks a pane command that asks first, answers with the dialog's button `answer`, and waits for the command to end. */
export async function runPaneCommandAnswering(page: Page, name: string, answer: string): Promise<CommandStats> {
  const before = (await lastCommand(page)).serial;
  await page.getByRole("button", { name, exact: true }).click();
  const button = page.getByRole("button", { name: answer });
  await button.waitFor({ timeout: 30_000 });
  await button.click();
  return waitCommandDone(page, before);
}

export async function waitCommandDone(page: Page, serialBefore: number): Promise<CommandStats> {
  await page.waitForFunction(
    (serial) => {
      const s = (window as unknown as HookWindow).tthcSandbox.lastCommand();
      const busy = document.querySelector("#container main")?.getAttribute("aria-busy") === "true";
      return s.serial > serial && s.running === 0 && s.runs > 0 && !busy;
    },
    serialBefore,
    { timeout: 30_000 },
  );
  return lastCommand(page);
}

/** The e2e tests run where Chromium is; without it they fail in CI and are skipped elsewhere. */
export const describeE2e = chromiumAvailable() || process.env.CI ? describe : describe.skip;

export interface SandboxSession {
  /** the page of the sandbox, loaded once for the whole describe block */
  page(): Page;
  url(): string;
  /**
   * A step of a flow: steps share the page and run in order, so a step runs only if the ones
   * before it passed; a failed step saves a screenshot of the page as it was under
   * test-output/e2e-failures/ (never into docs/screenshots).
   */
  step(name: string, fn: () => Promise<void>, timeout?: number): void;
  /** the name of the first step that failed, if any */
  failed(): string | null;
}

/**
 * Inside a describeE2e block: before all, the sandbox served on a free port, Chromium
 * launched with a fresh profile and the pane loaded; after all, both stopped. Page errors go
 * to `onPageError` (printed by default).
 */
export function sandboxSession(options: { failurePrefix?: string; stepTimeout?: number; onPageError?: (message: string) => void } = {}): SandboxSession {
  let server: SandboxServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  let failed: string | null = null;
  const onPageError = options.onPageError ?? ((m: string) => console.error(`page error: ${m}`));

  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error(`${CHROMIUM} is missing: the end-to-end tests need Debian's chromium package (.ci/run installs it).`);
    server = await startSandbox(240_000);
    browser = await launchBrowser();
    page = browser.page;
    page.on("pageerror", (e) => onPageError(e.message));
    await page.goto(server.url);
    await page.getByRole("button", { name: "Tạo mẫu", exact: true }).waitFor({ timeout: 30_000 });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const failureScreenshot = (step: string) => {
    const dir = path.join(ROOT, "test-output", "e2e-failures");
    mkdirSync(dir, { recursive: true });
    return path.join(dir, `${options.failurePrefix ?? ""}${step.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, "-")}.png`);
  };

  return {
    page: () => page!,
    url: () => server!.url,
    failed: () => failed,
    step: (name, fn, timeout = options.stepTimeout ?? 60_000) =>
      test(
        name,
        async () => {
          if (failed) throw new Error(`not run: the earlier step "${failed}" failed`);
          try {
            await fn();
          } catch (e) {
            failed = name;
            await page?.screenshot({ path: failureScreenshot(name) }).catch(() => undefined);
            throw e;
          }
        },
        timeout,
      ),
  };
}
