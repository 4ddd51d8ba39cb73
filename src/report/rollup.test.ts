import { argumentCount, parseRollupFormula, rollupFormula, unitSheetName } from "./rollup";

describe("roll-up formulas", () => {
  it("adds one cell across the span between the bookends", () => {
    expect(rollupFormula("C5")).toBe("=SUM(DonViDau:DonViCuoi!C5)");
    expect(parseRollupFormula("=SUM(DonViDau:DonViCuoi!C5)")).toEqual({ from: "DonViDau", to: "DonViCuoi", cell: "C5" });
    expect(parseRollupFormula("SUM(DonViDau:DonViCuoi!$C$12)")).toEqual({ from: "DonViDau", to: "DonViCuoi", cell: "C12" });
    expect(parseRollupFormula("=SUM('Xã A:Xã C'!C5)")).toBeNull();
    expect(parseRollupFormula("=C5+1")).toBeNull();
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
