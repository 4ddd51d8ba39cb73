import { Rect } from "./address";
import { CellValue, FormulaEnv, evaluateFormula, mapReferences, referencesOf, singleReference, tokenize } from "./formula";

/** A tiny environment: sheets in order, each a map "C5" → value (formulas are not evaluated here). */
function env(sheets: Array<[string, Record<string, CellValue>]>, names: Record<string, string> = {}): FormulaEnv {
  const data = new Map(sheets.map(([n, cells]) => [n, cells]));
  const rc = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
    return { col: m[1].charCodeAt(0) - 65, row: Number(m[2]) - 1 };
  };
  return {
    sheetNames: () => sheets.map(([n]) => n),
    cellValue(sheet, row, col) {
      const cells = data.get(sheet)!;
      for (const [a1, v] of Object.entries(cells)) {
        const p = rc(a1);
        if (p.row === row && p.col === col) return v;
      }
      return null;
    },
    *cellValues(sheet: string, rect: Rect) {
      for (const [a1, v] of Object.entries(data.get(sheet)!)) {
        const p = rc(a1);
        if (p.row >= rect.r1 && p.row <= rect.r2 && p.col >= rect.c1 && p.col <= rect.c2) yield v;
      }
    },
    definedName: (n) => names[n.toUpperCase()],
  };
}

describe("formula evaluation", () => {
  const units = env([
    ["Tổng hợp", { C5: null }],
    ["Dau", {}],
    ["Xã O'Brien", { C5: 4, C6: 6 }],
    ["Xã Minh Đức", { C5: 10, C6: "ghi chú", C7: true }],
    ["Phường Bần Yên Nhân", { C5: 7 }],
    ["Cuoi", {}],
    ["Sau", { C5: 1000 }],
  ]);

  it("adds numbers and respects precedence", () => {
    expect(evaluateFormula("=1+2*3", "Tổng hợp", units)).toBe(7);
    expect(evaluateFormula("=(1+2)*3", "Tổng hợp", units)).toBe(9);
    expect(evaluateFormula("=-2^2", "Tổng hợp", units)).toBe(4);
    expect(evaluateFormula("=50%", "Tổng hợp", units)).toBe(0.5);
    expect(evaluateFormula("=1/0", "Tổng hợp", units)).toEqual({ error: "#DIV/0!" });
  });

  it("sums quoted sheet names with diacritics, spaces and a doubled apostrophe", () => {
    expect(evaluateFormula("='Xã O''Brien'!C5+'Xã Minh Đức'!C5", "Tổng hợp", units)).toBe(14);
    expect(evaluateFormula("=SUM('Xã O''Brien'!C5:C6, 'Phường Bần Yên Nhân'!C5)", "Tổng hợp", units)).toBe(17);
  });

  it("SUM ignores text and logical values inside references, counts direct arguments", () => {
    expect(evaluateFormula("=SUM('Xã Minh Đức'!C5:C7)", "Tổng hợp", units)).toBe(10);
    expect(evaluateFormula('=SUM(1, TRUE, "2")', "Tổng hợp", units)).toBe(4);
    expect(evaluateFormula('=SUM("abc")', "Tổng hợp", units)).toEqual({ error: "#VALUE!" });
  });

  it("evaluates an unquoted 3-D span between sheets by position, in either order", () => {
    // Dau .. Cuoi holds O'Brien (4), Minh Đức (10), Bần Yên Nhân (7); "Sau" is outside the span
    expect(evaluateFormula("=SUM(Dau:Cuoi!C5)", "Tổng hợp", units)).toBe(21);
    expect(evaluateFormula("=SUM(Cuoi:Dau!C5)", "Tổng hợp", units)).toBe(21);
    // O'Brien 4+6, Minh Đức 10 (its text in C6 is ignored), Bần Yên Nhân 7
    expect(evaluateFormula("=SUM('Dau:Cuoi'!C5:C6)", "Tổng hợp", units)).toBe(27);
  });

  it("gives #REF! for a missing sheet and #NAME? for what it cannot evaluate", () => {
    expect(evaluateFormula("='Xã Không Có'!C5+1", "Tổng hợp", units)).toEqual({ error: "#REF!" });
    expect(evaluateFormula("=SUM(Dau:KhongCo!C5)", "Tổng hợp", units)).toEqual({ error: "#REF!" });
    expect(evaluateFormula("=#REF!C5", "Tổng hợp", units)).toEqual({ error: "#REF!" });
    expect(evaluateFormula("=VLOOKUP(1, A1:B2, 2)", "Tổng hợp", units)).toEqual({ error: "#NAME?" });
    expect(evaluateFormula('="a"&"b"', "Tổng hợp", units)).toEqual({ error: "#NAME?" });
    expect(evaluateFormula("=KHONG_CO_TEN", "Tổng hợp", units)).toEqual({ error: "#NAME?" });
    expect(evaluateFormula("=SUM(1,", "Tổng hợp", units)).toEqual({ error: "#NAME?" });
  });

  it("reads references on the formula's own sheet, empty as 0, text as #VALUE! in arithmetic", () => {
    expect(evaluateFormula("=C5", "Xã O'Brien", units)).toBe(4);
    expect(evaluateFormula("=C5", "Tổng hợp", units)).toBe(0);
    expect(evaluateFormula("=C6", "Xã Minh Đức", units)).toBe("ghi chú");
    expect(evaluateFormula("=C6+1", "Xã Minh Đức", units)).toEqual({ error: "#VALUE!" });
    expect(evaluateFormula("=C5:C6", "Xã O'Brien", units)).toEqual({ error: "#VALUE!" });
  });

  it("resolves workbook-level defined names", () => {
    const withNames = env(
      [
        ["A", { C5: 3 }],
        ["B", { C5: 4 }],
      ],
      { TONG: "=A!$C$5+B!$C$5", O: "=A!$C$5" },
    );
    expect(evaluateFormula("=TONG*2", "A", withNames)).toBe(14);
    expect(evaluateFormula("=SUM(O, 1)", "B", withNames)).toBe(4);
  });
});

