/**
 * `npm run bench [-- --units 300] [-- --keep]`: how long the command line takes, and how
 * much memory it needs, to make, roll up, check and export N unit workbooks (300 by
 * default). Prints figures, asserts nothing (the limits are asserted by the tests).
 *
 * Each stage runs in a fresh Node process (this script with --stage), which times the
 * `main([...])` calls themselves and reports its peak resident memory: the kernel's
 * high-water mark (process.resourceUsage().maxRSS) and, as a check, the highest
 * process.memoryUsage().rss sampled every 5 ms. When /usr/bin/time and the compiled
 * command line (lib/, `npm run build:cli`) are there, the roll-up and the export
 * are also run as the installed command (`node bin/bao-cao.js`), startup included.
 *
 * Start-up: `bao-cao export` (and `check`) of the sample workbook as a whole process, against
 * a bare `node -e 0`, 7 alternating pairs, median of the ratios ("export vs node -e 0: median
 * ratio"), after one run that fills the V8 code cache (lib/.v8-cache).
 *
 * Also printed: the add-in's context.sync() counts per command on the simulated Excel for 1
 * and 300 unit sheets (scripts/bench-addin.ts) and the task pane's bundle sizes (a production
 * build in a temporary folder, measured by scripts/bundle-size.js).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { main, type CliIO } from "../src/cli/main";
import { deflatedZeros, sheetXml, workbookParts, writeZip } from "../src/workbook/zip-testing";
import { addinSyncTable } from "./bench-addin";

const ROOT = path.join(__dirname, "..");
const TSX = require.resolve("tsx/cli");

/* ------------------------------------------------------------------ a stage, in its own process */

interface StageResult {
  ms: number;
  /** kernel high-water mark of the resident set, MiB */
  peakMiB: number;
  /** highest sampled rss, MiB */
  sampledMiB: number;
  exitCodes: number[];
}

/** Runs the bao-cao calls of a stage (one JSON array of argv per line of a file), then reports. */
async function runStage(callsFile: string, resultFile: string): Promise<void> {
  const calls = readFileSync(callsFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage().rss);
  }, 5);
  const io: CliIO = { out: () => undefined, err: () => undefined, today: new Date(2025, 3, 1), env: {} };
  const exitCodes: number[] = [];
  const start = process.hrtime.bigint();
  // a few at a time, as a script would (their file writes overlap)
  for (let i = 0; i < calls.length; i += 10) exitCodes.push(...(await Promise.all(calls.slice(i, i + 10).map((argv) => main(argv, io)))));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  sampled = Math.max(sampled, process.memoryUsage().rss);
  const result: StageResult = { ms, peakMiB: process.resourceUsage().maxRSS / 1024, sampledMiB: sampled / 2 ** 20, exitCodes };
  writeFileSync(resultFile, JSON.stringify(result));
}

