/**
 * Test helpers for the pane: a fake ExcelHost, fake commands with results the test
 * controls, and sample problems. Only imported by *.test.tsx files.
 */
import * as realCommands from "../commands/addin-commands";
import type { ApplyLayoutResult, CheckAndMarkResult, ExportOutcome, ImportResult, RollupOutcome } from "../commands/addin-commands";
import type { ExcelHost } from "../excel/host";
import { loadDefinition } from "../report/kinds";
import { MSG_XLSX_FILE, rejectionMessage } from "../workbook/file-messages";
import type { Problem, ReportDefinition } from "../report/types";
import { preloadPaneParts, type PaneCommands } from "./App";

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/**
 * Fails a test when React logs a warning (act, keys, DOM nesting). The pane logs the raw
 * errors it turns into messages (objects) for support; those are silenced, not failures.
 * Call once at the top of a test file.
 */
export function failOnReactWarnings(): void {
  let consoleError: jest.SpyInstance;
  // the parts the pane fetches after its first paint, loaded beforehand: the pane renders in one go
  beforeAll(() => preloadPaneParts());
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    const warnings = consoleError.mock.calls.filter(([first]) => typeof first === "string");
    consoleError.mockRestore();
    expect(warnings).toEqual([]);
  });
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
    addUnit: jest.fn(),
    importUnits: jest.fn(),
    rollup: jest.fn(),
    convertLegacyText: jest.fn(),
    nextPeriodWorkbook: jest.fn(),
    previewReport: jest.fn(),
    importFigures: jest.fn(),
    // the real list of kinds; reading an own definition is the real parser too
    reportKinds: jest.fn(() => realCommands.reportKinds()),
    definitionFromFile: jest.fn((text: string, name: string) => realCommands.definitionFromFile(text, name)),
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
    definition: loadDefinition(),
    marked: problems.length,
    cleared: 0,
    unitSheets: [],
    growth: { names: [], formulas: [] },
    grown: { names: [], formulas: [] },
    ...more,
  };
}

export function templateResult(created: string[], kept: string[] = []): ApplyLayoutResult & { definition: ReportDefinition } {
  return { created, kept, namesAdded: [], validation: true, frozenPanes: true, definition: loadDefinition() };
}

export const FILE_NAME = "bao-cao-cctthc-thang-11-2024.docx";

/** The refusal exportReport gives when the workbook has errors. */
export function refused(problems: Problem[]): ExportOutcome {
  return { status: "refused", problems, check: checkResult(problems) };
}

/** A unit sheet's problems, as checkUnitSheets reports them. */
export const UNIT_ERROR: Problem = {
  sheet: "Phường Dị Sử",
  cell: "C5",
  severity: "error",
  message: '"Số TTHC đã đánh giá tác động" phải là số nguyên, không được có phần thập phân: 1.5.',
  code: "count.notWhole",
  fieldId: "DGTD_TTHC",
};
export const UNIT_ERROR_2: Problem = {
  ...UNIT_ERROR,
  cell: "C12",
  fieldId: "PAKN_TONG",
  message: '"Tổng số PAKN đã tiếp nhận" phải là số, không phải chữ: "ba".',
};
export const OTHER_UNIT_WARNING: Problem = {
  sheet: "Xã Hòa Phong",
  cell: "C13",
  severity: "warning",
  message: "Số PAKN giải quyết đúng hạn chưa nhập.",
  code: "count.empty",
  fieldId: "PAKN_DUNG_HAN",
};

export const IMPORT_MIXED: ImportResult = {
  imported: [
    { file: "phuong-di-su.xlsx", unitName: "Phường Dị Sử", sheet: "Phường Dị Sử", renamed: false },
    { file: "xa-dai.xlsx", unitName: "Xã Có Một Cái Tên Rất Dài Quá Mức Cho Phép", sheet: "Xã Có Một Cái Tên Rất Dài Quá", renamed: true },
  ],
  rejected: [
    // the messages the real import gives (src/workbook/file-messages.ts), for the pane
    { file: "bao-cao-thi-xa.xlsx", message: rejectionMessage({ file: "bao-cao-thi-xa.xlsx", reason: "report" }, "pane") },
    {
      file: "phuong-di-su-ban-2.xlsx",
      message: rejectionMessage({ file: "phuong-di-su-ban-2.xlsx", reason: "duplicate", unitName: "Phường Dị Sử", firstFile: "phuong-di-su.xlsx" }, "pane"),
    },
    { file: "hong.xlsx", message: `${MSG_XLSX_FILE.unreadable("corruptZip", "hong.xlsx", "pane")} ${MSG_XLSX_FILE.askUnitAgain}` },
  ],
  method: "insert",
};

export function rolledUp(units: number, more: Partial<Extract<RollupOutcome, { status: "done" }>> = {}): RollupOutcome {
  return { status: "done", units, sheet: "I. Kết quả", written: 9, kept: [], moved: [], ...more };
}
