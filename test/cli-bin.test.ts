/**
 * The installed command: bin/bao-cao.js runs the compiled lib/ (what `npm ci` builds with
 * the "prepare" script, `tsc -p tsconfig.cli.json`). lib/ is built here when it is missing
 * or older than the sources it is compiled from.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(__dirname, "..");
const compiledMain = join(root, "lib", "src", "cli", "main.js");

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
  const sources = Math.max(...["src/cli", "src/commands", "src/workbook", "src/report", "src/docx", "templates"].map((d) => newestSource(join(root, d))));
  if (!existsSync(compiledMain) || statSync(compiledMain).mtimeMs < sources) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], { cwd: root, stdio: "pipe" });
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
