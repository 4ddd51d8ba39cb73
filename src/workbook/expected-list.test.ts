import { loadDefinition } from "../report/kinds";
import { compareExpected, expectedListLayout, expectedUnitKey, hasNoFigure, parseExpectedList, readExpectedList, unitKey } from "./expected-list";
import type { WorkbookSnapshot } from "./snapshot";

const dossier = loadDefinition("bao-cao-giai-quyet-tthc");
const list = dossier.units.expected!;

describe("matching a name of the list with a unit's name", () => {
  it.each([
    ["Xã An Bình", "an bình"],
    ["  XÃ   AN  BÌNH ", "an bình"],
    ["UBND xã An Bình", "an bình"],
    ["Ủy ban nhân dân Phường Đông Hưng.", "đông hưng"],
    ["Thị trấn Như Quỳnh", "như quỳnh"],
    ["Phường\u00a0Mỹ Hào", "mỹ hào"],
    // decomposed Unicode (a file typed with a combining-mark keyboard) is the same name
    ["Xa\u0303 An Bi\u0300nh", "an bình"],
  ])("%s → %s", (name, key) => expect(expectedUnitKey(name)).toBe(key));

  it("keeps a name that is only the prefix word, and does not cut a word that merely starts like one", () => {
    expect(expectedUnitKey("Xã")).toBe("xã");
    expect(expectedUnitKey("Phường Xá")).toBe("xá");
    expect(expectedUnitKey("Xãi Lý")).toBe("xãi lý");
  });

  it("two different units stay different; the roll-up's own key still keeps the prefix", () => {
    expect(expectedUnitKey("Xã An Bình")).not.toBe(expectedUnitKey("Xã An Bình Đông"));
    expect(unitKey("Xã An Bình")).toBe("xã an bình");
  });
});

describe("a list file", () => {
  it("one name per line: blank lines, a BOM, numbering and a pasted STT column dropped; a repeated name kept once", () => {
    const parsed = parseExpectedList("\uFEFF1. Xã An Bình\r\n\r\n2) Phường Đông\n3\tXã Tây\nxã an  bình\n  Thị trấn Bắc  \n");
    expect(parsed.names).toEqual(["Xã An Bình", "Phường Đông", "Xã Tây", "Thị trấn Bắc"]);
    expect(parsed.duplicates).toEqual([{ name: "xã an bình", line: 5, firstLine: 1 }]);
  });

  it("a header line copied with the list from a sheet is not a unit", () => {
    expect(parseExpectedList("STT\tTên đơn vị\n1\tXã An Bình\n2\tPhường Đông\n").names).toEqual(["Xã An Bình", "Phường Đông"]);
    expect(parseExpectedList("Tên đơn vị:\nXã An Bình\n").names).toEqual(["Xã An Bình"]);
  });

  it("a name that is a number is not taken for numbering when it has no dot", () => {
    expect(parseExpectedList("Phường 1\nPhường 2").names).toEqual(["Phường 1", "Phường 2"]);
  });
});

describe("the list's sheet", () => {
  const names = ["Xã An Bình", "Phường Đông"];
  const layout = expectedListLayout(list, names);

  it("is laid out from the definition: title, hint, header, then one name per row, offered (the office's to edit)", () => {
    expect(layout.name).toBe("Danh sách đơn vị");
    expect(layout.cells.slice(0, 3).map((c) => c.value)).toEqual([list.title, list.hint, "Tên đơn vị"]);
    expect(layout.cells.filter((c) => c.offered).map((c) => [c.address, c.offered])).toEqual([
      ["A4", "Xã An Bình"],
      ["A5", "Phường Đông"],
    ]);
    expect(layout.inputs).toEqual([]);
  });

  it("is read back, even with rows inserted above the header; a name written twice counts once", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [{ name: "danh sách đơn vị", cells: { A1: list.title, A5: "Tên đơn vị", A6: "Xã An Bình", A8: " Phường  Đông ", A9: "xã an bình" } }],
      names: {},
    };
    expect(readExpectedList(dossier, snapshot)).toEqual({
      sheet: "danh sách đơn vị",
      units: [
        { name: "Xã An Bình", cell: "A6" },
        { name: "Phường Đông", cell: "A8" },
      ],
    });
    expect(readExpectedList(dossier, { sheets: [{ name: "Khác", cells: {} }], names: {} })).toBeNull();
  });
});

describe("the list against the units", () => {
  it("names who has no sheet, whose sheet is empty, and the units not on the list", () => {
    const cmp = compareExpected(
      [{ name: "Xã An Bình" }, { name: "Phường Đông" }, { name: "Xã Tây" }],
      [
        { unitName: "UBND xã An Bình", sheet: "An Bình", empty: false },
        { unitName: "Phường Đông", sheet: "Đông", empty: true },
        { unitName: "Xã Nam", sheet: "Nam", empty: false },
      ],
    );
    expect(cmp.missing).toEqual([{ name: "Xã Tây" }]);
    expect(cmp.empty).toEqual([{ name: "Phường Đông", sheet: "Đông" }]);
    expect(cmp.extra.map((u) => u.unitName)).toEqual(["Xã Nam"]);
    expect(cmp.notSent).toEqual(["Phường Đông", "Xã Tây"]);
  });

  it("a unit's figures read from its file: blank, or only computed columns, is no figure; a 0 typed is one", () => {
    const computedAt = dossier.fields.find((f) => f.id === "BIEU_06")!.table!.columns.findIndex((c) => c.sumOf);
    const row = (v: number | null) => Array.from({ length: 11 }, (_, c) => (c === computedAt ? 0 : v));
    expect(hasNoFigure(dossier, { values: {}, tables: { BIEU_06: { cells: [row(null), row(null)] } } })).toBe(true);
    expect(hasNoFigure(dossier, { values: {}, tables: { BIEU_06: { cells: [row(null), row(0)] } } })).toBe(false);
  });
});
