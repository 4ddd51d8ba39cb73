import {
  columnIndex,
  columnLetters,
  definedNameProblem,
  formatRect,
  parseArea,
  parseRect,
  quoteSheetName,
  sheetNameProblem,
  sheetPrefix,
  subtractRect,
} from "./address";
import { formatValue, normalizeColor, parseInput } from "./values";

describe("A1 addresses", () => {
  it("converts columns both ways up to XFD", () => {
    expect([columnLetters(0), columnLetters(25), columnLetters(26), columnLetters(16383)]).toEqual(["A", "Z", "AA", "XFD"]);
    expect([columnIndex("a"), columnIndex("AA"), columnIndex("XFD"), columnIndex("XFE")]).toEqual([0, 26, 16383, -1]);
  });

  it("parses cells, ranges, whole columns and rows, and orders corners", () => {
    expect(parseRect("C5")).toEqual({ r1: 4, c1: 2, r2: 4, c2: 2 });
    expect(parseRect("$D$9:C5")).toEqual({ r1: 4, c1: 2, r2: 8, c2: 3 });
    expect(parseArea("$C$5:$C$9")).toMatchObject({ kind: "range", absR1: true, absC2: true });
    expect(formatRect(parseRect("B:C")!)).toBe("B:C");
    expect(formatRect(parseRect("5:7")!)).toBe("5:7");
    expect(formatRect(parseRect("C5:C9")!, true)).toBe("$C$5:$C$9");
    for (const bad of ["", "A0", "XFE1", "A1048577", "A1:B2:C3", "C5:", "Sheet1"]) expect([bad, parseRect(bad)]).toEqual([bad, null]);
  });

  it("quotes sheet names the way Excel writes references", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Tổng_hợp")).toBe("Tổng_hợp");
    expect(quoteSheetName("I. Kết quả")).toBe("'I. Kết quả'");
    expect(quoteSheetName("Xã O'Brien")).toBe("'Xã O''Brien'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("Q1")).toBe("'Q1'");
    expect(quoteSheetName("R1C1")).toBe("'R1C1'");
    expect(quoteSheetName("Quy-1")).toBe("'Quy-1'");
    expect(sheetPrefix("Dau", "Cuoi")).toBe("Dau:Cuoi!");
    expect(sheetPrefix("Xã A", "Xã C")).toBe("'Xã A:Xã C'!");
  });

  it("knows Excel's sheet-name and defined-name rules", () => {
    expect(sheetNameProblem("I. Kết quả")).toBeNull();
    expect(sheetNameProblem("x".repeat(31))).toBeNull();
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    expect(sheetNameProblem("a/b")).toMatch(/cannot contain/);
    expect(sheetNameProblem("'a")).toMatch(/apostrophe/);
    expect(sheetNameProblem("HISTORY")).toMatch(/reserved/);
    expect(definedNameProblem("PAKN_TONG")).toBeNull();
    expect(definedNameProblem("Số_liệu.2024")).toBeNull();
    expect(definedNameProblem("TN1")).toMatch(/cell reference/);
    expect(definedNameProblem("R")).toMatch(/cell reference/);
    expect(definedNameProblem("2024")).toMatch(/starts with/);
    expect(definedNameProblem("A B")).toMatch(/starts with/);
  });

  it("subtracts rectangles into at most four pieces", () => {
    const pieces = subtractRect({ r1: 0, c1: 0, r2: 9, c2: 9 }, { r1: 4, c1: 4, r2: 5, c2: 5 });
    expect(pieces).toHaveLength(4);
    expect(pieces.reduce((n, r) => n + (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1), 0)).toBe(96);
    expect(subtractRect({ r1: 0, c1: 0, r2: 1, c2: 1 }, { r1: 5, c1: 5, r2: 6, c2: 6 })).toEqual([{ r1: 0, c1: 0, r2: 1, c2: 1 }]);
  });
});

describe("cell input, number formats and colours", () => {
  it("reads input like Excel", () => {
    expect(parseInput("12.5", "General")).toEqual({ kind: "value", value: 12.5 });
    expect(parseInput("12.5", "@")).toEqual({ kind: "value", value: "12.5" });
    expect(parseInput("5%", "General")).toEqual({ kind: "value", value: 0.05 });
    expect(parseInput("=A1", "General")).toEqual({ kind: "formula", formula: "=A1" });
    expect(parseInput("=", "General")).toEqual({ kind: "value", value: "=" });
    expect(parseInput(null, "General")).toEqual({ kind: "unchanged" });
    expect(parseInput({}, "General")).toEqual({ kind: "invalid" });
    expect(parseInput(Number.NaN, "General")).toEqual({ kind: "invalid" });
  });

  it("formats numbers with General and simple patterns", () => {
    expect(formatValue(0.1 + 0.2, "General")).toBe("0.3");
    expect(formatValue(1 / 3, "General")).toBe("0.333333333");
    expect(formatValue(123456789012, "General")).toBe("1.23457E+11");
    expect(formatValue(1234.5, "#,##0.00")).toBe("1,234.50");
    expect(formatValue(-5, "0;(0)")).toBe("(5)");
    expect(formatValue(7, '0 "TTHC"')).toBe("7 TTHC");
    expect(formatValue(true, "General")).toBe("TRUE");
    expect(formatValue({ error: "#REF!" }, "0")).toBe("#REF!");
    expect(formatValue(null, "0")).toBe("");
  });

  it("accepts #RRGGBB and HTML colour names only", () => {
    expect(normalizeColor("#ffeb9c")).toBe("#FFEB9C");
    expect(normalizeColor("LightGray")).toBe("#D3D3D3");
    expect(normalizeColor("#fff")).toBeNull();
    expect(normalizeColor("không màu")).toBeNull();
  });
});
