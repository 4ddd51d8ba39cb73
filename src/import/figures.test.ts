/**
 * An exported Biểu 06 read by its header words: the one-stop layout (title rows, three
 * header rows with spans, "Trong đó", a group row, STT from 2, numbers as text with
 * thousands dots, a total row), other wordings and orders, merged group headers with their
 * text in the first cell only, rate columns, missing columns computed, and every reason to stop.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadDefinition } from "../report/kinds";
import { importFirstTable, importTable, type TableImport } from "./figures";
import { wholeNumberOf } from "./numbers";
import { parseHtmlTables, type SourceCell } from "./source";

const def = loadDefinition("bao-cao-giai-quyet-tthc");
const ids = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => c.id);
const ok = (r: TableImport) => {
  if (!r.ok) throw new Error(r.message);
  return r;
};
const grid = (rows: SourceCell[][]) => ({ name: 'trang tính "Sheet1"', rows });
const byId = (values: number[]) => Object.fromEntries(ids.map((id, i) => [id, values[i]]));

describe("the one-stop system's HTML export", () => {
  const html = readFileSync(join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls"), "utf8");
  const r = ok(importFirstTable(def, parseHtmlTables(html), "bieu-06.xls"));

  it("maps every column of Biểu 06 by its words under the spanned group headers", () => {
    expect(r.columns.map((c) => c.columnId)).toEqual(ids);
    expect(r.columns[1].header).toBe("Số hồ sơ nhận giải quyết / Trong đó / Số mới tiếp nhận trực tuyến");
    expect(r.ignored).toEqual([{ header: "STT", why: "serial" }]);
    expect(r.computed).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it("reads the rows after the group row, numbers as text with thousands dots, leaving out the total row", () => {
    expect(r.groups).toEqual(["Xã, phường, thị trấn"]);
    expect(r.rows.map((x) => x.label)).toEqual([
      "Chứng thực",
      "Lĩnh vực Hộ tịch",
      "Đất đai",
      "Xây dựng",
      "Bảo trợ xã hội",
      "Người có công",
      "Thành lập và hoạt động của hộ kinh doanh",
      "Thi đua - khen thưởng",
    ]);
    expect(r.rows[0].line).toBe(10);
    expect(byId(r.rows[0].values)).toEqual({
      TONG_NHAN: 3120,
      TRUC_TUYEN: 412,
      TRUC_TIEP: 2650,
      TU_KY_TRUOC: 58,
      DA_GQ: 2980,
      TRUOC_HAN: 1210,
      DUNG_HAN: 1702,
      QUA_HAN: 68,
      DANG_GQ: 140,
      TRONG_HAN: 131,
      DANG_QUA_HAN: 9,
    });
  });
});

/** Another system: one title row, group headers merged (text in their first cell only), other words, other order, a rate column. */
const OTHER: SourceCell[][] = [
  ["BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ QUÝ III/2025"],
  [],
  ["TT", "Tên lĩnh vực", "Đã xử lý", null, null, null, "Tiếp nhận", null, null, null, "Tỷ lệ đúng hạn (%)", "Đang xử lý", null, null],
  [null, null, "Tổng", "Sớm hạn", "Đúng hạn", "Trễ hạn", "Tồn kỳ trước", "Qua BCCI", "Qua mạng", "Tổng", null, "Trễ hạn", "Chưa đến hạn", "Tổng"],
  [5, "Lĩnh vực hộ tịch", 30, 10, 15, 5, 2, 20, 10, 32, 83.33, 1, 1, 2],
  [6, "Nông nghiệp", "1 200", "1.000", 150, 50, 0, 1000, 250, "1.250", 95.8, 10, 40, 50],
  [null, "Cộng", "1.230", "1.010", 165, 55, 2, 1020, 260, 1282, null, 11, 41, 52],
];

