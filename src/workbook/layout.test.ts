import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { ReportDefinition } from "../report/types";
import { buildLayout, inputOf, inputValues, STYLES } from "./layout";
import { summaryFormulas, unitSheetLayout } from "./units";

describe("workbook layout", () => {
  const def = loadDefinition();
  const layout = buildLayout(def);

  it("has one sheet per report section, in order", () => {
    expect(layout.sheets.map((s) => s.name)).toEqual([...def.sheets.map((s) => s.name), "Danh sách đơn vị", "BaoCaoLoai"]);
    expect(layout.sheets.map((s) => !!s.hidden)).toEqual([false, false, false, false, false, false, true]);
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

  it("offers the definition's rows (lĩnh vực) in a table's label column: input cells, not texts of the layout", () => {
    const dossiers = loadDefinition("bao-cao-giai-quyet-tthc");
    const { sheet, input } = inputOf(buildLayout(dossiers), "BIEU_06");
    const rows = dossiers.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
    const labels = input.labels!.split(":").map((a) => Number(a.slice(1)));
    const offered = sheet.cells.filter((c) => c.address.startsWith("B") && Number(c.address.slice(1)) >= labels[0] && Number(c.address.slice(1)) <= labels[1]);
    expect(offered.map((c) => c.offered)).toEqual(rows);
    expect(offered.map((c) => c.value)).toEqual(rows.map(() => null));
    expect(offered.every((c) => c.style === "inputText")).toBe(true);
    expect(rows).toContain("Hộ tịch");
    // a unit sheet's table offers the same rows
    const unit = unitSheetLayout(dossiers, "Xã A", "Xã A");
    expect(unit.cells.filter((c) => c.offered).map((c) => c.offered)).toEqual(rows);
  });

  describe("a computed column (sumOf)", () => {
    const dossiers: ReportDefinition = structuredClone(loadDefinition("bao-cao-giai-quyet-tthc"));
    dossiers.fields.find((f) => f.id === "BIEU_06")!.table!.columns[0].sumOf = ["TRUC_TUYEN", "TRUC_TIEP", "TU_KY_TRUOC"];
    const l = buildLayout(dossiers);
    const { sheet } = inputOf(l, "BIEU_06");
    const cell = (s: typeof sheet, a: string) => s.cells.find((c) => c.address === a);

    it("holds the row's sum of its parts in every row, styled computed; the total row keeps its SUM", () => {
      expect(cell(sheet, "C6")).toEqual({ address: "C6", value: null, style: "computed", formula: "=D6+E6+F6" });
      expect(cell(sheet, "C15")).toMatchObject({ style: "computed", formula: "=D15+E15+F15" });
      expect(cell(sheet, "D6")?.style).toBe("inputNumber");
      expect(cell(sheet, "C16")).toMatchObject({ style: "computed", formula: "=SUM(C6:C15)" });
    });

    it("has data validation on the input columns only", () => {
      expect(sheet.validations.map((v) => v.ref)).toEqual(["D6:M15"]);
      const mid: ReportDefinition = structuredClone(dossiers);
      mid.fields.find((f) => f.id === "BIEU_06")!.table!.columns[4].sumOf = ["TRUOC_HAN", "DUNG_HAN", "QUA_HAN"];
      expect(inputOf(buildLayout(mid), "BIEU_06").sheet.validations.map((v) => v.ref)).toEqual(["D6:F15", "H6:M15"]);
    });

    it("is not written over by the sample's figures, and unit sheets compute it too", () => {
      const written = inputValues(dossiers, l, sampleData(dossiers.id))
        .filter((v) => v.sheet === sheet.name)
        .map((v) => v.address);
      expect(written).toContain("D6");
      expect(written.filter((a) => /^C\d+$/.test(a))).toEqual([]);
      const unit = unitSheetLayout(dossiers, "Xã A", "Xã A");
      expect(cell(unit, "C7")).toMatchObject({ style: "computed", formula: "=D7+E7+F7" });
    });

    it("keeps its row formula in a roll-up's summary: no 3-D SUM over the units for it", () => {
      const formulas = summaryFormulas(dossiers, l);
      expect(formulas).toHaveLength(10 * 10);
      expect(formulas.find((f) => f.cell === "C6")).toBeUndefined();
      expect(formulas.find((f) => f.cell === "D6")).toMatchObject({ formula: "=SUM(DonViDau:DonViCuoi!D6)", row: 0, column: 1 });
    });
  });
});
