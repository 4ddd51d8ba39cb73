/**
 * The add-in's honest API floor: every command of addin-commands.ts run on a simulated Excel
 * that has only the manifest's declared minimum (ExcelApi 1.4, read from manifest.xml) and on
 * one with ExcelApi 1.14 (Office 2021). The simulator fails any member newer than the host with
 * ApiNotFound, its versions generated from @types/office-js (dev/excel-sim/api-sets.json), so a
 * use above the floor without an isSetSupported guard fails here.
 *
 * Where the feature exists at the floor the outcome is the same; where it does not (data
 * validation 1.8, frozen header rows 1.7, fonts for the legacy check 1.9, inserting sheets
 * from a file 1.13) the command degrades and says so in Vietnamese.
 */
import * as fs from "fs";
import * as path from "path";
import { buildUnitWorkbook, workbookBuffer } from "../cli/xlsx";
import { createSimHost, type SimHost } from "../../dev/excel-sim";
import { describeError } from "../excel/errors";
import { simExcelHost } from "../../dev/excel-sim/sim-host";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { toTcvn3 } from "../text/legacy-vn";
import { templateNotices } from "../taskpane/notices";
import { LEGACY_CODE } from "../workbook/legacy-check";
import { buildLayout, inputOf, inputValues } from "../workbook/layout";
import * as commands from "./addin-commands";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);