describe("another wording and order", () => {
  it("maps by words whatever the order, carries a merged group header over its columns, leaves out the rate column", () => {
    const r = ok(importTable(def, "BIEU_06", grid(OTHER)));
    const map = Object.fromEntries(r.columns.map((c) => [c.header, c.columnId]));
    expect(map).toEqual({
      "Đã xử lý / Tổng": "DA_GQ",
      "Đã xử lý / Sớm hạn": "TRUOC_HAN",
      "Đã xử lý / Đúng hạn": "DUNG_HAN",
      "Đã xử lý / Trễ hạn": "QUA_HAN",
      "Tiếp nhận / Tồn kỳ trước": "TU_KY_TRUOC",
      "Tiếp nhận / Qua BCCI": "TRUC_TIEP",
      "Tiếp nhận / Qua mạng": "TRUC_TUYEN",
      "Tiếp nhận / Tổng": "TONG_NHAN",
      "Đang xử lý / Trễ hạn": "DANG_QUA_HAN",
      "Đang xử lý / Chưa đến hạn": "TRONG_HAN",
      "Đang xử lý / Tổng": "DANG_GQ",
    });
    expect(r.ignored).toEqual([
      { header: "TT", why: "serial" },
      { header: "Tỷ lệ đúng hạn (%)", why: "skip" },
    ]);
    expect(r.rows.map((x) => x.label)).toEqual(["Lĩnh vực hộ tịch", "Nông nghiệp"]);
    expect(byId(r.rows[1].values)).toEqual({
      TONG_NHAN: 1250,
      TRUC_TUYEN: 250,
      TRUC_TIEP: 1000,
      TU_KY_TRUOC: 0,
      DA_GQ: 1200,
      TRUOC_HAN: 1000,
      DUNG_HAN: 150,
      QUA_HAN: 50,
      DANG_GQ: 50,
      TRONG_HAN: 40,
      DANG_QUA_HAN: 10,
    });
    // the total row ("Cộng") agrees with the rows read
    expect(r.warnings).toEqual([]);
  });

  it("warns where the total row differs from the sum of the rows read, naming the row, the column and both numbers", () => {
    const rows = OTHER.map((row) => [...row]);
    rows[6][9] = 1300;
    const r = ok(importTable(def, "BIEU_06", grid(rows)));
    expect(r.warnings).toEqual([
      'Dòng tổng của bảng nguồn (dòng 7) ghi 1.300 ở cột "Tiếp nhận / Tổng", nhưng cộng các dòng đã nhận được 1.282: đã nhận theo từng dòng, hãy đối chiếu lại với hệ thống.',
    ]);
  });

  it("takes a total row whose label sits in the STT column, checking it against the rows", () => {
    const rows = OTHER.map((row) => [...row]);
    rows[6] = ["Tổng cộng", null, ...rows[6].slice(2)];
    rows[6][2] = 1231;
    const r = ok(importTable(def, "BIEU_06", grid(rows)));
    expect(r.rows).toHaveLength(2);
    expect(r.warnings).toEqual([
      'Dòng tổng của bảng nguồn (dòng 7) ghi 1.231 ở cột "Đã xử lý / Tổng", nhưng cộng các dòng đã nhận được 1.230: đã nhận theo từng dòng, hãy đối chiếu lại với hệ thống.',
    ]);
  });

  it("reads one header row whose cells name group and column together ('Đã giải quyết trước hạn'), a column number deciding 'Quá hạn'", () => {
    const header = [
      "STT",
      "Lĩnh vực",
      "Tổng số hồ sơ tiếp nhận",
      "Trực tuyến",
      "Trực tiếp",
      "Kỳ trước",
      "Đã giải quyết",
      "Đã giải quyết trước hạn",
      "Đã giải quyết đúng hạn",
      "Quá hạn",
      "Đang giải quyết",
      "Đang giải quyết trong hạn",
      "Đang giải quyết quá hạn",
    ];
    const numbers = header.map((_, i) => `(${i + 1})`);
    const r = ok(importTable(def, "BIEU_06", grid([header, numbers, [1, "Chứng thực", 10, 2, 7, 1, 8, 3, 4, 1, 2, 1, 1]])));
    expect(r.columns.map((c) => c.columnId)).toEqual(ids);
    expect(r.rows[0].values).toEqual([10, 2, 7, 1, 8, 3, 4, 1, 2, 1, 1]);
  });
});

