/**
 * The installed command: bin/bao-cao.js runs the bundle lib/bao-cao.js (what `npm ci` builds
 * with the "prepare" script, `webpack -c webpack.cli.config.js`). lib/ is built here when it
 * is missing or older than the sources it is bundled from.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
const compiledMain = join(root, "lib", "bao-cao.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

beforeAll(() => {
  const sources = Math.max(
    ...["src/cli", "src/commands", "src/workbook", "src/report", "src/docx", "src/text", "templates"].map((d) => newestSource(join(root, d))),
  );
  if (!existsSync(compiledMain) || statSync(compiledMain).mtimeMs < sources) {
    execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "-c", "webpack.cli.config.js"], { cwd: root, stdio: "pipe" });
  }
}, 120_000);

it("bin/bao-cao.js writes the sample workbook and checks it; failures give a message and exit code, no stack", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-bin-"));
  try {
    const bin = (...args: string[]) => spawnSync(process.execPath, [join(root, "bin", "bao-cao.js"), ...args], { cwd: dir, encoding: "utf8" });
    const file = join(dir, "mau.xlsx");

    const template = bin("template", "-o", "mau.xlsx", "--sample");
    expect(template.stderr).toBe("");
    expect(template.status).toBe(0);
    expect(template.stdout).toContain(`Đã tạo sổ báo cáo (có số liệu mẫu): ${file}`);
    expect(existsSync(file)).toBe(true);

    const check = bin("check", "mau.xlsx");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('Thông tin chung!B28: [Cảnh báo] Dòng nơi nhận "Chủ tịch, các Phó Chủ tịch UBND thị xã"');
    // the real date is used: a year far from 2024 adds a warning, never an error
    expect(check.stdout).toMatch(/\nKhông có lỗi, \d cảnh báo\.\n$/);

    // export: docx loaded as a chunk of its own, the parts zipped with Node's zlib
    const exported = bin("export", "mau.xlsx", "-o", "bao-cao.docx");
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain(`Đã ghi báo cáo: ${join(dir, "bao-cao.docx")}`);
    const unzip = spawnSync("unzip", ["-p", join(dir, "bao-cao.docx"), "word/document.xml"], { encoding: "utf8" });
    if (unzip.status === 0) expect(unzip.stdout).toContain("BÁO CÁO");
    // the V8 code cache written by the first runs is used, and a second export gives the same document
    expect(bin("export", "mau.xlsx", "-o", "bao-cao-2.docx").status).toBe(0);
    if (unzip.status === 0)
      expect(spawnSync("unzip", ["-p", join(dir, "bao-cao-2.docx"), "word/document.xml"], { encoding: "utf8" }).stdout).toBe(unzip.stdout);

    const missing = bin("check", "khong-co.xlsx");
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('bao-cao: Không tìm thấy tệp "khong-co.xlsx".\n');

    const usage = bin("lap");
    expect(usage.status).toBe(2);
    expect(bin("--version").stdout).toMatch(/^bao-cao \d+\.\d+\.\d+\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("bin/bao-cao.js keeps V8's code cache per script and rewrites it once for each new command; a damaged cache is replaced", () => {
  // a copy of the installed command (bin/, lib/, package.json, node_modules for ExcelJS), cache empty
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-cache-"));
  try {
    mkdirSync(join(dir, "bin"));
    cpSync(join(root, "bin", "bao-cao.js"), join(dir, "bin", "bao-cao.js"));
    cpSync(join(root, "lib"), join(dir, "lib"), { recursive: true, filter: (src) => !src.includes(".v8-cache") });
    cpSync(join(root, "package.json"), join(dir, "package.json"));
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    const bin = (...args: string[]) => spawnSync(process.execPath, [join(dir, "bin", "bao-cao.js"), ...args], { cwd: dir, encoding: "utf8" });
    const cacheDir = join(dir, "lib", ".v8-cache");
    const mainCache = () => {
      const names = readdirSync(cacheDir).filter((n) => /^bao-cao\.js\.\d+-\d+\.v[\d.]+\.cache$/.test(n));
      expect(names).toHaveLength(1);
      const file = join(cacheDir, names[0]);
      return { file, bytes: statSync(file).size, mtime: statSync(file).mtimeMs, commands: JSON.parse(readFileSync(`${file}.commands`, "utf8")) };
    };

    const kinds = bin("kinds");
    expect(kinds.status).toBe(0);
    expect(kinds.stdout).toContain("bao-cao-cctthc-thang");
    const first = mainCache();
    expect(first.commands).toEqual(["kinds"]);
    expect(first.bytes).toBeGreaterThan(1000);

    // the same command again: the cache is used and left as it is
    expect(bin("kinds").stdout).toBe(kinds.stdout);
    expect(mainCache()).toEqual(first);

    // another command: the same output as without a cache, and the cache now covers both
    const definition = bin("definition", "bao-cao-giai-quyet-tthc");
    expect(definition.status).toBe(0);
    expect(JSON.parse(definition.stdout).id).toBe("bao-cao-giai-quyet-tthc");
    const second = mainCache();
    expect(second.commands).toEqual(["kinds", "definition"]);
    rmSync(cacheDir, { recursive: true });
    expect(bin("definition", "bao-cao-giai-quyet-tthc").stdout).toBe(definition.stdout);

    // garbage in the cache file: V8 refuses it, the command still runs, the cache is made anew
    const damaged = mainCache();
    writeFileSync(damaged.file, Buffer.alloc(4096, 7));
    writeFileSync(`${damaged.file}.commands`, JSON.stringify(["definition", "kinds"]));
    const again = bin("kinds");
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(kinds.stdout);
    const remade = mainCache();
    expect(remade.commands).toEqual(["kinds"]);
    expect(readFileSync(remade.file).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect(readdirSync(cacheDir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it("with BAO_CAO_DEBUG=1 an unexpected error's stack points into src/ (the minified bundle's source maps)", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-debug-"));
  try {
    // an unexpected failure inside the checks: the report's year cannot be read
    const boom = join(dir, "boom.js");
    writeFileSync(
      boom,
      'const y = Date.prototype.getFullYear; Date.prototype.getFullYear = function () { if (new Error().stack.includes("bao-cao")) throw new TypeError("thử lỗi"); return y.call(this); };',
    );
    const bin = (env: NodeJS.ProcessEnv, ...args: string[]) =>
      spawnSync(process.execPath, ["--require", boom, join(root, "bin", "bao-cao.js"), ...args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, ...env },
      });
    expect(spawnSync(process.execPath, [join(root, "bin", "bao-cao.js"), "template", "-o", "mau.xlsx", "--sample"], { cwd: dir }).status).toBe(0);
    const plain = bin({ BAO_CAO_DEBUG: "" }, "check", "mau.xlsx");
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe("bao-cao gặp lỗi không mong muốn, xin báo cho người phát triển. Chi tiết: thử lỗi\n");
    const debug = bin({ BAO_CAO_DEBUG: "1" }, "check", "mau.xlsx");
    expect(debug.status).toBe(1);
    expect(debug.stderr).toMatch(/^bao-cao gặp lỗi không mong muốn, xin báo cho người phát triển\. Chi tiết: thử lỗi\nTypeError: thử lỗi\n/);
    expect(debug.stderr).toMatch(/at checkReport \(\S*src\/report\/check\.ts:\d+:\d+\)/);
    expect(debug.stderr).toMatch(/src\/cli\/commands\/check\.ts:\d+/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
