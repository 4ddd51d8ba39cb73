/**
 * The imported rows matched to the workbook's lĩnh vực: by label (case, spacing, a leading
 * "Lĩnh vực "), the workbook's wording kept, an unknown lĩnh vực added before "Lĩnh vực
 * khác", a lĩnh vực the source does not list set to 0 and named; a roll-up summary refused.
 */
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import { snapshotFromData } from "../workbook/data-snapshot";
import { buildLayout } from "../workbook/layout";
import type { TableImport } from "./figures";
import { importSummary, mergeImported, placeInSheet, planFiguresImport } from "./plan";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const layout = buildLayout(def);
const row = (label: string, line: number, n: number) => ({ label, line, values: [2 * n, n, n, 0, 2 * n, 0, 2 * n, 0, 0, 0, 0] });
const imported: Extract<TableImport, { ok: true }> = {
  ok: true,
  fieldId: "BIEU_06",
  source: "bảng thứ 1 của tệp",
  rows: [row("Lĩnh vực hộ tịch", 5, 10), row("Nông nghiệp", 6, 3), row("CHỨNG  THỰC", 7, 4)],
  columns: [{ source: 2, header: "Tiếp nhận / Tổng", columnId: "TONG_NHAN", name: "Số hồ sơ nhận giải quyết — Tổng số" }],
  computed: [],
  ignored: [],
  groups: ["Xã, phường, thị trấn"],
  warnings: [],
};

describe("the imported rows in the workbook's table", () => {
  it("keeps the workbook's rows and wording, adds an unknown lĩnh vực before 'Lĩnh vực khác', sets the others to 0", () => {
    const m = mergeImported(["Chứng thực", "Hộ tịch", "Tôn giáo", "Lĩnh vực khác", ""], imported);
    expect(m.table.rows).toEqual(["Chứng thực", "Hộ tịch", "Tôn giáo", "Nông nghiệp", "Lĩnh vực khác"]);
    expect(m.table.cells).toEqual([row("", 0, 4).values, row("", 0, 10).values, Array(11).fill(0), row("", 0, 3).values, Array(11).fill(0)]);
    expect(m.added).toEqual(["Nông nghiệp"]);
    expect(m.zeroed).toEqual(["Tôn giáo", "Lĩnh vực khác"]);
    expect(importSummary(imported, m)).toEqual([
      "Đã đọc bảng thứ 1 của tệp; các cột nhận được:",
      '  "Tiếp nhận / Tổng" → Số hồ sơ nhận giải quyết — Tổng số',
      'Bỏ qua dòng nhóm: "Xã, phường, thị trấn".',
      "Nhận 3 dòng lĩnh vực.",
      'Lĩnh vực mới, thêm vào bảng: "Nông nghiệp".',
      'Lĩnh vực có trong sổ nhưng không có trong bảng nguồn, ghi 0: "Tôn giáo", "Lĩnh vực khác".',
    ]);
  });

  it("plans against the sample workbook: the table replaced, every other value kept", () => {
    const data = sampleData(def.id);
    const plan = planFiguresImport(def, layout, snapshotFromData(def, layout, data), imported);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.data.values.BIEU_06).toEqual(plan.table);
    expect(plan.table.rows).toContain("Nông nghiệp");
    for (const [id, v] of Object.entries(data.values)) if (id !== "BIEU_06") expect(plan.data.values[id]).toEqual(v);
  });

  it("refuses a workbook that is not a report (a roll-up summary: src/cli/import-figures.test.ts)", () => {
    expect(planFiguresImport(def, layout, { sheets: [{ name: "Sheet1", cells: { A1: "x" } }], names: {} }, imported)).toEqual({
      ok: false,
      message: "Sổ này không phải sổ báo cáo (không có trang tính nào của mẫu) nên không nhận số liệu vào được.",
    });
  });
});

describe("the imported rows placed in the open workbook's table", () => {
  const none = () => Array<null>(11).fill(null);

  it("inserts a new lĩnh vực before 'Lĩnh vực khác', keeping the cells' own labels", () => {
    const p = placeInSheet([" Chứng  thực", "Hộ tịch", "Lĩnh vực khác"], none, imported);
    expect(p).toMatchObject({ insertAt: 2, inserted: 1, added: ["Nông nghiệp"], zeroed: ["Lĩnh vực khác"] });
    expect(p.rows.map((r) => r.label)).toEqual([" Chứng  thực", "Hộ tịch", "Nông nghiệp", "Lĩnh vực khác"]);
    expect(p.rows.map((r) => r.values[0])).toEqual([8, 20, 6, 0]);
  });

  it("fills the table's empty rows first (a new table), then inserts before its last row", () => {
    const p = placeInSheet([null, null], none, imported);
    expect(p).toMatchObject({ insertAt: 1, inserted: 1, added: ["Lĩnh vực hộ tịch", "Nông nghiệp", "CHỨNG THỰC"] });
    expect(p.rows.map((r) => r.label)).toEqual(["Lĩnh vực hộ tịch", "Nông nghiệp", "CHỨNG THỰC"]);
    expect(placeInSheet([null, null, null, null], none, imported)).toMatchObject({ insertAt: -1, inserted: 0 });
  });

  it("keeps the figures of an unlabelled row that holds some, and inserts nothing when every lĩnh vực is there", () => {
    const held = (r: number) => (r === 1 ? [5, ...Array<null>(10).fill(null)] : none());
    const p = placeInSheet(["Chứng thực", null, "Hộ tịch", "Nông nghiệp"], held, imported);
    expect(p).toMatchObject({ insertAt: -1, inserted: 0, added: [] });
    expect(p.rows[1]).toEqual({ label: null, values: [5, ...Array(10).fill(null)] });
  });
});
