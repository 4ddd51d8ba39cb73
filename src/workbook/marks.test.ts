import { loadDefinition } from "../report/kinds";
import type { Problem } from "../report/types";
import { buildLayout } from "./layout";
import { MARK_FILL, markEdits, parseMarks, planMarks, serializeMarks, type Mark } from "./marks";

const layout = buildLayout(loadDefinition());
const problem = (p: Partial<Problem>): Problem => ({ sheet: "I. Kết quả", cell: "C5", severity: "error", code: "x", message: "m", fieldId: "DGTD_TTHC", ...p });

describe("planning the marks of a check", () => {
  it("marks each problem cell once, with the worst severity and every message in the check column of its row", () => {
    const plan = planMarks(
      [],
      [
        problem({ severity: "warning", message: "cảnh báo A" }),
        problem({ severity: "error", message: "lỗi B" }),
        problem({ cell: "C12", fieldId: "PAKN_TONG", severity: "warning", message: "thiếu" }),
      ],
      layout,
    );
    expect(plan.restore).toEqual([]);
    expect(plan.place).toHaveLength(2);
    expect(plan.place[0]).toMatchObject({
      sheet: "I. Kết quả",
      cell: "C5",
      severity: "error",
      fill: MARK_FILL.error,
      status: { cell: "E5", text: "Cảnh báo: cảnh báo A\nLỗi: lỗi B" },
    });
    expect(plan.place[1]).toMatchObject({ cell: "C12", severity: "warning", fill: MARK_FILL.warning, status: { cell: "E12" } });
  });

  it("uses the check column of the field's own sheet layout (also on a renamed sheet)", () => {
    const plan = planMarks([], [problem({ sheet: "Thông tin", cell: "B14", fieldId: "NAM" })], layout);
    expect(plan.place[0].status!.cell).toBe("D14");
  });

  it("restores the marks whose problem is gone and keeps the original fill of marks still needed", () => {
    const previous: Mark[] = [
      { sheet: "I. Kết quả", cell: "C5", fill: "#FFF2CC", status: "E5", markFill: MARK_FILL.error },
      { sheet: "I. Kết quả", cell: "C12", fill: null, status: "E12", markFill: MARK_FILL.warning },
    ];
    const plan = planMarks(previous, [problem({ sheet: "i. kết quả" })], layout);
    expect(plan.restore).toEqual([previous[1]]);
    expect(plan.place[0].previous).toEqual(previous[0]);
  });

  it("does not mark a problem that has no cell (a missing sheet)", () => {
    expect(planMarks([], [problem({ fieldId: undefined, code: "sheet.missing", cell: "A1" })], layout).place).toEqual([]);
  });

  it("reads back what it stored, and ignores a damaged setting", () => {
    const marks: Mark[] = [{ sheet: "A", cell: "B2", fill: null, markFill: "#FFC7CE" }];
    expect(parseMarks(serializeMarks(marks))).toEqual(marks);
    expect(parseMarks("{not json")).toEqual([]);
    expect(parseMarks(undefined)).toEqual([]);
  });
});

describe("the marks as edits of a workbook file", () => {
  it("fills each problem cell and writes its check-column text, and nothing else", () => {
    const plan = planMarks(
      [],
      [problem({ severity: "warning", message: "cảnh báo A" }), problem({ cell: "C12", fieldId: "PAKN_TONG", message: "thiếu" })],
      layout,
    );
    expect(markEdits(plan)).toEqual([
      { sheet: "I. Kết quả", address: "C5", fill: MARK_FILL.warning },
      { sheet: "I. Kết quả", address: "E5", value: "Cảnh báo: cảnh báo A" },
      { sheet: "I. Kết quả", address: "C12", fill: MARK_FILL.error },
      { sheet: "I. Kết quả", address: "E12", value: "Lỗi: thiếu" },
    ]);
  });
});
