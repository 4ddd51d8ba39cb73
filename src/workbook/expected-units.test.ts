import { loadDefinition } from "../report/kinds";
import { documentPlaceholders } from "../report/values";
import { checkWorkbook } from "./check-workbook";
import { checkExpectedUnits, isEmptyUnitSheet } from "./expected-units";
import { buildLayout } from "./layout";
import type { SheetSnapshot, WorkbookSnapshot } from "./snapshot";
import { rolledUpSnapshot, unitSheetSnapshot } from "./units-testing";
import { rollupFields } from "./units";

const def = loadDefinition();
const layout = buildLayout(def);

const unitSheet = (name: string, figures: Record<string, number | string>, unitName = name) => unitSheetSnapshot(def, name, figures, unitName);
const figures = () => Object.fromEntries(rollupFields(def).map((f) => [f.id, 1]));

/** The sample report rolled up from the given units, with a list sheet holding `names` from A4 down. */
function rolledUp(units: SheetSnapshot[], names?: string[]): WorkbookSnapshot {
  const s = rolledUpSnapshot(def, layout, units);
  // a workbook made before the list existed has no list sheet
  if (!names) s.sheets = s.sheets.filter((x) => x.name !== "Danh sách đơn vị");
  else {
    const cells: SheetSnapshot["cells"] = { A1: "DANH SÁCH ĐƠN VỊ PHẢI GỬI SỐ LIỆU", A3: "Tên đơn vị" };
    names.forEach((n, i) => (cells[`A${4 + i}`] = n));
    s.sheets.find((x) => x.name === "Danh sách đơn vị")!.cells = cells; // the layout's sheet, the names pasted
  }
  return s;
}

const units = () => [unitSheet("An Bình", figures(), "UBND xã An Bình"), unitSheet("Đông", {}, "Phường Đông"), unitSheet("Nam", figures(), "Xã Nam")];

describe("Kiểm tra with a list of the units expected to send", () => {
  it("warns on the list's cell of each unit without a sheet or without a figure, and on the name cell of a unit not on the list", () => {
    const s = rolledUp(units(), ["Xã An Bình", "Phường Đông", "Xã Tây"]);
    const found = checkWorkbook(def, layout, s).problems.filter((p) => p.code.startsWith("units.expected") || p.code === "units.notExpected");
    expect(found).toEqual([
      {
        sheet: "Danh sách đơn vị",
        cell: "A5",
        severity: "warning",
        code: "units.expectedEmpty",
        message:
          'Đơn vị "Phường Đông" đã có trang "Đông" nhưng chưa nhập số liệu nào (chưa gửi số liệu). Nhập số liệu của đơn vị vào các ô nền vàng của trang "Đông".',
      },
      {
        sheet: "Danh sách đơn vị",
        cell: "A6",
        severity: "warning",
        code: "units.expectedMissing",
        message:
          'Đơn vị "Xã Tây" có trong danh sách ở trang "Danh sách đơn vị" nhưng chưa có trang số liệu trong sổ (chưa gửi số liệu). Thêm số liệu của đơn vị (nút "Nhập từ tệp" hoặc "Thêm đơn vị"), hoặc xóa tên khỏi danh sách nếu đơn vị không phải gửi.',
      },
      {
        sheet: "Nam",
        cell: "F2",
        severity: "warning",
        code: "units.notExpected",
        message:
          'Đơn vị "Xã Nam" không có trong danh sách đơn vị ở trang "Danh sách đơn vị". Sửa tên đơn vị ở ô này cho đúng tên trong danh sách, hoặc thêm đơn vị vào danh sách.',
      },
    ]);
  });

  it("gives the report the list and who has not sent, in the list's order", () => {
    const check = checkWorkbook(def, layout, rolledUp(units(), ["Xã Tây", "Xã An Bình", "Phường Đông"]));
    expect(check.data.expectedUnits).toEqual({ expected: ["Xã Tây", "Xã An Bình", "Phường Đông"], missing: ["Xã Tây", "Phường Đông"] });
  });

  it("says nothing and gives no list when the workbook has no list sheet, or an empty one", () => {
    for (const s of [rolledUp(units()), rolledUp(units(), [])]) {
      expect(checkExpectedUnits(def, s)).toEqual({ problems: [] });
      expect(checkWorkbook(def, layout, s).data.expectedUnits).toBeUndefined();
    }
  });

  it("a unit sheet is empty until a figure is typed: a 0 is a figure", () => {
    expect(isEmptyUnitSheet(def, unitSheet("A", {}), "A")).toBe(true);
    const zero = Object.fromEntries(
      rollupFields(def)
        .slice(0, 1)
        .map((f) => [f.id, 0]),
    );
    expect(isEmptyUnitSheet(def, unitSheet("A", zero), "A")).toBe(false);
  });
});

describe("the dossier kind's sentence on who has not sent", () => {
  const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
  it("is declared in the definition: the count gates the paragraph, the names fill it", () => {
    const para = dossier.document.body.find((b) => b.type === "paragraph" && b.unlessZero === "soDonViChuaGui");
    expect(para).toMatchObject({ text: "Còn {soDonViChuaGui} đơn vị chưa gửi số liệu: {donViChuaGui}." });
    const data = { values: {}, expectedUnits: { expected: ["Xã A", "Xã B", "Xã C"], missing: ["Xã A", "Xã C"] } };
    expect(documentPlaceholders(dossier, data)).toMatchObject({ soDonViChuaGui: "2", donViChuaGui: "Xã A, Xã C" });
  });
});
