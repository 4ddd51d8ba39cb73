/**
 * `npm run demo`: the sample report end to end, through the command line's own code
 * (`main`), so that the demo shows exactly what a user of `bao-cao` gets:
 *
 *   1. bao-cao template --sample  → out/bao-cao-mau-my-hao-thang-11-2024.xlsx
 *   2. bao-cao export             → out/bao-cao-cctthc-thang-11-2024.docx
 *      (reads the workbook back from the file, checks it, writes the Word report)
 *
 * then a roll-up of the 13 communes and wards of Mỹ Hào for March 2025, with the figures of
 * templates/demo-units-my-hao-2025-03.json (illustrative, not real):
 *
 *   3. bao-cao template --unit "<đơn vị>" --data …  → out/don-vi/<đơn-vị>.xlsx (13 files)
 *   4. bao-cao template --sample --data …           → out/khung-bao-cao-my-hao-thang-3-2025.xlsx
 *      (the sample's texts, month and year of the data file)
 *   5. bao-cao rollup --base … out/don-vi/*.xlsx      → out/tong-hop-my-hao-thang-3-2025.xlsx
 *   6. bao-cao check                                → the town workbook and every unit sheet
 *   7. bao-cao export                               → out/bao-cao-cctthc-thang-3-2025.docx
 *
 * then the second report kind, the dossier-settlement report with its Biểu số 06 table
 * (illustrative figures of a ward, quý III năm 2025):
 *
 *   8. bao-cao template --kind bao-cao-giai-quyet-tthc --sample → out/bao-cao-giai-quyet-tthc-mau-quy-3-2025.xlsx
 *   9. bao-cao export                               → out/bao-cao-giai-quyet-tthc-quy-3-2025.docx
 *
 * then the figures of Biểu 06 taken from the one-stop system's export instead of typed (the
 * illustrative HTML table saved as .xls of templates/samples/, read by its headers):
 *
 *  10. bao-cao import-figures <sổ quý III> templates/samples/bieu-06-mot-cua-quy-3-2025.xls
 *                                                  → out/bao-cao-giai-quyet-tthc-mot-cua-quy-3-2025.xlsx
 *  11. bao-cao export                              → out/bao-cao-giai-quyet-tthc-mot-cua-quy-3-2025.docx
 *
 * then a province-size roll-up of the dossier kind (quý III năm 2025): 104 illustrative units
 * ("Xã Minh họa 001", …) whose figures a seeded generator makes (`provinceDemoData`: the same
 * every run; some units with returned dossiers, some with overdue ones, some with a lĩnh vực of
 * their own), written to out/du-lieu-minh-hoa-tinh-quy-3-2025.json, and a list of 106 expected
 * units (two never send):
 *
 *  12. bao-cao template --kind … --unit "<đơn vị>" --data …   → out/don-vi-tinh/<đơn-vị>.xlsx (104 files)
 *  13. bao-cao template --kind … --sample --data …            → out/khung-bao-cao-tinh-quy-3-2025.xlsx
 *  14. bao-cao rollup --base … --expected … out/don-vi-tinh/*.xlsx → out/tong-hop-tinh-quy-3-2025.xlsx
 *      (with the per-unit sheet "Kết quả đơn vị" and the list of expected units)
 *  15. bao-cao check, 16. bao-cao export                   → out/bao-cao-giai-quyet-tthc-tinh-quy-3-2025.docx
 *      (with the appendix "Kết quả theo đơn vị" and the sentences on the best and worst units)
 *
 * To show more, add a step to `demoSteps`.
 */
import * as path from "node:path";
import { mkdir, writeFile } from "node:fs/promises";
import demoUnits from "../../templates/demo-units-my-hao-2025-03.json";
import { loadDefinition } from "../report/kinds";
import { main, type CliIO } from "./main";

export interface DemoStep {
  /** what the step shows, in Vietnamese */
  title: string;
  /** the bao-cao arguments */
  argv: string[];
  /** "now" for the step's date checks (default DEMO_TODAY) */
  today?: Date;
}

export const DEMO_WORKBOOK = "bao-cao-mau-my-hao-thang-11-2024.xlsx";
/** What `bao-cao export` names the sample's report (beside the workbook, no -o). */
export const DEMO_REPORT = "bao-cao-cctthc-thang-11-2024.docx";

