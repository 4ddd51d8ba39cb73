/**
 * The package patcher: cells written (values, inline strings, formulas, fonts) keeping their
 * style, rows made where missing, every untouched part the same byte for byte, stale cached
 * results dropped, the calculation chain removed when formulas change, fonts put in the
 * schema's order, sheets taken from another package with their styles.
 */
import JSZip from "jszip";
import { orderFonts, PatchError, withFontsInOrder, XlsxPackage } from "./xlsx-patch";
import { readXlsxSnapshot } from "./xlsx-read";
import { workbookParts, writeZip, type RawEntry } from "./zip-testing";

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="12"/><name val=".VnTime"/><charset val="163"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

const SHEET1 =
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cols><col min="2" max="2" width="77" customWidth="1"/></cols><sheetData>` +
  `<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><v>5</v></c><c r="C1"><f>B1*2</f><v>10</v></c></row>` +
  `<row r="3"><c r="B3" s="1"><v>7</v></c></row>` +
  `</sheetData><conditionalFormatting sqref="B1:B3"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>100</formula></cfRule></conditionalFormatting><pageSetup orientation="landscape"/></worksheet>`;
const SHEET2 = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="Z9" s="1"/><c r="A1"><f>Sheet1!B1+1</f><v>6</v></c><c r="B1"><f>7+1</f><v>8</v></c></row></sheetData></worksheet>`;
const SHEET3 = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`;

function workbook(names = ["Sheet1", "Tính", "Riêng"], extra: RawEntry[] = []): Uint8Array {
  const xml = [SHEET1, SHEET2, SHEET3];
  const entries = [
    ...workbookParts(names.map((name, i) => ({ name, part: `xl/worksheets/sheet${i + 1}.xml` }))),
    ...names.map((_, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: xml[i] })),
  ];
  const rels = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels")!;
  rels.data = Buffer.from(
    String(rels.data).replace(
      "</Relationships>",
      `<Relationship Id="rSt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rSs" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` +
        `<Relationship Id="rCc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
    ),
  );
  return writeZip([
    ...entries,
    { name: "xl/styles.xml", data: STYLES },
    { name: "xl/sharedStrings.xml", data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Sè liÖu</t></si></sst>` },
    { name: "xl/calcChain.xml", data: `<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="C1" i="1"/></calcChain>` },
    { name: "xl/charts/chart1.xml", data: "<chart/>" },
    ...extra,
  ]);
}

async function parts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out[name] = await f.async("string");
  return out;
}

describe("XlsxPackage.edit", () => {
  it("writes values, texts, formulas and clears, keeping each cell's style; other rows and parts stay byte for byte", async () => {
    const before = await parts(workbook());
    const pkg = await XlsxPackage.open(workbook());
    await pkg.edit([
      { sheet: "sheet1", address: "B1", value: 6 }, // sheet names without case, as Excel
      { sheet: "Sheet1", address: "B3", value: null },
      { sheet: "Sheet1", address: "D1", value: " Số <1> & _x000D_ " },
      { sheet: "Sheet1", address: "A2", formula: "=SUM(B1:B3)" },
      { sheet: "Sheet1", address: "E5", value: true },
    ]);
    const after = await parts(await pkg.bytes());
    const sheet = after["xl/worksheets/sheet1.xml"];
    // a styled empty cell before a formula cell is not taken for its opening (the cached results dropped cell by cell)
    expect(after["xl/worksheets/sheet2.xml"]).toMatch(/^<\?xml[^>]*><worksheet [^>]*><sheetData><row r="1"><c r="Z9" s="1"\/><c r="A1">/);
    expect(sheet).toContain(`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><v>6</v></c><c r="C1"><f>B1*2</f></c>`);
    expect(sheet).toContain(`<c r="D1" t="inlineStr"><is><t xml:space="preserve"> Số &lt;1&gt; &amp; _x005F_x000D_ </t></is></c></row>`);
    expect(sheet).toContain(`<row r="2"><c r="A2"><f>SUM(B1:B3)</f></c></row><row r="3"><c r="B3" s="1"/></row>`);
    expect(sheet).toContain(`<row r="5"><c r="E5" t="b"><v>1</v></c></row>`);
    // outside the cells, the sheet is as it was: widths, conditional format, page setup
    const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, "");
    expect(outside(sheet)).toBe(outside(before["xl/worksheets/sheet1.xml"]));
    // a sheet whose formulas read the edited one loses their cached results; one that does not stays byte for byte
    expect(after["xl/worksheets/sheet2.xml"]).toContain(`<c r="A1"><f>Sheet1!B1+1</f></c><c r="B1"><f>7+1</f></c>`);
    expect(after["xl/worksheets/sheet3.xml"]).toBe(before["xl/worksheets/sheet3.xml"]);
    for (const name of ["xl/charts/chart1.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) expect(after[name]).toBe(before[name]);
    // formulas changed: the calculation chain goes (with its relationship), a full calculation on load
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(after["xl/_rels/workbook.xml.rels"]).not.toContain("calcChain");
    expect(after["xl/workbook.xml"]).toContain(`<calcPr fullCalcOnLoad="1"/>`);
    const snapshot = await readXlsxSnapshot(await pkg.bytes());
    expect(snapshot.sheets[0].cells).toMatchObject({ A1: "Sè liÖu", B1: 6, D1: " Số <1> & _x000D_ ", E5: true });
    expect(snapshot.sheets[0].cells.B3).toBeUndefined();
  });

  it("gives a cell another font in a new style like its own (the legacy font's character set dropped), once per style", async () => {
    const pkg = await XlsxPackage.open(workbook());
    await pkg.edit([
      { sheet: "Sheet1", address: "A1", value: "Số liệu", font: "Times New Roman" },
      { sheet: "Sheet1", address: "B3", value: 7, font: "Times New Roman" },
    ]);
    const after = await parts(await pkg.bytes());
    expect(after["xl/styles.xml"]).toContain(`<fonts count="3">`);
    expect(after["xl/styles.xml"]).toContain(`<font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>`);
    expect(after["xl/styles.xml"]).toContain(`<cellXfs count="3">`);
    expect(after["xl/styles.xml"]).toContain(`<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>`);
    expect(after["xl/worksheets/sheet1.xml"]).toContain(`<c r="A1" s="2" t="inlineStr"><is><t>Số liệu</t></is></c>`);
    expect(after["xl/worksheets/sheet1.xml"]).toContain(`<c r="B3" s="2"><v>7</v></c>`);
    expect((await readXlsxSnapshot(await pkg.bytes())).sheets[0].fonts).toEqual({ A1: "Times New Roman" });
    // values only: the calculation chain stays
    expect(after["xl/calcChain.xml"]).toBeDefined();
  });

  it("fills cells with a solid colour in a style like their own, keeping their content, their results and the calculation chain", async () => {
    const before = await parts(workbook());
    const pkg = await XlsxPackage.open(workbook());
    await pkg.edit([
      { sheet: "Sheet1", address: "C1", fill: "#FFC7CE" }, // a formula with its cached result
      { sheet: "Sheet1", address: "B3", fill: "#FFC7CE" }, // a number, style 1
      { sheet: "Sheet1", address: "A1", fill: "#ffc7ce" }, // a shared string, style 1: the same new style as B3
      { sheet: "Sheet1", address: "F7", fill: "#FFEB9C" }, // no cell, no row: made empty and filled
    ]);
    const after = await parts(await pkg.bytes());
    const styles = after["xl/styles.xml"];
    expect(styles).toContain(
      `<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
        `<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill>` +
        `<fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill></fills>`,
    );
    expect(styles).toContain(
      `<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
        `<xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0" applyFill="1"/>` +
        `<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>` +
        `<xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/></cellXfs>`,
    );
    const sheet = after["xl/worksheets/sheet1.xml"];
    expect(sheet).toContain(`<c r="A1" s="3" t="s"><v>0</v></c><c r="B1"><v>5</v></c><c r="C1" s="2"><f>B1*2</f><v>10</v></c>`);
    expect(sheet).toContain(`<c r="B3" s="3"><v>7</v></c>`);
    expect(sheet).toContain(`<row r="7"><c r="F7" s="4"/></row>`);
    // only styles changed: no result dropped, the chain and the other sheets as they were, no recalculation asked
    for (const name of ["xl/calcChain.xml", "xl/worksheets/sheet2.xml", "xl/workbook.xml"]) expect(after[name]).toBe(before[name]);
    const [a, b] = await Promise.all([readXlsxSnapshot(workbook()), readXlsxSnapshot(await pkg.bytes())]);
    expect(b.sheets.map((s) => s.cells)).toEqual(a.sheets.map((s) => s.cells));
  });

  it("writes the check column's text without dropping cached results when told no formula reads it", async () => {
    const before = await parts(workbook());
    const pkg = await XlsxPackage.open(workbook());
    await pkg.edit([{ sheet: "Sheet1", address: "H3", value: "Lỗi: thiếu số" }], { readByNoFormula: true });
    const after = await parts(await pkg.bytes());
    expect(after["xl/worksheets/sheet1.xml"]).toContain(`<c r="C1"><f>B1*2</f><v>10</v></c>`);
    expect(after["xl/worksheets/sheet1.xml"]).toContain(`<c r="H3" t="inlineStr"><is><t>Lỗi: thiếu số</t></is></c>`);
    expect(after["xl/worksheets/sheet2.xml"]).toBe(before["xl/worksheets/sheet2.xml"]);
  });

  it("writes out a shared formula (Excel's fill down) in every cell of its range when its first cell changes", async () => {
    const shared =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">A1*2</f><v>2</v></c></row>` +
      `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row>` +
      `<row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"/><v>6</v></c></row></sheetData></worksheet>`;
    const bytes = writeZip([...workbookParts([{ name: "Sheet1", part: "xl/worksheets/sheet1.xml" }]), { name: "xl/worksheets/sheet1.xml", data: shared }]);
    const pkg = await XlsxPackage.open(bytes);
    await pkg.edit([{ sheet: "Sheet1", address: "B1", value: null }]);
    const snapshot = await readXlsxSnapshot(await pkg.bytes());
    expect(snapshot.sheets[0].formulas).toEqual({ B2: "=A2*2", B3: "=A3*2" });
    expect(snapshot.sheets[0].cells.B1).toBeUndefined();
  });

  it("refuses a sheet that is not there (the callers check first)", async () => {
    const pkg = await XlsxPackage.open(workbook());
    await expect(pkg.edit([{ sheet: "Không có", address: "A1", value: 1 }])).rejects.toBeInstanceOf(PatchError);
  });

  it("sets a defined name of its own, replacing one of the same name", async () => {
    const pkg = await XlsxPackage.open(workbook());
    await pkg.setDefinedName("TONG", "Sheet1!$B$1");
    await pkg.setDefinedName("TONG", "Sheet1!$B$3");
    expect((await readXlsxSnapshot(await pkg.bytes())).names).toEqual({ TONG: "Sheet1!$B$3" });
  });
});

