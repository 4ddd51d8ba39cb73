import { argumentCount, parseRollupFormula, parseSpanFormula, rollupFormula, unitSheetName } from "./rollup";

describe("roll-up formulas", () => {
  it("adds one cell across the span between the bookends", () => {
    expect(rollupFormula("C5")).toBe("=SUM(DonViDau:DonViCuoi!C5)");
    expect(parseRollupFormula("=SUM(DonViDau:DonViCuoi!C5)")).toEqual({ from: "DonViDau", to: "DonViCuoi", cell: "C5" });
    expect(parseRollupFormula("SUM(DonViDau:DonViCuoi!$C$12)")).toEqual({ from: "DonViDau", to: "DonViCuoi", cell: "C12" });
    expect(parseRollupFormula("=SUM('Xã A:Xã C'!C5)")).toBeNull();
    expect(parseRollupFormula("=C5+1")).toBeNull();
  });

  it("recognises the roll-up formula in every equivalent spelling", () => {
    const c5 = { from: "DonViDau", to: "DonViCuoi", cell: "C5" };
    const spellings = [
      "=SUM(DonViDau:DonViCuoi!C5)",
      "SUM(DonViDau:DonViCuoi!C5)",
      // LibreOffice writes every 3-D reference as a range, so a single cell as C5:C5
      "=SUM(DonViDau:DonViCuoi!C5:C5)",
      "SUM(DonViDau:DonViCuoi!C5:C5)",
      "=SUM(DonViDau:DonViCuoi!$C$5)",
      "=SUM(DonViDau:DonViCuoi!$C5)",
      "=SUM(DonViDau:DonViCuoi!C$5)",
      "=SUM(DonViDau:DonViCuoi!$C$5:$C$5)",
      "=SUM(DonViDau:DonViCuoi!C5:$C$5)",
      // each name quoted (LibreOffice quotes names one by one), or the whole span (Excel)
      "=SUM('DonViDau':'DonViCuoi'!C5)",
      "=SUM('DonViDau':'DonViCuoi'!C5:C5)",
      "=SUM('DonViDau:DonViCuoi'!C5)",
      "=SUM('DonViDau:DonViCuoi'!$C$5:$C$5)",
      "=SUM(DonViDau:'DonViCuoi'!C5)",
      // letter case, spaces, prefixes
      "=sum(donvidau:DONVICUOI!c5)",
      "=Sum(DonViDau:DonViCuoi!c5:C5)",
      "  = SUM ( DonViDau:DonViCuoi!C5 )  ",
      "=SUM( DonViDau : DonViCuoi ! C5 : C5 )",
      "=_xlfn.SUM(DonViDau:DonViCuoi!C5)",
      "_XLFN.sum('DonViDau:DonViCuoi'!C5)",
    ];
    for (const f of spellings) expect([f, parseRollupFormula(f)]).toEqual([f, c5]);
    // the bookends in the other order add the same sheets
    expect(parseRollupFormula("=SUM(DonViCuoi:DonViDau!C5)")).toEqual({ from: "DonViCuoi", to: "DonViDau", cell: "C5" });
  });

  it("does not take other formulas for a roll-up", () => {
    const others = [
      "=SUM(DonViDau:DonViCuoi!C5:C6)", // a range, not a cell
      "=SUM(DonViDau:DonViCuoi!C5:D5)",
      "=SUM(DonViDau:DonViCuoi!C5:C)",
      "=SUM(DonViDau!C5)", // one sheet
      "=SUM(DonViDau:DonViDau!C5)",
      "=SUM(DonViDau:DonViCuoi!C5)+1",
      "=SUM(DonViDau:DonViCuoi!C5,1)",
      "=SUM(DonViDau:DonViCuoi!C5",
      "=SUMIF(DonViDau:DonViCuoi!C5)",
      "=SUM(DonViDau:DonViCuoi!C5)*0",
      "=SUM('Xã A:Xã C'!C5)", // a span between other sheets is a user's formula
      "=SUM('Xã A':'Xã C'!C5)",
      "=SUM(DonViDau:'Xã C'!C5)",
      "=SUM('DonViDau:DonViCuoi:X'!C5)",
      "=SUM(DonViDau:DonViCuoi!5)",
      "=C5+1",
      "",
    ];
    for (const f of others) expect([f, parseRollupFormula(f)]).toEqual([f, null]);
  });

  it("parses any span, quoted names with apostrophes included", () => {
    expect(parseSpanFormula("=SUM('Xã A:Xã O''Brien'!C5)")).toEqual({ from: "Xã A", to: "Xã O'Brien", cell: "C5" });
    expect(parseSpanFormula("=SUM('Xã A':'Xã O''Brien'!$C$5:$C$5)")).toEqual({ from: "Xã A", to: "Xã O'Brien", cell: "C5" });
    expect(parseSpanFormula("=SUM(Sheet1:Sheet3!AB120)")).toEqual({ from: "Sheet1", to: "Sheet3", cell: "AB120" });
    expect(parseSpanFormula("=SUM('Xã A'!C5)")).toBeNull();
    expect(parseSpanFormula("=SUM('':'Xã A'!C5)")).toBeNull();
  });

  it("counts a formula's arguments outside quotes and nested calls", () => {
    expect(argumentCount("=SUM(DonViDau:DonViCuoi!C5)")).toBe(1);
    expect(argumentCount("=SUM('Xã A, B'!C5,'Xã C'!C5,MAX(1,2))")).toBe(3);
  });
});

