/**
 * `bao-cao next-period`: next period's workbook from this one — the period moved on, the
 * frame kept, the figures cleared, the carry-over of the definition applied, the previous
 * totals kept for the sentences that compare; the input never touched.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { isTableValue } from "../report/definition";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { ReportData, TableValue } from "../report/types";
import { checkWorkbook } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import { nextPeriod } from "../workbook/next-period";
import { MSG_NEXT_PERIOD_FILE } from "../workbook/next-period-xlsx";
import { XlsxPackage } from "../workbook/xlsx-patch";
import { PREVIOUS_MARKER, previousTotalsOf } from "../workbook/previous-totals";
import { runCli, type CliRun } from "./testing";
import { buildWorkbook, readSnapshot, workbookBuffer } from "./xlsx";

const today = new Date(2025, 9, 1);
const MONTHLY = "bao-cao-cctthc-thang";
const DOSSIERS = "bao-cao-giai-quyet-tthc";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "bao-cao-next-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...argv: string[]): Promise<CliRun> => runCli(argv, { today });
let n = 0;
const fresh = (name: string) => join(dir, `${++n}-${name}`);
const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A workbook of `kind` with `data`, written to a fresh file. */
async function workbookFile(kind: string, data: ReportData, name = "so.xlsx"): Promise<string> {
  const def = loadDefinition(kind);
  const file = fresh(name);
  writeFileSync(file, await workbookBuffer(buildWorkbook(def, buildLayout(def), data)));
  return file;
}

/** The report data of a workbook file, read as the CLI reads it. */
async function dataOf(kind: string, file: string): Promise<ReportData> {
  const def = loadDefinition(kind);
  return checkWorkbook(def, buildLayout(def), await readSnapshot(file)).data;
}

async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  return xml
    .split("</w:p>")
    .map((p) => p.replace(/<[^>]+>/g, ""))
    .join("\n");
}

describe("the next period", () => {
  it.each([
    [
      { type: "thang", number: 11, year: 2024 },
      { type: "thang", number: 12, year: 2024 },
    ],
    [
      { type: "thang", number: 12, year: 2024 },
      { type: "thang", number: 1, year: 2025 },
    ],
    [
      { type: "quy", number: 3, year: 2025 },
      { type: "quy", number: 4, year: 2025 },
    ],
    [
      { type: "quy", number: 4, year: 2025 },
      { type: "quy", number: 1, year: 2026 },
    ],
    [
      { type: "6thang", number: 1, year: 2025 },
      { type: "6thang", number: 2, year: 2025 },
    ],
    [
      { type: "6thang", number: 2, year: 2025 },
      { type: "6thang", number: 1, year: 2026 },
    ],
    [
      { type: "nam", number: 1, year: 2025 },
      { type: "nam", number: 1, year: 2026 },
    ],
  ] as const)("%o → %o", (from, to) => {
    expect(nextPeriod(from)).toEqual(to);
  });
});

