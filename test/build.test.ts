/**
 * Runs the real production build (webpack + webpack.config.js) into a temporary folder and
 * checks what would be deployed: the two HTML pages, the manifest with the production URL,
 * the icons. The build takes 15-120 s depending on the machine.
 *
 * The build runs with HOME pointing at an empty folder, so it also proves that
 * `npm run build` needs no office-addin-dev-certs certificates.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse as parseJs } from "acorn";
import { JSDOM } from "jsdom";

const ROOT = path.resolve(__dirname, "..");
const PUBLIC_URL = "https://cctthc.test.example.org/addin/";
const PUBLIC_ORIGIN = "https://cctthc.test.example.org";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FALLBACK_TEXT =
  "Phần bổ trợ này cần Office 2021 trở lên hoặc Microsoft 365 (Excel dùng trình duyệt Edge WebView2). " +
  "Phiên bản Office này dùng Internet Explorer nên không chạy được. " +
  "Vui lòng cập nhật Office hoặc dùng Excel trên web.";
const ICONS = ["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png"];

// webpack.config.js is plain CommonJS; its helpers are exported for these tests.
const webpackConfig = require("../webpack.config.js") as {
  rewriteManifest(xml: string, prod: { href: string; origin: string }): string;
  productionUrl(): { href: string; origin: string };
};

interface ScriptTag {
  src: string | null;
  type: string | null;
  inline: string;
}

/** The <script> tags of an HTML page, in order (the build minifies, so quotes are optional). */
function scriptTags(html: string): ScriptTag[] {
  const tags: ScriptTag[] = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attr = (name: string): string | null => {
      const a = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(m![1]);
      return a ? (a[1] ?? a[2] ?? a[3]) : null;
    };
    tags.push({ src: attr("src"), type: attr("type"), inline: m[2] });
  }
  return tags;
}

