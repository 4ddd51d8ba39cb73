import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import demoUnits from "../../templates/demo-units-my-hao-2025-03.json";
import { loadDefinition } from "../report/kinds";
import { checkWorkbook } from "../workbook/check-workbook";
import { buildLayout } from "../workbook/layout";
import { evaluateCellSums, findUnitSheets, rollupFields } from "../workbook/units";
import { readUnitResults } from "../workbook/unit-results";
import { paragraphs, tableRows, tables } from "../docx/docx-xml.testutil";
import { formatNumber, formatPercent } from "../report/wording";
import {
  asciiSlug,
  DEMO_BASE,
  DEMO_DOSSIER_REPORT,
  DEMO_DOSSIER_WORKBOOK,
  DEMO_IMPORTED_REPORT,
  DEMO_IMPORTED_WORKBOOK,
  DEMO_ROLLUP,
  DEMO_ROLLUP_REPORT,
  DEMO_UNIT_DIR,
  DEMO_WORKBOOK,
  demoSteps,
  demoUnitNames,
  DEMO_DOSSIER_KIND,
  PROVINCE_EXPECTED,
  PROVINCE_EXTRA_ROW,
  PROVINCE_NOT_SENT,
  PROVINCE_REPORT,
  PROVINCE_ROLLUP,
  PROVINCE_UNIT_COUNT,
  PROVINCE_UNIT_DIR,
  provinceDemoData,
  provinceExpectedNames,
  runDemo,
} from "./demo";
import { readSnapshot } from "./xlsx";

const UNITS_OF_MY_HAO = [
  "Phường Bần Yên Nhân",
  "Phường Phan Đình Phùng",
  "Xã Cẩm Xá",
  "Xã Dương Quang",
  "Xã Hòa Phong",
  "Phường Nhân Hòa",
  "Phường Dị Sử",
  "Phường Bạch Sam",
  "Phường Minh Đức",
  "Phường Phùng Chí Kiên",
  "Xã Xuân Dục",
  "Xã Ngọc Lâm",
  "Xã Hưng Long",
];
type UnitValues = Record<string, number>;
const unitValues = (): UnitValues[] => demoUnits.units.map((u) => u.values as UnitValues);
const total = (id: string) => unitValues().reduce((a, v) => a + v[id], 0);

async function docxText(file: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file("word/document.xml")!.async("string");
  return xml
    .split(/<\/w:p>/)
    .map((p) => p.replace(/<[^>]+>/g, ""))
    .join("\n");
}

