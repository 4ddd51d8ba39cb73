import { emptyData } from "../report/definition";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { snapshotFromData } from "../workbook/data-snapshot";
import { buildLayout, inputOf } from "../workbook/layout";
import { setSnapshotCell, type WorkbookSnapshot } from "../workbook/snapshot";
import { prepareExport, reportFileName } from "./export-report";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);

function sample(): WorkbookSnapshot {
  return snapshotFromData(def, layout, sampleData());
}

describe("prepareExport", () => {
  it("accepts the sample: its data, its one warning and the file name", () => {
    const result = prepareExport(def, layout, sample(), { today });
    if (!result.ok) throw new Error("expected ok");
    expect(result.data.values).toEqual(sampleData().values);
    expect(result.fileName).toBe("bao-cao-cctthc-thang-11-2024.docx");
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ severity: "warning", sheet: "Thông tin chung", cell: "B28" });
  });

  it("refuses a workbook with an error and returns its problems, errors first", () => {
    const s = sample();
    const { sheet, input } = inputOf(layout, "PAKN_TONG");
    setSnapshotCell(s, sheet.name, input.first, "nhiều");
    const result = prepareExport(def, layout, s, { today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("hasErrors");
    expect(result.problems[0]).toMatchObject({ severity: "error", code: "count.text", cell: input.first });
    // the sample's warning is still reported, after the errors
    expect(result.problems[result.problems.length - 1].severity).toBe("warning");
  });

  it("refuses a blank workbook (required fields are errors)", () => {
    const result = prepareExport(def, layout, snapshotFromData(def, layout, emptyData(def)), { today });
    expect(result).toMatchObject({ ok: false, reason: "hasErrors" });
  });

  it("tells a workbook that is not a report workbook apart", () => {
    const result = prepareExport(def, layout, { sheets: [{ name: "Sheet1", cells: { A1: "x" } }], names: {} }, { today });
    expect(result).toMatchObject({ ok: false, reason: "notReportWorkbook" });
  });

  it("passes `today` to the date checks", () => {
    // 2024 is far from 2040: a warning, not an error
    const result = prepareExport(def, layout, sample(), { today: new Date(2040, 0, 1) });
    if (!result.ok) throw new Error("expected ok");
    expect(result.warnings.map((p) => p.code)).toContain("year.far");
  });
});

describe("reportFileName", () => {
  const withPeriod = (THANG: unknown, NAM: unknown) => ({ values: { ...sampleData().values, THANG, NAM } as never });

  it("uses the month (not padded) and the year", () => {
    expect(reportFileName(loadDefinition(), sampleData())).toBe("bao-cao-cctthc-thang-11-2024.docx");
    expect(reportFileName(loadDefinition(), withPeriod(3, 2025))).toBe("bao-cao-cctthc-thang-3-2025.docx");
  });

  it.each([
    [null, 2024, "bao-cao-cctthc-nam-2024.docx"],
    [13, 2024, "bao-cao-cctthc-nam-2024.docx"],
    [2.5, 2024, "bao-cao-cctthc-nam-2024.docx"],
    ["11", 2024, "bao-cao-cctthc-nam-2024.docx"],
    [11, null, "bao-cao-cctthc-thang-11.docx"],
    [11, 24.5, "bao-cao-cctthc-thang-11.docx"],
    [null, null, "bao-cao-cctthc.docx"],
    [undefined, undefined, "bao-cao-cctthc.docx"],
  ])("month %p, year %p → %s", (m, y, name) => {
    expect(reportFileName(loadDefinition(), withPeriod(m, y))).toBe(name);
  });
});