describe("bao-cao next-period on the monthly report", () => {
  const kept = ["CO_QUAN_CHU_QUAN", "CO_QUAN_BAN_HANH", "KY_HIEU", "DIA_DANH", "DIA_BAN", "KINH_GUI", "CAN_CU", "CHUC_VU", "NGUOI_KY", "NOI_NHAN"];
  const counts = loadDefinition(MONTHLY)
    .fields.filter((f) => f.kind === "count")
    .map((f) => f.id);
  const texts = loadDefinition(MONTHLY)
    .fields.filter((f) => f.kind === "lines" && !["CO_QUAN_BAN_HANH", "KINH_GUI", "CHUC_VU", "NOI_NHAN"].includes(f.id))
    .map((f) => f.id);

  /** The sample with a number, a signing day and figures that are not all 0. */
  function filledSample(month: number): ReportData {
    const data = sampleData(MONTHLY);
    data.values.SO = "125";
    data.values.NGAY = 28;
    data.values.THANG = month;
    counts.forEach((id, i) => (data.values[id] = i + 3));
    return data;
  }

  it("tháng 11/2024 → tháng 12/2024: the frame kept; number, signing day, figures and text sections cleared; the input untouched", async () => {
    const input = await workbookFile(MONTHLY, filledSample(11));
    const before = hash(input);
    const output = fresh("thang-12.xlsx");
    const r = await run("next-period", input, "-o", output);
    expect(r.stdout).not.toMatch(/không được chép sang/); // written on the workbook's own bytes
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đã tạo sổ tháng 12 năm 2024 (từ sổ tháng 11 năm 2024)");
    expect(hash(input)).toBe(before);

    const old = await dataOf(MONTHLY, input);
    const next = await dataOf(MONTHLY, output);
    expect(next.values.THANG).toBe(12);
    expect(next.values.NAM).toBe(2024);
    for (const id of kept) expect([id, next.values[id]]).toEqual([id, old.values[id]]);
    expect(next.values.SO).toBe("");
    expect(next.values.NGAY).toBeNull();
    for (const id of counts) expect([id, next.values[id]]).toEqual([id, null]);
    for (const id of texts) expect([id, next.values[id]]).toEqual([id, []]);
    // this period's totals stay in the new workbook
    expect(next.previous).toEqual({
      period: "tháng 11 năm 2024",
      at: { type: "thang", number: 11, year: 2024 },
      totals: Object.fromEntries(counts.map((id, i) => [id, i + 3])),
    });
  });

  it("says by name which sheet no longer matches the layout (a row moved), and then writes next period's workbook afresh", async () => {
    const input = await workbookFile(MONTHLY, filledSample(11), "so-doi-hang.xlsx");
    // as if the office had inserted a row above "Tổng số PAKN đã tiếp nhận": its name now points one row down
    const pkg = await XlsxPackage.open(readFileSync(input));
    await pkg.setDefinedName("PAKN_TONG", "'I. Kết quả'!$C$13");
    writeFileSync(input, await pkg.bytes());
    const output = fresh("doi-hang-12.xlsx");
    const r = await run("next-period", input, "-o", output);
    expect(r.code).toBe(0);
    expect(r.out).toContain(MSG_NEXT_PERIOD_FILE.moved(["I. Kết quả"]));
    const next = await dataOf(MONTHLY, output);
    expect([next.values.THANG, next.values.PAKN_TONG]).toEqual([12, null]);
  });

  it("tháng 12/2024 → tháng 1/2025", async () => {
    const input = await workbookFile(MONTHLY, filledSample(12));
    const output = fresh("thang-1.xlsx");
    const r = await run("next-period", input, "-o", output);
    expect(r.stdout).not.toMatch(/không được chép sang/); // written on the workbook's own bytes
    expect(r.code).toBe(0);
    const next = await dataOf(MONTHLY, output);
    expect([next.values.THANG, next.values.NAM]).toEqual([1, 2025]);
    expect(next.values.NGUOI_KY).toBe("Nguyễn Quốc Khánh");
    expect(next.values.NOI_NHAN).toEqual(sampleData(MONTHLY).values.NOI_NHAN);
    for (const id of counts) expect(next.values[id]).toBeNull();
  });

  it("--keep-text keeps the text sections", async () => {
    const input = await workbookFile(MONTHLY, filledSample(11));
    const output = fresh("keep.xlsx");
    expect((await run("next-period", input, "-o", output, "--keep-text")).code).toBe(0);
    const next = await dataOf(MONTHLY, output);
    for (const id of texts) expect([id, next.values[id]]).toEqual([id, sampleData(MONTHLY).values[id]]);
  });

  it("refuses to write over its input, an existing file without --force, a workbook without a period", async () => {
    const input = await workbookFile(MONTHLY, filledSample(11));
    const before = hash(input);
    const same = await run("next-period", input, "-o", input);
    expect(same.code).toBe(1);
    expect(same.stderr).toContain("Không ghi đè lên chính tệp đầu vào");
    const existing = await workbookFile(MONTHLY, sampleData(MONTHLY), "co-san.xlsx");
    expect((await run("next-period", input, "-o", existing)).stderr).toContain("--force");
    expect((await run("next-period", input, "-o", existing, "--force")).code).toBe(0);
    expect(hash(input)).toBe(before);

    const noMonth = sampleData(MONTHLY);
    noMonth.values.THANG = null;
    const r = await run("next-period", await workbookFile(MONTHLY, noMonth), "-o", fresh("x.xlsx"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Chưa đọc được kỳ báo cáo");
    expect((await run("next-period", input)).code).toBe(2);
    expect((await run("next-period", input, "-o", fresh("x.docx"))).code).toBe(2);
  });
});

describe("bao-cao next-period on the dossier-settlement report", () => {
  it("quý III → quý IV: each row's Từ kỳ trước = the previous Đang giải quyết, every other figure cleared; the document compares with the previous period", async () => {
    const def = loadDefinition(DOSSIERS);
    const input = await workbookFile(DOSSIERS, sampleData(DOSSIERS));
    const before = hash(input);
    const output = fresh("quy-4.xlsx");
    const r = await run("next-period", input, "-o", output);
    expect(r.stdout).not.toMatch(/không được chép sang/); // written on the workbook's own bytes
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Đã tạo sổ quý IV năm 2025 (từ sổ quý III năm 2025)");
    expect(hash(input)).toBe(before);

    const old = (await dataOf(DOSSIERS, input)).values.BIEU_06 as TableValue;
    const nextData = await dataOf(DOSSIERS, output);
    const next = nextData.values.BIEU_06;
    expect(isTableValue(next)).toBe(true);
    const table = next as TableValue;
    const columns = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.map((c) => c.id);
    const from = columns.indexOf("DANG_GQ");
    const to = columns.indexOf("TU_KY_TRUOC");
    expect(table.rows).toEqual(old.rows);
    table.cells.forEach((row, r) =>
      row.forEach((v, c) => expect([table.rows[r], columns[c], v]).toEqual([table.rows[r], columns[c], c === to ? old.cells[r][from] : null])),
    );
    expect(nextData.values.KY_BAO_CAO).toBe("Quý IV");
    expect(nextData.values.NAM).toBe(2025);
    expect([nextData.values.THANG_KY, nextData.values.NAM_KY]).toEqual([12, 2025]);
    expect(nextData.values.DIA_BAN).toBe("trên địa bàn phường Mỹ Hào");
    expect(nextData.values.TON_TAI).toEqual([]);
    expect(nextData.previous?.totals["BIEU_06.TONG_NHAN"]).toBe(11042);

    // the previous totals live on the hidden kind sheet
    const snapshot = await readSnapshot(output);
    expect(previousTotalsOf(snapshot)?.period).toBe("quý III năm 2025");
    expect(snapshot.sheets.find((s) => s.name === "BaoCaoLoai")?.cells.D1).toBe(PREVIOUS_MARKER);
  });

  it("rewrites the period words of the kept texts (quý III năm 2025 → quý IV năm 2025), says so, and check finds no stale words", async () => {
    const input = await workbookFile(DOSSIERS, sampleData(DOSSIERS));
    const output = fresh("quy-4-loi-van.xlsx");
    const r = await run("next-period", input, "-o", output);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Đã sửa chữ chỉ kỳ sang quý IV năm 2025 trong 1 chỗ: "Câu mở đầu (căn cứ báo cáo)": "quý III năm 2025" → "quý IV năm 2025". Xem lại các câu này trong sổ mới.',
    );
    const snapshot = await readSnapshot(output);
    // no sheet the office sees names quý III any more (the hidden kind sheet keeps the previous period's totals under its name)
    const texts = snapshot.sheets
      .filter((s) => s.name !== "BaoCaoLoai")
      .flatMap((s) => Object.values(s.cells).filter((v): v is string => typeof v === "string"));
    expect(texts.filter((t) => /quý III/i.test(t))).toEqual([]);
    expect((await dataOf(DOSSIERS, output)).values.CAN_CU).toBe((sampleData(DOSSIERS).values.CAN_CU as string).replace("quý III năm 2025", "quý IV năm 2025"));
    const checked = await run("check", output);
    expect(checked.out.filter((l) => l.includes("không phải kỳ của báo cáo này"))).toEqual([]);

    // and on to quý I/2026: the year moves with the quarter
    const q1 = fresh("quy-1-2026.xlsx");
    expect((await run("next-period", output, "-o", q1)).out).toContain(
      'Đã sửa chữ chỉ kỳ sang quý I năm 2026 trong 1 chỗ: "Câu mở đầu (căn cứ báo cáo)": "quý IV năm 2025" → "quý I năm 2026". Xem lại các câu này trong sổ mới.',
    );
    expect((await dataOf(DOSSIERS, q1)).values.CAN_CU).toMatch(/giải quyết thủ tục hành chính quý I năm 2026 như sau:$/);
  });

  it("check names the cell whose text still says the period before", async () => {
    const data = sampleData(DOSSIERS);
    data.values.KY_BAO_CAO = "Quý IV"; // the period moved on by hand, the opening sentence not
    const file = await workbookFile(DOSSIERS, data, "quy-4-cu.xlsx");
    const r = await run("check", file);
    expect(r.code).toBe(0);
    expect(r.out.filter((l) => l.includes("không phải kỳ"))).toEqual([
      'Thông tin chung!B25: [Cảnh báo] "Câu mở đầu (căn cứ báo cáo)" ghi "quý III năm 2025", không phải kỳ của báo cáo này (quý IV năm 2025). Sửa lại cho đúng kỳ; sổ tạo bằng "Kỳ mới" được sửa tự động.',
    ]);
  });

  it("the next period's report says how the total received changed; the sample itself (no previous period) says nothing of it", async () => {
    const sample = sampleData(DOSSIERS);
    const input = await workbookFile(DOSSIERS, sample);
    const docx0 = fresh("quy-3.docx");
    expect((await run("export", input, "-o", docx0)).code).toBe(0);
    const text0 = await docxText(docx0);
    expect(text0).toContain("Tổng số hồ sơ tiếp nhận trong kỳ: 11.042 hồ sơ, trong đó:");
    expect(text0).not.toContain("so với kỳ trước");

    const output = fresh("quy-4.xlsx");
    expect((await run("next-period", input, "-o", output, "--keep-text")).code).toBe(0);
    // fill quý IV: the same figures with 10% more received online in the first row
    const next = await dataOf(DOSSIERS, output);
    const data: ReportData = { values: { ...next.values, BIEU_06: structuredClone(sample.values.BIEU_06) } };
    const t = data.values.BIEU_06 as TableValue;
    const extra = 1104; // 11.042 → 12.146: +10,0%
    for (const c of [0, 1, 4, 6]) t.cells[0][c] = (t.cells[0][c] ?? 0) + extra;
    const filled = await workbookFile(DOSSIERS, data, "quy-4-filled.xlsx");
    // an office types quý IV's figures into the new workbook; here they are written into a fresh workbook
    // and the new workbook's previous totals (columns D:E of the kind sheet) are copied beside them
    const { setCellValues } = await import("./xlsx");
    const ExcelJS = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled);
    setCellValues(
      wb,
      Object.entries((await readSnapshot(output)).sheets.find((s) => s.name === "BaoCaoLoai")!.cells)
        .filter(([a]) => /^[DE]/.test(a))
        .map(([address, value]) => ({ sheet: "BaoCaoLoai", address, value })),
    );
    await wb.xlsx.writeFile(filled);

    const docx = fresh("quy-4.docx");
    const exported = await run("export", filled, "-o", docx);
    expect(exported.code).toBe(0);
    expect(await docxText(docx)).toContain("Tổng số hồ sơ tiếp nhận trong kỳ: 12.146 hồ sơ (tăng 10,0% so với kỳ trước), trong đó:");
  });
});

