import { readdirSync, readFileSync } from "fs";
import path from "path";
import { bodyLines } from "../docx";
import { unpackDocx } from "../docx/docx-xml.testutil";
import { packReport } from "../docx";
import { buildLayout } from "../workbook/layout";
import { DefinitionError } from "./definition";
import { definitionJsonIssues, parseDefinition, parseDefinitionText, upgradeDefinitionJson } from "./definition-schema";
import { builtInKinds, loadDefinition } from "./kinds";
import { sampleData } from "./sample";

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

  const dossier = () => structuredClone(loadDefinition("bao-cao-giai-quyet-tthc")) as unknown as Record<string, any>;

  it("returned dossiers: a rowBalance needs a severity, or both whenGreater and whenLess; a paragraph's unlessZero names a number of document.values", () => {
    const def = dossier();
    const balance = def.rules.find((r: { kind: string }) => r.kind === "rowBalance");
    delete balance.whenLess;
    expect(definitionJsonIssues(def).map((i) => i.path)).toContain(`/rules/${def.rules.indexOf(balance)}`);
    balance.severity = "error";
    expect(definitionJsonIssues(def)).toEqual([]);

    const at = def.document.body.findIndex((b: { unlessZero?: string }) => b.unlessZero);
    def.document.body[at].unlessZero = "khongCo";
    expect(definitionJsonIssues(def)).toEqual([{ path: `/document/body/${at}/unlessZero`, message: '"khongCo" không có trong "document.values".' }]);
    def.document.body[at].unlessZero = "tyLeDungHan";
    expect(definitionJsonIssues(def)).toEqual([
      {
        path: `/document/body/${at}/unlessZero`,
        message:
          '"tyLeDungHan" không phải giá trị số (tổng "sum", hiệu "difference", số đơn vị hay số đơn vị chưa gửi {"missingUnits": "count"}) nên không so được với 0.',
      },
    ]);
    def.document.body[at].unlessZero = "soTraLaiRut";
    def.document.values.soTraLaiRut.minus = ["BIEU_06.KHONG_CO"];
    expect(definitionJsonIssues(def)).toEqual([{ path: "/document/values/soTraLaiRut/minus/0", message: 'bảng "BIEU_06" không có cột "KHONG_CO".' }]);
  });

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

describe('"measure" (đơn vị tính) and the older key "unit"', () => {
  const MONTHLY = "bao-cao-cctthc-thang";
  const newStyle = () => JSON.parse(readFileSync(path.join(TEMPLATES, `${MONTHLY}.definition.json`), "utf8"));
  /** the monthly definition as written before the rename: every field's "measure" called "unit", in the same place */
  const oldStyle = () => {
    const json = newStyle();
    json.fields = json.fields.map((f: Record<string, unknown>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k === "measure" ? "unit" : k, v])));
    return json;
  };

  it("the built-in definitions use only today's name", () => {
    for (const file of readdirSync(TEMPLATES).filter((f) => f.endsWith(".definition.json"))) {
      const fields = JSON.parse(readFileSync(path.join(TEMPLATES, file), "utf8")).fields as Record<string, unknown>[];
      expect(fields.filter((f) => "unit" in f).map((f) => f.id)).toEqual([]);
    }
    expect(newStyle().fields.filter((f: Record<string, unknown>) => f.measure).length).toBe(9);
  });

  it('an old definition with "unit" loads with no issue and reads as the same definition, key order kept, its JSON untouched', () => {
    const old = oldStyle();
    const before = JSON.stringify(old);
    expect(old.fields.filter((f: Record<string, unknown>) => f.unit).length).toBe(9);
    expect(definitionJsonIssues(old)).toEqual([]);
    const def = parseDefinition(old, "cu.json");
    expect(def).toEqual(loadDefinition(MONTHLY));
    expect(JSON.stringify(def)).toBe(JSON.stringify(newStyle()));
    expect(def.fields.find((f) => f.id === "PAKN_TONG")).toMatchObject({ measure: "PAKN" });
    expect(def.fields.some((f) => "unit" in f)).toBe(false);
    expect(JSON.stringify(old)).toBe(before);
  });

  it("an old definition gives the same sheets (its own JSON carried in new style) and the same Word document as the new one", async () => {
    const fromOld = parseDefinitionText(JSON.stringify(oldStyle()), "cu.json");
    const fromNew = parseDefinitionText(JSON.stringify(newStyle()), "moi.json");
    const layout = buildLayout(fromOld);
    expect(layout).toEqual(buildLayout(fromNew));
    // the unit of measure beside each count on "I. Kết quả", as before
    const ketQua = layout.sheets.find((s) => s.name === "I. Kết quả")!;
    expect(ketQua.cells.filter((c) => c.style === "measure" && c.value !== null).map((c) => `${c.address} ${String(c.value)}`)).toEqual([
      "D5 TTHC",
      "D6 TTHC",
      "D8 TTHC",
      "D9 TTHC",
      "D10 TTHC",
      "D12 PAKN",
      "D13 PAKN",
      "D14 PAKN",
      "D15 PAKN",
    ]);
    const kindJson = layout.sheets.find((s) => s.name === "BaoCaoLoai")!.cells.find((c) => c.address === "A2")!.value as string;
    expect(kindJson).toContain('"measure":"PAKN"');
    expect(kindJson).not.toContain('"unit"');

    const data = sampleData(MONTHLY);
    expect(bodyLines(fromOld, data)).toEqual(bodyLines(fromNew, data));
    const [a, b] = await Promise.all([packReport(fromOld, data), packReport(fromNew, data)]);
    expect((await unpackDocx(a))["word/document.xml"]).toBe((await unpackDocx(b))["word/document.xml"]);
  });

  it('a field with both keys: a Vietnamese message at its "unit", whatever the values', () => {
    const json = newStyle();
    const i = json.fields.findIndex((f: { id: string }) => f.id === "PAKN_TONG");
    json.fields[i].unit = "PAKN";
    const message = 'khóa "unit" là tên cũ của "measure" (đơn vị tính); một trường không dùng cả hai khóa, hãy xóa "unit".';
    expect(definitionJsonIssues(json)).toEqual([{ path: `/fields/${i}/unit`, message }]);
    json.fields[i].unit = "hồ sơ";
    expect(definitionJsonIssues(json)).toEqual([{ path: `/fields/${i}/unit`, message }]);
    expect(() => parseDefinitionText(JSON.stringify(json), "rieng.json")).toThrow(
      `Định nghĩa báo cáo rieng.json không dùng được:\n- /fields/${i}/unit: ${message}`,
    );
  });

  it('names the key as written: an old "unit" that is not text, a count without a unit of measure', () => {
    const json = oldStyle();
    const i = json.fields.findIndex((f: { id: string }) => f.id === "PAKN_TONG");
    json.fields[i].unit = 5;
    expect(definitionJsonIssues(json)).toEqual([{ path: `/fields/${i}/unit`, message: "phải là chuỗi chữ." }]);
    delete json.fields[i].unit;
    expect(definitionJsonIssues(json)).toEqual([{ path: `/fields/${i}/measure`, message: 'trường số đếm "PAKN_TONG" cần đơn vị tính ("measure").' }]);
  });

  it("upgradeDefinitionJson leaves anything without fields, and a definition with today's names, as it is", () => {
    for (const json of [null, 3, "x", [], {}, { fields: "x" }]) expect(upgradeDefinitionJson(json)).toEqual({ json, issues: [] });
    const json = newStyle();
    expect(upgradeDefinitionJson(json).json).toBe(json);
  });
});
