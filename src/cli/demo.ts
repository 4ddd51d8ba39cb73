/**
 * `npm run demo`: the sample report end to end, through the command line's own code
 * (`main`), so that the demo shows exactly what a user of `bao-cao` gets:
 *
 *   1. bao-cao template --sample  → out/bao-cao-mau-my-hao-thang-11-2024.xlsx
 *   2. bao-cao export             → out/bao-cao-cctthc-thang-11-2024.docx
 *      (reads the workbook back from the file, checks it, writes the Word report)
 *
 * To show more (e.g. a roll-up of several units), add a step to `demoSteps`.
 */
import * as path from "node:path";
import { mkdir } from "node:fs/promises";
import { main, type CliIO } from "./main";

export interface DemoStep {
  /** what the step shows, in Vietnamese */
  title: string;
  /** the bao-cao arguments */
  argv: string[];
}

export const DEMO_WORKBOOK = "bao-cao-mau-my-hao-thang-11-2024.xlsx";

/**
 * The sample is the report for November 2024; it is checked as of 1 December 2024, when
 * such a report is written, so that the demo's output does not depend on today's date
 * (checked today, its year would be flagged as far from the current year).
 */
export const DEMO_TODAY = new Date(2024, 11, 1);

export function demoSteps(outDir: string): DemoStep[] {
  const workbook = path.join(outDir, DEMO_WORKBOOK);
  return [
    { title: "Tạo sổ Excel mẫu (số liệu UBND thị xã Mỹ Hào, tháng 11/2024)", argv: ["template", "-o", workbook, "--sample", "--force"] },
    { title: "Đọc lại sổ, kiểm tra và xuất báo cáo Word", argv: ["export", workbook] },
  ];
}

/** Runs the steps in order and stops at the first that fails; returns its exit code. */
export async function runDemo(outDir: string, io: CliIO): Promise<number> {
  await mkdir(outDir, { recursive: true });
  const steps = demoSteps(outDir);
  for (const [i, step] of steps.entries()) {
    io.out(`\n[${i + 1}/${steps.length}] ${step.title}`);
    io.out(`$ bao-cao ${step.argv.map((a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a)).join(" ")}`);
    const code = await main(step.argv, { today: DEMO_TODAY, ...io });
    if (code !== 0) {
      io.err(`Bước ${i + 1} không thành công (mã thoát ${code}).`);
      return code;
    }
  }
  io.out(`\nXong: các tệp ở thư mục ${outDir}`);
  return 0;
}

if (require.main === module) {
  const io: CliIO = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };
  runDemo(path.resolve("out"), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`Không chạy được bản minh họa. chi tiết: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
