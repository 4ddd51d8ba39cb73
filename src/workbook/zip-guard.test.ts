import JSZip from "jszip";
import { inspectZip, ZIP_LIMITS } from "./zip-guard";
import { readXlsxSnapshot, XlsxFormatError } from "./xlsx-read";
import { deflatedZeros, sheetXml, workbookParts, writeZip, type RawEntry } from "./zip-testing";

const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet1.xml";
/** a one-sheet workbook whose sheet part is `sheet` */
const workbook = (sheet: Omit<RawEntry, "name">, opts?: { zip64?: boolean }) =>
  writeZip([...workbookParts([{ name: "A", part: SHEET }]), { name: SHEET, ...sheet }], opts);

async function refusal(bytes: Uint8Array): Promise<XlsxFormatError> {
  const e = await readXlsxSnapshot(bytes).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(XlsxFormatError);
  return e as XlsxFormatError;
}

/** Resident-memory growth while `f` runs, measured loosely (times are printed by `npm run bench`, not asserted). */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; rssGrowth: number }> {
  const rss = process.memoryUsage().rss;
  const value = await f();
  return { value, rssGrowth: process.memoryUsage().rss - rss };
}

describe("inspectZip: the central directory, read without inflating", () => {
  it("lists a JSZip package's entries with their declared sizes", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a>" + "x".repeat(5000) + "</a>");
    zip.file("dir/b.txt", "b", { compression: "STORE" });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const r = inspectZip(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entries.find((e) => e.name === "a.xml")).toMatchObject({ uncompressedSize: 5007, method: 8 });
    expect(r.entries.find((e) => e.name === "a.xml")!.compressedSize).toBeLessThan(100);
    expect(r.entries.find((e) => e.name === "dir/b.txt")).toMatchObject({ uncompressedSize: 1, compressedSize: 1, method: 0 });
  });

  it("reads ZIP64 sizes, and the package still reads as a workbook", async () => {
    const bytes = workbook({ data: sheetXml('<row r="1"><c r="A1"><v>7</v></c></row>') }, { zip64: true });
    const r = inspectZip(bytes);
    expect(r.ok && r.entries.map((e) => e.uncompressedSize)).toEqual([261, 223, 241, 151]);
    expect((await readXlsxSnapshot(bytes)).sheets[0].cells).toEqual({ A1: 7 });
  });

  it.each<[string, RawEntry[], { zip64?: boolean }, object]>([
    [
      "one part declaring 800 MB",
      [{ name: SHEET, data: "<x/>", declareSize: 800 * MB }],
      {},
      { kind: "part", part: SHEET, size: 800 * MB, limit: ZIP_LIMITS.partBytes },
    ],
    ["one part declaring 5 GB in ZIP64", [{ name: SHEET, data: "<x/>", declareSize: 5 * 1024 * MB }], { zip64: true }, { kind: "part", size: 5 * 1024 * MB }],
    [
      "five parts of 45 MB (225 MB in total)",
      [1, 2, 3, 4, 5].map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: "<x/>", declareSize: 45 * MB, declareCompressed: 10 * MB })),
      {},
      { kind: "total", size: 225 * MB, limit: ZIP_LIMITS.totalBytes },
    ],
    [
      "a 20 MB part from 50 KB (ratio 400)",
      [{ name: SHEET, data: "<x/>", declareSize: 20 * MB, declareCompressed: 50 * 1024 }],
      {},
      { kind: "ratio", part: SHEET, size: 20 * MB, compressed: 50 * 1024 },
    ],
    ["10,001 parts", Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}`, method: 0 as const })), {}, { kind: "entries", size: 10_001, limit: 10_000 }],
  ])("refuses %s", (_name, entries, opts, breach) => {
    const r = inspectZip(writeZip(entries, opts));
    expect(r).toMatchObject({ ok: false, problem: "tooLarge", breach });
  });

  it("does not count the ratio of small parts (a 5 MB sheet of empty rows compresses 1000 times)", () => {
    expect(inspectZip(writeZip([{ name: SHEET, data: "<x/>", declareSize: 5 * MB, declareCompressed: 5 * 1024 }])).ok).toBe(true);
  });

  it.each<[string, () => Uint8Array]>([
    ["a truncated zip", () => workbook({ data: sheetXml("") }).subarray(0, 200)],
    ["the start of a zip signature and nothing else", () => Buffer.from("PK\u0003\u0004 not really a zip")],
    [
      "a damaged central directory",
      () => {
        const b = workbook({ data: sheetXml("") });
        const third = b.indexOf("PK\u0001\u0002", b.indexOf("PK\u0001\u0002", b.indexOf("PK\u0001\u0002") + 1) + 1);
        b.writeUInt32LE(0, third); // the signature of the third header of the directory
        return b;
      },
    ],
    ["a count the directory cannot hold", () => writeZip([{ name: "a", data: "x" }], { countOverride: 900 })],
  ])("%s is a corrupt zip", async (_name, make) => {
    expect(inspectZip(make())).toMatchObject({ ok: false, problem: "corruptZip" });
    expect((await refusal(make())).problem).toBe("corruptZip");
  });
});

describe("the reader refuses zip bombs before and while inflating", () => {
  it("refuses a sheet declaring 800 MB from the directory, with little memory", async () => {
    const bytes = workbook({ data: sheetXml(""), declareSize: 800 * MB, declareCompressed: 800 * 1024 });
    const { value: e, rssGrowth } = await measured(() => refusal(bytes));
    expect(e.problem).toBe("tooLarge");
    expect(e.info.breach).toEqual({ kind: "part", part: SHEET, size: 800 * MB, limit: ZIP_LIMITS.partBytes });
    expect(e.detail).toContain(SHEET);
    expect(rssGrowth).toBeLessThan(200 * MB);
  });

  describe("a real bomb: 300 MB of zeros in about 300 KB", () => {
    let zeros: Buffer;
    beforeAll(async () => {
      zeros = await deflatedZeros(300 * MB);
    });

    it("with an honest header: refused from the directory", async () => {
      const { value: e } = await measured(() => refusal(workbook({ deflated: zeros, declareSize: 300 * MB })));
      expect(e.info.breach).toMatchObject({ kind: "part", size: 300 * MB });
    });

    it.each<[string, number]>([
      ["declaring 2 KB", 2048],
      ["declaring 40 MB", 40 * MB],
    ])("with a lying header %s: inflating stops past the declared size", async (_name, declared) => {
      const bytes = workbook({ deflated: zeros, declareSize: declared });
      const { value: e, rssGrowth } = await measured(() => refusal(bytes));
      expect(e.problem).toBe("tooLarge");
      expect(e.info.breach).toMatchObject({ kind: "inflated", part: SHEET, limit: declared });
      expect(rssGrowth).toBeLessThan(200 * MB);
    });

    it("hidden in the package's own relationships part", async () => {
      const parts = workbookParts([{ name: "A", part: SHEET }]);
      parts[0] = { name: "_rels/.rels", deflated: zeros, declareSize: 1000, declareCompressed: 1000 };
      const e = await refusal(writeZip([...parts, { name: SHEET, data: sheetXml("") }]));
      expect(e.info.breach).toMatchObject({ kind: "inflated", part: "_rels/.rels" });
    });
  });

  it("stops a workbook whose sheets all read one large part once the parts read pass the total limit", async () => {
    // 9 MB of spaces: below the ratio's threshold, each read honest; 30 sheets on it make 270 MB
    const big = sheetXml(" ".repeat(9 * MB));
    const sheets = Array.from({ length: 30 }, (_, i) => ({ name: `S${i}`, part: SHEET }));
    const bytes = writeZip([...workbookParts(sheets), { name: SHEET, data: big }]);
    const { value: e } = await measured(() => refusal(bytes));
    expect(e.info.breach).toMatchObject({ kind: "budget", limit: ZIP_LIMITS.totalBytes });
  });
});
