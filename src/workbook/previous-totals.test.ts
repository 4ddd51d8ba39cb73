import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { PreviousTotals, TableValue } from "../report/types";
import { KIND_SHEET } from "./kind-sheet";
import { previousOfNext } from "./next-period";
import { PREVIOUS_MARKER, previousTotalsCells, previousTotalsOf } from "./previous-totals";
import type { WorkbookSnapshot } from "./snapshot";

/** A workbook whose kind sheet holds the given cells. */
function workbook(cells: { address: string; value: string | number }[]): WorkbookSnapshot {
  return { sheets: [{ name: KIND_SHEET, cells: Object.fromEntries(cells.map((c) => [c.address, c.value])) }], names: {} };
}

const q2: PreviousTotals = {
  period: "quý II năm 2026",
  at: { type: "quy", number: 2, year: 2026 },
  totals: { "BIEU_06.TONG_NHAN": 1200, "BIEU_06.DA_GQ": 1100 },
};
const q1: PreviousTotals = { period: "quý I năm 2026", at: { type: "quy", number: 1, year: 2026 }, totals: { "BIEU_06.TONG_NHAN": 1000 } };
const q4: PreviousTotals = {
  period: "quý IV năm 2025",
  at: { type: "quy", number: 4, year: 2025 },
  totals: { "BIEU_06.TONG_NHAN": 900, "BIEU_06.DA_GQ": 850 },
};

describe("the history of totals on the kind sheet", () => {
  it("keeps one column per period, the previous in E, the references in D", () => {
    const cells = previousTotalsCells({ ...q2, earlier: [q1, q4] });
    const at = Object.fromEntries(cells.map((c) => [c.address, c.value]));
    expect(cells.every((c) => c.sheet === KIND_SHEET)).toBe(true);
    expect(at).toEqual({
      D1: PREVIOUS_MARKER,
      D2: "BIEU_06.TONG_NHAN",
      D3: "BIEU_06.DA_GQ",
      E1: "quý II năm 2026",
      E2: 1200,
      E3: 1100,
      F1: "quý I năm 2026",
      F2: 1000,
      G1: "quý IV năm 2025",
      G2: 900,
      G3: 850,
    });
  });

  it("reads back every period with the period its words name", () => {
    expect(previousTotalsOf(workbook(previousTotalsCells({ ...q2, earlier: [q1, q4] })))).toEqual({ ...q2, earlier: [q1, q4] });
    expect(previousTotalsOf(workbook(previousTotalsCells(q2)))).toEqual(q2);
  });

  it("reads a workbook of before (one period, in E) as before", () => {
    const old = workbook([
      { address: "D1", value: PREVIOUS_MARKER },
      { address: "E1", value: "tháng 11 năm 2024" },
      { address: "D2", value: "PAKN_TONG" },
      { address: "E2", value: 12 },
    ]);
    expect(previousTotalsOf(old)).toEqual({ period: "tháng 11 năm 2024", at: { type: "thang", number: 11, year: 2024 }, totals: { PAKN_TONG: 12 } });
    expect(previousTotalsOf(workbook([{ address: "D1", value: "x" }]))).toBeUndefined();
  });
});

describe("what Kỳ mới keeps of the periods before", () => {
  const def = loadDefinition("bao-cao-giai-quyet-tthc");
  const sample = sampleData(def.id);
  const received = (sample.values.BIEU_06 as TableValue).cells.reduce((s, r) => s + (r[0] ?? 0), 0);

  it("is this period's totals first, then every period the workbook kept", () => {
    const next = previousOfNext(def, { ...sample, previous: { ...q2, earlier: [q1, q4] } }, { type: "quy", number: 3, year: 2026 });
    expect(next.period).toBe("quý III năm 2026");
    expect(next.at).toEqual({ type: "quy", number: 3, year: 2026 });
    expect(next.totals["BIEU_06.TONG_NHAN"]).toBe(received);
    expect(next.earlier).toEqual([q2, q1, q4]);
  });

  it("starts the history with a workbook that has none, and never keeps a period twice", () => {
    expect(previousOfNext(def, sample, { type: "quy", number: 3, year: 2025 }).earlier).toBeUndefined();
    const again = previousOfNext(def, { ...sample, previous: { ...q2, earlier: [q1] } }, { type: "quy", number: 2, year: 2026 });
    expect(again.earlier).toEqual([q1]);
  });
});