describe("production build", () => {
  let out: string;
  let home: string;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), "tthc-build-"));
    home = fs.mkdtempSync(path.join(os.tmpdir(), "tthc-home-"));
    const webpackCli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const result = spawnSync(process.execPath, [webpackCli, "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_PUBLIC_URL: PUBLIC_URL, HOME: home, USERPROFILE: home },
      encoding: "utf8",
      timeout: 280_000,
    });
    if (result.status !== 0) {
      throw new Error(`webpack failed (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  }, 300_000);

  afterAll(() => {
    for (const dir of [out, home]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const read = (file: string): string => fs.readFileSync(path.join(out, file), "utf8");

  test.each([
    ["taskpane.html", /^taskpane\.[0-9a-f]{8}\.js$/],
    ["commands.html", /^commands\.[0-9a-f]{8}\.js$/],
  ])("%s loads office.js from Microsoft's CDN, then its own bundle as a module", (page, bundleName) => {
    const tags = scriptTags(read(page));
    const office = tags.findIndex((t) => t.src === OFFICE_JS);
    const bundle = tags.findIndex((t) => t.src !== null && bundleName.test(t.src));
    expect(office).toBeGreaterThanOrEqual(0);
    expect(bundle).toBeGreaterThan(office);
    // type=module: Internet Explorer never downloads it, so it cannot break the fallback.
    expect(tags[bundle].type).toBe("module");
    expect(fs.existsSync(path.join(out, tags[bundle].src!))).toBe(true);
    // Only office.js comes from outside; nothing else is fetched from another origin.
    for (const t of tags) {
      if (t.src && t.src !== OFFICE_JS) expect(t.src).not.toMatch(/^[a-z]+:|^\/\//i);
    }
  });

  test("the task pane has the container and the Vietnamese fallback message, visible by default", () => {
    const html = read("taskpane.html");
    expect(html).toMatch(/<html lang="?vi"?/);
    expect(html).toMatch(/<meta charset="?utf-8"?/i);
    expect(html).toMatch(/<div id="?container"?/);
    expect(html).toContain(FALLBACK_TEXT);
    expect(html).toMatch(/<div id="?fallback"?/);
    // Hidden only once the inline check has marked the page as able to run the add-in.
    // (minified CSS: the unconditional rule follows "<style>" or "}", the conditional one a space)
    expect(html).toMatch(/[>}]#fallback\{[^}]*display:block/);
    expect(html).not.toMatch(/[>}]#fallback\{[^}]*display:none/);
    expect(html).toMatch(/\.tthc-ok #fallback\{display:none\}/);
  });

  test("the inline check that must run in Internet Explorer is plain ES5", () => {
    const inline = scriptTags(read("taskpane.html")).filter((t) => t.src === null && t.inline.trim());
    expect(inline.length).toBeGreaterThan(0);
    for (const t of inline) {
      expect(() => parseJs(t.inline, { ecmaVersion: 5 })).not.toThrow();
      expect(t.inline).toMatch(/Trident/);
    }
  });

  describe("the inline check, run in jsdom on the built page (external scripts are not loaded)", () => {
    const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
    const EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";

    async function load(userAgent: string, withFetch: boolean) {
      const dom = new JSDOM(read("taskpane.html"), {
        url: `${PUBLIC_URL}taskpane.html`,
        runScripts: "dangerously",
        beforeParse(window) {
          Object.defineProperty(window.navigator, "userAgent", { value: userAgent });
          // jsdom has no fetch; a modern web view does.
          if (withFetch) Object.assign(window, { fetch: () => Promise.reject(new Error("offline")) });
        },
      });
      await new Promise((resolve) => dom.window.addEventListener("load", resolve));
      const doc = dom.window.document;
      const shown = (id: string) => {
        const el = doc.getElementById(id);
        return el !== null && dom.window.getComputedStyle(el).display !== "none";
      };
      const result = {
        classes: doc.documentElement.className.trim(),
        message: doc.getElementById("fallback-message")?.textContent,
        webLink: doc.getElementById("web-link")?.textContent,
        fallbackShown: shown("fallback"),
        loadingShown: shown("loading"),
      };
      dom.window.close();
      return result;
    }

    test("a modern web view: message hidden, 'Đang tải…' shown until the app mounts", async () => {
      expect(await load(EDGE, true)).toEqual({ classes: "tthc-ok", message: FALLBACK_TEXT, webLink: "web.html", fallbackShown: false, loadingShown: true });
    });

    test("Internet Explorer (Trident): the message stays, as written, with the web page's full address to open in a browser", async () => {
      expect(await load(IE11, true)).toEqual({
        classes: "tthc-unsupported",
        message: FALLBACK_TEXT,
        webLink: `${PUBLIC_URL}web.html`,
        fallbackShown: true,
        loadingShown: false,
      });
    });

    test("another engine without fetch: the message stays, without blaming Internet Explorer", async () => {
      const r = await load(EDGE, false);
      expect(r).toMatchObject({ classes: "tthc-unsupported", fallbackShown: true, loadingShown: false });
      expect(r.message).toMatch(/^Phần bổ trợ này cần Office 2021 trở lên .*Trình duyệt nhúng .* đã cũ .*Excel trên web\.$/);
    });
  });

  test("taskpane.html's scripts stay within the first-load budget (100 KiB gzip; 67.7 KiB when set: React's API on Preact, 124.3 with React DOM, 163.4 before the commands, units section, problem list, notices and spinner were loaded on demand)", () => {
    const { report } = require("../scripts/bundle-size.js") as {
      report(dist: string): { taskpane: { initialGzip: number }; lazy: { chunks: { file: string }[] } };
    };
    const r = report(out);
    expect(r.taskpane.initialGzip).toBeLessThanOrEqual(100 * 1024);
    expect(r.lazy.chunks.map((c) => c.file).join(" ")).toMatch(/pane-commands\./);
  });

  test("web.html (the web page) loads only its own bundle, as a module: no office.js, nothing from another origin", () => {
    const html = read("web.html");
    const tags = scriptTags(html);
    const bundle = tags.filter((t) => t.src !== null);
    expect(bundle.map((t) => t.src)).toEqual([expect.stringMatching(/^web\.[0-9a-f]{8}\.js$/)]);
    expect(bundle[0].type).toBe("module");
    expect(fs.existsSync(path.join(out, bundle[0].src!))).toBe(true);
    expect(html).not.toContain(OFFICE_JS);
    // the browser itself refuses any request to another origin
    expect(html).toMatch(/<meta http-equiv="?Content-Security-Policy"? content="default-src 'self';/);
    expect(html).toContain("Internet Explorer không chạy được");
  });

  test("web.html's scripts stay within the first-load budget (100 KiB gzip; 73.3 KiB when set): its commands, ExcelJS and docx load on demand", () => {
    const { report } = require("../scripts/bundle-size.js") as {
      report(dist: string): { web: { initialGzip: number; initial: { file: string }[] }; lazy: { chunks: { file: string }[] } };
    };
    const r = report(out);
    expect(r.web.initial.length).toBe(1);
    expect(r.web.initialGzip).toBeLessThanOrEqual(100 * 1024);
    expect(r.lazy.chunks.map((c) => c.file).join(" ")).toMatch(/web-commands\./);
  });

  test("the copied manifest carries the production URL and no localhost", () => {
    const xml = read("manifest.xml");
    expect(xml).not.toContain("localhost:3000");
    expect(xml).toContain(`<SourceLocation DefaultValue="${PUBLIC_URL}taskpane.html"/>`);
    expect(xml).toContain(`DefaultValue="${PUBLIC_URL}commands.html"`);
    expect(xml).toContain(`<AppDomain>${PUBLIC_ORIGIN}</AppDomain>`);
  });

  test("every production URL in the manifest names a file of the build", () => {
    const xml = read("manifest.xml");
    const urls = [...xml.matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(PUBLIC_URL)).toBe(true);
      expect(fs.existsSync(path.join(out, url.slice(PUBLIC_URL.length).replace(/\?.*$/, "")))).toBe(true); // ?lenh=… opens the pane
    }
  });

  test("the icons are copied unchanged", () => {
    for (const icon of ICONS) {
      const built = fs.readFileSync(path.join(out, "assets", icon));
      expect(built.equals(fs.readFileSync(path.join(ROOT, "assets", icon)))).toBe(true);
    }
  });
});

describe("production URL of the manifest", () => {
  const saved = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  });

  test("ADDIN_PUBLIC_URL gets its final slash; unset, it is the example.gov.vn placeholder", () => {
    process.env.ADDIN_PUBLIC_URL = "https://tthc.example.org/addin";
    expect(webpackConfig.productionUrl()).toEqual({ href: "https://tthc.example.org/addin/", origin: "https://tthc.example.org" });
    delete process.env.ADDIN_PUBLIC_URL;
    expect(webpackConfig.productionUrl().href).toBe("https://bao-cao-tthc.example.gov.vn/");
  });

  test.each(["http://tthc.example.org/", "not a url", "https://tthc.example.org/?v=1"])("rejects %s", (url) => {
    process.env.ADDIN_PUBLIC_URL = url;
    expect(() => webpackConfig.productionUrl()).toThrow(/ADDIN_PUBLIC_URL/);
  });

  test("rewrites page URLs and the bare origin, and leaves other hosts and ports alone", () => {
    const xml =
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>' +
      "<AppDomain>https://localhost:3000</AppDomain>" +
      '<a href="https://localhost:30001/x"/><a href="https://go.microsoft.com/fwlink/"/>';
    expect(webpackConfig.rewriteManifest(xml, { href: "https://h.example.org/a/", origin: "https://h.example.org" })).toBe(
      '<SourceLocation DefaultValue="https://h.example.org/a/taskpane.html"/>' +
        "<AppDomain>https://h.example.org</AppDomain>" +
        '<a href="https://localhost:30001/x"/><a href="https://go.microsoft.com/fwlink/"/>',
    );
  });
});
