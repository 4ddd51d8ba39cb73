/**
 * The definition a workbook carries in its kind sheet, as an older version wrote it: a
 * count's unit of measure under the key "unit" (now "measure").
 */
import { prepareExport } from "../commands/export-report";
import { packReport } from "../docx";
import { unpackDocx } from "../docx/docx-xml.testutil";
import { parseDefinition } from "../report/definition-schema";
import { loadDefinition } from "../report/kinds";
import { sampleData } from "../report/sample";
import type { ReportDefinition } from "../report/types";
import { snapshotFromData } from "./data-snapshot";
import { definitionOfWorkbook } from "./kind-of";
import { KIND_SHEET, kindSheetLayout } from "./kind-sheet";
import { buildLayout } from "./layout";

describe('a workbook carrying an own definition with "unit"', () => {
  it('reads it as the definition with "measure", then checks and exports the same report', async () => {
    // an office's own copy of the monthly kind, and the same copy as written before the rename
    const def = parseDefinition(structuredClone(loadDefinition()), "rieng.json");
    const oldJson = {
      ...def,
      fields: def.fields.map((f) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k === "measure" ? "unit" : k, v]))),
    };
    expect(JSON.stringify(oldJson)).toContain('"unit":"TTHC"');
    const data = sampleData();
    const snapshot = snapshotFromData(def, buildLayout(def), data);
    const kindSheet = snapshot.sheets.find((s) => s.name === KIND_SHEET)!;
    kindSheet.cells = Object.fromEntries(kindSheetLayout(oldJson as unknown as ReportDefinition, true).cells.map((c) => [c.address, c.value]));
    expect(String(kindSheet.cells.A2)).toContain('"unit":"PAKN"');

    const read = await definitionOfWorkbook(snapshot);
    expect(read).toEqual(def);
    expect(read.fields.find((f) => f.id === "PAKN_TONG")!.measure).toBe("PAKN");
    const prepared = prepareExport(read, buildLayout(read), snapshot, { today: new Date(2024, 11, 5) });
    expect(prepared.ok && prepared.fileName).toBe("bao-cao-cctthc-thang-11-2024.docx");
    if (!prepared.ok) return;
    const [a, b] = await Promise.all([packReport(read, prepared.data), packReport(def, data)]);
    expect((await unpackDocx(a))["word/document.xml"]).toBe((await unpackDocx(b))["word/document.xml"]);
  });
});
