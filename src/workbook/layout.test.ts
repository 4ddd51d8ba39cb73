import { loadDefinition } from "../report/kinds";
import { buildLayout, inputOf, STYLES } from "./layout";

describe("workbook layout", () => {
  const def = loadDefinition();
  const layout = buildLayout(def);

  it("has one sheet per report section, in order", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual([...def.sheets.map((s) => s.name), "BaoCaoLoai"]);
    expect(layout.sheets.map((s) => !!s.hidden)).toEqual([false, false, false, false, false, true]);
  });

  it("gives every field one input and one workbook-level defined name named after its id", () => {
    expect(layout.names.map((n) => n.name).sort()).toEqual([...def.fields.map((f) => f.id), "BaoCaoLoai.bao_cao_cctthc_thang"].sort());
    expect(layout.names.find((n) => n.name === "PAKN_TONG")).toEqual({ name: "PAKN_TONG", sheet: "I. Kết quả", ref: "$C$12" });
  });

  it("places counts in the figure column with a whole-number validation, unit beside", () => {
    const { sheet, input } = inputOf(layout, "DGTD_TTHC");
    expect(sheet.name).toBe("I. Kết quả");
    expect(input.ref).toBe("C5");
    const cell = (a: string) => sheet.cells.find((c) => c.address === a);
    expect(cell("B5")?.value).toBe("Số TTHC đã đánh giá tác động");
    expect(cell("C5")?.style).toBe("inputNumber");
    expect(cell("D5")?.value).toBe("TTHC");
    expect(sheet.validations.find((v) => v.fieldId === "DGTD_TTHC")).toMatchObject({ ref: "C5", min: 0 });
    expect(STYLES.inputNumber.numFmt).toBe("0");
  });

  it("lays lists out one paragraph per row, with room to add rows", () => {
    const { sheet, input } = inputOf(layout, "DANH_GIA_CHUNG");
    expect(sheet.name).toBe("II. Đánh giá");
    expect(input.rows).toBe(10);
    expect(input.ref).toBe("B5:B14");
    const next = inputOf(layout, "TON_TAI").input;
    expect(next.first).toBe("B17"); // heading row 16 after a blank row 15
  });

  it("keeps labels, inputs and the check column apart on every sheet", () => {
    for (const sheet of layout.sheets.filter((s) => !s.hidden)) {
      const addrs = sheet.cells.map((c) => c.address);
      expect(new Set(addrs).size).toBe(addrs.length);
      for (const input of sheet.inputs) expect(input.first.startsWith(sheet.statusColumn)).toBe(false);
      expect(sheet.cells.find((c) => c.address === "A1")?.style).toBe("title");
    }
  });
});