describe("unit sheet names", () => {
  it("keeps a valid name as it is, with diacritics, spaces and apostrophes", () => {
    expect(unitSheetName("Phường Bần Yên Nhân", [])).toEqual({ ok: true, name: "Phường Bần Yên Nhân", changed: false });
    expect(unitSheetName("Xã O'Brien", [])).toEqual({ ok: true, name: "Xã O'Brien", changed: false });
  });

  it("removes forbidden characters and outer apostrophes", () => {
    expect(unitSheetName("Xã A/B: [mới]?", [])).toMatchObject({ ok: true, name: "Xã A B mới", changed: true });
    expect(unitSheetName("'Xã Cẩm Xá'", [])).toMatchObject({ ok: true, name: "Xã Cẩm Xá" });
  });

  it("shortens to 31 characters at a word boundary", () => {
    const r = unitSheetName("Thị trấn Nông trường Mộc Châu thuộc huyện Mộc Châu", []);
    expect(r).toMatchObject({ ok: true, changed: true });
    if (r.ok) {
      expect(r.name.length).toBeLessThanOrEqual(31);
      expect(r.name).toBe("Thị trấn Nông trường Mộc Châu");
    }
  });

  it("makes the name unique ignoring case", () => {
    expect(unitSheetName("Xã Hòa Phong", ["xã hòa phong"])).toMatchObject({ ok: true, name: "Xã Hòa Phong (2)" });
    expect(unitSheetName("Xã Hòa Phong", ["Xã Hòa Phong", "Xã Hòa Phong (2)"])).toMatchObject({ ok: true, name: "Xã Hòa Phong (3)" });
    const long = "Phường Phùng Chí Kiên thị xã Mỹ Hào";
    const first = unitSheetName(long, []);
    const second = unitSheetName(long, [first.ok ? first.name : ""]);
    expect(second.ok && second.name.length <= 31 && second.name.endsWith(" (2)")).toBe(true);
  });

  it("refuses a name with nothing usable, or a reserved name", () => {
    expect(unitSheetName(" /:? ", [])).toMatchObject({ ok: false });
    expect(unitSheetName("DonViDau", [])).toMatchObject({ ok: false });
    expect(unitSheetName("History", [])).toMatchObject({ ok: false });
  });
});