function stage(work: string, name: string, calls: string[][]): StageResult {
  const callsFile = path.join(work, `${name}.calls`);
  const resultFile = path.join(work, `${name}.result.json`);
  writeFileSync(callsFile, calls.map((c) => JSON.stringify(c)).join("\n"));
  const r = spawnSync(process.execPath, [TSX, __filename, "--stage", callsFile, resultFile], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (r.status !== 0) throw new Error(`stage ${name} failed (exit ${r.status})`);
  return JSON.parse(readFileSync(resultFile, "utf8")) as StageResult;
}

/** Newest modification time of the TypeScript sources the command line is compiled from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Whether lib/ holds a compiled command line at least as new as the sources. */
function compiledIsFresh(): boolean {
  const compiled = path.join(ROOT, "lib", "bao-cao.js");
  if (!existsSync(compiled)) return false;
  const sources = Math.max(
    ...["src/cli", "src/commands", "src/workbook", "src/report", "src/docx", "src/text", "templates"].map((d) => newestSource(path.join(ROOT, d))),
  );
  return statSync(compiled).mtimeMs >= sources;
}

/** The installed command under /usr/bin/time -v: wall time and max RSS, startup included. */
function timedBin(argv: string[]): { ms: number; peakMiB: number; code: number } | null {
  const bin = path.join(ROOT, "bin", "bao-cao.js");
  if (!existsSync("/usr/bin/time") || !compiledIsFresh()) return null;
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-v", process.execPath, bin, ...argv], { cwd: ROOT, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { ms, peakMiB: kb / 1024, code: r.status ?? -1 };
}

/** Wall time of one process, ms; throws when it fails. */
function timedProcess(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")}: exit ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** `bao-cao <argv>` of the sample against `node -e 0`: 7 alternating pairs, medians of times and of the ratios. */
function startupFigures(work: string): string[] {
  const bin = path.join(ROOT, "bin", "bao-cao.js");
  if (!compiledIsFresh()) return ["Khởi động dòng lệnh: chưa có lib/ mới (npm run build:cli)."];
  const sample = path.join(work, "mau.xlsx");
  const out = path.join(work, "mau.docx");
  timedProcess([bin, "template", "--sample", "-o", sample, "--force"]);
  const lines = ["Khởi động dòng lệnh (cả tiến trình, mẫu tháng 11/2024; 7 cặp xen kẽ, trung vị):"];
  for (const [label, argv] of [
    ["export", [bin, "export", sample, "-o", out]],
    ["check", [bin, "check", sample]],
  ] as const) {
    timedProcess([...argv]); // fills lib/.v8-cache when it is empty
    const bare: number[] = [];
    const cmd: number[] = [];
    const ratios: number[] = [];
    for (let i = 0; i < 7; i++) {
      bare.push(timedProcess(["-e", "0"]));
      cmd.push(timedProcess([...argv]));
      ratios.push(cmd[i] / bare[i]);
    }
    lines.push(
      `  ${label} vs node -e 0: median ratio ${median(ratios).toFixed(2)} (bao-cao ${label} ${Math.round(median(cmd))} ms, node -e 0 ${Math.round(median(bare))} ms)`,
    );
  }
  return lines;
}

/* ------------------------------------------------------------------ data */

/** Distinct unit names of 31 characters (spaces, diacritics, an apostrophe), as in the 300-unit test. */
function unitNames(count: number): string[] {
  const words = ["Hòa", "Phong", "Đông", "Mỹ", "Hào", "Dương", "Quang", "Nhân", "Bạch", "Sam", "Cẩm", "Xá", "Ngọc", "Lâm", "Dị", "Sử", "Hưng", "Long"];
  return Array.from({ length: count }, (_, i) => {
    const head = "Xã O'Brien ";
    const tail = ` ${String(i + 1).padStart(3, "0")}`;
    const room = 31 - head.length - tail.length;
    let middle = "";
    for (let k = 0; middle.length < room; k++) middle += (middle ? " " : "") + words[(i + k * 7) % words.length];
    return head + middle.slice(0, room).trimEnd().padEnd(room, "ễ") + tail;
  });
}

function figures(i: number): Record<string, number> {
  const [d, q, x] = [(i * 7) % 41, i % 5, (i * 3) % 11];
  const congBo = 5 + (i % 20);
  return {
    DGTD_TTHC: i % 4,
    THAM_DINH_TTHC: i % 3,
    TTHC_NB_CONG_BO: congBo,
    TTHC_NB_PHE_DUYET: congBo - (i % 5),
    TTHC_NB_THUC_THI: congBo - (i % 5) - (i % 3),
    PAKN_TONG: d + q + x,
    PAKN_DUNG_HAN: d,
    PAKN_QUA_HAN: q,
    PAKN_DANG_XU_LY: x,
  };
}

/* ------------------------------------------------------------------ hooks for the other figures */

type Row = [string, string, string, string];

/** The add-in's context.sync() counts per command, on the simulated Excel, for 1 and 300 unit sheets. */
async function addinFigures(): Promise<string[]> {
  return ["Số lần context.sync() mỗi lệnh của add-in (Excel mô phỏng dev/excel-sim):", ...(await addinSyncTable([1, 300]))];
}

/**
 * The task pane's bundle sizes, from a production build of the sources as they are now (made
 * in a temporary folder, about 40 s; dist/ is left alone).
 */
function bundleFigures(): string[] {
  const out = mkdtempSync(path.join(tmpdir(), "bao-cao-bundle-"));
  try {
    const build = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) return [`Dựng gói task pane lỗi (webpack): ${(build.stderr || build.stdout).trim().split("\n").slice(0, 5).join(" ")}`];
    const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "bundle-size.js"), out], { encoding: "utf8" });
    return r.status === 0 ? r.stdout.trimEnd().split("\n") : [`bundle-size.js lỗi: ${r.stderr.trim()}`];
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/* ------------------------------------------------------------------ the benchmark */

