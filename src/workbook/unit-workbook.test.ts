import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { sheetRef } from "../report/refs";
import { argumentCount, BOOKEND_END, BOOKEND_START, EXCEL_FORMULA_MAX_CHARS, EXCEL_FUNCTION_MAX_ARGS, UNIT_MARKER } from "../report/rollup";
import type { ReportDefinition } from "../report/types";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout, inputOf } from "./layout";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import {
  checkAnyWorkbook,
  cleanUnitName,
  definitionFitting,
  planRollup,
  rolledUpWorkbook,
  unitFiguresOf,
  unitKey,
  unitWorkbookLayout,
  type RollupSource,
  type UnitFigures,
} from "./unit-workbook";
import { rollupFields, unitSheetLayout } from "./units";

const def = loadDefinition();
const layout = buildLayout(def);
const STANDARD = layout.sheets.map((s) => s.name);
const zeros = () => Object.fromEntries(rollupFields(def).map((f) => [f.id, 0]));

/** The snapshot of a unit workbook made by unitWorkbookLayout, with figures. */
function unitWorkbook(unitName: string, figures: Record<string, number | string> = {}): WorkbookSnapshot {
  const planned = unitWorkbookLayout(def, unitName);
  if (!planned.ok) throw new Error(planned.message);
  const sheet = planned.layout.sheets[0];
  const cells: SheetSnapshot["cells"] = {};
  for (const c of sheet.cells) if (c.value !== null) cells[c.address] = c.value;
  for (const i of sheet.inputs) if (i.fieldId in figures) cells[i.first] = figures[i.fieldId];
  return { sheets: [{ name: sheet.name, cells }], names: Object.fromEntries(planned.layout.names.map((n) => [n.name, sheetRef(n.sheet, n.ref)])) };
}
const figuresOf = (unitName: string, values: Record<string, number>): UnitFigures => ({ sheet: unitName, unitName, values });

describe("a unit workbook's layout", () => {
  it("is one unit sheet whose inputs carry the summary cells' defined names, on the same cells", () => {
    const planned = unitWorkbookLayout(def, "  Xã   Hòa Phong ");
    if (!planned.ok) throw new Error(planned.message);
    expect(planned.sheet).toBe("Xã Hòa Phong");
    expect(planned.unitName).toBe("Xã Hòa Phong");
    expect(planned.layout.sheets.map((s) => s.name)).toEqual(["Xã Hòa Phong", "BaoCaoLoai"]); // and the hidden sheet of its kind
    expect(planned.layout.sheets[1].hidden).toBe(true);
    const sheet = planned.layout.sheets[0];
    expect(sheet.cells.find((c) => c.address === "F1")?.value).toBe(UNIT_MARKER);
    expect(sheet.cells.find((c) => c.address === "F2")?.value).toBe("Xã Hòa Phong");
    expect(planned.layout.names.map((n) => n.name)).toEqual([...rollupFields(def).map((f) => f.id), "BaoCaoLoai.bao_cao_cctthc_thang"]);
    for (const n of planned.layout.names.filter((x) => x.sheet !== "BaoCaoLoai")) {
      expect(n.sheet).toBe("Xã Hòa Phong");
      expect(n.ref).toBe(layout.names.find((x) => x.name === n.name)!.ref); // e.g. DGTD_TTHC → $C$5 in both
    }
    expect(sheetRef("Xã Hòa Phong", planned.layout.names[0].ref)).toBe("'Xã Hòa Phong'!$C$5");
  });

  it("of the dossier kind has the definition's lĩnh vực in its table's label column (template --unit writes them)", () => {
    const ddef = loadDefinition("bao-cao-giai-quyet-tthc");
    const planned = unitWorkbookLayout(ddef, "Xã Hòa Phong");
    if (!planned.ok) throw new Error(planned.message);
    const rows = ddef.fields.find((f) => f.id === "BIEU_06")!.table!.rows;
    const cells = planned.layout.sheets[0].cells;
    expect(rows.map((_, r) => cells.find((c) => c.address === `B${6 + r}`)?.value)).toEqual(rows);
    expect(cells.find((c) => c.address === `B${6 + rows.length}`)?.value).toBe("Tổng cộng");
  });

  it("follows Excel's sheet-name rules: a long name is cut, an impossible one refused", () => {
    const long = unitWorkbookLayout(def, "Phường Phùng Chí Kiên thuộc thị xã Mỹ Hào tỉnh Hưng Yên");
    expect(long).toMatchObject({ ok: true, renamed: true, unitName: "Phường Phùng Chí Kiên thuộc thị xã Mỹ Hào tỉnh Hưng Yên" });
    if (long.ok) expect(long.sheet.length).toBeLessThanOrEqual(31);
    expect(unitWorkbookLayout(def, "???")).toMatchObject({ ok: false });
    expect(unitWorkbookLayout(def, "DonViDau")).toMatchObject({ ok: false });
  });
});