/**
 * The sample is the report for November 2024; it is checked as of 1 December 2024, when
 * such a report is written, so that the demo's output does not depend on today's date
 * (checked today, its year would be flagged as far from the current year).
 */
export const DEMO_TODAY = new Date(2024, 11, 1);

/** The roll-up example: the data file, and what it writes. */
export const DEMO_UNITS_DATA = path.join(__dirname, "..", "..", "templates", "demo-units-my-hao-2025-03.json");
export const DEMO_UNIT_DIR = "don-vi";
export const DEMO_BASE = "khung-bao-cao-my-hao-thang-3-2025.xlsx";
export const DEMO_ROLLUP = "tong-hop-my-hao-thang-3-2025.xlsx";
export const DEMO_ROLLUP_REPORT = "bao-cao-cctthc-thang-3-2025.docx";
/** The March 2025 roll-up is checked as of 1 April 2025. */
export const DEMO_ROLLUP_TODAY = new Date(2025, 3, 1);

/** The dossier-settlement kind's sample (quý III năm 2025), checked as of 1 October 2025. */
export const DEMO_DOSSIER_KIND = "bao-cao-giai-quyet-tthc";
export const DEMO_DOSSIER_WORKBOOK = "bao-cao-giai-quyet-tthc-mau-quy-3-2025.xlsx";
export const DEMO_DOSSIER_REPORT = "bao-cao-giai-quyet-tthc-quy-3-2025.docx";
export const DEMO_DOSSIER_TODAY = new Date(2025, 9, 1);

/** The one-stop system's export (illustrative, an HTML table saved as .xls) and what importing it writes. */
export const DEMO_ONE_STOP_EXPORT = path.join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls");
export const DEMO_IMPORTED_WORKBOOK = "bao-cao-giai-quyet-tthc-mot-cua-quy-3-2025.xlsx";
export const DEMO_IMPORTED_REPORT = "bao-cao-giai-quyet-tthc-mot-cua-quy-3-2025.docx";

/** The province example: how many units send, the two more the list expects, and what it writes. */
export const PROVINCE_UNIT_COUNT = 104;
export const PROVINCE_NOT_SENT = ["Xã Minh họa 105", "Phường Minh họa 106"];
export const PROVINCE_DATA = "du-lieu-minh-hoa-tinh-quy-3-2025.json";
export const PROVINCE_EXPECTED = "danh-sach-don-vi-tinh.txt";
export const PROVINCE_UNIT_DIR = "don-vi-tinh";
export const PROVINCE_BASE = "khung-bao-cao-tinh-quy-3-2025.xlsx";
export const PROVINCE_ROLLUP = "tong-hop-tinh-quy-3-2025.xlsx";
export const PROVINCE_REPORT = "bao-cao-giai-quyet-tthc-tinh-quy-3-2025.docx";
/** The lĩnh vực some units have and the sample's table does not. */
export const PROVINCE_EXTRA_ROW = "Nông nghiệp và môi trường";

/** "Xã Minh họa 001", "Phường Minh họa 004", …: clearly not real units. */
export function provinceUnitName(i: number): string {
  return `${i % 4 === 3 ? "Phường" : "Xã"} Minh họa ${String(i + 1).padStart(3, "0")}`;
}

