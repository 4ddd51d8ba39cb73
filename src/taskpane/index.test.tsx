/**
 * @jest-environment jsdom
 */
import { screen } from "@testing-library/react";

const PAGE = `
  <div id="fallback" role="alert"><p>Phần bổ trợ này cần Office 2021 trở lên…</p></div>
  <div id="loading">Đang tải…</div>
  <div id="container"></div>`;

type OnReady = (info: { host: string | null; platform: string | null }) => void;

/** Loads index.tsx as taskpane.html would, with a stand-in Office global. */
async function start(options: { htmlClass: string; host?: string | null; office?: boolean }) {
  document.documentElement.className = options.htmlClass;
  document.body.innerHTML = PAGE;
  const g = globalThis as { Office?: unknown };
  let ready: OnReady | undefined;
  if (options.office !== false) {
    g.Office = {
      HostType: { Excel: "Excel", Word: "Word" },
      context: { platform: "PC", requirements: { isSetSupported: () => true } },
      onReady: (cb: OnReady) => (ready = cb),
    };
  }
  // A fresh copy of index.tsx and of the renderer it mounts with: use that copy's act. The
  // parts the pane fetches after its first paint are loaded into the same copy beforehand.
  let act!: (work: () => unknown) => Promise<void>;
  await jest.isolateModulesAsync(async () => {
    act = require("preact/test-utils").act;
    await (require("./App") as typeof import("./App")).preloadPaneParts();
    void act(() => require("./index"));
  });
  if (ready) await act(async () => ready!({ host: options.host ?? null, platform: "PC" }));
  else await act(async () => undefined);
  delete g.Office;
}

afterEach(() => {
  document.body.innerHTML = "";
  document.documentElement.className = "";
});

test("in Excel: mounts the pane and removes the fallback and loading messages", async () => {
  await start({ htmlClass: "tthc-ok", host: "Excel" });
  expect(screen.getByRole("button", { name: "Kiểm tra" })).toBeTruthy();
  expect(document.getElementById("fallback")).toBeNull();
  expect(document.getElementById("loading")).toBeNull();
});

test("in another Office application: says the add-in runs in Excel", async () => {
  await start({ htmlClass: "tthc-ok", host: "Word" });
  expect(screen.getByRole("alert").textContent).toMatch(/chỉ chạy trong Excel/);
  expect(screen.queryByRole("button")).toBeNull();
  expect(document.getElementById("fallback")).toBeNull();
});

test("without office.js (CDN unreachable): says so instead of a blank pane", async () => {
  await start({ htmlClass: "tthc-ok", office: false });
  expect(screen.getByRole("alert").textContent).toMatch(/Không tải được thư viện Office/);
});

test("an unsupported web view (class tthc-unsupported): leaves the plain-HTML message alone", async () => {
  await start({ htmlClass: "tthc-unsupported", host: "Excel" });
  expect(document.getElementById("fallback")).not.toBeNull();
  expect(document.getElementById("container")!.childElementCount).toBe(0);
});
