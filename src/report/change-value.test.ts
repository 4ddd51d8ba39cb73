/** The `change` computed value ("tăng 12,5% so với kỳ trước") and the `carryOver` of a definition, checked. */
import { definitionIssues } from "./definition";
import { loadDefinition } from "./kinds";
import type { ReportDefinition } from "./types";
import { changeWords, computedText } from "./values";

const DOSSIERS = "bao-cao-giai-quyet-tthc";

describe("changeWords", () => {
  it.each([
    [80, 90, "tăng 12,5%"],
    [100, 97, "giảm 3,0%"],
    [7, 7, "không đổi"],
    [0, 0, "không đổi"],
    [3, 0, "giảm 100,0%"],
    [1000, 13456, "tăng 1.245,6%"],
  ])("%d → %d: %s", (before, now, words) => {
    expect(changeWords(before, now)).toBe(words);
  });
  it("has no words for a rise from 0", () => expect(changeWords(0, 5)).toBeNull());
});

describe("a change value", () => {
  const def = loadDefinition("bao-cao-cctthc-thang");
  const data = (now: number | null, previous?: Record<string, number>) => ({
    values: { PAKN_TONG: now },
    ...(previous ? { previous: { period: "tháng 10 năm 2024", totals: previous } } : {}),
  });
  it("is blank (or whenNoPrevious) without a previous period, or from a previous 0", () => {
    expect(computedText(def, data(5), { change: "PAKN_TONG" })).toBe("");
    expect(computedText(def, data(5), { change: "PAKN_TONG", whenNoPrevious: "chưa có số liệu kỳ trước" })).toBe("chưa có số liệu kỳ trước");
    expect(computedText(def, data(5, { PAKN_TONG: 0 }), { change: "PAKN_TONG" })).toBe("");
  });
  it("fills its text", () => {
    expect(computedText(def, data(9, { PAKN_TONG: 8 }), { change: "PAKN_TONG" })).toBe("tăng 12,5% so với kỳ trước");
    expect(computedText(def, data(8, { PAKN_TONG: 8 }), { change: "PAKN_TONG", text: " ({change})" })).toBe(" (không đổi)");
    expect(computedText(def, data(null, { PAKN_TONG: 8 }), { change: "PAKN_TONG" })).toBe("… so với kỳ trước");
  });
});

describe("a compare value (the previous period and the same period of last year)", () => {
  const def = loadDefinition(DOSSIERS);
  const value = def.document.values!.soSanhTongNhan;
  const total = (n: number) => ({ rows: ["Hộ tịch"], cells: [[n, n, 0, 0, n, n, 0, 0, 0, 0, 0]] });
  const kept = (words: string, type: "quy" | "nam", number: number, year: number, received: number) => ({
    period: words,
    at: { type, number, year },
    totals: { "BIEU_06.TONG_NHAN": received },
  });
  const data = (period: string, year: number, received: number, history: ReturnType<typeof kept>[]) => ({
    values: { KY_BAO_CAO: period, NAM: year, BIEU_06: total(received) },
    ...(history.length ? { previous: { ...history[0], ...(history.length > 1 ? { earlier: history.slice(1) } : {}) } } : {}),
  });
  const q2 = kept("quý II năm 2026", "quy", 2, 2026, 1200);
  const q1 = kept("quý I năm 2026", "quy", 1, 2026, 1000);
  const q4 = kept("quý IV năm 2025", "quy", 4, 2025, 900);
  const q3 = kept("quý III năm 2025", "quy", 3, 2025, 1100);

  it("says both, with one decimal and a decimal comma, when both periods are kept", () => {
    expect(computedText(def, data("Quý III", 2026, 1320, [q2, q1, q4, q3]), value)).toBe(" (tăng 10,0% so với kỳ trước; tăng 20,0% so với cùng kỳ năm 2025)");
    expect(computedText(def, data("Quý III", 2026, 1045, [q2, q1, q4, q3]), value)).toBe(" (giảm 12,9% so với kỳ trước; giảm 5,0% so với cùng kỳ năm 2025)");
  });
  it("says only what the history has", () => {
    expect(computedText(def, data("Quý III", 2026, 1320, [q2, q1]), value)).toBe(" (tăng 10,0% so với kỳ trước)");
    expect(computedText(def, data("Quý III", 2026, 1320, []), value)).toBe("");
    // the same period of last year with a 0 is not compared; the previous still is
    expect(computedText(def, data("Quý III", 2026, 1320, [q2, { ...q3, totals: { "BIEU_06.TONG_NHAN": 0 } }]), value)).toBe(" (tăng 10,0% so với kỳ trước)");
    // a quý III of two years ago is not last year's
    expect(computedText(def, data("Quý III", 2027, 1320, [q2, q3]), value)).toBe(" (tăng 10,0% so với kỳ trước)");
  });
  it("does not say the previous year twice in a yearly report", () => {
    const y = kept("năm 2025", "nam", 1, 2025, 1000);
    expect(computedText(def, data("Năm", 2026, 1100, [y]), value)).toBe(" (tăng 10,0% so với kỳ trước)");
  });
});

describe("checks of carryOver and change", () => {
  const base = loadDefinition(DOSSIERS);
  const issues = (patch: Partial<ReportDefinition>) => definitionIssues({ ...base, ...patch }).map((i) => `${i.path}: ${i.message}`);
  it("accepts the built-in kind", () => expect(definitionIssues(base)).toEqual([]));
  it("names an unknown table, column or count field, and a carry-over onto itself", () => {
    expect(issues({ carryOver: [{ table: "BIEU_07", from: "DANG_GQ", to: "TU_KY_TRUOC" }] })).toEqual([
      '/carryOver/0/table: trỏ tới trường "BIEU_07" không có trong "fields".',
    ]);
    expect(issues({ carryOver: [{ table: "BIEU_06", from: "DANG", to: "TU_KY_TRUOC" }] })).toEqual(['/carryOver/0/from: bảng "BIEU_06" không có cột "DANG".']);
    expect(issues({ carryOver: [{ from: "NGUOI_KY", to: "SO" }] })).toHaveLength(2);
    expect(issues({ carryOver: [{ table: "BIEU_06", from: "DANG_GQ", to: "DANG_GQ" }] })[0]).toContain("trùng nhau");
  });
  it("names a change of an unknown figure and a text without {change}", () => {
    const document = { ...base.document, values: { ...base.document.values, x: { change: "BIEU_06.KHONG_CO", text: "so với kỳ trước" } } };
    expect(issues({ document })).toEqual([
      '/document/values/x/change: bảng "BIEU_06" không có cột "KHONG_CO".',
      '/document/values/x/text: câu so sánh cần có "{change}" (chỗ điền "tăng 12,5%", "giảm 3,0%", "không đổi").',
    ]);
  });
});
