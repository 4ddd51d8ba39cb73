import { emptyData, isValidDefinedName, sheetNameProblem, validateDefinition } from "./definition";
import { loadDefinition } from "./kinds";
import { sampleData } from "./sample";
import type { ReportDefinition } from "./types";

describe("report definition", () => {
  const def = loadDefinition();

  it("loads the definition of templates/ and every field has a sheet", () => {
    expect(def.sheets.map((s) => s.name)).toEqual(["Thông tin chung", "I. Kết quả", "II. Đánh giá", "III. Nhiệm vụ", "IV. Kiến nghị"]);
    expect(def.fields.find((f) => f.id === "PAKN_TONG")).toMatchObject({ kind: "count", measure: "PAKN", pad: 0 });
    expect(def.fields.find((f) => f.id === "DGTD_TTHC")).toMatchObject({ kind: "count", measure: "TTHC", pad: 2 });
  });

  it("sample data has a value for exactly the definition's fields", () => {
    expect(Object.keys(sampleData().values).sort()).toEqual(def.fields.map((f) => f.id).sort());
    expect(Object.keys(emptyData(def).values).sort()).toEqual(def.fields.map((f) => f.id).sort());
  });

  it("rejects a definition whose body refers to an unknown field", () => {
    const broken: ReportDefinition = structuredClone(def);
    broken.document.body.push({ type: "count", field: "KHONG_CO" });
    expect(() => validateDefinition(broken)).toThrow(/\/document\/body\/\d+\/field: trỏ tới trường "KHONG_CO" không có trong "fields"/);
  });

  it("rejects an id that Excel would read as a cell reference", () => {
    const broken: ReportDefinition = structuredClone(def);
    broken.fields[0].id = "TN1";
    expect(() => validateDefinition(broken)).toThrow(/\/fields\/0\/id: mã trường "TN1" không dùng được làm tên vùng/);
  });

  it("rejects a per-unit sheet whose rate is not a percentage of roll-up figures, and a units appendix without it", () => {
    const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
    const broken: ReportDefinition = structuredClone(dossier);
    broken.unitResults!.rates![0].value = "soTraLaiRut";
    broken.document.values!.dem = { unitsWith: ["NAM"] };
    expect(() => validateDefinition(broken)).toThrow(/\/unitResults\/rates\/0\/value: "soTraLaiRut" không phải tỷ lệ/);
    expect(() => validateDefinition(broken)).toThrow(/\/document\/values\/dem\/unitsWith\/0: "NAM" không phải số liệu được tổng hợp theo đơn vị/);
    const noSheet: ReportDefinition = structuredClone(dossier);
    delete noSheet.unitResults;
    noSheet.document.appendices!.push({ units: true, title: "KẾT QUẢ THEO ĐƠN VỊ" });
    expect(() => validateDefinition(noSheet)).toThrow(/appendices\/1\/units: phụ lục kết quả theo đơn vị cần khóa "unitResults"/);
  });

  it("knows Excel's defined-name and sheet-name rules", () => {
    expect(isValidDefinedName("PAKN_TONG")).toBe(true);
    expect(isValidDefinedName("ABC12")).toBe(false);
    expect(isValidDefinedName("R1C1")).toBe(false);
    expect(isValidDefinedName("1ABC")).toBe(false);
    expect(sheetNameProblem("I. Kết quả")).toBeNull();
    expect(sheetNameProblem("a".repeat(32))).toMatch(/31 ký tự/);
    expect(sheetNameProblem("A/B")).toMatch(/không được dùng/);
    expect(sheetNameProblem("'A")).toMatch(/nháy đơn/);
    expect(sheetNameProblem("history")).toMatch(/dành riêng/);
  });
});
