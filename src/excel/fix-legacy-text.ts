/**
 * "Chuyển sang Unicode" in Excel: the cells the check found in TCVN3 or VNI get their text
 * in Unicode (NFC) and a Unicode font (Times New Roman); nothing else changes. Two round
 * trips whatever the number of cells: read the cells (values, formulas, fonts where Excel
 * can give them, sheet protection), then every write in one batch. A cell whose text has
 * changed since the check, or that holds a formula, is left alone.
 */
import { scanLegacyText, type TextCell } from "../text/legacy-scan";
import type { LegacyEncoding } from "../text/legacy-vn";
import { UserFacingError } from "./errors";
import type { ExcelHost } from "./host";

/** The font the converted cells get (the Decree 30 font, Unicode). */
export const UNICODE_FONT = "Times New Roman";

export interface LegacyFixTarget {
  sheet: string;
  cell: string;
}

export interface LegacyFixOutcome {
  converted: { sheet: string; cell: string; encoding: LegacyEncoding; text: string }[];
  /** cells left alone: a formula, or text no longer in a legacy encoding */
  skipped: { sheet: string; cell: string; reason: "formula" | "notLegacy" }[];
}

export const MSG_FIX = {
  protectedSheets: (sheets: string[]) =>
    `Không chuyển được sang Unicode vì trang tính ${sheets.map((s) => `"${s}"`).join(", ")} đang được bảo vệ. Bỏ bảo vệ rồi thử lại.`,
} as const;

export async function convertLegacyCells(host: ExcelHost, targets: readonly LegacyFixTarget[]): Promise<LegacyFixOutcome> {
  const outcome: LegacyFixOutcome = { converted: [], skipped: [] };
  if (targets.length === 0) return outcome;
  const withFonts = host.isSetSupported("ExcelApi", "1.9");
  return host.run(async (context) => {
    // first round trip: the cells as they are now, and whether their sheets are protected
    const sheetNames = [...new Set(targets.map((t) => t.sheet))];
    const protections = sheetNames.map((name) => {
      const p = context.workbook.worksheets.getItem(name).protection;
      p.load("protected");
      return { name, p };
    });
    const read = targets.map((t) => {
      const range = context.workbook.worksheets.getItem(t.sheet).getRange(t.cell);
      range.load("values,formulas");
      const props = withFonts ? range.getCellProperties({ format: { font: { name: true } } }) : undefined;
      return { ...t, range, props };
    });
    await context.sync();
    const blocked = protections.filter((x) => x.p.protected).map((x) => x.name);
    if (blocked.length) throw new UserFacingError(MSG_FIX.protectedSheets(blocked));

    const cells: (TextCell & { range: Excel.Range })[] = [];
    for (const r of read) {
      const formula = r.range.formulas[0][0];
      const value = r.range.values[0][0];
      if (typeof formula === "string" && formula.startsWith("=")) {
        outcome.skipped.push({ sheet: r.sheet, cell: r.cell, reason: "formula" });
        continue;
      }
      const font = r.props?.value[0]?.[0]?.format?.font?.name;
      cells.push({ sheet: r.sheet, address: r.cell, text: typeof value === "string" ? value : "", ...(font ? { font } : {}), range: r.range });
    }
    const found = new Map(scanLegacyText(cells).map((c) => [`${c.sheet}!${c.address}`, c] as const));

    // second round trip: every write at once
    for (const c of cells) {
      const legacy = found.get(`${c.sheet}!${c.address}`);
      if (!legacy) {
        outcome.skipped.push({ sheet: c.sheet, cell: c.address, reason: "notLegacy" });
        continue;
      }
      c.range.values = [[legacy.converted]];
      c.range.format.font.name = UNICODE_FONT;
      outcome.converted.push({ sheet: c.sheet, cell: c.address, encoding: legacy.encoding, text: legacy.converted });
    }
    if (outcome.converted.length) await context.sync();
    return outcome;
  });
}