const mib = (bytes: number) => (bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
const fileSize = (f: string) => statSync(f).size;
const dirSize = (d: string) => readdirSync(d).reduce((a, f) => a + fileSize(path.join(d, f)), 0);

function table(rows: Row[]): string {
  const header: Row = ["bước", "thời gian", "bộ nhớ đỉnh (RSS)", "ghi chú"];
  const all = [header, ...rows];
  const width = header.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: Row) =>
    r
      .map((c, i) => (i === 1 || i === 2 ? c.padStart(width[i]) : c.padEnd(width[i])))
      .join("  ")
      .trimEnd();
  return [line(header), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

async function bench(argv: string[]): Promise<void> {
  const unitsAt = argv.indexOf("--units");
  const n = unitsAt >= 0 ? Number(argv[unitsAt + 1]) : 300;
  if (!Number.isInteger(n) || n < 1) throw new Error("--units needs a whole number ≥ 1");
  const keep = argv.includes("--keep");
  const work = mkdtempSync(path.join(tmpdir(), "bao-cao-bench-"));
  const units = path.join(work, "don-vi");
  mkdirSync(units);
  const names = unitNames(n);
  const data = path.join(work, "don-vi.json");
  writeFileSync(data, JSON.stringify({ values: { THANG: 3, NAM: 2025 }, units: names.map((name, i) => ({ name, values: figures(i) })) }));
  const files = names.map((_, i) => path.join(units, `don-vi-${String(i + 1).padStart(3, "0")}.xlsx`));
  const base = path.join(work, "khung.xlsx");
  const town = path.join(work, "tong-hop.xlsx");
  const docx = path.join(work, "bao-cao.docx");
  const ms = (x: number) => `${Math.round(x).toLocaleString("en")} ms`;
  const rows: Row[] = [];
  const add = (label: string, r: StageResult, note: string) => {
    const failed = r.exitCodes.filter((c) => c !== 0);
    rows.push([
      label,
      ms(r.ms),
      `${r.peakMiB.toFixed(0)} MiB`,
      `${note}${failed.length ? `; ${failed.length} lệnh thất bại (mã ${failed[0]})` : ""}; lấy mẫu rss ${r.sampledMiB.toFixed(0)} MiB`,
    ]);
  };

  process.stdout.write(`Đo với ${n} đơn vị (Node ${process.version}, thư mục ${work})…\n`);
  const t = stage(work, "template", [
    ...files.map((f, i) => ["template", "--unit", names[i], "--data", data, "-o", f]),
    ["template", "--sample", "--data", data, "-o", base],
  ]);
  add(`template --unit ×${n}`, t, `${n} sổ đơn vị, tổng ${mib(dirSize(units))}; một tiến trình, 10 lệnh song song`);
  const rollupArgv = ["rollup", "-o", town, "--base", base, ...files];
  const r = stage(work, "rollup", [rollupArgv]);
  add(`rollup ${n} đơn vị`, r, `sổ tổng hợp ${mib(fileSize(town))}, ${n + 7} trang tính`);
  const c = stage(work, "check", [["check", town]]);
  add("check sổ tổng hợp", c, "kiểm tra cả từng trang đơn vị");
  const e = stage(work, "export", [["export", town, "-o", docx]]);
  add("export báo cáo Word", e, `tệp .docx ${mib(fileSize(docx))}`);

  // hostile files: refused (exit 1) by the zip guard before anything is inflated, or while inflating
  const SHEET = "xl/worksheets/sheet1.xml";
  const bombOf = (sheet: Omit<Parameters<typeof writeZip>[0][number], "name">) =>
    writeZip([...workbookParts([{ name: "A", part: SHEET }]), { ...sheet, name: SHEET }]);
  const declared = path.join(work, "bom-800mb.xlsx");
  writeFileSync(declared, bombOf({ data: sheetXml(""), declareSize: 800 * 2 ** 20, declareCompressed: 800 * 1024 }));
  const liar = path.join(work, "bom-300mb-noi-doi.xlsx");
  writeFileSync(liar, bombOf({ deflated: await deflatedZeros(300 * 2 ** 20), declareSize: 4096 }));
  for (const [label, file, note] of [
    ["check bom khai báo 800 MB", declared, "phần khai báo 800 MB khi giải nén"],
    ["check bom 300 MB nói dối", liar, "300 MB số 0, đầu mục khai báo 4 KB"],
  ] as const) {
    const h = stage(work, path.basename(file, ".xlsx"), [["check", file]]);
    const refused = h.exitCodes.every((code) => code === 1);
    rows.push([
      label,
      ms(h.ms),
      `${h.peakMiB.toFixed(0)} MiB`,
      `${note}, tệp ${mib(fileSize(file))}; ${refused ? "bị từ chối (mã 1)" : `mã thoát ${h.exitCodes.join(",")}`}; lấy mẫu rss ${h.sampledMiB.toFixed(0)} MiB`,
    ]);
  }

  const binRollup = timedBin([...rollupArgv, "--force"]);
  const binExport = timedBin(["export", town, "-o", docx]);
  if (binRollup && binExport) {
    rows.push([
      `bin: bao-cao rollup ${n}`,
      ms(binRollup.ms),
      `${binRollup.peakMiB.toFixed(0)} MiB`,
      `node bin/bao-cao.js, cả khởi động; /usr/bin/time -v (mã thoát ${binRollup.code})`,
    ]);
    rows.push([
      "bin: bao-cao export",
      ms(binExport.ms),
      `${binExport.peakMiB.toFixed(0)} MiB`,
      `node bin/bao-cao.js, cả khởi động (mã thoát ${binExport.code})`,
    ]);
  }

  process.stdout.write(`\nDòng lệnh bao-cao, ${n} đơn vị\n${table(rows)}\n`);
  if (!binRollup) process.stdout.write("(Để đo cả lệnh đã cài, gồm thời gian khởi động: cần /usr/bin/time và lib/ mới — npm run build:cli.)\n");
  process.stdout.write(`\n${startupFigures(work).join("\n")}\n`);
  process.stdout.write(`\nAdd-in\n${(await addinFigures()).join("\n")}\n\n${bundleFigures().join("\n")}\n`);
  if (keep) process.stdout.write(`\nGiữ các tệp ở ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}

if (process.argv[2] === "--stage") {
  runStage(process.argv[3], process.argv[4]).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
} else {
  bench(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