describe("columns the source lacks", () => {
  const header = [
    "STT",
    "Lĩnh vực",
    "Trực tuyến",
    "Trực tiếp",
    "Từ kỳ trước",
    "Đã giải quyết",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Đang giải quyết",
    "Quá hạn",
  ];
  const groupRow = [null, null, "Tiếp nhận", null, null, "Đã giải quyết", null, null, null, "Đang giải quyết", null];

  it("computes a total column from its parts, and a part from the total and the other parts", () => {
    const sub = [null, null, "Trực tuyến", "Trực tiếp", "Từ kỳ trước", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn", "Tổng số", "Quá hạn"];
    const r = ok(importTable(def, "BIEU_06", grid([groupRow, sub, [1, "Hộ tịch", 3, 4, 1, 6, 1, 4, 1, 2, 1]])));
    expect(r.computed).toEqual(["Số hồ sơ nhận giải quyết — Tổng số", "Số hồ sơ đang giải quyết — Trong hạn"]);
    expect(byId(r.rows[0].values)).toMatchObject({ TONG_NHAN: 8, DANG_GQ: 2, TRONG_HAN: 1, DANG_QUA_HAN: 1 });
  });

  it("stops when a required column is neither there nor computable, listing the headers it saw", () => {
    const r = importTable(def, "BIEU_06", grid([header.slice(0, 6), [1, "Hộ tịch", 3, 4, 1, 6]]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain("thiếu cột");
    expect(r.message).toContain('"Số hồ sơ đã giải quyết — Trước hạn"');
    expect(r.message).toContain("Các tiêu đề cột đã thấy (theo cột):\n  A: STT\n  B: Lĩnh vực\n  C: Trực tuyến");
    expect(r.message).toContain("Không ghi gì vào sổ.");
  });
});

describe("what stops the import", () => {
  const header = [null, null, "Tiếp nhận", null, null, null, "Đã giải quyết", null, null, null, "Đang giải quyết", null, null];
  // the definition's own column labels, but "Trực tiếp" and "Kỳ trước" for (5) and (6)
  const labels = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => c.label);
  const sub = ["STT", "Lĩnh vực", ...labels.map((l, i) => (i === 2 ? "Trực tiếp" : i === 3 ? "Kỳ trước" : l))];
  const row = (label: string, ...v: SourceCell[]): SourceCell[] => [1, label, ...v];

  it("two columns claiming the same place", () => {
    const s = [...sub];
    s[5] = "Trực tuyến";
    const r = importTable(def, "BIEU_06", grid([header, s, row("Hộ tịch", 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0)]));
    expect(!r.ok && r.message).toContain(
      'hai cột của bảng nguồn ("Tiếp nhận / Trực tuyến" và "Tiếp nhận / Trực tuyến") cùng ứng với cột "Số hồ sơ nhận giải quyết — Trực tuyến".',
    );
  });

  it("a whole number Excel turned into a decimal (1.234 read as 1,234) is flagged, never multiplied", () => {
    const r = importTable(def, "BIEU_06", grid([header, sub, row("Hộ tịch", 1.234, 1.234, 0, 0, 1.234, 1.234, 0, 0, 0, 0, 0)]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('  - ô C3 (cột "Tiếp nhận / Tổng số"): "1,234" không phải số nguyên\n');
    expect(r.message).toContain('Số thập phân ở đây thường là số nguyên có dấu chấm hàng nghìn ("3.120") mà Excel hoặc LibreOffice đã đọc thành 3,12');
    expect(r.message).toContain("không được nhận, cũng không tự nhân lên");
  });

  it("text that is not a number, a negative number, figures without a lĩnh vực, a lĩnh vực twice", () => {
    const bad = importTable(
      def,
      "BIEU_06",
      grid([header, sub, row("Hộ tịch", "mười", -1, 0, 0, 0, 0, 0, 0, 0, 0, 0), row("", 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0)]),
    );
    expect(!bad.ok && bad.message).toContain('ô C3 (cột "Tiếp nhận / Tổng số"): "mười" không phải số');
    expect(!bad.ok && bad.message).toContain('ô D3 (cột "Tiếp nhận / Trực tuyến"): "-1" là số âm');
    expect(!bad.ok && bad.message).toContain("dòng 4 có số liệu nhưng không có tên lĩnh vực (ô B4).");
    const twice = importTable(
      def,
      "BIEU_06",
      grid([header, sub, row("Hộ tịch", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), row("Lĩnh vực hộ tịch", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]),
    );
    expect(!twice.ok && twice.message).toContain('lĩnh vực "Lĩnh vực hộ tịch" có hai dòng (dòng 3 và dòng 4)');
  });

  it("a source without the table's header says so", () => {
    const r = importFirstTable(def, [grid([["Danh sách cán bộ"], ["Họ tên", "Chức vụ"]])], "can-bo.xlsx");
    expect(!r.ok && r.message).toContain('Không thấy bảng "Biểu số 06: tình hình, kết quả giải quyết TTHC" trong tệp "can-bo.xlsx"');
  });

  it("a column no word matches is left out with a warning", () => {
    const h = [...header, "Sắp trễ"];
    const s = [...sub, "Sắp trễ"];
    const r = ok(importTable(def, "BIEU_06", grid([h, s, row("Hộ tịch", 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 3)])));
    expect(r.warnings).toEqual(['Bỏ qua cột "Sắp trễ": không ứng với cột nào của biểu.']);
  });
});

describe("numbers", () => {
  it.each([
    [null, 0],
    ["", 0],
    ["-", 0],
    ["0", 0],
    ["1.234", 1234],
    ["1 234", 1234],
    ["1\u00a0234\u00a0567", 1234567],
    ["12.345.678", 12345678],
    [42, 42],
  ])("%j is %d", (cell, value) => expect(wholeNumberOf(cell)).toEqual({ ok: true, value }));

  it.each([
    [1.234, "decimal"],
    ["1,5", "decimal"],
    ["1.2", "decimal"],
    ["1.234,5", "decimal"],
    ["-3", "negative"],
    ["12a", "text"],
    ["1.23.4", "text"],
  ])("%j is refused (%s)", (cell, problem) => expect(wholeNumberOf(cell)).toMatchObject({ ok: false, problem }));
});
