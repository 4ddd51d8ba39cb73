/**
 * A first look at a zip package before anything is inflated: reads the End Of Central
 * Directory record (and the ZIP64 one when present) and the central directory straight
 * from the bytes, and refuses a package whose declared sizes are far beyond any report
 * workbook (real ones are under 100 KB) — a "zip bomb" or a file crafted to exhaust memory.
 * Pure and browser-safe: no inflating, no Node APIs.
 */

import type { FileLimitBreach } from "../report/messages";

/** Limits far above any real report workbook and far below what hurts. */
export const ZIP_LIMITS = {
  /** declared uncompressed size of one part */
  partBytes: 50 * 1024 * 1024,
  /** declared uncompressed size of all parts together (also the budget of bytes inflated while reading) */
  totalBytes: 200 * 1024 * 1024,
  /** parts in the package */
  entries: 10_000,
  /** compression ratio (uncompressed / compressed) counted only for parts above `ratioMinBytes` */
  ratio: 200,
  ratioMinBytes: 10 * 1024 * 1024,
} as const;

export type ZipLimits = { [K in keyof typeof ZIP_LIMITS]: number };

/**
 * Which limit a package goes beyond, with the figures for the user's message:
 * "part" one part declares more than the limit of one part; "total" all parts together
 * declare more than the total limit; "entries" too many parts; "ratio" a large part
 * compressed far more than any real spreadsheet XML is; "inflated" a part inflates beyond
 * what its header declared (`limit`: what was declared) — a lying header; "budget" the
 * parts read inflate beyond the total limit together. (Declared with the messages, which
 * are made from it.)
 */
export type ZipLimitBreach = FileLimitBreach;

export interface ZipEntryInfo {
  name: string;
  /** declared in the central directory (ZIP64 extra field when present) */
  compressedSize: number;
  uncompressedSize: number;
  /** 0 stored, 8 deflated */
  method: number;
}

export type ZipGuardResult =
  | { ok: true; entries: ZipEntryInfo[] }
  | { ok: false; problem: "corruptZip"; detail: string }
  | { ok: false; problem: "tooLarge"; breach: ZipLimitBreach; detail: string };

const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;

class Corrupt extends Error {}

/** Little-endian reads that fail (as a corrupt zip) past the end of the bytes. */
class Reader {
  constructor(readonly buf: Uint8Array) {}
  private need(at: number, n: number) {
    if (at < 0 || at + n > this.buf.length) throw new Corrupt(`unexpected end of data at ${at}`);
  }
  u16(at: number): number {
    this.need(at, 2);
    return this.buf[at] | (this.buf[at + 1] << 8);
  }
  u32(at: number): number {
    this.need(at, 4);
    return (this.buf[at] | (this.buf[at + 1] << 8) | (this.buf[at + 2] << 16)) + this.buf[at + 3] * 0x1000000;
  }
  /** a 64-bit size or offset; beyond 2^53 it is not exact, which is fine: such a size is refused anyway */
  u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }
}

/** Where the last End Of Central Directory record starts, or -1. */
function findEocd(r: Reader): number {
  const buf = r.buf;
  // the record is 22 bytes followed by a comment of at most 65535 bytes
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (buf[i] === 0x50 && buf[i + 1] === 0x4b && buf[i + 2] === 0x05 && buf[i + 3] === 0x06) return i;
  }
  return -1;
}

const decoder = new TextDecoder("utf-8");

/** The central directory as declared: the number of entries, where it is, how long. */
function directoryOf(r: Reader): { count: number; offset: number; size: number; end: number } {
  const eocd = findEocd(r);
  if (eocd < 0) throw new Corrupt("End of central directory not found");
  let count = r.u16(eocd + 10);
  let size = r.u32(eocd + 12);
  let offset = r.u32(eocd + 16);
  let end = eocd;
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // ZIP64: a locator just before the record points at the ZIP64 End Of Central Directory
    const locator = eocd - 20;
    if (locator >= 0 && r.u32(locator) === ZIP64_LOCATOR) {
      const at = r.u64(locator + 8);
      if (r.u32(at) !== ZIP64_EOCD) throw new Corrupt("ZIP64 end of central directory not found");
      count = r.u64(at + 32);
      size = r.u64(at + 40);
      offset = r.u64(at + 48);
      end = at;
    }
  }
  return { count, offset, size, end };
}

