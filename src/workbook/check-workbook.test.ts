import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { Problem } from "../report/types";
import { checkWorkbook, formatProblem, hasErrors } from "./check-workbook";
import { snapshotFromData } from "./data-snapshot";
import { buildLayout, inputOf } from "./layout";
import { setSnapshotCell, type CellValue, type WorkbookSnapshot } from "./snapshot";

const def = loadDefinition();
const layout = buildLayout(def);
const today = new Date(2024, 11, 1);

function sample(): WorkbookSnapshot {
  return snapshotFromData(def, layout, sampleData());
}
/** sets the input cell of a field (its first cell) */
function set(s: WorkbookSnapshot, fieldId: string, value: CellValue, row = 0): void {
  const { sheet, input } = inputOf(layout, fieldId);
  const col = input.first.replace(/[0-9]+$/, "");
  const r = Number(input.first.replace(/^[A-Z]+/, "")) + row;
  setSnapshotCell(s, sheet.name, `${col}${r}`, value);
}
function check(s: WorkbookSnapshot) {
  return checkWorkbook(def, layout, s, { today });
}
function only(problems: Problem[], code: string) {
  return problems.filter((p) => p.code === code);
}

describe("checking a workbook", () => {
  it("reads the sample back exactly and finds no error in it", () => {
    const result = check(sample());
    expect(result.data.values).toEqual(sampleData().values);
    expect(hasErrors(result.problems)).toBe(false);
    expect(result.isReportWorkbook).toBe(true);
    // the sample's own Nơi nhận keeps a line without ";" — a warning, on that line's cell
    expect(result.problems.map(formatProblem)).toEqual([
      'Thông tin chung!B28: [Cảnh báo] Dòng nơi nhận "Chủ tịch, các Phó Chủ tịch UBND thị xã" nên kết thúc bằng dấu chấm phẩy (;).',
    ]);
  });

  describe("counts are whole numbers ≥ 0", () => {
    it.each<[string, CellValue, string]>([
      ["text", "năm", "count.text"],
      ["a number typed as text", "5", "count.text"],
      ["a decimal", 2.5, "count.notWhole"],
      ["a negative", -1, "count.negative"],
      ["#REF!", { error: "#REF!" }, "value.error"],
      ["#VALUE!", { error: "#VALUE!" }, "value.error"],
      ["a blank", null, "count.empty"],
    ])("%s is an error on its cell", (_name, value, code) => {
      const s = sample();
      set(s, "DGTD_TTHC", value);
      const problems = check(s).problems;
      expect(problems[0]).toMatchObject({ sheet: "I. Kết quả", cell: "C5", severity: "error", code, fieldId: "DGTD_TTHC" });
      expect(problems[0].message).toContain("Số TTHC đã đánh giá tác động");
    });

    it("accepts 0 and positive whole numbers", () => {
      const s = sample();
      set(s, "DGTD_TTHC", 12);
      set(s, "THAM_DINH_TTHC", 0);
      expect(hasErrors(check(s).problems)).toBe(false);
      expect(check(s).data.values.DGTD_TTHC).toBe(12);
    });
  });

  describe("header fields", () => {
    it("a blank required text is an error; the optional cơ quan chủ quản is not", () => {
      const s = sample();
      set(s, "NGUOI_KY", null);
      set(s, "CO_QUAN_CHU_QUAN", null);
      const p = only(check(s).problems, "field.required");
      expect(p).toHaveLength(1);
      expect(p[0]).toMatchObject({ cell: "B25", fieldId: "NGUOI_KY", message: 'Chưa nhập "Họ và tên người ký".' });
    });

    it("a blank required list (cơ quan ban hành) is an error", () => {
      const s = sample();
      set(s, "CO_QUAN_BAN_HANH", null, 0);
      set(s, "CO_QUAN_BAN_HANH", null, 1);
      expect(only(check(s).problems, "field.required").map((p) => p.fieldId)).toEqual(["CO_QUAN_BAN_HANH"]);
    });

    it.each<[CellValue, string | null]>([
      [1, null],
      [12, null],
      [0, "month.range"],
      [13, "month.range"],
      [11.5, "month.range"],
      ["mười một", "month.range"],
      [null, "field.required"],
    ])("tháng %p", (value, code) => {
      const s = sample();
      set(s, "THANG", value);
      const errors = check(s).problems.filter((p) => p.severity === "error");
      expect(errors.map((p) => p.code)).toEqual(code ? [code] : []);
    });

    it.each<[CellValue, string | null, "error" | "warning" | null]>([
      [2024, null, null],
      [2025, null, null],
      [1999, "year.range", "error"],
      [24, "year.range", "error"],
      [2101, "year.range", "error"],
      [2031, "year.far", "warning"],
    ])("năm %p", (value, code, severity) => {
      const s = sample();
      set(s, "NAM", value);
      const p = check(s).problems.filter((x) => x.fieldId === "NAM");
      expect(p.map((x) => [x.code, x.severity])).toEqual(code ? [[code, severity]] : []);
    });

    it.each<[CellValue, number, number, string | null]>([
      [null, 11, 2024, null],
      [30, 11, 2024, null],
      [31, 11, 2024, "day.notInMonth"],
      [29, 2, 2024, null],
      [29, 2, 2023, "day.notInMonth"],
      [0, 11, 2024, "day.range"],
      [32, 1, 2024, "day.range"],
      ["05", 11, 2024, "day.range"],
    ])("ngày %p tháng %p năm %p", (day, month, year, code) => {
      const s = sample();
      set(s, "NGAY", day);
      set(s, "THANG", month);
      set(s, "NAM", year);
      const errors = check(s).problems.filter((p) => p.severity === "error");
      expect(errors.map((p) => p.code)).toEqual(code ? [code] : []);
      if (code === "day.notInMonth") expect(errors[0]).toMatchObject({ sheet: "Thông tin chung", cell: "B12" });
    });
  });

  describe("PAKN: đúng hạn + quá hạn + đang xử lý = tổng số tiếp nhận", () => {
    function pakn(tong: number, dung: number, qua: number, dang: number) {
      const s = sample();
      set(s, "PAKN_TONG", tong);
      set(s, "PAKN_DUNG_HAN", dung);
      set(s, "PAKN_QUA_HAN", qua);
      set(s, "PAKN_DANG_XU_LY", dang);
      return check(s).problems.filter((p) => p.code.startsWith("sum."));
    }
    it("equal: no problem", () => expect(pakn(10, 6, 1, 3)).toEqual([]));
    it("larger: an error on the total", () => {
      const [p] = pakn(10, 6, 2, 3);
      expect(p).toMatchObject({ severity: "error", code: "sum.greater", cell: "C12", sheet: "I. Kết quả" });
      expect(p.message).toContain("là 11, lớn hơn");
    });
    it("smaller: a warning on the total", () => {
      const [p] = pakn(10, 6, 1, 1);
      expect(p).toMatchObject({ severity: "warning", code: "sum.less", cell: "C12" });
      expect(p.message).toContain("còn 2 chưa được phân loại");
    });
    it("not judged while a part is unreadable", () => {
      const s = sample();
      set(s, "PAKN_TONG", 3);
      set(s, "PAKN_DUNG_HAN", "x");
      expect(check(s).problems.map((p) => p.code)).toEqual(["count.text", "noiNhan.semicolon"]);
    });
  });

  describe("TTHC nội bộ: đã thực thi ≤ đã phê duyệt ≤ đã công bố", () => {
    function tthc(congBo: number, pheDuyet: number, thucThi: number) {
      const s = sample();
      set(s, "TTHC_NB_CONG_BO", congBo);
      set(s, "TTHC_NB_PHE_DUYET", pheDuyet);
      set(s, "TTHC_NB_THUC_THI", thucThi);
      return check(s).problems.filter((p) => p.code === "order.notIncreasing");
    }
    it("in order: no problem", () => expect(tthc(5, 3, 3)).toEqual([]));
    it("phê duyệt > công bố: a warning on phê duyệt", () => {
      expect(tthc(2, 3, 1)).toEqual([expect.objectContaining({ severity: "warning", cell: "C9", fieldId: "TTHC_NB_PHE_DUYET" })]);
    });
    it("thực thi > phê duyệt: a warning on thực thi", () => {
      expect(tthc(5, 3, 4)).toEqual([expect.objectContaining({ severity: "warning", cell: "C10", fieldId: "TTHC_NB_THUC_THI" })]);
    });
  });

  describe("text sections", () => {
    it("an empty section is a warning, not an error", () => {
      const s = sample();
      for (let i = 0; i < 12; i++) set(s, "NHIEM_VU", null, i);
      const p = check(s).problems.filter((x) => x.code === "lines.empty");
      expect(p).toEqual([expect.objectContaining({ severity: "warning", sheet: "III. Nhiệm vụ", cell: "B5", fieldId: "NHIEM_VU" })]);
      expect(hasErrors(check(s).problems)).toBe(false);
    });
    it("blank rows inside a list are skipped and rows inserted inside the list are read (the name grew)", () => {
      const s = sample();
      set(s, "NHIEM_VU", null, 1); // a blank row between paragraphs
      s.names.NHIEM_VU = "'III. Nhiệm vụ'!$B$5:$B$17"; // the user inserted a row: Excel grew the name
      set(s, "NHIEM_VU", "Đoạn thêm ở dòng chèn.", 12);
      const lines = check(s).data.values.NHIEM_VU as string[];
      expect(lines).toHaveLength(4);
      expect(lines[0]).toMatch(/^Tiếp tục thực hiện nghiêm/);
      expect(lines[3]).toBe("Đoạn thêm ở dòng chèn.");
    });
    it("an error value inside a list is an error on that row", () => {
      const s = sample();
      set(s, "KIEN_NGHI", { error: "#NAME?" }, 2);
      expect(check(s).problems[0]).toMatchObject({ severity: "error", code: "value.error", sheet: "IV. Kiến nghị", cell: "B7" });
    });
  });

  describe("finding the cells", () => {
    it("follows a renamed sheet through the defined names", () => {
      const s = sample();
      const sheet = s.sheets.find((x) => x.name === "I. Kết quả")!;
      sheet.name = "Số liệu";
      for (const n of Object.keys(s.names)) s.names[n] = s.names[n].replace("'I. Kết quả'", "'Số liệu'");
      sheet.cells.C12 = 4;
      sheet.cells.C13 = 4;
      const r = check(s);
      expect(r.missingSheets).toEqual([]);
      expect(r.data.values.PAKN_TONG).toBe(4);
      expect(r.problems.some((p) => p.sheet === "Số liệu")).toBe(false);
    });
    it("a deleted sheet is an error that says to recreate it", () => {
      const s = sample();
      s.sheets = s.sheets.filter((x) => x.name !== "IV. Kiến nghị");
      delete s.names.KIEN_NGHI;
      const r = check(s);
      expect(r.missingSheets).toEqual(["IV. Kiến nghị"]);
      expect(r.problems[0]).toMatchObject({ severity: "error", code: "sheet.missing", sheet: "IV. Kiến nghị" });
      expect(r.problems[0].message).toContain("Tạo mẫu");
    });
    it("a name broken by a deleted row (#REF!) is an error", () => {
      const s = sample();
      s.names.PAKN_TONG = "'I. Kết quả'!#REF!";
      const r = check(s);
      expect(r.problems[0]).toMatchObject({ severity: "error", code: "name.broken", cell: "C12", fieldId: "PAKN_TONG" });
    });
    it("without names (a workbook made by hand in the standard layout), uses the standard addresses", () => {
      const s = sample();
      s.names = {};
      expect(check(s).data.values).toEqual(sampleData().values);
    });
    it("a workbook with none of the standard sheets is not a report workbook", () => {
      const r = check({ sheets: [{ name: "Sheet1", cells: { A1: "x" } }], names: {} });
      expect(r.isReportWorkbook).toBe(false);
    });
  });

  it("orders errors first, then by sheet and row", () => {
    const s = sample();
    set(s, "KIEN_NGHI", { error: "#N/A" });
    set(s, "NAM", 1990);
    set(s, "TTHC_NB_PHE_DUYET", 3);
    const p = check(s).problems.map((x) => `${x.severity} ${x.sheet}!${x.cell}`);
    expect(p).toEqual(["error Thông tin chung!B14", "error IV. Kiến nghị!B5", "warning Thông tin chung!B28", "warning I. Kết quả!C9"]);
  });
});
