import { emptyData } from "../report/definition";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { snapshotFromData } from "../workbook/data-snapshot";
import { buildLayout, inputOf } from "../workbook/layout";
import { cellAddress, parseCell } from "../report/refs";
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";
import { setSnapshotCell, type SheetSnapshot, type WorkbookSnapshot } from "../workbook/snapshot";
import { summaryFormulas, unitSheetLayout } from "../workbook/units";
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

describe("prepareExport of a summary whose unit sheet has moved rows", () => {
  /** A unit sheet with every figure `figure`, `inserted` rows inserted at `at`. */
  function unit(name: string, figure: number, at: number, inserted: number): SheetSnapshot {
    const l = unitSheetLayout(def, name, name);
    const cells: SheetSnapshot["cells"] = {};
    for (const c of l.cells) if (c.value !== null) cells[c.address] = c.value;
    for (const i of l.inputs) cells[i.first] = figure;
    const moved: SheetSnapshot["cells"] = {};
    for (const [a, v] of Object.entries(cells)) {
      const p = parseCell(a);
      moved[p.row < at ? a : cellAddress({ row: p.row + inserted, col: p.col })] = v;
    }
    return { name, cells: moved };
  }
  function summary(units: SheetSnapshot[]): WorkbookSnapshot {
    const s = sample();
    for (const f of summaryFormulas(def, layout)) {
      const sheet = s.sheets.find((x) => x.name === f.sheet)!;
      sheet.formulas = { ...sheet.formulas, [f.cell]: f.formula };
      delete sheet.cells[f.cell];
    }
    s.sheets.push({ name: BOOKEND_START, cells: {} }, ...units, { name: BOOKEND_END, cells: {} });
    return s;
  }

  it("is accepted with every unit in place", () => {
    expect(prepareExport(def, layout, summary([unit("Xã A", 0, 1, 0), unit("Xã B", 0, 1, 0)]), { today })).toMatchObject({ ok: true });
  });

  it("is refused while a unit sheet is shifted, even when every total is still right (all figures 0)", () => {
    const result = prepareExport(def, layout, summary([unit("Xã A", 0, 1, 0), unit("Xã B", 0, 1, 2)]), { today });
    expect(result).toMatchObject({ ok: false, reason: "hasErrors" });
    if (result.ok) return;
    expect(result.problems.filter((p) => p.severity === "error").map((p) => [p.sheet, p.cell, p.code])).toEqual([["Xã B", "A1", "units.shifted"]]);
  });

  it("is refused with the summary cells the shift makes wrong named by the cross-check", () => {
    const result = prepareExport(def, layout, summary([unit("Xã A", 0, 1, 0), unit("Xã B", 1, 5, 1)]), { today });
    if (result.ok) throw new Error("expected a refusal");
    const errors = result.problems.filter((p) => p.severity === "error");
    expect(errors.filter((p) => p.code === "units.shifted").map((p) => [p.sheet, p.cell])).toEqual([["Xã B", "A5"]]);
    expect(errors.filter((p) => p.code === "units.crossCheck").length).toBeGreaterThan(0);
    expect(errors.find((p) => p.code === "units.crossCheck")!.message).toContain('trang "Xã B" ô đó là');
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
    // the years and months the checks accept (WHOLE_RANGES), not a range of its own
    [11, 2000, "bao-cao-cctthc-thang-11-2000.docx"],
    [11, 2100, "bao-cao-cctthc-thang-11-2100.docx"],
    [11, 1999, "bao-cao-cctthc-thang-11.docx"],
    [11, 2101, "bao-cao-cctthc-thang-11.docx"],
    [0, 2024, "bao-cao-cctthc-nam-2024.docx"],
    [null, null, "bao-cao-cctthc.docx"],
    [undefined, undefined, "bao-cao-cctthc.docx"],
  ])("month %p, year %p → %s", (m, y, name) => {
    expect(reportFileName(loadDefinition(), withPeriod(m, y))).toBe(name);
  });
});