function entryTooLarge(e: ZipEntryInfo, limits: ZipLimits): ZipLimitBreach | undefined {
  if (e.uncompressedSize > limits.partBytes) return { kind: "part", part: e.name, size: e.uncompressedSize, limit: limits.partBytes };
  if (e.uncompressedSize > limits.ratioMinBytes && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.ratio)
    return { kind: "ratio", part: e.name, size: e.uncompressedSize, compressed: e.compressedSize, limit: limits.ratio };
  return undefined;
}

/** The breach in English, for `XlsxFormatError.detail` (users get a Vietnamese message). */
export function breachDetail(b: ZipLimitBreach): string {
  switch (b.kind) {
    case "part":
      return `part "${b.part}" declares ${b.size} bytes uncompressed, above the limit of ${b.limit}`;
    case "total":
      return `the parts declare ${b.size} bytes uncompressed in total, above the limit of ${b.limit}`;
    case "entries":
      return `${b.size} parts, above the limit of ${b.limit}`;
    case "ratio":
      return `part "${b.part}" declares ${b.size} bytes from ${b.compressed} compressed, a ratio above ${b.limit}`;
    case "inflated":
      return `part "${b.part}" inflates beyond the ${b.limit} bytes its header declares`;
    case "budget":
      return `the parts read inflate to more than ${b.limit} bytes in total`;
  }
}

/**
 * Reads the zip's central directory without inflating anything and checks the declared
 * sizes against `limits`. A package whose directory cannot be read is a corrupt zip.
 */
export function inspectZip(buf: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipGuardResult {
  const r = new Reader(buf);
  const tooLarge = (breach: ZipLimitBreach): ZipGuardResult => ({ ok: false, problem: "tooLarge", breach, detail: breachDetail(breach) });
  try {
    const dir = directoryOf(r);
    if (dir.count > limits.entries) return tooLarge({ kind: "entries", size: dir.count, limit: limits.entries });
    // each central header is at least 46 bytes; a count the directory cannot hold is a lie
    if (dir.count * 46 > dir.size) throw new Corrupt(`${dir.count} entries cannot fit in a central directory of ${dir.size} bytes`);
    let start = dir.offset;
    // bytes before the package (a self-extracting stub) shift every offset; JSZip allows it too
    if (start + 4 > buf.length || r.u32(start) !== CENTRAL_HEADER) start = dir.end - dir.size;
    if (dir.count > 0 && r.u32(start) !== CENTRAL_HEADER) throw new Corrupt("central directory not found");

    const entries: ZipEntryInfo[] = [];
    let total = 0;
    let at = start;
    for (let i = 0; i < dir.count; i++) {
      if (r.u32(at) !== CENTRAL_HEADER) throw new Corrupt(`bad central directory header at ${at}`);
      const method = r.u16(at + 10);
      let compressedSize = r.u32(at + 20);
      let uncompressedSize = r.u32(at + 24);
      const nameLength = r.u16(at + 28);
      const extraLength = r.u16(at + 30);
      const commentLength = r.u16(at + 32);
      const nameAt = at + 46;
      if (nameAt + nameLength + extraLength > buf.length) throw new Corrupt(`central directory header at ${at} runs past the end`);
      const name = decoder.decode(buf.subarray(nameAt, nameAt + nameLength));
      // ZIP64 extra field (0x0001): the 64-bit sizes, present only for the fields set to 0xFFFFFFFF
      for (let x = nameAt + nameLength; x + 4 <= nameAt + nameLength + extraLength;) {
        const id = r.u16(x);
        const len = r.u16(x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= x + 4 + len) {
            uncompressedSize = r.u64(f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + len) compressedSize = r.u64(f);
        }
        x += 4 + len;
      }
      const entry = { name, compressedSize, uncompressedSize, method };
      const breach = entryTooLarge(entry, limits);
      if (breach) return tooLarge(breach);
      total += uncompressedSize;
      entries.push(entry);
      at = nameAt + nameLength + extraLength + commentLength;
    }
    if (total > limits.totalBytes) return tooLarge({ kind: "total", size: total, limit: limits.totalBytes });
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof Corrupt) return { ok: false, problem: "corruptZip", detail: e.message };
    throw e;
  }
}
