/** The shared .xlsx reader on hostile or extreme content (issue 9, item 3). */
import JSZip from "jszip";
import { ZIP_LIMITS } from "./zip-guard";
import { readXlsxSnapshot, XlsxFormatError } from "./xlsx-read";
import { sheetXml, workbookParts, writeZip, type RawEntry } from "./zip-testing";

const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet1.xml";

/** A one-sheet workbook with shared strings; `replace` swaps any part's content. */
function workbook(rows: string, opts: { shared?: string; replace?: Record<string, string> } = {}): Buffer {
  const parts: RawEntry[] = [
    ...workbookParts([{ name: "A", part: SHEET }]),
    { name: SHEET, data: sheetXml(rows) },
    { name: "xl/sharedStrings.xml", data: `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.shared ?? ""}</sst>` },
  ];
  const rels = parts.find((p) => p.name === "xl/_rels/workbook.xml.rels")!;
  rels.data = String(rels.data).replace(
    "</Relationships>",
    '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  for (const [name, data] of Object.entries(opts.replace ?? {})) parts.find((p) => p.name === name)!.data = data;
  return writeZip(parts);
}

async function refusal(bytes: Uint8Array): Promise<XlsxFormatError> {
  const e = await readXlsxSnapshot(bytes).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(XlsxFormatError);
  return e as XlsxFormatError;
}

const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 3} "${`&lol${i + 2};`.repeat(10)}">`).join("") +
  "]>";

describe("XML with a DOCTYPE or entity declarations", () => {
  it.each(["_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", SHEET])(
    "in %s is refused, nothing expanded",
    async (part) => {
      const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>';
      const original = await (await JSZip.loadAsync(workbook(rows))).file(part)!.async("string");
      const t = Date.now();
      const e = await refusal(workbook(rows, { replace: { [part]: LAUGHS + original.replace(/^<\?xml[^>]*\?>/, "") } }));
      expect(e.problem).toBe("unsafeXml");
      expect(e.info.part).toBe(part);
      expect(Date.now() - t).toBeLessThan(5000);
    },
  );

  it("an entity declared without a DOCTYPE around it is refused too", async () => {
    expect((await refusal(workbook(`<!ENTITY x "y"><row r="1"/>`))).problem).toBe("unsafeXml");
  });

  it("the word DOCTYPE in a cell's text is only text", async () => {
    const s = await readXlsxSnapshot(workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { shared: "<si><t>&lt;!DOCTYPE html&gt;</t></si>" }));
    expect(s.sheets[0].cells).toEqual({ A1: "<!DOCTYPE html>" });
  });
});

describe("extreme but legitimate content", () => {
  it("reads a cell of 32,767 characters (Excel's maximum), shared or inline, exactly", async () => {
    const text = ("Đánh giá & <kết quả> " + "ỹ").repeat(2000).slice(0, 32_767);
    expect(text).toHaveLength(32_767);
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const s = await readXlsxSnapshot(
      workbook(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${esc(text)}</t></is></c></row>`, {
        shared: `<si><t>${esc(text)}</t></si>`,
      }),
    );
    // compared as booleans: a failed match of two 32 KB strings prints too much to read
    expect([String(s.sheets[0].cells.A1).length, s.sheets[0].cells.A1 === text]).toEqual([32_767, true]);
    expect([String(s.sheets[0].cells.B1).length, s.sheets[0].cells.B1 === text]).toEqual([32_767, true]);
  });

  it("gives an error value for a formula returning an error, even in a cell formatted as text", async () => {
    // Excel writes a formula's error result with t="e" whatever the cell's number format (s="1" here: "@")
    const s = await readXlsxSnapshot(
      workbook(
        '<row r="2"><c r="B2" s="1" t="e"><f>VLOOKUP("x",C1:C3,1,FALSE)</f><v>#N/A</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="s"><v>0</v></c></row>',
        {
          shared: "<si><t>#N/A</t></si>",
        },
      ),
    );
    expect(s.sheets[0].cells).toEqual({ B2: { error: "#N/A" }, C2: { error: "#DIV/0!" }, D2: "#N/A" });
    expect(s.sheets[0].formulas).toEqual({ B2: '=VLOOKUP("x",C1:C3,1,FALSE)', C2: "=1/0" });
  });
});

describe("10,000 sheets", () => {
  const sheets = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `S${i + 1}`, part: `xl/worksheets/sheet${i + 1}.xml` }));
  const packageOf = (list: { name: string; part: string }[]) =>
    writeZip([...workbookParts(list), ...list.map((s, i) => ({ name: s.part, data: sheetXml(`<row r="1"><c r="A1"><v>${i}</v></c></row>`) }))]);

  it("each in its own part: refused (more parts than the limit) within seconds", async () => {
    const bytes = packageOf(sheets(10_000));
    const rss = process.memoryUsage().rss;
    const t = Date.now();
    const e = await refusal(bytes);
    expect(e.problem).toBe("tooLarge");
    expect(e.info.breach).toEqual({ kind: "entries", size: 10_003, limit: ZIP_LIMITS.entries });
    expect(Date.now() - t).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
  });

  it("just under the limit (9,990 sheets): read within seconds", async () => {
    const bytes = packageOf(sheets(9_990));
    const t = Date.now();
    const s = await readXlsxSnapshot(bytes);
    expect(s.sheets).toHaveLength(9_990);
    expect(s.sheets[9_989]).toEqual({ name: "S9990", cells: { A1: 9_989 } });
    expect(Date.now() - t).toBeLessThan(20_000);
  });

  it("all on one part: read within seconds", async () => {
    const list = sheets(10_000).map((s) => ({ ...s, part: SHEET }));
    const bytes = writeZip([...workbookParts(list), { name: SHEET, data: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }]);
    const t = Date.now();
    const s = await readXlsxSnapshot(bytes);
    expect(s.sheets).toHaveLength(10_000);
    expect(Date.now() - t).toBeLessThan(20_000);
  });
});
