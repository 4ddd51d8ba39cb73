/**
 * The tables of an exported file: HTML saved as .xls (rowspan, colspan, missing closing tags,
 * entities), CSV (BOM, semicolon, quotes), a real BIFF .xls or another encoding refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { decodeSourceText, parseCsv, parseHtmlTables, readSourceTables } from "./source";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("HTML tables", () => {
  it("puts a spanned cell's text in every position it covers", () => {
    const [t] = parseHtmlTables(`<table>
      <tr><th rowspan="2">STT</th><th colspan="2">Số hồ sơ nhận</th><th rowspan=2>Ghi chú</th></tr>
      <tr><th>Tổng số</th><th>Trực&nbsp;tuyến</th></tr>
      <tr><td>2<td>1.234<td>&#7843;<br>b</td><td></td></tr>
    </table>`);
    expect(t.rows).toEqual([
      ["STT", "Số hồ sơ nhận", "Số hồ sơ nhận", "Ghi chú"],
      ["STT", "Tổng số", "Trực tuyến", "Ghi chú"],
      ["2", "1.234", "ả b", null],
    ]);
  });

  it("reads each outer table, a table inside a cell as that cell's text", () => {
    const tables = parseHtmlTables(`<p>x</p><table><tr><td>a</td><td><table><tr><td>in</td></tr></table></td></tr></table><table><tr><td>b</td></tr></table>`);
    expect(tables.map((t) => t.rows)).toEqual([[["a", "in"]], [["b"]]]);
    expect(tables.map((t) => t.name)).toEqual(["bảng thứ 1 của tệp", "bảng thứ 2 của tệp"]);
  });
});

describe("CSV", () => {
  it("reads UTF-8 with a BOM, semicolons, quotes with the delimiter and doubled quotes inside", () => {
    expect(parseCsv('\uFEFFSTT;Lĩnh vực;Tiếp nhận\r\n1;"Thi đua; khen thưởng";"1.234"\r\n2;"Nói ""khác""";5\r\n')).toEqual([
      ["STT", "Lĩnh vực", "Tiếp nhận"],
      ["1", "Thi đua; khen thưởng", "1.234"],
      ["2", 'Nói "khác"', "5"],
    ]);
  });

  it("reads commas when they are the delimiter", () => {
    expect(parseCsv('a,b,c\n"1.234",,3')).toEqual([
      ["a", "b", "c"],
      ["1.234", null, "3"],
    ]);
  });
});

describe("a source file", () => {
  it("tells a real Excel 97-2003 file (BIFF) apart: it must be saved as .xlsx", async () => {
    const biff = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await readSourceTables(biff, "bieu.xls")).toEqual({ ok: false, problem: "biff" });
  });

  it("refuses text that is not UTF-8 (a Windows-1258 export) and an empty file", async () => {
    expect(decodeSourceText(new Uint8Array([0x48, 0xf4, 0x20]))).toBeNull();
    expect(await readSourceTables(new Uint8Array([0x48, 0xf4, 0x3b, 0x31]), "a.csv")).toEqual({ ok: false, problem: "encoding" });
    expect(await readSourceTables(new Uint8Array(), "a.csv")).toEqual({ ok: false, problem: "empty" });
  });

  it("reads UTF-16 with a BOM (Excel's 'Unicode text')", () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[..."Hộ"].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    expect(decodeSourceText(utf16)).toBe("Hộ");
  });

  it("knows an HTML table by its content, whatever the file is called", async () => {
    const html = readFileSync(join(__dirname, "..", "..", "templates", "samples", "bieu-06-mot-cua-quy-3-2025.xls"));
    const r = await readSourceTables(new Uint8Array(html), "bieu-06.xls");
    expect(r.ok && r.format).toBe("html");
    const csv = await readSourceTables(bytes("a;b\n1;2\n"), "bieu.xls");
    expect(csv).toEqual({
      ok: true,
      format: "csv",
      tables: [
        {
          name: 'tệp "bieu.xls"',
          rows: [
            ["a", "b"],
            ["1", "2"],
          ],
        },
      ],
    });
  });
});