/** The manifest's <Set Name="ExcelApi" MinVersion="…"/>. */
const FLOOR = /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(fs.readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8"))![1];
const RECENT = "1.14";

const CAN_CU = "Thực hiện Kế hoạch của UBND tỉnh về cải cách thủ tục hành chính, như sau:";

function cellOf(fieldId: string): { sheet: string; cell: string } {
  const { sheet, input } = inputOf(layout, fieldId);
  return { sheet: sheet.name, cell: input.first };
}

/** Every command, in the order a user meets them; what each returned (or the Vietnamese message it failed with). */
async function everyCommand(excelApi: string): Promise<{ sim: SimHost; outcomes: Record<string, unknown> }> {
  const sim = createSimHost({ sheets: ["Sheet1"], requirementSets: { ExcelApi: excelApi } });
  const host = simExcelHost(sim);
  const outcomes: Record<string, unknown> = {};
  const step = async (name: string, f: () => Promise<unknown>) => {
    try {
      outcomes[name] = await f();
    } catch (e) {
      // what the pane shows for a failure: never a crash, always Vietnamese
      outcomes[name] = { failed: describeError(e), code: (e as { code?: string }).code };
    }
  };

  await step("createTemplate", () => commands.createTemplate(host));
  await step("checkEmpty", async () => (await commands.checkWorkbookInExcel(host, today)).problems.map((p) => `${p.severity} ${p.sheet}!${p.cell} ${p.code}`));
  // the user types the report (where "Tạo mẫu" made the sheets), one line in TCVN3
  const type = (sheet: string, cell: string, text: string) => sim.workbook.sheet(sheet) && sim.workbook.setCellValue(sheet, cell, text, { force: true });
  for (const v of inputValues(def, layout, sampleData())) type(v.sheet, v.address, String(v.value));
  const legacy = cellOf("CAN_CU");
  type(legacy.sheet, legacy.cell, toTcvn3(CAN_CU));
  await step("checkLegacy", async () =>
    (await commands.checkWorkbookInExcel(host, today)).problems.filter((p) => p.code === LEGACY_CODE).map((p) => `${p.sheet}!${p.cell}`),
  );
  await step("selectProblem", () => commands.selectProblem(host, legacy));
  await step("convertLegacyText", () => commands.convertLegacyText(host, [legacy]));
  await step("exportReport", async () => {
    const r = await commands.exportReport(host, { deliver: async () => ({ kind: "downloaded" }), confirmWarnings: async () => true, today });
    return r.status === "exported" ? { status: r.status, fileName: r.fileName, warnings: r.warnings.map((w) => w.code) } : r.status;
  });
  await step("addUnit", () => commands.addUnit(host, "Xã A"));
  type("Xã A", "C13", "2");
  const unit = buildUnitWorkbook(def, "Phường Dị Sử", { PAKN_TONG: 4 });
  await step("importUnits", async () => commands.importUnits(host, [{ name: "di-su.xlsx", bytes: new Uint8Array(await workbookBuffer(unit.workbook)) }]));
  await step("rollup", () => commands.rollup(host, { confirmOverwrite: async () => true }));
  await step("checkAfterRollup", async () => (await commands.checkWorkbookInExcel(host, today)).unitSheets.map((u) => u.sheet));
  await step("previewReport", async () => (await commands.previewReport(host, today)).fileName);
  await step("nextPeriodWorkbook", async () => {
    const r = await commands.nextPeriodWorkbook(host, { keepText: false, deliver: async () => ({ kind: "downloaded" }) });
    return r.status === "refused" ? r : { status: r.status, fileName: r.fileName, units: r.units };
  });
  return { sim, outcomes };
}

/** The workbook's cells (values and formulas) and names: what the user's data is. */
function contents(sim: SimHost) {
  const json = sim.workbook.toJSON() as unknown as { sheets: { name: string; cells?: unknown }[]; names?: unknown };
  return { sheets: sim.workbook.sheetNames(), cells: json.sheets.map((s) => [s.name, s.cells]), names: sim.workbook.definedNames() };
}

describe(`every command at the manifest's floor (ExcelApi ${FLOOR}) and at ${RECENT}`, () => {
  let floor: Awaited<ReturnType<typeof everyCommand>>;
  let recent: Awaited<ReturnType<typeof everyCommand>>;
  beforeAll(async () => {
    floor = await everyCommand(FLOOR);
    recent = await everyCommand(RECENT);
  });

  it("the manifest declares ExcelApi 1.4", () => {
    expect(FLOOR).toBe("1.4");
  });

  it("runs every command without a failure at both", () => {
    const failures = (o: Record<string, unknown>) => Object.entries(o).filter(([, v]) => typeof v === "object" && v !== null && "failed" in v);
    expect(failures(floor.outcomes)).toEqual([]);
    expect(failures(recent.outcomes)).toEqual([]);
  });

  it("gives the same outcomes where the feature exists at the floor", () => {
    const { createTemplate: t1, ...rest1 } = floor.outcomes;
    const { createTemplate: t2, ...rest2 } = recent.outcomes;
    expect(rest1).toEqual(rest2);
    expect({ ...(t1 as object), validation: undefined, frozenPanes: undefined }).toEqual({ ...(t2 as object), validation: undefined, frozenPanes: undefined });
    // the legacy text is found and converted at the floor too (by its characters, without the font)
    expect(floor.outcomes.checkLegacy).toEqual([`${cellOf("CAN_CU").sheet}!${cellOf("CAN_CU").cell}`]);
    expect(floor.outcomes.convertLegacyText).toMatchObject({ converted: [{ encoding: "tcvn3", text: CAN_CU }] });
    expect(floor.outcomes.exportReport).toMatchObject({ status: "exported" });
    expect(floor.outcomes.rollup).toMatchObject({ status: "done", units: 2 });
    expect(floor.outcomes.importUnits).toMatchObject({ method: "copy", imported: [{ sheet: "Phường Dị Sử" }] });
    // and the workbooks hold the same data
    expect(contents(floor.sim)).toEqual(contents(recent.sim));
  });

  it("degrades where the floor lacks the feature: no validation (1.8), no frozen header rows (1.7), and says so in Vietnamese", () => {
    expect(recent.outcomes.createTemplate).toMatchObject({ validation: true, frozenPanes: true });
    expect(floor.outcomes.createTemplate).toMatchObject({ validation: false, frozenPanes: false });
    const sheet = layout.sheets.find((s) => s.frozenRows > 0)!;
    expect(recent.sim.workbook.sheet(sheet.name)!.frozenRows).toBe(sheet.frozenRows);
    expect(floor.sim.workbook.sheet(sheet.name)!.frozenRows).toBe(0);
    expect(floor.sim.workbook.sheet("Xã A")!.frozenRows).toBe(0); // unit sheets too
    const notices = templateNotices(floor.outcomes.createTemplate as commands.ApplyLayoutResult);
    expect(notices.map((n) => n.id)).toEqual(["template", "template-validation", "template-freeze"]);
    expect(notices[1].text).toMatch(/^Phiên bản Excel này không tự kiểm tra số liệu khi nhập/);
    expect(notices[2].text).toMatch(/^Phiên bản Excel này không cho phần bổ trợ cố định các dòng tiêu đề/);
    expect(templateNotices(recent.outcomes.createTemplate as commands.ApplyLayoutResult).map((n) => n.id)).toEqual(["template"]);
  });
});

describe("below the floor (Excel would not offer the add-in)", () => {
  it.each(["1.1", "1.3"])("at ExcelApi %s every command fails with the Vietnamese 'update Office' message, not a crash", async (excelApi) => {
    const { outcomes } = await everyCommand(excelApi).catch((e) => {
      throw new Error(`crashed: ${String(e)}`);
    });
    const failed = Object.values(outcomes).filter((v) => typeof v === "object" && v !== null && "failed" in v) as { failed: string; code?: string }[];
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(f.failed).toMatch(/[ạảãáàăâđêôơư]/i); // Vietnamese, whatever the cause
    expect(outcomes.createTemplate).toMatchObject({
      code: "ApiNotFound",
      failed: expect.stringMatching(/^Phiên bản Excel này không hỗ trợ thao tác cần thiết/),
    });
  });
});
