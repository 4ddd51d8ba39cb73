/**
 * Test helper: a minimal zip writer that can lie. Each entry's sizes in the headers can be
 * declared at will (a huge size for a few bytes, a tiny size for a bomb), in ZIP64 form
 * when asked, so that hostile packages are built in milliseconds instead of inflating
 * hundreds of megabytes. Node only (zlib); not part of the add-in bundle.
 */
import { deflateRawSync } from "node:zlib";

export interface RawEntry {
  name: string;
  data?: Uint8Array | string;
  /** already deflated (raw deflate) content, written as is with method 8 */
  deflated?: Uint8Array;
  /** 0 stored, 8 deflated (default: 8 when there is data) */
  method?: 0 | 8;
  /** what the headers say, instead of the real sizes */
  declareSize?: number;
  declareCompressed?: number;
  /** the CRC-32 written (default: of `data`, or 0 for `deflated`) */
  crc?: number;
}

let table: Uint32Array | undefined;
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return b;
};

/**
 * A zip of `entries`. With `zip64`, every entry's sizes and the directory's count, size and
 * offset are written in ZIP64 form (0xFFFFFFFF in the 32-bit fields).
 */
export function writeZip(entries: RawEntry[], opts: { zip64?: boolean; countOverride?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data ?? new Uint8Array());
    const method = e.deflated ? 8 : (e.method ?? (raw.length ? 8 : 0));
    const body = e.deflated ? Buffer.from(e.deflated) : method === 8 ? deflateRawSync(raw) : raw;
    const crc = e.crc ?? (e.deflated ? 0 : crc32(raw));
    const size = e.declareSize ?? raw.length;
    const compressed = e.declareCompressed ?? body.length;
    const name = Buffer.from(e.name, "utf8");
    const extra = opts.zip64 ? Buffer.concat([u16(0x0001), u16(16), u64(size), u64(compressed)]) : Buffer.alloc(0);
    const centralExtra = opts.zip64 ? Buffer.concat([u16(0x0001), u16(24), u64(size), u64(compressed), u64(offset)]) : Buffer.alloc(0);
    const s32 = opts.zip64 ? 0xffffffff : size;
    const c32 = opts.zip64 ? 0xffffffff : compressed;
    const version = opts.zip64 ? 45 : 20;
    const common = Buffer.concat([u16(version), u16(0x0800), u16(method), u16(0), u16(0x21), u32(crc), u32(c32), u32(s32), u16(name.length)]);
    locals.push(Buffer.concat([u32(0x04034b50), common, u16(extra.length), name, extra, body]));
    centrals.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(version),
        common,
        u16(centralExtra.length),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(opts.zip64 ? 0xffffffff : offset),
        name,
        centralExtra,
      ]),
    );
    offset += locals[locals.length - 1].length;
  }
  const cd = Buffer.concat(centrals);
  const count = opts.countOverride ?? entries.length;
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const at = offset + cd.length;
    tail.push(Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(count), u64(count), u64(cd.length), u64(offset)]));
    tail.push(Buffer.concat([u32(0x07064b50), u32(0), u64(at), u32(1)]));
    tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]));
  } else {
    tail.push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cd.length), u32(offset), u16(0)]));
  }
  return Buffer.concat([...locals, cd, ...tail]);
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a minimal workbook whose sheets are `sheets` (name → part), for writeZip. */
export function workbookParts(sheets: { name: string; part: string }[]): RawEntry[] {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const targets = [...new Set(sheets.map((s) => s.part))];
  return [
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets
        .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${targets.indexOf(s.part) + 1}"/>`)
        .join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
        .map((t, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${t.replace(/^xl\//, "")}"/>`)
        .join("")}</Relationships>`,
    },
  ];
}

/** A sheet part's XML around `sheetData` content. */
export const sheetXml = (rows: string) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** `bytes` zeros, raw-deflated in 1 MB chunks (never holding them all): about 1 KB per MB. */
export async function deflatedZeros(bytes: number): Promise<Buffer> {
  const { createDeflateRaw } = await import("node:zlib");
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!deflate.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}
