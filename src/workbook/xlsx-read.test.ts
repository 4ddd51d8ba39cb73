import JSZip from "jszip";
import { readXlsxSnapshot, XlsxFormatError } from "./xlsx-read";

/** A minimal package written by hand, the way Excel lays it out. */
async function pkg(sheetXml: string, extra: { shared?: string; names?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Xã O&apos;Brien" sheetId="1" r:id="rId1"/></sheets><definedNames>${extra.names ?? ""}</definedNames></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file("xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${extra.shared ?? ""}</sst>`);
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

describe("reading .xlsx parts directly", () => {
  it("reads numbers, shared/rich/inline strings, booleans, errors and skips styled empty cells", async () => {
    const bytes = await pkg(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="3"/><c r="D1"><v>12.5</v></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>Xã Cẩm Xá</t></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#REF!</v></c></row>`,
      { shared: `<si><t>Phường Dị Sử</t></si><si><r><t>Đánh </t></r><r><rPr><b/></rPr><t>giá</t></r><rPh><t>x</t></rPh></si>` },
    );
    const s = await readXlsxSnapshot(bytes);
    expect(s.sheets).toEqual([
      { name: "Xã O'Brien", cells: { A1: "Phường Dị Sử", B1: "Đánh giá", D1: 12.5, A2: "Xã Cẩm Xá", B2: true, C2: { error: "#REF!" } } },
    ]);
  });

  it("keeps formulas with their cached result, and null when there is none", async () => {
    const s = await readXlsxSnapshot(
      await pkg(
        `<row r="5"><c r="C5"><f>SUM(DonViDau:DonViCuoi!C5)</f><v>7</v></c><c r="C6"><f>SUM(DonViDau:DonViCuoi!C6)</f></c><c r="C7" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>`,
      ),
    );
    expect(s.sheets[0].cells).toEqual({ C5: 7, C6: null, C7: "ab" });
    expect(s.sheets[0].formulas).toEqual({ C5: "=SUM(DonViDau:DonViCuoi!C5)", C6: "=SUM(DonViDau:DonViCuoi!C6)", C7: '="a"&"b"' });
  });

  it("gives each cell of a shared formula (Excel's fill-down) its own formula, relative references moved", async () => {
    const s = await readXlsxSnapshot(
      await pkg(
        `<row r="6"><c r="C6"><f t="shared" ref="C6:C8" si="0">D6+E6+$F$6+'Xã A6'!G6&amp;"H6"</f><v>3</v></c></row>` +
          `<row r="7"><c r="C7"><f t="shared" si="0"/><v>5</v></c></row><row r="8"><c r="C8"><f t="shared" si="0"/></c><c r="D8"><f t="shared" si="9"/><v>1</v></c></row>`,
      ),
    );
    expect(s.sheets[0].cells).toEqual({ C6: 3, C7: 5, C8: null, D8: 1 });
    expect(s.sheets[0].formulas).toEqual({ C6: `=D6+E6+$F$6+'Xã A6'!G6&"H6"`, C7: `=D7+E7+$F$6+'Xã A6'!G7&"H6"`, C8: `=D8+E8+$F$6+'Xã A6'!G8&"H6"` });
  });

  it("decodes the _xHHHH_ escapes in shared strings, inline strings and formula results", async () => {
    const s = await readXlsxSnapshot(
      await pkg(
        `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Số_x0009_05</t></is></c>` +
          `<c r="D1" t="str"><f>A1&amp;""</f><v>Dòng 1_x000b_Dòng 2</v></c></row>`,
        { shared: `<si><t>Dòng 1_x000b_Dòng 2</t></si><si><r><t>TEN_x005F_x000b_</t></r></si>` },
      ),
    );
    expect(s.sheets[0].cells).toEqual({ A1: "Dòng 1\u000BDòng 2", B1: "TEN_x000b_", C1: "Số\t05", D1: "Dòng 1\u000BDòng 2" });
    expect(s.sheets[0].formulas).toEqual({ D1: '=A1&""' });
  });

  it("reads workbook-level names, broken ones as #REF!, not sheet-level or Excel's own", async () => {
    const s = await readXlsxSnapshot(
      await pkg("", {
        names: `<definedName name="PAKN_TONG">'I. Kết quả'!$C$12</definedName><definedName name="X">'Gone'!#REF!</definedName><definedName name="L" localSheetId="0">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">A!$1:$3</definedName>`,
      }),
    );
    expect(s.names).toEqual({ PAKN_TONG: "'I. Kết quả'!$C$12", X: "#REF!" });
  });

  it.each<[string, Uint8Array | Promise<Uint8Array>, string]>([
    ["an empty file", new Uint8Array(), "empty"],
    ["an .xls (OLE)", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "ole"],
    ["text", new TextEncoder().encode("hello"), "notZip"],
    ["a truncated zip", pkg("").then((b) => b.slice(0, 60)), "corruptZip"],
  ])("refuses %s", async (_n, bytes, problem) => {
    const e = await readXlsxSnapshot(await bytes).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(XlsxFormatError);
    expect((e as XlsxFormatError).problem).toBe(problem);
  });
});