describe("XlsxPackage.addSheetsFrom", () => {
  it("adds another package's sheets at the end: texts inline, styles imported, everything else of the sheet as written", async () => {
    const pkg = await XlsxPackage.open(workbook());
    const source = await XlsxPackage.open(workbook(["Xã A", "Xã B"]));
    await expect(pkg.addSheetsFrom(source, ["Không có"])).rejects.toBeInstanceOf(PatchError);
    await pkg.addSheetsFrom(source, ["Xã A", "Xã B"]);
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Sheet1", "Tính", "Riêng", "Xã A", "Xã B"]);
    const bytes = await pkg.bytes();
    const after = await parts(bytes);
    const added = after["xl/worksheets/sheet4.xml"];
    expect(added).toContain(`<c r="A1" s="1" t="inlineStr"><is><t>Sè liÖu</t></is></c>`); // the same style exists: reused
    expect(added).toContain(`<conditionalFormatting sqref="B1:B3">`);
    expect(after["xl/styles.xml"]).toBe(STYLES); // nothing new to add
    const snapshot = await readXlsxSnapshot(bytes);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(["Sheet1", "Tính", "Riêng", "Xã A", "Xã B"]);
    expect(snapshot.sheets[3].cells).toMatchObject({ A1: "Sè liÖu", B1: 5, B3: 7 });
    expect(snapshot.sheets[3].fonts).toEqual({ A1: ".VnTime" });
    expect(snapshot.sheets[4].formulas).toEqual({ A1: "=Sheet1!B1+1", B1: "=7+1" });
  });

  it("imports a style the package does not have: its font, fill and number format added", async () => {
    const otherStyles = STYLES.replace(
      /<xf numFmtId="0" fontId="1"[^>]*\/>/,
      '<xf numFmtId="164" fontId="1" fillId="1" borderId="0" xfId="0" applyNumberFormat="1"/>',
    )
      .replace("<fonts", '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts><fonts')
      .replace('<name val=".VnTime"/>', '<name val="Arial"/>');
    const sourceBytes = workbook(["Xã A"]);
    const zip = await JSZip.loadAsync(sourceBytes);
    zip.file("xl/styles.xml", otherStyles);
    const source = await XlsxPackage.open(await zip.generateAsync({ type: "uint8array" }));
    const pkg = await XlsxPackage.open(workbook());
    await pkg.addSheetsFrom(source, ["Xã A"]);
    const after = await parts(await pkg.bytes());
    expect(after["xl/worksheets/sheet4.xml"]).toContain(`<c r="A1" s="2" t="inlineStr">`);
    expect(after["xl/styles.xml"]).toContain(`<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>`);
    expect(after["xl/styles.xml"]).toContain(`<xf numFmtId="164" fontId="2" fillId="1" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`);
    expect((await readXlsxSnapshot(await pkg.bytes())).sheets[3].fonts).toEqual({ A1: "Arial" });
  });
});

describe("fonts in the schema's order", () => {
  it("puts <sz> and <color> before <name> and <scheme>, and leaves ordered fonts alone", async () => {
    const exceljs = `<fonts count="2"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>`;
    expect(orderFonts(exceljs)).toBe(
      `<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>`,
    );
    expect(orderFonts(STYLES)).toBe(STYLES);
    const bytes = writeZip([{ name: "xl/styles.xml", data: exceljs }]);
    const fixed = await parts(await withFontsInOrder(bytes));
    expect(fixed["xl/styles.xml"]).toBe(orderFonts(exceljs));
    const ordered = writeZip([{ name: "xl/styles.xml", data: STYLES }]);
    expect(await withFontsInOrder(ordered)).toBe(ordered); // nothing to do: the same bytes
  });
});