describe("checkAnyWorkbook", () => {
  it("a report workbook is checked as a report", () => {
    const r = checkAnyWorkbook(def, layout, snapshotFromData(def, layout, sampleData()));
    expect(r.kind).toBe("report");
    if (r.kind === "report") expect(r.check.data.values.THANG).toBe(11);
  });

  it("a unit workbook (defined names on its unit sheet, no standard sheet) is checked with the unit rules", () => {
    const blank = checkAnyWorkbook(def, layout, unitWorkbook("Xã Hòa Phong"));
    expect(blank.kind).toBe("unit");
    if (blank.kind !== "unit") return;
    expect(blank.units.map((u) => u.unitName)).toEqual(["Xã Hòa Phong"]);
    // every figure is missing; nothing about the report's header or the bookends
    expect(blank.problems.map((p) => `${p.sheet}!${p.cell} ${p.code}`)).toEqual(
      unitSheetLayout(def, "x", "x").inputs.map((i) => `Xã Hòa Phong!${i.first} count.empty`),
    );

    const filled = checkAnyWorkbook(def, layout, unitWorkbook("Xã Hòa Phong", { ...zeros(), PAKN_TONG: 3, PAKN_DUNG_HAN: 4 }));
    expect(filled.kind === "unit" && filled.problems.map((p) => `${p.severity} ${p.cell} ${p.code}`)).toEqual(["error C12 sum.greater"]);
    const ok = checkAnyWorkbook(def, layout, unitWorkbook("Xã Hòa Phong", zeros()));
    expect(ok.kind === "unit" && ok.problems).toEqual([]);
  });

  it("a rolled-up workbook (standard sheets and unit sheets) is a report", () => {
    const s = snapshotFromData(def, layout, sampleData());
    s.sheets.push({ name: BOOKEND_START, cells: {} }, unitWorkbook("Xã A", zeros()).sheets[0], { name: BOOKEND_END, cells: {} });
    const r = checkAnyWorkbook(def, layout, s);
    expect(r.kind).toBe("report");
    expect(r.kind === "report" && r.units.map((u) => u.sheet)).toEqual(["Xã A"]);
  });

  it("anything else is none", () => {
    expect(checkAnyWorkbook(def, layout, { sheets: [{ name: "Sheet1", cells: { A1: "x" } }], names: {} }).kind).toBe("none");
  });
});

describe("the figures of a unit workbook", () => {
  it("are read through the defined names when they point into the unit sheet, else at the layout's cells", () => {
    const s = unitWorkbook("Xã Hòa Phong", { ...zeros(), PAKN_TONG: 7 });
    expect(unitFiguresOf(def, s)).toEqual([{ sheet: "Xã Hòa Phong", unitName: "Xã Hòa Phong", values: { ...zeros(), PAKN_TONG: 7 } }]);
    // the unit inserted a row above PAKN_TONG: its name moved to C13
    const moved = unitWorkbook("Xã Hòa Phong", zeros());
    moved.sheets[0].cells.C13 = 11;
    moved.names.PAKN_TONG = "'Xã Hòa Phong'!$C$13";
    expect(unitFiguresOf(def, moved)[0].values.PAKN_TONG).toBe(11);
    // a name pointing elsewhere (or none) falls back to the layout's cell
    delete moved.names.PAKN_TONG;
    expect(unitFiguresOf(def, moved)[0].values.PAKN_TONG).toBe(0);
  });

  it("keep blanks, text and errors as they are (the check of the roll-up reports them on the unit's sheet)", () => {
    const s = unitWorkbook("Xã B", { DGTD_TTHC: "ba" });
    s.sheets[0].cells.C6 = { error: "#REF!" };
    const values = unitFiguresOf(def, s)[0].values;
    expect(values.DGTD_TTHC).toBe("ba");
    expect(values.THAM_DINH_TTHC).toEqual({ error: "#REF!" });
    expect(values.PAKN_TONG).toBeNull();
  });
});

describe("unit names", () => {
  it("compare ignoring case, spacing and Unicode composition", () => {
    const decomposed = "Xã Hòa Phong".normalize("NFD");
    expect(unitKey(` xã  HÒA phong `)).toBe(unitKey(decomposed));
    expect(cleanUnitName(decomposed)).toBe("Xã Hòa Phong");
    expect(unitKey("Xã Hòa Phong")).not.toBe(unitKey("Xã Hoà Phong 2"));
  });
});

