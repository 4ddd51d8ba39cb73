/**
 * Where unit sheets go: between the bookend sheets, so the roll-up's span adds exactly
 * the units. Pure planning of the sheet order.
 */
import { BOOKEND_END, BOOKEND_START } from "../report/rollup";

/**
 * The order the workbook should have: sheets outside the bookends stay where they are;
 * unit sheets (wherever they were) sit between the bookends in their current relative
 * order; a non-unit sheet found between the bookends moves just after the end bookend.
 * Bookends missing from `sheets` are placed after `anchor` (the last standard sheet), or
 * at the end.
 */
export function plannedSheetOrder(sheets: string[], units: Set<string>, anchor?: string): string[] {
  const isUnit = (s: string) => units.has(s);
  let order = sheets.filter((s) => !isUnit(s));
  if (!order.includes(BOOKEND_START) || !order.includes(BOOKEND_END)) {
    order = order.filter((s) => s !== BOOKEND_START && s !== BOOKEND_END);
    const at = anchor && order.includes(anchor) ? order.indexOf(anchor) + 1 : order.length;
    order.splice(at, 0, BOOKEND_START, BOOKEND_END);
  }
  let start = order.indexOf(BOOKEND_START);
  let end = order.indexOf(BOOKEND_END);
  if (end < start) {
    order.splice(end, 1);
    start = order.indexOf(BOOKEND_START);
    order.splice(start + 1, 0, BOOKEND_END);
    end = start + 1;
  }
  const intruders = order.slice(start + 1, end);
  order.splice(start + 1, intruders.length);
  end = order.indexOf(BOOKEND_END);
  order.splice(end + 1, 0, ...intruders);
  order.splice(start + 1, 0, ...sheets.filter(isUnit));
  return order;
}

/** The sheets whose position changes, in the order to assign them (position = index). */
export function positionChanges(current: string[], target: string[]): { sheet: string; position: number }[] {
  const moves: { sheet: string; position: number }[] = [];
  const now = [...current];
  target.forEach((sheet, i) => {
    const at = now.indexOf(sheet);
    if (at === i) return;
    if (at >= 0) now.splice(at, 1);
    now.splice(i, 0, sheet);
    moves.push({ sheet, position: i });
  });
  return moves;
}
