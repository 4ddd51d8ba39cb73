/**
 * The one reader of a unit's file, shared by `bao-cao rollup` and the pane's "Nhập từ tệp":
 * what it makes of a good file, a file of another kind, a report, an unreadable file; and the
 * command line and the pane giving the same reason for the same file.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../cli/testing";
import { readImportFile } from "../excel/import-units";
import { loadDefinition } from "../report/kinds";
import { rejectionMessage } from "./file-messages";
import { KIND_SHEET } from "./kind-sheet";
import { buildLayout } from "./layout";
import { readUnitFile, type UnitFileKind } from "./unit-file";
import { planRollup, type RollupSource } from "./unit-workbook";
import { buildUnitWorkbook, buildWorkbook, workbookBytes } from "./xlsx-write";

const monthly: UnitFileKind = { definition: loadDefinition("bao-cao-cctthc-thang"), layout: buildLayout(loadDefinition("bao-cao-cctthc-thang")) };
const quarterly = loadDefinition("bao-cao-giai-quyet-tthc");
const today = new Date(2025, 3, 1);

const unitBytes = async (def = monthly.definition, name = "Xã Hòa Phong", figures = { DGTD_TTHC: 4 }) =>
  workbookBytes(buildUnitWorkbook(def, name, def === monthly.definition ? figures : {}).workbook);

/** The message of a file's rejection, as the roll-up plan words it on each surface. */
const why = (source: RollupSource, surface: "cli" | "pane") => {
  const [r] = planRollup([source], []).rejected;
  return rejectionMessage(r, surface);
};

