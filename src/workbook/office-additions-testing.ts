/**
 * Test helper: a report workbook made the office's own, as openpyxl would write it (parts
 * added by hand into the package): the seven additions the writers must keep.
 *
 * 1. an own sheet "Ghi chép" with values and a formula into "I. Kết quả" (PAKN_TONG), printed landscape;
 * 2. a bar chart on it (drawing → chart part) of its figures;
 * 3. a comment (note) on 'I. Kết quả'!A1 (comments part + its VML shape);
 * 4. column B of "I. Kết quả" 77 wide;
 * 5. a conditional format on "I. Kết quả" (figures over 100 in bold red);
 * 6. a TCVN3 text in a ".VnTime" font on the own sheet (A6);
 * 7. a defined name of the office's own ("GhiChep_Tong").
 */
import JSZip from "jszip";
import { toTcvn3 } from "../text/legacy-vn";

export const OWN_SHEET = "Ghi chép";
export const RESULTS_SHEET = "I. Kết quả";
export const OWN_TEXT = "Số liệu đã đối chiếu với phần mềm một cửa";
export const COMMENT_TEXT = "Ghi chú của văn phòng: số liệu lấy từ phần mềm một cửa";
export const OWN_NAME = "GhiChep_Tong";
/** the own sheet's formula into the report (its PAKN_TONG cell) */
export const OWN_FORMULA = "'I. Kết quả'!C12*2";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function ownSheetXml(tcvnStyle: number): string {
  const rows = [
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Tháng</t></is></c><c r="B1" t="inlineStr"><is><t>PAKN</t></is></c></row>`,
    `<row r="2"><c r="A2" t="inlineStr"><is><t>Tháng 9</t></is></c><c r="B2"><v>14</v></c></row>`,
    `<row r="3"><c r="A3" t="inlineStr"><is><t>Tháng 10</t></is></c><c r="B3"><v>9</v></c></row>`,
    `<row r="4"><c r="A4" t="inlineStr"><is><t>Tháng này x 2</t></is></c><c r="B4"><f>${esc(OWN_FORMULA)}</f><v>24</v></c></row>`,
    `<row r="6"><c r="A6" s="${tcvnStyle}" t="inlineStr"><is><t>${esc(toTcvn3(OWN_TEXT))}</t></is></c></row>`,
  ];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    `<dimension ref="A1:B6"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>` +
    `<cols><col min="1" max="1" width="30" customWidth="1"/></cols><sheetData>${rows.join("")}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape"/><drawing r:id="rId1"/></worksheet>`
  );
}

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:oneCellAnchor><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="4800000" cy="2700000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Biểu đồ PAKN"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="${NS_R}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`;

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'Ghi chép'!$A$2:$A$4</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'Ghi chép'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser><c:gapWidth val="150"/><c:axId val="10"/><c:axId val="100"/></c:barChart><c:catAx><c:axId val="10"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="100"/></c:catAx><c:valAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="10"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const COMMENTS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<comments xmlns="${NS_MAIN}"><authors><author>Văn phòng</author></authors><commentList><comment ref="A1" authorId="0"><text><t>${esc(COMMENT_TEXT)}</t></text></comment></commentList></comments>`;

const VML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>0</x:Row><x:Column>0</x:Column></x:ClientData></v:shape></xml>`;

