/**
 * manifest.xml: schema validation with xmllint (Debian package libxml2-utils; CI installs
 * it), then what the schema cannot say: the requirement set, the ribbon's three buttons
 * with their Vietnamese labels and actions, and that every resource it names exists.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMA = path.join(ROOT, "schemas", "office-manifest", "OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";

const xml = fs.readFileSync(MANIFEST, "utf8");
/** The manifest without comments, so that commented-out XML never counts. */
const body = xml.replace(/<!--[\s\S]*?-->/g, "");

const xmllint = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
const hasXmllint = !xmllint.error;
if (!hasXmllint) {
  console.warn("SKIPPED: manifest.xml schema check, because xmllint is not installed. " + "Install it with `apt-get install libxml2-utils` (CI does).");
}

/** The DefaultValue of a resource (<bt:Image|Url|String id="...">) in <Resources>. */
function resource(id: string): string {
  const m = new RegExp(`<bt:(?:Image|Url|String) id="${id.replace(/\./g, "\\.")}" DefaultValue="([^"]*)"`).exec(body);
  if (!m) throw new Error(`resource ${id} is not defined in <Resources>`);
  return m[1];
}

function attr(fragment: string, re: RegExp): string {
  const m = re.exec(fragment);
  if (!m) throw new Error(`${re} not found in:\n${fragment}`);
  return m[1];
}

interface Button {
  id: string;
  label: string;
  tooltip: string;
  icons: Record<string, string>;
  action: string;
  functionName?: string;
  taskpaneId?: string;
  source?: string;
}

function ribbonButtons(): Button[] {
  const controls = [...body.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)];
  return controls.map(([, id, inner]) => {
    const icons: Record<string, string> = {};
    for (const [, size, resid] of inner.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\s*\/>/g)) icons[size] = resource(resid);
    const action = attr(inner, /<Action xsi:type="([^"]+)">/);
    const supertip = attr(inner, /<Supertip>([\s\S]*?)<\/Supertip>/);
    return {
      id,
      label: resource(attr(inner, /<Label resid="([^"]+)"/)),
      tooltip: resource(attr(supertip, /<Description resid="([^"]+)"/)),
      icons,
      action,
      functionName: /<FunctionName>([^<]+)<\/FunctionName>/.exec(inner)?.[1],
      taskpaneId: /<TaskpaneId>([^<]+)<\/TaskpaneId>/.exec(inner)?.[1],
      source: /<SourceLocation resid="([^"]+)"/.exec(inner)?.[1],
    };
  });
}

(hasXmllint ? test : test.skip)("manifest.xml is valid against the Office add-in XSDs (xmllint)", () => {
  const result = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, MANIFEST], { encoding: "utf8" });
  expect(result.stderr).toContain("manifest.xml validates");
  expect(result.status).toBe(0);
});

