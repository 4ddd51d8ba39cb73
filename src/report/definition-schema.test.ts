import { readdirSync, readFileSync } from "fs";
import path from "path";
import { DefinitionError } from "./definition";
import { definitionJsonIssues, parseDefinitionText } from "./definition-schema";
import { builtInKinds, loadDefinition } from "./kinds";

const TEMPLATES = path.join(__dirname, "..", "..", "templates");

describe("the JSON Schema of report definitions", () => {
  it.each(readdirSync(TEMPLATES).filter((f) => f.endsWith(".definition.json")))("accepts the built-in %s with no issue", (file) => {
    const json = JSON.parse(readFileSync(path.join(TEMPLATES, file), "utf8"));
    expect(definitionJsonIssues(json)).toEqual([]);
  });

  it("lists both built-in kinds, the monthly one first", () => {
    expect(builtInKinds().map((k) => k.id)).toEqual(["bao-cao-cctthc-thang", "bao-cao-giai-quyet-tthc"]);
  });

  const monthly = () => structuredClone(loadDefinition()) as unknown as Record<string, any>;

  it("names the JSON path of a role pointing at a missing field", () => {
    const def = monthly();
    def.document.frame.signerName = "NGUOI_KY_X";
    expect(definitionJsonIssues(def)).toEqual([{ path: "/document/frame/signerName", message: 'trỏ tới trường "NGUOI_KY_X" không có trong "fields".' }]);
  });

  it("names a misspelt key, a wrong type and a missing key in Vietnamese", () => {
    const def = monthly();
    def.fields[0].lable = "x";
    def.version = "1";
    delete def.document.frame.agency;
    const issues = definitionJsonIssues(def);
    expect(issues).toContainEqual({ path: "/fields/0/lable", message: 'khóa "lable" không có trong định dạng (viết sai tên khóa?).' });
    expect(issues).toContainEqual({ path: "/version", message: "phải là số nguyên." });
    expect(issues).toContainEqual({ path: "/document/frame", message: 'thiếu khóa bắt buộc "agency".' });
  });

  it("refuses a role of the wrong kind and a rule on an unknown column", () => {
    const def = structuredClone(loadDefinition("bao-cao-giai-quyet-tthc")) as unknown as Record<string, any>;
    def.document.frame.recipients = "NGUOI_KY";
    def.rules[0].parts[0] = "KHONG_CO";
    const issues = definitionJsonIssues(def);
    expect(issues).toContainEqual({ path: "/document/frame/recipients", message: 'trường "NGUOI_KY" là chữ (text), ở đây cần danh sách dòng (lines).' });
    expect(issues).toContainEqual({ path: "/rules/0/parts/0", message: 'bảng "BIEU_06" không có cột "KHONG_CO".' });
  });

  it("accepts a computed column (sumOf) and names an unknown column, a self-reference and a computed part by their JSON path", () => {
    const def = structuredClone(loadDefinition("bao-cao-giai-quyet-tthc")) as unknown as Record<string, any>;
    const columns = def.fields.find((f: { id: string }) => f.id === "BIEU_06").table.columns;
    const at = `/fields/${def.fields.findIndex((f: { id: string }) => f.id === "BIEU_06")}/table/columns`;
    columns[0].sumOf = ["TRUC_TUYEN", "TRUC_TIEP", "TU_KY_TRUOC"];
    expect(definitionJsonIssues(def)).toEqual([]);
    columns[4].sumOf = ["TRUOC_HAN", "KHONG_CO", "DA_GQ", "TONG_NHAN"];
    expect(definitionJsonIssues(def)).toEqual([
      { path: `${at}/4/sumOf/1`, message: 'bảng "BIEU_06" không có cột "KHONG_CO".' },
      { path: `${at}/4/sumOf/2`, message: 'cột "DA_GQ" không thể là tổng của chính nó.' },
      { path: `${at}/4/sumOf/3`, message: 'cột "TONG_NHAN" cũng là cột tính bằng công thức; "sumOf" chỉ cộng các cột nhập số liệu.' },
    ]);
    columns[4].sumOf = [];
    expect(definitionJsonIssues(def)).toEqual([expect.objectContaining({ path: `${at}/4/sumOf` })]);
  });

  it("refuses a placeholder that is neither a field, a period word nor a computed value", () => {
    const def = monthly();
    def.document.trichYeu = "Báo cáo {kyx} {THANG}";
    expect(definitionJsonIssues(def)).toEqual([
      expect.objectContaining({ path: "/document/trichYeu", message: expect.stringMatching(/^chỗ điền "\{kyx\}" không phải/) }),
    ]);
  });

  it("throws a DefinitionError for text that is not JSON, naming the file", () => {
    expect(() => parseDefinitionText("{ khong phai json", "rieng.json")).toThrow(DefinitionError);
    expect(() => parseDefinitionText("{ khong phai json", "rieng.json")).toThrow(
      /Định nghĩa báo cáo rieng\.json không dùng được:\n- \/: không phải JSON hợp lệ/,
    );
  });
});