/** A small seeded generator (mulberry32): the same figures on every run and every machine. */
function seeded(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

export interface ProvinceUnit {
  name: string;
  /** the dossier table's value, by its field id */
  values: Record<string, { rows: string[]; cells: number[][] }>;
}

/**
 * The province example's data file (`template --data`): the province's texts over the sample's
 * ("values") and, for each unit, its Biểu 06 — columns (3)–(13), by the table's rules:
 * (3) = (4)+(5)+(6), (7) = (8)+(9)+(10), (11) = (12)+(13), and (3) = (7)+(11) except where
 * dossiers were returned (the second row of every 7th unit: (3) > (7)+(11), a warning of `check`); every 3rd unit
 * has overdue dossiers, every 10th a lĩnh vực of its own.
 */
export function provinceDemoData(): { values: Record<string, unknown>; units: ProvinceUnit[] } {
  const table = loadDefinition(DEMO_DOSSIER_KIND).fields.find((f) => f.kind === "table" && f.rollup)!;
  const rows = table.table!.rows;
  const next = seeded(20250930);
  const units = Array.from({ length: PROVINCE_UNIT_COUNT }, (_, u): ProvinceUnit => {
    const own = u % 10 === 4 ? [...rows.slice(0, -1), PROVINCE_EXTRA_ROW, rows[rows.length - 1]] : rows;
    const size = 1 + next(4); // small communes and big wards
    const cells = own.map((_, r) => {
      const online = next(40 * size);
      const direct = next(15 * size);
      const carried = next(4);
      const received = online + direct + carried;
      const returned = u % 7 === 5 && r === 1 ? Math.min(received, 1 + next(3)) : 0;
      const pendingLate = u % 3 === 1 ? Math.min(received - returned, next(2)) : 0;
      const pending = Math.min(received - returned, pendingLate + next(4));
      const settled = received - returned - pending;
      const late = u % 3 === 1 ? Math.min(settled, next(3)) : 0;
      const early = Math.min(settled - late, next(settled + 1));
      const onTime = settled - late - early;
      return [received, online, direct, carried, settled, early, onTime, late, pending, pending - pendingLate, pendingLate];
    });
    return { name: provinceUnitName(u), values: { [table.id]: { rows: own, cells } } };
  });
  return {
    values: {
      CO_QUAN_BAN_HANH: ["ỦY BAN NHÂN DÂN", "TỈNH MINH HỌA"],
      KY_HIEU: "BC-UBND",
      DIA_DANH: "Minh Họa",
      DIA_BAN: "trên địa bàn tỉnh Minh Họa (số liệu minh họa)",
      KINH_GUI: ["Văn phòng Chính phủ"],
      CAN_CU:
        "Thực hiện Thông tư số 01/2020/TT-VPCP ngày 21/10/2020 của Văn phòng Chính phủ quy định chế độ báo cáo định kỳ và quản lý, sử dụng, khai thác Hệ thống thông tin báo cáo của Văn phòng Chính phủ, UBND tỉnh Minh Họa báo cáo tình hình, kết quả giải quyết thủ tục hành chính quý III năm 2025 như sau:",
      NOI_NHAN: ["Như trên;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "UBND các xã, phường;", "Lưu: VT, KSTT."],
      DANH_GIA_THEM: ["Số liệu tổng hợp từ sổ báo cáo của các xã, phường (số liệu minh họa, không phải số liệu thật)."],
      TON_TAI: ["Một số xã, phường còn hồ sơ giải quyết quá hạn."],
      NGUYEN_NHAN: ["Khối lượng hồ sơ chuyển tiếp sau khi sắp xếp đơn vị hành chính lớn."],
      NHIEM_VU: ["Đôn đốc các xã, phường giải quyết dứt điểm hồ sơ quá hạn và gửi số liệu đúng hạn."],
    },
    units,
  };
}

/** The names the province expects a report from: every unit of the example, then the two that never send. */
export function provinceExpectedNames(): string[] {
  return [...Array.from({ length: PROVINCE_UNIT_COUNT }, (_, u) => provinceUnitName(u)), ...PROVINCE_NOT_SENT];
}

/** The units of the roll-up example, in the order of the data file. */
export function demoUnitNames(): string[] {
  return demoUnits.units.map((u) => u.name);
}

/** "Phường Bần Yên Nhân" → "phuong-ban-yen-nhan" (a file name that survives any system). */
export function asciiSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function demoSteps(outDir: string): DemoStep[] {
  const workbook = path.join(outDir, DEMO_WORKBOOK);
  const unitFiles = demoUnitNames().map((name) => ({ name, file: path.join(outDir, DEMO_UNIT_DIR, `${asciiSlug(name)}.xlsx`) }));
  const base = path.join(outDir, DEMO_BASE);
  const rollup = path.join(outDir, DEMO_ROLLUP);
  const today = DEMO_ROLLUP_TODAY;
  const provinceData = path.join(outDir, PROVINCE_DATA);
  const provinceFiles = provinceExpectedNames()
    .slice(0, PROVINCE_UNIT_COUNT)
    .map((name) => ({ name, file: path.join(outDir, PROVINCE_UNIT_DIR, `${asciiSlug(name)}.xlsx`) }));
  const provinceBase = path.join(outDir, PROVINCE_BASE);
  const provinceRollup = path.join(outDir, PROVINCE_ROLLUP);
  const dossiers = { today: DEMO_DOSSIER_TODAY };
  return [
    { title: "Tạo sổ Excel mẫu (số liệu UBND thị xã Mỹ Hào, tháng 11/2024)", argv: ["template", "-o", workbook, "--sample", "--force"] },
    { title: "Đọc lại sổ, kiểm tra và xuất báo cáo Word", argv: ["export", workbook] },
    ...unitFiles.map(({ name, file }) => ({
      title: `Sổ số liệu tháng 3/2025 của ${name} (số liệu minh họa)`,
      argv: ["template", "--unit", name, "--data", DEMO_UNITS_DATA, "-o", file, "--force"],
      today,
    })),
    {
      title: "Sổ báo cáo của thị xã tháng 3/2025: lời văn của mẫu, đổi tháng và năm",
      argv: ["template", "--sample", "--data", DEMO_UNITS_DATA, "-o", base, "--force"],
      today,
    },
    {
      title: `Tổng hợp ${unitFiles.length} xã, phường: mỗi đơn vị một trang, ô tổng hợp là công thức =SUM(DonViDau:DonViCuoi!…)`,
      argv: ["rollup", "-o", rollup, "--base", base, ...unitFiles.map((u) => u.file), "--force"],
      today,
    },
    { title: "Kiểm tra sổ tổng hợp (cả từng trang đơn vị)", argv: ["check", rollup], today },
    { title: "Xuất báo cáo Word của thị xã từ số tổng hợp", argv: ["export", rollup, "-o", path.join(outDir, DEMO_ROLLUP_REPORT)], today },
    {
      title: "Loại báo cáo thứ hai: tình hình, kết quả giải quyết TTHC quý III/2025 với Biểu số 06 (số liệu minh họa của một phường)",
      argv: ["template", "--kind", DEMO_DOSSIER_KIND, "--sample", "-o", path.join(outDir, DEMO_DOSSIER_WORKBOOK), "--force"],
      today: DEMO_DOSSIER_TODAY,
    },
    {
      title: "Kiểm tra và xuất báo cáo Word (Biểu số 06 là phụ lục trên trang khổ ngang)",
      argv: ["export", path.join(outDir, DEMO_DOSSIER_WORKBOOK)],
      today: DEMO_DOSSIER_TODAY,
    },
    {
      title: "Nhận số liệu Biểu 06 từ bảng xuất của hệ thống một cửa (tệp .xls minh họa): cột nhận theo tiêu đề, dòng theo tên lĩnh vực",
      argv: ["import-figures", path.join(outDir, DEMO_DOSSIER_WORKBOOK), DEMO_ONE_STOP_EXPORT, "-o", path.join(outDir, DEMO_IMPORTED_WORKBOOK), "--force"],
      today: DEMO_DOSSIER_TODAY,
    },
    {
      title: "Kiểm tra và xuất báo cáo Word với số liệu vừa nhận",
      argv: ["export", path.join(outDir, DEMO_IMPORTED_WORKBOOK), "-o", path.join(outDir, DEMO_IMPORTED_REPORT)],
      today: DEMO_DOSSIER_TODAY,
    },
    ...provinceFiles.map(({ name, file }) => ({
      title: `Cấp tỉnh: sổ quý III/2025 của ${name} (số liệu minh họa)`,
      argv: ["template", "--kind", DEMO_DOSSIER_KIND, "--unit", name, "--data", provinceData, "-o", file, "--force"],
      ...dossiers,
    })),
    {
      title: "Cấp tỉnh: sổ báo cáo của tỉnh quý III/2025 (lời văn của mẫu, thông tin của tỉnh minh họa)",
      argv: ["template", "--kind", DEMO_DOSSIER_KIND, "--sample", "--data", provinceData, "-o", provinceBase, "--force"],
      ...dossiers,
    },
    {
      title: `Cấp tỉnh: tổng hợp ${provinceFiles.length} xã, phường, đối chiếu danh sách ${provinceFiles.length + PROVINCE_NOT_SENT.length} đơn vị phải gửi; trang "Kết quả đơn vị" lấy số của từng đơn vị bằng công thức`,
      argv: [
        "rollup",
        "-o",
        provinceRollup,
        "--base",
        provinceBase,
        "--expected",
        path.join(outDir, PROVINCE_EXPECTED),
        ...provinceFiles.map((u) => u.file),
        "--force",
      ],
      ...dossiers,
    },
    { title: "Cấp tỉnh: kiểm tra sổ tổng hợp (nêu tên đơn vị chưa gửi số liệu)", argv: ["check", provinceRollup], ...dossiers },
    {
      title: 'Cấp tỉnh: xuất báo cáo Word (phụ lục "Kết quả theo đơn vị", đơn vị cao nhất, thấp nhất)',
      argv: ["export", provinceRollup, "-o", path.join(outDir, PROVINCE_REPORT)],
      ...dossiers,
    },
  ];
}

/** Runs the steps in order and stops at the first that fails; returns its exit code. */
export async function runDemo(outDir: string, io: CliIO): Promise<number> {
  await mkdir(path.join(outDir, DEMO_UNIT_DIR), { recursive: true });
  await mkdir(path.join(outDir, PROVINCE_UNIT_DIR), { recursive: true });
  await writeFile(path.join(outDir, PROVINCE_DATA), `${JSON.stringify(provinceDemoData(), null, 1)}\n`);
  await writeFile(path.join(outDir, PROVINCE_EXPECTED), `${provinceExpectedNames().join("\n")}\n`);
  const steps = demoSteps(outDir);
  for (const [i, step] of steps.entries()) {
    io.out(`\n[${i + 1}/${steps.length}] ${step.title}`);
    io.out(`$ bao-cao ${step.argv.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
    const code = await main(step.argv, { today: step.today ?? DEMO_TODAY, ...io });
    if (code !== 0) {
      io.err(`Bước ${i + 1} không thành công (mã thoát ${code}).`);
      return code;
    }
  }
  const files: [string, string][] = [
    ["Sổ Excel mẫu (tháng 11/2024)", path.join(outDir, DEMO_WORKBOOK)],
    ["Báo cáo Word xuất từ sổ đó", path.join(outDir, DEMO_REPORT)],
    ["Sổ tổng hợp 13 đơn vị (tháng 3/2025)", path.join(outDir, DEMO_ROLLUP)],
    ["Báo cáo Word của thị xã (tổng hợp)", path.join(outDir, DEMO_ROLLUP_REPORT)],
    ["Sổ của từng đơn vị", path.join(outDir, DEMO_UNIT_DIR)],
    ["Sổ báo cáo giải quyết TTHC quý III/2025", path.join(outDir, DEMO_DOSSIER_WORKBOOK)],
    ["Báo cáo Word giải quyết TTHC quý III/2025", path.join(outDir, DEMO_DOSSIER_REPORT)],
    ["Sổ quý III/2025 với số liệu nhận từ hệ thống một cửa", path.join(outDir, DEMO_IMPORTED_WORKBOOK)],
    ["Báo cáo Word từ số liệu đó", path.join(outDir, DEMO_IMPORTED_REPORT)],
    [`Sổ của ${PROVINCE_UNIT_COUNT} đơn vị cấp tỉnh (minh họa)`, path.join(outDir, PROVINCE_UNIT_DIR)],
    ["Danh sách đơn vị phải gửi số liệu", path.join(outDir, PROVINCE_EXPECTED)],
    ["Sổ tổng hợp cấp tỉnh quý III/2025", path.join(outDir, PROVINCE_ROLLUP)],
    ["Báo cáo Word cấp tỉnh (phụ lục theo đơn vị)", path.join(outDir, PROVINCE_REPORT)],
  ];
  const width = Math.max(...files.map(([label]) => label.length));
  io.out("\nXong. Các tệp chính:");
  for (const [label, file] of files) io.out(`  ${`${label}:`.padEnd(width + 2)}${file}`);
  return 0;
}

if (require.main === module) {
  const io: CliIO = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };
  runDemo(path.resolve("out"), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Không chạy được bản minh họa. Chi tiết: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
