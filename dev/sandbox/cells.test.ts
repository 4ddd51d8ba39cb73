/**
 * How the sandbox's grid shows simulated cells (the page itself is tested end to end in
 * test/e2e): raw content for the formula bar, shown text, CSS and the extent of the grid.
 */
import { SimWorkbook } from "../excel-sim";
import { cellStyle, displayText, gridExtent, rawContent } from "./cells";

function book() {
  const wb = new SimWorkbook(["A", "B"]);
  wb.setCellValue("A", "C5", "12");
  wb.setCellValue("A", "C6", "ba");
  wb.setCellValue("B", "C5", "30");
  wb.setCellValue("A", "C7", "=SUM(A:B!C5)");
  wb.setCellValue("A", "C8", "=NOPE(1)");
  wb.ensureCalculated();
  return wb;
}

test("the formula bar shows the formula, else the value as typed", () => {
  const wb = book();
  expect(rawContent(wb.cell("A", "C5"))).toBe("12");
  expect(rawContent(wb.cell("A", "C6"))).toBe("ba");
  expect(rawContent(wb.cell("A", "C7"))).toBe("=SUM(A:B!C5)");
  expect(rawContent(wb.cell("A", "D1"))).toBe("");
});

test("the grid shows values under their number format, formula results and errors", () => {
  const wb = book();
  expect(displayText(wb.cell("A", "C7"))).toBe("42");
  expect(displayText(wb.cell("A", "C8"))).toBe("#NAME?");
  const c = { ...wb.cell("A", "C5"), numberFormat: "0.00" };
  expect(displayText(c)).toBe("12.00");
});

test("fills, fonts, alignment and borders become CSS; numbers align right by default", () => {
  const wb = book();
  const plain = cellStyle(wb.cell("A", "C5"));
  expect(plain).toMatchObject({ textAlign: "right", verticalAlign: "bottom", whiteSpace: "pre" });
  expect(plain.backgroundColor).toBeUndefined();
  expect(cellStyle(wb.cell("A", "C6")).textAlign).toBe("left");

  const marked = cellStyle({
    ...wb.cell("A", "C5"),
    fill: "#FFC7CE",
    font: { ...wb.cell("A", "C5").font, bold: true, italic: true, color: "#C00000", name: "Times New Roman", size: 12 },
    hAlign: "Center",
    vAlign: "Top",
    wrap: true,
    borders: { EdgeTop: { style: "Continuous", color: "#BFBFBF", weight: "Thin" } },
  });
  expect(marked).toMatchObject({
    backgroundColor: "#FFC7CE",
    fontWeight: 700,
    fontStyle: "italic",
    color: "#C00000",
    fontSize: "12pt",
    textAlign: "center",
    verticalAlign: "top",
    whiteSpace: "pre-wrap",
    borderTop: "1px solid #BFBFBF",
  });
  expect(marked.fontFamily).toMatch(/^"Times New Roman", "Liberation Serif", serif$/);
});

test("the grid covers the used area with room around it", () => {
  const wb = book();
  expect(gridExtent(wb.sheet("A")!)).toEqual({ rows: 40, cols: 10 });
  wb.setCellValue("A", "L60", "x");
  expect(gridExtent(wb.sheet("A")!)).toEqual({ rows: 70, cols: 14 });
});
