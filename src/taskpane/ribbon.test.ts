/**
 * Tests of the ribbon commands (src/commands/ribbon.ts). They sit here only because this
 * work may not add files under src/commands/; move them beside ribbon.ts when convenient.
 */
import type { CheckAndMarkResult } from "../commands/addin-commands";
import { checkWorkbookInExcel, selectProblem } from "../commands/addin-commands";
import { firstProblem, ribbonCommands, showTaskpaneIfSupported } from "../commands/ribbon";
import type { ExcelHost } from "../excel/host";
import { checkResult, ERROR_COUNT, ERROR_INFO, fakeHost, WARNING_INFO, WARNING_TASKS } from "./testing";

jest.mock("../commands/addin-commands", () => ({
  checkWorkbookInExcel: jest.fn(),
  selectProblem: jest.fn(() => Promise.resolve()),
}));

const check = checkWorkbookInExcel as jest.MockedFunction<typeof checkWorkbookInExcel>;
const select = selectProblem as jest.MockedFunction<typeof selectProblem>;
const TODAY = new Date(2024, 11, 5);

function setup(result: CheckAndMarkResult | Error) {
  if (result instanceof Error) check.mockRejectedValue(result);
  else check.mockResolvedValue(result);
  const host = fakeHost();
  const showTaskpane = jest.fn(() => Promise.resolve(true));
  const log = jest.fn();
  const event = { completed: jest.fn() } as unknown as Office.AddinCommands.Event;
  const commands = ribbonCommands({ host: () => host, showTaskpane, log, today: () => TODAY });
  return { host, showTaskpane, log, event, commands };
}

beforeEach(() => jest.clearAllMocks());

test("firstProblem: the first error, else the first warning", () => {
  expect(firstProblem([WARNING_INFO, ERROR_COUNT, ERROR_INFO])).toBe(ERROR_COUNT);
  expect(firstProblem([WARNING_TASKS, WARNING_INFO])).toBe(WARNING_TASKS);
  expect(firstProblem([])).toBeUndefined();
});

describe("kiemTra", () => {
  test("checks (marking the cells), selects the first error's cell, completes", async () => {
    const { host, event, commands } = setup(checkResult([WARNING_INFO, ERROR_COUNT]));
    await commands.kiemTra(event);
    expect(check).toHaveBeenCalledWith(host, TODAY);
    expect(select).toHaveBeenCalledWith(host, ERROR_COUNT);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test("with only warnings it selects the first warning; with nothing it selects nothing", async () => {
    const a = setup(checkResult([WARNING_TASKS]));
    await a.commands.kiemTra(a.event);
    expect(select).toHaveBeenCalledWith(a.host, WARNING_TASKS);
    select.mockClear();
    const b = setup(checkResult([]));
    await b.commands.kiemTra(b.event);
    expect(select).not.toHaveBeenCalled();
    expect(b.event.completed).toHaveBeenCalledTimes(1);
  });

  test("a failure is logged and the event still completes", async () => {
    const boom = Object.assign(new Error("Excel is in cell-editing mode."), { code: "InvalidOperationInCellEditMode" });
    const { event, log, commands } = setup(boom);
    await expect(commands.kiemTra(event)).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining("Kiểm tra"), boom);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe("xuatBaoCao", () => {
  test("with errors: selects the first error and does not open the pane", async () => {
    const { host, event, showTaskpane, commands } = setup(checkResult([ERROR_INFO, WARNING_INFO]));
    await commands.xuatBaoCao(event);
    expect(select).toHaveBeenCalledWith(host, ERROR_INFO);
    expect(showTaskpane).not.toHaveBeenCalled();
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test("without errors: opens the pane (where the export asks and delivers), selects nothing", async () => {
    const { host, event, showTaskpane, commands } = setup(checkResult([WARNING_INFO]));
    await commands.xuatBaoCao(event);
    expect(select).not.toHaveBeenCalled();
    expect(showTaskpane).toHaveBeenCalledWith(host);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test("a pane that fails to open is logged and the event still completes", async () => {
    const { event, showTaskpane, log, commands } = setup(checkResult([]));
    showTaskpane.mockRejectedValue(new Error("no shared runtime"));
    await commands.xuatBaoCao(event);
    expect(log).toHaveBeenCalledTimes(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
  });
});

describe("showTaskpaneIfSupported", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => delete g.Office);
  const host = (shared: boolean): ExcelHost => ({ ...fakeHost(), isSetSupported: (name) => shared && name === "SharedRuntime" });

  test("uses Office.addin.showAsTaskpane only with SharedRuntime 1.1", async () => {
    const showAsTaskpane = jest.fn(() => Promise.resolve());
    g.Office = { addin: { showAsTaskpane } };
    await expect(showTaskpaneIfSupported(host(false))).resolves.toBe(false);
    expect(showAsTaskpane).not.toHaveBeenCalled();
    await expect(showTaskpaneIfSupported(host(true))).resolves.toBe(true);
    expect(showAsTaskpane).toHaveBeenCalledTimes(1);
  });

  test("without Office.addin it does nothing", async () => {
    g.Office = {};
    await expect(showTaskpaneIfSupported(host(true))).resolves.toBe(false);
  });
});

test("in Office, the module registers kiemTra and xuatBaoCao (the names in manifest.xml)", () => {
  const associate = jest.fn();
  const g = globalThis as { Office?: unknown };
  g.Office = { actions: { associate }, onReady: jest.fn() };
  try {
    jest.isolateModules(() => require("../commands/ribbon"));
  } finally {
    delete g.Office;
  }
  expect(associate.mock.calls.map(([name, fn]) => [name, typeof fn])).toEqual([
    ["kiemTra", "function"],
    ["xuatBaoCao", "function"],
  ]);
});