test("an Excel task pane add-in in Vietnamese, with its own Id", () => {
  expect(body).toMatch(/<OfficeApp [^>]*xsi:type="TaskPaneApp"/);
  expect(attr(body, /<Id>([^<]+)<\/Id>/)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  // not the id of Microsoft's template
  expect(body).not.toContain("05c2e1c9-3e1d-406e-9a91-e9ac64854143");
  expect(attr(body, /<Version>([^<]+)<\/Version>/)).toBe("1.0.0.0");
  expect(attr(body, /<DefaultLocale>([^<]+)<\/DefaultLocale>/)).toBe("vi-VN");
  expect(attr(body, /<DisplayName DefaultValue="([^"]+)"/)).toBe("Báo cáo CCTTHC");
  expect(attr(body, /<Description DefaultValue="([^"]+)"/)).toMatch(/cải cách thủ tục hành chính/);
  expect(attr(body, /<Hosts>\s*<Host Name="([^"]+)"\s*\/>\s*<\/Hosts>/)).toBe("Workbook");
  expect(attr(body, /<Permissions>([^<]+)<\/Permissions>/)).toBe("ReadWriteDocument");
  expect(attr(body, /<DefaultSettings>\s*<SourceLocation DefaultValue="([^"]+)"/)).toBe(`${DEV_URL}taskpane.html`);
});

test("requires only ExcelApi 1.4 (defined names); newer sets are checked at run time", () => {
  const requirements = attr(body, /<Requirements>([\s\S]*?)<\/Requirements>/);
  expect(requirements).toMatch(/<Sets DefaultMinVersion="1.1">/);
  const sets = [...requirements.matchAll(/<Set Name="([^"]+)" MinVersion="([^"]+)"\s*\/>/g)].map((m) => [m[1], m[2]]);
  expect(sets).toEqual([["ExcelApi", "1.4"]]);
  expect(requirements).not.toMatch(/<Methods>/);
});

test("the ribbon: a Home-tab group with the pane button, the kiemTra command and the export button that opens the pane to export", () => {
  expect(body).toMatch(/<OfficeTab id="TabHome">\s*<Group id="[^"]+">\s*<Label resid="([^"]+)"/);
  const groupLabel = resource(attr(body, /<Group id="[^"]+">\s*<Label resid="([^"]+)"/));
  expect(groupLabel).toBe("Báo cáo TTHC");
  expect(resource(attr(body, /<FunctionFile resid="([^"]+)"/))).toBe(`${DEV_URL}commands.html`);

  const buttons = ribbonButtons();
  expect(buttons.map((b) => b.label)).toEqual(["Mở bảng điều khiển", "Kiểm tra", "Xuất báo cáo"]);
  const [pane, check, exportReport] = buttons;
  expect(pane.action).toBe("ShowTaskpane");
  expect(pane.taskpaneId).toBe("ButtonId1");
  expect(resource(pane.source!)).toBe(`${DEV_URL}taskpane.html`);
  expect([check.action, check.functionName]).toEqual(["ExecuteFunction", "kiemTra"]);
  expect([exportReport.action, exportReport.taskpaneId]).toEqual(["ShowTaskpane", "ButtonId1"]);
  expect(resource(exportReport.source!)).toBe(`${DEV_URL}taskpane.html?lenh=xuat-bao-cao`);

  for (const b of buttons) {
    expect(Object.keys(b.icons).sort()).toEqual(["16", "32", "80"]);
    // Vietnamese, with its diacritics: at least one letter outside ASCII in every tooltip
    expect(b.tooltip).toMatch(/[à-ỹđ]/i);
    expect(b.tooltip.length).toBeGreaterThan(30);
  }
  expect(new Set(buttons.map((b) => b.id)).size).toBe(3);
});

test("the ribbon's functions are registered by the commands code under the same names", () => {
  const dir = path.join(ROOT, "src", "commands");
  const code = fs
    .readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
  for (const name of [...body.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1])) {
    expect(code).toContain(`"${name}"`);
  }
});

test("every URL is on the dev server and every file it names exists (page, icon, help)", () => {
  const urls = [...body.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(10);
  const pages: Record<string, string> = {
    "taskpane.html": "src/taskpane/taskpane.html",
    "commands.html": "src/commands/commands.html",
  };
  for (const url of urls) {
    if (url === DEV_URL.replace(/\/$/, "")) continue; // AppDomain: an origin, no path
    expect(url.startsWith(DEV_URL)).toBe(true);
    const file = url.slice(DEV_URL.length).replace(/\?.*$/, ""); // taskpane.html?lenh=… is the pane
    const source = pages[file] ?? file; // assets/... are copied as they are
    expect(fs.existsSync(path.join(ROOT, source))).toBe(true);
  }
  // the sizes Office asks for are really those sizes (PNG header: width, height at 16 and 20)
  for (const [, size, url] of body.matchAll(/id="[^"]*\.(\d+)x\d+" DefaultValue="([^"]+\.png)"/g)) {
    const png = fs.readFileSync(path.join(ROOT, url.slice(DEV_URL.length)));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
  }
});
