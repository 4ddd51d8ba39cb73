/** Tests of the ribbon commands. */
import type { CheckAndMarkResult } from "./addin-commands";
import { checkWorkbookInExcel, selectProblem } from "./addin-commands";
import { firstProblem, ribbonCommands } from "./ribbon";
import { checkResult, ERROR_COUNT, ERROR_INFO, fakeHost, WARNING_INFO, WARNING_TASKS } from "../taskpane/testing";

jest.mock("./addin-commands", () => ({
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
  const log = jest.fn();
  const event = { completed: jest.fn() } as unknown as Office.AddinCommands.Event;
  const commands = ribbonCommands({ host: () => host, log, today: () => TODAY });
  return { host, log, event, commands };
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

test("in Office, the module registers kiemTra (the name in manifest.xml)", () => {
  const associate = jest.fn();
  const g = globalThis as { Office?: unknown };
  g.Office = { actions: { associate }, onReady: jest.fn() };
  try {
    jest.isolateModules(() => require("./ribbon"));
  } finally {
    delete g.Office;
  }
  expect(associate.mock.calls.map(([name, fn]) => [name, typeof fn])).toEqual([["kiemTra", "function"]]);
});
