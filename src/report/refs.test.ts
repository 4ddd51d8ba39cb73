import { absolute, cellsOfRange, columnLetter, columnNumber, parseSheetRef, quoteSheet, sheetRef } from "./refs";

describe("A1 references", () => {
  it("converts columns both ways", () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(["A", "Z", "AA", "AZ", "AAA"].map(columnNumber)).toEqual([1, 26, 27, 52, 703]);
  });

  it("lists the cells of a range row by row", () => {
    expect(cellsOfRange("B5:C6")).toEqual(["B5", "C5", "B6", "C6"]);
    expect(cellsOfRange("$C$5")).toEqual(["C5"]);
    expect(absolute("B5:B9")).toBe("$B$5:$B$9");
  });

  it("quotes sheet names as Excel does", () => {
    expect(quoteSheet("Dau")).toBe("Dau");
    expect(quoteSheet("I. Kết quả")).toBe("'I. Kết quả'");
    expect(quoteSheet("Xã O'Brien")).toBe("'Xã O''Brien'");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("2024")).toBe("'2024'");
    expect(sheetRef("Phường Dị Sử", "$C$5")).toBe("'Phường Dị Sử'!$C$5");
  });

  it("parses the references of defined names back", () => {
    expect(parseSheetRef("='I. Kết quả'!$C$5")).toEqual({ sheet: "I. Kết quả", ref: "C5" });
    expect(parseSheetRef("'Xã O''Brien'!$B$5:$B$9")).toEqual({ sheet: "Xã O'Brien", ref: "B5:B9" });
    expect(parseSheetRef("Sheet1!A1")).toEqual({ sheet: "Sheet1", ref: "A1" });
    expect(parseSheetRef("=#REF!")).toBeNull();
    expect(parseSheetRef("='I. Kết quả'!#REF!")).toBeNull();
    expect(parseSheetRef("=5")).toBeNull();
  });
});