describe("the demo", () => {
  const dir = mkdtempSync(join(tmpdir(), "bao-cao-demo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // one run for every test (the province example makes it about twenty seconds)
  const out: string[] = [];
  const all: string[] = [];
  let err: string[] = [];
  let code = -1;
  let seconds = 0;
  beforeAll(async () => {
    const start = Date.now();
    code = await runDemo(dir, { out: (s) => out.push(s), err: (s) => all.push(s) });
    seconds = (Date.now() - start) / 1000;
    // on stderr, by design: the province roll-up's progress and its two units that have not sent
    err = all.filter((l) => !/^Đã đọc \d+\/104 tệp…$/.test(l) && !PROVINCE_NOT_SENT.some((n) => l.startsWith(`Cảnh báo: đơn vị "${n}" có trong danh sách`)));
  }, 120_000);

  it("writes the sample workbook, then exports it through `bao-cao export`", async () => {
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const workbook = join(dir, DEMO_WORKBOOK);
    const docx = join(dir, "bao-cao-cctthc-thang-11-2024.docx");
    expect(out).toContain(`Đã tạo sổ báo cáo (có số liệu mẫu): ${workbook}`);
    expect(out).toContain("Không có lỗi, 1 cảnh báo.");
    expect(out).toContain(`Đã ghi báo cáo: ${docx}`);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    expect(xml).toContain("BÁO CÁO");
    // the second kind: its sample workbook and its report, with the period and Biểu số 06
    const dossiers = join(dir, DEMO_DOSSIER_REPORT);
    expect(out).toContain(`Đã ghi báo cáo: ${dossiers}`);
    expect(existsSync(join(dir, DEMO_DOSSIER_WORKBOOK))).toBe(true);
    const text = await docxText(dossiers);
    expect(text).toContain("(Từ ngày 15/6/2025 đến ngày 14/9/2025)");
    expect(text).toContain("Biểu số 06/VPCP/KSTT");
    // the figures taken from the one-stop system's export: its total of received dossiers (4.977) is the report's
    expect(out).toContain(`Đã ghi sổ có số liệu mới: ${join(dir, DEMO_IMPORTED_WORKBOOK)}`);
    expect(out).toContain('Lĩnh vực có trong sổ nhưng không có trong bảng nguồn, ghi 0: "Tôn giáo", "Lĩnh vực khác".');
    const imported = await docxText(join(dir, DEMO_IMPORTED_REPORT));
    expect(imported).toContain("4.977");
    expect(text).not.toContain("4.977");
    // running it again overwrites its own output
    const again: string[] = [];
    expect(await runDemo(dir, { out: () => undefined, err: (s) => again.push(s) })).toBe(0);
    expect(again).toHaveLength(all.length);
  }, 120_000);

  it("its export step is the command line's export of the file it wrote", () => {
    const [template, exportStep] = demoSteps("/x");
    expect(template.argv).toEqual(["template", "-o", join("/x", DEMO_WORKBOOK), "--sample", "--force"]);
    expect(exportStep.argv).toEqual(["export", join("/x", DEMO_WORKBOOK)]);
  });

  it("rolls up 104 units against a list of 106 into a summary with one row per unit, by formula, and a report with every unit", async () => {
    expect(err).toEqual([]);
    expect(all.filter((l) => l.startsWith("Cảnh báo"))).toHaveLength(2);
    expect(code).toBe(0);
    expect(seconds).toBeLessThan(60); // the whole demo, on this machine
    const rollup = join(dir, PROVINCE_ROLLUP);
    const docx = join(dir, PROVINCE_REPORT);
    expect(out).toContain(`Đã tổng hợp ${PROVINCE_UNIT_COUNT} đơn vị vào sổ: ${rollup}`);
    expect(out).toContain(`Đã ghi báo cáo: ${docx}`);
    expect(out.filter((l) => l.startsWith("  ")).some((l) => l.endsWith(rollup))).toBe(true); // printed with the main files
    expect(out).toContain(`Đã ghi danh sách 106 đơn vị vào trang "Danh sách đơn vị" của sổ tổng hợp; còn 2 đơn vị chưa gửi số liệu.`);
    for (const name of PROVINCE_NOT_SENT) expect(out.some((l) => l.startsWith("Danh sách đơn vị!") && l.includes(`"${name}"`))).toBe(true);

    const units = provinceTotals();
    const def = loadDefinition(DEMO_DOSSIER_KIND);
    const snapshot = await readSnapshot(rollup);
    expect(findUnitSheets(snapshot, def).map((u) => u.unitName)).toEqual(units.map((u) => u.name));
    const sheet = snapshot.sheets.find((s) => s.name === def.unitResults!.sheet)!;
    // every unit's table was given the lĩnh vực some units have: the total row is one lower on every unit sheet
    expect([sheet.formulas?.C5, sheet.formulas?.M108]).toEqual([`='${units[0].name}'!C17`, `='${units[103].name}'!M17`]);
    // the per-unit sheet read back (the total rows summed as Excel would): every unit, in sheet order, with its eleven totals
    const read = readUnitResults(def, evaluateCellSums(snapshot))!;
    expect(read.map((u) => [u.name, ...Object.values(u.figures)])).toEqual(units.map((u) => [u.name, ...u.totals]));

    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")!.async("string");
    const rows = tableRows(tables(xml).find((t) => t.includes(units[1].name))!);
    units.forEach((u, i) => expect(rows[3 + i].slice(1, 13)).toEqual([u.name, ...u.totals.map(formatNumber)]));
    const rate = (t: number[]) => (t[5] + t[6]) / t[4];
    const lowest = units.reduce((a, b) => (rate(b.totals) < rate(a.totals) ? b : a));
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts.some((t) => t.includes(`thấp nhất: ${lowest.name} (${formatPercent(rate(lowest.totals))})`))).toBe(true);
    expect(texts).toContain(`- Còn 2 đơn vị chưa gửi số liệu: ${PROVINCE_NOT_SENT.join(", ")}.`);
    expect(readFileSync(join(dir, PROVINCE_EXPECTED), "utf8").trim().split("\n")).toEqual(provinceExpectedNames());
    expect(existsSync(join(dir, PROVINCE_UNIT_DIR, `${asciiSlug(units[103].name)}.xlsx`))).toBe(true);
  });

  it("rolls up the 13 units of Mỹ Hào for March 2025 and exports the town's report from their sums", async () => {
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const unitFiles = UNITS_OF_MY_HAO.map((name) => join(dir, DEMO_UNIT_DIR, `${asciiSlug(name)}.xlsx`));
    const rollup = join(dir, DEMO_ROLLUP);
    const docx = join(dir, DEMO_ROLLUP_REPORT);
    // every path is printed
    for (const [i, f] of unitFiles.entries()) expect(out).toContain(`Đã tạo sổ đơn vị "${UNITS_OF_MY_HAO[i]}" (trang tính "${UNITS_OF_MY_HAO[i]}"): ${f}`);
    expect(out).toContain(`Đã tạo sổ báo cáo (có số liệu mẫu): ${join(dir, DEMO_BASE)}`);
    expect(out).toContain(`Đã tổng hợp 13 đơn vị vào sổ: ${rollup}`);
    expect(out).toContain(`Đã ghi báo cáo: ${docx}`);
    for (const f of [...unitFiles, rollup, docx]) expect(existsSync(f)).toBe(true);

    const snapshot = await readSnapshot(rollup);
    const def = loadDefinition();
    expect(findUnitSheets(snapshot, def).map((u) => u.unitName)).toEqual(UNITS_OF_MY_HAO);
    const check = checkWorkbook(def, buildLayout(def), snapshot, { today: new Date(2025, 3, 1) });
    for (const f of rollupFields(def)) expect(check.data.values[f.id]).toBe(total(f.id));

    const text = await docxText(docx);
    expect(text).toContain("tháng 3 năm 2025 trên địa bàn thị xã Mỹ Hào");
    expect(text).toContain(
      `Tổng số PAKN đã tiếp nhận: ${total("PAKN_TONG")}; số PAKN đã xử lý đúng hạn: ${total("PAKN_DUNG_HAN")}; số PAKN đã xử lý quá hạn: ${total("PAKN_QUA_HAN")}; số PAKN đang xử lý: ${total("PAKN_DANG_XU_LY")}.`,
    );
    expect(text).toContain(`Số lượng TTHC nội bộ đã công bố: ${total("TTHC_NB_CONG_BO")} TTHC.`);
  });
});

/** Each province unit's totals (3)–(13), from the generated data. */
function provinceTotals(): { name: string; totals: number[] }[] {
  return provinceDemoData().units.map((u) => ({
    name: u.name,
    totals: u.values.BIEU_06.cells[0].map((_, c) => u.values.BIEU_06.cells.reduce((a, row) => a + row[c], 0)),
  }));
}

describe("the province example's data (provinceDemoData)", () => {
  const table = loadDefinition(DEMO_DOSSIER_KIND).fields.find((f) => f.id === "BIEU_06")!.table!;
  it("is the same on every run: 104 illustrative units whose figures keep the table's rules, some with returned, overdue dossiers or a lĩnh vực of their own", () => {
    const data = provinceDemoData();
    expect(provinceDemoData()).toEqual(data);
    expect(data.units).toHaveLength(104);
    expect(new Set(data.units.map((u) => u.name)).size).toBe(104);
    for (const u of data.units) expect(u.name).toMatch(/^(Xã|Phường) Minh họa \d{3}$/);
    let returned = 0;
    let overdue = 0;
    let extra = 0;
    for (const u of data.units) {
      const { rows, cells } = u.values.BIEU_06;
      expect(cells).toHaveLength(rows.length);
      if (rows.includes(PROVINCE_EXTRA_ROW)) extra++;
      else expect(rows).toEqual(table.rows);
      let late = 0;
      let back = 0;
      for (const [received, online, direct, carried, settled, early, onTime, lateSettled, pending, inTime, pendingLate] of cells) {
        for (const v of [received, online, direct, carried, settled, early, onTime, lateSettled, pending, inTime, pendingLate])
          expect(Number.isInteger(v) && v >= 0).toBe(true);
        expect(online + direct + carried).toBe(received);
        expect(early + onTime + lateSettled).toBe(settled);
        expect(inTime + pendingLate).toBe(pending);
        expect(received).toBeGreaterThanOrEqual(settled + pending);
        back += received - settled - pending;
        late += lateSettled + pendingLate;
      }
      if (back > 0) returned++;
      if (late > 0) overdue++;
    }
    expect([returned > 5, overdue > 20, overdue < 104, extra > 5]).toEqual([true, true, true, true]);
  });
});

describe("the roll-up's data (templates/demo-units-my-hao-2025-03.json)", () => {
  it("holds the 13 real units of Mỹ Hào with plausible, non-zero figures that satisfy the report's rules", () => {
    expect(demoUnitNames()).toEqual(UNITS_OF_MY_HAO);
    expect(demoUnits.units.map((u) => u.code)).toEqual(Array.from({ length: 13 }, (_, i) => String(12103 + 3 * i)));
    const ids = rollupFields(loadDefinition()).map((f) => f.id);
    for (const v of unitValues()) {
      expect(Object.keys(v)).toEqual(ids);
      for (const id of ids) expect(Number.isInteger(v[id]) && v[id] >= 0).toBe(true);
      expect(v.PAKN_DUNG_HAN + v.PAKN_QUA_HAN + v.PAKN_DANG_XU_LY).toBe(v.PAKN_TONG);
      expect(v.TTHC_NB_THUC_THI).toBeLessThanOrEqual(v.TTHC_NB_PHE_DUYET);
      expect(v.TTHC_NB_PHE_DUYET).toBeLessThanOrEqual(v.TTHC_NB_CONG_BO);
    }
    for (const id of ids) expect(total(id)).toBeGreaterThan(0);
  });
});