/** The part of a sheet (by name) in a package. */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id =
    new RegExp(`<sheet\\b[^>]*name="${esc(name)}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1] ??
    new RegExp(`<sheet\\b[^>]*r:id="([^"]+)"[^>]*name="${esc(name)}"`).exec(wb)![1];
  const target =
    new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship\\b[^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** Puts `xml` right before the first of `before` found in the sheet (schema order), else before </worksheet>. */
function insertBefore(sheet: string, xml: string, before: string[]): string {
  for (const tag of before) {
    const at = sheet.search(new RegExp(`<${tag}\\b`));
    if (at >= 0) return sheet.slice(0, at) + xml + sheet.slice(at);
  }
  return sheet.replace("</worksheet>", `${xml}</worksheet>`);
}

/** The report workbook `bytes` (as written by `template`) with the seven additions. */
export async function withOfficeAdditions(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const put = (path: string, text: string) => zip.file(path, text);
  const get = async (path: string) => zip.file(path)!.async("string");

  // the .VnTime font and a cell style with it (6)
  let styles = await get("xl/styles.xml");
  const fontCount = Number(/<fonts count="([0-9]+)"/.exec(styles)![1]);
  styles = styles
    .replace(/<fonts count="[0-9]+"/, `<fonts count="${fontCount + 1}"`)
    .replace("</fonts>", `<font><sz val="12"/><name val=".VnTime"/></font></fonts>`);
  const xfCount = Number(/<cellXfs count="([0-9]+)"/.exec(styles)![1]);
  styles = styles
    .replace(/<cellXfs count="[0-9]+"/, `<cellXfs count="${xfCount + 1}"`)
    .replace("</cellXfs>", `<xf numFmtId="0" fontId="${fontCount}" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>`);
  // the conditional format's look (5)
  styles = styles.replace(/<dxfs count="0"\/>|<dxfs count="0"><\/dxfs>/, `<dxfs count="1"><dxf><font><b/><color rgb="FFFF0000"/></font></dxf></dxfs>`);
  put("xl/styles.xml", styles);

  // the own sheet, its chart, landscape (1, 2)
  const wbXml = await get("xl/workbook.xml");
  const sheetId = Math.max(...[...wbXml.matchAll(/sheetId="([0-9]+)"/g)].map((m) => Number(m[1]))) + 1;
  let rels = await get("xl/_rels/workbook.xml.rels");
  put(
    "xl/_rels/workbook.xml.rels",
    rels.replace("</Relationships>", `<Relationship Id="rIdOwn1" Type="${REL}/worksheet" Target="worksheets/ghichep.xml"/></Relationships>`),
  );
  put(
    "xl/workbook.xml",
    wbXml
      .replace("</sheets>", `<sheet name="${OWN_SHEET}" sheetId="${sheetId}" r:id="rIdOwn1"/></sheets>`)
      .replace("</definedNames>", `<definedName name="${OWN_NAME}">'${OWN_SHEET}'!$B$2:$B$4</definedName></definedNames>`),
  );
  put("xl/worksheets/ghichep.xml", ownSheetXml(xfCount));
  put(
    "xl/worksheets/_rels/ghichep.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
  );
  put("xl/drawings/drawing1.xml", DRAWING);
  put(
    "xl/drawings/_rels/drawing1.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );
  put("xl/charts/chart1.xml", CHART);

  // "I. Kết quả": the comment on A1 (3), column B 77 wide (4), the conditional format (5)
  const results = await sheetPart(zip, RESULTS_SHEET);
  let sheet = await get(results);
  sheet = sheet.replace(/<col min="2" max="2" width="[0-9.]+"/, '<col min="2" max="2" width="77"');
  sheet = insertBefore(
    sheet,
    `<conditionalFormatting sqref="C5:C15"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>100</formula></cfRule></conditionalFormatting>`,
    ["dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup"],
  );
  sheet = insertBefore(sheet, `<legacyDrawing r:id="rIdCm2"/>`, ["legacyDrawingHF", "picture", "oleObjects", "tableParts", "extLst"]);
  put(results, sheet);
  const sheetRels = results.replace(/([^/]+)$/, "_rels/$1.rels");
  rels = zip.file(sheetRels)
    ? await get(sheetRels)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  put(
    sheetRels,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdCm1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rIdCm2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
    ),
  );
  put("xl/comments1.xml", COMMENTS);
  put("xl/drawings/vmlDrawing1.vml", VML);

  let types = await get("[Content_Types].xml");
  if (!types.includes('Extension="vml"')) types = types.replace("</Types>", `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/></Types>`);
  types = types.replace(
    "</Types>",
    `<Override PartName="/xl/worksheets/ghichep.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart1.xml" ContentType="${CT}.drawingml.chart+xml"/>` +
      `<Override PartName="/xl/comments1.xml" ContentType="${CT}.spreadsheetml.comments+xml"/></Types>`,
  );
  put("[Content_Types].xml", types);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** What a copy keeps of the seven additions, read from its package (for assertions). */
export async function officeAdditionsOf(bytes: Uint8Array): Promise<{
  ownSheet: { cells: Record<string, string>; formula: string | undefined; landscape: boolean; chart: boolean };
  comment: string | undefined;
  widthB: number | undefined;
  conditionalFormat: boolean;
  tcvnCell: { text: string | undefined; font: string | undefined };
  ownName: string | undefined;
}> {
  const zip = await JSZip.loadAsync(bytes);
  const get = async (path: string) => (zip.file(path) ? zip.file(path)!.async("string") : "");
  const wb = await get("xl/workbook.xml");
  const hasOwn = wb.includes(`name="${OWN_SHEET}"`);
  const own = hasOwn ? await get(await sheetPart(zip, OWN_SHEET)) : "";
  const ownPath = hasOwn ? await sheetPart(zip, OWN_SHEET) : "";
  const ownRels = hasOwn ? await get(ownPath.replace(/([^/]+)$/, "_rels/$1.rels")) : "";
  const drawing = /Target="\.\.\/drawings\/([^"]+)"/.exec(ownRels)?.[1];
  const drawingRels = drawing ? await get(`xl/drawings/_rels/${drawing}.rels`) : "";
  const chartPath = /Target="\.\.\/charts\/([^"]+)"/.exec(drawingRels)?.[1];
  const chart = chartPath ? await get(`xl/charts/${chartPath}`) : "";
  const cells: Record<string, string> = {};
  for (const m of own.matchAll(/<c r="([A-Z]+[0-9]+)"[^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(m[2] ?? "")?.[1] ?? /<v>([\s\S]*?)<\/v>/.exec(m[2] ?? "")?.[1];
    if (t !== undefined) cells[m[1]] = t;
  }
  const results = await get(await sheetPart(zip, RESULTS_SHEET));
  const resultsPath = await sheetPart(zip, RESULTS_SHEET);
  const resultsRels = await get(resultsPath.replace(/([^/]+)$/, "_rels/$1.rels"));
  const commentsPath = /Type="[^"]*\/comments" Target="\.\.\/([^"]+)"|Target="\.\.\/([^"]+)" Type="[^"]*\/comments"/.exec(resultsRels);
  const comments = commentsPath ? await get(`xl/${commentsPath[1] ?? commentsPath[2]}`) : "";
  const styles = await get("xl/styles.xml");
  const fonts = [...(/<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? "").matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map(
    (m) => /<name val="([^"]*)"/.exec(m[1] ?? "")?.[1],
  );
  const xfs = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "").matchAll(/<xf\b([^>]*?)(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) =>
    Number(/fontId="([0-9]+)"/.exec(m[1])?.[1] ?? 0),
  );
  const a6 = /<c r="A6"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/.exec(own);
  const a6Style = Number(/\bs="([0-9]+)"/.exec(a6?.[1] ?? "")?.[1] ?? 0);
  const unesc = (s: string | undefined) =>
    s
      ?.replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return {
    ownSheet: {
      cells,
      formula: unesc(/<c r="B4"[^>]*>[\s\S]*?<f>([\s\S]*?)<\/f>/.exec(own)?.[1]),
      landscape: /<pageSetup\b[^>]*orientation="landscape"/.test(own),
      chart: /<c:barChart>/.test(chart) && chart.includes("'Ghi chép'!$B$2:$B$4"),
    },
    comment: unesc(/<comment ref="A1"[\s\S]*?<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(comments)?.[1]),
    widthB: Number(/<col min="2" max="2" width="([0-9.]+)"/.exec(results)?.[1]) || undefined,
    conditionalFormat: /<conditionalFormatting sqref="C5:C15"><cfRule type="cellIs" dxfId="0"/.test(results),
    tcvnCell: { text: unesc(a6 ? /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/.exec(a6[2] ?? "")?.[1] : undefined), font: fonts[xfs[a6Style]] },
    ownName: unesc(new RegExp(`<definedName name="${OWN_NAME}">([^<]*)<`).exec(wb)?.[1]),
  };
}