describe("readUnitFile", () => {
  it("a unit's workbook: its unit and figures, read as the roll-up's kind", async () => {
    const read = await readUnitFile({ name: "xa-hoa-phong.xlsx", bytes: await unitBytes() }, monthly, "cli");
    expect(read.source.kind).toBe("unit");
    if (read.source.kind !== "unit") return;
    expect(read.source.units.map((u) => [u.unitName, u.sheet, u.values.DGTD_TTHC])).toEqual([["Xã Hòa Phong", "Xã Hòa Phong", 4]]);
    expect(read.kind).toBe(monthly);
  });

  it("without the roll-up's kind, the file's own kind is used and returned", async () => {
    const read = await readUnitFile({ name: "xa-a.xlsx", bytes: await unitBytes(quarterly, "Xã A") }, undefined, "cli");
    expect(read.source.kind).toBe("unit");
    expect(read.kind?.definition.id).toBe("bao-cao-giai-quyet-tthc");
    expect(read.kind?.layout.sheets.length).toBeGreaterThan(0);
  });

  it("a unit's workbook of another kind: left out, with both kinds' titles", async () => {
    const read = await readUnitFile({ name: "xa-a.xlsx", bytes: await unitBytes(quarterly, "Xã A") }, monthly, "pane");
    expect(read.source).toEqual({ file: "xa-a.xlsx", kind: "otherKind", found: quarterly.title, expected: monthly.definition.title });
    expect(read.kind).toBeUndefined();
    expect(why(read.source, "cli")).toBe(
      `Tệp "xa-a.xlsx" là sổ của loại báo cáo "${quarterly.title}", không cùng loại với sổ tổng hợp ("${monthly.definition.title}"); ` +
        "không trộn các loại báo cáo trong một lần tổng hợp.",
    );
    expect(why(read.source, "pane")).toBe(
      `Tệp này là sổ của loại báo cáo "${quarterly.title}", không cùng loại với sổ đang mở ("${monthly.definition.title}"); ` +
        "không trộn các loại báo cáo trong một lần tổng hợp.",
    );
  });

  it("a report workbook, not a unit's", async () => {
    const bytes = await workbookBytes(buildWorkbook(monthly.definition, monthly.layout));
    const read = await readUnitFile({ name: "bao-cao.xlsx", bytes }, monthly, "pane");
    expect(read.source).toEqual({ file: "bao-cao.xlsx", kind: "report" });
    expect(why(read.source, "pane")).toBe(
      "Tệp này là sổ báo cáo (có các trang tính của mẫu báo cáo), không phải sổ số liệu của một đơn vị. Đơn vị cần điền số liệu vào sổ mẫu dành cho đơn vị.",
    );
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["an empty file", new Uint8Array(0), /^Tệp "x\.xlsx" rỗng \(0 byte\), không phải sổ Excel \.xlsx\.$/],
    ["a text file renamed .xlsx", new TextEncoder().encode("STT;Chỉ tiêu\n1;2\n"), /^Tệp "x\.xlsx" không phải sổ Excel \.xlsx \(có thể là tệp văn bản/],
  ])("%s: unreadable, with the reason naming the file", async (_name, bytes, message) => {
    const read = await readUnitFile({ name: "x.xlsx", bytes }, monthly, "cli");
    expect(read.source.kind).toBe("unreadable");
    expect(why(read.source, "cli")).toMatch(message);
    expect(read.snapshot).toBeUndefined();
  });
});

describe("the command line and the pane give the same reason", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "bao-cao-unit-file-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The pane's message, and the command line's "Bỏ qua:" line for the same bytes, the file's naming taken off. */
  async function bothSay(name: string, bytes: Uint8Array): Promise<{ pane: string; cli: string }> {
    const good = join(dir, "xa-tot.xlsx");
    writeFileSync(good, await unitBytes(monthly.definition, "Xã Tốt"));
    const bad = join(dir, name);
    writeFileSync(bad, bytes);
    const r = await runCli(["rollup", "-o", join(dir, `tong-hop-${name}`), good, bad], { today });
    expect(r.code).toBe(1);
    const line = r.err.find((l) => l.startsWith("Bỏ qua: "))!;
    expect(line.startsWith(`Bỏ qua: Tệp "${bad}" `)).toBe(true);
    const source = await readImportFile(monthly.definition, monthly.layout, { name, bytes });
    const pane = why(source, "pane");
    expect(pane.startsWith("Tệp này ")).toBe(true);
    return { pane: pane.slice("Tệp này ".length), cli: line.slice(`Bỏ qua: Tệp "${bad}" `.length) };
  }

  it("a damaged (truncated) file", async () => {
    const whole = await unitBytes();
    const { pane, cli } = await bothSay("hong.xlsx", whole.subarray(0, 1500));
    expect(cli).toBe(pane);
    expect(pane).toBe("bị hỏng hoặc chưa chép, tải về hết: không mở được như một sổ Excel .xlsx. Hãy xin đơn vị gửi lại tệp.");
  });

  it("an Excel 97-2003 file (or a password-protected .xlsx)", async () => {
    const { pane, cli } = await bothSay("cu.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)]));
    expect(cli).toBe(pane);
    expect(pane).toMatch(/^là sổ Excel 97-2003 \(\.xls\) hoặc sổ \.xlsx có đặt mật khẩu/);
  });

  it("a unit's workbook of another kind", async () => {
    const { pane, cli } = await bothSay("quy.xlsx", await unitBytes(quarterly, "Xã Quý"));
    expect(cli.replace("sổ tổng hợp", "sổ đang mở")).toBe(pane);
  });
});

describe("a workbook of a kind this version does not have", () => {
  it("is unreadable on both surfaces, with the reason (the file named on the command line)", async () => {
    const { workbook } = buildUnitWorkbook(monthly.definition, "Xã A", {});
    workbook.getWorksheet(KIND_SHEET)!.getCell("B1").value = "bao-cao-tuong-lai";
    const bytes = await workbookBytes(workbook);
    const reason = `Sổ thuộc loại báo cáo "bao-cao-tuong-lai" mà bản bao-cao này không có (trang ẩn ${KIND_SHEET}). Hãy cập nhật add-in hoặc công cụ dòng lệnh.`;
    expect((await readUnitFile({ name: "xa-a.xlsx", bytes }, monthly, "cli")).source).toEqual({
      file: "xa-a.xlsx",
      kind: "unreadable",
      message: `Tệp "xa-a.xlsx": ${reason}`,
    });
    expect((await readUnitFile({ name: "xa-a.xlsx", bytes }, undefined, "pane")).source).toEqual({ file: "xa-a.xlsx", kind: "unreadable", message: reason });
  });
});