describe("planRollup", () => {
  const unit = (file: string, ...names: string[]): RollupSource => ({ file, kind: "unit", units: names.map((n) => figuresOf(n, zeros())) });

  it("takes every unit of every unit workbook, in file order, and reports the others by file", () => {
    const plan = planRollup(
      [
        unit("a.xlsx", "Xã Hòa Phong"),
        { file: "bao-cao.xlsx", kind: "report" },
        unit("b.xlsx", " xã hòa  PHONG "),
        { file: "hong.xlsx", kind: "unreadable", message: "Tệp hỏng" },
        { file: "khac.xlsx", kind: "none" },
        unit("c.xlsx", "Phường Dị Sử"),
      ],
      STANDARD,
    );
    expect(plan.units.map((u) => [u.file, u.unitName, u.sheet])).toEqual([
      ["a.xlsx", "Xã Hòa Phong", "Xã Hòa Phong"],
      ["c.xlsx", "Phường Dị Sử", "Phường Dị Sử"],
    ]);
    expect(plan.rejected).toEqual([
      { file: "bao-cao.xlsx", reason: "report" },
      { file: "b.xlsx", reason: "duplicate", unitName: " xã hòa  PHONG ", firstFile: "a.xlsx" },
      { file: "hong.xlsx", reason: "unreadable", message: "Tệp hỏng" },
      { file: "khac.xlsx", reason: "none" },
    ]);
  });

  it("gives sheet names unique ignoring case, never a standard sheet's or a bookend's", () => {
    const long = "Phường Phùng Chí Kiên thị xã Mỹ Hào A";
    const long2 = "Phường Phùng Chí Kiên thị xã Mỹ Hào B";
    const plan = planRollup([unit("a.xlsx", long, long2, "I. Kết quả")], STANDARD);
    const sheets = plan.units.map((u) => u.sheet);
    expect(sheets[0]).toBe("Phường Phùng Chí Kiên thị xã"); // cut at a word boundary
    expect(sheets[1]).toMatch(/\(2\)$/);
    expect(sheets[2]).toBe("I. Kết quả (2)");
    for (const s of sheets) expect(s.length).toBeLessThanOrEqual(31);
    expect(plan.units.every((u) => u.renamed)).toBe(true);
    expect(planRollup([unit("d.xlsx", "DonViCuoi")], STANDARD).rejected).toEqual([expect.objectContaining({ file: "d.xlsx", reason: "badName" })]);
  });
});

describe("rolledUpWorkbook", () => {
  const units = [figuresOf("Xã A", { ...zeros(), PAKN_TONG: 2 }), figuresOf("Xã O'Brien", { ...zeros(), PAKN_TONG: 3 })];

  it("lays out the standard sheets, then the units between the bookends; the summary cells get the span formulas", () => {
    const r = rolledUpWorkbook(def, units, sampleData());
    expect(r.layout.sheets.map((s) => s.name)).toEqual([...STANDARD, BOOKEND_START, "Xã A", "Xã O'Brien", BOOKEND_END, def.unitResults!.sheet]);
    expect(r.layout.names).toEqual(layout.names);
    expect(r.formulas.map((f) => [f.sheet, f.cell, f.formula])).toEqual(
      rollupFields(def).map((f) => ["I. Kết quả", inputOf(layout, f.id).input.first, `=SUM(DonViDau:DonViCuoi!${inputOf(layout, f.id).input.first})`]),
    );
    for (const f of r.formulas) {
      expect(f.formula.length).toBeLessThanOrEqual(EXCEL_FORMULA_MAX_CHARS);
      expect(argumentCount(f.formula)).toBeLessThanOrEqual(EXCEL_FUNCTION_MAX_ARGS);
    }
    expect(r.values).toContainEqual({ sheet: "Xã O'Brien", address: "C12", value: 3 });
    // the base's header and texts, not its figures
    expect(r.data.values.THANG).toBe(11);
    expect(r.data.values.DANH_GIA_CHUNG).toEqual(sampleData().values.DANH_GIA_CHUNG);
    expect(r.data.values).not.toHaveProperty("PAKN_TONG");
  });

  it("makes room for a base's list longer than the standard rows", () => {
    const base = sampleData();
    base.values.NHIEM_VU = Array.from({ length: 15 }, (_, i) => `Nhiệm vụ ${i + 1}.`);
    const fitted = definitionFitting(def, base);
    expect(fitted.fields.find((f) => f.id === "NHIEM_VU")!.rows).toBe(15);
    expect(definitionFitting(def, sampleData())).toBe(def);
    const r = rolledUpWorkbook(def, units, base);
    const nhiemVu = r.layout.names.find((n) => n.name === "NHIEM_VU")!;
    expect(nhiemVu.ref).toBe("$B$5:$B$19");
    expect(r.def).not.toBe(def as ReportDefinition);
  });
});