describe("bao-cao next-period on a roll-up", () => {
  it("keeps the unit sheets (names, markers, rows) and clears their figures, carrying Đang giải quyết into Từ kỳ trước", async () => {
    const { buildRollupWorkbook } = await import("./xlsx");
    const { findUnitSheets } = await import("../workbook/units");
    const { unitFiguresOf } = await import("../workbook/unit-workbook");
    const def = loadDefinition(DOSSIERS);
    const sample = sampleData(DOSSIERS);
    const t = sample.values.BIEU_06 as TableValue;
    const units = ["Xã An", "Phường Bình"].map((name, u) => ({
      sheet: name,
      unitName: name,
      values: {},
      tables: { BIEU_06: { rows: t.rows, cells: t.cells.map((row) => row.map((v) => (v === null ? null : v + u))) } },
    }));
    const input = fresh("tong-hop.xlsx");
    writeFileSync(input, await workbookBuffer(buildRollupWorkbook(def, units, sample)));
    const output = fresh("tong-hop-quy-4.xlsx");
    const r = await run("next-period", input, "-o", output);
    expect(r.stdout).not.toMatch(/không được chép sang/); // written on the workbook's own bytes
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Giữ 2 trang đơn vị");

    const snapshot = await readSnapshot(output);
    expect(findUnitSheets(snapshot, def).map((u) => [u.sheet, u.unitName])).toEqual([
      ["Xã An", "Xã An"],
      ["Phường Bình", "Phường Bình"],
    ]);
    const from = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.findIndex((c) => c.id === "DANG_GQ");
    const to = def.fields.find((f) => f.id === "BIEU_06")!.table!.columns.findIndex((c) => c.id === "TU_KY_TRUOC");
    unitFiguresOf(def, snapshot).forEach((unit, u) => {
      const table = unit.tables!.BIEU_06;
      expect(table.rows).toEqual(t.rows);
      table.cells.forEach((row, i) => row.forEach((v, c) => expect(v).toBe(c === to ? (t.cells[i][from] as number) + u : null)));
    });
    // the summary is the units' sum, by formula
    const next = await dataOf(DOSSIERS, output);
    const summary = next.values.BIEU_06 as TableValue;
    expect(summary.cells[0][to]).toBe((t.cells[0][from] as number) * 2 + 1);
  });

  it("names a unit sheet whose rows moved (its labels no longer where the layout puts them), and rebuilds", async () => {
    const { buildRollupWorkbook } = await import("./xlsx");
    const def = loadDefinition(MONTHLY);
    const units = ["Xã An", "Phường Bình"].map((name) => ({ sheet: name, unitName: name, values: {} }));
    const input = fresh("tong-hop-thang.xlsx");
    writeFileSync(input, await workbookBuffer(buildRollupWorkbook(def, units, sampleData(MONTHLY))));
    const label = (await readSnapshot(input)).sheets.find((x) => x.name === "Phường Bình")!;
    const address = Object.keys(label.cells).find((a) => label.cells[a] === "Số TTHC đã thẩm định")!;
    const pkg = await XlsxPackage.open(readFileSync(input));
    await pkg.edit([{ sheet: "Phường Bình", address, value: "Số TTHC đã đánh giá tác động" }]); // as if a row had been inserted above
    writeFileSync(input, await pkg.bytes());
    const r = await run("next-period", input, "-o", fresh("tong-hop-thang-12.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain(MSG_NEXT_PERIOD_FILE.moved(["Phường Bình"]));
  });
});