describe("formula tokens and references", () => {
  it("recognises sheet-qualified, 3-D, column and row references", () => {
    const refs = referencesOf("=SUM('Xã O''Brien'!C5:C9, Dau:Cuoi!$C$5, A:A, 5:7, Sheet1!B2)");
    expect(refs.map((r) => [r.sheet, r.sheet2 ?? null, r.area?.kind])).toEqual([
      ["Xã O'Brien", null, "range"],
      ["Dau", "Cuoi", "cell"],
      [null, null, "columns"],
      [null, null, "rows"],
      ["Sheet1", null, "cell"],
    ]);
  });

  it("keeps the text of everything it does not rewrite", () => {
    const f = "=SUM( 'Xã A'!C5 , 2 )+C7";
    expect(
      tokenize(f)
        .map((t) => t.text)
        .join(""),
    ).toBe(f.slice(1));
    const shifted = mapReferences(f, (r) => (r.sheet === null && r.area ? { ...r, area: { ...r.area, r1: 9, r2: 9 } } : undefined));
    expect(shifted).toBe("=SUM( 'Xã A'!C5 , 2 )+C10");
  });

  it("quotes a renamed sheet when the new name needs it, and a 3-D span once", () => {
    expect(mapReferences("=Dau!C5", (r) => ({ ...r, sheet: "Xã O'Brien" }))).toBe("='Xã O''Brien'!C5");
    expect(mapReferences("=SUM(Dau:Cuoi!C5)", (r) => ({ ...r, sheet: "Xã A" }))).toBe("=SUM('Xã A:Cuoi'!C5)");
    expect(mapReferences("='Xã A'!$C$5", (r) => ({ ...r, area: null }))).toBe("='Xã A'!#REF!");
  });

  it("singleReference finds a name's one range", () => {
    expect(singleReference("='I. Kết quả'!$C$5:$C$9")).toMatchObject({ sheet: "I. Kết quả", area: { r1: 4, c1: 2, r2: 8, c2: 2 } });
    expect(singleReference("='I. Kết quả'!$C$5+1")).toBeNull();
  });
});
