import { findRow, isOtherRow, mergeRowLists, rowLabelKey } from "./row-labels";

describe("rowLabelKey", () => {
  it("matches the ways offices write one lĩnh vực", () => {
    const key = rowLabelKey("Hộ tịch");
    expect(key).toBe("hộ tịch");
    expect(rowLabelKey("Lĩnh vực hộ tịch")).toBe(key);
    expect(rowLabelKey("  HỘ   TỊCH ")).toBe(key);
    expect(rowLabelKey("Ho\u0323\u0302 ti\u0323ch")).toBe(key); // decomposed, as pasted from some web pages
    expect(rowLabelKey("LĨNH VỰC Hộ tịch.")).toBe(key);
    expect(rowLabelKey("Thi đua – khen thưởng")).toBe(rowLabelKey("Thi đua-khen thưởng"));
  });
  it("keeps labels that differ apart, and a lone 'Lĩnh vực' as it is", () => {
    expect(rowLabelKey("Hộ tịch")).not.toBe(rowLabelKey("Chứng thực"));
    expect(rowLabelKey("Lĩnh vực")).toBe("lĩnh vực");
    expect(rowLabelKey("   ")).toBe("");
  });
});

describe("isOtherRow / findRow", () => {
  it("knows the 'Lĩnh vực khác' row however written", () => {
    expect(isOtherRow("Lĩnh vực khác")).toBe(true);
    expect(isOtherRow("Khác")).toBe(true);
    expect(isOtherRow("Các lĩnh vực khác")).toBe(true);
    expect(isOtherRow("Hộ tịch")).toBe(false);
  });
  it("finds a row by its label", () => {
    const rows = ["Chứng thực", "Hộ tịch", "Lĩnh vực khác"];
    expect(findRow(rows, "lĩnh vực Hộ Tịch")).toBe(1);
    expect(findRow(rows, "Đất đai")).toBe(-1);
    expect(findRow(rows, "")).toBe(-1);
  });
});

describe("mergeRowLists", () => {
  it("adds unknown labels before 'Lĩnh vực khác' in the order first seen, keeping the base's wording", () => {
    const base = ["Chứng thực", "Hộ tịch", "Lĩnh vực khác"];
    const merged = mergeRowLists(base, ["Lĩnh vực hộ tịch", "Nông nghiệp", "Chứng thực"], ["Tư pháp", "nông  nghiệp", ""]);
    expect(merged.rows).toEqual(["Chứng thực", "Hộ tịch", "Nông nghiệp", "Tư pháp", "Lĩnh vực khác"]);
    expect(merged.added).toEqual(["Nông nghiệp", "Tư pháp"]);
    expect(base).toEqual(["Chứng thực", "Hộ tịch", "Lĩnh vực khác"]);
  });
  it("appends at the end when there is no 'Lĩnh vực khác' row", () => {
    expect(mergeRowLists(["A"], ["B"]).rows).toEqual(["A", "B"]);
  });
});
