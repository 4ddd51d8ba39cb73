/**
 * Test helpers for the pane: a fake ExcelHost, fake commands with results the test
 * controls, and sample problems. Only imported by *.test.tsx files.
 */
import type { ApplyLayoutResult, CheckAndMarkResult, ExportOutcome } from "../commands/addin-commands";
import type { ExcelHost } from "../excel/host";
import type { Problem } from "../report/types";
import type { PaneCommands } from "./App";

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A host that must not be reached: the fake commands never use it. */
export function fakeHost(run: ExcelHost["run"] = () => Promise.reject(new Error("fake host: run not expected"))): ExcelHost {
  return { run, isSetSupported: () => true };
}

export type FakeCommands = { [K in keyof PaneCommands]: jest.Mock<ReturnType<PaneCommands[K]>, Parameters<PaneCommands[K]>> };

export function fakeCommands(): FakeCommands {
  return {
    createTemplate: jest.fn(),
    checkWorkbookInExcel: jest.fn(),
    selectProblem: jest.fn((_host: ExcelHost, _problem: Pick<Problem, "sheet" | "cell">) => Promise.resolve()),
    exportReport: jest.fn(),
  };
}

export const SHEETS = ["Thông tin chung", "I. Kết quả", "II. Đánh giá", "III. Nhiệm vụ", "IV. Kiến nghị"];

export const ERROR_INFO: Problem = {
  sheet: "Thông tin chung",
  cell: "C6",
  severity: "error",
  message: 'Chưa nhập "Số ký hiệu văn bản".',
  code: "required",
  fieldId: "SO_KY_HIEU",
};
export const ERROR_COUNT: Problem = {
  sheet: "I. Kết quả",
  cell: "C7",
  severity: "error",
  message: '"Số TTHC đã công bố" phải là số nguyên, không được có phần thập phân: 2.5.',
  code: "count.notWhole",
  fieldId: "TTHC_CONG_BO",
};
export const WARNING_INFO: Problem = {
  sheet: "Thông tin chung",
  cell: "C4",
  severity: "warning",
  message: "Năm 2019 cách xa năm hiện tại (2024); kiểm tra lại năm báo cáo.",
  code: "year.far",
  fieldId: "NAM",
};
export const WARNING_TASKS: Problem = {
  sheet: "III. Nhiệm vụ",
  cell: "B5",
  severity: "warning",
  message: 'Phần "Nhiệm vụ tháng tới" chưa có nội dung; mục này sẽ để trống trong báo cáo.',
  code: "lines.empty",
  fieldId: "NHIEM_VU",
};

/** As checkWorkbook orders them: errors first, then sheet by sheet. */
export const MIXED: Problem[] = [ERROR_INFO, ERROR_COUNT, WARNING_INFO, WARNING_TASKS];

export function checkResult(problems: Problem[], more: Partial<CheckAndMarkResult> = {}): CheckAndMarkResult {
  return {
    problems,
    data: { values: {} },
    locations: {},
    missingSheets: [],
    isReportWorkbook: true,
    marked: problems.length,
    cleared: 0,
    unitSheets: [],
    ...more,
  };
}

export function templateResult(created: string[], kept: string[] = []): ApplyLayoutResult {
  return { created, kept, namesAdded: [], validation: true };
}

export const FILE_NAME = "bao-cao-cctthc-thang-11-2024.docx";

/** The refusal exportReport gives when the workbook has errors. */
export function refused(problems: Problem[]): ExportOutcome {
  return { status: "refused", problems, check: checkResult(problems) };
}
