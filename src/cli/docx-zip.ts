/**
 * The Word report packed for the command line: the same parts as docx's `Packer.toBuffer`
 * (docx's compiler makes them), zipped with Node's own zlib instead of docx's JavaScript
 * DEFLATE, which is slow in a process that has just started (most of `bao-cao export`'s
 * time went there). The task pane keeps `packReportBlob`.
 */
import { Packer, type Document as File } from "docx";
import { crc32, deflateRawSync } from "node:zlib";
import { buildReportDocument } from "../docx";
import type { ReportData, ReportDefinition } from "../report/types";

type Part = readonly [path: string, data: string | Uint8Array];

/** docx's compiler: the package's parts, in order (what Packer zips). */
function partsOf(doc: File): Iterable<Part> {
  const { compiler } = Packer as unknown as { compiler?: { compile(file: File, prettify?: unknown, overrides?: unknown[]): Iterable<Part> } };
  if (!compiler || typeof compiler.compile !== "function") throw new Error("docx: Packer.compiler is not there");
  return compiler.compile(doc, undefined, []);
}

/** The parts as a zip file (DEFLATE, no data descriptors, UTF-8 names). */
export function zipParts(parts: Iterable<Part>, now = new Date()): Buffer {
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
  const date = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const [path, data] of parts) {
    const raw = typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const packed = deflateRawSync(raw);
    const name = Buffer.from(path, "utf8");
    const crc = crc32(raw);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 names
    head.writeUInt16LE(8, 8); // DEFLATE
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(raw.length, 22);
    head.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    head.copy(entry, 8, 6, 28); // flags … name length
    entry.writeUInt32LE(offset, 42);
    locals.push(head, name, packed);
    central.push(entry, name);
    offset += head.length + name.length + packed.length;
    count++;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** The .docx file's bytes (Node). */
export function packReportNode(def: ReportDefinition, data: ReportData): Buffer {
  return zipParts(partsOf(buildReportDocument(def, data)));
}
